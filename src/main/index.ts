/**
 * Electron main process: one hardened window and the bridge's handlers.
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { CHANNELS, type AppInfo, type SaveFileRequest } from '../shared/bridge';

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    title: '区级科创任务台账',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

ipcMain.handle(CHANNELS.appInfo, (): AppInfo => ({
  name: '区级科创任务台账',
  version: app.getVersion(),
  platform: 'desktop',
  dataFolder: app.getPath('userData'),
  backupFolder: join(app.getPath('userData'), 'backups'),
}));

ipcMain.handle(CHANNELS.saveFile, async (_e, req: SaveFileRequest) => {
  const res = await dialog.showSaveDialog({ title: req.title, defaultPath: req.suggestedName, filters: req.filters });
  if (res.canceled || !res.filePath) return { status: 'canceled' };
  await writeFile(res.filePath, req.data);
  return { status: 'saved', name: res.filePath };
});

void app.whenReady().then(createWindow);
app.on('window-all-closed', () => app.quit());
