import { describe, expect, it } from 'vitest';
import type { Target } from '@core/model';
import { makePeriod } from '@core/period';
import { emptyProgress } from '../../storage/repositories';
import { actionPlanFixture } from '../../../../test/builders/tasks';
import { buildIndicatorRows, completionRate, GOALS_ENTRY_KEY } from './indicator-rows';

const fx = actionPlanFixture();
const q3 = makePeriod('quarter', 2025, 3);
const goal: Target = { id: 'g-1', documentId: 'doc-000', name: '研发平台', unit: '家', comparator: '突破', value: 1500, year: 2027, baseline: 1200, baselineYear: 2024, kind: 'goal', sourceText: '研发平台突破1500家' };

describe('indicator rows', () => {
  it('rates completion against the baseline, and 控制在 as an upper bound', () => {
    expect(completionRate(goal, 1350)).toBe(50);
    expect(completionRate({ ...goal, baseline: undefined }, 750)).toBe(50);
    expect(completionRate({ ...goal, comparator: '控制在', value: 10 }, 8)).toBe(100);
    expect(completionRate({ ...goal, comparator: '控制在', value: 10 }, 20)).toBe(50);
  });

  it('takes history from task entries and the goals entry, latest up to the chosen period', () => {
    const taskTarget = fx.targets[0]!; // 外资研发中心 18 (2024) → 30 (2027), task 2025XD-01
    const progress = [
      { ...emptyProgress('汉阳区', '2025XD-01', '2025-Q2'), indicatorValues: { [taskTarget.id]: 20 } },
      { ...emptyProgress('汉阳区', '2025XD-01', '2025-Q3'), indicatorValues: { [taskTarget.id]: 22 } },
      { ...emptyProgress('汉阳区', '2025XD-01', '2025-Q4'), indicatorValues: { [taskTarget.id]: 99 } },
      { ...emptyProgress('汉阳区', GOALS_ENTRY_KEY, '2025-Q1'), indicatorValues: { 'g-1': 1250 } },
    ];
    const [t, g] = buildIndicatorRows([taskTarget, goal], fx.tasks, progress, q3);
    expect(t!.task?.title).toBe('引聚国际研发机构');
    expect(t!.history.map((h) => h.value)).toEqual([20, 22, 99]);
    expect(t!.latest).toMatchObject({ periodId: '2025-Q3', name: '2025年第三季度', value: 22 });
    expect(t!.current).toBe(22);
    expect(t!.rate).toBe(33.3);
    expect(t!.judgement?.status).toBe('on_track'); // line: 22 in 2025
    expect(g!.entryKey).toBe(GOALS_ENTRY_KEY);
    expect(g!.current).toBeNull();
    expect(g!.latest?.value).toBe(1250);
    expect(g!.judgement?.status).toBe('behind'); // line: 1300 in 2025
  });
});
