import { describe, expect, it } from 'vitest';
import { newContext, screenshot, watchErrors, useServedApp } from './harness';

describe('first start', () => {
  const app = useServedApp();

  it('asks for the district once and keeps the choice across a reload', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await page.getByText('欢迎使用区级科创任务台账').waitFor();
    // Every district and zone is offered.
    for (const name of ['江岸区', '新洲区', '东湖新技术开发区', '武汉经济技术开发区', '长江新区', '东湖生态旅游风景区'])
      await expect(page.getByRole('radio', { name }).count()).resolves.toBe(1);
    await screenshot(page, 'first-start');
    await page.locator('label.ant-radio-button-wrapper', { hasText: /^汉阳区$/ }).click();
    await page.getByRole('button', { name: /确定：汉阳区/ }).click();
    await expect(page.getByTestId('current-district').textContent()).resolves.toContain('汉阳区');

    await page.reload();
    await page.getByTestId('current-district').waitFor();
    await expect(page.getByTestId('current-district').textContent()).resolves.toContain('汉阳区');
    await expect(page.getByText('欢迎使用区级科创任务台账').count()).resolves.toBe(0);
    // The shell offers every area in Chinese.
    for (const label of ['工作台', '任务台账', '产业集群', '报表导出', '导入更新', '备份与恢复', '设置'])
      await expect(page.getByRole('menuitem', { name: label }).count()).resolves.toBe(1);
    await screenshot(page, 'shell-after-reload');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('first start as the city’s office (市级)', () => {
  const app = useServedApp();

  it('sets up 武汉市: every task in the ledger, the 17 districts in 下发与回收, 全市 targets judged, clusters by district', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1366, height: 650 });
    await page.goto(app.url);
    await page.getByText('欢迎使用区级科创任务台账').waitFor();
    await page.locator('label.ant-radio-button-wrapper', { hasText: '武汉市（市级汇总）' }).click();
    await page.getByRole('button', { name: '确定：武汉市（市级汇总）' }).click();
    await expect.poll(() => page.getByTestId('current-district').textContent(), { timeout: 60_000 }).toBe('市级汇总（各区为填报单位）');

    // 工作台: the city's count is every active task of the ledger.
    await page.getByRole('menuitem', { name: '工作台' }).click();
    const card = page.getByTestId('card-tasks');
    await card.getByText('全市任务').waitFor({ timeout: 30_000 });
    const total = Number(await card.locator('.ant-statistic-content-value').textContent());
    await screenshot(page, 'city-office-dashboard-1366x650');

    // 任务台账: all of them, with no 与本区相关 filter or column.
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger').waitFor();
    await expect.poll(() => page.getByTestId('ledger').textContent(), { timeout: 30_000 }).toContain(`显示 ${total} / ${total} 项`);
    await expect(page.getByTestId('filter-relevant').count()).resolves.toBe(0);
    await expect(page.getByRole('columnheader', { name: '与本区关系' }).count()).resolves.toBe(0);
    await screenshot(page, 'city-office-ledger-1366x650');

    // 指标跟踪: the 全市 target is the office's own; no 区级分解 column.
    await page.getByRole('menuitem', { name: '指标跟踪' }).click();
    await page.getByTestId('indicators').waitFor();
    await page.getByText('市级单位按全市目标判断').waitFor();
    await expect(page.getByTestId('indicator-import-breakdown').count()).resolves.toBe(0);
    await expect(page.getByRole('columnheader', { name: '区级分解目标' }).count()).resolves.toBe(0);
    await screenshot(page, 'city-office-indicators-1366x650');

    // 产业集群: the office looks at a district's clusters; it opens on one that has them.
    await page.getByRole('menuitem', { name: '产业集群' }).click();
    await page.getByTestId('clusters-district').waitFor();
    await expect.poll(() => page.getByTestId('cluster-item').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(page.getByTestId('clusters-district').textContent()).resolves.toMatch(/区（\d+ 个集群）$/);
    await screenshot(page, 'city-office-clusters-1366x650');

    // 下发与回收: the city's wording and the 17 districts as units.
    await page.getByRole('menuitem', { name: '下发与回收' }).click();
    await page.getByText('本机设为市级：把任务清单下发给各区和功能区').waitFor({ timeout: 30_000 });
    await page.getByText(`全部任务 ${total} 项，已定下发范围 0 项`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'city-office-rounds-1366x650');

    // 设置: the level follows the office; going back to a district makes it 区级 again.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByText('本单位设为武汉市（市级），层级固定为市级').waitFor();
    await screenshot(page, 'city-office-settings-1920x1080');
    await page.reload();
    await expect.poll(() => page.getByTestId('current-district').textContent(), { timeout: 60_000 }).toBe('市级汇总（各区为填报单位）');
    expect(errors).toEqual([]);
    await context.close();
  });
});
