/** Tasks // 重点任务: the order every list, grid and report shows them in. */
import type { Task } from './model';

/** Document order, then the task's order within its document (文件顺序, 任务顺序). */
export function compareTasks(a: Pick<Task, 'documentId' | 'order'>, b: Pick<Task, 'documentId' | 'order'>): number {
  return a.documentId === b.documentId ? a.order - b.order : a.documentId < b.documentId ? -1 : 1;
}
