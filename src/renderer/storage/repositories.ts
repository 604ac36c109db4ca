/**
 * Repositories: the only way features read and write the store. Rows are the domain
 * types themselves; these functions keep ids, defaults and timestamps consistent.
 */
import { comparePeriodIds } from '@core/period';
import type {
  Cluster,
  ClusterIndicator,
  ClusterIndicatorValue,
  ClusterProgress,
  PeriodKind,
  PolicyDocument,
  ProgressEntry,
  Target,
  Task,
} from '@core/model';
import { SETTING_KEYS } from '@core/model';
import { clusterProgressId, progressId } from '@core/ids';
import { compareTasks } from '@core/tasks';
import type { LedgerDb } from './ledger-db';

/** Read a setting; `fallback` when absent. */
export async function getSetting<T>(db: LedgerDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** Write a setting. */
export async function setSetting(db: LedgerDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/** The officer's district, or undefined before first start is complete. */
export function getDistrict(db: LedgerDb): Promise<string | undefined> {
  return getSetting<string | undefined>(db, SETTING_KEYS.district, undefined);
}

/** Remember the officer's district. */
export function setDistrict(db: LedgerDb, district: string): Promise<void> {
  return setSetting(db, SETTING_KEYS.district, district);
}

/** The office's reporting granularity (quarterly unless chosen otherwise). */
export function getPeriodKind(db: LedgerDb): Promise<PeriodKind> {
  return getSetting<PeriodKind>(db, SETTING_KEYS.periodKind, 'quarter');
}

export const documentsRepo = {
  put: (db: LedgerDb, d: PolicyDocument) => db.documents.put(d),
  get: (db: LedgerDb, id: string) => db.documents.get(id),
  all: (db: LedgerDb) => db.documents.toArray(),
};

export const tasksRepo = {
  put: (db: LedgerDb, t: Task) => db.tasks.put(t),
  get: (db: LedgerDb, key: string) => db.tasks.get(key),
  /** Active (not archived) tasks, in document order. */
  active: async (db: LedgerDb) => (await db.tasks.toArray()).filter((t) => !t.archived).sort(compareTasks),
  byDocument: (db: LedgerDb, documentId: string) => db.tasks.where('documentId').equals(documentId).sortBy('order'),
};

export const targetsRepo = {
  put: (db: LedgerDb, t: Target) => db.targets.put(t),
  byTask: (db: LedgerDb, taskKey: string) => db.targets.where('taskKey').equals(taskKey).toArray(),
  /** The targets of several tasks (a round's indicator sheets). */
  byTasks: (db: LedgerDb, taskKeys: readonly string[]) => db.targets.where('taskKey').anyOf([...taskKeys]).toArray(),
  byDocument: (db: LedgerDb, documentId: string) => db.targets.where('documentId').equals(documentId).toArray(),
  all: (db: LedgerDb) => db.targets.toArray(),
};

export const clustersRepo = {
  put: (db: LedgerDb, c: Cluster) => db.clusters.put(c),
  remove: (db: LedgerDb, id: string) => db.clusters.delete(id),
  byDistrict: (db: LedgerDb, district: string) => db.clusters.where('district').equals(district).sortBy('order'),
  /** How many clusters each district has (the city's office picks a district by them). */
  countsByDistrict: async (db: LedgerDb) => {
    const m = new Map<string, number>();
    await db.clusters.each((c) => void m.set(c.district, (m.get(c.district) ?? 0) + 1));
    return m;
  },
  putIndicator: (db: LedgerDb, i: ClusterIndicator) => db.clusterIndicators.put(i),
  indicators: (db: LedgerDb, clusterId: string) => db.clusterIndicators.where('clusterId').equals(clusterId).toArray(),
  putIndicatorValue: (db: LedgerDb, v: ClusterIndicatorValue) => db.clusterIndicatorValues.put(v),
  indicatorValues: (db: LedgerDb, indicatorId: string) =>
    db.clusterIndicatorValues.where('indicatorId').equals(indicatorId).toArray(),
  putProgress: (db: LedgerDb, p: ClusterProgress) => db.clusterProgress.put(p),
  progress: (db: LedgerDb, clusterId: string, periodId: string) => db.clusterProgress.get(clusterProgressId(clusterId, periodId)),
};

/** An empty progress entry for a task in a period. */
export function emptyProgress(district: string, taskKey: string, periodId: string): ProgressEntry {
  return {
    id: progressId(district, taskKey, periodId),
    district,
    taskKey,
    periodId,
    progress: '',
    problems: '',
    nextSteps: '',
    indicatorValues: {},
    filledBy: '',
    updatedAt: new Date(0).toISOString(),
  };
}

export const progressRepo = {
  get: (db: LedgerDb, district: string, taskKey: string, periodId: string) =>
    db.progress.get(progressId(district, taskKey, periodId)),
  /** Write one entry, stamping its id and time. */
  put: (db: LedgerDb, entry: ProgressEntry) =>
    db.progress.put({
      ...entry,
      id: progressId(entry.district, entry.taskKey, entry.periodId),
      updatedAt: new Date().toISOString(),
    }),
  byPeriod: (db: LedgerDb, district: string, periodId: string) =>
    db.progress.where('[district+periodId]').equals([district, periodId]).toArray(),
  byTask: (db: LedgerDb, district: string, taskKey: string) =>
    db.progress
      .where('[district+taskKey]')
      .equals([district, taskKey])
      .toArray()
      .then((rows) => rows.sort((a, b) => comparePeriodIds(a.periodId, b.periodId))),
};
