import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { findTable, readRows } from '@core/import';
import { LedgerDb } from '@renderer/storage/db';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { produceReport } from '@renderer/features/reports/report-produce';
import { DISTRICT, PERIOD, buildFixture, seedFixture } from './ledger-fixture';

describe('export → import round trip', () => {
  it('the importer finds the exported table and every row by its 任务编号', async () => {
    const db = new LedgerDb(`reports-roundtrip-${Date.now()}`);
    await seedFixture(db);
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', new Date(2025, 9, 8));
    const read = readWorkbook(report.bytes, report.fileName);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const grid = read.sheets[0]!;
    const { layout, issues } = findTable(grid);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(layout?.headerRow).toBe(2);
    const { rows: all } = readRows(grid, layout!);
    const expected = buildFixture().tasks.filter((t) => !t.archived && t.key !== '2023YD-50');
    // The footer (填报人 / 联系电话 / 审核人) under the table is not a task.
    const rows = all;
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => r.fields.key)).toEqual(expected.map((t) => t.key));
    expect(rows.map((r) => r.fields.title)).toEqual(expected.map((t) => t.title));
    expect(rows[2]!.fields.progress).toBe('=1+1');
    expect(rows[0]!.fields.status).toBe('序时推进');
  });
});

describe('export → import round trip on the seeded store', () => {
  it('re-importing the district report changes nothing: every task 未变, none dropped', async () => {
    const { ensureSeeded } = await import('@renderer/storage/seed');
    const { planImport, listCoverage, listDistrict } = await import('@core/import');
    const { makePeriod } = await import('@core/period');
    const db = new LedgerDb(`reports-roundtrip-seeded-${Date.now()}`);
    await ensureSeeded(db);
    const period = makePeriod('quarter', 2025, 3);
    const report = await produceReport(db, '汉阳区', period, 'tasks', new Date(2025, 9, 8));
    const read = readWorkbook(report.bytes, report.fileName);
    if (!read.ok) throw new Error(read.message);
    const grid = read.sheets[0]!;
    const { layout } = findTable(grid);
    const { rows, issues } = readRows(grid, layout!);
    const existing = await db.tasks.toArray();
    expect(listDistrict(grid, layout!)).toBe('汉阳区');
    const covers = listCoverage(grid, layout!, await db.clusters.toArray());
    const plan = planImport({ fileName: report.fileName, sheet: grid.name, rows, issues, existing, documents: await db.documents.toArray(), now: '2025-10-08T00:00:00.000Z', covers });
    expect(rows.length).toBe(report.data.rows.task?.length);
    expect(plan.unchanged).toHaveLength(rows.length);
    expect({ added: plan.added.length, updated: plan.updated.length, removed: plan.removed.length, ambiguous: plan.ambiguous.length }).toEqual({
      added: 0,
      updated: 0,
      removed: 0,
      ambiguous: 0,
    });
    db.close();
  });
});
