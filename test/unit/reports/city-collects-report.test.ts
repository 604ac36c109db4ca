/**
 * The city collects a district's own 重点任务推进情况表 (市级汇总): a long text the export split
 * over rows keyed 任务编号（续） comes back whole, and neither those rows nor the signature block
 * under the table are taken for tasks outside the city's list.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { progressId } from '@core/index';
import { planReturns, type Round } from '@core/rounds';
import { createLedgerDb } from '@renderer/storage/db';
import { produceReport } from '@renderer/features/reports/report-produce';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';

describe('a district report collected by the city', () => {
  it('joins the 续 rows of a 3,000-character text and stops at the signature block', async () => {
    const db = createLedgerDb(`city-collects-${Date.now()}`);
    const f = await seedFixture(db);
    const key = f.tasks[1]!.key;
    const long = Array.from({ length: 80 }, (_, i) => `第${i + 1}段：区科技局会同相关部门推进引进博士后研究人员等工作，完成阶段目标${i + 1}项。`).join('\n');
    expect(long.length).toBeGreaterThan(3000);
    await db.progress.update(progressId(DISTRICT, key, PERIOD.id), { progress: long });
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', new Date(2025, 9, 8));
    const read = await readWorkbook(report.bytes, report.fileName);
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets[0]!.rows.some((r) => r.includes(`${key}\n（续）`))).toBe(true); // the export did split it (the mark on its own line in the narrow 任务编号 column)
    const keys = f.tasks.slice(0, 3).map((t) => t.key);
    const round: Round = {
      id: 'R-city', district: '武汉市', periodId: PERIOD.id, dueDate: '2025-10-15', createdAt: '2025-10-01T00:00:00.000Z', prefilled: false, level: 'city',
      units: [{ unit: DISTRICT, taskKeys: keys, leadKeys: keys, fileName: '', checksum: '' }],
    };
    const [plan] = planReturns([{ fileName: report.fileName, hash: 'h', sheets: read.sheets }], { round, periodName: PERIOD.name, tasks: f.tasks, earlier: [] });
    expect(plan!.refused).toBe(false);
    expect(plan!.rows.find((r) => r.taskKey === key)!.progress).toBe(long);
    const outside = plan!.issues.find((i) => /不在本次下发/.test(i.message))?.message ?? '';
    expect(outside).not.toMatch(/（续）|填报人/);
    // The footer the export writes (填报人 / 联系电话 / 审核人, merged over several columns) is no task row: no merge warning for it.
    expect(plan!.issues.filter((i) => /合并单元格/.test(i.message)).map((i) => i.message)).toEqual([]);
    db.close();
    await db.delete();
  }, 60_000);
});
