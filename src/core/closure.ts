/**
 * 办结销号 (closing a task): a district closes a finished task with a date and a note. A closed
 * task leaves the lists, reminders and reports of every period that ends on or after the
 * closing date; earlier periods keep it, and it can be reopened.
 */
import type { IsoDate, PolicyDocument, ReportingPeriod, Task } from './model';

/** Whether the task is closed (销号) for this period: closed on or before the period's end. */
export function isClosedIn(task: Pick<Task, 'closedAt'>, period: Pick<ReportingPeriod, 'end'>): boolean {
  return Boolean(task.closedAt && task.closedAt <= period.end);
}

/** The task closed on `date` with `note` by `by` (a new record; the input is unchanged). */
export function closeTask(task: Task, close: { date: IsoDate; note: string; by: string }, now: string): Task {
  return { ...task, closedAt: close.date, closedNote: close.note.trim() || undefined, closedBy: close.by.trim() || undefined, updatedAt: now };
}

/** The task reopened: the closing date, note and person removed. */
export function reopenTask(task: Task, now: string): Task {
  const { closedAt: _a, closedNote: _n, closedBy: _b, ...rest } = task;
  return { ...rest, updatedAt: now };
}

/** Whether a closing date is a real calendar date `YYYY-MM-DD` no later than `today`. */
export function isValidCloseDate(date: string, today: IsoDate): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date && date <= today;
}

/**
 * The last year a document's tasks run to: its plan's last year, else the year of its latest
 * task deadline, else its issue year.
 */
export function documentEndYear(doc: PolicyDocument, tasks: readonly Pick<Task, 'documentId' | 'deadline'>[]): number | undefined {
  if (doc.planEndYear) return doc.planEndYear;
  let last: string | undefined;
  for (const t of tasks) if (t.documentId === doc.id && t.deadline && (!last || t.deadline > last)) last = t.deadline;
  if (last) return Number(last.slice(0, 4));
  return doc.issueDate ? Number(doc.issueDate.slice(0, 4)) : undefined;
}

/** The open tasks of the documents whose year has passed (end year before `today`'s year): candidates for 批量销号. */
export function tasksOfPastDocuments(docs: readonly PolicyDocument[], tasks: readonly Task[], today: IsoDate): { document: PolicyDocument; endYear: number; tasks: Task[] }[] {
  const year = Number(today.slice(0, 4));
  const out: { document: PolicyDocument; endYear: number; tasks: Task[] }[] = [];
  for (const d of docs) {
    const endYear = documentEndYear(d, tasks);
    if (endYear === undefined || endYear >= year) continue;
    const open = tasks.filter((t) => t.documentId === d.id && !t.archived && !t.closedAt);
    if (open.length) out.push({ document: d, endYear, tasks: open });
  }
  return out;
}
