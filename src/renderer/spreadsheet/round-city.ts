/**
 * 市级汇总 files (exceljs): the task list the city sends each district (read by the district's
 * own 导入更新, with the binding beside it), and the 全市汇总表 with its 报送情况 sheet,
 * print-ready (A4 landscape, fit to width, header repeated).
 */
import { localDateTime } from '@core/time';
import ExcelJS from 'exceljs';
import type { Task } from '@core/model';
import { STATUS_LABELS } from '@core/model';
import { MAX_ROW_HEIGHT, PRINT_ROW_HEIGHT, continuedName, estimateLines, linesPerRow, pageMergedRuns, printPieces, printScale, rowHeightFor, type MergedRun } from '@core/report';
import { BINDING_SHEET, COUNT_LABELS, bindingRows, dateText, notReportedText, type CityTaskRow, type DistrictReturn, type RoundBinding } from '@core/rounds';
import { CITY_FORMAT, CITY_LIST_HEADER, FONTS, MUNICIPAL_TEMPLATE, WORKBOOK_CREATOR } from './format-texts';
import { CITY_TEXT } from './texts';
import { writeWorkbook } from './xlsx-write';

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
    // Page numbers, as on every district report (a 58-page 汇总表 is put in order by them).
    headerFooter: { oddFooter: MUNICIPAL_TEMPLATE.footer },
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

/** Write a body cell: text as text, bordered, wrapped, at the top. */
function cell(c: ExcelJS.Cell, v: string | number | null) {
  c.value = typeof v === 'string' ? text(v) : v;
  c.font = { name: FONT, size: BODY_SIZE };
  c.border = THIN;
  c.alignment = { vertical: 'top', wrapText: true };
}

/**
 * A row of the table, as tall as its tallest cell wraps in its column (a printed row keeps the
 * height it is given: without one, LibreOffice printed one line of a two-line text).
 */
function body(row: ExcelJS.Row, values: (string | number | null)[]) {
  let lines = 1;
  values.forEach((v, i) => {
    cell(row.getCell(i + 1), v);
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
  return writeWorkbook(wb);
}

/** Height in points of a row whose tallest cell has `lines` lines of body text: one line as a spreadsheet gives a row of its font, more as the reports measure them. */
function bodyHeight(lines: number): number {
  return lines > 1 ? rowHeightFor(lines, BODY_SIZE) : ONE_LINE;
}
/** A row of one line of body text: a 10 pt CJK line and a little padding (LibreOffice prints it whole; 未报送 rows are most of the sheet). */
const ONE_LINE = 16;

/** Lines of each text in its column of `widths` (1 for numbers and empty cells). */
function tallest(values: readonly (string | number | null)[], widths: readonly number[], from = 0): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v === 'string' && v) lines = Math.max(lines, estimateLines(v, widths[from + i]!, BODY_SIZE));
  });
  return lines;
}

/** Columns of the 全市汇总表 merged over a task's district rows: 序号, 任务编号, 重点任务, 汇总 (0-based). */
const SUMMARY_MERGED = [0, 1, 2, 7] as const;
/** Widths of the 全市汇总表's columns: 区（功能区） holds the longest name (武汉经济技术开发区) on one line. */
const SUMMARY_WIDTHS = [6, 13, 24, 20, 12, 9, 44, 22];

/**
 * The 全市汇总表: one row per task × district (the task's cells merged over its districts), and
 * 报送情况. Each row is as tall as its own cells (未报送 one line); the task's merged texts get the
 * height they need on as few rows as it takes, a progress text taller than a printed row goes on
 * over rows marked 续, and a page break merges a task's cells again, marked 续, so every page
 * names the task of its rows (pageMergedRuns).
 */
