import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SIZES, modalSettled, newContext, openAppAs, pageAt, screenshot, watchErrors, useServedApp } from './harness';

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
    // antd draws from its own stylesheet (App.tsx, zeroRuntime): it is there (0 px corners without
    // it), and the theme's tokens reach it (this large button's corners are 8 px with antd's own
    // radius, 4 px with the theme's), on the first screen already.
    const confirm = page.locator('button.ant-btn-primary');
    await expect(confirm.evaluate((el) => getComputedStyle(el).borderTopLeftRadius)).resolves.toBe('4px');
    await expect(confirm.evaluate((el) => getComputedStyle(el).fontSize)).resolves.toBe('16px'); // size="large": fontSizeLG
    await expect(page.getByRole('radio', { name: '江岸区' }).evaluate((el) => getComputedStyle(el.closest('label')!).fontSize)).resolves.toBe('14px');
    await page.locator('label.ant-radio-button-wrapper', { hasText: /^汉阳区$/ }).click();
    // antd's blue once enabled (polled: the colour eases in from the disabled grey).
    await expect.poll(() => confirm.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(22, 119, 255)');
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

describe('first start on a new computer: restore the office’s backup instead of choosing', () => {
  const app = useServedApp();

  it('refuses a broken file in Chinese, then restores the backup: its district, its tasks and what was typed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ledger-first-restore-'));
    // The old computer: 江夏区, with its 填报人 typed in 设置, backed up.
    const old = await newContext(app.browser);
    const before = await old.newPage();
    await openAppAs(before, app.url, '江夏区');
    await before.getByRole('menuitem', { name: '设置' }).click();
    await before.getByTestId('settings-filled-by').fill('王晓明');
    await before.getByTestId('settings-people-save').click();
    await before.locator('.ant-message-success').first().waitFor();
    await before.getByRole('menuitem', { name: '备份与恢复' }).click();
    await before.getByTestId('backup-page').waitFor();
    const [download] = await Promise.all([before.waitForEvent('download'), before.getByRole('button', { name: /立即备份/ }).click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const counts = (JSON.parse(await readFile(file, 'utf8')) as { counts: Record<string, number> }).counts;
    expect(counts.settings).toBeGreaterThan(0);
    await old.close();

    // The new computer: the first start offers the restore beside the choice.
    for (const [width, height] of SIZES) {
      const { context, page, errors } = await pageAt(app.browser, width, height);
      await page.goto(app.url);
      await page.getByText('欢迎使用区级科创任务台账').waitFor();
      const restoreButton = page.getByTestId('first-start-restore').getByRole('button', { name: /从备份文件恢复/ });
      await restoreButton.waitFor();
      await screenshot(page, `first-start-restore-${width}`);

      // A spreadsheet chosen by mistake is refused in Chinese (no library English), and nothing changes.
      const [chooser0] = await Promise.all([page.waitForEvent('filechooser'), restoreButton.click()]);
      await chooser0.setFiles(resolve(__dirname, '../fixtures/rounds/walk6/区发改局报回.xlsx'));
      await page.getByTestId('backup-refusal').waitFor();
      const wrong = (await page.getByTestId('backup-refusal').textContent()) ?? '';
      expect(wrong).toContain('区发改局报回.xlsx');
      expect(wrong).not.toMatch(/[A-Za-z]{5,}/);
      await screenshot(page, `first-start-restore-wrong-file-${width}`);
      await expect(page.getByText('欢迎使用区级科创任务台账').count()).resolves.toBe(1);

      // A cut copy is refused, named, and nothing changes: still the first start.
      const broken = join(dir, '截断的备份.json');
      const text = await readFile(file);
      await writeFile(broken, text.subarray(0, Math.floor(text.length / 2)));
      const [chooser1] = await Promise.all([page.waitForEvent('filechooser'), restoreButton.click()]);
      await chooser1.setFiles(broken);
      await page.getByTestId('backup-refusal').waitFor();
      await expect(page.getByTestId('backup-refusal').textContent()).resolves.toContain('备份文件不完整');
      await expect(page.getByText('欢迎使用区级科创任务台账').count()).resolves.toBe(1);

      // A district chosen but not confirmed: the backup's own district wins, and 确定 waits meanwhile.
      await page.locator('label.ant-radio-button-wrapper', { hasText: /^汉阳区$/ }).click();
      await expect(page.getByRole('button', { name: /确定：汉阳区/ }).isEnabled()).resolves.toBe(true);
      const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), restoreButton.click()]);
      await chooser2.setFiles(file);
      const preview = page.getByTestId('restore-preview');
      await preview.waitFor();
      await expect(preview.textContent()).resolves.toContain('江夏区');
      await expect(preview.textContent()).resolves.toContain('直接进入台账');
      await modalSettled(page);
      await screenshot(page, `first-start-restore-preview-${width}`);
      // While the file is previewed the choice of district waits (a pick would drop the restore).
      await expect(page.getByRole('button', { name: /确定：汉阳区/ }).isDisabled()).resolves.toBe(true);
      // The state before is only the built-in documents: no download of it beside the real backup.
      const downloads: string[] = [];
      page.on('download', (d) => downloads.push(d.suggestedFilename()));
      await page.getByRole('button', { name: /确认恢复/ }).click();
      const done = page.locator('.ant-modal-confirm', { hasText: '恢复完成' });
      await done.waitFor();
      await expect(done.textContent()).resolves.not.toContain('恢复前的数据');
      expect(downloads).toEqual([]);
      // The main window opens on the backup's district, without the choice.
      await expect(page.getByTestId('current-district').textContent()).resolves.toContain('江夏区');
      await page.waitForTimeout(600);
      await screenshot(page, `first-start-restored-${width}`);
      await page.getByRole('button', { name: /知道了|确定|OK/ }).first().click();
      await page.getByRole('menuitem', { name: '设置' }).click();
      await expect(page.getByTestId('settings-filled-by').inputValue()).resolves.toBe('王晓明');
      await page.reload();
      await expect(page.getByTestId('current-district').textContent()).resolves.toContain('江夏区');
      await expect(page.getByText('欢迎使用区级科创任务台账').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
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
