/**
 * Persisted ids // 记录编号: how the key of each stored record is built. Every id below is stored
 * in the database and in backups, and other records refer to it: do not change a format
 * without a migration.
 */

/** A progress entry: `${district}|${taskKey}|${periodId}`. */
export function progressId(district: string, taskKey: string, periodId: string): string {
  return `${district}|${taskKey}|${periodId}`;
}

/** A cluster indicator's value in a period: `${indicatorId}|${periodId}`. */
export function clusterIndicatorValueId(indicatorId: string, periodId: string): string {
  return `${indicatorId}|${periodId}`;
}

/** A cluster's progress in a period: `${clusterId}|${periodId}`. */
export function clusterProgressId(clusterId: string, periodId: string): string {
  return `${clusterId}|${periodId}`;
}

/** A district's period row of the 工作台 summary: `${district}|${periodId}`. */
export function periodSummaryId(district: string, periodId: string): string {
  return `${district}|${periodId}`;
}

/** The audit entity of a district's period lock (解锁 is recorded against it): `${district}|${periodId}`. */
export function periodLockId(district: string, periodId: string): string {
  return `${district}|${periodId}`;
}

/** An assignment // 承办分工: `${district}|${taskKey}`. */
export function assignmentId(district: string, taskKey: string): string {
  return `${district}|${taskKey}`;
}

/** A single-report submission: `${district}|${periodId}|${report}|${at}`. */
export function submissionId(district: string, periodId: string, report: string, at: string): string {
  return `${district}|${periodId}|${report}|${at}`;
}

/** A 报送 of a set of reports: `${district}|${periodId}|set|${at}`. */
export function submissionSetId(district: string, periodId: string, at: string): string {
  return `${district}|${periodId}|set|${at}`;
}

/** A policy document added from a text with key prefix `prefix`: `doc-${prefix}`. */
export function documentIdFor(keyPrefix: string): string {
  return `doc-${keyPrefix}`;
}

/** A short unique suffix for records the officer adds by hand (time, then randomness). */
function uniqueSuffix(now: number, random: number): string {
  return `${now.toString(36)}${random.toString(36).slice(2, 6)}`;
}

/** A cluster the officer added by hand: `cl-manual-…`. */
export function manualClusterId(now = Date.now(), random = Math.random()): string {
  return `cl-manual-${uniqueSuffix(now, random)}`;
}

/** A cluster indicator the officer added by hand: `ci-…`. */
export function clusterIndicatorId(now = Date.now(), random = Math.random()): string {
  return `ci-${uniqueSuffix(now, random)}`;
}
