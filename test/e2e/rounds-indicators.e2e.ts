/**
 * A round's indicator sheet // 指标填报 in Chromium (Z6): 汉阳区 sends every relevant task to
 * 区科技局; its workbook carries the targets of those tasks; the unit fills two values outside the
 * app (openpyxl; one is words, not a figure) and LibreOffice re-saves the file; 回收 shows the values
 * beside the ledger's, names the bad cell, and writes the good value into the period's entry.
 * Screenshots at 1366×650 and 1920×1080.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chooseOption, exportReport, openRoundsAs, readStore, screenshot, useServedApp } from './harness';
import { renderPdf } from '../builders/print-check';

describe('collection round: indicator values', () => {
  const app = useServedApp();

  it('下发 with a 指标填报 sheet → a unit fills values outside the app → 回收 shows and writes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'round-values-e2e-'));
    const { context, page, errors } = await openRoundsAs(app, '汉阳区');
    const table = page.getByTestId('assign-table');
    await page.getByRole('button', { name: '取消选择' }).click();
    await table.locator('thead input[type=checkbox]').check();
    await chooseOption(page, page.getByTestId('assign-unit'), '区科技局');
    await page.getByTestId('assign-set-lead').click();
    await page.getByText(/已更新 \d+ 项任务的分工。/).waitFor();
    const assigned = (await readStore<{ taskKey: string; lead?: string }>(page, 'assignments')).filter((a) => a.lead === '区科技局').map((a) => a.taskKey);
    const targets = (await readStore<{ id: string; taskKey?: string; name: string; unit: string }>(page, 'targets')).filter((t) => t.taskKey && assigned.includes(t.taskKey));
    expect(targets.length).toBeGreaterThanOrEqual(2);

    await page.getByRole('tab', { name: '下发', exact: true }).click();
    await page.getByTestId('send-make').click();
    await page.getByTestId('send-result').waitFor({ timeout: 60_000 });
    await page.getByTestId('send-result').getByText(`含“指标填报”表，${targets.length} 个指标`).waitFor();
    expect(await page.getByTestId('send-notice').inputValue()).toContain('有量化目标的任务另请在“指标填报”工作表填写本期实际值');
    await screenshot(page, 'rounds-values-send-1366x650');
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('send-result').locator('.ant-list-item').first().getByRole('button', { name: /^保\s*存$/ }).click()]);
    const sent = join(dir, d.suggestedFilename());
    await d.saveAs(sent);

    // 区科技局 types a figure with a thousands separator for one target and words for another.
    const [good, bad] = targets;
    const filled = join(dir, '区科技局报回.xlsx');
    execFileSync('/usr/bin/python3', [resolve(__dirname, 'fill-round-file.py'), sent, filled, '{}', JSON.stringify({ [good!.id]: '1,520', [bad!.id]: '约三十' })]);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'saved'), filled], { stdio: 'ignore' });

    await page.getByRole('tab', { name: '回收', exact: true }).click();
    // With it, a broken file and a workbook with an empty sheet: each refused in Chinese, the good one read.
    const fixture = (n: string) => resolve(__dirname, '../fixtures/import', n);
    await page.getByTestId('collect-input').setInputFiles([join(dir, 'saved', '区科技局报回.xlsx'), fixture('corrupted.xlsx'), fixture('empty-sheet.xlsx')]);
    await page.getByTestId('collect-preview').waitFor({ timeout: 60_000 });
    for (const n of ['corrupted.xlsx', 'empty-sheet.xlsx']) await page.getByTestId('collect-file').filter({ hasText: n }).getByText('未导入').waitFor();
    await page.getByTestId('collect-issues').getByText(/文件“corrupted.xlsx”已损坏或不完整，无法读取。请向发来这个文件的单位重新索取/).waitFor();
    await page.getByTestId('collect-issues').getByText(/认不出这是哪个承办单位的文件/).waitFor();
    await screenshot(page, 'rounds-values-bad-files-1366x650');
    await page.getByTestId('collect-file').getByText(/指标实际值 1 个/).waitFor();
    const issues = page.getByTestId('collect-issues');
    await issues.getByText(/工作表“指标填报” 第 \d+ 行 F列（本期实际值）/).waitFor();
    await issues.getByText(new RegExp(`指标“${bad!.name}”的本期实际值“约三十”不是一个数字，这一格没有导入`)).waitFor();
    const values = page.getByTestId(`merge-values-${good!.taskKey}`);
    await values.getByText(good!.name, { exact: true }).waitFor();
    await values.getByText(`1520${good!.unit}`).first().waitFor();
    // 1520 is above the city's whole target for it: written, but asked about, in the words the task's form uses.
    const doubt = (await page.getByTestId(`value-doubt-${good!.taskKey!}-${good!.id}`).textContent()) ?? '';
    expect(doubt).toMatch(new RegExp(`${good!.name}填了1520${good!.unit}，而全市的目标是`));
    await values.locator('tbody tr').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'rounds-values-preview-1366x650');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await values.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-values-preview-1920x1080');
    // 保留现有 withdraws the value (nothing to write for it), and the unit's value can be taken again.
    const pick = page.getByTestId(`value-action-${good!.taskKey!}-${good!.id}`);
    await pick.getByText('保留现有').click();
    await expect(page.getByTestId(`value-doubt-${good!.taskKey!}-${good!.id}`).count()).resolves.toBe(0);
    await pick.getByText(`区科技局：1520${good!.unit}`).click();
    await page.getByTestId(`value-doubt-${good!.taskKey!}-${good!.id}`).waitFor();
    await page.getByTestId('collect-apply').click();
    await page.getByText(/已写入 \d+ 项任务的进展/).waitFor({ timeout: 30_000 });
    const progress = await readStore<{ taskKey: string; indicatorValues: Record<string, number> }>(page, 'progress');
    expect(progress.find((p) => p.taskKey === good!.taskKey)!.indicatorValues[good!.id]).toBe(1520);
    expect(progress.flatMap((p) => Object.keys(p.indicatorValues))).not.toContain(bad!.id);

    // The task's form shows the value the department sent.
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger-search').fill(good!.taskKey!);
    await page.locator(`[data-task-key="${good!.taskKey!}"]`).click();
    const field = page.locator(`input[data-testid="field-target-${good!.id}"], [data-testid="field-target-${good!.id}"] input`).first();
    await field.waitFor({ timeout: 30_000 });
    await expect(field.inputValue()).resolves.toBe('1520');
    await field.scrollIntoViewIfNeeded();
    // The same question (one rule), now said of a saved value.
    const asked = (await page.getByTestId(`target-doubt-${good!.id}`).textContent()) ?? '';
    expect(asked.split('；')[0]).toBe(doubt.split('；')[0]);
    expect(asked).toMatch(/数值已保存/);
    expect(doubt).toMatch(/如有误，可选“保留现有”，或写入后在任务的“本期实际值”中改正/);
    await screenshot(page, 'rounds-values-form-1920x1080');

    // What the department sent is what the office prints: the 指标完成情况表 names the value before export and holds it.
    await page.setViewportSize({ width: 1366, height: 650 });
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    const check = page.getByTestId('report-above-whole');
    await check.waitFor({ timeout: 30_000 });
    await expect(check.textContent()).resolves.toMatch(new RegExp(`${good!.name}[^：]*填了1520${good!.unit}`, 'u'));
    await check.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-values-report-check-1366x650');
    await page.getByText('指标完成情况表', { exact: true }).click();
    const file = await (await exportReport(page)).path();
    const printed = renderPdf(new Uint8Array(readFileSync(file!)), 'values-report');
    const line = printed.text.split('\n').find((l) => l.includes(good!.name) && l.includes('1520'));
    expect(line, printed.text.slice(0, 2000)).toBeDefined();
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
