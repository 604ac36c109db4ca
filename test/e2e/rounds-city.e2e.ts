/**
 * 市级汇总 in Chromium: the app set up as 市级 → 下发 the task list to the 17 districts → three
 * districts' submissions come back (汉阳区's export made by the app, 江岸区's copy edited by
 * hand, 洪山区's hand-made table; test/fixtures/rounds/city) → preview → apply → 市级汇总 →
 * the 全市汇总表 with its 报送情况 sheet. Screenshots at 1366×650 and 1920×1080.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { SCREENSHOT_DIR, chooseOption, newContext, openAppAs, screenshot, watchErrors, useServedApp } from './harness';

const CITY = resolve(__dirname, '../fixtures/rounds/city');

describe('city level', () => {
  const app = useServedApp();

  it.each([
    ['set up as 武汉市 at first start', ''],
    ['an earlier city office kept under 汉阳区 and set 市级 in 设置', '-legacy'],
  ])('%s: 下发 to the districts → three submissions (one hand-edited, one hand-made) → 汇总 → 全市汇总表', async (_, suffix) => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 650 });
    const errors = watchErrors(page);
    const shot = (name: string) => screenshot(page, `${name}${suffix}`);
    if (suffix) {
      await openAppAs(page, app.url, '汉阳区');
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByTestId('settings-office-level').getByText('市级（17 个区和功能区）').click();
      await page.getByText('已保存本单位层级。').waitFor();
    } else {
      await page.goto(app.url);
      await page.locator('label.ant-radio-button-wrapper', { hasText: '武汉市（市级汇总）' }).click();
      await page.getByRole('button', { name: '确定：武汉市（市级汇总）' }).click();
    }
    // The shell speaks for the city, not for a district.
    await expect.poll(() => page.getByTestId('current-district').textContent(), { timeout: 60_000 }).toBe('市级汇总（各区为填报单位）');

    await page.getByRole('menuitem', { name: '下发与回收' }).click();
    await page.getByRole('tab', { name: '下发范围' }).waitFor();
    const rows = page.getByTestId('assign-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 30_000 });
    await page.getByPlaceholder('搜索任务编号、名称、牵头单位').fill('2025YFZX-0');
    for (const i of [0, 1, 2, 3]) await rows.nth(i).locator('input[type=checkbox]').check();
    await page.getByTestId('assign-suggest').click();
    await page.getByText('已为 4 项任务填入建议的承办单位。').waitFor();
    await rows.first().getByText('全部 17 个区').waitFor();
    await shot('rounds-city-assign-1366x650');

    await page.getByRole('tab', { name: '下发', exact: true }).click();
    await chooseOption(page, page.getByTestId('period-picker'), /^2026年第四季度/);
    await page.getByTestId('send-units').getByText('汉阳区（4 项）').waitFor();
    await page.getByTestId('send-make').click();
    await page.getByTestId('send-result').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('send-result').locator('.ant-list-item').count()).resolves.toBe(17);
    expect(await page.getByTestId('send-notice').inputValue()).toMatch(/导入更新/);
    const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('send-result').locator('.ant-list-item', { hasText: '_汉阳区.xlsx' }).getByRole('button').click()]);
    const lw = XLSX.read(readFileSync((await list.path())!), { type: 'array' });
    expect(lw.SheetNames).toEqual(['任务清单', '_binding']);
    await shot('rounds-city-send-1366x650');

    await page.getByRole('tab', { name: '回收', exact: true }).click();
    await page.getByTestId('collect-input').setInputFiles(['src-hanyang-export.xlsx', 'jiangan-edited.xlsx', 'hongshan-handmade.xlsx'].map((f) => resolve(CITY, f)));
    await page.getByTestId('collect-preview').waitFor({ timeout: 60_000 });
    await page.getByText('汉阳区 · 按表头匹配（无下发标识）').waitFor();
    await page.getByText('江岸区 · 按表头匹配（无下发标识）').waitFor();
    await page.getByText('洪山区 · 按表头匹配（无下发标识）').waitFor();
    await page.getByTestId('collect-issues').getByText(/“很好”不在可选范围内/).waitFor();
    await page.getByTestId('merge-江岸区-2025YFZX-01').getByText('江岸：国际研发机构洽谈中，尚未落地。').first().waitFor();
    await shot('rounds-city-preview-1366x650');
    await page.getByTestId('collect-apply').click();
    await page.getByText(/已写入 9 项任务的进展/).waitFor({ timeout: 30_000 });

    await page.getByRole('tab', { name: '市级汇总' }).click();
    const summary = page.getByTestId('city-summary');
    await summary.waitFor();
    const first = page.getByTestId('city-tasks').locator('tbody tr.ant-table-row', { hasText: '2025YFZX-01' });
    await first.getByText('滞后 1').waitFor();
    await first.getByText('未报送 14').waitFor();
    await expect(first.textContent()).resolves.toContain('江岸区');
    const districts = page.getByTestId('city-districts');
    // 洪山区 sent its return and left one task blank: 未填报 1, not 未报送 (walk7 W7); a district that sent nothing: 未报送.
    expect(await districts.locator('tr', { hasText: '洪山区' }).locator('td').allTextContents()).toEqual(expect.arrayContaining(['洪山区', '4', '3', '未填报 1', '0']));
    expect(await districts.locator('tr', { hasText: '青山区' }).locator('td').allTextContents()).toEqual(expect.arrayContaining(['青山区', '0', '未报送 4']));
    await shot('rounds-city-summary-1366x650');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await first.locator('.ant-table-row-expand-icon').click();
    await shot('rounds-city-summary-1920x1080');

    const [exp] = await Promise.all([page.waitForEvent('download'), page.getByTestId('city-export').click()]);
    expect(exp.suggestedFilename()).toBe('武汉市2026年第四季度科技创新重点任务推进情况汇总表.xlsx');
    const bytes = readFileSync((await exp.path())!);
    writeFileSync(resolve(SCREENSHOT_DIR, `city-summary${suffix}.xlsx`), bytes);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['全市汇总表', '报送情况']);
    const grid = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['全市汇总表']!, { header: 1, defval: '' });
    const jiangan01 = grid.find((r) => r[1] === '2025YFZX-01' && r[3] === '江岸区') ?? grid.find((r) => r[3] === '江岸区');
    expect(jiangan01!.slice(3, 7)).toEqual(['江岸区', '滞后', 30, '江岸：国际研发机构洽谈中，尚未落地。']);
    const rs = XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets['报送情况']!, { header: 1, defval: '' });
    expect(rs.find((r) => r[0] === '汉阳区')!.slice(1, 4)).toEqual([4, 3, '未填报 1']);
    expect(rs.slice(3)).toHaveLength(17);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
