/**
 * A store with malformed rows (as a crafted backup with a recomputed checksum used to leave
 * behind) still opens: every page renders or fails alone, a notice names the damage, and
 * 备份与恢复 restores a good backup. A crafted backup is refused in Chinese, naming the row.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modalSettled, newContext, openAppAs, screenshot, SIZES, useServedApp } from './harness';
import { ensureLedgerTasks, putRows } from './ledger-fixture';

type Backup = { formatVersion: number; schemaVersion: number; createdAt: string; counts: Record<string, number>; sha256: string; database: { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } } };

function recompute(f: Backup): string {
  f.sha256 = createHash('sha256').update(JSON.stringify([f.formatVersion, f.schemaVersion, f.createdAt, f.counts, f.database])).digest('hex');
  return JSON.stringify(f);
}

const NAV = ['工作台', '任务台账', '产业集群', '指标跟踪', '报表导出', '导入更新', '政策文件', '设置', '备份与恢复'];

describe('a store with malformed rows', () => {
  const app = useServedApp();

  it('opens, shows a notice, keeps every page and 备份与恢复 reachable, and a good backup restores it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-hostile-'));
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await openAppAs(page, app.url, '汉阳区');
    if (await ensureLedgerTasks(page)) await page.getByTestId('current-district').waitFor();
    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /立即备份/ }).click()]);
    const good = join(dir, download.suggestedFilename());
    await download.saveAs(good);
    const backup = JSON.parse(await readFile(good, 'utf8')) as Backup;

    // A crafted backup (checksum recomputed) with the prototype-polluting type map is refused by name.
    const tasks = backup.database.data.data.find((t) => t.tableName === 'tasks')!.rows;
    const crafted = structuredClone(backup);
    crafted.database.data.data.find((t) => t.tableName === 'tasks')!.rows[0]!.$types = { '__proto__.archived': 'date' };
    const craftedFile = join(dir, '篡改的备份.json');
    await writeFile(craftedFile, recompute(crafted));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /从备份文件恢复/ }).click()]);
    await chooser.setFiles(craftedFile);
    await page.getByTestId('backup-refusal').waitFor();
    const refusal = (await page.getByTestId('backup-refusal').textContent()) ?? '';
    expect(refusal).toContain('“重点任务”表的第 1 条记录不正确');
    expect(refusal).toContain('未做任何改动');
    expect(await page.evaluate(() => ({} as Record<string, unknown>).archived)).toBeUndefined();

    // Malformed rows get into the store behind the app's back (a bad restore of an older version).
    // Also values of the right type out of range: an order that is not finite, a percent of 500.
    const [t0, t1, t2] = tasks;
    const totalOf = async () => Number(/\/ (\d+) 项/.exec((await page.getByTestId('ledger-count').textContent()) ?? '')?.[1] ?? NaN);
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger-count').waitFor();
    const totalBefore = await totalOf();
    const entry = { district: '汉阳区', periodId: '2025-Q3', progress: '已完成', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '王芳', updatedAt: 'x' };
    await putRows(page, {
      tasks: [{ ...t0, title: 42, leadUnits: '科技局' }, { ...t1, text: null }, { ...t2, order: Infinity }],
      progress: [
        { id: `汉阳区|${String(t0!.key)}|2025-Q3`, district: '汉阳区', taskKey: t0!.key, periodId: '2025-Q3', progress: 7, indicatorValues: 'x', updatedAt: 'x' },
        { ...entry, id: `汉阳区|${String(t2!.key)}|2025-Q3`, taskKey: t2!.key, status: 'done', percent: 500 },
      ],
    });
    await page.reload();
    await page.getByTestId('current-district').waitFor({ timeout: 60_000 });
    for (const name of NAV) {
      await page.getByRole('menuitem', { name }).click();
      await page.waitForTimeout(700);
      expect(await page.getByText('程序遇到了问题').count(), name).toBe(0);
      await expect(page.getByRole('menuitem', { name: '备份与恢复' }).isVisible()).resolves.toBe(true);
    }
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('damaged-rows').waitFor();
    const notice = (await page.getByTestId('damaged-rows').textContent()) ?? '';
    expect(notice).toContain('已损坏');
    // The three malformed tasks are left out of the ledger, whatever is wrong with them.
    expect(Number(/有 (\d+) 条记录已损坏/.exec(notice)?.[1])).toBeGreaterThanOrEqual(3);
    expect(await totalOf()).toBe(totalBefore - [t0, t1, t2].filter((t) => !t!.archived).length);
    for (const [w, h] of SIZES) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await screenshot(page, `damaged-rows-ledger-${w}`);
    }

    // The notice leads to 备份与恢复, where the good backup restores the store.
    await page.getByTestId('damaged-rows').getByRole('button').click();
    await page.getByTestId('backup-page').waitFor();
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /从备份文件恢复/ }).click()]);
    await chooser2.setFiles(good);
    await page.getByTestId('restore-preview').waitFor();
    await modalSettled(page);
    await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /确认恢复/ }).click()]);
    await page.locator('.ant-modal-confirm-title', { hasText: '恢复完成' }).waitFor();
    await page.getByRole('button', { name: /知道了|确定|OK/ }).first().click();
    await page.reload();
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger').waitFor();
    await page.waitForTimeout(1000);
    expect(await page.getByTestId('damaged-rows').count()).toBe(0);
    await context.close();
  });
});
