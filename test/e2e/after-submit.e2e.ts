/**
 * What 报送 seals, driven in Chromium: the 产业集群 page shows the sealed period read-only with
 * the lock's reason and refuses an edit; a 修改任务信息 and, after 解锁, a cluster's changed
 * 本期进展 and indicator value show in 本期与上期对比. Each test starts from an empty profile.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { modalSettled, openAppAs, screenshot, watchErrors, useServedApp } from './harness';

/** The first cluster of the district, on its tab `tab`. */
async function openCluster(page: Page, tab: '集群指标' | '本期进展'): Promise<string> {
  await page.getByRole('menuitem', { name: '产业集群' }).click();
  await page.getByTestId('clusters').waitFor();
  await page.getByTestId('cluster-item').first().click();
  const name = (await page.getByTestId('cluster-title').textContent()) ?? '';
  await page.getByRole('tab', { name: tab }).click();
  return name;
}

/** Give the first cluster an indicator with a value and a 本期进展 for the current period. */
async function fillCluster(page: Page, value: string, progress: string): Promise<string> {
  const name = await openCluster(page, '集群指标');
  await page.getByTestId('indicator-add').click();
  await page.getByTestId('indicator-name').fill('研发型企业数量');
  await page.getByTestId('indicator-unit').fill('家');
  await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
  const input = page.getByTestId('cluster-indicators').locator('[data-testid^="indicator-value-"] input, input[data-testid^="indicator-value-"]').first();
  await input.fill(value);
  await input.press('Tab');
  await page.getByRole('tab', { name: '本期进展' }).click();
  const text = page.getByTestId('cluster-progress').getByRole('textbox', { name: '进展情况' });
  await text.fill(progress);
  await text.blur();
  await page.getByTestId('cluster-progress').getByText('已保存').waitFor();
  return name;
}

/** 报送 the current period's three tables from the 报表导出 page. */
async function submitPeriod(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '报表导出' }).click();
  await page.getByTestId('report-check').getByText(/本期 \d+ 项任务/).waitFor({ timeout: 30_000 });
  await page.getByTestId('report-submit').click();
  await page.getByTestId('submit-dialog').waitFor();
  await modalSettled(page);
  await page.getByTestId('submit-confirm').click();
  await page.getByText('已报送：3 个文件记为一次报送，本期进展已锁定。').waitFor({ timeout: 60_000 });
}

