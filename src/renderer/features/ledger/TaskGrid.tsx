import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import {
  createRow,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type ColumnSizingState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Progress } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { STATUS_LABELS } from '@core/model';
import { isCityOffice } from '@core/districts';
import { useAppContext } from '../common/app-context';
import { COLUMN_WIDTH_LIMITS, useLedgerColumns, type LedgerColumnId, type LedgerGrouping } from '../../state/ledger';
import type { LedgerRow } from '../common/task-rows';
import { LEDGER_MORE_TEXT, LEDGER_TEXT } from './texts';
import { COLUMN_VALUES, NUMERIC_COLUMNS, columnLabel, columnSortingFn, rowTaskText, sortLedgerRows } from './grid-columns';
import { StatusTag } from './status-tag';

const ROW_HEIGHT = 36;
const NO_ROWS: LedgerRow[] = [];
const GROUP_HEIGHT = 32;

/** Column order of the grid. */
export const COLUMN_ORDER: readonly LedgerColumnId[] = [
  'seq',
  'document',
  'section',
  'title',
  'relevance',
  'leadUnits',
  'responsibleUnits',
  'deadline',
  'status',
  'percent',
  'progress',
  'updatedAt',
];

/** Columns kept while the task detail is open: what identifies a task, its deadline and how far it is. */
const COMPACT_COLUMNS: readonly LedgerColumnId[] = ['seq', 'title', 'deadline', 'status', 'percent'];
/**
 * Columns that take the room a wide window leaves beside the others, in these shares (the texts
 * that are cut first); each keeps at least its own width, and a grid wider than the window scrolls.
 */
const GROWING: Partial<Record<string, number>> = { title: 3, progress: 3, document: 1, relevance: 1 };
/** The flex of a column's header and cells: its width, grown by its share of the room left. */
const columnFlex = (id: string, size: number) => (GROWING[id] ? `${GROWING[id]} 0 ${size}px` : 'none');
/** …and, when the grid has room (≥ COMPACT_ROOMY px), why it concerns the district and who leads it. */
const COMPACT_EXTRA: readonly LedgerColumnId[] = ['relevance', 'leadUnits'];
const COMPACT_ROOMY = 840;
/** Grid width from which the officer's own column choice stays with the detail open. */
const WIDE_GRID = 1200;

const DEFAULT_WIDTH: Record<LedgerColumnId, number> = {
  seq: 66,
  document: 110,
  section: 160,
  title: 232,
  leadUnits: 110,
  responsibleUnits: 120,
  deadline: 90,
  status: 90,
  percent: 80,
  progress: 170,
  updatedAt: 96,
  relevance: 170,
};

function shortTime(iso: string | undefined): string {
  if (!iso || iso.startsWith('1970')) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getMonth() + 1}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

// Headers are the registry's names and values the grid's one rule (grid-columns.ts); built once, never per keystroke.
export function columns(): ColumnDef<LedgerRow>[] {
  // Sorting is the grid's own (sortLedgerRows); the table library keeps the headers, widths and clicks.
  const col = (id: LedgerColumnId, cell: ColumnDef<LedgerRow>['cell']): ColumnDef<LedgerRow> => ({
    id,
    header: columnLabel(id),
    accessorFn: COLUMN_VALUES[id],
    sortingFn: columnSortingFn(id),
    sortDescFirst: NUMERIC_COLUMNS.has(id),
    cell,
  });
  const text = (id: LedgerColumnId) =>
    col(id, (c) => {
      const v = c.getValue<string>();
      return (
        <span style={ellipsis} title={v}>
          {v}
        </span>
      );
    });
  return [
    col('seq', (c) => <span style={{ color: '#888' }}>{c.getValue<number>()}</span>),
    text('document'),
    text('section'),
    col('title', (c) => (
      <span style={{ ...ellipsis, fontWeight: 500 }} title={c.row.original.task.text}>
        {c.row.original.closed ? (
          <span data-testid="closed-mark" style={{ color: '#8c8c8c', border: '1px solid #d9d9d9', borderRadius: 3, fontSize: 11, padding: '0 3px', marginRight: 4 }}>
            {LEDGER_TEXT.close.tag}
          </span>
        ) : null}
        {c.row.original.task.number ? <span style={{ color: '#888', marginRight: 4 }}>{c.row.original.task.number}.</span> : null}
        {c.getValue<string>()}
      </span>
    )),
    text('leadUnits'),
    text('responsibleUnits'),
    col('deadline', (c) => {
      const r = c.row.original;
      return (
        <span style={{ ...ellipsis, color: r.overdue ? '#cf1322' : undefined }} title={r.task.deadlineText}>
          {rowTaskText(r, 'deadline') || '—'}
        </span>
      );
    }),
    col('status', (c) => <StatusTag status={c.row.original.status} doneIn={c.row.original.doneEarlier} />),
    col('percent', (c) =>
      c.row.original.percent === undefined ? (
        <span style={{ color: '#bbb' }}>—</span>
      ) : (
        <Progress percent={c.row.original.percent} size="small" style={{ margin: 0, width: '100%' }} />
      ),
    ),
    text('progress'),
    col('updatedAt', (c) => <span style={{ color: '#888' }}>{shortTime(c.getValue<string>())}</span>),
    text('relevance'),
  ];
}

