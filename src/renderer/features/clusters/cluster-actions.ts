/** Writes of the clusters page: add, rename, remove a cluster (with its indicators, values and reports), hand-adjust tasks. */
import type { Cluster, ClusterIndicator } from '@core/model';
import { clusterIndicatorId, clusterIndicatorValueId, manualClusterId } from '@core/ids';
import { getDb, clustersRepo, deleteCluster, deleteClusterIndicator, PeriodLockedError } from '../../storage';
import { CLUSTER_TEXT } from './texts';

/** Add a manual cluster for the district at the end of its list. */
export async function addCluster(district: string, name: string, existing: readonly Cluster[]): Promise<Cluster> {
  const c: Cluster = {
    id: manualClusterId(),
    district,
    name: name.trim(),
    keywords: [name.trim()],
    includedTaskKeys: [],
    excludedTaskKeys: [],
    origin: 'manual',
    order: Math.max(0, ...existing.map((x) => x.order)) + 1,
  };
  await clustersRepo.put(getDb(), c);
  return c;
}

/** Change some fields of a cluster. */
export async function updateCluster(c: Cluster, patch: Partial<Omit<Cluster, 'id' | 'district'>>): Promise<void> {
  await clustersRepo.put(getDb(), { ...c, ...patch });
}

/** Remove a cluster with its indicators, their values and its period reports, in one transaction. */
export async function removeCluster(id: string): Promise<void> {
  await deleteCluster(getDb(), id);
}

/** Put a task into the cluster by hand (and undo an earlier removal). */
export function includeTask(c: Cluster, key: string): Promise<void> {
  return updateCluster(c, {
    includedTaskKeys: [...new Set([...c.includedTaskKeys, key])],
    excludedTaskKeys: c.excludedTaskKeys.filter((k) => k !== key),
  });
}

/** Take a task out of the cluster by hand. */
export function excludeTask(c: Cluster, key: string, matchedByKeyword: boolean): Promise<void> {
  return updateCluster(c, {
    includedTaskKeys: c.includedTaskKeys.filter((k) => k !== key),
    excludedTaskKeys: matchedByKeyword ? [...new Set([...c.excludedTaskKeys, key])] : c.excludedTaskKeys,
  });
}

/** Undo a hand removal. */
export function restoreTask(c: Cluster, key: string): Promise<void> {
  return updateCluster(c, { excludedTaskKeys: c.excludedTaskKeys.filter((k) => k !== key) });
}

/** Add an indicator to a cluster. */
export async function addIndicator(i: Omit<ClusterIndicator, 'id'>): Promise<void> {
  await clustersRepo.putIndicator(getDb(), { ...i, id: clusterIndicatorId() });
}

/** Remove an indicator and its values. */
export async function removeIndicator(id: string): Promise<void> {
  await deleteClusterIndicator(getDb(), id);
}

/** Record an indicator's value for a period (null clears it). */
export async function setIndicatorValue(indicatorId: string, periodId: string, value: number | null): Promise<void> {
  await clustersRepo.putIndicatorValue(getDb(), { id: clusterIndicatorValueId(indicatorId, periodId), indicatorId, periodId, value, updatedAt: new Date().toISOString() });
}

/**
 * Why a removal was refused, for the officer: a cluster or indicator with values of a period
 * already 报送 is kept (the storage's lock names the district, the period and how to unlock).
 */
export function removalRefusal(e: unknown): string {
  if (e instanceof PeriodLockedError) return CLUSTER_TEXT.removeLocked(e.message);
  console.error('cluster removal failed', e);
  return CLUSTER_TEXT.removeFailed;
}
