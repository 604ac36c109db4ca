/**
 * 回收 of a unit that filled the form's sheet and a sheet of its own (walk6's 硚口区 round,
 * test/fixtures/rounds/walk6, written by openpyxl): the preview reads the form's sheet and names
 * the other one, in Chinese, with what to do. Screenshots at 1366×650 and 1920×1080.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BINDING_SHEET, ROUND_SHEET, readBinding, type Round } from '@core/rounds';
import { readWorkbook } from '../../src/renderer/spreadsheet/read-sheet';
import { SIZES, openAppAs, pageAt, putStoreRows, screenshot, useServedApp } from './harness';

const FILE = resolve(__dirname, '../fixtures/rounds/walk6/区经信局报回（两张表都填了）.xlsx');

/** The round the file was sent in, as the sending office stored it (from the file's binding and form). */
async function roundOf(path: string): Promise<Round> {
  const r = await readWorkbook(new Uint8Array(readFileSync(path)), path);
  if (!r.ok) throw new Error(r.message);
  const read = readBinding(r.sheets.find((s) => s.name === BINDING_SHEET)?.rows);
  if (!read.ok) throw new Error('no binding');
  const b = read.binding;
  const form = r.sheets.find((s) => s.name === ROUND_SHEET.name)!;
  return {
    id: b.roundId,
    district: b.district,
    periodId: b.periodId,
    dueDate: '2027-01-08',
    createdAt: '2026-11-27T00:00:00.000Z',
    prefilled: false,
    units: [{ unit: b.unit, taskKeys: b.taskKeys, leadKeys: form.rows.filter((row) => row[4] === '牵头').map((row) => row[1]!), fileName: '', checksum: b.checksum }],
  };
}

describe('回收: a unit that filled two sheets', () => {
  const app = useServedApp();

  it('reads the form’s sheet and names the unit’s own sheet with its rows and what to do', async () => {
    const round = await roundOf(FILE);
    for (const [width, height] of SIZES) {
      const { context, page, errors } = await pageAt(app.browser, width, height);
      await openAppAs(page, app.url, round.district);
      await putStoreRows(page, { rounds: [round] });
      await page.reload();
      await page.getByRole('menuitem', { name: '下发与回收' }).click();
      await page.getByRole('tab', { name: '回收', exact: true }).click();
      await page.getByTestId('collect-input').setInputFiles([FILE]);
      await page.getByTestId('collect-preview').waitFor({ timeout: 60_000 });
      await page.getByTestId('collect-file').getByText('区经信局 · 按下发标识识别').waitFor();
      const said = page.getByTestId('collect-issues').getByText(/工作表“经信局填报”也填写了 6 项.*已按下发的“任务填报”读取.*请让该单位把它们填到“任务填报”中后重新报回/);
      await said.waitFor();
      await said.scrollIntoViewIfNeeded();
      await screenshot(page, `rounds-own-sheet-${width}`);
      // The form's two rows are what is merged.
      await page.getByTestId('merge-2023GZYD-05').getByText('区经信局（表内）：平台集群第一批认定。').first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
