/**
 * The plan as plain JSON, each task named by the list's number and the ledger's key: what
 * `npm run plan-import` prints for support, and what the fixture tests compare.
 */
import { taskFieldText, type TaskFieldId } from '../fields';
import { taskCode, type Task } from '../model';
import type { ImportPlan } from './types';

/** A field of a task as the officer reads it: the registry's accessor (core/fields.ts). */
export { taskFieldText };

type FieldChanges = Partial<Record<TaskFieldId, { before: string; after: string }>>;

const fieldChanges = (before: Task, after: Task, fields: readonly TaskFieldId[]): FieldChanges =>
  Object.fromEntries(fields.map((f) => [f, { before: taskFieldText(before, f), after: taskFieldText(after, f) }]));

/** The plan as JSON-ready data (see `npm run plan-import`). */
export function summarisePlan(plan: ImportPlan) {
  const numberOf = new Map<string, string>();
  for (const u of [...plan.updated, ...plan.filled]) numberOf.set(u.before.key, u.after.number);
  for (const u of plan.unchanged) numberOf.set(u.task.key, u.task.number);
  for (const a of plan.added) numberOf.set(a.task.key, a.task.number);
  for (const r of plan.removed) numberOf.set(r.before.key, r.before.number);
  return {
    file: plan.fileName,
    sheet: plan.sheet,
    district: plan.district ?? null,
    added: plan.added.map((a) => ({
      row: a.row,
      number: a.task.number,
      key: a.task.key,
      shownAs: taskCode(a.task),
      document: a.task.documentId,
      title: a.task.title,
      leadUnits: a.task.leadUnits,
      responsibleUnits: a.task.responsibleUnits,
      deadline: taskFieldText(a.task, 'deadline'),
    })),
    updated: plan.updated.map((u) => ({
      row: u.row,
      number: u.after.number,
      key: u.before.key,
      restored: u.restored,
      fields: fieldChanges(u.before, u.after, u.changedFields),
    })),
    filled: plan.filled.map((f) => ({ row: f.row, number: f.after.number, key: f.before.key, fields: fieldChanges(f.before, f.after, f.filledFields) })),
    renamed: plan.renamed.map((r) => ({ from: r.from, to: r.to, rows: r.rows, keys: r.keys })),
    removed: plan.removed.map((r) => ({ number: r.before.number, key: r.before.key, title: r.before.title, ...(r.row !== undefined ? { row: r.row, mark: r.mark ?? '' } : {}) })),
    unchanged: plan.unchanged.map((u) => ({ row: u.row, number: u.task.number, key: u.task.key })),
    relevanceChanged: plan.relevanceChanged.map((r) => ({
      row: r.row ?? null,
      number: numberOf.get(r.key) ?? '',
      key: r.key,
      change: r.change,
      cause: r.cause,
      fields: r.fields,
      before: r.before,
      after: r.after,
    })),
    ambiguous: plan.ambiguous.map((a) => ({
      row: a.row,
      number: a.fields.number ?? '',
      title: a.fields.title ?? '',
      candidates: a.candidates.map((c) => ({ key: c.task.key, number: c.task.number, confidence: Math.round(c.confidence * 100) / 100 })),
    })),
    issues: plan.issues.map((i) => ({ row: i.row ?? null, column: i.column ?? null, severity: i.severity, message: i.message })),
  };
}
