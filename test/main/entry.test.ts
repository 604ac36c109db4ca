/**
 * The entry point wired together: the order of start-up steps, the single-instance lock,
 * and that the window, session and handlers get their hardening.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedFile } from '../../src/shared/bridge';

vi.mock('electron', () => import('./fake-electron'));

type Fake = typeof import('./fake-electron');

/** Runs the entry module afresh against a reset fake Electron (the instance it imports). */
async function startApp(opts: { lock?: boolean; argv?: string[] } = {}): Promise<Fake> {
  vi.resetModules();
  const fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();
  fake.app.paths.appData = await mkdtemp(join(tmpdir(), 'ledger-appdata-'));
  fake.app.singleInstanceLock = opts.lock ?? true;
  const argv = process.argv;
  if (opts.argv) process.argv = opts.argv;
  try {
    await import('../../src/main/index');
  } finally {
    process.argv = argv;
  }
  return fake;
}

async function ready(fake: Fake) {
  fake.app.readyResolve();
  await vi.waitFor(() => expect(fake.BrowserWindow.instances.length).toBeGreaterThan(0));
  return fake.BrowserWindow.instances.at(-1)!;
}

beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('start-up', () => {
  it('registers the scheme, enables the sandbox and fixes the data folder before taking the lock', async () => {
    const fake = await startApp();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.app.calls.slice(0, 3)).toEqual(['enableSandbox', 'setPath:userData', 'requestSingleInstanceLock']);
    expect(fake.app.getPath('userData')).toBe(join(fake.app.paths.appData!, 'district-innovation-ledger'));
  });

  it('quits at once when another copy is running (which then focuses itself)', async () => {
    const fake = await startApp({ lock: false });
    expect(fake.app.quit).toHaveBeenCalled();
    fake.app.readyResolve();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
  });

  it('loads app://ledger/ in a secure window with everything hardened', async () => {
    const fake = await startApp();
    const win = await ready(fake);
    expect(win.loadedUrl).toBe('app://ledger/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.ipcMain.handlers.size).toBe(14);
    expect(fake.Menu.template).toBeDefined();

    let cancelled: boolean | undefined;
    fake.session.defaultSession.beforeRequest!({ url: 'https://example.com' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);

    const contents = new fake.BrowserWindow({}).webContents;
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('focuses the first window on a second launch and opens its spreadsheet', async () => {
    const fake = await startApp();
    const win = await ready(fake);
    win.minimized = true;
    win.webContents.emit('did-finish-load');
    const dir = await mkdtemp(join(tmpdir(), 'ledger-second-'));
    await writeFile(join(dir, '清单.xlsx'), new Uint8Array([0x50, 0x4b]));
    fake.app.emit('second-instance', {}, ['台账.exe', join(dir, '清单.xlsx')], dir);
    await vi.waitFor(() => expect(win.webContents.sent).toHaveLength(1));
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true });
    expect((win.webContents.sent[0]!.args[0] as OpenedFile).name).toBe('清单.xlsx');
  });

  it('delivers the spreadsheet it was started with once the page has loaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-first-'));
    await writeFile(join(dir, '双击打开.xlsx'), new Uint8Array([0x50, 0x4b]));
    const fake = await startApp({ argv: ['台账.exe', join(dir, '双击打开.xlsx')] });
    const win = await ready(fake);
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(win.webContents.sent).toHaveLength(1));
    expect((win.webContents.sent[0]!.args[0] as OpenedFile).name).toBe('双击打开.xlsx');
  });
});