export async function writeCitySummary(input: { periodName: string; rows: CityTaskRow[]; districts: DistrictReturn[]; totals: Record<string, number>; madeAt: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  const widths = SUMMARY_WIDTHS;
  const ws = sheetSetup(wb, CITY_FORMAT.summarySheet, widths, 3);
  titleRow(ws, 1, 8, CITY_FORMAT.summaryTitle(input.periodName));
  titleRow(ws, 2, 8, CITY_TEXT.summaryNote(localDateTime(input.madeAt), input.rows.length), 10);
  header(ws, 3, [...CITY_FORMAT.summaryHeader]);
  // The rows as laid out: the district cells of each (D–G), and the merged cells of each task.
  const cells: (string | number | null)[][] = [];
  const heights = [1, 2, 3].map((r) => ws.getRow(r).height ?? 15);
  const runs: (MergedRun & { number: number })[] = [];
  // A long progress text goes on over rows of half a printed row each: a page holds several, and
  // what a row that no longer fits leaves empty at a page's foot stays small.
  const maxLines = linesPerRow(BODY_SIZE, PRINT_ROW_HEIGHT / 2);
  input.rows.forEach((t, i) => {
    const first = 4 + cells.length;
    const summary = [
      COUNT_LABELS.filter(([k]) => t.counts[k] > 0).map(([k, l]) => `${l} ${t.counts[k]}`).join('，'),
      t.lagging.length ? CITY_TEXT.lagging(t.lagging) : '',
      t.unfilled.length ? CITY_TEXT.unfilled(t.unfilled) : '',
      t.missing.length ? CITY_TEXT.missing(t.missing) : '',
    ].filter(Boolean).join('\n');
    for (const d of t.sentTo) {
      const c = t.cells[d];
      const own: (string | number | null)[] = [d, c?.status ? STATUS_LABELS[c.status] : c ? '' : t.unfilled.includes(d) ? CITY_TEXT.notFilled : CITY_TEXT.notReported, c?.percent ?? null, c?.progress ?? ''];
      const progress = own[3] as string;
      // A progress text taller than that goes on over rows of its own, the district marked 续.
      const pieces = (progress && printPieces(progress, widths[6]!, BODY_SIZE, maxLines)) || [progress];
      pieces.forEach((piece, j) => {
        const row = j === 0 ? [...own.slice(0, 3), piece] : [continuedName(d, widths[3]!, BODY_SIZE), null, null, piece];
        cells.push(row);
        heights.push(Math.min(MAX_ROW_HEIGHT, bodyHeight(tallest(row, widths, 3))));
      });
    }
    runs.push({
      first,
      last: 3 + cells.length,
      number: i + 1,
      cells: [
        { text: t.taskKey, width: widths[1]!, naming: true },
        { text: t.title, width: widths[2]!, naming: true },
        { text: summary, width: widths[7]!, naming: false },
      ],
    });
  });
  const ps = ws.pageSetup as Partial<ExcelJS.PageSetup>;
  const geometry = printScale(widths, { paperSize: ps.paperSize, orientation: ps.orientation, margins: ps.margins, fitToPage: ps.fitToPage, fitToWidth: ps.fitToWidth, fitToHeight: ps.fitToHeight });
  // The sheet is fit to one page wide only (never undefined here); without a scale the program would place the breaks.
  const paged = pageMergedRuns(heights, runs, { ...(geometry ?? { scale: 1, pageHeight: Infinity }), titleRows: [3, 3], fontSize: BODY_SIZE, height: bodyHeight });
  cells.forEach((values, k) => {
    const row = ws.getRow(4 + k);
    values.forEach((v, j) => cell(row.getCell(4 + j), v));
    row.height = paged.heights[3 + k]!;
  });
  for (const part of paged.parts) {
    // 序号 on the task's first part only: a part after a page break is named by its cells marked 续.
    const values = [part.continued ? null : runs[part.run]!.number, ...part.texts];
    SUMMARY_MERGED.forEach((col, k) => {
      for (let r = part.first; r <= part.last; r++) cell(ws.getRow(r).getCell(col + 1), r === part.first ? (values[k] ?? null) : null);
      if (part.last > part.first) ws.mergeCells(part.first, col + 1, part.last, col + 1);
    });
  }
  for (const r of paged.breaks) ws.getRow(r).addPageBreak();
  const rs = sheetSetup(wb, CITY_FORMAT.returnsSheet, [20, 12, 12, 12, 12, 20], 3);
  titleRow(rs, 1, 6, CITY_FORMAT.returnsTitle(input.periodName));
  titleRow(rs, 2, 6, CITY_TEXT.totals(COUNT_LABELS.map(([k, l]) => `${l} ${input.totals[k] ?? 0}`)), 10);
  header(rs, 3, [...CITY_FORMAT.returnsHeader]);
  // 未填报 / 未报送: the tasks without a report, said as the district's state (returned or not), as on the 市级汇总 page.
  input.districts.forEach((d, i) =>
    body(rs.getRow(4 + i), [d.district, d.sent, d.reported, notReportedText(d), d.lagging, d.lastAt ? localDateTime(d.lastAt) : CITY_TEXT.notReported]),
  );
  return writeWorkbook(wb);
}
