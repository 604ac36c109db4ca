/**
 * The bridge's handlers in main. Every handler first checks that the message comes from the
 * app's own page (top frame, app origin), then validates its arguments with zod; the
 * renderer never sends a path: main owns the dialogs and the file system.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import {
  CHANNELS,
  type AppInfo,
  type BackupFileInfo,
  type BackupReadHandle,
  type OpenedFile,
  type SaveFileResult,
} from '../shared/bridge';
import {
  BACKUP_REASONS,
  MAX_BACKUP_BYTES,
  copyBackupTo,
  describeFsError,
  isBackupFileName,
  listBackupFiles,
  readBackupFile,
  writeBackupFile,
} from './backups';
import { BackupStreams, MAX_CHUNK_BYTES } from './backup-streams';

/** The largest spreadsheet opened or saved (policy ledgers are well under 10 MB). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Message for a request from anything but the app's own page. */
export const UNTRUSTED_SENDER_MESSAGE = '已拒绝一个来源不明的请求。';

const bytes = (max: number) =>
  z.custom<Uint8Array>((v) => v instanceof Uint8Array, '应为文件内容（字节）').refine((v) => v.byteLength <= max, '文件过大');

const FileFilterSchema = z.object({
  name: z.string().min(1).max(60),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/)).min(1).max(10),
});

/** Characters Windows does not allow in file names become `_`; folders are never accepted. */
const FileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  .transform((s) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_'));

/** The id of an open backup stream (main hands them out). */
const StreamId = z.uuid();

/** Argument schemas, one per invoke channel (exported for tests). */
export const ARGUMENT_SCHEMAS = {
  [CHANNELS.appInfo]: z.tuple([]),
  [CHANNELS.openFile]: z.tuple([z.object({ title: z.string().max(100), filters: z.array(FileFilterSchema).max(10) })]),
  [CHANNELS.saveFile]: z.tuple([
    z.object({
      title: z.string().max(100),
      suggestedName: FileNameSchema,
      filters: z.array(FileFilterSchema).max(10),
      data: bytes(MAX_FILE_BYTES),
    }),
  ]),
  [CHANNELS.backupWrite]: z.tuple([z.object({ reason: z.enum(BACKUP_REASONS), data: bytes(MAX_BACKUP_BYTES) })]),
  [CHANNELS.backupList]: z.tuple([]),
  [CHANNELS.backupRead]: z.tuple([z.string().refine(isBackupFileName, '不是备份文件名')]),
  [CHANNELS.backupExport]: z.tuple([z.string().refine(isBackupFileName, '不是备份文件名')]),
  [CHANNELS.backupWriteBegin]: z.tuple([z.enum(BACKUP_REASONS)]),
  [CHANNELS.backupWriteChunk]: z.tuple([StreamId, bytes(MAX_CHUNK_BYTES)]),
  [CHANNELS.backupWriteFinish]: z.tuple([StreamId]),
  [CHANNELS.backupReadOpen]: z.tuple([z.string().refine(isBackupFileName, '不是备份文件名').nullable(), z.string().max(100)]),
  [CHANNELS.backupReadChunk]: z.tuple([StreamId]),
  [CHANNELS.backupReadClose]: z.tuple([StreamId]),
  [CHANNELS.backupReadReopen]: z.tuple([StreamId]),
} as const;

/** The renderer's answer to a backup request (validated like every other message). */
export const BackupReplySchema = z.union([
  z.object({ id: z.string().min(1).max(100), data: bytes(MAX_BACKUP_BYTES) }),
  z.object({ id: z.string().min(1).max(100), written: z.string().refine(isBackupFileName, '不是备份文件名') }),
  z.object({ id: z.string().min(1).max(100), error: z.string().max(2000) }),
]);

/** Whether an IPC message comes from the app's own top-level page. */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, isTrustedUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent) return false;
  return isTrustedUrl(frame.url);
}

/** What the handlers need from the running app. */
export interface IpcDeps {
  window: () => BrowserWindow | null;
  isTrustedUrl: (url: string) => boolean;
  appInfo: () => AppInfo;
  backupDir: string;
  documentsDir: string;
}

type Schemas = typeof ARGUMENT_SCHEMAS;
type Channel = keyof Schemas;

/**
 * Registers one handler: sender check, argument validation, then `fn`. Errors reach the
 * renderer as their Chinese message.
 */
