/**
 * The ledger's 已超时限 and 前期已完成 and the 工作台's 逾期 list say the same of every task: one
 * rule (core/progress.ts isOverdue, doneEarlier), on real Dexie with years of history.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parsePeriodId } from '@core/period';
import { overdueAsOf } from '@core/progress';
import type { LedgerDb } from '../../storage/db';
import { doneBeforePeriod } from '../../storage';
import { seedDoneHistories } from '../../../../test/builders/seeded-store';
import { anEntry } from '../../../../test/builders/dashboard';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';
import { dashboardFor, loadDashboardSource } from '../dashboard/dashboard-data';
import { buildRows } from './task-rows';

describe('逾期 and 前期已完成: the ledger and the 工作台 agree', () => {
  let db: LedgerDb;
  freshStoreEachTest('overdue-one-rule', (d) => (db = d));

  it('task by task, for periods over and under way', async () => {
    const { tasks } = await seedDoneHistories(db);
    const [, , c, d] = tasks;
    // Deadlines spread over the history, so that some tasks are overdue and some not.
    await db.tasks.bulkPut(tasks.map((t, i) => ({ ...t, deadline: `${2023 + (i % 4)}-0${1 + (i % 9)}-28` })));
    await db.progress.bulkPut([
      anEntry('汉阳区', c!.key, '2025-Q2', 'on_track', { percent: 100 }),
      anEntry('汉阳区', d!.key, '2025-Q2', 'ongoing', { percent: 10 }),
    ]);
    const source = await db.transaction('r', db.tables, () => Promise.all([db.tasks.toArray(), db.documents.toArray(), db.sections.toArray(), db.clusters.where('district').equals('汉阳区').toArray()]));
    const [allTasks, documents, sections, clusters] = source;
    let overdueSeen = 0;
    let earlierSeen = 0;
    for (const [id, today] of [['2024-Q3', '2024-08-15'], ['2025-Q1', '2025-06-01'], ['2025-Q2', '2025-05-10'], ['2025-Q3', '2025-08-01']] as const) {
      const period = parsePeriodId(id)!;
      const progress = await db.progress.where('[district+periodId]').equals(['汉阳区', id]).toArray();
      const rows = buildRows({ tasks: allTasks, documents, sections, clusters, district: '汉阳区', progress, periodEnd: period.end, asOf: overdueAsOf(today, period.end), doneBefore: await doneBeforePeriod(db, '汉阳区', period) });
      const dash = dashboardFor((await loadDashboardSource(db, { periodId: id, today }))!, period, today);
      const shown = new Set([...rows.filter((r) => r.relevant || r.filled).map((r) => r.task.key)]);
      expect(rows.filter((r) => r.overdue && shown.has(r.task.key)).map((r) => r.task.key).sort(), id).toEqual(dash.overdue.map((t) => t.key).sort());
      // 前期已完成 in the ledger is 已完成 on the 工作台: never in its 未填报 list.
      const earlier = rows.filter((r) => r.doneEarlier).map((r) => r.task.key);
      for (const k of earlier) expect(dash.unfilled.map((t) => t.key), `${id} ${k}`).not.toContain(k);
      overdueSeen += dash.overdue.length;
      earlierSeen += earlier.length;
    }
    expect(overdueSeen).toBeGreaterThan(0);
    expect(earlierSeen).toBeGreaterThan(0);
  });
});
