/** Live data of the 工作台: the district's rows from the store, refreshed whenever they change. */
import { getDb, useLiveQuery } from '../../storage/live';
import { loadDashboardSource, type DashboardSource } from './dashboard-data';

export type { DashboardSource } from './dashboard-data';

/** undefined while loading, null before a district is chosen. */
export function useDashboardSource(): DashboardSource | null | undefined {
  return useLiveQuery(() => loadDashboardSource(getDb()), []);
}
