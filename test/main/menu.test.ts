import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron'));

import { BrowserWindow, dialog, Menu, shell } from './fake-electron';
import { CHANNELS } from '../../src/shared/bridge';
import { aboutDetail, installMenu, type MenuDeps } from '../../src/main/menu';
import type { BrowserWindow as ElectronWindow, MenuItemConstructorOptions } from 'electron';

function install(development = false) {
  const win = new BrowserWindow({});
  const deps: MenuDeps = {
    window: () => win as unknown as ElectronWindow,
    productName: '区级科创任务台账',
    version: '0.1.0',
    dataFolder: 'C:\\Users\\officer\\AppData\\Roaming\\district-innovation-ledger',
    backupFolder: 'C:\\Users\\officer\\AppData\\Roaming\\district-innovation-ledger\\backups',
    development,
  };
  installMenu(deps);
  return { win, deps, menu: Menu.template as MenuItemConstructorOptions[] };
}

const items = (menu: MenuItemConstructorOptions[]) =>
  menu.flatMap((m) => (m.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator'));
const find = (menu: MenuItemConstructorOptions[], label: string) => {
  const item = items(menu).find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
};

describe('the Chinese menu', () => {
  it('has 文件 / 编辑 / 视图 / 帮助', () => {
    expect(install().menu.map((m) => m.label?.replace(/\(&\w\)$/, ''))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('has the expected shortcuts', () => {
    const { menu } = install();
    expect(find(menu, '导入…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(menu, '导出…').accelerator).toBe('CmdOrCtrl+E');
    expect(find(menu, '查找…').accelerator).toBe('CmdOrCtrl+F');
    expect(find(menu, '撤销')).toMatchObject({ role: 'undo', accelerator: 'CmdOrCtrl+Z' });
    expect(find(menu, '重做')).toMatchObject({ role: 'redo', accelerator: 'CmdOrCtrl+Y' });
    expect(find(menu, '全屏')).toMatchObject({ role: 'togglefullscreen', accelerator: 'F11' });
  });

  it('sends 导入 / 导出 / 查找 / 备份与恢复 to the page', () => {
    const { menu, win } = install();
    for (const label of ['导入…', '导出…', '查找…', '备份与恢复', '设置']) {
      (find(menu, label).click as () => void)();
    }
    expect(win.webContents.sent).toEqual(
      ['import', 'export', 'find', 'backup', 'settings'].map((c) => ({ channel: CHANNELS.menuCommand, args: [c] })),
    );
  });

  it('offers developer tools only in development', () => {
    expect(items(install().menu).some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(items(install(true).menu).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('shows 关于 with the version and the data folder', async () => {
    const { menu, deps } = install();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    (find(menu, '关于').click as () => void)();
    await vi.waitFor(() => expect(shell.openPath).toHaveBeenCalledWith(deps.dataFolder));
    const options = dialog.showMessageBox.mock.calls.at(-1)!.at(-1) as { title: string; detail: string };
    expect(options.title).toBe('关于区级科创任务台账');
    expect(options.detail).toBe(aboutDetail(deps));
    expect(options.detail).toContain('版本：0.1.0');
    expect(options.detail).toContain(`数据文件夹：${deps.dataFolder}`);
  });
});
