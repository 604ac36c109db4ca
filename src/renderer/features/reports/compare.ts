/**
 * 本期与上期对比: what changed in a period's progress since it was last submitted, comparing
 * the rows stored with the submission (report rows keyed by 任务编号) with the current data.
 */
import type { ProgressEntry, Submission, Task } from '@core/model';
import { STATUS_LABELS, statusFromLabel } from '@core/model';
import { taskField, taskFieldText } from '@core/fields';

/** The progress fields a submission carries, in report order. */
export const COMPARED_FIELDS = ['status', 'percent', 'progress', 'problems', 'nextSteps'] as const;
/** The task's own fields the sealed table prints: a 修改任务信息 after 报送 changes the file as much as progress does. */
export const COMPARED_TASK_FIELDS = ['title', 'leadUnits', 'responsibleUnits', 'deadline'] as const;
/** A compared field; `task` is the task itself being in the period's list or not. */
export type ComparedField = (typeof COMPARED_FIELDS)[number] | (typeof COMPARED_TASK_FIELDS)[number] | 'task';

/**
 * One task whose submitted and current state differ: its progress (`changed`, `added`,
 * `removed`), or its place in the period's list since the submission (an import that dropped a
 * task from the list: `unlisted`; one that added a task: `listed`).
 */
export interface SubmissionChange {
  taskKey: string;
  title: string;
  kind: 'changed' | 'added' | 'removed' | 'unlisted' | 'listed';
  fields: { field: ComparedField; submitted: string; current: string }[];
}

function text(field: ComparedField, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (field === 'status') {
    const code = statusFromLabel(String(v));
    return code ? STATUS_LABELS[code] : String(v).trim();
  }
  if (field === 'percent') return String(v).replace(/%$/, '').trim();
  return String(v).trim();
}

function rowKey(row: Record<string, unknown>): string | undefined {
  // taskKey first: rows of tasks added by an import print the list's number as key (任务编号).
  const k = row.taskKey ?? row.key ?? row[taskField('key').header];
  return typeof k === 'string' && k ? k : undefined;
}

/** Whether a submission carries task rows (a tasks or all-in-one report), i.e. can be compared with progress. */
export function hasTaskRows(submission: Pick<Submission, 'rows'>): boolean {
  return submission.rows.some((r) => !!r && typeof r === 'object' && rowKey(r as Record<string, unknown>) !== undefined);
}

/** The latest submission with task rows, from submissions sorted oldest first. */
export function latestTaskSubmission<S extends Pick<Submission, 'rows'>>(submissions: S[]): S | undefined {
  return [...submissions].reverse().find(hasTaskRows);
}

/**
 * Differences between a submission's rows and the current entries of its period; with `listed`
 * (the tasks the period's report lists now, by key and title), also the tasks the list gained or
 * lost since (an import of the city's new list), which change the report as much as progress does.
 */
export function compareWithSubmission(
  submission: Pick<Submission, 'rows'>,
  current: ProgressEntry[],
  listed?: ReadonlyMap<string, string>,
  /** The tasks as they are now: their printed fields (as the report reads them, taskFieldText) are compared too. */
  tasks?: ReadonlyMap<string, Task>,
): SubmissionChange[] {
  const rows = submission.rows.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object');
  const byKey = new Map(current.map((e) => [e.taskKey, e]));
  const seen = new Set<string>();
  const changes: SubmissionChange[] = [];
  for (const row of rows) {
    const key = rowKey(row);
    if (!key) continue;
    seen.add(key);
    const now = byKey.get(key);
    const title = String(row.title ?? '');
    if (listed && !listed.has(key)) {
      changes.push({ taskKey: key, title, kind: 'unlisted', fields: [{ field: 'task', submitted: title, current: '' }] });
      continue;
    }
    const task = tasks?.get(key);
    const taskFields = task
      ? COMPARED_TASK_FIELDS.filter((f) => f in row)
          .map((f) => ({ field: f as ComparedField, submitted: text(f, row[f]), current: text(f, taskFieldText(task, f)) }))
          .filter((d) => d.submitted !== d.current)
      : [];
    const fields = [
      ...taskFields,
      ...COMPARED_FIELDS.filter((f) => f in row || (now && now[f] !== undefined))
        .map((f) => ({ field: f as ComparedField, submitted: text(f, row[f]), current: text(f, now?.[f]) }))
        .filter((d) => d.submitted !== d.current),
    ];
    if (fields.length > 0) changes.push({ taskKey: key, title, kind: now || taskFields.length > 0 ? 'changed' : 'removed', fields });
  }
  for (const e of current) {
    if (seen.has(e.taskKey) || (listed && !listed.has(e.taskKey))) continue;
    const fields = COMPARED_FIELDS.map((f) => ({ field: f, submitted: '', current: text(f, e[f]) })).filter((d) => d.current !== '');
    if (fields.length > 0) changes.push({ taskKey: e.taskKey, title: '', kind: 'added', fields });
  }
  if (listed)
    for (const [key, title] of listed)
      if (!seen.has(key) && !changes.some((c) => c.taskKey === key)) changes.push({ taskKey: key, title, kind: 'listed', fields: [{ field: 'task', submitted: '', current: title }] });
  return changes;
}
