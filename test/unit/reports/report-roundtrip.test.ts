import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { findTable, readRows } from '@core/import';
import { createLedgerDb } from '@renderer/storage/db';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { produceReport } from '@renderer/features/reports/report-produce';
import { DISTRICT, PERIOD, buildFixture, seedFixture } from './ledger-fixture';

describe('export → import round trip', () => {
  it('the importer finds the exported table and every row by its 任务编号', async () => {
    const db = createLedgerDb(`reports-roundtrip-${Date.now()}`);
    await seedFixture(db);
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', new Date(2025, 9, 8));
    const read = await readWorkbook(report.bytes, report.fileName);
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

describe('export → import round trip of long texts', () => {
  it('joins the continuation rows (续) back into the task, every character as stored', async () => {
    const db = createLedgerDb(`reports-roundtrip-long-${Date.now()}`);
    await seedFixture(db);
    const entry = (await db.progress.toArray()).find((p) => p.district === DISTRICT && p.taskKey === '2023YD-02')!;
    const para = (i: number) => `（${i}）区科技局召开第${i}次调度会，推进项目${i * 3}项，研发投入增长12.5%，新增企业${i * 7}家。`.repeat(3);
    const progress = Array.from({ length: 40 }, (_, i) => para(i + 1)).join('\n') + '\n\n' + '不分段的长句'.repeat(300);
    const problems = '用地指标紧张、配套资金到位较慢'.repeat(60);
    await db.progress.put({ ...entry, progress, problems });
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', new Date(2025, 9, 8));
    const read = await readWorkbook(report.bytes, report.fileName);
    if (!read.ok) throw new Error(read.message);
    const grid = read.sheets[0]!;
    expect(grid.rows.some((r) => r.includes('2023YD-02\n（续）'))).toBe(true); // the mark on its own line in the narrow 任务编号 column
    const { layout } = findTable(grid);
    const { rows, issues } = readRows(grid, layout!);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(rows.map((r) => r.fields.key)).toEqual(buildFixture().tasks.filter((t) => !t.archived && t.key !== '2023YD-50').map((t) => t.key));
    const row = rows.find((r) => r.fields.key === '2023YD-02')!;
    expect(row.fields.progress).toBe(progress);
    expect(row.fields.problems).toBe(problems);
    expect(row.fields.title).toBe('争创国家实验室和全国重点实验室');
  });
});

describe('export → import round trip on the seeded store', () => {
  it('re-importing the district report changes nothing: every task 未变, none dropped', async () => {
    const { ensureSeeded } = await import('@renderer/storage/seed');
    const { planImport, listCoverage, listDistrict } = await import('@core/import');
    const { makePeriod } = await import('@core/period');
    const db = createLedgerDb(`reports-roundtrip-seeded-${Date.now()}`);
    await ensureSeeded(db);
    const period = makePeriod('quarter', 2025, 3);
    const report = await produceReport(db, '汉阳区', period, 'tasks', new Date(2025, 9, 8));
    const read = await readWorkbook(report.bytes, report.fileName);
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
