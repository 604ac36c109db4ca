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
