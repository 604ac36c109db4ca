/**
 * The numbers behind the 工作台 (dashboard): every chart and list for one district and
 * period, computed in one pass over tasks, progress entries and targets.
 */
import type { Cluster, IsoDate, PolicyDocument, ProgressEntry, ReportingPeriod, Target, Task, TaskStatus } from '../model';
import { TASK_STATUSES } from '../model';
import { parsePeriodId } from '../period';
import { isClosedIn } from '../closure';
import { clusterMatches } from '../policy/clusters';
import type { PaceVerdict } from '../indicators/pace';
import { buildDistrictIndicators, indicatorStillAsked, judgeIndicator, type DistrictTargets } from '../indicators/district';
import type { ProgressSummary } from './progress-summary';
import { filledOf, isOverdue, overdueAsOf, PERIOD_STATUSES, PERIOD_STATUS_LABELS, type PeriodStatus } from '../progress';

/**
 * A task's status on the dashboard: one of the city's statuses, 未选状态 (something written
 * or a percent given, but no status chosen: filled in, as the ledger counts it), or 未填报 —
 * the period status of core/progress.ts, which the 汇总 sheet counts too.
 */
export type DashboardStatus = PeriodStatus;

/** Order of the statuses in charts and legends. */
export const DASHBOARD_STATUSES: readonly DashboardStatus[] = PERIOD_STATUSES;

/** Chinese labels of the dashboard statuses. */
export const DASHBOARD_STATUS_LABELS: Readonly<Record<DashboardStatus, string>> = PERIOD_STATUS_LABELS;

/** The filters the officer set. */
export interface DashboardFilters {
  documentId?: string;
  clusterId?: string;
}

/** Everything the dashboard is computed from. */
export interface DashboardInput {
  district: string;
  /** Periods of the history chart, oldest first, all of one kind; the last one is the period shown. */
  periods: readonly ReportingPeriod[];
  /** Today (`YYYY-MM-DD`): a task is overdue when its deadline is before today and before the period's end. */
  today: IsoDate;
  documents: readonly PolicyDocument[];
  tasks: readonly Task[];
  /**
   * Progress entries or their summaries; entries of other districts are ignored. Summaries
   * may be limited to the periods of the range, each task's latest filled entry before the
   * range when it is 已完成, and entries with indicator values (see loadDashboardSource).
   */
  progress: readonly (ProgressEntry | ProgressSummary)[];
  targets: readonly Target[];
  clusters: readonly Cluster[];
  filters?: DashboardFilters;
  /** Whether a task concerns the district; every active task when absent. */
  isRelevant?: (task: Task) => boolean;
  /** The district's own targets // 区级分解目标 (what its values are judged against). */
  districtTargets?: DistrictTargets;
}

/** A task in a list (overdue, not filled). */
export interface DashboardTaskRef {
  key: string;
  number: string;
  title: string;
  documentId: string;
  documentTitle: string;
  deadline?: IsoDate;
  deadlineText?: string;
  status: DashboardStatus;
  /** Days past the deadline at the reference date (overdue list). */
  daysOverdue?: number;
}

/** One document's tasks by status. */
export interface DocumentCompletion {
  documentId: string;
  title: string;
  total: number;
  done: number;
  filled: number;
  counts: Record<DashboardStatus, number>;
  /** done / total in percent. */
  doneRate: number;
}

/** One indicator against its target and its straight line. */
export interface IndicatorRow {
  targetId: string;
  name: string;
  unit: string;
  documentId: string;
  documentTitle: string;
  taskKey?: string;
  comparator: Target['comparator'];
  target: number;
  year?: number;
  baseline?: number;
  baselineYear?: number;
  actual?: number;
  /** The period the actual value was reported in. */
  actualPeriodId?: string;
  verdict: PaceVerdict;
  completion?: number;
  expectedShare?: number;
  expected?: number;
  reason: string;
}

/** One period of the history chart. */
export interface PeriodPoint {
  periodId: string;
  name: string;
  /** Tasks counted as done at the end of the period (a task done earlier stays done). */
  done: number;
  /** Tasks whose status became 已完成 in this period. */
  newlyDone: number;
  /** Tasks filled in for the period: a status, a percent or progress text (done earlier counts). */
  filled: number;
  total: number;
}

/** The dashboard's numbers. */
export interface DashboardData {
  district: string;
  period: ReportingPeriod;
  /** Reference date for 逾期: the earlier of today and the period's end. */
  asOf: IsoDate;
  filters: DashboardFilters;
  totals: {
    tasks: number;
    filled: number;
    unfilled: number;
    done: number;
    behind: number;
    overdue: number;
    /** filled / tasks and done / tasks in percent (0 when there are no tasks). */
    fillRate: number;
    doneRate: number;
    indicators: number;
    indicatorsBehind: number;
  };
  statusCounts: { status: DashboardStatus; label: string; count: number }[];
  byDocument: DocumentCompletion[];
  indicators: IndicatorRow[];
  overdue: DashboardTaskRef[];
  unfilled: DashboardTaskRef[];
  history: PeriodPoint[];
}

