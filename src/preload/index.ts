/**
 * The preload: exposes exactly the LedgerBridge contract as `window.ledger`, nothing else.
 * Runs sandboxed: only `electron`'s renderer modules are available here.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL,
  CHANNELS,
  type BackupFileInfo,
  type BackupReply,
  type BackupRequest,
  type LedgerBridge,
  type MenuCommand,
  type OpenedFile,
  type RequestedBackupReason,
} from '../shared/bridge';

/**
 * ipcRenderer.invoke rejects with "Error invoking remote method '…': Error: <message>";
 * the renderer shows the message to the officer, so keep only the Chinese part.
 */
function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  return ipcRenderer.invoke(channel, ...args).catch((err: unknown) => {
    const raw = err instanceof Error ? err.message : String(err);
    throw new Error(raw.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''));
  }) as Promise<T>;
}

// Files opened before the renderer subscribed (double-click on a .xlsx starts the app) wait here.
const pendingFiles: OpenedFile[] = [];
const fileListeners = new Set<(file: OpenedFile) => void>();
ipcRenderer.on(CHANNELS.fileOpened, (_e: IpcRendererEvent, file: OpenedFile) => deliverFile(file));

/**
 * Files delivered to the page's onFileOpened listeners (or kept until one subscribes).
 * Files dropped on the window are the page's own business (features/import/FileDrop.tsx).
 */
function deliverFile(file: OpenedFile): void {
  if (fileListeners.size === 0) pendingFiles.push(file);
  for (const l of fileListeners) l(file);
}

let backupListener: ((reason: RequestedBackupReason) => Promise<Uint8Array | BackupFileInfo>) | undefined;
ipcRenderer.on(CHANNELS.backupRequested, (_e: IpcRendererEvent, req: BackupRequest) => {
  const reply = (r: BackupReply) => ipcRenderer.send(CHANNELS.backupReply, r);
  if (!backupListener) return reply({ id: req.id, error: '程序界面尚未准备好，本次未能备份。' });
  backupListener(req.reason).then(
    (data) => reply(data instanceof Uint8Array ? { id: req.id, data } : { id: req.id, written: data.name }),
    (err: unknown) => reply({ id: req.id, error: err instanceof Error ? err.message : String(err) }),
  );
});

const bridge = {
  appInfo: () => invoke(CHANNELS.appInfo),
  openFile: (req) => invoke(CHANNELS.openFile, req),
  saveFile: (req) => invoke(CHANNELS.saveFile, req),
  writeBackup: (req) => invoke(CHANNELS.backupWrite, req),
  listBackups: () => invoke(CHANNELS.backupList),
  readBackup: (name) => invoke(CHANNELS.backupRead, name),
  exportBackup: (name) => invoke(CHANNELS.backupExport, name),
  beginBackupWrite: (reason) => invoke(CHANNELS.backupWriteBegin, reason),
  appendBackupChunk: (id, data) => invoke(CHANNELS.backupWriteChunk, id, data),
  finishBackupWrite: (id) => invoke(CHANNELS.backupWriteFinish, id),
  openBackupRead: (name, title) => invoke(CHANNELS.backupReadOpen, name, title),
  readBackupChunk: (id) => invoke(CHANNELS.backupReadChunk, id),
  closeBackupRead: (id) => invoke(CHANNELS.backupReadClose, id),
  reopenBackupRead: (id) => invoke(CHANNELS.backupReadReopen, id),
  onMenuCommand: (listener) => {
    const handler = (_e: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(CHANNELS.menuCommand, handler);
    return () => ipcRenderer.removeListener(CHANNELS.menuCommand, handler);
  },
  onFileOpened: (listener) => {
    fileListeners.add(listener);
    for (const file of pendingFiles.splice(0)) listener(file);
    return () => fileListeners.delete(listener);
  },
  onBackupRequested: (listener) => {
    backupListener = listener;
    return () => {
      if (backupListener === listener) backupListener = undefined;
    };
  },
} satisfies LedgerBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
