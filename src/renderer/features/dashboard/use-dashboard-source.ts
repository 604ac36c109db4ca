/** Live data of the 工作台: the district's rows from the store, refreshed whenever they change. */
import { getDb, useQuery, type QueryState } from '../../storage';
import { loadDashboardSource, type DashboardSource } from './dashboard-data';

export type { DashboardSource } from './dashboard-data';

/**
 * undefined while loading, null before a district is chosen. Holds what the dashboard of the
 * chosen period (or the current one) needs; `source.period` says which period that is.
 */
export function useDashboardSource(chosenPeriodId: string | undefined, today: string): QueryState<DashboardSource | null> {
  return useQuery(() => loadDashboardSource(getDb(), { periodId: chosenPeriodId, today }), [chosenPeriodId, today]);
}
