/**
 * Reading what a report needs from the store (no spreadsheet code here, so the pre-export
 * check does not load exceljs; report-produce.ts writes the file).
 */
import type { ReportingPeriod } from '@core/model';
import { SETTING_KEYS } from '@core/model';
import type { ReportMeta, ReportSource } from '@core/report';
import type { LedgerDb } from '../../storage/db';
import { getSetting } from '../../storage/repositories';
import { readDistrictTargets } from '../indicators/district-targets';

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
  const districtTargets = await readDistrictTargets(db, district);
  return { district, period, documents, tasks, progress, targets, clusters, clusterIndicators, clusterIndicatorValues, clusterProgress, districtTargets };
}

/**
 * Setting keys of the report header and footer kept beside 填报人 (SETTING_KEYS.filledBy, set
 * only in 设置 or on the reports page, never by a task's own 填报人). Persisted: do not rename.
 */
export const REPORT_SETTING_KEYS = { unit: 'reportUnit', phone: 'reportPhone', reviewer: 'reportReviewer' } as const;

/** The report header fields as stored: 填报单位, 填报人, 联系电话, 审核人（负责人）. */
export interface ReportHeader {
  unit: string;
  filledBy: string;
  phone: string;
  reviewer: string;
}

/** Read the report header fields from settings (empty strings when not set). */
export async function loadReportHeader(db: LedgerDb): Promise<ReportHeader> {
  const str = async (key: string) => {
    const v = await getSetting<unknown>(db, key, '');
    return typeof v === 'string' ? v : '';
  };
  return { unit: await str(REPORT_SETTING_KEYS.unit), filledBy: await str(SETTING_KEYS.filledBy), phone: await str(REPORT_SETTING_KEYS.phone), reviewer: await str(REPORT_SETTING_KEYS.reviewer) };
}

/** 填报单位, 填报人, 联系电话 and 审核人 from settings, with today's date; 填报单位 is the district when not set. */
export async function loadReportMeta(db: LedgerDb, today: Date = new Date(), district = ''): Promise<ReportMeta> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = await loadReportHeader(db);
  return {
    filledDate: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
    unit: h.unit.trim() || district,
    filledBy: h.filledBy,
    phone: h.phone,
    reviewer: h.reviewer,
  };
}
