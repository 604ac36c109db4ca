import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA } from '../../src/renderer/storage/seed';
import { taskRelevance } from '../../src/core/policy/relevance';
import { newContext, openAppAs, screenshot, watchErrors, useServedApp } from './harness';
import { shownCount } from './ledger-fixture';

describe('the tasks that concern my district', () => {
  const app = useServedApp();

  it('汉阳区 sees its relevant seed tasks, each with the reason', async () => {
    const own = DEFAULT_DATA.clusters.filter((c) => c.district === '汉阳区');
    const expected = DEFAULT_DATA.tasks.filter((t) => taskRelevance(t, '汉阳区', own).relevant).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(DEFAULT_DATA.tasks.length);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger').waitFor();
    // The ledger opens on the district's tasks (与本区相关 on by default), the reason column shown.
    await expect.poll(() => shownCount(page)).toBe(expected);
    await page.getByTestId('filter-relevant').click();
    await expect.poll(() => shownCount(page)).toBe(DEFAULT_DATA.tasks.length);
    // Remembered for the office (settings table): still off after a reload, then on again.
    await page.reload();
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger').waitFor();
    await expect.poll(() => shownCount(page)).toBe(DEFAULT_DATA.tasks.length);
    await page.getByTestId('filter-relevant').click();
    await expect.poll(() => shownCount(page)).toBe(expected);

    await page.getByRole('button', { name: '显示列' }).click();
    const chooser = page.getByTestId('column-chooser');
    await expect(chooser.getByRole('checkbox', { name: '与本区关系' }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: '显示列' }).click();
    await chooser.waitFor({ state: 'hidden' });
    await page.getByTestId('ledger-search').fill('全城创新');
    await expect.poll(() => shownCount(page)).toBe(1);
    const row = page.locator('[data-testid="task-grid"] [role="row"][data-task-key="SSWGH-41"]');
    await expect(row.textContent()).resolves.toContain('点名：汉阳区');
    await screenshot(page, 'relevance-column');
    await row.dblclick();
    const detail = page.getByTestId('task-detail');
    await detail.getByText('点名：汉阳区').waitFor();
    await detail.getByText('各区人民政府：全部区参与').waitFor();

    // A task matched through the district's cluster says so.
    await detail.getByRole('button', { name: '关闭' }).click();
    await detail.waitFor({ state: 'detached' });
    await page.getByTestId('ledger-search').fill('智能建造');
    await expect(page.locator('[data-task-key="SSWGH-17"]').textContent()).resolves.toContain('产业集群：工程设计建造');
    await screenshot(page, 'relevance-cluster');
    expect(errors).toEqual([]);
    await context.close();
  });
});
