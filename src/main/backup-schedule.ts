/**
 * Backups main takes on its own schedule (once a day, and when the window closes). The data
 * lives in the renderer's IndexedDB, so main asks the renderer (CHANNELS.backupRequested)
 * and writes the bytes it answers with (CHANNELS.backupReply) into userData/backups.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { randomUUID } from 'node:crypto';
import { CHANNELS, type BackupFileInfo, type BackupRequest, type RequestedBackupReason } from '../shared/bridge';
import { hasDailyBackupOn, listBackupFiles, parseBackupFileName, writeBackupFile } from './backups';
import { BackupReplySchema, isTrustedSender } from './ipc';

/** How long main waits for the renderer to produce a backup. */
export const BACKUP_REPLY_TIMEOUT_MS = 60_000;
/** How long closing waits for the close backup (the window is already hidden meanwhile). */
export const CLOSE_BACKUP_TIMEOUT_MS = 20_000;

interface Pending {
  reason: RequestedBackupReason;
  resolve: (info: BackupFileInfo) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Asks the renderer for backups and writes the answers to disk. */
export class BackupRequester {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly backupDir: string,
    private readonly isTrustedUrl: (url: string) => boolean,
    private readonly timeoutMs = BACKUP_REPLY_TIMEOUT_MS,
  ) {}

  /** Listens for the renderer's answers (call once). */
  install(): void {
    ipcMain.on(CHANNELS.backupReply, (event, reply: unknown) => {
      if (!isTrustedSender(event, this.isTrustedUrl)) return;
      const parsed = BackupReplySchema.safeParse(reply);
      if (!parsed.success) return;
      const p = this.pending.get(parsed.data.id);
      if (!p) return;
      this.pending.delete(parsed.data.id);
      clearTimeout(p.timer);
      if ('error' in parsed.data) return p.reject(new Error(parsed.data.error));
      if ('written' in parsed.data) return void this.streamed(p.reason, parsed.data.written).then(p.resolve, p.reject);
      writeBackupFile(this.backupDir, p.reason, parsed.data.data).then(p.resolve, p.reject);
    });
  }

  /**
   * A backup the page streamed itself (through the checked write stream): taken only when the
   * file is there for this reason and its header verified.
   */
  private async streamed(reason: RequestedBackupReason, name: string): Promise<BackupFileInfo> {
    const info = (await listBackupFiles(this.backupDir)).find((f) => f.name === name);
    if (!info || info.headerOk === false || parseBackupFileName(name)?.reason !== reason) throw new Error(`备份文件 ${name} 没有写成，本次未能备份。`);
    return info;
  }

  /** Asks the window's page for a backup and resolves once it is written. */
  request(win: BrowserWindow, reason: RequestedBackupReason, timeoutMs = this.timeoutMs): Promise<BackupFileInfo> {
    return new Promise((resolve, reject) => {
      if (win.isDestroyed() || win.webContents.isDestroyed()) return reject(new Error('窗口已关闭，无法备份。'));
      const id = randomUUID();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('程序界面没有及时提供备份数据。'));
      }, timeoutMs);
      this.pending.set(id, { reason, resolve, reject, timer });
      win.webContents.send(CHANNELS.backupRequested, { id, reason } satisfies BackupRequest);
    });
  }

  /** Whether a request is waiting for its answer. */
  get busy(): boolean {
    return this.pending.size > 0;
  }
}

/**
 * Takes the daily backup when none exists yet for today: a while after start-up, then
 * checked every half hour (the laptop may stay on across midnight). Returns a stop function.
 */
export function scheduleDailyBackups(
  requester: BackupRequester,
  win: () => BrowserWindow | null,
  backupDir: string,
  log: (message: string, err?: unknown) => void,
  firstDelayMs = 2 * 60_000,
  everyMs = 30 * 60_000,
): () => void {
  let running = false;
  const tick = async () => {
    const w = win();
    if (!w || w.isDestroyed() || requester.busy || running) return;
    running = true;
    try {
      if (await hasDailyBackupOn(backupDir, new Date())) return;
      const info = await requester.request(w, 'daily');
      log(`daily backup written: ${info.name}`);
    } catch (err) {
      log('daily backup failed', err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstDelayMs);
  const interval = setInterval(() => void tick(), everyMs);
  return () => {
    clearTimeout(first);
    clearInterval(interval);
  };
}

/**
 * On close, hides the window, asks the page for a backup (waiting at most
 * CLOSE_BACKUP_TIMEOUT_MS), then lets the window close. A failure never keeps it open.
 */
export function backUpOnClose(
  win: BrowserWindow,
  requester: BackupRequester,
  log: (message: string, err?: unknown) => void,
  timeoutMs = CLOSE_BACKUP_TIMEOUT_MS,
): void {
  let done = false;
  win.on('close', (event) => {
    if (done) return;
    event.preventDefault();
    done = true;
    win.hide();
    requester
      .request(win, 'close', timeoutMs)
      .then(
        (info) => log(`close backup written: ${info.name}`),
        (err) => log('close backup failed', err),
      )
      .finally(() => {
        if (!win.isDestroyed()) win.close();
      });
  });
}
