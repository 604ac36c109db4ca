/**
 * The grid's columns and the field of the registry (core/fields.ts) each one shows: a task
 * column's header and its cell text come from the registry, so the grid names and reads a field
 * exactly as the CSV, the reports, the import preview and the audit trail do.
 */
import { fieldName, progressFieldValue, taskFieldText, type TaskFieldId } from '@core/fields';
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
