/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * one test per item, run against the real entry point with electron mocked: the window,
 * session, web contents and handlers are the ones the app creates at start-up.
 */
import { mkdtemp } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { CHANNELS } from '../../src/shared/bridge';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';

vi.mock('electron', () => import('./fake-electron'));

type Fake = typeof import('./fake-electron');
const ROOT = resolve(import.meta.dirname, '../..');

let fake: Fake;
let win: InstanceType<Fake['BrowserWindow']>;
let prefs: Record<string, unknown>;

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL;
  vi.resetModules();
  fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();
  fake.app.paths.appData = await mkdtemp(join(tmpdir(), 'ledger-checklist-'));
  await import('../../src/main/index');
  fake.app.readyResolve();
  await vi.waitFor(() => expect(fake.BrowserWindow.instances.length).toBeGreaterThan(0));
  win = fake.BrowserWindow.instances.at(-1)!;
  await vi.waitFor(() => expect(win.loadedUrl).toBeDefined());
  prefs = win.options.webPreferences as Record<string, unknown>;
  // Electron fires web-contents-created for every contents; the fake does it by hand.
  fake.app.emit('web-contents-created', {}, win.webContents);
});

function cancelled(url: string): boolean {
  let res: boolean | undefined;
  fake.session.defaultSession.beforeRequest!({ url }, (r) => (res = r.cancel));
  return res!;
}

function navigationRefused(url: string): boolean {
  const e = fake.fakeEvent();
  win.webContents.emit('will-navigate', e, url);
  return e.defaultPrevented;
}

/** Every source file under src/ (to prove an API is never called). */
function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe("Electron's security checklist", () => {
  it('1. only secure content: the page comes from app://ledger (a secure scheme), every http(s) request is cancelled', () => {
    expect(win.loadedUrl).toBe('app://ledger/index.html');
    const scheme = fake.protocol.registerSchemesAsPrivileged.mock.calls[0]![0] as { scheme: string; privileges: { secure: boolean } }[];
    expect(scheme[0]).toMatchObject({ scheme: 'app', privileges: { secure: true } });
    for (const url of ['http://example.com/a.js', 'https://cdn.example.com/x.css', 'ws://example.com/']) expect(cancelled(url), url).toBe(true);
    expect(cancelled('app://ledger/assets/index.js')).toBe(false);
  });

  it('2. no Node.js integration in the page, its workers or frames', () => {
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });

  it('3. context isolation', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. process sandboxing, for this window and every renderer', () => {
    expect(prefs.sandbox).toBe(true);
    expect(fake.app.calls).toContain('enableSandbox');
  });

  it('5. permission requests (camera, notifications, geolocation …) are all refused', () => {
    const s = fake.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      s.permissionRequestHandler!(win.webContents, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(s.permissionCheckHandler!(win.webContents, permission), permission).toBe(false);
    }
  });

  it('6. webSecurity stays on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('7. a Content-Security-Policy is sent with every response', () => {
    let headers: Record<string, string[]> | undefined;
    fake.session.defaultSession.headersReceived!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });

  it('8. allowRunningInsecureContent is off', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. no experimental Chromium features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10. no enableBlinkFeatures', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    for (const file of sources()) expect(readFileSync(file, 'utf8'), file).not.toMatch(/enableBlinkFeatures/);
  });

  it('11. no <webview> at all, so no allowpopups', () => {
    expect(prefs.webviewTag).toBe(false);
    for (const file of sources()) expect(readFileSync(file, 'utf8'), file).not.toMatch(/allowpopups/i);
  });

  it('12. webview options are verified: any <webview> attach is refused', () => {
    const e = fake.fakeEvent();
    win.webContents.emit('will-attach-webview', e, { preload: '/tmp/evil.js', nodeIntegration: true }, { src: 'https://example.com/' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('13. navigation is limited to the app itself', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'data:text/html,x']) expect(navigationRefused(url), url).toBe(true);
    expect(navigationRefused('app://ledger/index.html')).toBe(false);
  });

  it('14. new windows are refused', () => {
    expect(win.webContents.windowOpenHandler!({ url: 'app://ledger/index.html' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal is never used (no untrusted content reaches it)', () => {
    const users = sources().filter((f) => /openExternal/.test(readFileSync(f, 'utf8')));
    expect(users).toEqual([]);
    expect(fake.shell).not.toHaveProperty('openExternal');
  });

  it('16. a current Electron: pinned exactly, the lock file and the installed copy agree, on a supported major', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = pkg.devDependencies.electron!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    expect(lock.packages['node_modules/electron']!.version).toBe(pinned);
    const installed = join(ROOT, 'node_modules/electron/package.json');
    if (existsSync(installed)) expect((JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version).toBe(pinned);
    // 45.5.0 was the newest 45.x when this was checked (`npm view electron dist-tags`).
    const [major, minor] = pinned.split('.').map(Number);
    expect(major).toBeGreaterThanOrEqual(45);
    if (major === 45) expect(minor).toBeGreaterThanOrEqual(5);
  });

  it('17. IPC senders are validated: a foreign page or an iframe gets nothing', async () => {
    const handler = fake.ipcMain.handlers.get(CHANNELS.appInfo)!;
    await expect(Promise.resolve().then(() => handler(fake.ipcEventFrom('https://example.com/')))).rejects.toThrow();
    await expect(Promise.resolve().then(() => handler(fake.ipcEventFrom('app://ledger/index.html', { iframe: true })))).rejects.toThrow();
    await expect(Promise.resolve().then(() => handler(fake.ipcEventFrom('app://ledger/index.html')))).resolves.toMatchObject({ platform: 'desktop' });
  });

  it('18. no file:// — the renderer is served by the app protocol and file URLs are cancelled', async () => {
    expect(win.loadedUrl?.startsWith('file:')).toBe(false);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(cancelled('file:///C:/Windows/win.ini')).toBe(true);
    const fuses = (await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null)).electronFuses;
    expect(fuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('19. fuses: no run-as-node, no NODE_OPTIONS, no inspector, asar only and integrity-checked', async () => {
    const fuses = (await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null)).electronFuses;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('20. no Electron API reaches the page: the preload exposes one object of plain functions, never ipcRenderer', async () => {
    const exposed: Record<string, unknown> = {};
    vi.resetModules();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { on: vi.fn(), invoke: vi.fn(), send: vi.fn(), removeListener: vi.fn() },
    }));
    await import('../../src/preload/index');
    vi.doUnmock('electron');
    expect(Object.keys(exposed)).toEqual(['ledger']);
    const bridge = exposed.ledger as Record<string, unknown>;
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.keys(bridge)).not.toEqual(expect.arrayContaining(['invoke']));
    expect(Object.keys(bridge).some((k) => /ipc|invoke|send|electron|require/i.test(k))).toBe(false);
    expect(preloadPathIsTheOnlyOne()).toBe(true);
  });
});

/** The window's preload is the app's own bundled file. */
function preloadPathIsTheOnlyOne(): boolean {
  return typeof prefs.preload === 'string' && /preload[\\/]index\.cjs$/.test(prefs.preload);
}
