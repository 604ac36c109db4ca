/**
 * Exact matches first (a row whose text is exactly one task's is that task, unscored) against the
 * planner that scores every row: the same plan, whole, on every import fixture (written by
 * LibreOffice, openpyxl, WPS, as .xlsx, .xls and CSV) against the built-in data, with and without
 * a district, and on a 1,000-row synthetic city list of the benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTable, planImport, readRows, type PlanInput } from '../../src/core/import';
import { readWorkbook } from '../../src/renderer/spreadsheet/read-sheet';
import { unitRenameTable } from '../../src/core/unit-names';
import { builtInData } from '../../scripts/plan-file';
import { cityListXlsx, cityTasks, CITY_DOCUMENT } from '../../bench/browser/import-bench';
import { sentencesOf } from '../../bench/lib/synthetic';

const ROOT = resolve(__dirname, '../..');
const DIR = resolve(ROOT, 'test/fixtures/import');
const NOW = '2026-11-26T09:00:00.000Z';
const data = builtInData();

/** Every sheet with a task table in a file, as plan inputs against `existing`. */
async function inputsOf(bytes: Uint8Array, name: string, base: Omit<PlanInput, 'fileName' | 'sheet' | 'rows' | 'now'>): Promise<PlanInput[]> {
  const read = await readWorkbook(bytes, name);
  if (!read.ok) return [];
  return read.sheets.flatMap((grid) => {
    const { layout } = findTable(grid);
    if (!layout) return [];
    const rows = readRows(grid, layout);
    return [{ ...base, fileName: name, sheet: grid.name, rows: rows.rows, issues: rows.issues, now: NOW }];
  });
}

const fixtures = readdirSync(DIR).filter((f) => /\.(xlsx|xls|csv)$/.test(f));

describe('exact matches first plan what scoring every row plans', () => {
  it('has import fixtures with task tables to compare', () => {
    const planned = fixtures.flatMap(async (f) => await inputsOf(new Uint8Array(readFileSync(resolve(DIR, f))), f, { existing: data.tasks, documents: data.documents }));
    expect(planned.length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)('%s, with and without 汉阳区', async (f) => {
    const bytes = new Uint8Array(readFileSync(resolve(DIR, f)));
    for (const district of [undefined, '汉阳区'])
      for (const input of await inputsOf(bytes, f, { existing: data.tasks, documents: data.documents, sections: data.sections, clusters: data.clusters, district, renames: unitRenameTable([]) }))
        expect(planImport(input)).toEqual(planImport({ ...input, scoreEveryRow: true }));
  });

  it('a 1,000-row city list: 3 % reworded, 1 % new, merged 牵头单位 cells', async () => {
    const seeds = resolve(ROOT, 'seeds');
    const sentences = sentencesOf(readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(resolve(seeds, f), 'utf8')));
    const tasks = cityTasks(sentences, 1000);
    const [input] = await inputsOf(await cityListXlsx(tasks, sentences), 'city.xlsx', { existing: tasks, documents: [CITY_DOCUMENT], district: '汉阳区', clusters: data.clusters });
    const fast = planImport(input!);
    expect([fast.unchanged.length, fast.updated.length, fast.added.length]).toEqual([907, 93, 10]);
    expect(fast).toEqual(planImport({ ...input!, scoreEveryRow: true }));
  });
});
