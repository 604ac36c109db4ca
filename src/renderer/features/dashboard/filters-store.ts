/** The officer's 工作台 choices (document, cluster): UI state only, kept while switching pages. The period is the ledger's (state/ledger.ts). */
import { create } from 'zustand';

interface DashboardFiltersState {
  documentId: string | undefined;
  clusterId: string | undefined;
  set: (patch: Partial<Pick<DashboardFiltersState, 'documentId' | 'clusterId'>>) => void;
}

/** The dashboard filter store. */
export const useDashboardFilters = create<DashboardFiltersState>((set) => ({
  documentId: undefined,
  clusterId: undefined,
  set: (patch) => set(patch),
}));
