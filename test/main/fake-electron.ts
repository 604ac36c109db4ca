/**
 * A small stand-in for the `electron` module, enough to run the main-process modules in
 * vitest: windows and web contents are event emitters that record what was done to them.
 * Use with `vi.mock('electron', () => import('./fake-electron'))`.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/** An event like Electron's: records preventDefault. */
export function fakeEvent<T extends object>(extra?: T): { preventDefault: () => void; defaultPrevented: boolean } & T {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
    ...extra,
  } as { preventDefault: () => void; defaultPrevented: boolean } & T;
  return e;
}

/** An IPC event as sent by a frame at `url` (`parent` set for an iframe, `null` frame when gone). */
export function ipcEventFrom(url: string | null, opts: { iframe?: boolean } = {}) {
  return {
    senderFrame: url === null ? null : { url, parent: opts.iframe ? { url } : null },
    sender: { id: 1 },
  };
}

export class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' };
  destroyed = false;
  url = 'app://ledger/index.html';
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  reload = vi.fn();
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  options: Record<string, unknown>;
  webContents = new FakeWebContents();
  minimized = false;
  visible = false;
  focused = false;
  maximized = false;
  destroyed = false;
  loadedUrl?: string;
  bounds = { x: 10, y: 20, width: 1200, height: 700 };
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  isVisible() {
    return this.visible;
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {
    this.focused = true;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return this.bounds;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Like Electron: emits 'close' (cancellable), then destroys and emits 'closed'. */
  close() {
    const e = fakeEvent();
    this.emit('close', e);
    if (e.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  listeners: new Map<string, Handler[]>(),
  handle(channel: string, fn: Handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  },
  on(channel: string, fn: Handler) {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), fn]);
  },
  /** Test helper: forget every handler (between tests). */
  reset() {
    this.handlers.clear();
    this.listeners.clear();
  },
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
};

export const shell = { openPath: vi.fn(async () => '') };

export const Menu = {
  template: undefined as unknown,
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu(menu: unknown) {
    Menu.template = menu;
  },
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export class FakeSession {
  permissionRequestHandler?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheckHandler?: (...args: unknown[]) => boolean;
  beforeRequest?: (details: { url: string }, callback: (res: { cancel: boolean }) => void) => void;
  beforeRequestFilter?: unknown;
  headersReceived?: (details: { responseHeaders?: Record<string, string[]> }, callback: (res: { responseHeaders: Record<string, string[]> }) => void) => void;
  webRequest = {
    onBeforeRequest: (filter: unknown, fn: FakeSession['beforeRequest']) => {
      this.beforeRequestFilter = filter;
      this.beforeRequest = fn;
    },
    onHeadersReceived: (fn: FakeSession['headersReceived']) => {
      this.headersReceived = fn;
    },
  };
  setPermissionRequestHandler(fn: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = fn;
  }
  setPermissionCheckHandler(fn: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = fn;
  }
  setDevicePermissionHandler = vi.fn();
  setDisplayMediaRequestHandler = vi.fn();
  setSpellCheckerDictionaryDownloadURL = vi.fn();
  setSpellCheckerEnabled = vi.fn();
}

export const session = { defaultSession: new FakeSession() };

/** The app object; `paths` decides what getPath returns (a temp folder by default). */
class FakeApp extends EventEmitter {
  paths: Record<string, string> = { appData: join(tmpdir(), 'fake-appdata'), documents: join(tmpdir(), 'fake-documents') };
  isPackaged = true;
  singleInstanceLock = true;
  name = 'electron';
  calls: string[] = [];
  readyResolve!: () => void;
  ready = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });
  requestSingleInstanceLock = vi.fn(() => {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstanceLock;
  });
  quit = vi.fn(() => this.calls.push('quit'));
  enableSandbox = vi.fn(() => this.calls.push('enableSandbox'));
  whenReady() {
    return this.ready;
  }
  getVersion() {
    return '0.1.0';
  }
  setName(name: string) {
    this.name = name;
  }
  getPath(name: string) {
    const p = this.paths[name];
    if (!p) throw new Error(`no path ${name}`);
    return p;
  }
  setPath(name: string, value: string) {
    this.calls.push(`setPath:${name}`);
    this.paths[name] = value;
  }
}

export const app = new FakeApp();

/** Forgets everything recorded so far: a fresh app, no windows, handlers or menu. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.calls = [];
  app.singleInstanceLock = true;
  app.ready = new Promise<void>((resolve) => {
    app.readyResolve = resolve;
  });
  app.requestSingleInstanceLock.mockClear();
  app.quit.mockClear();
  app.enableSandbox.mockClear();
  BrowserWindow.instances = [];
  ipcMain.reset();
  session.defaultSession = new FakeSession();
  protocol.registerSchemesAsPrivileged.mockClear();
  protocol.handle.mockClear();
  Menu.template = undefined;
}

export default { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell };
