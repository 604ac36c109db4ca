/** Live data of the 工作台: the district's rows from the store, refreshed whenever they change. */
import type { Cluster, PeriodKind, PolicyDocument, ProgressEntry, Target, Task } from '@core/model';
import { getDb, useLiveQuery } from '../../storage/live';
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

/** undefined while loading, null before a district is chosen. */
export function useDashboardSource(): DashboardSource | null | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
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
  }, []);
}
