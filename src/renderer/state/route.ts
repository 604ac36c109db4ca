/**
 * Which page is open. UI state only: kept in the URL hash so a reload returns to the
 * same page (#/ledger, #/clusters …).
 */
import { create } from 'zustand';

export type PageId =
  | 'dashboard'
  | 'ledger'
  | 'clusters'
  | 'indicators'
  | 'reports'
  | 'import'
  | 'rounds'
  | 'documents'
  | 'backup'
  | 'settings';

export const PAGE_IDS: readonly PageId[] = ['dashboard', 'ledger', 'clusters', 'indicators', 'reports', 'import', 'rounds', 'documents', 'backup', 'settings'];

function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] as PageId;
  return PAGE_IDS.includes(id) ? id : 'dashboard';
}

interface RouteState {
  page: PageId;
  /** A task to open on arrival (e.g. from the dashboard), or undefined. */
  taskKey: string | undefined;
  go: (page: PageId, taskKey?: string) => void;
}

export const useRoute = create<RouteState>((set) => ({
  page: typeof window === 'undefined' ? 'dashboard' : pageFromHash(window.location.hash),
  taskKey: undefined,
  go: (page, taskKey) => {
    if (typeof window !== 'undefined') window.location.hash = `#/${page}`;
    set({ page, taskKey });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    const page = pageFromHash(window.location.hash);
    if (useRoute.getState().page !== page) useRoute.setState({ page });
  });
}
