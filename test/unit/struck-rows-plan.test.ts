/**
 * A city list that deletes rows by striking them through (删除线), with no word in 备注: written by
 * openpyxl and re-saved by LibreOffice (test/fixtures/import/make-struck-rows.py), planned against the
 * built-in data as 汉阳区. The struck tasks are archived and the 删除 tab says why; a struck unit
 * cell alone deletes nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/core/import';
import { builtInData, planFile } from '../../scripts/plan-file';
import { readWorkbook } from '../../src/renderer/spreadsheet/read-sheet';

async function gridOf(file: string) {
  const read = await readWorkbook(new Uint8Array(readFileSync(resolve(DIR, file))), file);
  if (!read.ok) throw new Error(read.message);
  return read.sheets[0]!;
}

const DIR = resolve(__dirname, '../fixtures/import');
const NOW = '2026-11-27T09:00:00.000Z';
const data = builtInData();
const doc004 = data.tasks.filter((t) => t.documentId === 'doc-004' && !t.archived);
const keyOf = (n: string) => doc004.find((t) => t.number === n)!.key;

describe('rows struck through (删除线)', () => {
  it.each(['struck-rows.xlsx', 'struck-rows-libreoffice.xlsx'])('%s: the struck tasks 5 and 9 are archived as the city marked them; a struck unit cell changes nothing', async (file) => {
    const r = await planFile(resolve(DIR, file), { district: '汉阳区', now: NOW });
    if (!r.ok) throw new Error(r.message);
    const grid = await gridOf(file);
    // Rows 4… hold the tasks (title, note, header above): 5 → row 8, 9 → row 12, task 11's 责任单位 → E14.
    // Every cell with text in the two struck rows (the empty 备注 and 完成时限 hold none to strike).
    const filled = (row: number) => grid.rows[row]!.filter((v) => v !== '').length;
    expect(grid.struck?.filter(([row]) => row === 7 || row === 11).length).toBe(filled(7) + filled(11));
    expect(filled(7)).toBeGreaterThanOrEqual(5);
    expect(grid.struck).toContainEqual([13, 4]);
    const s = summarisePlan(r.plan);
    expect(s.removed.map((x) => x.key)).toEqual([keyOf('5'), keyOf('9')]);
    expect(r.plan.removed.map((x) => [x.row, x.mark])).toEqual([
      [8, '删除线'],
      [12, '删除线'],
    ]);
    expect(s.updated).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.unchanged.map((u) => u.key).sort()).toEqual(doc004.map((t) => t.key).filter((k) => k !== keyOf('5') && k !== keyOf('9')).sort());
  });

  it('a list with no struck cell has none', async () => {
    expect((await gridOf('revision-marks.xlsx')).struck).toBeUndefined();
  });
});
