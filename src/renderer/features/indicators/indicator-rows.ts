/**
 * Rows of the indicators page // 指标跟踪: the district's indicators (one row per indicator
 * however many documents state it, clean names, scope), each with the latest actual value,
 * completion rate and 序时 judgement by the one rule in core (judgeIndicator → judgePace) that
 * the 工作台 and the exported 指标完成情况表 use too, and the per-period history.
 */
import type { Cluster, PolicyDocument, ProgressEntry, ReportingPeriod, Target, Task } from '@core/model';
import { buildDistrictIndicators, indicatorStillAsked, judgeIndicator, type DistrictIndicator, type DistrictTargets, type PaceResult } from '@core/indicators';
import { comparePeriodIds, parsePeriodId } from '@core/period';

/**
 * Task key of the progress entry that holds the values of document-level targets (goals
 * without a task), one entry per district and period. Persisted: do not change.
 */
export const GOALS_ENTRY_KEY = '@goals';

/** One period's actual value of an indicator. */
export interface TargetPoint {
  periodId: string;
  name: string;
  value: number;
}

/** A row of the indicators table. */
export interface IndicatorRow {
  indicator: DistrictIndicator;
  /** The statement whose entry holds the values. */
  target: Target;
  task: Task | undefined;
  /** The progress entry's task key that holds this indicator's values. */
  entryKey: string;
  history: TargetPoint[];
  latest: TargetPoint | undefined;
  /** Value in the chosen period, if any. */
  current: number | null;
  /** 完成率 in percent, rounded to 0.1; undefined without a value or a district target. */
  rate: number | undefined;
  pace: PaceResult;
  /** Its time is over and it never had a value up to the period (the 工作台's rule, indicatorStillAsked): listed on request only. */
  past: boolean;
}

/** What the rows are built from. */
export interface IndicatorRowsInput {
  district: string;
  period: ReportingPeriod;
  targets: readonly Target[];
  tasks: readonly Task[];
  documents: readonly PolicyDocument[];
  clusters: readonly Cluster[];
  /** The district's progress entries of every period. */
  progress: readonly ProgressEntry[];
  districtTargets?: DistrictTargets;
  /** Also the indicators of tasks that do not concern the district. */
  all?: boolean;
}

/** The entry key that holds a statement's values. */
export function entryKeyOf(t: Pick<Target, 'taskKey'>): string {
  return t.taskKey ?? GOALS_ENTRY_KEY;
}

/** Build the rows: values come from the district's progress entries across all periods. */
export function buildIndicatorRows(input: IndicatorRowsInput): IndicatorRow[] {
  const { period } = input;
  const taskMap = new Map(input.tasks.map((t) => [t.key, t]));
  const byKey = new Map<string, ProgressEntry[]>();
  for (const p of input.progress) byKey.set(p.taskKey, [...(byKey.get(p.taskKey) ?? []), p]);
  const reported = new Set<string>();
  for (const t of input.targets) if ((byKey.get(entryKeyOf(t)) ?? []).some((p) => typeof p.indicatorValues[t.id] === 'number')) reported.add(t.id);
  const indicators = buildDistrictIndicators({ ...input, reported, ...(input.districtTargets ? { districtTargets: input.districtTargets } : {}) });
  return indicators.map((indicator) => {
    const target = indicator.primary;
    // Per period, the primary statement's value first, then any other statement's.
    const perPeriod = new Map<string, number>();
    for (const t of [target, ...indicator.targets.filter((x) => x !== target)])
      for (const p of byKey.get(entryKeyOf(t)) ?? []) {
        const v = p.indicatorValues[t.id];
        if (typeof v === 'number' && !perPeriod.has(p.periodId)) perPeriod.set(p.periodId, v);
      }
    const history: TargetPoint[] = [...perPeriod.entries()]
      .sort(([a], [b]) => comparePeriodIds(a, b))
      .map(([periodId, value]) => ({ periodId, name: parsePeriodId(periodId)?.name ?? periodId, value }));
    const upTo = history.filter((h) => comparePeriodIds(h.periodId, period.id) <= 0);
    const latest = upTo.at(-1);
    const current = perPeriod.get(period.id) ?? null;
    const pace = judgeIndicator(indicator, period, latest?.value);
    const taskKey = target.taskKey ?? indicator.taskKeys[0];
    return {
      indicator,
      target,
      task: taskKey ? taskMap.get(taskKey) : undefined,
      entryKey: entryKeyOf(target),
      history,
      latest,
      current,
      rate: latest && indicator.judged && pace.completion !== undefined ? Math.round(pace.completion * 10) / 10 : undefined,
      pace,
      past: !indicatorStillAsked(indicator, period.year, latest !== undefined),
    };
  });
}
