/**
 * Reading what a report needs from the store (no spreadsheet code here, so the pre-export
 * check does not load exceljs; report-produce.ts writes the file).
 */
import type { ReportingPeriod } from '@core/model';
import { localDate } from '@core/time';
import type { ReportMeta, ReportSource } from '@core/report';
import { type LedgerDb, readReportHeader, readReportSource } from '../../storage';

/** Read tasks, progress, targets and clusters of a district for a period. */
export const loadReportSource: (db: LedgerDb, district: string, period: ReportingPeriod) => Promise<ReportSource> = readReportSource;

/** 填报单位, 填报人, 联系电话 and 审核人 from settings, with today's date; 填报单位 is the district when not set. */
export async function loadReportMeta(db: LedgerDb, today: Date = new Date(), district = ''): Promise<ReportMeta> {
  const h = await readReportHeader(db, district);
  return {
    filledDate: localDate(today),
    unit: h.unit.trim() || district,
    filledBy: h.filledBy,
    phone: h.phone,
    reviewer: h.reviewer,
  };
}
