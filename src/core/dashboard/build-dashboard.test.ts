import { indicatorKey } from '../indicators/names';
import { describe, expect, it } from 'vitest';
import { buildDashboard, type DashboardInput } from './build-dashboard';
import { makePeriod, periodRange } from '../period';
import { aCluster, aDocument, anEntry, aTarget, aTask } from '../../../test/builders/dashboard';

const D = '汉阳区';
const q = (i: number, y = 2025) => makePeriod('quarter', y, i);

/** A small district: two documents, nine tasks, progress over three quarters (see each task's note). */
function scenario(over: Partial<DashboardInput> = {}): DashboardInput {
  return {
    district: D,
    periods: periodRange(q(1), q(3)),
    today: '2025-08-15',
    documents: [aDocument('d1', { shortTitle: '三年行动方案', planStartYear: 2025 }), aDocument('d2', { shortTitle: '2023年工作要点' })],
    tasks: [
      aTask('d1-1', 'd1', { deadline: '2025-06-30' }), // done in Q2, stays done in Q3
      aTask('d1-2', 'd1', { title: '建设光电子信息研发平台' }), // on track in Q3
      aTask('d1-3', 'd1', { title: '光电企业培育', deadline: '2025-06-30' }), // behind and overdue
      aTask('d1-4', 'd1', { deadline: '2025-12-31' }), // nothing filled (another district filled it)
      aTask('d2-1', 'd2', { deadline: '2024-12-31', deadlineText: '2024年底前' }), // text only: not filled, overdue
      aTask('d2-2', 'd2', { archived: true }), // archived: never shown
      aTask('d2-3', 'd2', { deadline: '2025-03-31' }), // 长期坚持: not overdue
      aTask('d2-4', 'd2'), // done in 2024-Q4, before the range
      aTask('d2-5', 'd2', { deadline: '2025-12-31' }), // done in Q1, corrected to behind in Q3
    ],
    progress: [
      anEntry(D, 'd1-1', '2025-Q1', 'on_track'),
      anEntry(D, 'd1-1', '2025-Q2', 'done'),
      anEntry(D, 'd1-2', '2025-Q2', 'on_track', { indicatorValues: { t1: 1100 } }),
      anEntry(D, 'd1-2', '2025-Q3', 'on_track', { indicatorValues: { t1: 1200 } }),
      anEntry(D, 'd1-2', '2025-Q4', 'done', { indicatorValues: { t1: 9999 } }), // after the period shown
      anEntry(D, 'd1-3', '2025-Q3', 'behind'),
      anEntry('江夏区', 'd1-4', '2025-Q3', 'done'),
      anEntry(D, 'd2-1', '2025-Q1', undefined, { indicatorValues: { t2: 3.5 } }),
      anEntry(D, 'd2-1', '2025-Q3', undefined, { progress: '已完成前期调研' }),
      anEntry(D, 'd2-2', '2025-Q3', 'done'),
      anEntry(D, 'd2-3', '2025-Q3', 'ongoing'),
      anEntry(D, 'd2-4', '2024-Q4', 'done'),
      anEntry(D, 'd2-5', '2025-Q1', 'done'),
      anEntry(D, 'd2-5', '2025-Q3', 'behind'),
    ],
    targets: [
      aTarget('t1', 'd1', { taskKey: 'd1-2', name: '研发平台', value: 1500, year: 2027, baseline: 1000, baselineYear: 2024 }),
      aTarget('t2', 'd1', { name: '研发投入强度', unit: '%', value: 4.2, year: 2027, baseline: 3.2 }), // goal with a value; baseline year from the plan start
      aTarget('t3', 'd1', { name: '研发人员' }), // goal without a value: not shown
      aTarget('t4', 'd2', { taskKey: 'd2-2' }), // on an archived task
    ],
    // The district's own targets (区级分解目标): what its values are judged against.
    districtTargets: {
      [indicatorKey('研发平台数量', '家')]: { value: 1500, year: 2027, baseline: 1000, baselineYear: 2024 },
      [indicatorKey('研发投入强度', '%')]: { value: 4.2, year: 2027, baseline: 3.2 }, // baseline year from the plan start
    },
    clusters: [aCluster('c1', D, { keywords: ['光电'], includedTaskKeys: ['d2-3'], excludedTaskKeys: ['d1-3'] })],
    ...over,
  };
}

