import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

import { BrowserWindow, ipcEventFrom, ipcMain } from './fake-electron';
import { CHANNELS, type BackupRequest } from '../../src/shared/bridge';
import { BackupRequester, backUpOnClose, scheduleDailyBackups } from '../../src/main/backup-schedule';
import { listBackupFiles, readBackupFile, writeBackupFile } from '../../src/main/backups';
import { isAppUrl } from '../../src/main/protocol';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { envelope, noteOf } from './envelope';

const APP = 'app://ledger/index.html';
let dir: string;
let requester: BackupRequester;
const log = vi.fn();

beforeEach(async () => {
  ipcMain.reset();
  log.mockClear();
  dir = join(await mkdtemp(join(tmpdir(), 'ledger-schedule-')), 'backups');
  requester = new BackupRequester(dir, isAppUrl, 200);
  requester.install();
});
afterEach(() => vi.useRealTimers());

/** Plays the page: answers each backup request the window receives. */
function answer(win: BrowserWindow, reply: (req: BackupRequest) => unknown, from = APP) {
  win.webContents.send = (channel: string, ...args: unknown[]) => {
    win.webContents.sent.push({ channel, args });
    if (channel !== CHANNELS.backupRequested) return;
    const answerOnce = reply(args[0] as BackupRequest);
    for (const listener of ipcMain.listeners.get(CHANNELS.backupReply) ?? []) queueMicrotask(() => listener(ipcEventFrom(from), answerOnce));
  };
}

describe('BackupRequester', () => {
  it("asks the page and writes what it answers", async () => {
    const win = new BrowserWindow({});
    answer(win, (req) => ({ id: req.id, data: envelope(req.reason) }));
    const info = await requester.request(win as unknown as ElectronWindow, 'daily');
    expect(info.reason).toBe('daily');
    expect(noteOf(await readBackupFile(dir, info.name))).toBe('daily');
  });

  it('ignores answers from a foreign page or with bad content (and times out)', async () => {
    const win = new BrowserWindow({});
    answer(win, (req) => ({ id: req.id, data: new Uint8Array([1]) }), 'https://example.com/');
    await expect(requester.request(win as unknown as ElectronWindow, 'daily')).rejects.toThrow(/没有及时提供备份数据/);
    answer(win, (req) => ({ id: req.id, data: 'not bytes' }));
    await expect(requester.request(win as unknown as ElectronWindow, 'daily')).rejects.toThrow(/没有及时提供备份数据/);
    expect(await listBackupFiles(dir)).toEqual([]);
  });

  it('takes a backup the page streamed itself, by the name of the verified file, and nothing else', async () => {
    const win = new BrowserWindow({});
    // The page wrote the file through the checked write stream (here: main's own writer), then names it.
    const streamed = await writeBackupFile(dir, 'daily', envelope('streamed'));
    answer(win, (req) => ({ id: req.id, written: streamed.name }));
    const info = await requester.request(win as unknown as ElectronWindow, 'daily');
    expect(info.name).toBe(streamed.name);
    expect(noteOf(await readBackupFile(dir, info.name))).toBe('streamed');
    // A name for another reason, a missing file or a path is refused.
    await expect(requester.request(win as unknown as ElectronWindow, 'close')).rejects.toThrow(/没有写成/);
    answer(win, (req) => ({ id: req.id, written: streamed.name.replace('daily', 'close') }));
    await expect(requester.request(win as unknown as ElectronWindow, 'close')).rejects.toThrow(/没有写成/);
    answer(win, (req) => ({ id: req.id, written: '../../etc/passwd' }));
    await expect(requester.request(win as unknown as ElectronWindow, 'daily')).rejects.toThrow(/没有及时提供备份数据/);
  });

  it("passes on the page's own failure", async () => {
    const win = new BrowserWindow({});
    answer(win, (req) => ({ id: req.id, error: '数据库打不开' }));
    await expect(requester.request(win as unknown as ElectronWindow, 'close')).rejects.toThrow('数据库打不开');
  });
});

describe('backup on close', () => {
  it('holds the close until the page has answered, then closes', async () => {
    const win = new BrowserWindow({});
    win.visible = true;
    answer(win, (req) => ({ id: req.id, data: envelope('{}') }));
    backUpOnClose(win as unknown as ElectronWindow, requester, log);
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.visible).toBe(false);
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect((await listBackupFiles(dir)).map((b) => b.reason)).toEqual(['close']);
  });

  it('still closes when the page never answers', async () => {
    const win = new BrowserWindow({});
    backUpOnClose(win as unknown as ElectronWindow, requester, log, 50);
    win.close();
    expect(win.destroyed).toBe(false);
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(log).toHaveBeenCalledWith('close backup failed', expect.any(Error));
  });
});

describe('daily backups', () => {
  it('takes one when today has none, and not again the same day', async () => {
    const win = new BrowserWindow({});
    let asked = 0;
    answer(win, (req) => {
      asked++;
      return { id: req.id, data: envelope('{}') };
    });
    const patient = new BackupRequester(dir, isAppUrl, 10_000);
    patient.install();
    const stop = scheduleDailyBackups(patient, () => win as unknown as ElectronWindow, dir, log, 1, 20);
    await vi.waitFor(async () => expect((await listBackupFiles(dir)).filter((b) => b.reason === 'daily')).toHaveLength(1), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    stop();
    expect(asked).toBe(1);
  });

  it('does not ask when a daily backup already exists today', async () => {
    await writeBackupFile(dir, 'daily', envelope('{}'));
    const win = new BrowserWindow({});
    const stop = scheduleDailyBackups(requester, () => win as unknown as ElectronWindow, dir, log, 1, 20);
    await new Promise((r) => setTimeout(r, 80));
    stop();
    expect(win.webContents.sent).toEqual([]);
  });
});
