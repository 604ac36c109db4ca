/**
 * Relevance of a task to the officer's district // 与本区相关. A stand-in until
 * src/core/policy/relevance.ts (issue 3) lands: same signature, simpler rules.
 */
import type { Cluster, Task } from '@core/model';
import { findDistrict } from '@core/districts';

/** Whether the task concerns the district, and why (Chinese reasons for the grid and detail). */
export function taskRelevance(task: Task, district: string, clusters: readonly Cluster[]): { relevant: boolean; reasons: string[] } {
  const d = findDistrict(district);
  const names = d ? [d.name, d.shortName, ...d.aliases] : [district];
  const reasons: string[] = [];
  const units = [...task.leadUnits, ...task.responsibleUnits];
  const named = names.find((n) => units.some((u) => u.includes(n)) || task.text.includes(n));
  if (named) reasons.push(`文件点名${named}`);
  if (units.some((u) => /各区(人民政府)?|各区政府/.test(u))) reasons.push('责任单位含各区人民政府');
  for (const c of clusters) if (clusterMatches(c, task)) reasons.push(`属于本区“${c.name}”集群`);
  return { relevant: reasons.length > 0, reasons };
}

/** Whether a task belongs to a cluster: by keyword, or added by hand, and not removed by hand. */
export function clusterMatches(c: Cluster, task: Task): boolean {
  if (c.excludedTaskKeys.includes(task.key)) return false;
  if (c.includedTaskKeys.includes(task.key)) return true;
  return c.keywords.some((k) => k && (task.title.includes(k) || task.text.includes(k)));
}
