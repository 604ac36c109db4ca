/** Tasks // 重点任务: the order every list, grid and report shows them in. */
import type { Task } from './model';

/** Document order, then the task's order within its document (文件顺序, 任务顺序). */
export function compareTasks(a: Pick<Task, 'documentId' | 'order'>, b: Pick<Task, 'documentId' | 'order'>): number {
  return a.documentId === b.documentId ? a.order - b.order : a.documentId < b.documentId ? -1 : 1;
}

/** What the office may correct of a task it holds // 修改任务信息 (a wrong unit, a typo, a deadline). */
export interface TaskEdit {
  title: string;
  leadUnits: readonly string[];
  responsibleUnits: readonly string[];
  deadline?: string;
  deadlineText?: string;
  /** The deadline's words were not changed: date and words stay as stored (never re-read, so a title fix moves no date). */
  keepDeadline?: boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The task with the office's corrections, or undefined when nothing changes (the title trimmed;
 * an empty deadline text clears the deadline; `keepDeadline` keeps it exactly as stored).
 */
export function applyTaskEdit(task: Task, edit: TaskEdit, at: string): Task | undefined {
  const title = edit.title.trim();
  const deadlineText = edit.keepDeadline ? task.deadlineText || undefined : edit.deadlineText?.trim() || undefined;
  const deadline = edit.keepDeadline ? task.deadline : deadlineText ? edit.deadline : undefined;
  if (title === task.title && sameList(edit.leadUnits, task.leadUnits) && sameList(edit.responsibleUnits, task.responsibleUnits) && deadline === task.deadline && deadlineText === (task.deadlineText || undefined)) return undefined;
  const next: Task = { ...task, title, leadUnits: [...edit.leadUnits], responsibleUnits: [...edit.responsibleUnits], updatedAt: at };
  if (deadline) next.deadline = deadline;
  else delete next.deadline;
  if (deadlineText) next.deadlineText = deadlineText;
  else delete next.deadlineText;
  return next;
}
