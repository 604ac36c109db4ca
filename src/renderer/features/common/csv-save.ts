/**
 * Saving the ledger grid as CSV (UTF-8 with BOM) through the bridge: the function the
 * 任务台账 page's “导出 CSV” button calls with its visible rows and columns.
 */
import type { ReportingPeriod } from '@core/model';
import type { TaskFieldId } from '@core/fields';
import { ledgerCsvFileName, type ReportValue } from '@core/report';
import type { SaveFileResult } from '@shared/bridge';
import { taskRowsToCsv } from '../../spreadsheet/csv-export';
import { platform } from '../../platform';
import { CSV_SAVE_TEXT } from './texts';

/** Ask where to save and write the rows as CSV, e.g. `汉阳区_2025年第三季度_任务台账清单.csv`. */
export function saveTaskGridCsv(
  rows: readonly Partial<Record<TaskFieldId, ReportValue>>[],
  district: string,
  period: ReportingPeriod,
  fields?: readonly TaskFieldId[],
): Promise<SaveFileResult> {
  return platform().saveFile({
    title: CSV_SAVE_TEXT.title,
    suggestedName: ledgerCsvFileName(district, period),
    filters: [{ name: CSV_SAVE_TEXT.filter, extensions: ['csv'] }],
    data: taskRowsToCsv(rows, fields),
  });
}