function handle<C extends Channel>(deps: IpcDeps, channel: C, fn: (...args: z.output<Schemas[C]>) => Promise<unknown> | unknown): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isTrustedSender(event, deps.isTrustedUrl)) throw new Error(UNTRUSTED_SENDER_MESSAGE);
    const parsed = ARGUMENT_SCHEMAS[channel].safeParse(args);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => i.message).join('；');
      throw new Error(`程序内部错误：请求的内容不正确（${detail}）。请重新打开程序；如仍出现，请联系技术支持。`);
    }
    return fn(...(parsed.data as z.output<Schemas[C]>));
  });
}

/** Registers a handler for every invoke method of the bridge. */
export function registerIpcHandlers(deps: IpcDeps): void {
  handle(deps, CHANNELS.appInfo, (): AppInfo => deps.appInfo());

  handle(deps, CHANNELS.openFile, async (req): Promise<OpenedFile | null> => {
    const win = deps.window();
    const options = { title: req.title, filters: req.filters, properties: ['openFile' as const] };
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = res.filePaths[0];
    if (res.canceled || !path) return null;
    const name = basename(path);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      throw new Error(`无法打开“${name}”（${describeFsError(err)}）。`);
    }
    if (size > MAX_FILE_BYTES) throw new Error(`“${name}”太大（超过 200 MB），不像是台账表格，请检查是否选错了文件。`);
    try {
      return { name, data: new Uint8Array(await readFile(path)) };
    } catch (err) {
      throw new Error(`无法打开“${name}”（${describeFsError(err)}）。如果它在 Excel 或 WPS 中打开着，请先关闭再试。`);
    }
  });

  handle(deps, CHANNELS.saveFile, async (req): Promise<SaveFileResult> => {
    const win = deps.window();
    const options = { title: req.title, defaultPath: join(deps.documentsDir, req.suggestedName), filters: req.filters };
    const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (res.canceled || !res.filePath) return { status: 'canceled' };
    try {
      await writeFile(res.filePath, req.data);
    } catch (err) {
      throw new Error(
        `无法保存“${basename(res.filePath)}”（${describeFsError(err)}）。如果同名文件在 Excel 或 WPS 中打开着，请先关闭；或换一个文件名、换一个文件夹再保存。`,
      );
    }
    return { status: 'saved', name: res.filePath };
  });

  handle(deps, CHANNELS.backupWrite, (req): Promise<BackupFileInfo> => writeBackupFile(deps.backupDir, req.reason, req.data));
  handle(deps, CHANNELS.backupList, (): Promise<BackupFileInfo[]> => listBackupFiles(deps.backupDir));
  handle(deps, CHANNELS.backupRead, (name): Promise<Uint8Array> => readBackupFile(deps.backupDir, name));

  const streams = new BackupStreams(deps.backupDir);
  handle(deps, CHANNELS.backupWriteBegin, (reason) => streams.beginWrite(reason));
  handle(deps, CHANNELS.backupWriteChunk, (id, data) => streams.append(id, data));
  handle(deps, CHANNELS.backupWriteFinish, (id) => streams.finishWrite(id));
  handle(deps, CHANNELS.backupReadOpen, async (name, title): Promise<BackupReadHandle | null> => {
    if (name !== null) return streams.openRead({ name });
    const win = deps.window();
    const options = { title, filters: [{ name: '备份文件', extensions: ['json'] }], properties: ['openFile' as const] };
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = res.filePaths[0];
    if (res.canceled || !path) return null;
    return streams.openRead({ path });
  });
  handle(deps, CHANNELS.backupReadChunk, (id) => streams.readChunk(id));
  handle(deps, CHANNELS.backupReadClose, (id) => streams.closeRead(id));
  handle(deps, CHANNELS.backupReadReopen, (id) => streams.reopenRead(id));

  handle(deps, CHANNELS.backupExport, async (name): Promise<SaveFileResult> => {
    const win = deps.window();
    const options = {
      title: '选择把备份复制到哪个文件夹（例如 U 盘）',
      buttonLabel: '复制到这里',
      properties: ['openDirectory' as const, 'createDirectory' as const],
    };
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const folder = res.filePaths[0];
    if (res.canceled || !folder) return { status: 'canceled' };
    return { status: 'saved', name: await copyBackupTo(deps.backupDir, name, folder) };
  });
}
