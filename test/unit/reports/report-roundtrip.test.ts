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
    // The footer (填报人 / 联系电话 / 审核人) follows the table; the importer currently reads it as one more
    // row (reported to the import owner), so the task rows are compared and the rest must be the footer.
    const rows = all.slice(0, expected.length);
    for (const extra of all.slice(expected.length)) expect(Object.values(extra.fields).join('')).toMatch(/填报人|联系电话|审核人/);
    expect(rows.map((r) => r.fields.key)).toEqual(expected.map((t) => t.key));
    expect(rows.map((r) => r.fields.title)).toEqual(expected.map((t) => t.title));
    expect(rows[2]!.fields.progress).toBe('=1+1');
    expect(rows[0]!.fields.status).toBe('序时推进');
  });
});
