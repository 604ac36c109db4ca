/**
 * The 工作台 reads progress summaries, and only those of the shown range (plus each task's
 * latest status before it and the indicator values): the numbers must be those of buildDashboard
 * over every full progress entry.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { scratchDbs } from '../../../../test/builders/scratch-dbs';
import { buildDashboard } from '@core/dashboard';
import { makePeriod, periodRange, parsePeriodId } from '@core/period';
import { taskRelevance } from '@core/policy/relevance';
import { createLedgerDb, type LedgerDb } from '../../storage/db';
import { seedStore } from '../../../../test/builders/seeded-store';
import { anEntry } from '../../../../test/builders/dashboard';
import { progressId } from '@core/model';
import { dashboardFor, historyPeriods, loadDashboardSource } from './dashboard-data';

const keep = scratchDbs();
let n = 0;

/** 20 quarters of 汉阳区 progress on the seed tasks, with a few hand-made histories. */
async function seeded(): Promise<LedgerDb> {
  const db = createLedgerDb(`dashboard-data-${++n}`);
  keep(db);
  const quarters = periodRange(makePeriod('quarter', 2021, 1), makePeriod('quarter', 2025, 4)).map((p) => p.id);
  const { tasks } = await seedStore(db, quarters);
  // Targets for the seeded indicator values (every fourth task reports one).
  await db.targets.bulkPut(tasks.map((t) => ({ id: `t-${t.key}`, documentId: 'doc-002', taskKey: t.key, name: `指标${t.key}`, unit: '家', comparator: '以上' as const, value: 40, year: 2026, kind: 'goal' as const, sourceText: '' })));
  const [a, b, c, d] = tasks;
  await db.progress.bulkPut([
    // Done long ago, then an empty entry (not filled: does not hide 已完成), and nothing since.
    ...quarters.map((q) => anEntry('汉阳区', a!.key, q, undefined, { progress: '' })),
    anEntry('汉阳区', a!.key, '2021-Q2', 'done', { indicatorValues: { [`t-${a!.key}`]: 33 } }),
    // Done, then 滞后 later but still before the range: not done any more.
    ...quarters.map((q) => anEntry('汉阳区', b!.key, q, undefined, { progress: '' })),
    anEntry('汉阳区', b!.key, '2021-Q3', 'done'),
    anEntry('汉阳区', b!.key, '2022-Q1', 'behind'),
    // Done, then only text written (filled without a status): not done any more.
    anEntry('汉阳区', c!.key, '2022-Q4', undefined, { progress: '已开工建设' }),
    // Another district's entries are ignored.
    anEntry('江岸区', d!.key, '2025-Q3', 'done', { indicatorValues: { [`t-${d!.key}`]: 99 } }),
  ]);
  await db.progress.put(anEntry('汉阳区', c!.key, '2022-Q3', 'done'));
  // c at 50 % in the last quarter: a task at 100 % is not 逾期 (isOverdue), which this file reads status from.
  await db.progress.update(progressId('汉阳区', c!.key, '2025-Q4'), { percent: 50 });
  return db;
}

describe('loadDashboardSource (progress summaries)', () => {
  it('gives the numbers of buildDashboard over every full entry, for periods inside, after and at the start of the data', async () => {
    const db = await seeded();
    const full = await db.progress.toArray();
    expect(full.length).toBeGreaterThan(400);
    for (const [periodId, today] of [['2025-Q4', '2026-01-10'], ['2024-Q1', '2024-03-01'], ['2027-Q2', '2027-05-01'], ['2021-Q3', '2021-08-01']] as const) {
      const source = (await loadDashboardSource(db, { periodId, today }))!;
      expect(source.period?.id).toBe(periodId);
      const period = parsePeriodId(periodId)!;
      const viaSummaries = dashboardFor(source, period, today);
      const viaEntries = buildDashboard({
        district: '汉阳区',
        periods: historyPeriods(period),
        today,
        documents: source.documents,
        tasks: source.tasks,
        progress: full,
        targets: source.targets,
        clusters: source.clusters,
        isRelevant: (t) => taskRelevance(t, '汉阳区', source.clusters).relevant,
      });
      expect(viaSummaries, periodId).toEqual(viaEntries);
      if (periodId === '2025-Q4') {
        // Only the range and what the history needs were read, not every entry.
        expect(source.progress.length).toBeLessThan(full.filter((e) => e.district === '汉阳区').length * 0.6);
        expect(source.progress.some((s) => 'progress' in s || 'problems' in s)).toBe(false);
        expect(viaSummaries.totals.done).toBeGreaterThan(0);
        expect(viaSummaries.indicators.some((i) => i.actual !== undefined)).toBe(true);
      }
    }
    // Without a period (the report export): every summary of the district, same numbers.
    const all = (await loadDashboardSource(db))!;
    expect(all.period).toBeUndefined();
    const q = parsePeriodId('2025-Q2')!;
    const sub = (await loadDashboardSource(db, { periodId: '2025-Q2' }))!;
    expect(dashboardFor(all, q, '2025-05-01')).toEqual(dashboardFor(sub, q, '2025-05-01'));
  });

  it('follows the history: a task done before the range stays done, one changed after is not', async () => {
    const db = await seeded();
    const source = (await loadDashboardSource(db, { periodId: '2025-Q4', today: '2026-01-10' }))!;
    const data = dashboardFor(source, parsePeriodId('2025-Q4')!, '2026-01-10');
    const [a, b, c] = source.tasks.slice().sort((x, y) => x.order - y.order);
    const status = (key: string) => (data.overdue.find((t) => t.key === key) ?? data.unfilled.find((t) => t.key === key))?.status ?? 'done';
    expect(status(a!.key)).toBe('done');
    expect(status(b!.key)).not.toBe('done');
    expect(status(c!.key)).not.toBe('done');
    // 33 was reported in 2021 on a task's done entry: still its latest value.
    expect(data.indicators.find((i) => i.targetId === `t-${a!.key}`)).toMatchObject({ actual: 33, actualPeriodId: '2021-Q2' });
  });
});
