/**
 * Producing a report file: the one path used by the 报表导出 page and by tests. Loaded on
 * demand by the pages (it pulls in exceljs and the built-in templates).
 */
import type { ReportingPeriod } from '@core/model';
import { CITY_HEADINGS, REPORT_NAMES, buildReportData, reportFileName, type ReportData, type ReportKind } from '@core/report';
import { isCityOffice } from '@core/districts';
import { type LedgerDb, storedTemplate } from '../../storage';
import { BINDING_SHEET, bindingRows, reportBinding } from '@core/rounds';
import { fillReport } from '../../spreadsheet/report-fill';
import { builtinTemplateBytes } from '../../spreadsheet/template-files';
import { loadReportMeta, loadReportSource } from './report-source';

/** The template bytes of a report: the office's own when loaded, else the built-in one. */
export async function templateBytesFor(db: LedgerDb, kind: ReportKind): Promise<{ bytes: Uint8Array; custom: boolean }> {
  const stored = await storedTemplate(db, kind);
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
  const [src, meta, tpl] = await Promise.all([loadReportSource(db, district, period), loadReportMeta(db, today, district), templateBytesFor(db, kind)]);
  const data = buildReportData(src, meta, REPORT_NAMES[kind]);
  // The 重点任务推进情况表 carries a binding (district, period, tasks), so the city's 回收 recognises it.
  const taskKeys = (data.rows.task ?? []).map((r) => String(r.taskKey ?? r.key ?? '')).filter(Boolean);
  const hidden = kind === 'tasks' ? { name: BINDING_SHEET, rows: bindingRows(reportBinding(district, period.id, taskKeys)) } : undefined;
  // The city's office reads its 全市 targets as its own (no 参考, no 区级目标).
  const headings = isCityOffice(district) ? { headings: CITY_HEADINGS } : {};
  const bytes = await fillReport(tpl.bytes, kind, { ...data, ...headings, ...(hidden ? { hidden } : {}) });
  return { fileName: reportFileName(district, period, kind), bytes, data };
}
