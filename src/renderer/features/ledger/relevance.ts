/**
 * Relevance of a task to the officer's district // 与本区相关 (rules in core/policy/relevance.ts)
 * and the cluster membership rule shared by the ledger and the clusters page.
 */
import type { Cluster, Task } from '@core/model';
export { taskRelevance } from '@core/policy/relevance';

/** Whether a task belongs to a cluster: by its name or a keyword, or added by hand, and not removed by hand. */
export function clusterMatches(c: Cluster, task: Task): boolean {
  if (c.excludedTaskKeys.includes(task.key)) return false;
  if (c.includedTaskKeys.includes(task.key)) return true;
  return keywordMatches(c, task);
}

/** Whether the cluster's name or one of its keywords occurs in the task's title or text. */
export function keywordMatches(c: Cluster, task: Task): boolean {
  return [c.name, ...c.keywords].some((k) => k && (task.title.includes(k) || task.text.includes(k)));
}
