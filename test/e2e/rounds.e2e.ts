/**
 * A whole collection round in Chromium: assign units → 下发 to 3 units → two files come back
 * filled outside the app (openpyxl, re-saved by LibreOffice) plus a stray one (last
 * quarter's file of another round) → preview → apply → board → the district's
 * 重点任务推进情况表 export holds the merged texts. Screenshots at 1366×650 and 1920×1080.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import type { Page } from 'playwright-core';
import { chooseOption, exportReport, openRoundsAs, readStore, screenshot, useServedApp } from './harness';

const STRAY = resolve(__dirname, '../fixtures/rounds/returned/人社局报回.xlsx');

async function pickUnit(page: Page, unit: string) {
  await chooseOption(page, page.getByTestId('assign-unit'), unit);
}

async function selectRows(page: Page, indexes: number[]) {
  await page.getByRole('button', { name: '取消选择' }).click();
  const rows = page.getByTestId('assign-table').locator('tbody tr.ant-table-row');
  for (const i of indexes) await rows.nth(i).locator('input[type=checkbox]').check();
}

describe('collection round', () => {
  const app = useServedApp();

  it('assign → 下发 → two returns and a stray file → preview → apply → board → export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'round-e2e-'));
    const { context, page, errors } = await openRoundsAs(app, '汉阳区');

    // 承办分工: by selection (rows 0–2 → 区科技局 lead, row 1 also 区经信局 协办; rows 3–4 → 区经信局; row 5 → 区人社局).
    await selectRows(page, [0, 1, 2]);
    await pickUnit(page, '区科技局');
    await page.getByTestId('assign-set-lead').click();
    await page.getByText('已更新 3 项任务的分工。').waitFor();
    await selectRows(page, [1]);
    await pickUnit(page, '区经信局');
    await page.getByTestId('assign-add-assist').click();
    await selectRows(page, [3, 4]);
    await page.getByTestId('assign-set-lead').click();
    await selectRows(page, [5]);
    await pickUnit(page, '区人社局');
    await page.getByTestId('assign-set-lead').click();
    await page.getByTestId('assign-counts').getByText(/已分配 6 项/).waitFor();
    await screenshot(page, 'rounds-assign-1366x650');
    const assignments = await readStore<{ taskKey: string; lead?: string; assist: string[] }>(page, 'assignments');
    const leadOf = (u: string) => assignments.filter((a) => a.lead === u).map((a) => a.taskKey);
    expect(leadOf('区科技局')).toHaveLength(3);
    expect(leadOf('区经信局')).toHaveLength(2);
    const shared = assignments.find((a) => a.assist.includes('区经信局'))!.taskKey;

    // 下发 to the three units.
    await page.getByRole('tab', { name: '下发', exact: true }).click();
    await page.getByTestId('send-units').getByText('区科技局（牵头 3 项）').waitFor();
    await page.getByTestId('send-units').getByText('区经信局（牵头 2 项、协办 1 项）').waitFor();
    await page.getByTestId('send-make').click();
    await page.getByTestId('send-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('send-notice').inputValue()).toMatch(/下发给区科技局、区经信局、区人社局/);
    await screenshot(page, 'rounds-send-1366x650');
    const files: Record<string, string> = {};
    const items = page.getByTestId('send-result').locator('.ant-list-item');
    for (let i = 0; i < 3; i++) {
      const [d] = await Promise.all([page.waitForEvent('download'), items.nth(i).getByRole('button', { name: /^保\s*存$/ }).click()]);
      const unit = /_(区.+)\.xlsx$/.exec(d.suggestedFilename())![1]!;
      files[unit] = join(dir, d.suggestedFilename());
      await d.saveAs(files[unit]);
    }
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('send-zip').click()]);
    expect(zip.suggestedFilename()).toMatch(/^汉阳区\d{4}年第.季度任务填报表（全部单位）\.zip$/);

    // Two units fill their files outside the app; LibreOffice re-saves them.
    const fill = (unit: string, out: string, spec: Record<string, unknown[]>) => {
      const filled = join(dir, `filled-${out}`);
      execFileSync('/usr/bin/python3', [resolve(__dirname, 'fill-round-file.py'), files[unit]!, filled, JSON.stringify(spec)]);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'saved'), filled], { stdio: 'ignore' });
      return join(dir, 'saved', `filled-${out}`);
    };
    const [k1, k2, k3] = leadOf('区科技局').sort();
    const [j1] = leadOf('区经信局').sort();
    const keji = fill('区科技局', '科技局报回.xlsx', {
      [k1!]: ['序时推进', 70, '科技局：平台建成2家。', '经费紧张。', '四季度验收。'],
      // 已完成 with 完成进度 left blank: the percent follows the status (100), said in the preview.
      [k2!]: ['已完成', null, '科技局：认定高企38家。'],
      [k3!]: ['基本完成', 80, '这一行状态不对。'],
    });
    const jingxin = fill('区经信局', '经信局报回.xlsx', {
      [j1!]: ['已完成', 100, '经信局：项目全部验收。'],
      [shared]: [null, null, '经信局：推荐入库企业12家。', null, null, '经信局：另走访企业20家。'],
    });

    // 回收: drop all three.
    await page.getByRole('tab', { name: '回收', exact: true }).click();
    await page.getByTestId('collect-input').setInputFiles([keji, jingxin, STRAY]);
    await page.getByTestId('collect-preview').waitFor({ timeout: 60_000 });
    const cards = page.getByTestId('collect-file');
    await expect(cards.count()).resolves.toBe(3);
    await cards.filter({ hasText: '科技局报回' }).getByText('区科技局 · 按下发标识识别').waitFor();
    await cards.filter({ hasText: '经信局报回' }).getByText('区经信局 · 按下发标识识别').waitFor();
    await cards.filter({ hasText: '人社局报回' }).getByText('未导入').waitFor();
    const issues = page.getByTestId('collect-issues');
    await issues.getByText(/这是2025年第二季度下发的文件，本次回收的是\d{4}年第.季度/).waitFor();
    await issues.getByText(/本期状态“基本完成”不在可选范围内/).waitFor();
    await issues.getByText(/工作表“任务填报” 第 \d+ 行 F列（本期状态）/).waitFor();
    // Only the bad cell is left out: the row's text is merged under its task.
    await issues.getByText(/这一格没有导入；这一行的其他内容已导入/).first().waitFor();
    await page.getByTestId(`merge-${k3}`).getByText('这一行状态不对。').first().waitFor();
    await page.getByTestId(`merge-${shared}`).getByText('经信局：推荐入库企业12家。').first().waitFor();
    // Words written beside the form (K, no header) are named with their cell, not merged and not lost unseen.
    const beside = issues.getByText(/K\d+ 单元格写有“经信局：另走访企业20家。”，这一列没有表头/);
    await beside.waitFor();
    await beside.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-preview-beside-form-1366x650');
    await expect(page.getByTestId(`merge-${shared}`).getByText('另走访企业20家').count()).resolves.toBe(0);
    const implied = page.getByTestId(`implied-${k2}`);
    await expect(implied.textContent()).resolves.toMatch(/本期状态为“已完成”，按 100% 写入/);
    await implied.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-preview-implied-1366x650');
    await page.getByTestId('collect-preview').evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'rounds-preview-1366x650');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'rounds-preview-1920x1080');
    await page.setViewportSize({ width: 1366, height: 650 });
    await page.getByTestId('collect-apply').click();
    await page.getByText(/已写入 \d+ 项任务的进展/).waitFor({ timeout: 30_000 });

    // Undo the whole drop from the board: the ledger is as before; then drop the files again.
    const before = (await readStore<{ taskKey: string }>(page, 'progress')).length;
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('board-applies').getByRole('button', { name: '撤销这次回收' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText(/已撤销，\d+ 项任务恢复原样/).waitFor();
    expect((await readStore<{ taskKey: string }>(page, 'progress')).length).toBe(0);
    await page.getByTestId('board-applies').getByText('已撤销').waitFor();
    await page.getByRole('tab', { name: '回收', exact: true }).click();
    await page.getByTestId('collect-input').setInputFiles([keji, jingxin, STRAY]);
    await page.getByTestId('collect-preview').waitFor({ timeout: 60_000 });
    await page.getByTestId('collect-apply').click();
    // Back on the board: the undone drop and the new one, which can be undone.
    await page.getByTestId('board-applies').getByRole('button', { name: '撤销这次回收' }).waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('board-applies').locator('.ant-list-item').count()).resolves.toBe(2);

    // Board: returns counted, 区人社局 to chase, sources of paragraphs.
    const board = page.getByTestId('board-units');
    // 区科技局: 3 sent, 3 returned (the row with a bad status lost only that cell), none still to come.
    await board.locator('tr', { hasText: '区科技局' }).first().waitFor();
    expect(await board.locator('tr', { hasText: '区科技局' }).locator('td').allTextContents()).toEqual(expect.arrayContaining(['区科技局', '3', '3', '0']));
    expect(await board.locator('tr', { hasText: '区人社局' }).locator('td').allTextContents()).toEqual(['区人社局', '1', '0', '1', '—', '—']);
    await page.getByTestId('board-chase-notice').waitFor();
    expect(await page.getByTestId('board-chase-notice').inputValue()).toMatch(/区人社局（1 项任务均未报送）/);
    const src = page.getByTestId(`sources-${shared}`);
    await src.getByText('区经信局', { exact: true }).waitFor();
    await screenshot(page, 'rounds-board-1366x650');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'rounds-board-1920x1080');

    // Edit one paragraph where it came from; the ledger takes it.
    const para = src.locator('textarea').filter({ hasText: '经信局：推荐入库企业12家。' });
    await para.fill('经信局：推荐入库企业12家，其中3家已认定。');
    await src.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存。').waitFor();
    await src.getByText('区经信局', { exact: true }).waitFor();

    const progress = await readStore<{ taskKey: string; progress: string; status?: string; percent?: number }>(page, 'progress');
    const p = (k: string) => progress.find((x) => x.taskKey === k);
    expect(p(k1!)).toMatchObject({ status: 'on_track', percent: 70, progress: '科技局：平台建成2家。' });
    expect(p(shared)?.progress).toContain('经信局：推荐入库企业12家，其中3家已认定。');
    expect(p(k2!)).toMatchObject({ status: 'done', percent: 100 });
    expect(p(k3!)).toMatchObject({ percent: 80, progress: '这一行状态不对。' });
    expect(p(k3!)?.status).toBeUndefined();

    // The district's export holds the merged texts.
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('report-check').getByText(/本期 \d+ 项任务/).waitFor({ timeout: 30_000 });
    const exp = await exportReport(page);
    const wb = XLSX.read(readFileSync((await exp.path())!), { type: 'array' });
    const grid = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['重点任务推进情况表']!, { header: 1, defval: '' });
    const rowOf = (k: string) => grid.find((r) => r[1] === k)!;
    expect(rowOf(k1!).join('|')).toContain('科技局：平台建成2家。');
    expect(rowOf(shared).join('|')).toContain('经信局：推荐入库企业12家，其中3家已认定。');
    expect(rowOf(j1!).join('|')).toContain('经信局：项目全部验收。');
    writeFileSync(join(dir, 'export.xlsx'), readFileSync((await exp.path())!));

    // The office judges k1 behind itself; then 区科技局 sends a revised file. The office's own
    // status stays by default, marked 本办改过; the unit's new text replaces its earlier one.
    await page.setViewportSize({ width: 1366, height: 650 });
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger-search').fill(k1!);
    await page.locator(`[data-testid="task-grid"] [role="row"][data-task-key="${k1}"]`).click();
    await page.getByTestId('progress-form').waitFor();
    await page.getByTestId('field-status').click();
    await page.locator('.ant-select-item-option', { hasText: /^滞后$/ }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toContain('已保存');
    const keji2 = fill('区科技局', '科技局再次报回.xlsx', { [k1!]: ['超序时推进', 95, '科技局：平台建成3家。'] });
    await page.getByRole('menuitem', { name: '下发与回收' }).click();
    await page.getByRole('tab', { name: '回收', exact: true }).click();
    await page.getByTestId('collect-input').setInputFiles([keji2]);
    await page.getByTestId('collect-preview').waitFor({ timeout: 60_000 });
    const m1 = page.getByTestId(`merge-${k1}`);
    await m1.getByText('本办改过').first().waitFor();
    await m1.getByText('更新上次报回').first().waitFor();
    await expect(m1.getByTestId(`action-${k1}-status`).locator('.ant-radio-button-wrapper-checked').textContent()).resolves.toBe('保留现有');
    await m1.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-resend-office-edited-1366x650');
    await page.getByTestId('collect-apply').click();
    await page.getByText(/已写入 \d+ 项任务的进展/).waitFor({ timeout: 30_000 });
    const resent = (await readStore<{ taskKey: string; progress: string; status?: string; percent?: number }>(page, 'progress')).find((x) => x.taskKey === k1);
    // Only the status was the office's own: the percent is the unit's new one.
    expect(resent).toMatchObject({ status: 'behind', percent: 95 });
    expect(resent!.progress).toContain('科技局：平台建成3家。');
    expect(resent!.progress).not.toContain('科技局：平台建成2家。');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  /** One task led by 区科技局 with 区经信局 assisting, 下发; each unit's form filled outside the app (openpyxl). */
  async function sendShared(page: Page, dir: string, answers: Record<'区科技局' | '区经信局', unknown[]>): Promise<{ key: string; keji: string; jingxin: string }> {
    await selectRows(page, [0]);
    await pickUnit(page, '区科技局');
    await page.getByTestId('assign-set-lead').click();
    await page.getByText('已更新 1 项任务的分工。').waitFor();
    await selectRows(page, [0]);
    await pickUnit(page, '区经信局');
    await page.getByTestId('assign-add-assist').click();
    await expect.poll(async () => (await readStore<{ assist: string[] }>(page, 'assignments'))[0]?.assist).toEqual(['区经信局']);
    const [task] = await readStore<{ taskKey: string; lead?: string; assist: string[] }>(page, 'assignments');
    expect(task).toMatchObject({ lead: '区科技局', assist: ['区经信局'] });
    const key = task!.taskKey;
    await page.getByRole('tab', { name: '下发', exact: true }).click();
    await page.getByTestId('send-make').click();
    await page.getByTestId('send-result').waitFor({ timeout: 60_000 });
    const files: Record<string, string> = {};
    const items = page.getByTestId('send-result').locator('.ant-list-item');
    for (let i = 0; i < 2; i++) {
      const [d] = await Promise.all([page.waitForEvent('download'), items.nth(i).getByRole('button', { name: /^保\s*存$/ }).click()]);
      const unit = /_(区.+)\.xlsx$/.exec(d.suggestedFilename())![1]!;
      files[unit] = join(dir, d.suggestedFilename());
      await d.saveAs(files[unit]);
    }
    const fill = (unit: '区科技局' | '区经信局', out: string) => {
      const filled = join(dir, out);
      execFileSync('/usr/bin/python3', [resolve(__dirname, 'fill-round-file.py'), files[unit]!, filled, JSON.stringify({ [key]: answers[unit] })]);
      return filled;
    };
    return { key, keji: fill('区科技局', '科技局报回.xlsx'), jingxin: fill('区经信局', '经信局报回.xlsx') };
  }

  /** Drop files on 回收 and wait for the preview. */
  async function drop(page: Page, files: string[]): Promise<void> {
    await page.getByRole('tab', { name: '回收', exact: true }).click();
    await page.getByTestId('collect-input').setInputFiles(files);
    await page.getByTestId('collect-preview').waitFor({ timeout: 60_000 });
  }

  const ANSWERS = { 区科技局: ['序时推进', 60, '科技局：平台主体建成。'], 区经信局: ['滞后', 40, '经信局：设备采购延后。'] };

  it('two units answer 状态 differently for one task: marked 单位间不一致, the officer chooses, the chosen answer is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'round-disagree-'));
    const { context, page, errors } = await openRoundsAs(app, '汉阳区');
    const { key, keji, jingxin } = await sendShared(page, dir, ANSWERS);

    await drop(page, [keji, jingxin]);
    const card = page.getByTestId(`merge-${key}`);
    await card.getByTestId(`disagree-${key}-status`).waitFor();
    await card.getByTestId(`disagree-${key}-percent`).waitFor();
    // The lead's answer is the default; the officer takes 区经信局's (its percent comes along).
    const status = card.getByTestId(`action-${key}-status`);
    await expect(status.locator('.ant-radio-button-wrapper-checked').textContent()).resolves.toBe('区科技局：序时推进');
    await status.getByText('区经信局：滞后').click();
    await expect.poll(() => status.locator('.ant-radio-button-wrapper-checked').textContent()).toBe('区经信局：滞后');
    await expect(card.getByTestId(`action-${key}-percent`).locator('.ant-radio-button-wrapper-checked').textContent()).resolves.toBe('区经信局：40%');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-disagree-1366x650');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-disagree-1920x1080');
    await page.getByTestId('collect-apply').click();
    await page.getByText(/已写入 1 项任务的进展/).waitFor({ timeout: 30_000 });
    const written = (await readStore<{ taskKey: string; progress: string; status?: string; percent?: number }>(page, 'progress')).find((x) => x.taskKey === key);
    expect(written).toMatchObject({ status: 'behind', percent: 40 });
    // Both units' texts, lead first.
    expect(written!.progress).toBe('科技局：平台主体建成。\n经信局：设备采购延后。');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('a unit of a later drop that disagrees with the answer already merged is marked too; the officer chooses, the choice is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'round-disagree-later-'));
    const { context, page, errors } = await openRoundsAs(app, '汉阳区');
    const { key, keji, jingxin } = await sendShared(page, dir, ANSWERS);

    // The lead's file first, alone: nothing to disagree with; written.
    await drop(page, [keji]);
    await expect(page.getByTestId(`disagree-${key}-status`).count()).resolves.toBe(0);
    await page.getByTestId('collect-apply').click();
    await page.getByText(/已写入 1 项任务的进展/).waitFor({ timeout: 30_000 });
    // Then the 协办 unit's, days later: it disagrees with the answer the ledger holds from 区科技局.
    await drop(page, [jingxin]);
    const card = page.getByTestId(`merge-${key}`);
    await card.getByTestId(`disagree-${key}-status`).waitFor();
    await card.getByText('（上次报回）').first().waitFor();
    const status = card.getByTestId(`action-${key}-status`);
    await expect(status.locator('.ant-radio-button-wrapper-checked').textContent()).resolves.toBe('区科技局：序时推进');
    await status.getByText('区经信局：滞后').click();
    await expect.poll(() => status.locator('.ant-radio-button-wrapper-checked').textContent()).toBe('区经信局：滞后');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-disagree-later-1366x650');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'rounds-disagree-later-1920x1080');
    await page.getByTestId('collect-apply').click();
    // The first drop's notice may still be showing: wait for the store, not for the words.
    const writtenNow = async () => (await readStore<{ taskKey: string; progress: string; status?: string; percent?: number }>(page, 'progress')).find((x) => x.taskKey === key);
    await expect.poll(async () => (await writtenNow())?.status, { timeout: 30_000 }).toBe('behind');
    expect(await writtenNow()).toMatchObject({ status: 'behind', percent: 40, progress: '科技局：平台主体建成。\n经信局：设备采购延后。' });
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