describe('buildDashboard on a seeded district', () => {
  const data = buildDashboard(scenario());

  it('counts the period’s statuses, carrying 已完成 forward and nothing else', () => {
    expect(Object.fromEntries(data.statusCounts.map((s) => [s.label, s.count]))).toEqual({
      未启动: 0,
      序时推进: 1,
      超序时推进: 0,
      滞后: 2,
      已完成: 2,
      长期坚持: 1,
      未选状态: 1,
      未填报: 1,
    });
    expect(data.totals).toMatchObject({ tasks: 8, filled: 7, unfilled: 1, done: 2, behind: 2, overdue: 2, fillRate: 87.5, doneRate: 25 });
    expect(data.period.name).toBe('2025年第三季度');
    expect(data.asOf).toBe('2025-08-15');
  });

  it.each([
    ['d1', '三年行动方案', 4, 1, 3, 25],
    ['d2', '2023年工作要点', 4, 1, 4, 25],
  ])('completion of document %s (%s): %i tasks, %i done, %i filled, %i%%', (id, title, total, done, filled, rate) => {
    const d = data.byDocument.find((x) => x.documentId === id)!;
    expect(d).toMatchObject({ title, total, done, filled, doneRate: rate });
    expect(Object.values(d.counts).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('lists overdue tasks oldest deadline first, with the days overdue, and never done or 长期坚持 ones', () => {
    expect(data.overdue.map((t) => [t.key, t.daysOverdue, t.status])).toEqual([
      ['d2-1', 227, 'no_status'],
      ['d1-3', 46, 'behind'],
    ]);
  });

  it.each([
    ['closed before the period ends: out of every list and count', '2025-08-01', [], [], 6],
    ['closed on the period’s last day: out', '2025-09-30', [], [], 6],
    ['closed after the period: still listed', '2025-10-15', ['d2-1'], [], 8],
  ])('销号 %s', (_what, closedAt, overdueKeys, unfilledExtra, tasks) => {
    const input = scenario();
    const closed = buildDashboard({ ...input, tasks: input.tasks.map((t) => (t.key === 'd2-1' || t.key === 'd1-4' ? { ...t, closedAt } : t)) });
    expect(closed.overdue.map((t) => t.key).filter((k) => k === 'd2-1')).toEqual(overdueKeys);
    expect(closed.unfilled.map((t) => t.key).filter((k) => k !== 'd1-4')).toEqual(unfilledExtra);
    expect(closed.unfilled.some((t) => t.key === 'd1-4')).toBe(tasks === 8);
    expect(closed.totals.tasks).toBe(tasks);
  });

  it('lists not-filled tasks; text without a status counts as filled (未选状态), as in the ledger', () => {
    expect(data.unfilled.map((t) => t.key)).toEqual(['d1-4']);
    const percentOnly = buildDashboard(scenario({ progress: [anEntry(D, 'd1-4', '2025-Q3', undefined, { percent: 40 })] }));
    expect(percentOnly.unfilled.map((t) => t.key)).not.toContain('d1-4');
    expect(percentOnly.statusCounts.find((s) => s.status === 'no_status')?.count).toBe(1);
  });

  it.each([
    ['2025-Q1', 2, 1, 3],
    ['2025-Q2', 3, 1, 4],
    ['2025-Q3', 2, 0, 7],
  ])('history %s: %i done, %i newly done, %i filled', (periodId, done, newlyDone, filled) => {
    expect(data.history.find((h) => h.periodId === periodId)).toMatchObject({ done, newlyDone, filled, total: 8 });
  });

  it('judges each indicator on its latest value up to the period', () => {
    expect(data.indicators.map((i) => [i.targetId, i.actual, i.actualPeriodId, i.verdict])).toEqual([
      ['t1', 1200, '2025-Q3', 'ahead'], // 40 % of the way; the line expects 25 % by the end of 2025 Q3
      ['t2', 3.5, '2025-Q1', 'on_track'],
    ]);
    const t2 = data.indicators[1]!;
    expect(t2.baselineYear).toBe(2024);
    expect(t2.expectedShare).toBeCloseTo(25, 6);
    expect(t2.completion).toBeCloseTo(30, 6);
    expect(data.totals.indicators).toBe(2);
  });

  it('uses the earlier of today and the period end for 逾期', () => {
    const later = buildDashboard(scenario({ today: '2026-01-10' }));
    expect(later.asOf).toBe('2025-09-30');
    expect(later.overdue.find((t) => t.key === 'd1-3')?.daysOverdue).toBe(92);
  });
});

describe('buildDashboard follows the filters', () => {
  it.each([
    ['no filter', {}, undefined, ['d1-1', 'd1-2', 'd1-3', 'd1-4', 'd2-1', 'd2-3', 'd2-4', 'd2-5']],
    ['document d1', { documentId: 'd1' }, undefined, ['d1-1', 'd1-2', 'd1-3', 'd1-4']],
    ['cluster c1 (keyword, added, removed by hand)', { clusterId: 'c1' }, undefined, ['d1-2', 'd2-3']],
    ['document d2 and cluster c1', { documentId: 'd2', clusterId: 'c1' }, undefined, ['d2-3']],
    ['an unknown cluster', { clusterId: 'nope' }, undefined, []],
    ['relevance to the district', {}, (key: string) => key !== 'd1-4' && key !== 'd2-4', ['d1-1', 'd1-2', 'd1-3', 'd2-1', 'd2-3', 'd2-5']],
    // As the report lists them (reportTasks): a task the district filled in the period is its, relevant or not.
    ['relevance, and what the district filled in the period', {}, (key: string) => key !== 'd1-4' && key !== 'd2-1', ['d1-1', 'd1-2', 'd1-3', 'd2-1', 'd2-3', 'd2-4', 'd2-5']],
  ])('%s', (_name, filters, relevant, keys) => {
    const data = buildDashboard(scenario({ filters, isRelevant: relevant ? (t) => relevant(t.key) : undefined }));
    const shown = [...data.unfilled, ...data.overdue].map((t) => t.key);
    expect(data.totals.tasks).toBe(keys.length);
    expect(data.byDocument.reduce((a, d) => a + d.total, 0)).toBe(keys.length);
    for (const k of shown) expect(keys).toContain(k);
    expect(data.statusCounts.reduce((a, s) => a + s.count, 0)).toBe(keys.length);
  });

  it('drops the goal indicators under a cluster filter and keeps the cluster tasks’ own', () => {
    const data = buildDashboard(scenario({ filters: { clusterId: 'c1' } }));
    expect(data.indicators.map((i) => i.targetId)).toEqual(['t1']);
    const d2 = buildDashboard(scenario({ filters: { documentId: 'd2' } }));
    expect(d2.indicators).toEqual([]);
  });

  it('returns zeros, not NaN, for an empty district', () => {
    const data = buildDashboard(scenario({ tasks: [], progress: [], targets: [] }));
    expect(data.totals).toMatchObject({ tasks: 0, fillRate: 0, doneRate: 0 });
    expect(data.history.every((h) => h.done === 0 && h.total === 0)).toBe(true);
  });

  it('refuses an empty period list', () => {
    expect(() => buildDashboard(scenario({ periods: [] }))).toThrow('至少需要一个报告期');
  });
});
