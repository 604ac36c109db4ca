/**
 * Hostile files in Chromium, through the real UI at 1366×650: crafted spreadsheets and a .docx,
 * small on disk, are refused in Chinese naming the bound they broke; the page stays alive (the
 * next page still works, no page error); a formula list is read as formula text with a warning;
 * a full disk during import is named as such.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { docxInflatingTo, xlsxClaimingHugeRange, xlsxInflatingTo } from '../builders/hostile-files';
import { newContext, openAppAs, screenshot, useServedApp, watchErrors } from './harness';

const GB = 1024 ** 3;

/** Drop a file on the window the way the officer drags it from the desktop. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ name, b64 }) => {
      const bin = atob(b64);
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, b64: Buffer.from(bytes).toString('base64') },
  );
}

/** Drop a file of `mb` megabytes made in the page (too big to send over the wire). */
async function dropGenerated(page: Page, name: string, mb: number): Promise<void> {
  await page.evaluate(
    ({ name, mb }) => {
      const data = new Uint8Array(mb * 1024 * 1024);
      data.set([0x50, 0x4b, 0x03, 0x04]);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, mb },
  );
}

/** Tasks in the app's store (read straight from IndexedDB). */
function taskCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('district-innovation-ledger');
        req.onsuccess = () => {
          const c = req.result.transaction('tasks').objectStore('tasks').count();
          c.onsuccess = () => {
            resolve(c.result);
            req.result.close();
          };
          c.onerror = () => reject(c.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

/** The page still answers: another page opens and shows its content. */
async function stillAlive(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '政策文件' }).click();
  await page.getByTestId('document-list').getByText('2023年工作要点').waitFor({ timeout: 30_000 });
  await page.getByRole('menuitem', { name: '导入更新' }).click();
}

/** Console errors other than the technical causes the app logs on purpose. */
const unexpected = (errors: string[]) => errors.filter((e) => !/^(import read refused|policy file .* refused|import write failed|backup before import failed)/.test(e));

describe('hostile files in the browser', () => {
  const app = useServedApp();

  it('refuses crafted spreadsheets by the bound they break and stays alive', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 650 });
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '导入更新' }).click();

    const cases: [string, Uint8Array, RegExp, string][] = [
      ['巨大范围.xlsx', xlsxClaimingHugeRange(), /工作表“任务清单”共 100,000 行 × 16,384 列，.*单元格的上限/, 'hostile-import-huge-range'],
      ['解压炸弹.xlsx', xlsxInflatingTo(GB, true), /“xl\/worksheets\/sheet1\.xml”解压后有 160\.0 MB 以上.*上限（解压后大小）/, 'hostile-import-zip-bomb'],
      ['截断的清单.xlsx', sheetCutInHalf(), /文件“截断的清单\.xlsx”已损坏或不完整/, 'hostile-import-cut-sheet'],
    ];
    for (const [name, bytes, message, shot] of cases) {
      await dropFile(page, name, bytes);
      const error = page.getByTestId('import-error');
      await error.waitFor({ timeout: 120_000 });
      await expect(error.textContent()).resolves.toMatch(message);
      await screenshot(page, shot);
      await stillAlive(page);
    }
    // A 300 MB file dropped on the window is refused without being loaded whole.
    await dropGenerated(page, '巨大文件.xlsx', 300);
    await page.getByTestId('import-error').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('import-error').textContent()).resolves.toContain('文件“巨大文件.xlsx”超过了 50 MB 的上限');
    await stillAlive(page);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  }, 400_000);

  it('reads formulas without cached values as their text, with a warning naming the cell', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 650 });
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '导入更新' }).click();
    await dropFile(page, 'formulas-openpyxl.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/formulas-openpyxl.xlsx')));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /问题/ }).click();
    await page.getByText(/工作表“任务清单”B2 单元格是公式“="健全"&"长效推进机制"”，文件里没有保存它的计算结果/).waitFor();
    await screenshot(page, 'hostile-import-formula-warning');
    await context.close();
  });

  it('a full disk while importing is named in Chinese, and nothing is written', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 650 });
    // The disk fills up once the preview is shown: every IndexedDB write then fails as Chromium fails it.
    await page.addInitScript(() => {
      const full = () => (window as unknown as { __diskFull?: boolean }).__diskFull === true;
      for (const m of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[m];
        IDBObjectStore.prototype[m] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (full()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    });
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '导入更新' }).click();
    await dropFile(page, 'formulas-openpyxl.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/formulas-openpyxl.xlsx')));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    const before = await taskCount(page);
    await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true));
    await page.getByTestId('import-apply').click();
    const error = page.getByTestId('import-error');
    await error.waitFor({ timeout: 60_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('磁盘空间已满');
    expect(text).toContain('清空回收站');
    expect(text).not.toMatch(/quota|exceeded/i);
    expect(await taskCount(page)).toBe(before);
    await screenshot(page, 'hostile-import-disk-full');
    await context.close();
  });

  it('refuses a 1 MB .docx inflating to 1 GB in the worker; the page stays alive', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 650 });
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    await page.getByTestId('add-document').click();
    await page.getByRole('tab', { name: '打开文件' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-policy-file').click();
    await (await chooser).setFiles({ name: '炸弹.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docxInflatingTo(GB, true)) });
    const error = page.getByTestId('document-error');
    await error.waitFor({ timeout: 120_000 });
    await expect(error.textContent()).resolves.toMatch(/无法读取文件“炸弹\.docx”：文件里的“word\/document\.xml”解压后有 64\.0 MB 以上，超过了每部分 64 MB 的上限（解压后大小）/);
    await screenshot(page, 'hostile-docx-zip-bomb');
    // Still alive: a pasted text parses.
    await page.getByRole('tab', { name: '粘贴文本' }).click();
    await page.getByTestId('policy-text').fill('一、加快建设科创中心\n1. 建设东湖科学城。（市科技局牵头，各区人民政府负责）');
    await page.getByTestId('parse-policy').click();
    await page.getByTestId('review-tasks').waitFor({ timeout: 30_000 });
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  }, 300_000);
});

/** The LibreOffice-written city list with its worksheet's XML cut in half (a copy broken in transit). */
function sheetCutInHalf(): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/import/city-list-libreoffice.xlsx'))));
  const name = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const xml = strFromU8(parts[name]!);
  parts[name] = strToU8(xml.slice(0, Math.floor(xml.length / 2)));
  return zipSync(parts);
}