/** A flat list item of the grid: a group header or a task row. */
type Item = { kind: 'group'; label: string; count: number; filled: number } | { kind: 'row'; row: LedgerRow; group?: string };

function groupLabel(r: LedgerRow, g: LedgerGrouping): string[] {
  switch (g) {
    case 'document':
      return [r.documentTitle];
    case 'section':
      return [r.sectionTitle ? `${r.documentTitle} · ${r.sectionTitle}` : `${r.documentTitle} · ${LEDGER_TEXT.noSection}`];
    case 'status':
      return [r.status ? STATUS_LABELS[r.status] : LEDGER_TEXT.filters.unset];
    case 'cluster':
      return r.clusterNames.length ? r.clusterNames : [LEDGER_TEXT.noCluster];
    default:
      return [''];
  }
}

function toItems(rows: LedgerRow[], g: LedgerGrouping): Item[] {
  if (g === 'none') return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, LedgerRow[]>();
  for (const r of rows)
    for (const l of groupLabel(r, g)) {
      const list = groups.get(l);
      if (list) list.push(r);
      else groups.set(l, [r]);
    }
  const out: Item[] = [];
  for (const [label, list] of groups) {
    out.push({ kind: 'group', label, count: list.length, filled: list.filter((r) => r.filled).length });
    for (const row of list) out.push({ kind: 'row', row, group: label });
  }
  return out;
}

/**
 * The task grid: sortable, resizable, virtualised, driven by the keyboard. Memoised, and each
 * visible row too: a keystroke in the search box re-renders the grid once and only the rows that
 * appear, move or change.
 */
