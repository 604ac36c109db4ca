/**
 * Loading and building the dashboard outside React: the page's live query and the report
 * export (charts in the 汇总 sheet) share this, so both show the same numbers.
 */
import { buildDashboard, type DashboardData } from '@core/dashboard';
import { taskRelevance } from '@core/policy/relevance';
import { periodRange, shiftPeriod } from '@core/period';
import type { Cluster, PeriodKind, PolicyDocument, ProgressEntry, ReportingPeriod, Target, Task } from '@core/model';
import type { LedgerDb } from '../../storage/db';
import { clustersRepo, getDistrict, getPeriodKind } from '../../storage/repositories';

/** Everything buildDashboard needs from the store, for the officer's district. */
export interface DashboardSource {
  district: string;
  periodKind: PeriodKind;
  documents: PolicyDocument[];
  tasks: Task[];
  targets: Target[];
  clusters: Cluster[];
  progress: ProgressEntry[];
}

/** How many periods the history chart shows, by reporting granularity. */
export const HISTORY_LENGTH: Record<PeriodKind, number> = { month: 12, quarter: 8, half: 6, year: 5 };

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Read the dashboard's inputs; null before a district is chosen. */
export async function loadDashboardSource(db: LedgerDb): Promise<DashboardSource | null> {
  const district = await getDistrict(db);
  if (!district) return null;
  const [periodKind, documents, tasks, targets, clusters, progress] = await Promise.all([
    getPeriodKind(db),
    db.documents.toArray(),
    db.tasks.toArray(),
    db.targets.toArray(),
    clustersRepo.byDistrict(db, district),
    db.progress.where('[district+periodId]').between([district, ''], [district, '\uffff']).toArray(),
  ]);
  return { district, periodKind, documents, tasks, targets, clusters, progress };
}

/** The dashboard of `period` (with its history) for the source's district. */
export function dashboardFor(
  source: DashboardSource,
  period: ReportingPeriod,
  today: string,
  filters: { documentId?: string; clusterId?: string } = {},
): DashboardData {
  const periods = periodRange(shiftPeriod(period, -(HISTORY_LENGTH[period.kind] - 1)), period);
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
  });
}
