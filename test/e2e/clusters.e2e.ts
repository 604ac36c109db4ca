import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, openAppAs, screenshot, watchErrors, useServedApp } from './harness';

async function pickPeriod(page: Page, name: string) {
  await page.getByTestId('period-picker').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  await expect.poll(() => page.getByTestId('period-picker').textContent()).toContain(name);
}

describe('clusters page', () => {
  const app = useServedApp();

  it('lists the district clusters; adds, renames and removes one; keeps indicator values per period', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '产业集群' }).click();
    await page.getByTestId('clusters').waitFor();
    const seeded = await page.getByTestId('cluster-item').count();
    expect(seeded).toBeGreaterThan(0);
    await expect(page.getByTestId('cluster-detail').textContent()).resolves.toMatch(/关联任务（\d+）/);
    await screenshot(page, 'clusters-seeded');

    // Add a cluster; its name is its first keyword.
    await page.getByTestId('cluster-add').click();
    await page.getByTestId('cluster-name-input').fill('研发服务');
    await page.getByRole('button', { name: '确 定' }).or(page.getByRole('button', { name: '确定' })).first().click();
    await expect.poll(() => page.getByTestId('cluster-title').textContent()).toBe('研发服务');
    await expect.poll(() => page.getByTestId('cluster-item').count()).toBe(seeded + 1);
    await expect(page.getByTestId('cluster-keywords').textContent()).resolves.toContain('研发服务');
    await expect(page.getByTestId('cluster-detail').textContent()).resolves.toContain('关联任务（0）');

    // Put a task in by hand, found by pinyin initials; then take it out again and restore it.
    await page.getByTestId('cluster-add-task').click();
    await page.keyboard.type('yjgjyf');
    await page.locator('.ant-select-item-option', { hasText: '引聚国际研发机构' }).first().click();
    await expect.poll(() => page.getByTestId('cluster-detail').textContent()).toContain('关联任务（1）');
    await expect(page.getByTestId('cluster-tasks').textContent()).resolves.toContain('手动加入');
    // A task is found by its 任务编号 too, as the city's lists cite it; its code leads the option.
    await page.getByTestId('cluster-add-task').click();
    await page.keyboard.type('2025YFZX-03');
    const byCode = page.locator('.ant-select-item-option');
    await expect.poll(() => byCode.count()).toBe(1);
    await expect(byCode.first().textContent()).resolves.toMatch(/^2025YFZX-03\s.*聚集高端研发人才/u);
    await screenshot(page, 'clusters-add-by-code');
    await page.keyboard.press('Escape');

    // A duplicate name is refused in Chinese.
    await page.getByTestId('cluster-add').click();
    await page.getByTestId('cluster-name-input').fill('研发服务');
    await page.getByTestId('cluster-name-input').press('Enter');
    await page.getByText('本区已有同名集群').waitFor();
    await page.getByRole('button', { name: /取\s*消/ }).click();

    // Rename.
    await page.getByRole('button', { name: /重命名/ }).click();
    await page.getByTestId('cluster-name-input').fill('研发设计服务');
    await page.getByTestId('cluster-name-input').press('Enter');
    await expect.poll(() => page.getByTestId('cluster-title').textContent()).toBe('研发设计服务');

    // An indicator with a value for 2025年第三季度.
    await pickPeriod(page, '2025年第三季度');
    await page.getByRole('tab', { name: '集群指标' }).click();
    await page.getByTestId('indicator-add').click();
    await page.getByTestId('indicator-name').fill('研发型企业数量');
    await page.getByTestId('indicator-unit').fill('家');
    await page.locator('input[data-testid="indicator-target"], [data-testid="indicator-target"] input').fill('50');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    const value = page.locator('[data-testid^="indicator-value-"] input, input[data-testid^="indicator-value-"]').first();
    await value.fill('31');
    await value.press('Tab');
    await page.waitForTimeout(300);

    await page.reload();
    await page.getByTestId('clusters').waitFor();
    await page.getByTestId('cluster-item').filter({ hasText: '研发设计服务' }).click();
    await page.getByRole('tab', { name: '集群指标' }).click();
    await expect.poll(() => value.inputValue()).toBe('31');
    await expect(page.getByTestId('cluster-indicators').textContent()).resolves.toContain('研发型企业数量');
    await page.waitForTimeout(400); // let the tab's ink bar settle
    await screenshot(page, 'clusters-indicators');

    // Remove, after confirming.
    await page.getByRole('button', { name: /删\s*除/ }).first().click();
    await page.getByText('它的指标、各期数值和进展也会一并删除').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    await expect.poll(() => page.getByTestId('cluster-item').count()).toBe(seeded);
    await expect(page.getByTestId('cluster-item').filter({ hasText: '研发设计服务' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('picks a cluster with the keyboard (Tab into the list, ↑↓, Enter)', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '产业集群' }).click();
    await page.getByTestId('clusters').waitFor();
    const first = (await page.getByTestId('cluster-item').first().textContent()) ?? '';
    await page.getByTestId('cluster-add').click();
    await page.getByTestId('cluster-name-input').fill('键盘集群');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cluster-title').textContent()).toBe('键盘集群');

    // From 新增集群, Shift+Tab reaches the list; ↑ then Enter shows the cluster above.
    await page.getByTestId('cluster-add').focus();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('cluster-item');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('cluster-title').textContent()).toBe(first.replace(/\d+ 项任务$/, ''));
    expect(errors).toEqual([]);
    await context.close();
  });
});
