/**
 * The preload: exposes exactly the LedgerBridge contract as `window.ledger`, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, CHANNELS, type LedgerBridge, type MenuCommand, type OpenedFile } from '../shared/bridge';

const bridge = {
  appInfo: () => ipcRenderer.invoke(CHANNELS.appInfo),
  openFile: (req) => ipcRenderer.invoke(CHANNELS.openFile, req),
  saveFile: (req) => ipcRenderer.invoke(CHANNELS.saveFile, req),
  writeBackup: (req) => ipcRenderer.invoke(CHANNELS.backupWrite, req),
  listBackups: () => ipcRenderer.invoke(CHANNELS.backupList),
  readBackup: (name) => ipcRenderer.invoke(CHANNELS.backupRead, name),
  exportBackup: (name) => ipcRenderer.invoke(CHANNELS.backupExport, name),
  onMenuCommand: (listener) => {
    const handler = (_e: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(CHANNELS.menuCommand, handler);
    return () => ipcRenderer.removeListener(CHANNELS.menuCommand, handler);
  },
  onFileOpened: (listener) => {
    const handler = (_e: IpcRendererEvent, file: OpenedFile) => listener(file);
    ipcRenderer.on(CHANNELS.fileOpened, handler);
    return () => ipcRenderer.removeListener(CHANNELS.fileOpened, handler);
  },
} satisfies LedgerBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
