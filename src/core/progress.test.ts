import { describe, expect, it } from 'vitest';
import { earlierEntries, hasContent, isFilled, isOverdue, isValidPercent, overdueAsOf, percentOfStatus, statusPercentClash, type DoneState } from './progress';
import { summaryCellOf } from './dashboard/progress-summary';
import { buildDashboard } from './dashboard/build-dashboard';
import { buildTaskRows, reportTasks } from './report/rows';
import { ROW_SCHEMAS } from './records/schemas';
import { makePeriod } from './period';
import { aDocument, anEntry, aTask } from '../../test/builders/dashboard';
import type { ProgressEntry } from './model';

const Q3 = makePeriod('quarter', 2025, 3);
const empty = anEntry('汉阳区', 'd1-1', Q3.id, undefined);

describe('filled (本期已填报) and has-content: one rule each, every reader', () => {
  // [what the officer gave, the entry, filled, has content]
  it.each<[string, Partial<ProgressEntry>, boolean, boolean]>([
    ['nothing', {}, false, false],
    ['only blanks in 进展情况', { progress: '  \n' }, false, false],
    ['a status', { status: 'on_track' }, true, true],
    ['进展情况', { progress: '已完成立项' }, true, true],
    // The disagreement of issue 13: the report's inclusion rule ignored 完成进度.
    ['only 完成进度', { percent: 40 }, true, true],
    ['完成进度 0', { percent: 0 }, true, true],
    ['only 存在问题', { problems: '用地未落实' }, false, true],
    ['only 下步计划', { nextSteps: '开工' }, false, true],
    ['only an indicator value', { indicatorValues: { t1: 3 } }, false, true],
    ['an indicator value cleared', { indicatorValues: { t1: null } }, false, false],
  ])('%s', (_what, over, filled, content) => {
    const e = { ...empty, ...over };
    expect(isFilled(e)).toBe(filled);
    expect(hasContent(e)).toBe(content);
    // The 工作台's stored summary says the same.
    expect(summaryCellOf(e).filled).toBe(filled ? 1 : 0);
  });

  it('no entry is neither', () => {
    expect(isFilled(undefined)).toBe(false);
    expect(hasContent(undefined)).toBe(false);
  });

  it('a task another district leads, with only 完成进度 given by this one, is in its report and counted filled on the 工作台', () => {
    // d1-9 does not concern 汉阳区 (lead and responsible units elsewhere): only the entry puts it in the report.
    const tasks = [aTask('d1-1', 'd1'), aTask('d1-9', 'd1', { leadUnits: ['江岸区'], responsibleUnits: ['江岸区'], text: '江岸区建设' })];
    const progress = [{ ...anEntry('汉阳区', 'd1-9', Q3.id, undefined), percent: 40 }];
    const src = { documents: [aDocument('d1')], tasks, clusters: [], progress, district: '汉阳区', period: Q3 };
    expect(reportTasks(src).map((t) => t.key)).toEqual(['d1-1', 'd1-9']);
    expect(buildTaskRows(src).find((r) => r.key === 'd1-9')?.percent).toBe(40);
    expect(reportTasks({ ...src, progress: [] }).map((t) => t.key)).toEqual(['d1-1']);
    const dash = buildDashboard({ district: '汉阳区', periods: [Q3], today: '2025-09-01', documents: [aDocument('d1')], tasks, clusters: [], progress, targets: [] });
    expect(dash.unfilled.map((u) => u.key)).toEqual(['d1-1']);
  });
});

describe('完成进度: the form and storage share one rule', () => {
  it.each([
    [0, true],
    [65, true],
    [100, true],
    [150, false],
    [-1, false],
    [65.5, false],
  ])('%s valid: %s', (v, ok) => {
    expect(isValidPercent(v)).toBe(ok);
    // Storage (the row guard, restore, import) validates progress rows with the same rule.
    expect(ROW_SCHEMAS.progress!.safeParse({ ...empty, percent: v }).success).toBe(ok);
  });
});

describe('逾期: one rule (isOverdue) for the ledger and the 工作台', () => {
  // Period 2025-Q4, today 2025-11-10 (the period not over: judged on today).
  const asOf = overdueAsOf('2025-11-10', '2025-12-31');
  it.each<[string, string | undefined, DoneState, boolean]>([
    ['deadline later this quarter, 序时推进 60 %', '2025-11-30', { status: 'on_track', percent: 60 }, false],
    ['deadline passed, 序时推进 60 %', '2025-06-30', { status: 'on_track', percent: 60 }, true],
    ['deadline passed, the officer chose 长期坚持', '2025-06-30', { status: 'ongoing' }, false],
    ['deadline passed, 100 % typed, no status', '2025-06-30', { percent: 100 }, false],
    ['deadline passed, 已完成 in Q2, nothing since', '2025-06-30', { doneEarlier: true }, false],
    ['deadline passed, 已完成 at 90 %', '2025-06-30', { status: 'done', percent: 90 }, false],
    ['deadline passed, closed (销号)', '2025-06-30', { closed: true }, false],
    ['deadline passed, nothing filled', '2025-06-30', {}, true],
    ['no deadline (长期坚持 as written)', undefined, {}, false],
    ['deadline today', '2025-11-10', {}, false],
  ])('%s → %s', (_, deadline, state, overdue) => {
    expect(isOverdue(deadline, state, asOf)).toBe(overdue);
  });
  it('a period already over is judged on its last day', () => {
    expect(overdueAsOf('2026-02-01', '2025-12-31')).toBe('2025-12-31');
    expect(isOverdue('2026-01-15', {}, overdueAsOf('2026-02-01', '2025-12-31'))).toBe(false);
  });
});

describe('沿用上期 and 历次填报: earlier entries by the calendar', () => {
  it('after the office moved from quarters to months, the third quarter is before October', () => {
    const history = [anEntry('汉阳区', 'd1-1', '2025-Q2', 'on_track', { progress: '二季度' }), anEntry('汉阳区', 'd1-1', '2025-Q3', 'behind', { progress: '三季度' }), anEntry('汉阳区', 'd1-1', '2025-11', undefined, { progress: '十一月' }), anEntry('汉阳区', 'd1-1', '2025-H2', undefined, { progress: '下半年' })];
    expect(earlierEntries(history, makePeriod('month', 2025, 10)).map((e) => e.progress)).toEqual(['三季度', '二季度']);
    expect(earlierEntries(history, makePeriod('quarter', 2025, 3)).map((e) => e.progress)).toEqual(['二季度']);
    expect(earlierEntries(history, makePeriod('quarter', 2025, 2))).toEqual([]);
  });
});

describe('status and 完成进度: what goes with what', () => {
  it.each([
    ['done', 100, false],
    ['done', 0, true],
    ['done', 80, true],
    ['not_started', 0, false],
    ['not_started', 30, true],
    ['on_track', 50, false],
    ['on_track', 100, true],
    ['behind', 100, true],
    ['ahead', 99, false],
    ['ongoing', 100, false],
    ['ongoing', 0, false],
    [undefined, 100, false],
    ['done', undefined, false],
  ] as const)('%s with %s%% clashes: %s', (status, percent, clash) => {
    expect(statusPercentClash(status, percent)).toBe(clash);
  });
  it('已完成 fixes 100 %, no other status fixes a percent', () => {
    expect(['done', 'on_track', 'not_started', 'ongoing', undefined].map((s) => percentOfStatus(s as never))).toEqual([100, undefined, undefined, undefined, undefined]);
  });
});
