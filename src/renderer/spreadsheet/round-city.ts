/**
 * 市级汇总 files (exceljs): the task list the city sends each district (read by the district's
 * own 导入更新, with the binding beside it), and the 全市汇总表 with its 报送情况 sheet,
 * print-ready (A4 landscape, fit to width, header repeated).
 */
import { localDateTime } from '@core/time';
import ExcelJS from 'exceljs';
import type { Task } from '@core/model';
import { STATUS_LABELS } from '@core/model';
import { MAX_ROW_HEIGHT, estimateLines, rowHeightFor } from '@core/report';
import { BINDING_SHEET, COUNT_LABELS, bindingRows, dateText, type CityTaskRow, type DistrictReturn, type RoundBinding } from '@core/rounds';
import { CITY_FORMAT, CITY_LIST_HEADER, FONTS, WORKBOOK_CREATOR } from './format-texts';
import { CITY_TEXT } from './texts';

/** Header of the city's task list: the columns the district's 导入更新 recognises (spreadsheet/format-texts.ts). */
export { CITY_LIST_HEADER } from './format-texts';

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FONT = FONTS.body;
const text = (v: string) => ({ richText: [{ text: v }] });

function sheetSetup(wb: ExcelJS.Workbook, name: string, widths: number[], headerRow: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

function titleRow(ws: ExcelJS.Worksheet, row: number, cols: number, value: string, size = 16) {
  ws.mergeCells(row, 1, row, cols);
  const c = ws.getCell(row, 1);
  c.value = value;
  c.font = { name: FONT, size, bold: size >= 14 };
  c.alignment = { horizontal: size >= 14 ? 'center' : 'left', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = size >= 14 ? 30 : 22;
}

function header(ws: ExcelJS.Worksheet, row: number, labels: string[]) {
  const r = ws.getRow(row);
  labels.forEach((l, i) => {
    const c = r.getCell(i + 1);
    c.value = l;
    c.font = { name: FONT, size: 11, bold: true };
    c.fill = HEAD;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  r.height = 26;
}

/** Size of the body text, in points. */
const BODY_SIZE = 10;

/**
 * A row of the table, as tall as its tallest cell wraps in its column (a printed row keeps the
 * height it is given: without one, LibreOffice printed one line of a two-line text).
 */
function body(row: ExcelJS.Row, values: (string | number | null)[]) {
  let lines = 1;
  values.forEach((v, i) => {
    const c = row.getCell(i + 1);
    c.value = typeof v === 'string' ? text(v) : v;
    c.font = { name: FONT, size: BODY_SIZE };
    c.border = THIN;
    c.alignment = { vertical: 'top', wrapText: true };
    const width = row.worksheet.getColumn(i + 1).width ?? 10;
    if (typeof v === 'string' && v) lines = Math.max(lines, estimateLines(v, width, BODY_SIZE));
  });
  row.height = Math.min(MAX_ROW_HEIGHT, rowHeightFor(lines, BODY_SIZE));
}

/** The task list the city sends one district (its tasks only), with the binding. */
export async function writeCityTaskList(input: { periodName: string; district: string; dueDate: string; tasks: Task[]; binding: RoundBinding }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  const ws = sheetSetup(wb, CITY_FORMAT.listSheet, [6, 13, 26, 50, 18, 22, 12], 3);
  titleRow(ws, 1, 7, CITY_FORMAT.listTitle(input.periodName, input.district));
  titleRow(ws, 2, 7, CITY_TEXT.listNote(dateText(input.dueDate)), 10);
  header(ws, 3, [...CITY_LIST_HEADER]);
  input.tasks.forEach((t, i) => body(ws.getRow(4 + i), [i + 1, t.key, t.title, t.text, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadlineText ?? t.deadline ?? '']));
  const bind = wb.addWorksheet(BINDING_SHEET, { state: 'veryHidden' });
  for (const [k, v] of bindingRows(input.binding)) bind.addRow([k, v]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The 全市汇总表: one row per task × district (the task merged over its districts), and 报送情况. */
export async function writeCitySummary(input: { periodName: string; rows: CityTaskRow[]; districts: DistrictReturn[]; totals: Record<string, number>; madeAt: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  const ws = sheetSetup(wb, CITY_FORMAT.summarySheet, [6, 13, 24, 14, 12, 9, 46, 22], 3);
  titleRow(ws, 1, 8, CITY_FORMAT.summaryTitle(input.periodName));
  titleRow(ws, 2, 8, CITY_TEXT.summaryNote(localDateTime(input.madeAt), input.rows.length), 10);
  header(ws, 3, [...CITY_FORMAT.summaryHeader]);
  let r = 4;
  input.rows.forEach((t, i) => {
    const first = r;
    const summary = [
      COUNT_LABELS.filter(([k]) => t.counts[k] > 0).map(([k, l]) => `${l} ${t.counts[k]}`).join('，'),
      t.lagging.length ? CITY_TEXT.lagging(t.lagging) : '',
      t.missing.length ? CITY_TEXT.missing(t.missing) : '',
    ].filter(Boolean).join('\n');
    for (const d of t.sentTo) {
      const c = t.cells[d];
      body(ws.getRow(r), [i + 1, t.taskKey, t.title, d, c?.status ? STATUS_LABELS[c.status] : c ? '' : CITY_TEXT.notReported, c?.percent ?? null, c?.progress ?? '', summary]);
      r++;
    }
    if (r - first > 1) for (const col of [1, 2, 3, 8]) ws.mergeCells(first, col, r - 1, col);
  });
  const rs = sheetSetup(wb, CITY_FORMAT.returnsSheet, [20, 12, 12, 12, 12, 20], 3);
  titleRow(rs, 1, 6, CITY_FORMAT.returnsTitle(input.periodName));
  titleRow(rs, 2, 6, CITY_TEXT.totals(COUNT_LABELS.map(([k, l]) => `${l} ${input.totals[k] ?? 0}`)), 10);
  header(rs, 3, [...CITY_FORMAT.returnsHeader]);
  input.districts.forEach((d, i) => body(rs.getRow(4 + i), [d.district, d.sent, d.reported, d.sent - d.reported, d.lagging, d.lastAt ? localDateTime(d.lastAt) : CITY_TEXT.notReported]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
