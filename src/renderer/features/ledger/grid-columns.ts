/**
 * The grid's columns and the field of the registry (core/fields.ts) each one shows: a task
 * column's header and its cell text come from the registry, so the grid names and reads a field
 * exactly as the CSV, the reports, the import preview and the audit trail do.
 */
import { fieldName, progressFieldValue, taskFieldText, type TaskFieldId } from '@core/fields';
import { sortingFns, type Row } from '@tanstack/react-table';
import { TASK_STATUSES } from '@core/model';
import type { LedgerColumnId } from '../../state/ledger';
import type { LedgerRow } from '../common/task-rows';
import { LEDGER_TEXT } from './texts';

/** The registry field behind each grid column; the rest (更新时间, 与本区关系) belong to the grid alone. */
export const COLUMN_FIELDS = {
  seq: 'seq',
  document: 'document',
  section: 'section',
  title: 'title',
  leadUnits: 'leadUnits',
  responsibleUnits: 'responsibleUnits',
  deadline: 'deadline',
  status: 'status',
  percent: 'percent',
  progress: 'progress',
} as const satisfies Partial<Record<LedgerColumnId, TaskFieldId>>;

type FieldColumn = keyof typeof COLUMN_FIELDS;

function isFieldColumn(id: LedgerColumnId): id is FieldColumn {
  return id in COLUMN_FIELDS;
}

/** The header of a grid column: the field's one name, or the grid's own word. */
export function columnLabel(id: LedgerColumnId): string {
  return isFieldColumn(id) ? fieldName(COLUMN_FIELDS[id]) : LEDGER_TEXT.columns[id];
}

/** A task-owned field of a row as the registry reads it (the document by the row's short title). */
export function rowTaskText(r: LedgerRow, f: 'document' | 'title' | 'leadUnits' | 'responsibleUnits' | 'deadline'): string {
  return taskFieldText(r.task, f, () => r.documentTitle);
}

/** A progress-owned text field of a row as the registry reads it. */
export function rowProgressText(r: LedgerRow, f: 'progress' | 'problems' | 'nextSteps'): string {
  return String(progressFieldValue(r.progress, f) ?? '');
}

/** A column's value for sorting (and the text its plain cells show). */
type SortValue = string | number;

const statusRank = (r: LedgerRow) => (r.status ? TASK_STATUSES.indexOf(r.status) : -1);

/**
 * Each column's value, the one rule the grid both shows (plain text cells) and sorts by.
 * Numbers sort as numbers, largest first on the first click; text sorts naturally (第2条 before
 * 第10条), A→Z first.
 */
export const COLUMN_VALUES: Record<LedgerColumnId, (r: LedgerRow) => SortValue> = {
  seq: (r) => r.seq,
  document: (r) => rowTaskText(r, 'document'),
  section: (r) => r.sectionTitle,
  title: (r) => rowTaskText(r, 'title'),
  leadUnits: (r) => rowTaskText(r, 'leadUnits'),
  responsibleUnits: (r) => rowTaskText(r, 'responsibleUnits'),
  deadline: (r) => r.task.deadline ?? '9999',
  status: statusRank,
  percent: (r) => r.percent ?? -1,
  progress: (r) => rowProgressText(r, 'progress'),
  updatedAt: (r) => (r.filled ? (r.progress?.updatedAt ?? '') : ''),
  // Core lists the most specific reason first: a district named, then its cluster, then a corridor, then 各区.
  relevance: (r) => r.reasons.join('；'),
};

/** The columns whose values are numbers (sorted as numbers, descending first). */
export const NUMERIC_COLUMNS: ReadonlySet<LedgerColumnId> = new Set(['seq', 'status', 'percent']);

/** The sorting function of a column (the table library's own, so a click sorts as it always did). */
export function columnSortingFn(id: LedgerColumnId): 'basic' | 'alphanumeric' {
  return NUMERIC_COLUMNS.has(id) ? 'basic' : 'alphanumeric';
}

/**
 * The rows in the grid's sort order: by each sorted column in turn, ties kept in the given order.
 * No sort: the same array, not a copy. Only the sorted columns' values are read, once per row,
 * so the grid never builds a table row for each of 10,000 tasks to sort them.
 */
export function sortLedgerRows(rows: LedgerRow[], sorting: readonly { id: LedgerColumnId; desc: boolean }[]): LedgerRow[] {
  const keys = sorting.filter((s) => s.id in COLUMN_VALUES);
  if (keys.length === 0 || rows.length < 2) return rows;
  const fns = keys.map((s) => sortingFns[columnSortingFn(s.id)]);
  // One small stand-in per row and sorted column, with what the library's sorting functions read.
  const entries = rows.map((row, index) => ({
    row,
    index,
    cells: keys.map((s) => {
      const v = COLUMN_VALUES[s.id](row);
      return { getValue: () => v } as unknown as Row<LedgerRow>;
    }),
  }));
  entries.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const c = fns[i]!(a.cells[i]!, b.cells[i]!, keys[i]!.id);
      if (c !== 0) return keys[i]!.desc ? -c : c;
    }
    return a.index - b.index;
  });
  return entries.map((e) => e.row);
}

/**
 * The rows as the grid lists them: in the order of `keys` (the grid's task keys, sorted and
 * grouped; a task under several groups counts at its first place), each row once. A row the grid
 * has not listed yet (its order not yet updated) follows, in the given order; a key of a row not
 * given is skipped. No keys: the rows as given.
 */
export function inGridOrder<R extends { task: { key: string } }>(rows: readonly R[], keys: readonly string[]): R[] {
  if (keys.length === 0) return [...rows];
  const byKey = new Map(rows.map((r) => [r.task.key, r]));
  const out: R[] = [];
  for (const k of keys) {
    const r = byKey.get(k);
    if (!r) continue;
    out.push(r);
    byKey.delete(k);
  }
  for (const r of rows) if (byKey.get(r.task.key) === r) out.push(r);
  return out;
}