export const TaskGrid = memo(function TaskGrid(props: {
  rows: LedgerRow[];
  /**
   * Every row before filtering. When given, the table is built once from it and then narrowed
   * to `rows`, so a keystroke in the search box does not rebuild 10,000 table rows.
   */
  all?: LedgerRow[];
  grouping: LedgerGrouping;
  activeKey: string | undefined;
  openKey: string | undefined;
  onActivate: (key: string) => void;
  onOpen: (key: string) => void;
  onClose: () => void;
  /** Set to the task keys in the order shown (for 下一项未填报). */
  orderRef?: MutableRefObject<string[]>;
  /** The search and filters shown: when it changes the grid goes back to its top (the first matches). */
  scrollKey?: string;
}) {
  const { rows, all, grouping, activeKey, openKey, onActivate, onOpen, onClose, orderRef, scrollKey } = props;
  const hidden = useLedgerColumns((s) => s.hidden);
  // Every task concerns the city's office: its ledger has no 与本区关系 to show.
  const city = isCityOffice(useAppContext().district);
  const widths = useLedgerColumns((s) => s.widths);
  const sort = useLedgerColumns((s) => s.sort);
  const setWidths = useLedgerColumns((s) => s.setWidths);
  const setSort = useLedgerColumns((s) => s.setSort);

  const cols = useMemo(columns, []);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [gridWidth, setGridWidth] = useState(0);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setGridWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // With the detail open a narrow grid keeps what identifies a task, its deadline, status and percent.
  const compact = Boolean(openKey) && gridWidth < WIDE_GRID;
  const visibility: VisibilityState = useMemo(
    () =>
      Object.fromEntries(
        COLUMN_ORDER.map((c) => [
          c,
          !(city && c === 'relevance') &&
            (compact ? COMPACT_COLUMNS.includes(c) || (gridWidth >= COMPACT_ROOMY && COMPACT_EXTRA.includes(c) && !hidden.includes(c)) : !hidden.includes(c)),
        ]),
      ),
    [hidden, compact, gridWidth, city],
  );
  const sizing: ColumnSizingState = useMemo(() => ({ ...DEFAULT_WIDTH, ...widths }), [widths]);
  // The table holds no rows: it gives the headers, widths, visibility and sort clicks. The grid
  // sorts its rows itself and makes a table row only for a row on screen, so opening the ledger
  // or typing never builds 10,000 of them.
  const table = useReactTable({
    data: NO_ROWS,
    columns: cols,
    state: { sorting: sort as SortingState, columnVisibility: visibility, columnSizing: sizing, columnOrder: [...COLUMN_ORDER] },
    onSortingChange: (u) => setSort((typeof u === 'function' ? u(sort as SortingState) : u) as typeof sort),
    onColumnSizingChange: (u) => setWidths(typeof u === 'function' ? u(sizing) : u),
    columnResizeMode: 'onChange',
    defaultColumn: { minSize: COLUMN_WIDTH_LIMITS.min, maxSize: COLUMN_WIDTH_LIMITS.max },
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
  });
  // One table row per row object (a new object when its task or progress changes).
  const [tableRows] = useState(() => new WeakMap<LedgerRow, Row<LedgerRow>>());
  // The row's index is not used (the grid sorts by itself): 0 for every row.
  const tableRow = (r: LedgerRow) => {
    let got = tableRows.get(r);
    if (!got) tableRows.set(r, (got = createRow(table, r.task.key, r, 0, 0)));
    return got;
  };

  // Sorted once per change of the whole list or the sort, never per keystroke (the search narrows `rows`, not `all`).
  const source = all ?? rows;
  const sorted = useMemo(() => sortLedgerRows(source, sort), [source, sort]);
  const items = useMemo(() => {
    let list = sorted;
    if (all && rows !== all) {
      const keep = new Set(rows);
      list = list.filter((r) => keep.has(r));
    }
    return toItems(list, grouping);
  }, [sorted, grouping, rows, all]);
  useEffect(() => {
    if (orderRef) orderRef.current = items.flatMap((it) => (it.kind === 'row' ? [it.row.task.key] : []));
  }, [items, orderRef]);
  const indexOfKey = useMemo(() => {
    const m = new Map<string, number>();
    items.forEach((it, i) => {
      if (it.kind === 'row' && !m.has(it.row.task.key)) m.set(it.row.task.key, i);
    });
    return m;
  }, [items]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    overscan: 12,
    scrollPaddingStart: ROW_HEIGHT,
  });

  // A new search or filter shows its first matches from the top, before the frame is painted (and
  // the grid does not draw the rows of a scroll position the shorter list no longer has).
  const shownFor = useRef(scrollKey);
  useLayoutEffect(() => {
    if (shownFor.current === scrollKey) return;
    shownFor.current = scrollKey;
    if (scrollRef.current && scrollRef.current.scrollTop > 0) virtualizer.scrollToOffset(0);
  }, [scrollKey, virtualizer]);

  // Keep the active row in view when it changes (keyboard or a search that moves it).
  useEffect(() => {
    const i = activeKey ? indexOfKey.get(activeKey) : undefined;
    if (i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [activeKey, indexOfKey, virtualizer]);

  const move = (delta: number) => {
    if (items.length === 0) return;
    let i = activeKey ? (indexOfKey.get(activeKey) ?? -1) : -1;
    for (let step = 0; step < items.length; step++) {
      i = Math.min(items.length - 1, Math.max(0, i + delta));
      const it = items[i];
      if (it?.kind === 'row') {
        onActivate(it.row.task.key);
        if (openKey) onOpen(it.row.task.key);
        return;
      }
      if (i === 0 || i === items.length - 1) delta = -delta;
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowDown') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (e.key === 'PageDown') move(10);
    else if (e.key === 'PageUp') move(-10);
    else if (e.key === 'Enter' && activeKey) onOpen(activeKey);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
  };

  const headers = table.getHeaderGroups()[0]!.headers;
  const total = table.getTotalSize();

  return (
    <div
      ref={scrollRef}
      tabIndex={0}
      role="grid"
      aria-label={LEDGER_MORE_TEXT.gridLabel}
      aria-rowcount={rows.length}
      data-testid="task-grid"
      onKeyDown={onKeyDown}
      className="ledger-grid"
      style={{ flex: 1, minHeight: 0, overflow: 'auto', border: '1px solid #e5e7eb', borderRadius: 4, background: '#fff', outline: 'none' }}
    >
      <div style={{ width: total, minWidth: '100%' }}>
        <div role="row" style={{ display: 'flex', position: 'sticky', top: 0, zIndex: 2, background: '#fafafa', borderBottom: '1px solid #e5e7eb', height: ROW_HEIGHT }}>
          {headers.map((h) => {
            const sorted = h.column.getIsSorted();
            return (
              <div
                key={h.id}
                role="columnheader"
                style={{ width: h.getSize(), flex: columnFlex(h.column.id, h.getSize()), position: 'relative', display: 'flex', alignItems: 'center', padding: '0 8px', fontWeight: 600, cursor: 'pointer', userSelect: 'none', borderRight: '1px solid #f0f0f0' }}
                onClick={h.column.getToggleSortingHandler()}
                title={LEDGER_MORE_TEXT.sortHint}
              >
                <span style={ellipsis}>{flexRender(h.column.columnDef.header, h.getContext())}</span>
                {sorted === 'asc' ? <CaretUpOutlined style={{ marginLeft: 4, color: '#1677ff' }} /> : null}
                {sorted === 'desc' ? <CaretDownOutlined style={{ marginLeft: 4, color: '#1677ff' }} /> : null}
                <div
                  onMouseDown={h.getResizeHandler()}
                  onClick={(e) => e.stopPropagation()}
                  title={LEDGER_MORE_TEXT.resizeHint}
                  style={{ position: 'absolute', right: 0, top: 0, bottom: 0, width: 6, cursor: 'col-resize', background: h.column.getIsResizing() ? '#1677ff' : 'transparent' }}
                />
              </div>
            );
          })}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const it = items[v.index]!;
            if (it.kind === 'group')
              return (
                <div
                  key={`g-${it.label}`}
                  style={{ position: 'absolute', top: v.start, height: GROUP_HEIGHT, left: 0, right: 0, display: 'flex', alignItems: 'center', padding: '0 12px', background: '#f0f5ff', fontWeight: 600, borderBottom: '1px solid #e5e7eb' }}
                >
                  {it.label}
                  <span style={{ color: '#888', fontWeight: 400, marginLeft: 8 }}>
                    {LEDGER_MORE_TEXT.groupCounts(it.count, it.filled)}
                  </span>
                </div>
              );
            const key = it.row.task.key;
            return (
              <GridRow
                // Stable across keystrokes (a row that stays is updated, not remounted); a task listed
                // under two groups is two rows.
                key={`${it.group ?? ''}|${key}`}
                row={tableRow(it.row)}
                data={it.row}
                top={v.start}
                active={key === activeKey}
                open={key === openKey}
                visibility={visibility}
                sizing={sizing}
                onActivate={onActivate}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});

/**
 * One task row. Re-renders only when its task's data, its place, its highlight or the columns
 * change; its cells only when the data or the columns change (a row that just moves re-renders
 * its outer box alone).
 */
const GridRow = memo(function GridRow({ row, data, top, active, open, visibility, sizing, onActivate, onOpen }: {
  row: Row<LedgerRow>;
  /** The row's data (a new object when the task or its progress changes). */
  data: LedgerRow;
  top: number;
  active: boolean;
  open: boolean;
  visibility: VisibilityState;
  sizing: ColumnSizingState;
  onActivate: (key: string) => void;
  onOpen: (key: string) => void;
}) {
  const key = data.task.key;
  return (
    <div
      role="row"
      aria-selected={active}
      data-task-key={key}
      onClick={() => {
        onActivate(key);
        onOpen(key);
      }}
      style={{
        position: 'absolute',
        top,
        height: ROW_HEIGHT,
        left: 0,
        right: 0,
        display: 'flex',
        alignItems: 'center',
        cursor: 'pointer',
        borderBottom: '1px solid #f0f0f0',
        background: open ? '#e6f4ff' : active ? '#f5f9ff' : undefined,
        boxShadow: active ? 'inset 3px 0 0 #1677ff' : undefined,
      }}
    >
      <RowCells row={row} data={data} visibility={visibility} sizing={sizing} />
    </div>
  );
});

/** The cells of a row; `data`, `visibility` and `sizing` are there so memo sees what they depend on. */
const RowCells = memo(function RowCells({ row }: { row: Row<LedgerRow>; data: LedgerRow; visibility: VisibilityState; sizing: ColumnSizingState }) {
  return (
    <>
      {row.getVisibleCells().map((c) => (
        <div key={c.id} role="gridcell" style={{ width: c.column.getSize(), flex: columnFlex(c.column.id, c.column.getSize()), padding: '0 8px', display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' }}>
          {flexRender(c.column.columnDef.cell, c.getContext())}
        </div>
      ))}
    </>
  );
});
