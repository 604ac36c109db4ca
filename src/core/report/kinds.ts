/**
 * The municipal reports // 报表: their kinds, Chinese names and file names.
 * `ReportKind` values are persisted (submissions.report, templates.id): do not rename.
 */
import type { ReportingPeriod } from '../model';

/** Which report: 重点任务 / 指标 / 产业集群 / all three plus 汇总 in one workbook. */
export type ReportKind = 'tasks' | 'indicators' | 'clusters' | 'all';

export const REPORT_KINDS: readonly ReportKind[] = ['tasks', 'indicators', 'clusters', 'all'];

/** The city's name of each report. */
export const REPORT_NAMES: Readonly<Record<ReportKind, string>> = {
  tasks: '重点任务推进情况表',
  indicators: '指标完成情况表',
  clusters: '产业集群推进情况表',
  all: '科技创新工作报表（汇总）',
};

const clean = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

/** The suggested file name, e.g. `汉阳区_2025年第三季度_重点任务推进情况表.xlsx`. */
export function reportFileName(district: string, period: ReportingPeriod, kind: ReportKind, ext: 'xlsx' | 'csv' = 'xlsx'): string {
  return `${clean(district)}_${clean(period.name)}_${clean(REPORT_NAMES[kind])}.${ext}`;
}

/**
 * The ledger's CSV (what the grid shows, for the office's own use), e.g.
 * `汉阳区_2025年第三季度_任务台账清单.csv`: never the name of a report the office seals and sends.
 */
export function ledgerCsvFileName(district: string, period: ReportingPeriod): string {
  return `${clean(district)}_${clean(period.name)}_任务台账清单.csv`;
}
