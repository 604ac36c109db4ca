/**
 * Named writes for the features (each in one transaction, audited by the storage guards), so
 * that no feature names a table or an index.
 */
import { unifyUnits } from '@core/import';
import { renameTableOf } from './unit-renames';
import type { DistrictTarget } from '@core/indicators';
import type { Task } from '@core/model';
import type { ReportKind } from '@core/report';
import type { LedgerDb, StoredTemplate } from './ledger-db';
import { readSetting, writeSetting } from './settings';

/** Remove a cluster with its indicators, their values and its period reports, in one transaction. */
export async function deleteCluster(db: LedgerDb, id: string): Promise<void> {
  await db.transaction('rw', [db.clusters, db.clusterIndicators, db.clusterIndicatorValues, db.clusterProgress], async () => {
    // bulkDelete by key (not Collection.delete) so the audit middleware sees each removed row.
    const indicators = await db.clusterIndicators.where('clusterId').equals(id).primaryKeys();
    if (indicators.length) await db.clusterIndicatorValues.bulkDelete(await db.clusterIndicatorValues.where('indicatorId').anyOf(indicators).primaryKeys());
    await db.clusterIndicators.bulkDelete(indicators);
    await db.clusterProgress.bulkDelete(await db.clusterProgress.where('clusterId').equals(id).primaryKeys());
    await db.clusters.delete(id);
  });
}

/** Remove a cluster indicator and its values, in one transaction. */
export async function deleteClusterIndicator(db: LedgerDb, id: string): Promise<void> {
  await db.transaction('rw', [db.clusterIndicators, db.clusterIndicatorValues], async () => {
    await db.clusterIndicatorValues.bulkDelete(await db.clusterIndicatorValues.where('indicatorId').equals(id).primaryKeys());
    await db.clusterIndicators.delete(id);
  });
}

/**
 * Change the tasks of `keys` in one transaction: `change` returns the new task, or undefined to
 * leave it as it is. Returns how many were changed.
 */
export async function updateTasks(db: LedgerDb, keys: readonly string[], change: (t: Task) => Task | undefined): Promise<number> {
  return db.transaction('rw', [db.tasks, db.settings], async () => {
    let changed = 0;
    // A unit typed under an old name (市发展改革委) is written under the ledger's (市发改委), as everywhere.
    const table = await renameTableOf(db);
    // put one by one (not bulkPut of a query) so the audit trail records each task's fields.
    for (const t of await db.tasks.bulkGet([...keys])) {
      const changedTask = t && change(t);
      const next = changedTask && unifyUnits(changedTask, table);
      if (!next) continue;
      await db.tasks.put(next);
      changed += 1;
    }
    return changed;
  });
}

/**
 * Put an archived task back in the ledger (and in the reports of periods not yet sent), as it
 * was; its progress was never touched. Returns false when it was not archived.
 */
export async function restoreArchivedTask(db: LedgerDb, key: string): Promise<boolean> {
  const now = new Date().toISOString();
  const changed = await updateTasks(db, [key], (t) => {
    if (!t.archived) return undefined;
    const { archived: _archived, ...rest } = t;
    return { ...rest, updatedAt: now };
  });
  return changed > 0;
}

/** Store the office's own template of a report (checked by the caller). */
export async function putTemplate(db: LedgerDb, template: StoredTemplate & { id: ReportKind }): Promise<void> {
  await db.templates.put(template);
}

/** Go back to the built-in template of `kind`. */
export async function deleteTemplate(db: LedgerDb, kind: ReportKind): Promise<void> {
  await db.templates.delete(kind);
}

/** Set (or, with undefined, remove) a district's own target of an indicator. */
export async function saveDistrictTarget(db: LedgerDb, district: string, key: string, target: DistrictTarget | undefined): Promise<void> {
  const all = await readSetting(db, 'districtTargets');
  const mine: Record<string, DistrictTarget> = { ...(all?.[district] ?? {}) };
  if (target) mine[key] = target;
  else delete mine[key];
  await writeSetting(db, 'districtTargets', { ...(all ?? {}), [district]: mine });
}

/** Set several of a district's own targets at once (a 分解表), in one write. */
export async function saveDistrictTargets(db: LedgerDb, district: string, targets: Readonly<Record<string, DistrictTarget>>): Promise<void> {
  const all = await readSetting(db, 'districtTargets');
  await writeSetting(db, 'districtTargets', { ...(all ?? {}), [district]: { ...(all?.[district] ?? {}), ...targets } });
}
