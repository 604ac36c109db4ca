/**
 * The desktop shell as the page sees it: main's menu commands open the right pages (Ctrl+F
 * lands in the ledger's search box) and a spreadsheet double-clicked in Explorer (main's
 * fileOpened) starts an import. The one thing mocked is the preload bridge.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, openAppAs, screenshot, useServedApp, watchErrors } from './harness';

const FIXTURE = resolve(__dirname, '../fixtures/import/city-list-libreoffice.xlsx');

/** Sends what main would send through the preload. */
function fromMain(page: Page, kind: 'menu' | 'file', payload: unknown) {
  return page.evaluate(
    ([k, p]) => {
      const w = window as unknown as { __fromMain: Record<string, Array<(x: unknown) => void>> };
      const value = k === 'file' ? { name: (p as { name: string }).name, data: new Uint8Array((p as { bytes: number[] }).bytes) } : p;
      for (const l of w.__fromMain[k] ?? []) l(value);
      return (w.__fromMain[k] ?? []).length;
    },
    [kind, payload] as const,
  );
}

describe('desktop shell events', () => {
  const app = useServedApp();

  it('menu commands open their pages and a double-clicked .xlsx starts an import', async () => {
    const context = await newContext(app.browser);
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const listeners: Record<string, Array<(x: unknown) => void>> = { menu: [], file: [] };
      w.__fromMain = listeners;
      const on = (k: string) => (l: (x: unknown) => void) => {
        listeners[k]!.push(l);
        return () => {
          listeners[k] = listeners[k]!.filter((x) => x !== l);
        };
      };
      w.ledger = {
        appInfo: async () => ({ name: '区级科创任务台账', version: 'test', platform: 'desktop', dataFolder: 'C:\\data', backupFolder: 'C:\\data\\backups' }),
        openFile: async () => null,
        saveFile: async () => ({ status: 'canceled' }),
        writeBackup: async () => null,
        listBackups: async () => [],
        readBackup: async () => new Uint8Array(),
        exportBackup: async () => ({ status: 'canceled' }),
        onMenuCommand: on('menu'),
        onFileOpened: on('file'),
        onBackupRequested: () => () => {},
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');

    for (const [command, pageId] of [['backup', 'backup'], ['settings', 'settings'], ['export', 'reports'], ['import', 'import']] as const) {
      expect(await fromMain(page, 'menu', command)).toBe(1);
      await page.getByTestId(`page-${pageId}`).waitFor();
    }

    await fromMain(page, 'menu', 'find');
    await page.getByTestId('page-ledger').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="ledger-search"]') != null || (document.activeElement as HTMLElement | null)?.dataset?.testid === 'ledger-search');
    await page.keyboard.type('科技');
    await expect(page.locator('input[data-testid="ledger-search"], [data-testid="ledger-search"] input').first().inputValue()).resolves.toBe('科技');
    await screenshot(page, 'desktop-find');

    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByTestId('page-dashboard').waitFor();
    const bytes = [...readFileSync(FIXTURE)];
    await fromMain(page, 'file', { name: '武汉市任务清单.xlsx', bytes });
    await page.getByTestId('page-import').waitFor();
    // The import is under way: the idle "choose a file" button gives way to reading / mapping / preview.
    await page.getByTestId('import-choose').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByText('武汉市任务清单.xlsx', { exact: false }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'desktop-file-opened');
    expect(errors).toEqual([]);
    await context.close();
  });
});
