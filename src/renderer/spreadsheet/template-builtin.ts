/**
 * The built-in municipal templates, as exceljs workbooks. `npm run templates` writes them to
 * resources/templates/*.xlsx; the app fills those files (templates are data, not code), so
 * an office can replace any of them with the city's own file in 设置 → 报表模板.
 */
import ExcelJS from 'exceljs';
import { STATUS_LABELS, TASK_STATUSES } from '@core/model';
import type { TaskFieldId } from '@core/fields';
import type { ReportKind } from '@core/report';
import { ROW_PLACEHOLDERS } from '@core/report/placeholders';
import { FONTS, MUNICIPAL_TEMPLATE as M, WORKBOOK_CREATOR } from './format-texts';
import { TEMPLATE_TEXT } from './texts';

type Worksheet = ExcelJS.Worksheet;

const BODY_FONT = { name: FONTS.body, size: 10 } as const;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A column of a built-in sheet: header, placeholder, width in Excel character units. */
interface ColumnSpec {
  header: string;
  placeholder: string;
  width: number;
  align?: 'left' | 'center';
  numFmt?: string;
}

/** The 13 columns of the 重点任务推进情况表 (headers: the task field registry's, through the placeholders). */
const TASK_COLUMNS: readonly [TaskFieldId, number, 'left' | 'center', string?][] = [
  ['seq', 5, 'center'],
  // 任务编号 such as 2025YFZX-03 on one line wherever 宋体's Latin letters fall back to a wider font.
  ['key', 13, 'center'],
  ['document', 11, 'center'],
  ['title', 28, 'left'],
  ['leadUnits', 11, 'center'],
  ['responsibleUnits', 13, 'center'],
  ['deadline', 9, 'center'],
  ['progress', 34, 'left'],
  ['percent', 7, 'center', '0"%"'],
  ['status', 9, 'center'],
  ['problems', 17, 'left'],
  ['nextSteps', 19, 'left'],
  ['note', 7, 'left'],
];

/**
 * Columns of a row scope's placeholders (`{{target.seq}}`): key, width, alignment, number format;
 * headers are the placeholders' names (for tasks, the field registry's headers).
 */
function rowColumns(scope: keyof typeof ROW_PLACEHOLDERS, specs: readonly [string, number, 'left' | 'center', string?][]): ColumnSpec[] {
  return specs.map(([key, width, align, numFmt]) => ({ header: ROW_PLACEHOLDERS[scope][key]!, placeholder: `{{${scope}.${key}}}`, width, align, ...(numFmt ? { numFmt } : {}) }));
}

/** Printed width (Excel's units) the 填报单位（盖章） line needs for a unit's full name of about 13 characters on one line. */
const UNIT_LINE_WIDTH = 46;

const SHEET_SPECS: Record<Exclude<ReportKind, 'all'> | 'summary', { sheet: string; title: string; columns: ColumnSpec[] }> = {
  tasks: {
    ...M.tasks,
    columns: rowColumns('task', TASK_COLUMNS),
  },
  indicators: {
    sheet: M.indicators.sheet,
    title: M.indicators.title,
    columns: rowColumns('target', [
      ['seq', 5, 'center'],
      ['name', 24, 'left'],
      ['unit', 6, 'center'],
      ['cityTarget', 19, 'center'],
      ['value', 9, 'center'],
      ['year', 8, 'center'],
      ['baseline', 8, 'center'],
      ['actual', 9, 'center'],
      ['rate', 8, 'center', '0.0"%"'],
      ['judgement', 11, 'center'],
      ['scope', 12, 'center'],
      ['sources', 20, 'left'],
    ]),
  },
  clusters: {
    sheet: M.clusters.sheet,
    title: M.clusters.title,
    columns: rowColumns('cluster', [
      ['name', 16, 'center'],
      ['focus', 24, 'left'],
      ['progress', 40, 'left'],
      ['indicators', 28, 'left'],
      ['problems', 22, 'left'],
      ['nextSteps', 26, 'left'],
      ['note', 16, 'left'],
    ]),
  },
  summary: {
    sheet: M.summary.sheet,
    title: M.summary.title,
    columns: rowColumns('summary', [
      // Wide enough for the title and the one-column-per-item header block of this narrow sheet:
      // 填报单位（盖章）：and a unit's full name of about 13 characters on one line (UNIT_LINE_WIDTH:
      // 蔡甸区科技和经济信息化局 broke over two lines at 40, walk10 Y3), a longer one wrapping, never
      // under the next cell; 填报日期：2026年11月27日 and 联系电话：027-87951234-8001 keep to one line each (walk6 W10).
      ['status', UNIT_LINE_WIDTH, 'center'],
      ['count', 34, 'center'],
      ['share', 34, 'center', '0.0"%"'],
    ]),
  },
};


