/**
 * Reading what a report needs from the store, and producing the report file: the one path
 * used by the 报表导出 page and by tests.
 */
import type { ReportingPeriod } from '@core/model';
import { SETTING_KEYS } from '@core/model';
import { REPORT_NAMES, buildReportData, reportFileName, type ReportData, type ReportKind, type ReportMeta, type ReportSource } from '@core/report';
import type { LedgerDb } from '../../storage/db';
import { getSetting } from '../../storage/repositories';
import { fillReport } from '../../spreadsheet/report-fill';
import { builtinTemplateBytes } from '../../spreadsheet/template-files';

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

/** The template bytes of a report: the office's own when loaded, else the built-in one. */
export async function templateBytesFor(db: LedgerDb, kind: ReportKind): Promise<{ bytes: Uint8Array; custom: boolean }> {
  const stored = await db.templates.get(kind);
  return stored ? { bytes: stored.data, custom: true } : { bytes: builtinTemplateBytes(kind), custom: false };
}

/** A produced report: file name, bytes and the rows it carries. */
export interface ProducedReport {
  fileName: string;
  bytes: Uint8Array;
  data: ReportData;
}

/** Build the report file of `kind` for a district and period. */
export async function produceReport(db: LedgerDb, district: string, period: ReportingPeriod, kind: ReportKind, today?: Date): Promise<ProducedReport> {
  const [src, meta, tpl] = await Promise.all([loadReportSource(db, district, period), loadReportMeta(db, today), templateBytesFor(db, kind)]);
  const data = buildReportData(src, meta, REPORT_NAMES[kind]);
  const bytes = await fillReport(tpl.bytes, kind, data);
  return { fileName: reportFileName(district, period, kind), bytes, data };
}
