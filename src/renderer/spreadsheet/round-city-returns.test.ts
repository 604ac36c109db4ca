/**
 * 市级汇总 回收 on real files: the app's own export of 汉阳区, 江岸区's copy edited by hand
 * (openpyxl) and re-saved by LibreOffice, and a table 洪山区 typed itself (made by
 * test/fixtures/rounds/city/make-city.sh). Each is matched by its title and columns.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressEntry } from '@core/model';
import { buildCitySummary, mergedFields, planMerges, planReturns, type ReturnedFile, type Round } from '@core/rounds';
import { readWorkbook } from './read-sheet';

const DIR = resolve(__dirname, '../../../test/fixtures/rounds/city');
const KEYS = ['2025YFZX-01', '2025YFZX-02', '2025YFZX-03', '2025YFZX-04'];
const round: Round = {
  id: 'R2026Q4-city', district: '汉阳区', periodId: '2026-Q4', dueDate: '2027-01-10', createdAt: '2026-12-20T00:00:00.000Z', prefilled: false, level: 'city',
  units: ['汉阳区', '江岸区', '洪山区', '青山区'].map((unit) => ({ unit, taskKeys: KEYS, leadKeys: KEYS, fileName: '', checksum: '' })),
};
const tasks = KEYS.map((key, i) => ({ key, number: String(i + 1), title: ['引聚国际研发机构', '搭建国际科技合作平台', '聚集高端研发人才', '加强重大科技基础设施支撑'][i]! }));
const ctx = { round, periodName: '2026年第四季度', tasks, earlier: [] };

async function file(name: string): Promise<ReturnedFile> {
  const data = new Uint8Array(readFileSync(resolve(DIR, name)));
  const r = await readWorkbook(data, name);
  if (!r.ok) throw new Error(r.message);
  return { fileName: name, hash: name, sheets: r.sheets };
}

describe('city level: the districts’ submissions', async () => {
  const plans = planReturns([await file('src-hanyang-export.xlsx'), await file('jiangan-edited.xlsx'), await file('hongshan-handmade.xlsx')], ctx);

  it('recognises each district by its title; the other tasks of its ledger are named once, not as errors', () => {
    expect(plans.map((p) => [p.unit, p.matchedBy, p.refused])).toEqual([
      ['汉阳区', 'columns', false],
      ['江岸区', 'columns', false],
      ['洪山区', 'columns', false],
    ]);
    expect(plans[0]!.issues.some((i) => /另有 \d+ 项任务不在本次下发给该区的清单中/.test(i.message))).toBe(true);
    expect(plans[0]!.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(plans[0]!.issues[0]!.message).toMatch(/按表头中的区名、期次和各列名称识别/);
    expect(plans[1]!.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads the app export, the edited copy (rows re-sorted) and the hand-made table by their columns', () => {
    const filled = (i: number) => plans[i]!.rows.filter((r) => !r.empty).map((r) => [r.taskKey, r.status, r.percent]);
    expect(filled(0)).toEqual([
      ['2025YFZX-01', 'on_track', 70],
      ['2025YFZX-02', 'ahead', 90],
      ['2025YFZX-04', 'done', 100],
    ]);
    expect(filled(1)).toEqual([
      ['2025YFZX-02', 'on_track', 60],
      ['2025YFZX-01', 'behind', 30],
      ['2025YFZX-04', 'done', 100],
    ]);
    // 洪山区's 2025YFZX-02 has a status typed wrong: that cell is left out, its percent and text taken.
    expect(filled(2)).toEqual([
      ['2025YFZX-01', 'ahead', 80],
      ['2025YFZX-03', 'on_track', 50],
      ['2025YFZX-02', undefined, 40],
    ]);
  });

  it('a status typed wrong in the hand-made table is left out and named; the signature row ends the table', () => {
    const errors = plans[2]!.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ sheet: '四季度', row: 5, column: 'C列（本期状态）', message: expect.stringMatching(/“很好”/) })]);
  });

  it('sums up per task × district, with lagging and missing districts', () => {
    const merges = planMerges(plans, round, new Map());
    const entries: ProgressEntry[] = merges.map((m) => ({ id: '', district: m.district!, taskKey: m.taskKey, periodId: '2026-Q4', progress: '', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '', updatedAt: '2027-01-05T00:00:00.000Z', ...mergedFields(m) }));
    const s = buildCitySummary(round, tasks, entries);
    const t1 = s.rows.find((r) => r.taskKey === '2025YFZX-01')!;
    expect(t1.cells['江岸区']).toEqual({ status: 'behind', percent: 30, progress: '江岸：国际研发机构洽谈中，尚未落地。' });
    expect(t1.lagging).toEqual(['江岸区']);
    expect(t1.missing).toEqual(['青山区']);
    expect(t1.counts).toMatchObject({ on_track: 1, behind: 1, ahead: 1, none: 1 });
    expect(s.rows.find((r) => r.taskKey === '2025YFZX-02')!.missing).toEqual(['青山区']);
    expect(s.districts.map((d) => [d.district, d.reported])).toEqual([['汉阳区', 3], ['江岸区', 3], ['洪山区', 3], ['青山区', 0]]);
  });
});
