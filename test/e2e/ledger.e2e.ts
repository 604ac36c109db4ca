import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { SCREENSHOT_DIR, exportReport, newContext, openAppAs, screenshot, watchErrors, useServedApp } from './harness';
import { ensureLedgerTasks, putRows, shownCount } from './ledger-fixture';
import { bulkTasks } from '../builders/tasks';

const rowsIn = (page: Page) => page.locator('[data-testid="task-grid"] [role="row"][data-task-key]');

async function search(page: Page, q: string) {
  await page.getByTestId('ledger-search').fill(q);
  await page.waitForTimeout(150);
}

async function pickPeriod(page: Page, name: string) {
  await page.getByTestId('period-picker').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  await expect.poll(() => page.getByTestId('period-picker').textContent()).toContain(name);
}

async function openLedger(page: Page) {
  await page.getByRole('menuitem', { name: '任务台账' }).click();
  await page.getByTestId('ledger').waitFor();
}

describe('task ledger', () => {
  const app = useServedApp();

  it('finds tasks by Chinese text and pinyin initials; progress survives switching tasks and a reload; 本期未填报 shrinks', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('page-ledger').waitFor();
    await page.waitForTimeout(500);
    await ensureLedgerTasks(page);
    await page.getByTestId('current-district').waitFor();
    await openLedger(page);
    await rowsIn(page).first().waitFor();
    const total = await shownCount(page);
    expect(total).toBeGreaterThanOrEqual(20);

    // Pinyin initials and Chinese text find 引聚国际研发机构.
    await search(page, 'yjgjyf');
    await expect.poll(() => rowsIn(page).count()).toBeGreaterThanOrEqual(1);
    await expect(rowsIn(page).first().textContent()).resolves.toContain('引聚国际研发机构');
    expect(await shownCount(page)).toBeLessThan(total);
    await search(page, '引聚国际研发');
    await expect(rowsIn(page).first().textContent()).resolves.toContain('引聚国际研发机构');
    await search(page, 'zzzzqqq');
    await page.getByText('没有符合条件的任务').waitFor();
    await search(page, '');
    await screenshot(page, 'ledger-grid');

    await pickPeriod(page, '2025年第三季度');
    await page.getByTestId('filter-unfilled').click();
    const unfilledBefore = await shownCount(page);

    // Open 引聚国际研发机构 and fill every field.
    await search(page, 'yjgjyf');
    await rowsIn(page).first().click();
    await search(page, '');
    const form = page.getByTestId('progress-form');
    await form.waitFor();
    await expect(page.getByTestId('detail-title').textContent()).resolves.toContain('引聚国际研发机构');
    await page.getByTestId('field-status').click();
    await page.locator('.ant-select-item-option', { hasText: /^序时推进$/ }).click();
    await page.locator('input[data-testid="field-percent"], [data-testid="field-percent"] input').fill('60');
    await page.getByTestId('field-progress').fill('已对接世界500强企业3家，签约外资研发中心1个。');
    await page.getByTestId('field-problems').fill('外籍人才落户配套政策仍需完善。');
    await page.getByTestId('field-nextSteps').fill('四季度再引进2家外资研发中心。');
    await page.getByTestId('field-filledBy').fill('王芳');
    const targetInputs = page.locator('input[data-testid^="field-target-"], [data-testid^="field-target-"] input');
    const nTargets = await targetInputs.count();
    if (nTargets > 0) await targetInputs.first().fill('21');
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toContain('已保存');
    await page.getByTestId('status-suggestion').waitFor();
    await page.getByTestId('task-detail').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'ledger-detail');
    await expect.poll(() => shownCount(page)).toBe(unfilledBefore - 1);

    // Switch to another task (keyboard: the grid follows the arrows) and type, then reload at once.
    await page.getByTestId('task-grid').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('detail-title').textContent()).not.toContain('引聚国际研发机构');
    const secondTitle = (await page.getByTestId('detail-title').textContent())!;
    await page.getByTestId('field-progress').fill('第二项任务的进展，刚输入就刷新。');
    await page.reload();

    await page.getByTestId('task-grid').waitFor();
    await expect(page.getByTestId('period-picker').textContent()).resolves.toContain('2025年第三季度');
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toBe(secondTitle);
    await expect.poll(() => page.getByTestId('field-progress').inputValue()).toBe('第二项任务的进展，刚输入就刷新。');
    await expect.poll(() => shownCount(page)).toBe(unfilledBefore - 2);

    // Back to the first task: every field is there.
    await page.getByTestId('filter-unfilled').click();
    await search(page, 'yjgjyf');
    await rowsIn(page).first().click();
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toContain('引聚国际研发机构');
    await expect(page.getByTestId('field-progress').inputValue()).resolves.toBe('已对接世界500强企业3家，签约外资研发中心1个。');
    await expect(page.getByTestId('field-problems').inputValue()).resolves.toBe('外籍人才落户配套政策仍需完善。');
    await expect(page.getByTestId('field-nextSteps').inputValue()).resolves.toBe('四季度再引进2家外资研发中心。');
    await expect(page.getByTestId('field-filledBy').inputValue()).resolves.toBe('王芳');
    await expect(page.locator('input[data-testid="field-percent"], [data-testid="field-percent"] input').inputValue()).resolves.toBe('60');
    await expect(page.getByTestId('field-status').textContent()).resolves.toContain('序时推进');
    if (nTargets > 0) await expect(targetInputs.first().inputValue()).resolves.toBe('21');

    // Next quarter: last quarter is shown read-only beside the form, and 沿用上期 copies its text.
    await pickPeriod(page, '2025年第四季度');
    await expect.poll(() => page.getByTestId('progress-form').textContent()).toContain('2025年第四季度进展填报');
    await expect(page.getByTestId('field-progress').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('progress-history').textContent()).resolves.toContain('已对接世界500强企业3家');
    await page.getByRole('button', { name: /沿用上期/ }).click();
    await expect.poll(() => page.getByTestId('field-progress').inputValue()).toBe('已对接世界500强企业3家，签约外资研发中心1个。');
    await expect(page.getByTestId('field-nextSteps').inputValue()).resolves.toBe('四季度再引进2家外资研发中心。');
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toContain('已保存');
    await page.getByTestId('task-detail').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'ledger-detail-next-quarter');
    await pickPeriod(page, '2025年第三季度');

    // Esc closes the detail; the grid row shows the status and the excerpt.
    await page.getByTestId('task-grid').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('task-detail').count()).toBe(0);
    await expect(rowsIn(page).first().textContent()).resolves.toContain('序时推进');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('本期实际值: a target whose year is over says so beside its figure; one still to come does not', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await openLedger(page);
    await rowsIn(page).first().waitFor();
    await pickPeriod(page, '2025年第三季度');
    // 2023年工作要点's 高新技术企业突破13000家 (2023) and 引聚国际研发机构's targets of 2027.
    for (const [code, past] of [
      ['2023GZYD-09', true],
      ['2025YFZX-01', false],
    ] as const) {
      await search(page, code);
      await rowsIn(page).first().click();
      await page.getByTestId('progress-form').waitFor();
      await expect.poll(() => page.getByTestId('detail-title').textContent()).toBeTruthy();
      const targets = page.locator('[data-testid^="field-target-"]');
      await expect.poll(() => targets.count()).toBeGreaterThan(0);
      const marks = page.locator('[data-testid^="target-past-"]');
      if (past) {
        await expect.poll(() => marks.count()).toBeGreaterThan(0);
        await expect(marks.first().textContent()).resolves.toBe('（目标年份已过）');
        await screenshot(page, 'ledger-target-past');
      } else expect(await marks.count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    [1366, 650],
    [1920, 1080],
  ] as const)('at %i×%i: a district count above the city’s whole target is asked about, kept, and named again before export (walk10)', async (width, height) => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '蔡甸区');
    await openLedger(page);
    await rowsIn(page).first().waitFor();
    // 2024KJRC-13: 高价值专利培育中心 达到45家 (全市, 2026); the walker typed 150.
    await search(page, '2024KJRC-13');
    await rowsIn(page).first().click();
    const field = page.locator('input[data-testid="field-target-doc-004-t020"], [data-testid="field-target-doc-004-t020"] input');
    await field.fill('150');
    await field.press('Tab');
    const doubt = page.getByTestId('target-doubt-doc-004-t020');
    await doubt.waitFor();
    await expect(doubt.textContent()).resolves.toContain('高价值专利培育中心填了150家，而全市的目标是达到45家（2026年）');
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toContain('已保存');
    await doubt.scrollIntoViewIfNeeded();
    await screenshot(page, `ledger-value-above-whole-${width}x${height}`);
    // Kept as typed, not refused.
    await expect(field.inputValue()).resolves.toBe('150');
    expect(await page.getByTestId('target-error').count()).toBe(0);

    await page.getByRole('menuitem', { name: '报表导出' }).click();
    const check = page.getByTestId('report-above-whole');
    await check.waitFor({ timeout: 30_000 });
    await expect(check.textContent()).resolves.toMatch(/序号 \d+：高价值专利培育中心数量填了150家/u);
    await check.scrollIntoViewIfNeeded();
    await screenshot(page, `reports-value-above-whole-${width}x${height}`);
    // The 序号 it names is the printed one: the exported 指标完成情况表's row of that 序号 holds the 150.
    const seq = Number(/序号 (\d+)：/u.exec((await check.textContent()) ?? '')?.[1]);
    await page.getByText('指标完成情况表', { exact: true }).click();
    const file = await (await exportReport(page)).path();
    writeFileSync(resolve(SCREENSHOT_DIR, `value-above-whole-${width}.xlsx`), readFileSync(file!));
    const sheet = XLSX.read(readFileSync(file!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet.Sheets[sheet.SheetNames[0]!]!, { header: 1, defval: '' });
    const printed = rows.find((r) => r[0] === seq)!;
    expect(printed.join('|')).toContain('高价值专利培育中心数量');
    expect(printed).toContain(150);
    await check.getByRole('button', { name: '去指标跟踪' }).click();
    await page.getByTestId('indicators').waitFor();
    // 指标跟踪 asks the same when the value is written there (the one rule, valueAboveWhole).
    await page.getByTestId('indicator-search').fill('高价值专利培育中心');
    const input = page.locator('input[data-testid^="target-value-"], [data-testid^="target-value-"] input').first();
    await expect.poll(() => input.inputValue()).toBe('150');
    await input.fill('160');
    await input.press('Enter');
    await page.locator('.ant-message').getByText(/高价值专利培育中心数量填了160家，而全市的目标是/u).waitFor();
    // …and keeps asking beside the judgement while the value stands.
    await page.locator('.ant-table-row').first().getByTestId('indicator-doubt').waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, `indicators-value-above-whole-${width}x${height}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('indicators page: records a target value for a period and shows latest value, rate and history', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '指标跟踪' }).click();
    await page.getByTestId('indicators').waitFor();
    await pickPeriod(page, '2025年第三季度');
    const count = (await page.getByTestId('indicator-count').textContent()) ?? '';
    expect(Number(/共 (\d+) 项指标/.exec(count)?.[1])).toBeGreaterThan(10);
    await page.getByTestId('indicator-search').fill('技术经理人');
    const input = page.locator('input[data-testid^="target-value-"], [data-testid^="target-value-"] input').first();
    await input.waitFor();
    await input.fill('1350');
    await input.press('Enter');
    const row = page.locator('.ant-table-row').first();
    await expect.poll(() => row.textContent()).toMatch(/1350/);
    await page.reload();
    await page.getByTestId('indicators').waitFor();
    await expect(page.getByTestId('period-picker').textContent()).resolves.toContain('2025年第三季度');
    await page.getByTestId('indicator-search').fill('技术经理人');
    await expect.poll(() => input.inputValue()).toBe('1350');
    // One row for the three documents that state it, the 全市 target for reference only.
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await expect(row.textContent()).resolves.toContain('技术经理人数量');
    await expect(row.textContent()).resolves.toContain('突破5000人');
    await expect(row.getByTestId('indicator-pace').textContent()).resolves.toBe('全市参考');
    // The district's own target (区级分解目标) is what the value is judged against.
    await row.getByRole('button', { name: /填写区级目标/ }).click();
    await page.getByTestId('district-target-value').fill('1500');
    await page.getByTestId('district-target-baseline').fill('1000');
    await page.getByTestId('district-target-baseline-year').fill('2024');
    await screenshot(page, 'indicators-district-target');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存技术经理人数量的区级分解目标。').waitFor();
    await expect.poll(() => row.getByTestId('indicator-pace').textContent()).not.toBe('全市参考');
    await expect(row.textContent()).resolves.toMatch(/%/);
    await row.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.getByTestId('indicator-history').first().textContent()).toContain('2025年第三季度 1350');
    await page.getByTestId('indicator-search').fill('');
    await screenshot(page, 'indicators');

    // The indicators whose time is over (2023's, then 2025's in 2026) and that never had a value are listed on request only.
    await pickPeriod(page, '2026年第四季度');
    const past = page.getByText(/^显示已到期且未填过数值的指标（\d+ 项）$/u);
    await past.waitFor();
    const hidden = Number(/（(\d+) 项）/u.exec((await past.textContent()) ?? '')?.[1]);
    expect(hidden).toBeGreaterThan(0);
    const counts = async () => (/共 (\d+) 项指标，当前显示 (\d+) 项/u.exec((await page.getByTestId('indicator-count').textContent()) ?? '') ?? []).slice(1).map(Number);
    await expect.poll(counts).toEqual([expect.any(Number), expect.any(Number)]);
    const [all] = await counts();
    expect(await counts()).toEqual([all, all! - hidden]);
    await screenshot(page, 'indicators-past-hidden');
    await past.click();
    await expect.poll(counts).toEqual([all, all]);

    // The city's 分解表 (saved by openpyxl) sets the district targets after the officer confirms.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('indicator-import-breakdown').click()]);
    await chooser.setFiles(resolve(__dirname, '../fixtures/indicators/breakdown-2026.xlsx'));
    const plan = page.getByTestId('breakdown-plan');
    await plan.waitFor();
    await expect(plan.textContent()).resolves.toContain('有 4 项指标可以设为本区的区级分解目标');
    await expect(plan.textContent()).resolves.toContain('第 8 行“科技型企业贷款余额”的本区目标“待定”不是数字');
    await page.waitForTimeout(400); // the dialog's opening animation
    await screenshot(page, 'indicators-breakdown');
    await page.getByRole('button', { name: /导入 4 项/ }).click();
    await page.getByText('已导入 4 项区级分解目标。').waitFor();
    await page.getByTestId('indicator-search').fill('在孵');
    await expect.poll(() => page.locator('.ant-table-row').first().textContent()).toContain('突破1300家（2026年）');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stays quick with 10,000 tasks: virtualised rows, search, keyboard', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await putRows(page, { tasks: bulkTasks(10_000).map((t) => ({ ...t, documentId: 'doc-bulk' })) });
    // A damaged memory of the columns (hand-edited, another version) must not break the ledger.
    await page.evaluate(() => localStorage.setItem('ledger-columns', JSON.stringify({ state: { sort: 'title', widths: [1], hidden: 'x' }, version: 2 })));
    await page.reload();
    await page.getByTestId('current-district').waitFor();
    let t0 = Date.now();
    await openLedger(page);
    await rowsIn(page).first().waitFor();
    const openMs = Date.now() - t0;
    // Every task, not only the district's (与本区相关 is on by default).
    await page.getByTestId('filter-relevant').click();
    await expect.poll(() => shownCount(page)).toBeGreaterThanOrEqual(10_000);
    // Only the visible rows are in the DOM.
    expect(await rowsIn(page).count()).toBeLessThan(80);
    t0 = Date.now();
    await search(page, 'yjgjyf');
    await expect.poll(() => shownCount(page)).toBeLessThan(1000);
    const searchMs = Date.now() - t0;
    await search(page, '');
    // A header click sorts all 10,000: numbers largest first, then smallest first; text A→Z first.
    const seqs = async () => (await rowsIn(page).locator('[role="gridcell"]:first-child').allTextContents()).map(Number);
    const header = (name: string) => page.locator('[data-testid="task-grid"] [role="columnheader"]', { hasText: name }).first();
    const all = await shownCount(page);
    await header('序号').click();
    await expect.poll(async () => (await seqs())[0]).toBe(all);
    expect(await seqs()).toEqual([...(await seqs())].sort((a, b) => b - a));
    for (const [width, height] of [[1366, 650], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await expect.poll(async () => (await seqs())[0]).toBe(all);
      await screenshot(page, `ledger-10000-sorted-${width}x${height}`);
      // A wide window gives its room to the columns (重点任务, 进展情况 …): none is left empty beside them.
      const [used, room] = await page.getByTestId('task-grid').evaluate((el) => {
        const heads = el.querySelectorAll('[role="columnheader"]');
        return [heads[heads.length - 1]!.getBoundingClientRect().right - el.getBoundingClientRect().left, el.clientWidth];
      });
      if (width === 1920) expect(room - used).toBeLessThan(4);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    // 导出 CSV lists the tasks as the grid shows them (largest 序号 first), each once, read back
    // by Python's csv module: the BOM and the header as Excel and WPS need them.
    const shownKeys = await rowsIn(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-task-key')));
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^汉阳区_.+\.csv$/);
    const csv = JSON.parse(
      execFileSync('python3', ['-c', 'import csv,json,sys; r=list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))); print(json.dumps([r[0]] + [x[:2] for x in r[1:]], ensure_ascii=False))', await csvDownload.path()], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }),
    ) as string[][];
    expect(csv[0]!.slice(0, 2)).toEqual(['序号', '任务编号']);
    expect(csv.length - 1).toBe(all);
    expect(csv.slice(1, 1 + shownKeys.length).map((r) => r[1])).toEqual(shownKeys);
    expect(csv.slice(1, 4).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(new Set(csv.slice(1).map((r) => r[1])).size).toBe(all);
    await header('序号').click();
    await expect.poll(async () => (await seqs())[0]).toBe(1);
    expect(await seqs()).toEqual([...(await seqs())].sort((a, b) => a - b));
    await header('序号').click(); // back to the list's own order
    // Scrolled far down, a new search shows its first matches from the top.
    const grid = page.getByTestId('task-grid');
    await grid.evaluate((el) => el.scrollTo(0, 200_000));
    await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(100_000);
    await search(page, '研发');
    await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBe(0);
    const firstMatch = await rowsIn(page).first().getAttribute('data-task-key');
    await search(page, '');
    await search(page, '研发');
    expect(await rowsIn(page).first().getAttribute('data-task-key')).toBe(firstMatch);
    await search(page, '');
    await page.getByTestId('task-grid').focus();
    t0 = Date.now();
    for (let i = 0; i < 30; i++) await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('[data-testid="task-grid"] [role="row"][aria-selected="true"]').count()).toBe(1);
    const keysMs = Date.now() - t0;
    console.log(`10,000 tasks: open ${openMs} ms, search ${searchMs} ms, 30×PageDown ${keysMs} ms`);
    expect(openMs).toBeLessThan(15_000);
    expect(searchMs).toBeLessThan(3_000);
    await screenshot(page, 'ledger-10000');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('keyboard only: Enter in the search opens the task, Tab goes from 状态 to 完成进度, full-width digits count, an absurd value is refused', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await ensureLedgerTasks(page);
    await openLedger(page);
    await rowsIn(page).first().waitFor();
    await pickPeriod(page, '2025年第三季度');

    await page.getByTestId('ledger-search').click();
    await page.keyboard.type('yjgjyf');
    await expect.poll(() => shownCount(page)).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByTestId('progress-form').waitFor();
    await expect.poll(() => page.getByTestId('detail-title').textContent()).toContain('引聚国际研发机构');

    // 状态 by keyboard, then Tab: the next stop is 完成进度 and a full-width ６５ (IME) is 65.
    await page.locator('input[data-testid="field-status"], [data-testid="field-status"] input').first().focus();
    // Wait for the list to open and to close again: keys pressed before it opened would be lost.
    const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await page.keyboard.press('ArrowDown');
    await openList.first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => openList.count()).toBe(0);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('完成进度（%）');
    await page.keyboard.type('６５');
    await page.keyboard.press('Tab');
    const target = page.locator('input[data-testid^="field-target-"], [data-testid^="field-target-"] input').first();
    await target.fill('１２０');
    await page.getByTestId('field-progress').click();
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toContain('已保存');
    const stored = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open('district-innovation-ledger');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const rows = await new Promise<{ periodId: string; taskKey: string; status?: string; percent?: number; indicatorValues: Record<string, number | null> }[]>((ok) => {
          const r = db.transaction('progress').objectStore('progress').getAll();
          r.onsuccess = () => ok(r.result);
        });
        db.close();
        return rows.find((x) => x.periodId === '2025-Q3');
      });
    await expect.poll(async () => (await stored())?.percent).toBe(65);
    expect((await stored())?.status).toBeTruthy();
    expect(Object.values((await stored())?.indicatorValues ?? {})).toContain(120);

    // 150 % is refused in Chinese, not silently made 100; the saved 65 stays.
    const percent = page.getByTestId('field-percent');
    await percent.fill('150');
    await page.getByTestId('field-progress').click();
    await page.getByTestId('percent-error').getByText('完成进度应在 0 到 100 之间').waitFor();
    // "约30" in an indicator's 本期实际值: refused beside the field (not a toast that is missed), naming the number to type.
    await target.fill('约30');
    await page.getByTestId('field-progress').click();
    await page.getByTestId('target-error').getByText(/“约30”不是数字，没有保存。请只填数字（如 30）/u).waitFor();
    await expect.poll(() => target.inputValue()).toBe('120');
    // Full-width digits with a separator and the unit: the hint names the whole figure (walk7 W4)…
    await target.fill('１,２００家');
    await page.getByTestId('field-progress').click();
    await page.getByTestId('target-error').getByText(/“１,２００家”不是数字，没有保存。请只填数字（如 1200）/u).waitFor();
    // …and typing the saved value again ends the refusal (it was said of a value that is not kept).
    await target.fill('');
    await target.pressSequentially('120');
    await page.getByTestId('field-progress').click();
    await expect.poll(() => page.getByTestId('target-error').count()).toBe(0);
    await target.fill('约30');
    await page.getByTestId('field-progress').click();
    await page.getByTestId('target-error').waitFor();
    await target.fill('130');
    await page.getByTestId('field-progress').click();
    await expect.poll(() => page.getByTestId('target-error').count()).toBe(0);
    await target.fill('120');
    await page.getByTestId('field-progress').click();
    await expect.poll(() => percent.inputValue()).toBe('65');
    await expect.poll(async () => (await stored())?.percent).toBe(65);
    await screenshot(page, 'ledger-percent-refused');
    await percent.fill('64');
    await page.getByTestId('field-progress').click();
    await page.getByTestId('percent-error').waitFor({ state: 'detached' });

    // 1e30 is a typo: refused in Chinese, the saved value stays.
    await target.fill('1e30');
    await page.getByTestId('field-progress').click();
    await page.getByText('数值过大').first().waitFor();
    await page.waitForTimeout(1000);
    expect(Object.values((await stored())?.indicatorValues ?? {})).toContain(120);
    await screenshot(page, 'ledger-keyboard-values');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('修改任务信息', () => {
  const app = useServedApp();

  it('corrects a wrong unit and a deadline in the ledger: shown at once, recorded, refused with a reason when unreadable', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 650 });
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await openLedger(page);
    await search(page, 'yjgjyf');
    const row = rowsIn(page).first();
    await row.click();
    await page.getByTestId('edit-task').click();
    await page.getByTestId('task-edit-lead').fill('市科技创新局、区科经局');
    await page.getByTestId('task-edit-deadline').fill('2027年13月');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByTestId('task-edit-error').getByText(/月份不对/).waitFor();
    await page.getByTestId('task-edit-deadline').fill('2026年6月底前');
    await screenshot(page, 'ledger-edit-task-1366x650');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('任务信息已修改。').waitFor();
    await expect.poll(() => page.getByTestId('detail-meta').textContent()).toContain('市科技创新局、区科经局');
    await expect(page.getByTestId('detail-meta').textContent()).resolves.toContain('2026年6月底前');
    await expect.poll(() => row.textContent()).toContain('2026年6月底前');
    // The change is in the task's 修改记录.
    await page.getByText(/修改记录/).first().click();
    await expect.poll(() => page.getByTestId('task-detail').textContent()).toContain('区科经局');
    // The grid with the detail closed shows the corrected units.
    await page.keyboard.press('Escape');
    await expect.poll(() => row.textContent()).toContain('区科经局');
    expect(errors).toEqual([]);
    await context.close();
  });
});
