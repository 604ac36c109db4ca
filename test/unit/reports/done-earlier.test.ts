/**
 * A task done in an earlier period and not filled in since is printed 已完成 in the period's
 * report, with the period it was done in under 备注 — the rule the 工作台 counts by
 * (core/progress.ts doneEarlier). Real Dexie, the production factory, the report as produced.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makePeriod, parsePeriodId } from '@core/period';
import { buildReportData, buildSummaryRows, findMissingItems } from '@core/report';
import type { LedgerDb } from '@renderer/storage/db';
import { readReportSource } from '@renderer/storage';
import { dashboardFor, loadDashboardSource } from '@renderer/features/dashboard/dashboard-data';
import { produceReport } from '@renderer/features/reports/report-produce';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';
import { anEntry } from '../../builders/dashboard';
import { seedDoneHistories } from '../../builders/seeded-store';
import { freshStoreEachTest } from '../../builders/fresh-store';

const META = { filledDate: '2026-01-08', unit: DISTRICT, filledBy: '李明', phone: '', reviewer: '' };

describe('a task done earlier, in the next periods’ reports', () => {
  let db: LedgerDb;
  freshStoreEachTest('done-earlier', (d) => (db = d));

  it('is printed 已完成 with the period under 备注; one changed or reopened since is printed as it is now', async () => {
    // 2025 Q3: 2023YD-02 and 2023YD-10 are 已完成 (the fixture). Q4: 2023YD-10 reopened as 滞后.
    await seedFixture(db);
    const q4 = makePeriod('quarter', 2025, 4);
    await db.progress.put(anEntry(DISTRICT, '2023YD-10', q4.id, 'behind', { progress: '验收发现问题，重新整改。' }));
    const data = buildReportData(await readReportSource(db, DISTRICT, q4), META);
    const row = (key: string) => data.rows.task!.find((r) => r.key === key)!;
    expect(row('2023YD-02')).toMatchObject({ status: '已完成', note: '第三季度已完成', progress: '' });
    expect(row('2023YD-10')).toMatchObject({ status: '滞后', note: '', progress: '验收发现问题，重新整改。' });
    expect(row('2023YD-01')).toMatchObject({ status: '', note: '' });
    // The pre-export check asks nothing new of the task done earlier.
    expect(findMissingItems(data.rows.task as never).map((m) => m.taskKey)).not.toContain('2023YD-02');
    // Its own period's report is unchanged: 已完成 from its own entry, no 备注.
    const q3 = buildReportData(await readReportSource(db, DISTRICT, PERIOD), META);
    expect(q3.rows.task!.find((r) => r.key === '2023YD-02')).toMatchObject({ status: '已完成', note: '' });
    // A year later the period carries its year.
    const next = buildReportData(await readReportSource(db, DISTRICT, makePeriod('quarter', 2026, 1)), META);
    expect(next.rows.task!.find((r) => r.key === '2023YD-02')).toMatchObject({ status: '已完成', note: '2025年第三季度已完成' });
    // And the file says so, read back with SheetJS.
    const file = await produceReport(db, DISTRICT, q4, 'tasks', new Date(2026, 0, 8));
    const read = await readWorkbook(file.bytes, file.fileName);
    if (!read.ok) throw new Error(read.message);
    const printed = read.sheets[0]!.rows.find((r) => r.includes('2023YD-02'))!;
    expect(printed).toContain('已完成');
    expect(printed).toContain('第三季度已完成');
  });

  it('the 汇总 counts what the 工作台 counts, period by period, over years of history', async () => {
    // a: done in 2024 Q1, nothing filled after; b: done, then 滞后 (seedDoneHistories).
    const { quarters, tasks } = await seedDoneHistories(db);
    const [a, b, c] = tasks;
    await db.progress.bulkPut([
      // Done, then only text written: filled without a status, not done any more.
      ...quarters.filter((q) => q > '2024-Q3').map((q) => anEntry('汉阳区', c!.key, q, undefined, { progress: '' })),
      anEntry('汉阳区', c!.key, '2024-Q3', 'done'),
      anEntry('汉阳区', c!.key, '2024-Q4', undefined, { progress: '已开工建设' }),
    ]);
    let carriedSeen = 0;
    for (const id of ['2024-Q2', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3']) {
      const period = parsePeriodId(id)!;
      const src = await readReportSource(db, '汉阳区', period);
      const summary = new Map(buildSummaryRows(src).map((r) => [r.status, r.count]));
      const today = period.end;
      const dash = dashboardFor((await loadDashboardSource(db, { periodId: id, today }))!, period, today);
      expect(summary.get('已完成'), id).toBe(dash.totals.done);
      expect(summary.get('合计'), id).toBe(dash.totals.tasks);
      expect(summary.get('未填报'), id).toBe(dash.totals.unfilled);
      const rows = buildReportData(src, META).rows.task!;
      const aRow = rows.find((r) => r.key === a!.key)!;
      if (id !== '2024-Q1') expect(aRow, id).toMatchObject({ status: '已完成' });
      if (String(aRow.note)) carriedSeen++;
      expect(rows.find((r) => r.key === b!.key)!.status, id).not.toBe('已完成');
      if (id >= '2024-Q4') expect(rows.find((r) => r.key === c!.key)!.status, id).not.toBe('已完成');
    }
    expect(carriedSeen).toBe(5);
  });
});