/**
 * Split the columns into three nearly equal runs for the header block and the footer; the first
 * run takes columns from the second until it is wide enough for the 填报单位（盖章） line (two
 * narrow first columns broke 东西湖区科技和经济信息化局 over two lines: walk9 Z8).
 */
function thirds(widths: readonly number[]): [number, number][] {
  const n = widths.length;
  const width = (from: number, to: number) => widths.slice(from - 1, to).reduce((x, w) => x + w, 0);
  const even = Math.max(1, Math.round(n / 3));
  let a = even;
  while (width(1, a) < UNIT_LINE_WIDTH && a < n - 2) a++;
  let b = Math.max(a + 1, Math.floor((2 * n) / 3));
  // A wider first run: the rest shared by width between the other two.
  if (a > even) {
    b = a + 1;
    while (b < n - 1 && width(a + 1, b) < width(b + 1, n)) b++;
  }
  return [
    [1, a],
    [a + 1, b],
    [b + 1, n],
  ];
}

function addBlock(ws: Worksheet, row: number, texts: string[]): void {
  const spans = thirds(Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 9));
  // A sheet of few columns gives each text one column: a long text wraps within it (two lines high).
  const narrow = spans.some(([from, to]) => to === from);
  spans.forEach(([from, to], i) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = texts[i] ?? '';
    cell.font = { ...BODY_FONT, size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: i === 0 ? 'left' : i === 1 ? 'center' : 'right', wrapText: true };
  });
  ws.getRow(row).height = narrow ? 36 : 24;
}

function addSheet(wb: ExcelJS.Workbook, key: keyof typeof SHEET_SPECS): Worksheet {
  const spec = SHEET_SPECS[key];
  const n = spec.columns.length;
  const ws = wb.addWorksheet(spec.sheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 3, showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    },
    headerFooter: { oddFooter: M.footer },
  });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { name: FONTS.title, size: key === 'summary' ? 16 : 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  addBlock(ws, 2, [...M.unitBlock]);

  const header = ws.getRow(3);
  header.height = 30;
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...BODY_FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });

  const data = ws.getRow(4);
  spec.columns.forEach((c, i) => {
    const cell = data.getCell(i + 1);
    cell.value = c.placeholder;
    cell.font = BODY_FONT;
    cell.alignment = { horizontal: c.align ?? 'left', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    if (c.numFmt) cell.numFmt = c.numFmt;
  });
  const statusCol = spec.columns.findIndex((c) => c.placeholder === '{{task.status}}');
  if (statusCol >= 0)
    ws.getCell(4, statusCol + 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${TASK_STATUSES.map((s) => STATUS_LABELS[s]).join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: TEMPLATE_TEXT.statusErrorTitle,
      error: TEMPLATE_TEXT.statusError(TASK_STATUSES.map((s) => STATUS_LABELS[s])),
    };

  addBlock(ws, 5, [...M.signBlock]);
  return ws;
}

/** The built-in template of a report as a workbook (one sheet, or four for `all`). */
export function buildBuiltinTemplate(kind: ReportKind): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  if (kind === 'all') for (const k of ['tasks', 'indicators', 'clusters', 'summary'] as const) addSheet(wb, k);
  else addSheet(wb, kind);
  return wb;
}

/** File name of a built-in template in resources/templates. */
export const BUILTIN_TEMPLATE_FILES: Readonly<Record<ReportKind, string>> = {
  tasks: 'tasks.xlsx',
  indicators: 'indicators.xlsx',
  clusters: 'clusters.xlsx',
  all: 'all.xlsx',
};
