/**
 * Reading a report template (.xlsx with placeholders) with exceljs and checking it with the
 * pure checker in core: unknown placeholders and missing data rows are refused by cell.
 */
import ExcelJS from 'exceljs';
import { checkTemplate, type ReportKind, type RowScope, type TemplateCell, type TemplateCheck } from '@core/report';
import { TEMPLATE_READ_TEXT } from './texts';

/** The row scopes each report needs its template to have. */
export const REQUIRED_SCOPES: Readonly<Record<ReportKind, readonly RowScope[]>> = {
  tasks: ['task'],
  indicators: ['target'],
  clusters: ['cluster'],
  all: ['task', 'target', 'cluster', 'summary'],
};

/** The plain text of a cell value (rich text joined, formulas and dates ignored). */
export function cellText(value: ExcelJS.CellValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return undefined;
}

/** A loaded template: the exceljs workbook and the outcome of the check. */
export interface LoadedTemplate {
  workbook: ExcelJS.Workbook;
  check: TemplateCheck;
}

/** Every text cell of a workbook as the checker sees it. */
export function templateCells(wb: ExcelJS.Workbook): TemplateCell[] {
  const cells: TemplateCell[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = cellText(cell.value);
        if (text !== undefined && text.includes('{{')) cells.push({ sheet: ws.name, address: cell.address, row: rowNumber, text });
      });
    });
  });
  return cells;
}

/** Open template bytes and check them for `kind`. Unreadable files come back as an issue, not a throw. */
export async function readTemplate(bytes: Uint8Array, kind: ReportKind): Promise<LoadedTemplate> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch {
    return {
      workbook,
      check: {
        sheets: [],
        issues: [{ sheet: '', message: TEMPLATE_READ_TEXT.notXlsx }],
      },
    };
  }
  const names = workbook.worksheets.map((w) => w.name);
  return { workbook, check: checkTemplate(names, templateCells(workbook), REQUIRED_SCOPES[kind]) };
}