const STATUS_CODE: Record<TaskStatus, number> = { not_started: 0, on_track: 1, ahead: 2, behind: 3, done: 4, ongoing: 5 };
const NO_STATUS = 6;
const CODE_STATUS: readonly DashboardStatus[] = [...TASK_STATUSES, 'no_status'];
const DONE = STATUS_CODE.done;
const NONE = -1;

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function emptyCounts(): Record<DashboardStatus, number> {
  return { not_started: 0, on_track: 0, ahead: 0, behind: 0, done: 0, ongoing: 0, no_status: 0, unfilled: 0 };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}

/** Compute every number of the dashboard. Throws only when `periods` is empty. */
export function buildDashboard(input: DashboardInput): DashboardData {
  const { district, periods, today, filters = {} } = input;
  const period = periods[periods.length - 1];
  if (!period) throw new RangeError('至少需要一个报告期');
  const nP = periods.length;
  const rangeStart = periods[0]!.start;
  const asOf = overdueAsOf(today, period.end);

  const periodIndex = new Map<string, number>();
  periods.forEach((p, i) => periodIndex.set(p.id, i));
  // Start dates of periods not in the range (other kinds, earlier years), parsed once each.
  const startCache = new Map<string, string | null>();
  const startOf = (id: string): string | null => {
    const i = periodIndex.get(id);
    if (i !== undefined) return periods[i]!.start;
    let s = startCache.get(id);
    if (s === undefined) {
      s = parsePeriodId(id)?.start ?? null;
      startCache.set(id, s);
    }
    return s;
  };

  const docTitle = new Map<string, string>();
  for (const d of input.documents) docTitle.set(d.id, d.shortTitle || d.title);
  const cluster = filters.clusterId ? input.clusters.find((c) => c.id === filters.clusterId) : undefined;

  // 1. The tasks shown: active, not closed (销号) by the period's end, relevant or filled in the
  // period (the tasks the district's report lists, reportTasks), matching the filters.
  const filledNow = new Set<string>();
  for (const e of input.progress) if (e.district === district && e.periodId === period.id && filledOf(e)) filledNow.add(e.taskKey);
  const tasks: Task[] = [];
  const slot = new Map<string, number>();
  for (const t of input.tasks) {
    if (t.archived || isClosedIn(t, period)) continue;
    if (filters.documentId && t.documentId !== filters.documentId) continue;
    if (filters.clusterId && (!cluster || !clusterMatches(cluster, t, input.district))) continue;
    if (input.isRelevant && !input.isRelevant(t) && !filledNow.has(t.key)) continue;
    slot.set(t.key, tasks.length);
    tasks.push(t);
  }
  const nT = tasks.length;

  // 2. One pass over the progress entries.
  const status = new Int8Array(nT * nP).fill(NONE);
  const before = new Int8Array(nT).fill(NONE); // latest status before the range
  const percentNow = new Int16Array(nT).fill(-1); // 完成进度 in the shown period, -1 when none
  const beforeStart: (string | undefined)[] = new Array(nT);
  const actual = new Map<string, { value: number; start: string; periodId: string; at: string }>();
  for (const e of input.progress) {
    if (e.district !== district) continue;
    const start = startOf(e.periodId);
    if (start === null || start > period.start) continue;
    const k = slot.get(e.taskKey);
    if (k !== undefined) {
      const j = periodIndex.get(e.periodId);
      const filled = filledOf(e);
      const code = e.status ? (STATUS_CODE[e.status] ?? NONE) : filled ? NO_STATUS : NONE;
      if (j !== undefined) {
        if (code !== NONE) status[k * nP + j] = code;
        if (j === nP - 1 && e.percent !== undefined) percentNow[k] = e.percent;
      } else if (start < rangeStart && code !== NONE && (beforeStart[k] === undefined || start > beforeStart[k]!)) {
        before[k] = code;
        beforeStart[k] = start;
      }
    }
    for (const id in e.indicatorValues) {
      const v = e.indicatorValues[id];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      const cur = actual.get(id);
      if (!cur || start > cur.start || (start === cur.start && e.updatedAt > cur.at))
        actual.set(id, { value: v, start, periodId: e.periodId, at: e.updatedAt });
    }
  }

  // 3. Per task, walk its periods: done carries forward, nothing else does.
  const history: PeriodPoint[] = periods.map((p) => ({ periodId: p.id, name: p.name, done: 0, newlyDone: 0, filled: 0, total: nT }));
  const counts = emptyCounts();
  const docs = new Map<string, DocumentCompletion>();
  const overdue: DashboardTaskRef[] = [];
  const unfilled: DashboardTaskRef[] = [];
  for (let k = 0; k < nT; k++) {
    let prev: number = before[k]!;
    let current: number = NONE;
    for (let j = 0; j < nP; j++) {
      const own = status[k * nP + j]!;
      const eff = own !== NONE ? own : prev === DONE ? DONE : NONE;
      const h = history[j]!;
      if (eff !== NONE) h.filled++;
      if (eff === DONE) {
        h.done++;
        if (prev !== DONE) h.newlyDone++;
      }
      if (own !== NONE) prev = own;
      current = eff;
    }
    const t = tasks[k]!;
    const st: DashboardStatus = current === NONE ? 'unfilled' : CODE_STATUS[current]!;
    counts[st]++;
    let d = docs.get(t.documentId);
    if (!d) {
      d = { documentId: t.documentId, title: docTitle.get(t.documentId) ?? t.documentId, total: 0, done: 0, filled: 0, counts: emptyCounts(), doneRate: 0 };
      docs.set(t.documentId, d);
    }
    d.total++;
    d.counts[st]++;
    if (st === 'done') d.done++;
    if (st !== 'unfilled') d.filled++;
    const ref = (): DashboardTaskRef => ({
      key: t.key,
      number: t.number,
      title: t.title,
      documentId: t.documentId,
      documentTitle: d.title,
      deadline: t.deadline,
      deadlineText: t.deadlineText,
      status: st,
    });
    const pct = percentNow[k]!;
    if (isOverdue(t.deadline, { ...(st === 'done' || st === 'ongoing' ? { status: st } : {}), ...(pct >= 0 ? { percent: pct } : {}) }, asOf)) overdue.push({ ...ref(), daysOverdue: daysBetween(t.deadline!, asOf) });
    if (st === 'unfilled') unfilled.push(ref());
  }
  const byDocument = [...docs.values()].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  for (const d of byDocument) d.doneRate = percent(d.done, d.total);
  overdue.sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : 0));

  // 4. Indicators: the district's (one row per indicator, judged by the one rule against the
  // district's own target): those of the shown tasks, and any document goal with a value.
  const indicators: IndicatorRow[] = [];
  const reported = new Set(actual.keys());
  const districtIndicators = buildDistrictIndicators({
    district,
    period,
    targets: input.targets,
    tasks: input.tasks,
    documents: input.documents,
    clusters: input.clusters,
    reported,
    all: true,
    ...(input.districtTargets ? { districtTargets: input.districtTargets } : {}),
  });
  for (const ind of districtIndicators) {
    const own = ind.taskKeys.some((k) => slot.has(k));
    let a: { value: number; periodId: string; start: string } | undefined;
    for (const t of ind.targets) {
      const v = actual.get(t.id);
      if (v && (!a || v.start > a.start)) a = v;
    }
    if (!own) {
      if (!a || cluster || ind.taskKeys.length > 0) continue;
      if (filters.documentId && !ind.targets.some((t) => t.documentId === filters.documentId)) continue;
    }
    // An indicator whose target years are all over and that never had a value is not asked for (the
    // 指标完成情况表 leaves it out too); one with a value stays, judged (a 2025 target missed is 滞后).
    if (!indicatorStillAsked(ind, period.year, a !== undefined)) continue;
    const pace = judgeIndicator(ind, period, a?.value);
    const shown = ind.judged ?? ind.cityTarget;
    indicators.push({
      targetId: ind.primary.id,
      name: ind.name,
      unit: ind.unit,
      documentId: ind.cityTarget.documentId,
      documentTitle: docTitle.get(ind.cityTarget.documentId) ?? ind.cityTarget.documentId,
      taskKey: ind.primary.taskKey,
      comparator: shown.comparator,
      target: shown.value,
      year: shown.year,
      baseline: shown.baseline,
      baselineYear: shown.baselineYear,
      actual: a?.value,
      actualPeriodId: a?.periodId,
      verdict: pace.verdict,
      completion: pace.completion,
      expectedShare: pace.expectedShare,
      expected: pace.expected,
      reason: pace.reason,
    });
  }

  const filled = nT - counts.unfilled;
  return {
    district,
    period,
    asOf,
    filters: { ...filters },
    totals: {
      tasks: nT,
      filled,
      unfilled: counts.unfilled,
      done: counts.done,
      behind: counts.behind,
      overdue: overdue.length,
      fillRate: percent(filled, nT),
      doneRate: percent(counts.done, nT),
      indicators: indicators.length,
      indicatorsBehind: indicators.filter((i) => i.verdict === 'behind').length,
    },
    statusCounts: DASHBOARD_STATUSES.map((s) => ({ status: s, label: DASHBOARD_STATUS_LABELS[s], count: counts[s] })),
    byDocument,
    indicators,
    overdue,
    unfilled,
    history,
  };
}
