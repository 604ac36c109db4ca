/**
 * Named reads for the features: each says what it returns, so that no feature names a table
 * or an index. Pair them with useQuery (live, {data, loading, error}) or call them in a flow.
 */
import type { Cluster, PolicyDocument, ProgressEntry, ReportingPeriod, Section, Task } from '@core/model';
import type { UnitRenames } from '@core/unit-names';
import { compareTasks } from '@core/tasks';
import { doneEarlier } from '@core/progress';
import { summaryOfCell, type ProgressSummary } from '@core/dashboard/progress-summary';
import type { DistrictTargets } from '@core/indicators';
import type { ReportSource } from '@core/report';
import type { ReportKind } from '@core/report';
import type { LedgerDb } from './ledger-db';
import { readSetting } from './settings';
import { clustersRepo, tasksRepo } from './repositories';
import { renameTableOf } from './unit-renames';
import { headProblem, keptStamp, type TaskHead } from './task-heads';

/** Every policy document. */
export const allDocuments = (db: LedgerDb) => db.documents.toArray();
/** Every section of every document. */
export const allSections = (db: LedgerDb) => db.sections.toArray();
/** Every task, archived ones too. */
export const allTasks = (db: LedgerDb) => db.tasks.toArray();
/** Every indicator target. */
export const allTargets = (db: LedgerDb) => db.targets.toArray();
/** Every cluster of every district. */
export const allClusters = (db: LedgerDb) => db.clusters.toArray();

/** What the ledger shows before the period's progress: the active tasks, the documents and sections, the district's clusters, the rename table in force. */
export async function ledgerBase(db: LedgerDb, district: string) {
  const [tasks, documents, sections, clusters, renames] = await Promise.all([
    tasksRepo.active(db),
    allDocuments(db),
    allSections(db),
    clustersRepo.byDistrict(db, district),
    renameTableOf(db),
  ]);
  return { tasks, documents, sections, clusters, renames };
}

/**
 * What the ledger draws its first rows from, as `ledgerBase` but with the tasks' heads (no
 * texts: half the bytes to read) carrying the relevance and clusters kept at an earlier start.
 * A head whose kept part is missing or stale (a task written since, another build, a cluster
 * changed) is given its whole task instead. When more are stale than START_STALE_MAX allows (the
 * first start of a new version, after a cluster's keywords changed, after a large import), or
 * there is nothing kept at all, the answer is `undefined`: the ledger then waits for `ledgerBase`,
 * as it always did. The heads are read beside the other small reads, with no probe before them:
 * the caller asks this only when the note beside the store says infos were kept (headsKeptFor).
 */
export async function ledgerStart(db: LedgerDb, district: string): Promise<LedgerStart | undefined> {
  // No count of the tasks beside: IndexedDB counts by walking the keys, behind the heads' read (~100 ms
  // on the start's path). A task without a head (written beside storage) is simply not among the first
  // rows: it comes with the whole tasks, and the keeping after them gives it a head (ledger's useKeepStartInfos).
  const [documents, sections, clusters, renames, heads] = await Promise.all([
    allDocuments(db),
    allSections(db),
    clustersRepo.byDistrict(db, district),
    renameTableOf(db),
    db.taskHeads.toArray(),
  ]);
  const stamp = keptStamp(district, clusters);
  const active = heads.filter((h) => !h.archived);
  const stale = active.filter((h) => h.kept?.stamp !== stamp || headProblem(h) !== undefined);
  if (active.length === 0 || stale.length > Math.min(START_STALE_MAX, active.length / 10)) return undefined;
  // A stale head's whole task (the row guard leaves out a malformed one, as ledgerBase does).
  const whole = stale.length > 0 ? await tasksByKeys(db, stale.map((h) => h.key)) : [];
  const staleKeys = stale.map((h) => h.key);
  const staleSet = new Set(staleKeys);
  const tasks: (TaskHead | Task)[] = active.filter((h) => !staleSet.has(h.key));
  for (const t of whole) if (!t.archived) tasks.push(t);
  tasks.sort(compareTasks);
  return { tasks, documents, sections, clusters, renames, staleKeys };
}

/** Up to this many stale heads, and no more than a tenth of them, a start reads the whole tasks of; more, and it reads every task. */
const START_STALE_MAX = 200;

/** What the ledger's first rows are drawn from (ledgerStart). */
export interface LedgerStart {
  /** Heads with kept infos, and whole tasks where a head's were stale; in document order. */
  tasks: (TaskHead | Task)[];
  documents: PolicyDocument[];
  sections: Section[];
  clusters: Cluster[];
  renames: UnitRenames;
  /** The tasks whose kept infos were missing or stale (read whole; their infos are to be kept again). */
  staleKeys: string[];
}

/** An archived task (dropped from the city's list) with what the district wrote for it, newest period first. */
export interface ArchivedTask {
  task: Task;
  entries: ProgressEntry[];
}

