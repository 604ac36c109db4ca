/**
 * The Chinese application menu (文件 / 编辑 / 视图 / 帮助) and the 关于 dialog. Commands the
 * page handles (导入, 导出, 查找 …) are sent to it as CHANNELS.menuCommand.
 */
import { dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { CHANNELS, type MenuCommand } from '../shared/bridge';

/** What the menu needs from the running app. */
export interface MenuDeps {
  window: () => BrowserWindow | null;
  productName: string;
  version: string;
  dataFolder: string;
  backupFolder: string;
  /** Development only: reload and developer tools. */
  development: boolean;
}

/** Sends a command to the page (focusing the window first). */
export function sendMenuCommand(win: BrowserWindow | null, command: MenuCommand): void {
  if (!win || win.isDestroyed()) return;
  win.webContents.send(CHANNELS.menuCommand, command);
}

/** The text of the 关于 dialog. */
export function aboutDetail(deps: Pick<MenuDeps, 'version' | 'dataFolder' | 'backupFolder'>): string {
  return [
    `版本：${deps.version}`,
    `数据文件夹：${deps.dataFolder}`,
    `自动备份文件夹：${deps.backupFolder}`,
    '',
    '本程序完全离线运行，不连接网络；数据只保存在本机。',
  ].join('\n');
}

/** Shows the 关于 dialog. */
export async function showAbout(deps: MenuDeps): Promise<void> {
  const win = deps.window();
  const options = {
    type: 'info' as const,
    title: `关于${deps.productName}`,
    message: deps.productName,
    detail: aboutDetail(deps),
    buttons: ['确定', '打开数据文件夹'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const res = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (res.response === 1) await shell.openPath(deps.dataFolder);
}

/** The menu template (exported for tests). */
export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const send = (command: MenuCommand) => () => sendMenuCommand(deps.window(), command);
  const view: MenuItemConstructorOptions[] = [
    { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen', accelerator: 'F11' },
  ];
  if (deps.development)
    view.push({ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' });
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '导入…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: '导出…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        { label: '备份与恢复', click: send('backup') },
        { label: '设置', click: send('settings') },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: '重做', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        { label: '查找…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      ],
    },
    { label: '视图(&V)', submenu: view },
    {
      label: '帮助(&H)',
      submenu: [
        { label: '打开备份文件夹', click: () => void shell.openPath(deps.backupFolder) },
        { type: 'separator' },
        { label: '关于', click: () => void showAbout(deps) },
      ],
    },
  ];
}

/** Installs the menu as the application menu. */
export function installMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(deps)));
}
