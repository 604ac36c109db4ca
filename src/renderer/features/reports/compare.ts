/**
 * 本期与上期对比: what changed in a period's progress since it was last submitted, comparing
 * the rows stored with the submission (report rows keyed by 任务编号) with the current data.
 */
import type { ProgressEntry, Submission, Task } from '@core/model';
import { STATUS_LABELS, statusFromLabel } from '@core/model';
import { taskField, taskFieldText } from '@core/fields';
import { isoDateWords, printedDeadline, type ClusterSnapshot } from '@core/report';

/** The progress fields a submission carries, in report order. */
export const COMPARED_FIELDS = ['status', 'percent', 'progress', 'problems', 'nextSteps'] as const;
/** The task's own fields the sealed table prints: a 修改任务信息 after 报送 changes the file as much as progress does. */
export const COMPARED_TASK_FIELDS = ['title', 'leadUnits', 'responsibleUnits', 'deadline'] as const;
/** A cluster's fields the sealed 产业集群推进情况表 prints, besides each indicator's value (`indicator`). */
export const COMPARED_CLUSTER_FIELDS = ['progress', 'problems', 'nextSteps'] as const;
/** A compared field; `task` is the task itself being in the period's list or not; `indicator` a cluster indicator's value. */
export type ComparedField = (typeof COMPARED_FIELDS)[number] | (typeof COMPARED_TASK_FIELDS)[number] | 'task' | 'indicator';

/**
 * One task whose submitted and current state differ: its progress (`changed`, `added`,
 * `removed`), or its place in the period's list since the submission (an import that dropped a
 * task from the list: `unlisted`; one that added a task: `listed`).
 */
export interface SubmissionChange {
  /** The task's key, or for a cluster (`cluster` set) the cluster's id. */
  taskKey: string;
  title: string;
  kind: 'changed' | 'added' | 'removed' | 'unlisted' | 'listed';
  /** Set for a 产业集群 whose printed row changed; `title` is then the cluster's name. */
  cluster?: true;
  /** `label`: the indicator's name, for an `indicator` field. */
  fields: { field: ComparedField; submitted: string; current: string; label?: string }[];
}

function text(field: ComparedField, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (field === 'status') {
    const code = statusFromLabel(String(v));
    return code ? STATUS_LABELS[code] : String(v).trim();
  }
  if (field === 'percent') return String(v).replace(/%$/, '').trim();
  // A file sealed before the deadline was printed in words (2026-12-31) reads as the report prints it now.
  if (field === 'deadline') return isoDateWords(String(v).trim());
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
          .map((f) => ({ field: f as ComparedField, submitted: text(f, row[f]), current: text(f, f === 'deadline' ? printedDeadline(task) : taskFieldText(task, f)) }))
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

/** Whether a submission's row is a cluster as the sealed 产业集群推进情况表 printed it (buildClusterSnapshots). */
function isClusterSnapshot(r: unknown): r is ClusterSnapshot {
  return !!r && typeof r === 'object' && (r as { scope?: unknown }).scope === 'cluster' && typeof (r as { clusterId?: unknown }).clusterId === 'string';
}

/** Whether a submission carries the clusters as printed (a 报送 with the 产业集群推进情况表 since they are kept). */
export function hasClusterRows(submission: Pick<Submission, 'rows'>): boolean {
  return submission.rows.some(isClusterSnapshot);
}

/** The latest submission that kept its clusters, from submissions sorted oldest first. */
export function latestClusterSubmission<S extends Pick<Submission, 'rows'>>(submissions: S[]): S | undefined {
  return [...submissions].reverse().find(hasClusterRows);
}

/**
 * Differences between the clusters a submission printed and the clusters as the report reads them
 * now (buildClusterSnapshots of the current data): 本期进展, 存在问题, 下步计划 and each indicator's value.
 * A cluster or an indicator added since is compared with an empty sealed cell; one removed since, with an empty current one.
 */
export function compareClusters(submission: Pick<Submission, 'rows'>, current: readonly ClusterSnapshot[]): SubmissionChange[] {
  const sealed = submission.rows.filter(isClusterSnapshot);
  // A submission that kept no clusters has nothing to compare them with (every cluster is not 新增).
  if (!sealed.length) return [];
  const nowById = new Map(current.map((c) => [c.clusterId, c]));
  const ids = [...sealed.map((c) => c.clusterId), ...current.map((c) => c.clusterId).filter((id) => !sealed.some((c) => c.clusterId === id))];
  const changes: SubmissionChange[] = [];
  for (const id of ids) {
    const before = sealed.find((c) => c.clusterId === id);
    const now = nowById.get(id);
    const fields: SubmissionChange['fields'] = COMPARED_CLUSTER_FIELDS.map((f) => ({ field: f as ComparedField, submitted: text(f, before?.[f]), current: text(f, now?.[f]) })).filter((d) => d.submitted !== d.current);
    const indicatorIds = [...(before?.indicators ?? []), ...(now?.indicators ?? [])].map((x) => x.id).filter((x, i, a) => a.indexOf(x) === i);
    for (const xid of indicatorIds) {
      const b = before?.indicators.find((x) => x.id === xid);
      const n = now?.indicators.find((x) => x.id === xid);
      const d = { field: 'indicator' as const, label: (n ?? b)!.name, submitted: text('indicator', b?.value), current: text('indicator', n?.value) };
      if (d.submitted !== d.current) fields.push(d);
    }
    if (fields.length) changes.push({ taskKey: id, title: (now ?? before)!.name, cluster: true, kind: !before ? 'added' : !now ? 'removed' : 'changed', fields });
  }
  return changes;
}