/** Every archived task, in document order, each with the district's progress entries of every period. */
export async function archivedTasks(db: LedgerDb, district: string): Promise<ArchivedTask[]> {
  const tasks = (await db.tasks.toArray()).filter((t) => t.archived).sort(compareTasks);
  if (tasks.length === 0) return [];
  const entries = await db.progress.where('[district+taskKey]').anyOf(tasks.map((t) => [district, t.key])).toArray();
  const byTask = new Map<string, ProgressEntry[]>();
  for (const e of entries) byTask.set(e.taskKey, [...(byTask.get(e.taskKey) ?? []), e]);
  return tasks.map((task) => ({ task, entries: (byTask.get(task.key) ?? []).sort((a, b) => (a.periodId < b.periodId ? 1 : -1)) }));
}

/** The tasks of `keys` that exist, in the order of `keys`. */
export async function tasksByKeys(db: LedgerDb, keys: readonly string[]): Promise<Task[]> {
  return (await db.tasks.bulkGet([...keys])).filter((t): t is Task => !!t);
}

/** The ids of every document and every task key (to find a free key prefix). */
export async function documentAndTaskKeys(db: LedgerDb): Promise<{ documentIds: string[]; taskKeys: string[] }> {
  const [documentIds, taskKeys] = await Promise.all([db.documents.toCollection().primaryKeys(), db.tasks.toCollection().primaryKeys()]);
  return { documentIds: documentIds as string[], taskKeys: taskKeys as string[] };
}

/** A district's progress entries of every period. */
export const progressOfDistrict = (db: LedgerDb, district: string) =>
  db.progress.where('[district+periodId]').between([district, ''], [district, '\uffff']).toArray();

/** Every district's progress entries of one period (the city's view of a round). */
export const progressOfPeriodAllDistricts = (db: LedgerDb, periodId: string) => db.progress.where('periodId').equals(periodId).toArray();

/** A district's per-period progress summaries (the 工作台's input). */
export const progressSummariesOfDistrict = (db: LedgerDb, district: string) => db.progressSummary.where('district').equals(district).toArray();

/**
 * The district's tasks done in a period before `period` and not filled in since (core/progress.ts
 * doneEarlier), with that period's id: read from the compact period rows (no texts).
 */
export async function doneBeforePeriod(db: LedgerDb, district: string, period: ReportingPeriod): Promise<Map<string, string>> {
  const rows = await progressSummariesOfDistrict(db, district);
  const cells: ProgressSummary[] = [];
  for (const r of rows) if (r.periodId === period.id || (r.start !== '' && r.start < period.start)) for (const key in r.cells) cells.push(summaryOfCell(r.district, r.periodId, key, r.cells[key]!));
  return doneEarlier(cells, district, period);
}

/** A cluster's indicators and every value recorded for them. */
export async function clusterIndicatorsWithValues(db: LedgerDb, clusterId: string) {
  const indicators = await db.clusterIndicators.where('clusterId').equals(clusterId).toArray();
  const values = await db.clusterIndicatorValues.where('indicatorId').anyOf(indicators.map((i) => i.id)).toArray();
  return { indicators, values };
}

/** The office's own template of a report, if it loaded one. */
export const storedTemplate = (db: LedgerDb, kind: ReportKind) => db.templates.get(kind);

/** A district's own targets // 区级分解目标, by indicator key. */
export async function readDistrictTargets(db: LedgerDb, district: string): Promise<DistrictTargets> {
  const all = await readSetting(db, 'districtTargets');
  return all?.[district] ?? {};
}

/** Read tasks, progress, targets and clusters of a district for a period (what a report is built from). */
export async function readReportSource(db: LedgerDb, district: string, period: ReportingPeriod): Promise<ReportSource> {
  const clusters = await db.clusters.where('district').equals(district).toArray();
  const ids = clusters.map((c) => c.id);
  const [documents, tasks, progress, targets, clusterIndicators, clusterProgress] = await Promise.all([
    db.documents.toArray(),
    db.tasks.toArray(),
    db.progress.where('[district+periodId]').equals([district, period.id]).toArray(),
    db.targets.toArray(),
    db.clusterIndicators.where('clusterId').anyOf(ids).toArray(),
    db.clusterProgress.where('periodId').equals(period.id).toArray(),
  ]);
  const clusterIndicatorValues = await db.clusterIndicatorValues.where('periodId').equals(period.id).toArray();
  const districtTargets = await readDistrictTargets(db, district);
  // Tasks done in an earlier period, from the compact period rows (no texts), as the ledger reads them.
  const doneBefore = await doneBeforePeriod(db, district, period);
  return { district, period, documents, tasks, progress, doneBefore, targets, clusters, clusterIndicators, clusterIndicatorValues, clusterProgress, districtTargets };
}
