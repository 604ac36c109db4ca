import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, chooseOption, exportReport, newContext, openAppAs, screenshot, watchErrors, useServedApp } from './harness';

const FIXTURES = resolve(__dirname, '../fixtures/templates');

async function chooseFile(page: Page, button: ReturnType<Page['getByRole']>, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(resolve(FIXTURES, file));
}

describe('reports and settings', () => {
  const app = useServedApp();

  it('changes 本区 only after confirmation and switches the reporting period kind', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    // 报表表头: typed and left without 保存 (another menu item): kept, not dropped.
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('settings-report-unit').fill('汉阳区科学技术局');
    await page.getByTestId('settings-reviewer').fill('王主任');
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await expect.poll(() => page.getByTestId('settings-report-unit').inputValue()).toBe('汉阳区科学技术局');
    await expect(page.getByTestId('settings-reviewer').inputValue()).resolves.toBe('王主任');
    await page.getByRole('menuitem', { name: '设置' }).click();
    await chooseOption(page, page.getByTestId('settings-district'), '武昌区');
    await page.getByRole('button', { name: '更改本区' }).click();
    await page.getByText('本区将从“汉阳区”改为“武昌区”').waitFor();
    await screenshot(page, 'settings-district-confirm');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    // The cancelled confirmation must be gone before the next one opens: during its closing
    // animation (slow under load) its own 确定 is still on the page and would take the click.
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await expect(page.getByTestId('current-district').textContent()).resolves.toContain('汉阳区');
    await page.getByRole('button', { name: '更改本区' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('current-district').getByText(/武昌区/).waitFor();

    // 汉阳区's 填报单位 is not 武昌区's: the report is headed by 武昌区 until its own is typed.
    await expect.poll(() => page.getByTestId('settings-report-unit').getAttribute('placeholder')).toBe('武昌区');
    await expect(page.getByTestId('settings-report-unit').inputValue()).resolves.toBe('');
    await page.getByTestId('settings-period-kind').getByText('按月').click();
    await page.getByText('报告周期已改为按月。').waitFor();
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await expect(page.getByTestId('report-period').textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月（本期）$/);
    await expect(page.getByTestId('settings-report-unit').inputValue()).resolves.toBe('');
    const wuchang = XLSX.read(await readFile((await (await exportReport(page)).path())!), { type: 'array' });
    expect(XLSX.utils.sheet_to_json<unknown[]>(wuchang.Sheets['重点任务推进情况表']!, { header: 1, defval: '' })[1]![0]).toBe('填报单位（盖章）：武昌区');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a broken template, keeps a good one, and exports a report the city can read back', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');

    // 设置: 填报信息 and templates.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByTestId('settings-filled-by').fill('李明');
    // Typed key by key right after leaving 填报人, whose value saves itself meanwhile: the form
    // must not be redrawn under the officer's hands (it lost the focus and the keys after it).
    await page.getByTestId('settings-phone').click();
    await page.keyboard.type('027');
    await page.waitForTimeout(800);
    await page.keyboard.type('-84845678');
    await expect(page.getByTestId('settings-phone').inputValue()).resolves.toBe('027-84845678');
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).resolves.toBe('settings-phone');
    await page.getByTestId('settings-people-save').click();
    await page.getByText('报表表头已保存。').waitFor();

    const tasksRow = page.getByTestId('template-tasks');
    await chooseFile(page, tasksRow.getByRole('button', { name: '加载新模板' }), 'unknown-placeholder.xlsx');
    const refused = page.getByTestId('template-refused');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('D4');
    await expect(refused.textContent()).resolves.toContain('{{task.titel}}');
    await expect(tasksRow.textContent()).resolves.toContain('内置模板');
    await screenshot(page, 'settings-template-refused');

    await chooseFile(page, tasksRow.getByRole('button', { name: '加载新模板' }), 'no-data-row.xlsx');
    await page.getByText('模板里没有数据行').waitFor();
    await expect(tasksRow.textContent()).resolves.toContain('内置模板');

    await chooseFile(page, tasksRow.getByRole('button', { name: '加载新模板' }), 'custom-styled.xlsx');
    await tasksRow.getByText('本单位模板：custom-styled.xlsx').waitFor();
    await tasksRow.getByRole('button', { name: '恢复内置模板' }).click();
    await tasksRow.getByText('内置模板').waitFor();
    await screenshot(page, 'settings');

    // 报表导出: the check lists what is missing; export anyway; the file reads back.
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    const check = page.getByTestId('report-check');
    await check.getByText(/本期 \d+ 项任务/).waitFor({ timeout: 30_000 });
    const summary = (await check.getByText(/本期 \d+ 项任务/).textContent()) ?? '';
    const total = Number(/本期 (\d+) 项任务/.exec(summary)![1]);
    expect(total).toBeGreaterThan(0);
    await screenshot(page, 'reports-check');

    const download = await exportReport(page);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^汉阳区_\d{4}年第[一二三四]季度_重点任务推进情况表\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    await writeFile(resolve(SCREENSHOT_DIR, name), bytes); // kept beside the screenshots for a look in LibreOffice
    // Exporting is not 报送: nothing recorded, nothing locked.
    await page.getByText(/这只是导出，不算报送/).waitFor();
    await page.getByRole('button', { name: '仍然导出' }).waitFor({ state: 'detached' });
    await page.getByTestId('report-submissions').getByText('本期还没有报送').waitFor();
    await page.getByTestId('submission-panel').getByText('未报送').waitFor();
    await screenshot(page, 'reports-after-export');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('重点任务推进情况表')!;
    expect(String(ws.getCell('A1').value)).toMatch(/^汉阳区\d{4}年第.季度科技创新重点任务推进情况表$/);
    expect(ws.getCell('B3').value).toBe('任务编号');
    // Long texts continue on rows marked 续, so the footer is found, not counted to.
    let footer = 4;
    while (footer <= ws.rowCount && ws.getCell(footer, 1).value !== '填报人：李明') footer++;
    expect(ws.getCell(footer, 1).value).toBe('填报人：李明');
    expect(ws.getCell(footer, 5).value).toBe('联系电话：027-84845678');
    expect(footer - 4).toBeGreaterThanOrEqual(total);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.getCell(footer - 1, 10).dataValidation?.type).toBe('list');
    for (let r = 4; r < footer; r++) expect(ws.getRow(r).height ?? 0).toBeLessThanOrEqual(409);

    const x = XLSX.read(bytes, { type: 'array' });
    const grid = XLSX.utils.sheet_to_json<unknown[]>(x.Sheets['重点任务推进情况表']!, { header: 1, defval: '' });
    const keys = grid.slice(3, footer - 1).map((r) => String(r[1])).filter((k) => !k.endsWith('（续）'));
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    expect(keys.every((k) => k.length > 0)).toBe(true);

    // The combined workbook: three reports and the 汇总 by status.
    await page.getByText('科技创新工作报表（汇总）').click();
    await expect(page.getByRole('checkbox', { name: /附上工作台图表/ }).isChecked()).resolves.toBe(true);
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByTestId('report-export').click();
        await page.getByRole('button', { name: '仍然导出' }).click();
      })(),
    ]);
    const allBytes = await readFile((await all.path())!);
    await writeFile(resolve(SCREENSHOT_DIR, all.suggestedFilename()), allBytes);
    const xa = XLSX.read(allBytes, { type: 'array' });
    // The 工作台 charts ride along, each on a sheet of its own after 汇总 (the option is on by default).
    expect(xa.SheetNames.slice(0, 4)).toEqual(['重点任务推进情况表', '指标完成情况表', '产业集群推进情况表', '汇总']);
    const chartSheets = xa.SheetNames.slice(4);
    expect(chartSheets.length).toBeGreaterThanOrEqual(2);
    expect(chartSheets[0]).toMatch(/^图表1 任务状态分布/);
    const sum = XLSX.utils.sheet_to_json<unknown[]>(xa.Sheets['汇总']!, { header: 1, defval: '' });
    expect(sum.find((r) => r[0] === '合计')?.[1]).toBe(total);
    const byStatus = sum.slice(3).filter((r) => r[0] !== '合计' && typeof r[1] === 'number');
    expect(byStatus.map((r) => r[0])).toEqual(['未启动', '序时推进', '超序时推进', '滞后', '已完成', '长期坚持', '未选状态', '未填报']);
    expect(byStatus.reduce((n, r) => n + (r[1] as number), 0)).toBe(total);
    const wa = new ExcelJS.Workbook();
    await wa.xlsx.load(allBytes.buffer.slice(allBytes.byteOffset, allBytes.byteOffset + allBytes.byteLength) as ArrayBuffer);
    expect(wa.getWorksheet('汇总')!.getImages()).toHaveLength(0);
    for (const name of chartSheets) {
      const cs = wa.getWorksheet(name)!;
      expect(cs.getImages()).toHaveLength(1);
      expect(cs.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 });
    }
    expect(await page.getByTestId('report-submissions').getByText('本期还没有报送').count()).toBe(1);

    // 报送: its own button; it shows what will be sent, asks, then records one submission for the set.
    await page.getByTestId('report-submit').click();
    const dialog = page.getByTestId('submit-dialog');
    await dialog.waitFor();
    const counts = (await page.getByTestId('submit-counts').textContent()) ?? '';
    expect(counts).toMatch(new RegExp(`本期 ${total} 项任务`));
    await expect(page.getByTestId('submit-files').locator('li').allTextContents()).resolves.toEqual([
      expect.stringMatching(/_重点任务推进情况表\.xlsx$/),
      expect.stringMatching(/_指标完成情况表\.xlsx$/),
      expect.stringMatching(/_产业集群推进情况表\.xlsx$/),
    ]);
    await screenshot(page, 'reports-submit-dialog');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('submit-confirm').click();
    await page.getByText('已报送：3 个文件记为一次报送，本期进展已锁定。').waitFor({ timeout: 60_000 });
    expect(downloads).toHaveLength(3);
    const record = page.getByTestId('report-submissions');
    await expect.poll(() => record.locator('.ant-table-row').count()).toBe(1);
    await expect(record.locator('.ant-table-row').first().textContent()).resolves.toMatch(/重点任务推进情况表.*指标完成情况表.*产业集群推进情况表/);
    await expect(page.getByTestId('report-submit').isDisabled()).resolves.toBe(true);
    await record.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-submitted');

    // 报送 locked the period (issue 7's lock): the panel says so and 解锁 asks first and frees it.
    const panel = page.getByTestId('submission-panel');
    await panel.getByText('已报送').first().waitFor();
    await panel.getByText('本期与上期对比').waitFor();
    await panel.getByRole('button', { name: /解锁/ }).click();
    await page.getByRole('dialog').filter({ hasText: '确定解锁本期进展？' }).waitFor();
    await page.getByRole('button', { name: /^解\s*锁$/ }).click();
    await page.getByText('已解锁，本期进展可以修改了。').waitFor();
    await expect.poll(() => panel.getByRole('button', { name: /解锁/ }).count()).toBe(0);
    await screenshot(page, 'reports-unlocked');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    [1366, 650],
    [1920, 1080],
  ])('the reports page and its 报送 dialog fit %i×%i', async (width, height) => {
    const context = await app.browser.newContext({ viewport: { width, height }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('report-check').getByText(/本期 \d+ 项任务/).waitFor({ timeout: 30_000 });
    // Both acts are in view without scrolling: 预览/导出 and 报送.
    for (const id of ['report-export', 'report-submit']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await page.getByTestId('report-header-section').waitFor();
    await screenshot(page, `reports-${width}x${height}`);
    await page.getByTestId('report-submit').click();
    await page.getByTestId('submit-dialog').waitFor();
    const ok = (await page.getByTestId('submit-confirm').boundingBox())!;
    expect(ok.y + ok.height).toBeLessThanOrEqual(height);
    await screenshot(page, `reports-submit-dialog-${width}x${height}`);
    await page.getByRole('button', { name: '再看看' }).click();
    expect(await page.getByTestId('report-submissions').getByText('本期还没有报送').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a district with no 产业集群 (硚口区) is told so before 报送, and the empty cluster table is not ticked for it', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 650 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '硚口区');
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('report-no-clusters').getByText(/本区还没有产业集群/u).waitFor({ timeout: 30_000 });
    await screenshot(page, 'reports-no-clusters-1366x650');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('submit-dialog').waitFor();
    const files = await page.getByTestId('submit-files').textContent();
    expect(files).toContain('重点任务推进情况表');
    expect(files).not.toContain('产业集群推进情况表');
    await page.getByRole('button', { name: '再看看' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a district whose cluster rows would print empty columns (东西湖区: 网络安全, no 重点方向 or indicators yet) is told which, before export (walk9 Z10)', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 650 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '东西湖区');
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    const said = page.getByTestId('report-blank-clusters');
    await said.waitFor({ timeout: 30_000 });
    await expect(said.textContent()).resolves.toContain('网络安全（重点方向、集群指标及数值）');
    await screenshot(page, 'reports-blank-clusters-1366x650');
    // Filled on the 产业集群 page, the sentence no longer names 重点方向.
    await said.getByRole('button', { name: '去产业集群' }).click();
    await page.getByPlaceholder(/例如/u).fill('国家网络安全人才与创新基地');
    await page.getByPlaceholder(/例如/u).press('Tab');
    await page.waitForTimeout(500);
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await expect.poll(() => page.getByTestId('report-blank-clusters').textContent(), { timeout: 30_000 }).toContain('网络安全（集群指标及数值）');
    expect(errors).toEqual([]);
    await context.close();
  });
});
