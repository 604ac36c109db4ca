/**
 * Electron main process entry: one hardened window serving the renderer from `app://ledger/`,
 * the bridge's handlers, the Chinese menu, backups on disk, one running copy at a time.
 *
 * ⚠ NEVER CHANGE without a data migration: USER_DATA_FOLDER (below), APP_SCHEME/APP_HOST
 * (protocol.ts) and the appId in electron-builder.yml. IndexedDB lives in the userData
 * folder under the app origin; changing either opens an empty database.
 */
import { app, session, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../shared/bridge';
import { BackupRequester, backUpOnClose, scheduleDailyBackups } from './backup-schedule';
import { claimSingleInstance, handleSecondInstance } from './instance';
import { registerIpcHandlers } from './ipc';
import { createLogger, logRendererConsole } from './log';
import { installMenu } from './menu';
import { findSpreadsheetArg, OpenedFileQueue } from './open-files';
import { APP_START_URL, isAppUrl, registerAppScheme, serveRenderer } from './protocol';
import { createUrlPolicy, hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

/** The product name shown to officers. */
export const PRODUCT_NAME = '区级科创任务台账';
/** The folder under %APPDATA% (~/.config on Linux) holding the database. NEVER CHANGE. */
export const USER_DATA_FOLDER = 'district-innovation-ledger';

// Before the app is ready: scheme privileges, sandbox everywhere, the fixed data folder.
registerAppScheme();
app.enableSandbox();
app.setName(PRODUCT_NAME);
app.setPath('userData', join(app.getPath('appData'), USER_DATA_FOLDER));

const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const development = devServer !== undefined;
const allowUrl = createUrlPolicy(isAppUrl, devServer);
const isTrustedUrl = (url: string) => isAppUrl(url) || (devServer !== undefined && sameOrigin(url, devServer));

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

if (!claimSingleInstance()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');
  const backupDir = join(userData, 'backups');
  const log = createLogger(userData);
  const files = new OpenedFileQueue();
  const requester = new BackupRequester(backupDir, isTrustedUrl);
  let win: BrowserWindow | null = null;

  const firstFile = findSpreadsheetArg(process.argv, process.cwd());
  if (firstFile) void files.open(firstFile);
  app.on('second-instance', (_event, argv, cwd) => void handleSecondInstance(win, files, argv, cwd));
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void files.open(path);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrustedUrl));
  app.on('window-all-closed', () => app.quit());

  const appInfo = (): AppInfo => ({
    name: PRODUCT_NAME,
    version: app.getVersion(),
    platform: 'desktop',
    dataFolder: userData,
    backupFolder: backupDir,
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, allowUrl, { development });
    serveRenderer(join(import.meta.dirname, '../renderer'));
    registerIpcHandlers({ window: () => win, isTrustedUrl, appInfo, backupDir, documentsDir: app.getPath('documents') });
    requester.install();
    installMenu({ window: () => win, productName: PRODUCT_NAME, version: app.getVersion(), dataFolder: userData, backupFolder: backupDir, development });

    const icon = join(process.resourcesPath ?? '', 'icon.png');
    win = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      userDataDir: userData,
      ...(existsSync(icon) ? { iconPath: icon } : {}),
    });
    const current = win;
    current.webContents.on('did-finish-load', () => files.attach(current));
    logRendererConsole(current.webContents, log);
    let crashes = 0;
    current.webContents.on('render-process-gone', (_event, details) => {
      log(`renderer gone: ${details.reason}`);
      // Reload after a crash (the data is in IndexedDB), but do not loop forever.
      if (details.reason !== 'clean-exit' && !current.isDestroyed() && ++crashes <= 3) current.webContents.reload();
    });
    current.on('closed', () => {
      win = null;
    });
    backUpOnClose(current, requester, log);
    const stopDaily = scheduleDailyBackups(requester, () => win, backupDir, log);
    app.once('before-quit', stopDaily);
    void current.loadURL(devServer ?? APP_START_URL);
    log(`started ${app.getVersion()}`);
  });
}
