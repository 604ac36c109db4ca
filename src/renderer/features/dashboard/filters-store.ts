/** The officer's 工作台 choices (period, document, cluster): UI state only, kept while switching pages. */
import { create } from 'zustand';

interface DashboardFiltersState {
  /** Chosen period id; undefined = the current period. */
  periodId: string | undefined;
  documentId: string | undefined;
  clusterId: string | undefined;
  set: (patch: Partial<Pick<DashboardFiltersState, 'periodId' | 'documentId' | 'clusterId'>>) => void;
}

/** The dashboard filter store. */
export const useDashboardFilters = create<DashboardFiltersState>((set) => ({
  periodId: undefined,
  documentId: undefined,
  clusterId: undefined,
  set: (patch) => set(patch),
}));
