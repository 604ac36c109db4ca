/**
 * Loading and building the dashboard outside React: the page's live query and the report
 * export (charts in the 汇总 sheet) share this, so both show the same numbers.
 */
import { localDate } from '@core/time';
import { buildDashboard, summaryOfCell, type DashboardData, type PeriodSummaryRow, type ProgressSummary } from '@core/dashboard';
import { taskRelevance } from '@core/policy/relevance';
import { currentPeriod, parsePeriodId, periodRange, shiftPeriod } from '@core/period';
import type { Cluster, PeriodKind, PolicyDocument, ReportingPeriod, Target, Task } from '@core/model';
import { type LedgerDb, allDocuments, allTargets, allTasks, clustersRepo, getDistrict, getPeriodKind, progressSummariesOfDistrict, readDistrictTargets } from '../../storage';
import type { DistrictTargets } from '@core/indicators';

/** Everything buildDashboard needs from the store, for the officer's district. */
export interface DashboardSource {
  district: string;
  periodKind: PeriodKind;
  documents: PolicyDocument[];
  tasks: Task[];
  targets: Target[];
  clusters: Cluster[];
  /** Summaries of the district's progress: every entry, or only what `period`'s dashboard needs. */
  progress: ProgressSummary[];
  /** When set, `progress` holds only what the dashboard of this period needs. */
  period?: ReportingPeriod;
  /** The district's own targets // 区级分解目标: what its indicator values are judged against. */
  districtTargets?: DistrictTargets;
}

/** How many periods the history chart shows, by reporting granularity. */
export const HISTORY_LENGTH: Record<PeriodKind, number> = { month: 12, quarter: 8, half: 6, year: 5 };

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  return localDate(new Date());
}

/** The period the 工作台 shows: the chosen one when it is of the office's kind, else the current one. */
export function shownPeriod(kind: PeriodKind, chosenId: string | undefined, today: string): ReportingPeriod {
  const chosen = chosenId ? parsePeriodId(chosenId) : undefined;
  return chosen && chosen.kind === kind ? chosen : currentPeriod(kind, today);
}

/** The periods of `period`'s history chart, oldest first. */
export function historyPeriods(period: ReportingPeriod): ReportingPeriod[] {
  return periodRange(shiftPeriod(period, -(HISTORY_LENGTH[period.kind] - 1)), period);
}

/**
 * What the dashboard of `period` needs from the district's period rows: the range's cells, each
 * task's latest filled cell before the range when it is 已完成 (a done task stays done), and
 * every cell with an indicator value (without its status, unless it is that latest cell).
 */
export function summariesFor(rows: readonly PeriodSummaryRow[], period: ReportingPeriod | undefined): ProgressSummary[] {
  const out: ProgressSummary[] = [];
  if (!period) {
    for (const r of rows) for (const key in r.cells) out.push(summaryOfCell(r.district, r.periodId, key, r.cells[key]!));
    return out;
  }
  const periods = historyPeriods(period);
  const inRange = new Set(periods.map((p) => p.id));
  const rangeStart = periods[0]!.start;
  const before = rows.filter((r) => !inRange.has(r.periodId) && r.start !== '' && r.start < rangeStart).sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const latest = new Map<string, PeriodSummaryRow>();
  for (const r of before) for (const key in r.cells) if (r.cells[key]!.filled === 1 && (latest.get(key)?.start ?? '') < r.start) latest.set(key, r);
  for (const r of rows) {
    const all = inRange.has(r.periodId);
    for (const key in r.cells) {
      const c = r.cells[key]!;
      const isLatest = latest.get(key) === r;
      if (all || (isLatest && c.status === 'done')) out.push(summaryOfCell(r.district, r.periodId, key, c));
      else if (c.values) out.push(summaryOfCell(r.district, r.periodId, key, isLatest ? c : { values: c.values, filled: 0, updatedAt: c.updatedAt }));
    }
  }
  return out;
}

/**
 * Read the dashboard's inputs; null before a district is chosen. With `view`, only what the
 * dashboard of the shown period needs (the chosen period, else the current one); without,
 * the summaries of every period (the report export picks its period itself).
 */
export async function loadDashboardSource(db: LedgerDb, view?: { periodId?: string; today?: string }): Promise<DashboardSource | null> {
  const district = await getDistrict(db);
  if (!district) return null;
  const periodKind = await getPeriodKind(db);
  const period = view ? shownPeriod(periodKind, view.periodId, view.today ?? todayIso()) : undefined;
  const [documents, tasks, targets, clusters, progress, districtTargets] = await Promise.all([
    allDocuments(db),
    allTasks(db),
    allTargets(db),
    clustersRepo.byDistrict(db, district),
    progressSummariesOfDistrict(db, district),
    readDistrictTargets(db, district),
  ]);
  return { district, periodKind, documents, tasks, targets, clusters, progress: summariesFor(progress, period), period, districtTargets };
}

/** The dashboard of `period` (with its history) for the source's district. */
export function dashboardFor(
  source: DashboardSource,
  period: ReportingPeriod,
  today: string,
  filters: { documentId?: string; clusterId?: string } = {},
): DashboardData {
  const periods = historyPeriods(period);
  return buildDashboard({
    district: source.district,
    periods,
    today,
    documents: source.documents,
    tasks: source.tasks,
    progress: source.progress,
    targets: source.targets,
    clusters: source.clusters,
    filters,
    isRelevant: (t) => taskRelevance(t, source.district, source.clusters).relevant,
    ...(source.districtTargets ? { districtTargets: source.districtTargets } : {}),
  });
}
