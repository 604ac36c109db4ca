/**
 * The one application window: secure web preferences, size and position remembered in
 * userData/window-state.json (and put back on screen if that monitor is gone).
 */
import { BrowserWindow, screen, type Rectangle } from 'electron';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The window title (also the product name). */
export const WINDOW_TITLE = '区级科创任务台账';

/** What is remembered about the window between runs. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});

/** The target laptop screen is 1366×768: start maximized there, at 1366×768 elsewhere. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1366, height: 768, maximized: true };

const STATE_FILE = 'window-state.json';

/** Reads the remembered state; the default when absent, unreadable or off every screen. */
export function loadWindowState(userDataDir: string, displays: Rectangle[]): WindowState {
  let state: WindowState;
  try {
    state = WindowStateSchema.parse(JSON.parse(readFileSync(join(userDataDir, STATE_FILE), 'utf8')));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (state.x === undefined || state.y === undefined) return state;
  const visible = displays.some((d) => overlap(d, { x: state.x!, y: state.y!, width: state.width, height: state.height }) >= 100 * 100);
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

/** Remembers the window's normal bounds and whether it is maximized. */
export async function saveWindowState(userDataDir: string, win: BrowserWindow): Promise<void> {
  const b = win.getNormalBounds();
  const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  await writeFile(join(userDataDir, STATE_FILE), JSON.stringify(state), 'utf8').catch(() => undefined);
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Options for the main window. */
export interface MainWindowOptions {
  preloadPath: string;
  userDataDir: string;
  iconPath?: string;
}

/**
 * Creates the main window with the secure options (context isolation, sandbox, no Node,
 * web security, no webview, no spell-check downloads). The caller loads the URL.
 */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(opts.userDataDir, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 600,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Checklist §9 and §10: no experimental Chromium features, no extra Blink features.
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  });
  // maximize() would show the window at once: wait until the page can paint.
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void saveWindowState(opts.userDataDir, win), 500);
  };
  win.on('resize', remember);
  win.on('move', remember);
  // Once: the close backup hides the window before it really closes.
  win.once('close', () => {
    clearTimeout(timer);
    void saveWindowState(opts.userDataDir, win);
  });
  return win;
}

/** Brings the window to the front (a second launch of the app lands here). */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
