/**
 * Rows of the indicators page // 指标跟踪: every target with baseline, target, the latest
 * actual value, completion rate, per-period history and the straight-line 序时 judgement.
 */
import type { ProgressEntry, ReportingPeriod, Target, Task } from '@core/model';
import { comparePeriodIds, parsePeriodId } from '@core/period';
import { suggestStatus, type StatusSuggestion } from '@core/status';

/**
 * Task key of the progress entry that holds the values of document-level targets (goals
 * without a task), one entry per district and period. Persisted: do not change.
 */
export const GOALS_ENTRY_KEY = '@goals';

/** One period's actual value of a target. */
export interface TargetPoint {
  periodId: string;
  name: string;
  value: number;
}

/** A row of the indicators table. */
export interface IndicatorRow {
  target: Target;
  task: Task | undefined;
  /** The progress entry's task key that holds this target's values. */
  entryKey: string;
  history: TargetPoint[];
  latest: TargetPoint | undefined;
  /** Value in the chosen period, if any. */
  current: number | null;
  /** 0–100+, undefined without a value. */
  rate: number | undefined;
  judgement: StatusSuggestion | undefined;
}

/** Completion rate of a target with an actual value, in percent (baseline-aware; 控制在 is an upper bound). */
export function completionRate(t: Target, actual: number): number {
  if (t.comparator === '控制在') return actual <= t.value ? 100 : Math.round((t.value / actual) * 1000) / 10;
  const base = t.comparator === '增长' || t.comparator === '新增' ? 0 : (t.baseline ?? 0);
  const span = t.value - base;
  if (span <= 0) return actual >= t.value ? 100 : 0;
  return Math.round(((actual - base) / span) * 1000) / 10;
}

/** Build the rows: values come from the district's progress entries across all periods. */
export function buildIndicatorRows(targets: readonly Target[], tasks: readonly Task[], progress: readonly ProgressEntry[], period: ReportingPeriod): IndicatorRow[] {
  const taskMap = new Map(tasks.map((t) => [t.key, t]));
  const byKey = new Map<string, ProgressEntry[]>();
  for (const p of progress) byKey.set(p.taskKey, [...(byKey.get(p.taskKey) ?? []), p]);
  return targets.map((target) => {
    const entryKey = target.taskKey ?? GOALS_ENTRY_KEY;
    const history: TargetPoint[] = (byKey.get(entryKey) ?? [])
      .filter((p) => typeof p.indicatorValues[target.id] === 'number')
      .sort((a, b) => comparePeriodIds(a.periodId, b.periodId))
      .map((p) => ({ periodId: p.periodId, name: parsePeriodId(p.periodId)?.name ?? p.periodId, value: p.indicatorValues[target.id] as number }));
    const upTo = history.filter((h) => comparePeriodIds(h.periodId, period.id) <= 0);
    const latest = upTo.at(-1);
    const current = history.find((h) => h.periodId === period.id)?.value ?? null;
    return {
      target,
      task: target.taskKey ? taskMap.get(target.taskKey) : undefined,
      entryKey,
      history,
      latest,
      current,
      rate: latest ? completionRate(target, latest.value) : undefined,
      judgement: latest ? suggestStatus({ period, target, actual: latest.value }) : undefined,
    };
  });
}
