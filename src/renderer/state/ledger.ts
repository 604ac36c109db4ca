/**
 * UI state of the task ledger: filters, search, sort, grouping, the open task, the chosen
 * period and the grid's columns. Never a copy of the database.
 *
 * Columns (visibility, widths, sort) are remembered across restarts in localStorage;
 * the open task, filters and chosen period survive a reload (sessionStorage) but a new
 * session starts on the current period.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { TaskStatus } from '@core/model';

/** Grid column ids. Persisted in localStorage: do not rename. */
export const LEDGER_COLUMN_IDS = ['seq', 'document', 'title', 'leadUnits', 'responsibleUnits', 'deadline', 'status', 'percent', 'progress', 'updatedAt', 'section', 'relevance'] as const;
/** A grid column id. */
export type LedgerColumnId = (typeof LEDGER_COLUMN_IDS)[number];

/** How the grid groups its rows. */
export type LedgerGrouping = 'none' | 'document' | 'section' | 'status' | 'cluster';

/** Filters of the grid; empty means no filter. */
export interface LedgerFilters {
  documentIds: string[];
  sectionIds: string[];
  /** Status codes, plus `unset` for no status filled in this period. */
  statuses: (TaskStatus | 'unset')[];
  leadUnits: string[];
  relevantOnly: boolean;
  overdueOnly: boolean;
  /** 本期未填报: no progress text saved for the chosen period. */
  unfilledOnly: boolean;
  /** 显示已销号: also list tasks closed by the period's end (hidden otherwise). */
  showClosed: boolean;
}

/** No filter at all. */
export const NO_FILTERS: LedgerFilters = {
  documentIds: [],
  sectionIds: [],
  statuses: [],
  leadUnits: [],
  relevantOnly: false,
  overdueOnly: false,
  unfilledOnly: false,
  showClosed: false,
};

interface ViewState {
  search: string;
  filters: LedgerFilters;
  grouping: LedgerGrouping;
  /** The task open in the detail pane. */
  selectedTaskKey: string | undefined;
  /** The chosen reporting period id; undefined = the current period by date. */
  periodId: string | undefined;
  setSearch: (s: string) => void;
  setFilters: (patch: Partial<LedgerFilters>) => void;
  clearFilters: () => void;
  setGrouping: (g: LedgerGrouping) => void;
  select: (key: string | undefined) => void;
  setPeriodId: (id: string | undefined) => void;
}

/** Search, filters, grouping, open task and chosen period (survive a reload). */
export const useLedgerView = create<ViewState>()(
  persist(
    (set) => ({
      search: '',
      filters: NO_FILTERS,
      grouping: 'none',
      selectedTaskKey: undefined,
      periodId: undefined,
      setSearch: (search) => set({ search }),
      setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
      clearFilters: () => set({ filters: NO_FILTERS, search: '' }),
      setGrouping: (grouping) => set({ grouping }),
      select: (selectedTaskKey) => set({ selectedTaskKey }),
      setPeriodId: (periodId) => set({ periodId }),
    }),
    {
      name: 'ledger-view',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ search, filters, grouping, selectedTaskKey, periodId }) => ({ search, filters, grouping, selectedTaskKey, periodId }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<ViewState>;
        return { ...current, ...p, filters: { ...NO_FILTERS, ...(p.filters ?? {}) } };
      },
    },
  ),
);

/** Columns hidden by default (the officer can show them). 与本区关系 is shown: it says why a task is listed. */
export const DEFAULT_HIDDEN: readonly LedgerColumnId[] = ['section'];

interface ColumnsState {
  hidden: LedgerColumnId[];
  widths: Partial<Record<LedgerColumnId, number>>;
  sort: { id: LedgerColumnId; desc: boolean }[];
  setHidden: (hidden: LedgerColumnId[]) => void;
  setWidths: (widths: Partial<Record<LedgerColumnId, number>>) => void;
  setSort: (sort: { id: LedgerColumnId; desc: boolean }[]) => void;
  resetColumns: () => void;
}

/** A column's width limits in px (the grid's resizing and what is remembered). */
export const COLUMN_WIDTH_LIMITS = { min: 48, max: 800 } as const;

type SavedColumns = Pick<ColumnsState, 'hidden' | 'widths' | 'sort'>;
const isColumn = (v: unknown): v is LedgerColumnId => (LEDGER_COLUMN_IDS as readonly unknown[]).includes(v);

/**
 * What was remembered of the columns, keeping only what is well formed (a hand-edited or
 * damaged entry, or one from another version, must not break the ledger): known columns, widths
 * within the grid's limits, sorts of a known column and a direction. The rest is the default.
 */
export function cleanSavedColumns(saved: unknown): Partial<SavedColumns> {
  if (!saved || typeof saved !== 'object') return {};
  const s = saved as Record<string, unknown>;
  const out: Partial<SavedColumns> = {};
  if (Array.isArray(s.hidden)) out.hidden = s.hidden.filter(isColumn);
  if (s.widths && typeof s.widths === 'object' && !Array.isArray(s.widths))
    out.widths = Object.fromEntries(
      Object.entries(s.widths as Record<string, unknown>).filter(([k, w]) => isColumn(k) && typeof w === 'number' && Number.isFinite(w) && w >= COLUMN_WIDTH_LIMITS.min && w <= COLUMN_WIDTH_LIMITS.max),
    );
  if (Array.isArray(s.sort))
    out.sort = s.sort.flatMap((x: unknown) => {
      const e = x as { id?: unknown; desc?: unknown } | null;
      return e && isColumn(e.id) && typeof e.desc === 'boolean' ? [{ id: e.id, desc: e.desc }] : [];
    });
  return out;
}

/** Which columns are shown, their widths and the sort (remembered across restarts). */
export const useLedgerColumns = create<ColumnsState>()(
  persist(
    (set) => ({
      hidden: [...DEFAULT_HIDDEN],
      widths: {},
      sort: [],
      setHidden: (hidden) => set({ hidden }),
      setWidths: (widths) => set({ widths }),
      setSort: (sort) => set({ sort }),
      resetColumns: () => set({ hidden: [...DEFAULT_HIDDEN], widths: {}, sort: [] }),
    }),
    {
      name: 'ledger-columns',
      version: 2,
      storage: createJSONStorage(() => localStorage),
      // Version 1 hid 与本区关系 by default: show it once; the officer may hide it again.
      migrate: (persisted, version) => {
        const p = (persisted ?? {}) as Partial<ColumnsState>;
        if (version < 2 && Array.isArray(p.hidden)) return { ...p, hidden: p.hidden.filter((h) => h !== 'relevance') } as ColumnsState;
        return p as ColumnsState;
      },
      partialize: ({ hidden, widths, sort }) => ({ hidden, widths, sort }),
      merge: (saved, current) => ({ ...current, ...cleanSavedColumns(saved) }),
    },
  ),
);
