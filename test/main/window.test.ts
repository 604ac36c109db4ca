import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

import { BrowserWindow } from './fake-electron';
import { createMainWindow, DEFAULT_WINDOW_STATE, focusWindow, loadWindowState, saveWindowState } from '../../src/main/window';
import type { BrowserWindow as ElectronWindow } from 'electron';

const tempDir = () => mkdtemp(join(tmpdir(), 'ledger-window-'));
const screen1366 = [{ x: 0, y: 0, width: 1366, height: 728 }];

describe('the main window', () => {
  it('is created with the secure web preferences', async () => {
    const win = createMainWindow({ preloadPath: '/app/out/preload/index.cjs', userDataDir: await tempDir() }) as unknown as BrowserWindow;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(win.options.title).toBe('区级科创任务台账');
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('comes back where the officer left it', async () => {
    const dir = await tempDir();
    const first = createMainWindow({ preloadPath: 'p', userDataDir: dir }) as unknown as BrowserWindow;
    first.bounds = { x: 40, y: 30, width: 1100, height: 650 };
    first.maximized = false;
    first.close();
    await vi.waitFor(async () => expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({ x: 40, width: 1100 }));
    const second = createMainWindow({ preloadPath: 'p', userDataDir: dir }) as unknown as BrowserWindow;
    expect(second.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 650 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(false);
  });

  it('starts maximized the first time', async () => {
    const win = createMainWindow({ preloadPath: 'p', userDataDir: await tempDir() }) as unknown as BrowserWindow;
    expect(win.maximized).toBe(false);
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
    expect(win.options).not.toHaveProperty('x');
  });
});

describe('window state', () => {
  it('falls back to the default when the file is missing or damaged', async () => {
    const dir = await tempDir();
    expect(loadWindowState(dir, screen1366)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(join(dir, 'window-state.json'), '{"width":"wide"');
    expect(loadWindowState(dir, screen1366)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(join(dir, 'window-state.json'), JSON.stringify({ width: 5, height: 5, maximized: false }));
    expect(loadWindowState(dir, screen1366)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position that is on no screen any more (the second monitor was unplugged)', async () => {
    const dir = await tempDir();
    const win = new BrowserWindow({});
    win.bounds = { x: 3000, y: 100, width: 1200, height: 700 };
    await saveWindowState(dir, win as unknown as ElectronWindow);
    expect(loadWindowState(dir, screen1366)).toEqual({ width: 1200, height: 700, maximized: false });
    expect(loadWindowState(dir, [...screen1366, { x: 1366, y: 0, width: 1920, height: 1040 }])).toMatchObject({ x: 3000 });
  });
});

describe('focusWindow', () => {
  it('restores, shows and focuses', () => {
    const win = new BrowserWindow({});
    win.minimized = true;
    focusWindow(win as unknown as ElectronWindow);
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
  });
});
