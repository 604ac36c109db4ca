/**
 * What the desktop app's main process tells the page: menu commands (文件 › 导入 Ctrl+O,
 * 导出 Ctrl+E, 编辑 › 查找 Ctrl+F, 备份与恢复, 设置) and spreadsheets opened from outside
 * (double-click on a .xlsx, a second launch with a file). Mounted once, in the shell.
 */
import { useEffect } from 'react';
import type { MenuCommand } from '@shared/bridge';
import { platform } from '../../platform';
import { useRoute, type PageId } from '../../state/route';
import { useImportInbox } from '../import/import-inbox';

/** The page each menu command opens. */
const COMMAND_PAGES: Partial<Record<MenuCommand, PageId>> = {
  import: 'import',
  export: 'reports',
  find: 'ledger',
  backup: 'backup',
  settings: 'settings',
};

/** Puts the cursor in the ledger's search box once the ledger page is on screen. */
function focusLedgerSearch(attempt = 0): void {
  const el = document.querySelector('[data-testid="ledger-search"]');
  const input = el instanceof HTMLInputElement ? el : el?.querySelector('input');
  if (input) {
    input.focus();
    input.select();
  } else if (attempt < 20) {
    setTimeout(() => focusLedgerSearch(attempt + 1), 50);
  }
}

/** Subscribes the shell to menu commands and opened files for as long as it is mounted. */
export function useDesktopEvents(): void {
  useEffect(() => {
    const offMenu = platform().onMenuCommand((command) => {
      const page = COMMAND_PAGES[command];
      if (!page) return;
      useRoute.getState().go(page);
      if (command === 'find') focusLedgerSearch();
    });
    const offFile = platform().onFileOpened((file) => {
      useImportInbox.getState().offer(file);
      useRoute.getState().go('import');
    });
    return () => {
      offMenu();
      offFile();
    };
  }, []);
}