describe('after 报送', () => {
  const app = useServedApp();

  it.each([
    [1366, 650],
    [1920, 1080],
  ])('the 产业集群 page shows the sealed period read-only with the reason and refuses an edit (%i×%i)', async (width, height) => {
    const context = await app.browser.newContext({ viewport: { width, height }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await fillCluster(page, '31', '新引进医疗器械企业3家。');
    await submitPeriod(page);

    await openCluster(page, '本期进展');
    const lock = page.getByTestId('cluster-period-locked');
    await lock.getByText(/汉阳区\d{4}年第.季度的进展已报送，已锁定，不能修改。如确需修改，请到“报表导出”中该期的报送记录处点击“解锁”/).waitFor();
    const text = page.getByTestId('cluster-progress').getByRole('textbox', { name: '进展情况' });
    await expect(text.inputValue()).resolves.toBe('新引进医疗器械企业3家。');
    await expect(text.getAttribute('readonly')).resolves.not.toBeNull();
    // Typing into it changes nothing, here or in the store (a reload reads the store again).
    await text.click();
    await page.keyboard.type('改动');
    await expect(text.inputValue()).resolves.toBe('新引进医疗器械企业3家。');
    await screenshot(page, `after-submit-cluster-progress-${width}x${height}`);

    await page.getByRole('tab', { name: '集群指标' }).click();
    await page.getByTestId('cluster-indicators-locked').getByText(/已报送，已锁定，不能修改/).waitFor();
    const cell = page.getByTestId('cluster-indicators').locator('[data-testid^="indicator-value-"]').first();
    await expect(cell.textContent()).resolves.toBe('31');
    // Shown, not an input: nothing to type into.
    await expect(page.getByTestId('cluster-indicators').locator('input[data-testid^="indicator-value-"], [data-testid^="indicator-value-"] input').count()).resolves.toBe(0);
    await page.waitForTimeout(400); // the tab's ink bar
    await screenshot(page, `after-submit-cluster-indicators-${width}x${height}`);
    // Removing the indicator, or the whole cluster, would drop values the sealed file printed: refused, with the reason.
    await page.getByTestId('cluster-indicators').getByRole('button', { name: '删除' }).first().click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    const refused = page.getByText(/没有删除：它有已报送期的数值或进展。汉阳区\d{4}年第.季度的进展已报送，已锁定/);
    await refused.waitFor();
    await page.waitForTimeout(500); // the notice's fade-in and the confirmation's fade-out
    await screenshot(page, `after-submit-cluster-remove-refused-${width}x${height}`);
    await expect(page.getByTestId('cluster-indicators').textContent()).resolves.toContain('研发型企业数量');
    await refused.waitFor({ state: 'detached', timeout: 15_000 });
    const clusters = await page.getByTestId('cluster-item').count();
    const title = await page.getByTestId('cluster-title').textContent();
    await page.getByTestId('cluster-detail').getByRole('button', { name: /删\s*除/ }).first().click();
    await page.locator('.ant-popconfirm').last().getByRole('button', { name: /删\s*除/ }).click();
    await refused.waitFor();
    await expect(page.getByTestId('cluster-item').count()).resolves.toBe(clusters);
    await expect(page.getByTestId('cluster-title').textContent()).resolves.toBe(title);

    await page.reload();
    await openCluster(page, '本期进展');
    await expect.poll(() => page.getByTestId('cluster-progress').getByRole('textbox', { name: '进展情况' }).inputValue()).toBe('新引进医疗器械企业3家。');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a 修改任务信息 after 报送, and a cluster changed after 解锁, show in 本期与上期对比', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 650 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    const cluster = await fillCluster(page, '31', '新引进医疗器械企业3家。');
    await submitPeriod(page);
    const panel = page.getByTestId('submission-panel');
    await panel.getByText('与最近一次报送的内容相比没有变化。').waitFor();

    // 修改任务信息: the 牵头单位 and the 完成时限 of a task the sealed table printed.
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger').waitFor();
    await page.getByTestId('ledger-search').fill('yjgjyf');
    await page.waitForTimeout(150);
    const row = page.locator('[data-testid="task-grid"] [role="row"][data-task-key]').first();
    const key = (await row.getAttribute('data-task-key'))!;
    await row.click();
    await page.getByTestId('edit-task').click();
    const before = await page.getByTestId('task-edit-lead').inputValue();
    await page.getByTestId('task-edit-lead').fill('市科技创新局、区科经局');
    await page.getByTestId('task-edit-deadline').fill('2027年6月底前');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('任务信息已修改。').waitFor();

    await page.getByRole('menuitem', { name: '报表导出' }).click();
    const changes = page.getByTestId('submission-changes');
    await changes.waitFor({ timeout: 30_000 });
    const lead = changes.locator('tr', { hasText: '牵头单位' });
    await expect(lead.locator('td').allTextContents()).resolves.toEqual([key, '有修改', '牵头单位', before, '市科技创新局、区科经局']);
    await expect(changes.locator('tr', { hasText: '完成时限' }).locator('td').nth(4).textContent()).resolves.toBe('2027年6月底前');
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'after-submit-compare-task-1366x650');

    // 解锁, then the cluster's 本期进展 and its indicator value change: both listed, as the cluster report prints them.
    await panel.getByRole('button', { name: /解锁/ }).click();
    await page.getByRole('dialog').filter({ hasText: '确定解锁本期进展？' }).waitFor();
    await page.getByRole('button', { name: /^解\s*锁$/ }).click();
    await page.getByText('已解锁，本期进展可以修改了。').waitFor();
    await openCluster(page, '集群指标');
    const input = page.getByTestId('cluster-indicators').locator('[data-testid^="indicator-value-"] input, input[data-testid^="indicator-value-"]').first();
    await input.fill('35');
    await input.press('Tab');
    await page.getByRole('tab', { name: '本期进展' }).click();
    const text = page.getByTestId('cluster-progress').getByRole('textbox', { name: '进展情况' });
    await text.fill('新引进医疗器械企业5家。');
    await text.blur();
    await page.getByTestId('cluster-progress').getByText('已保存').waitFor();
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await changes.waitFor({ timeout: 30_000 });
    const subject = `产业集群：${cluster}`;
    await expect
      .poll(async () => (await changes.locator('tr', { hasText: subject }).allTextContents()).length, { timeout: 15_000 })
      .toBe(2);
    await expect(changes.locator('tr', { hasText: '指标：研发型企业数量' }).locator('td').allTextContents()).resolves.toEqual([subject, '有修改', '指标：研发型企业数量', '31家', '35家']);
    await expect(changes.locator('tr', { hasText: subject }).filter({ hasText: '进展情况' }).locator('td').allTextContents()).resolves.toEqual([subject, '有修改', '进展情况', '新引进医疗器械企业3家。', '新引进医疗器械企业5家。']);
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'after-submit-compare-cluster-1366x650');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'after-submit-compare-cluster-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  });
});
