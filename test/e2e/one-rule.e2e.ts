/**
 * What the officer sees of rules now decided once: a task done last period is 前期已完成 in the
 * ledger and never 逾期 (as the 工作台 counts it); an indicator value no count can have is
 * refused; 报表导出 says while the signature block is blank; a status and a 完成进度 that contradict
 * each other are said in the form and in the pre-export check. At 1366×650 and 1920×1080.
 */
import { describe, expect, it } from 'vitest';
import { previousPeriod, reportingPeriod } from '../../src/core/period';
import { periodRowsOf } from '../../src/core/dashboard/progress-summary';
import { aDocument, anEntry, aTarget, aTask } from '../builders/dashboard';
import { newContext, openAppAs, putStoreRows, screenshot, watchErrors, useServedApp } from './harness';

const D = '汉阳区';
const P = reportingPeriod('quarter', new Date(), new Set());
const PREV = previousPeriod(P);
const documents = [aDocument('one-a', { shortTitle: '测试一规则方案' })];
const tasks = [
  // Deadline passed, done last period, nothing since: 前期已完成, not overdue.
  aTask('ONE-1', 'one-a', { title: '建设测试创新平台', deadline: PREV.end, deadlineText: '上期末', responsibleUnits: ['各区人民政府'] }),
  // Deadline passed, nothing filled: overdue.
  aTask('ONE-2', 'one-a', { title: '培育测试科技企业', deadline: PREV.end, deadlineText: '上期末', responsibleUnits: ['各区人民政府'] }),
];
const targets = [aTarget('one-t', 'one-a', { taskKey: 'ONE-2', name: '测试科技企业', unit: '家', value: 40, year: P.year })];
const progress = [anEntry(D, 'ONE-1', PREV.id, 'done', { progress: '平台已建成并通过验收。' })];

describe('rules decided once, as the officer sees them', () => {
  const app = useServedApp();

  /** A fresh office of 汉阳区 at `width`×`height` holding the test tasks, the ledger searched for them. */
  async function ledgerWithTestTasks(width: number, height: number) {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const errors = watchErrors(page);
    await openAppAs(page, app.url, D);
    await putStoreRows(page, { documents, tasks, targets, progress, progressSummary: periodRowsOf(progress) });
    await page.reload();
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger-search').fill('测试');
    return { context, page, errors };
  }

  it.each([
    [1366, 650],
    [1920, 1080],
  ])('at %i×%i: 前期已完成 and 逾期 in the ledger, a negative count refused, the blank signature block said', async (width, height) => {
    const { context, page, errors } = await ledgerWithTestTasks(width, height);
    const row = (key: string) => page.locator(`[data-task-key="${key}"]`);
    await row('ONE-1').getByTestId('done-earlier').waitFor();
    expect(await row('ONE-1').getByTestId('done-earlier').getAttribute('title')).toContain(`${PREV.name}已报“已完成”`);
    await screenshot(page, `one-rule-ledger-${width}`);

    // The 已超时限 filter holds ONE-2 and not ONE-1, as the 工作台's 逾期 list does.
    await page.getByTestId('filter-overdue').click();
    await row('ONE-2').waitFor();
    await expect.poll(() => row('ONE-1').count()).toBe(0);
    await page.getByTestId('filter-overdue').click();

    // −5 家 is no count: refused in Chinese, nothing saved.
    await row('ONE-2').click();
    await page.getByTestId('task-detail').waitFor();
    const value = page.locator('input[data-testid="field-target-one-t"], [data-testid="field-target-one-t"] input');
    await value.fill('-5');
    await page.getByTestId('field-progress').click();
    await page.getByText('测试科技企业是数量（家），不能是负数').first().waitFor();
    await screenshot(page, `one-rule-negative-${width}`);

    // 报表导出: the signature block is blank in a new office, and the page says so.
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('report-header-blank').waitFor();
    expect(await page.getByTestId('report-header-blank').textContent()).toMatch(/填报人、联系电话、审核人/u);
    // The seed's 2023 work points ended years ago: the check names them and points to 批量销号.
    await page.getByTestId('report-past-documents').waitFor();
    expect(await page.getByTestId('report-past-documents').textContent()).toMatch(/已到期的文件（《2023年.*批量销号/u);
    await screenshot(page, `one-rule-header-blank-${width}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    [1366, 650],
    [1920, 1080],
  ])('at %i×%i: 已完成 takes 完成进度 100 when none is written; a status and a percent that disagree are said in the form and in the pre-export check (walk7 W3)', async (width, height) => {
    const { context, page, errors } = await ledgerWithTestTasks(width, height);
    await page.locator('[data-task-key="ONE-2"]').click();
    await page.getByTestId('task-detail').waitFor();
    const percent = page.locator('input[data-testid="field-percent"], [data-testid="field-percent"] input');
    // A status chosen, and seen chosen. Under load a click can land while the list still opens and
    // be lost (seen once in CI): the list is then closed and the choice made again, up to three times.
    const choose = async (status: string) => {
      for (let attempt = 1; ; attempt++) {
        await page.getByTestId('field-status').click();
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: new RegExp(`^${status}$`, 'u') }).click({ timeout: 10_000 }).catch(() => undefined);
        try {
          await expect.poll(() => page.getByTestId('field-status').textContent(), { timeout: 10_000 }).toContain(status);
          return;
        } catch (e) {
          if (attempt >= 3) throw e;
          await page.keyboard.press('Escape');
        }
      }
    };
    await choose('已完成');
    await expect.poll(() => percent.inputValue(), { timeout: 10_000 }).toBe('100');
    expect(await page.getByTestId('status-percent-clash').count()).toBe(0);
    // Leaving 已完成 drops the 100 it brought (序时推进 at 100 % would contradict itself); back to 已完成, 100 again.
    await choose('序时推进');
    await expect.poll(() => percent.inputValue()).toBe('');
    await choose('已完成');
    await expect.poll(() => percent.inputValue()).toBe('100');
    // 80 % with 已完成: kept as typed (the officer may be correcting the status next), and said.
    await percent.fill('80');
    await page.getByTestId('field-progress').fill('平台主体已建成，设备调试中。');
    await page.getByTestId('status-percent-clash').getByText('状态“已完成”而完成进度为 80%：已完成即 100%').waitFor();
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toContain('已保存');
    await screenshot(page, `one-rule-clash-form-${width}`);

    // 报表导出's check lists it before anything is printed.
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('report-clashes').waitFor();
    expect(await page.getByTestId('report-clashes').textContent()).toMatch(/1 项任务的状态与完成进度不一致.*培育测试科技企业.*已完成 \/ 80%/u);
    await page.getByTestId('report-clashes').scrollIntoViewIfNeeded();
    await screenshot(page, `one-rule-clash-check-${width}`);

    // 序时推进 on a task past its 完成时限 (上期末): the check says it is late, before it is printed so (walk8 X4).
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.locator('[data-task-key="ONE-2"]').click();
    await page.getByTestId('task-detail').waitFor();
    await choose('序时推进');
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toContain('已保存');
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('report-late').waitFor();
    expect(await page.getByTestId('report-late').textContent()).toMatch(/1 项任务已过完成时限仍未完成.*培育测试科技企业.*序时推进 \/ 上期末/u);
    expect(await page.getByTestId('report-clashes').count()).toBe(0);
    await page.getByTestId('report-late').scrollIntoViewIfNeeded();
    await screenshot(page, `one-rule-late-check-${width}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
