/**
 * City lists in the layouts the fifth probe tried, written by openpyxl and some re-saved by
 * LibreOffice (test/fixtures/import/make-probe5-layouts.py), planned against the built-in data as
 * 汉阳区: each plan proposes what the city changed and nothing else, and says what it leaves out.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/core/import';
import { builtInData, planFile, type PlanFileOptions } from '../../scripts/plan-file';

const DIR = resolve(__dirname, '../fixtures/import');
const NOW = '2026-11-27T09:00:00.000Z';
const data = builtInData();
const keysOf = (doc: string) => data.tasks.filter((t) => t.documentId === doc && !t.archived).map((t) => t.key);
const except = (doc: string, ...numbers: number[]) => keysOf(doc).filter((k) => !numbers.includes(Number(k.slice(-2))));

function planned(file: string, opts: PlanFileOptions = {}) {
  const r = planFile(resolve(DIR, file), { district: '汉阳区', now: NOW, ...opts });
  if (!r.ok) throw new Error(r.message);
  return r;
}
const plan = (file: string, opts: PlanFileOptions = {}) => planned(file, opts).plan;
const summary = (file: string, opts: PlanFileOptions = {}) => summarisePlan(plan(file, opts));
const sortedKeys = (xs: { key: string }[]) => xs.map((x) => x.key).sort();

describe('完成时限 as date cells and as words', () => {
  for (const file of ['deadline-date-cells.xlsx', 'deadline-date-cells.xls'])
    it(`${file}: a date in any date format, 2027.12 typed as a number, or 到2027年底 is the ledger’s 到2027年; only the real changes and fills`, () => {
      const s = summary(file);
      expect(s.issues).toEqual([]);
      expect(s.updated.map((u) => [u.key, u.fields.deadline?.after])).toEqual([
        ['2025YFZX-06', '2026-06-30'],
        ['2025YFZX-07', '2026年6月底前'],
        ['2025YFZX-18', '2026-12-31'],
      ]);
      expect(s.filled.map((f) => [f.key, f.fields.deadline?.after])).toEqual([
        ['2025YFZX-08', '2025-12-31'],
        ['2025YFZX-19', '2026年二季度'],
        ['2025YFZX-20', '每季度末'],
      ]);
      expect(s.unchanged).toHaveLength(17);
      expect([s.added, s.removed]).toEqual([[], []]);
    });
});

describe('an .xls saved by LibreOffice from WPS styling', () => {
  it('headers broken over lines, names indented with full-width spaces, 序号 as text, units on lines: the dropped task and the 补充 only', () => {
    const s = summary('wps-styled.xls');
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.removed.map((x) => x.key)).toEqual(['SSWGH-46']);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-003', 46).sort());
    expect(s.filled).toHaveLength(53);
  });
});
