import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { modalSettled, newContext, openAppAs, screenshot, useServedApp, watchErrors } from './harness';

/** Count rows of a store with the raw IndexedDB API (independent of the app's code). */
function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (s) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('district-innovation-ledger');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const c = db.transaction(s).objectStore(s).count();
          c.onsuccess = () => {
            resolve(c.result);
            db.close();
          };
          c.onerror = () => reject(c.error);
        };
      }),
    store,
  );
}

/** Wipe stores behind the app's back, the way a lost or damaged IndexedDB would look. */
function wipe(page: Page, stores: string[]): Promise<void> {
  return page.evaluate(
    (names) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('district-innovation-ledger');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(names, 'readwrite');
          for (const n of names) tx.objectStore(n).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
}

describe('备份与恢复 in the browser build', () => {
  const app = useServedApp();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-backup-e2e-'));
  });

  it('downloads a backup, refuses a broken file, and restores the wiped store from the download', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByTestId('backup-page').waitFor();
    const tasks = await countRows(page, 'tasks');
    expect(tasks).toBeGreaterThan(10);
    // 修改记录 shows the first-start changes (the seeded tasks, the district setting).
    await page.getByTestId('audit-trail').waitFor();
    await expect(page.getByTestId('audit-trail').textContent()).resolves.toContain('设置 本区');
    await screenshot(page, 'backup-page');

    // 立即备份 → a download of a verified backup file
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /立即备份/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^台账备份_汉阳区_\d{4}-\d{2}-\d{2}_\d{6}\.json$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const backup = JSON.parse(await readFile(file, 'utf8')) as { format: string; counts: Record<string, number>; sha256: string };
    expect(backup.format).toBe('district-ledger-backup');
    expect(backup.counts.tasks).toBe(tasks);
    expect(backup.sha256).toMatch(/^[0-9a-f]{64}$/);

    // A truncated copy is refused and changes nothing.
    const broken = join(dir, '截断的备份.json');
    const text = await readFile(file);
    await writeFile(broken, text.subarray(0, Math.floor(text.length / 2)));
    const [chooser1] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /从备份文件恢复/ }).click()]);
    await chooser1.setFiles(broken);
    await page.getByTestId('backup-refusal').waitFor();
    await expect(page.getByTestId('backup-refusal').textContent()).resolves.toContain('备份文件不完整');
    expect(await countRows(page, 'tasks')).toBe(tasks);
    await screenshot(page, 'backup-refused');

    // The store is lost …
    await wipe(page, ['tasks', 'progress', 'documents']);
    expect(await countRows(page, 'tasks')).toBe(0);

    // A file changed on disk after its preview: the confirmed restore reads it again, is
    // refused in Chinese, and changes nothing.
    const changed = join(dir, '预览后被改动的备份.json');
    await writeFile(changed, text);
    const [chooser3] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /从备份文件恢复/ }).click()]);
    await chooser3.setFiles(changed);
    await page.getByTestId('restore-preview').waitFor();
    await writeFile(changed, text.subarray(0, 1000));
    await modalSettled(page);
    await page.getByRole('button', { name: /确认恢复/ }).click();
    const refused = page.locator('.ant-message-error', { hasText: '读取备份文件“预览后被改动的备份.json”失败' });
    await refused.waitFor();
    expect(await countRows(page, 'tasks')).toBe(0);
    await page.waitForTimeout(500); // the message slides in
    await screenshot(page, 'backup-changed-after-preview');
    await page.locator('.ant-modal').filter({ has: page.getByTestId('restore-preview') }).getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('restore-preview').waitFor({ state: 'hidden' });

    // … and restored from the downloaded file after a preview.
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /从备份文件恢复/ }).click()]);
    await chooser2.setFiles(file);
    const preview = page.getByTestId('restore-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('汉阳区');
    await expect(preview.textContent()).resolves.toContain('重点任务');
    await expect(preview.textContent()).resolves.toContain(String(tasks));
    await page.waitForTimeout(600); // let the dialog finish opening before the screenshot
    await screenshot(page, 'backup-restore-preview');
    // The browser build downloads a safety backup of the current state first.
    const [safety] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /确认恢复/ }).click()]);
    expect(safety.suggestedFilename()).toMatch(/^台账备份_汉阳区_.*\.json$/);
    await page.locator('.ant-modal-confirm-title', { hasText: '恢复完成' }).waitFor();
    expect(await countRows(page, 'tasks')).toBe(tasks);
    await page.waitForTimeout(600);
    await screenshot(page, 'backup-restored');
    await page.getByRole('button', { name: /知道了|确定|OK/ }).first().click();
    await expect(page.getByTestId('audit-trail').textContent()).resolves.toContain('从备份恢复全部数据');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('desktop: lists backups main wrote (with verified contents), answers main’s close backup, exports to USB and restores from the list', async () => {
    const context = await newContext(app.browser);
    // The one thing mocked: the preload bridge, as main would answer it (files kept in memory).
    await context.addInitScript(() => {
      type Info = { name: string; reason: string; at: string; size: number; headerOk?: boolean; counts?: Record<string, number> };
      // Like main: the list carries each file's header (counts), read from the file's start.
      const headerOf = (data: Uint8Array) => {
        const text = new TextDecoder().decode(data.subarray(0, 65536));
        const cut = text.indexOf(',"database":');
        try {
          return { headerOk: true, counts: (JSON.parse(`${text.slice(0, cut)}}`) as { counts: Record<string, number> }).counts };
        } catch {
          return { headerOk: false };
        }
      };
      const streams = new Map<string, { reason: string; parts: Uint8Array[] }>();
      const reads = new Map<string, { data: Uint8Array; at: number }>();
      const readNames = new Map<string, string>();
      let opened = 0;
      const files = new Map<string, { info: Info; data: Uint8Array }>();
      const w = window as unknown as Record<string, unknown>;
      w.__exported = [] as string[];
      w.__reopened = [] as string[];
      w.__requestBackup = undefined;
      let n = 0;
      w.ledger = {
        appInfo: async () => ({ name: '区级科创任务台账', version: 'test', platform: 'desktop', dataFolder: 'C:\\Users\\officer\\AppData\\Roaming\\district-innovation-ledger', backupFolder: 'C:\\Users\\officer\\AppData\\Roaming\\district-innovation-ledger\\backups' }),
        openFile: async () => null,
        saveFile: async (req: { suggestedName: string }) => ({ status: 'saved', name: req.suggestedName }),
        writeBackup: async (req: { reason: string; data: Uint8Array }) => {
          const at = new Date(Date.now() + n * 1000).toISOString();
          const info = { name: `backup-${++n}-${req.reason}.json`, reason: req.reason, at, size: req.data.length, ...headerOf(req.data) };
          files.set(info.name, { info, data: req.data });
          return info;
        },
        beginBackupWrite: async (reason: string) => {
          const id = `w${streams.size + 1}-${Date.now()}`;
          streams.set(id, { reason, parts: [] });
          return id;
        },
        appendBackupChunk: async (id: string, data: Uint8Array) => void streams.get(id)!.parts.push(data.slice()),
        finishBackupWrite: async (id: string) => {
          const s = streams.get(id)!;
          streams.delete(id);
          const data = new Uint8Array(await new Blob(s.parts as BlobPart[]).arrayBuffer());
          return (w.ledger as { writeBackup: (r: unknown) => Promise<Info> }).writeBackup({ reason: s.reason, data });
        },
        openBackupRead: async (name: string) => {
          const id = `r${++opened}-${Date.now()}`;
          const data = files.get(name)!.data;
          reads.set(id, { data, at: 0 });
          readNames.set(id, name);
          return { id, name, size: data.length };
        },
        // As main does: the file of an earlier read, from its start (the restore's second read).
        reopenBackupRead: async (id: string) => {
          const name = readNames.get(id)!;
          (w.__reopened as string[]).push(name);
          return (w.ledger as { openBackupRead: (n: string) => Promise<unknown> }).openBackupRead(name);
        },
        readBackupChunk: async (id: string) => {
          const r = reads.get(id)!;
          if (r.at >= r.data.length) return null;
          const piece = r.data.slice(r.at, r.at + 4096);
          r.at += piece.length;
          return piece;
        },
        closeBackupRead: async (id: string) => void reads.delete(id),
        listBackups: async () => [...files.values()].map((f) => f.info),
        readBackup: async (name: string) => files.get(name)!.data,
        exportBackup: async (name: string) => {
          (w.__exported as string[]).push(name);
          return { status: 'saved', name: `E:\\备份\\${name}` };
        },
        onMenuCommand: () => () => {},
        onFileOpened: () => () => {},
        onBackupRequested: (listener: (reason: string) => Promise<Uint8Array | Info>) => {
          // As main does: bytes are written here; a file the page streamed itself is named by its info.
          w.__requestBackup = async (reason: string) => {
            const data = await listener(reason);
            if (!(data instanceof Uint8Array)) return files.get(data.name)!.info;
            return (w.ledger as { writeBackup: (r: unknown) => Promise<Info> }).writeBackup({ reason, data });
          };
          return () => {};
        },
      };
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    const tasks = await countRows(page, 'tasks');
    // main asks for the on-close backup; the renderer answers with a verified backup
    await page.waitForFunction(() => typeof (window as unknown as { __requestBackup?: unknown }).__requestBackup === 'function');
    const closeInfo = await page.evaluate(() => (window as unknown as { __requestBackup: (r: string) => Promise<{ name: string }> }).__requestBackup('close'));
    expect(closeInfo.name).toMatch(/close/);

    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    await page.getByRole('button', { name: /立即备份/ }).click();
    await page.getByText(/已备份：backup-2-manual\.json/).waitFor();
    const table = page.locator('.ant-card', { hasText: '自动备份' });
    await table.getByText('关闭程序时').waitFor();
    await table.getByText('手动').waitFor();
    await table.getByText(`任务 ${tasks} 条，进展 0 条`).first().waitFor();
    await expect(table.getByText(`任务 ${tasks} 条`).count()).resolves.toBe(2);
    await screenshot(page, 'backup-desktop-list');

    await table.getByRole('button', { name: /导出到U盘/ }).first().click();
    await page.getByText(/已导出到：E:\\备份\\backup-2-manual\.json/).waitFor();

    await wipe(page, ['tasks']);
    await table.getByRole('button', { name: /恢复/ }).last().click();
    await page.getByTestId('restore-preview').waitFor();
    await expect(page.getByTestId('restore-preview').textContent()).resolves.toContain('关闭程序时');
    await page.getByRole('button', { name: /确认恢复/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '恢复完成' }).waitFor();
    expect(await countRows(page, 'tasks')).toBe(tasks);
    // The preview kept no rows: the confirmed restore read the listed file a second time.
    expect(await page.evaluate(() => (window as unknown as { __reopened: string[] }).__reopened)).toEqual(['backup-1-close.json']);
    await page.getByRole('button', { name: /知道了/ }).click();
    // the safety backup taken before the restore is now in the list
    await table.getByText('恢复前').waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'backup-desktop-after-restore');
    expect(errors).toEqual([]);
    await context.close();
  });
});
