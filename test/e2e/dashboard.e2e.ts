import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { currentPeriod, previousPeriod } from '../../src/core/period';
import { aCluster, aDocument, anEntry, aTarget, aTask } from '../builders/dashboard';
import { launchBrowser, newContext, openAppAs, screenshot, serveRenderer, watchErrors } from './harness';

const D = '汉阳区';
const P = currentPeriod('quarter', new Date());
const PREV = previousPeriod(P);

// Two documents of our own, so the counts are exact whatever the seed data holds.
const documents = [aDocument('e2e-a', { shortTitle: '测试行动方案', planStartYear: 2024 }), aDocument('e2e-b', { shortTitle: '测试工作要点' })];
const tasks = [
  aTask('E2E-1', 'e2e-a', { title: '推动光电子信息企业研发平台建设', deadline: '2024-06-30', deadlineText: '2024年6月底前' }),
  aTask('E2E-2', 'e2e-a', { title: '建设高水平实验室体系', deadline: '2099-12-31' }),
  aTask('E2E-3', 'e2e-a', { title: '培育研发型企业', deadline: '2099-12-31' }),
  aTask('E2E-4', 'e2e-a', { title: '建设科技成果转化中心', deadline: '2024-12-31', deadlineText: '2024年底前' }),
  aTask('E2E-5', 'e2e-a', { title: '引聚国际研发机构' }),
  aTask('E2E-6', 'e2e-b', { title: '深化科技人才评价改革', deadlineText: '长期坚持' }),
];
const targets = [aTarget('e2e-t1', 'e2e-a', { taskKey: 'E2E-3', name: '研发型企业', value: 300, year: P.year + 2, baseline: 100, baselineYear: P.year - 1 })];
const clusters = [aCluster('e2e-c1', D, { name: '测试光电集群', includedTaskKeys: ['E2E-1', 'E2E-3', 'E2E-6'] })];
/** The progress the officer fills in (see each task above). */
const progress = [
  anEntry(D, 'E2E-1', P.id, 'behind'), // behind and overdue
  anEntry(D, 'E2E-2', PREV.id, 'done'), // done last period: stays done
  anEntry(D, 'E2E-3', P.id, 'on_track', { indicatorValues: { 'e2e-t1': 160 } }),
  anEntry(D, 'E2E-6', P.id, 'ongoing'),
  // E2E-4 (overdue) and E2E-5 are not filled
];

/** Write rows into the app's IndexedDB store (plain IndexedDB, as a restored backup would). */
async function putRows(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('district-innovation-ledger');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, rows);
}

async function card(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(`card-${id}`).locator('.ant-statistic-content-value').textContent()) ?? '';
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

describe('工作台', () => {
  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveRenderer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('counts the district’s tasks after progress is filled, follows the filters, and opens an overdue task', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, server.url, D);
    await putRows(page, { documents, tasks, targets, clusters });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();

    // Before any progress: every one of our six tasks is 未填报.
    await choose(page, 'dashboard-cluster', '测试光电集群');
    await expect.poll(() => card(page, 'tasks')).toBe('3');
    expect(await card(page, 'unfilled')).toBe('3');

    await putRows(page, { progress });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    // The cluster filter is UI state and survives only within the session: choose it again.
    await choose(page, 'dashboard-cluster', '测试光电集群');
    await expect.poll(() => card(page, 'filled')).toBe('3');
    expect(await card(page, 'tasks')).toBe('3');
    expect(await card(page, 'behind')).toBe('1');
    expect(await card(page, 'overdue')).toBe('1');
    expect(await card(page, 'unfilled')).toBe('0');
    await expect(page.getByTestId('chart-status').getByTestId('chart-canvas').getAttribute('aria-label')).resolves.toContain('滞后1项');

    // Document filter: the five tasks of 测试行动方案.
    await page.getByTestId('dashboard-cluster').locator('.ant-select-clear').click({ force: true });
    await choose(page, 'dashboard-document', '测试行动方案');
    await expect.poll(() => card(page, 'tasks')).toBe('5');
    expect(await card(page, 'filled')).toBe('3');
    expect(await card(page, 'done')).toBe('1');
    expect(await card(page, 'overdue')).toBe('2');
    expect(await card(page, 'unfilled')).toBe('2');
    await expect(page.getByTestId('list-overdue-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-task-key')))).resolves.toEqual([
      'E2E-1',
      'E2E-4',
    ]);
    await expect(page.getByTestId('list-unfilled-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-task-key')))).resolves.toEqual([
      'E2E-4',
      'E2E-5',
    ]);
    const indicators = await page.getByTestId('chart-indicators').getByTestId('chart-canvas').getAttribute('aria-label');
    expect(indicators).toContain('研发型企业');
    await expect(page.getByTestId('chart-history').getByTestId('chart-canvas').getAttribute('aria-label')).resolves.toContain(`${P.name}累计已完成1项`);
    await page.waitForTimeout(500); // let the charts finish their short animation
    await screenshot(page, 'dashboard-filtered');
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
    await screenshot(page, 'dashboard-filtered-lower');

    // Resizing the window resizes the charts.
    const before = await page.getByTestId('chart-status').locator('canvas').first().boundingBox();
    await page.setViewportSize({ width: 1100, height: 768 });
    await expect.poll(async () => (await page.getByTestId('chart-status').locator('canvas').first().boundingBox())?.width).toBeLessThan(before!.width);
    await page.setViewportSize({ width: 1366, height: 768 });

    // 保存为图片 saves a PNG.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-status').getByRole('button', { name: /保存为图片/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${D}_${P.name}_任务状态分布.png`);
    const bytes = await import('node:fs/promises').then((fs) => download.path().then((p) => fs.readFile(p)));
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    // Clicking an overdue task opens it in the ledger.
    await page.locator('[data-testid="list-overdue-item"][data-task-key="E2E-4"]').click();
    await page.getByTestId('page-ledger').waitFor();
    expect(page.url()).toContain('#/ledger');
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-opened-task');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('looks tidy for the whole district at 1366×768', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, server.url, D);
    await putRows(page, { documents, tasks, targets, clusters, progress });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'dashboard-district');
    expect(errors).toEqual([]);
    await context.close();
  });
});
