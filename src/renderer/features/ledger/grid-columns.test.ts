import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTable, getCoreRowModel, getSortedRowModel, type ColumnDef, type SortingState } from '@tanstack/table-core';
import type { DefaultData } from '@core/policy/seed-data';
import { TASK_STATUSES, type ProgressEntry } from '@core/model';
import { emptyProgress } from '../../storage/repositories';
import type { LedgerColumnId } from '../../state/ledger';
import { buildRows, type LedgerRow } from '../common/task-rows';
import { COLUMN_VALUES, inGridOrder, sortLedgerRows } from './grid-columns';
import { COLUMN_ORDER, columns as gridColumns } from './TaskGrid';

// The five seed documents as parsed on first start, with 汉阳区's progress on some of them.
const data = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../seeds/default-data.json'), 'utf8')) as DefaultData;
const progress: ProgressEntry[] = data.tasks
  .filter((_, i) => i % 3 !== 0)
  .map((t, i) => ({
    ...emptyProgress('汉阳区', t.key, '2026-Q3'),
    status: TASK_STATUSES[i % TASK_STATUSES.length],
    percent: i % 4 === 0 ? undefined : (i * 37) % 101,
    progress: i % 5 === 0 ? '' : `第${(i * 7) % 23}项工作已推进，完成${i % 11}个`,
    updatedAt: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00.000Z`,
  }));
const rows: LedgerRow[] = buildRows({
  tasks: data.tasks,
  documents: data.documents,
  sections: data.sections,
  clusters: data.clusters.filter((c) => c.district === '汉阳区'),
  progress,
  district: '汉阳区',
  periodEnd: '2026-09-30',
});

/** What the grid did before: the table library's own sorted row model, its sorting functions chosen from the data. */
function librarySorted(sorting: SortingState): string[] {
  const columns: ColumnDef<LedgerRow>[] = COLUMN_ORDER.map((id) => ({ id, accessorFn: COLUMN_VALUES[id] }));
  const table = createTable<LedgerRow>({
    data: rows,
    columns,
    state: { sorting, columnPinning: {}, columnVisibility: {}, columnOrder: [] },
    onStateChange: () => undefined,
    renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  return table.getRowModel().rows.map((r) => r.original.task.key);
}

const keys = (list: LedgerRow[]) => list.map((r) => r.task.key);

describe('the grid sorts its rows itself, as the table library did', () => {
  it('has real variety to sort: tasks of five documents, filled and not', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.documentTitle)).size).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.filled) && rows.some((r) => !r.filled)).toBe(true);
  });

  it.each(COLUMN_ORDER)('column %s, both ways, in the same order as the library', (id: LedgerColumnId) => {
    for (const desc of [false, true]) {
      const mine = keys(sortLedgerRows(rows, [{ id, desc }]));
      expect(mine).toEqual(librarySorted([{ id, desc }]));
      // A real reordering, not the input handed back (seq ascending is the input's own order).
      if (!(id === 'seq' && !desc)) expect(mine).not.toEqual(keys(rows));
    }
  });

  it('sorts by a second column within ties of the first, ties kept in the list order', () => {
    for (const sorting of [
      [{ id: 'status', desc: false }, { id: 'deadline', desc: true }],
      [{ id: 'document', desc: true }, { id: 'percent', desc: false }],
      [{ id: 'leadUnits', desc: false }],
    ] as { id: LedgerColumnId; desc: boolean }[][])
      expect(keys(sortLedgerRows(rows, sorting))).toEqual(librarySorted(sorting));
  });

  it('a first click on a header sorts as before: numbers largest first, text A→Z', () => {
    // Before, the library chose from the first row's value; the grid's table now holds no rows and says it per column.
    const state = { sorting: [], columnPinning: {}, columnVisibility: {}, columnOrder: [] };
    const base = { state, onStateChange: () => undefined, renderFallbackValue: null, getCoreRowModel: getCoreRowModel() };
    const before = createTable<LedgerRow>({ ...base, data: rows, columns: COLUMN_ORDER.map((id) => ({ id, accessorFn: COLUMN_VALUES[id] })) });
    const now = createTable<LedgerRow>({ ...base, data: [], columns: gridColumns() });
    for (const id of COLUMN_ORDER) expect(now.getColumn(id)!.getFirstSortDir(), id).toBe(before.getColumn(id)!.getFirstSortDir());
    expect(now.getColumn('percent')!.getFirstSortDir()).toBe('desc');
    expect(now.getColumn('title')!.getFirstSortDir()).toBe('asc');
  });

  it('hands back the same array when nothing is sorted, and ignores a column it does not know', () => {
    expect(sortLedgerRows(rows, [])).toBe(rows);
    expect(sortLedgerRows(rows, [{ id: 'gone' as LedgerColumnId, desc: true }])).toBe(rows);
  });

  it('lists rows as the grid shows them for the CSV: sorted, each task once under grouping, unlisted rows last', () => {
    const shown = rows.slice(0, 40);
    const sorted = sortLedgerRows(shown, [{ id: 'title', desc: true }]);
    expect(keys(sorted)).not.toEqual(keys(shown)); // the sort moves rows, or the test proves nothing
    expect(keys(inGridOrder(shown, keys(sorted)))).toEqual(keys(sorted));
    // Grouped by unit, a task with two units is listed twice: it counts at its first place.
    const grouped = [...keys(sorted).slice(0, 10), ...keys(sorted).slice(0, 5), ...keys(sorted).slice(10)];
    expect(keys(inGridOrder(shown, grouped))).toEqual(keys(sorted));
    // The grid's order not yet updated: a key of a row since filtered out is skipped, a new row follows.
    const stale = ['gone-task', ...keys(sorted).slice(1)];
    expect(keys(inGridOrder(shown, stale))).toEqual([...keys(sorted).slice(1), sorted[0]!.task.key]);
    expect(keys(inGridOrder(shown, []))).toEqual(keys(shown));
  });
});
