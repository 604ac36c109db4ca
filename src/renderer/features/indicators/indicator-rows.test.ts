import { describe, expect, it } from 'vitest';
import type { Target } from '@core/model';
import { makePeriod } from '@core/period';
import { buildReportData, buildTargetRows } from '@core/report';
import { buildDashboard } from '@core/dashboard';
import { taskRelevance } from '@core/policy/relevance';
import { emptyProgress } from '../../storage/repositories';
import { actionPlanFixture } from '../../../../test/builders/tasks';
import { buildIndicatorRows, GOALS_ENTRY_KEY } from './indicator-rows';

const fx = actionPlanFixture();
const q3 = makePeriod('quarter', 2025, 3);
const district = '汉阳区';
const goal: Target = { id: 'g-1', documentId: 'doc-000', name: '研发平台', unit: '家', comparator: '突破', value: 1500, year: 2027, baseline: 1200, baselineYear: 2024, kind: 'goal', sourceText: '研发平台突破1500家' };
const base = { district, tasks: fx.tasks, documents: fx.documents, clusters: fx.clusters };

describe('indicator rows', () => {
  it('takes history from task entries and the goals entry, latest up to the chosen period, judged against the district target', () => {
    const taskTarget = fx.targets[0]!; // 外资研发中心 达到30个 (2027), task 2025XD-01 (东湖高新区管委会)
    const progress = [
      { ...emptyProgress(district, '2025XD-01', '2025-Q2'), indicatorValues: { [taskTarget.id]: 20 } },
      { ...emptyProgress(district, '2025XD-01', '2025-Q3'), indicatorValues: { [taskTarget.id]: 22 } },
      { ...emptyProgress(district, '2025XD-01', '2025-Q4'), indicatorValues: { [taskTarget.id]: 99 } },
      { ...emptyProgress(district, GOALS_ENTRY_KEY, '2025-Q1'), indicatorValues: { 'g-1': 1250 } },
    ];
    const own = { '外资研发中心|个': { value: 6, year: 2027, baseline: 2, baselineYear: 2024 }, '研发平台|个': { value: 80, year: 2027, baseline: 60, baselineYear: 2024 } };
    const rows = buildIndicatorRows({ ...base, period: q3, targets: [taskTarget, goal], progress, districtTargets: own, all: true });
    const [t, g] = rows;
    expect(t!.indicator.name).toBe('外资研发中心数量');
    expect(t!.task?.title).toBe('引聚国际研发机构');
    expect(t!.history.map((h) => h.value)).toEqual([20, 22, 99]);
    expect(t!.latest).toMatchObject({ periodId: '2025-Q3', name: '2025年第三季度', value: 22 });
    expect(t!.current).toBe(22);
    expect(t!.pace.verdict).toBe('met'); // 22 against the district's own 6, not the city's 30
    expect(g!.entryKey).toBe(GOALS_ENTRY_KEY);
    expect(g!.current).toBeNull();
    expect(g!.latest?.value).toBe(1250);
    expect(g!.pace.verdict).toBe('met');
  });

  it('does not judge a district value against a 全市 target, and lists only what concerns the district', () => {
    const incubated: Target = { id: 'c-1', documentId: 'doc-000', taskKey: '2025XD-03', name: '在孵初创科技企业', unit: '家', comparator: '突破', value: 15000, year: 2025, kind: 'task', sourceText: '在孵初创科技企业突破15000家' };
    const other = fx.tasks.find((t) => !taskRelevance(t, district, fx.clusters).relevant)!;
    const foreign: Target = { ...incubated, id: 'c-2', taskKey: other.key, name: '外资企业', value: 1000, sourceText: '新增外资企业1000家' };
    const progress = [{ ...emptyProgress(district, '2025XD-03', q3.id), indicatorValues: { 'c-1': 1234 } }];
    const rows = buildIndicatorRows({ ...base, period: q3, targets: [incubated, foreign], progress });
    expect(rows.map((r) => r.indicator.name)).toEqual(['在孵初创科技企业数量']); // the other task does not concern 汉阳区
    expect(rows[0]!.rate).toBeUndefined();
    expect(rows[0]!.pace.verdict).toBe('unknown');
    expect(rows[0]!.pace.reason).toContain('全市目标');
  });

  it('gives the same verdict and rate as the 工作台 and the export for the 控制在 case of the issue', () => {
    const period = makePeriod('quarter', 2026, 2);
    const cap: Target = { id: 'k-1', documentId: 'doc-000', taskKey: '2025XD-03', name: '万元GDP能耗', unit: '吨', comparator: '控制在', value: 5, year: 2027, baseline: 6, baselineYear: 2024, kind: 'task', sourceText: '万元GDP能耗控制在5吨' };
    const own = { '万元GDP能耗|吨': { value: 5, year: 2027, baseline: 6, baselineYear: 2024 } };
    const progress = [{ ...emptyProgress(district, '2025XD-03', period.id), indicatorValues: { 'k-1': 4 } }];
    const [page] = buildIndicatorRows({ ...base, period, targets: [cap], progress, districtTargets: own });
    const [exported] = buildTargetRows({ ...base, period, targets: [cap], progress, districtTargets: own });
    const dash = buildDashboard({ ...base, periods: [period], today: '2026-06-30', targets: [cap], progress, districtTargets: own });
    expect(page!.pace.verdict).toBe('met');
    expect(page!.rate).toBe(100);
    expect(exported!.judgement).toBe('已达标');
    expect(exported!.rate).toBe(100);
    expect(dash.indicators[0]).toMatchObject({ verdict: 'met', completion: 100, name: '万元GDP能耗' });
    expect(buildReportData({ ...base, period, targets: [cap], progress, districtTargets: own, clusterIndicators: [], clusterIndicatorValues: [], clusterProgress: [] }, { filledDate: '2026-07-01', filledBy: '', phone: '', reviewer: '' }).rows.target[0]!.judgement).toBe('已达标');
  });

  it('lists a past indicator that never had a value on request only, by the 工作台’s rule; one with a value stays', () => {
    const later = makePeriod('quarter', 2026, 4);
    const old: Target = { ...goal, id: 'g-old', name: '孵化器', value: 30, year: 2025, baseline: undefined, baselineYear: undefined, sourceText: '到2025年孵化器达到30家' };
    const rows = (progress: ReturnType<typeof emptyProgress>[]) => buildIndicatorRows({ ...base, period: later, targets: [goal, old], progress, all: true });
    const bare = rows([]);
    expect(bare.map((r) => [r.target.id, r.past])).toEqual([['g-1', false], ['g-old', true]]);
    // A value typed in any period up to this one keeps it listed (and judged).
    const typed = rows([{ ...emptyProgress(district, GOALS_ENTRY_KEY, '2025-Q4'), indicatorValues: { 'g-old': 28 } }]);
    expect(typed.find((r) => r.target.id === 'g-old')!.past).toBe(false);
    // In its own years it is asked for.
    expect(buildIndicatorRows({ ...base, period: q3, targets: [old], progress: [], all: true })[0]!.past).toBe(false);
  });
});
