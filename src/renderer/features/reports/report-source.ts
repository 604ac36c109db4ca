/**
 * Reading what a report needs from the store (no spreadsheet code here, so the pre-export
 * check does not load exceljs; report-produce.ts writes the file).
 */
import type { ReportingPeriod } from '@core/model';
import { SETTING_KEYS } from '@core/model';
import type { ReportMeta, ReportSource } from '@core/report';
import type { LedgerDb } from '../../storage/db';
import { getSetting } from '../../storage/repositories';

/** Read tasks, progress, targets and clusters of a district for a period. */
export async function loadReportSource(db: LedgerDb, district: string, period: ReportingPeriod): Promise<ReportSource> {
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
  return { district, period, documents, tasks, progress, targets, clusters, clusterIndicators, clusterIndicatorValues, clusterProgress };
}

/** Setting keys of the report footer kept beside 填报人. Persisted: do not rename. */
export const REPORT_SETTING_KEYS = { phone: 'reportPhone', reviewer: 'reportReviewer' } as const;

/** 填报人, 联系电话 and 审核人 from settings, with today's date. */
export async function loadReportMeta(db: LedgerDb, today: Date = new Date()): Promise<ReportMeta> {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    filledDate: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
    filledBy: await getSetting(db, SETTING_KEYS.filledBy, ''),
    phone: await getSetting(db, REPORT_SETTING_KEYS.phone, ''),
    reviewer: await getSetting(db, REPORT_SETTING_KEYS.reviewer, ''),
  };
}
