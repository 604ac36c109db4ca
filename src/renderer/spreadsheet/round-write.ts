/**
 * 下发: one workbook per unit (exceljs) with only its tasks. The sheet is protected except the
 * fill-in columns; 本期状态 is a drop-down and 完成进度 a validated number 0–100; the header
 * states the instructions and the due date; a very hidden sheet carries the binding (round,
 * period, unit, task keys, checksum) by which the returned file is recognised. Text is
 * always written as text (a value like "=1+1" never becomes a formula).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '@core/model';
import { BINDING_SHEET, INDICATOR_COLUMNS, INDICATOR_INSTRUCTIONS, INDICATOR_SHEET, ROLE_LABELS, ROUND_COLUMNS, ROUND_SHEET, bindingRows, columnLetter, indicatorTitle, roundInstructions, roundTitle, dateText, type IndicatorColumn, type RoundBinding, type RoundColumn } from '@core/rounds';
import { FONTS, WORKBOOK_CREATOR } from './format-texts';
import { ROUND_SHEET_TEXT } from './texts';

/** One task row of a unit's workbook. */
export interface RoundSheetTask {
  key: string;
  title: string;
  text: string;
  role: 'lead' | 'assist';
  /** Last period's words, when prefilled. */
  prefill?: { status?: TaskStatus; percent?: number; progress: string; problems: string; nextSteps: string };
}

/** One quantitative target of a unit's task, a row of the indicator sheet // 指标填报. */
export interface RoundSheetIndicator {
  taskKey: string;
  targetId: string;
  name: string;
  /** The target as the task's form states it (年份, 名称, 比较与数值, 单位). */
  goal: string;
  /** The district's value of the period before, when there is one. */
  previous?: number;
}

/** What a unit's workbook holds. */
export interface RoundSheetInput {
  district: string;
  periodName: string;
  unit: string;
  dueDate: string;
  tasks: RoundSheetTask[];
  /** The targets of its tasks, in task order: a second sheet when there are any. */
  indicators?: RoundSheetIndicator[];
  binding: RoundBinding;
}

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const FONT = FONTS.body;

/** Rough wrapped line count of a text in a column of `width` characters (CJK counts double). */
function lines(text: string, width: number): number {
  let n = 0;
  for (const part of text.split('\n')) {
    let w = 0;
    for (const ch of part) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
    n += Math.max(1, Math.ceil(w / Math.max(1, width * 1.1)));
  }
  return n;
}

/** A column of a form sheet, as both layouts give it. */
type FormColumn = { key: string; header: string; fill: boolean; width: number };
/** A form sheet's rows: title, instructions, header, first data row. */
type FormRows = { name: string; titleRow: number; noteRow: number; headerRow: number };

/**
 * A protected form sheet: frozen under its header, printed landscape on A4 fitting the width with
 * the header repeated, the title and the instructions (red) merged across, the header row.
 */
function addFormSheet(wb: ExcelJS.Workbook, rows: FormRows, columns: readonly FormColumn[], title: string, note: string, noteHeight: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(rows.name, {
    views: [{ state: 'frozen', ySplit: rows.headerRow, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${rows.headerRow}:${rows.headerRow}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  const last = columnLetter(columns.length - 1);
  ws.columns = columns.map((c) => ({ width: c.width }));

  ws.mergeCells(`A${rows.titleRow}:${last}${rows.titleRow}`);
  const titleCell = ws.getCell(`A${rows.titleRow}`);
  titleCell.value = title;
  titleCell.font = { name: FONT, size: 16, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(rows.titleRow).height = 30;

  ws.mergeCells(`A${rows.noteRow}:${last}${rows.noteRow}`);
  const noteCell = ws.getCell(`A${rows.noteRow}`);
  noteCell.value = note;
  noteCell.font = { name: FONT, size: 10, color: { argb: 'FFC00000' } };
  noteCell.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(rows.noteRow).height = noteHeight;

  const head = ws.getRow(rows.headerRow);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEAD;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = 30;
  return ws;
}

/**
 * One data row of a form sheet: strings as rich text (so that "=…" stays text), numbers as
 * numbers; the fill-in cells unlocked, the others grey. Its height follows the longest text.
 */
function fillFormRow(row: ExcelJS.Row, columns: readonly FormColumn[], values: Record<string, string | number | null>, centred: readonly string[], right: readonly string[], heights: { min: number; max: number }): void {
  let height = 1;
  columns.forEach((c, ci) => {
    const cell = row.getCell(ci + 1);
    const v = values[c.key] ?? null;
    cell.value = typeof v === 'string' ? { richText: [{ text: v }] } : v;
    cell.font = { name: FONT, size: 10 };
    cell.border = THIN;
    cell.alignment = { vertical: 'top', wrapText: true, horizontal: centred.includes(c.key) ? 'center' : right.includes(c.key) ? 'right' : 'left' };
    if (c.fill) cell.protection = { locked: false };
    else cell.fill = GREY;
    if (typeof v === 'string') height = Math.max(height, lines(v, c.width));
  });
  row.height = Math.min(heights.max, Math.max(heights.min, height * 14));
}

/**
 * A validation over a whole column's rows, given as one range: exceljs's own grouping of per-cell
 * validations sorts addresses as text (F10 before F4) and writes overlapping ranges (F4:F44 and
 * F10:F44), which Excel may report as damaged content.
 */
function validateColumn(ws: ExcelJS.Worksheet, columns: readonly FormColumn[], key: string, rows: { first: number; count: number }, v: ExcelJS.DataValidation): void {
  const col = columnLetter(columns.findIndex((c) => c.key === key));
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}${rows.first}:${col}${rows.first + rows.count - 1}`, v);
}

/** Protect a form sheet: only its unlocked cells can be typed in; rows and columns may be resized. */
function protectForm(ws: ExcelJS.Worksheet): Promise<void> {
  return ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, formatCells: false, insertRows: false, deleteRows: false, sort: false, autoFilter: false });
}

/** Build one unit's workbook. */
export async function writeRoundWorkbook(input: RoundSheetInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_CREATOR;
  const withIndicators = (input.indicators?.length ?? 0) > 0;
  const ws = addFormSheet(wb, ROUND_SHEET, ROUND_COLUMNS, roundTitle(input.district, input.periodName, input.unit), roundInstructions(dateText(input.dueDate), withIndicators), withIndicators ? 56 : 44);

  const statusList = `"${TASK_STATUSES.map((s) => STATUS_LABELS[s]).join(',')}"`;
  input.tasks.forEach((t, i) => {
    const p = t.prefill;
    const values: Record<RoundColumn['key'], string | number | null> = {
      seq: i + 1,
      taskKey: t.key,
      title: t.title,
      text: t.text,
      role: ROLE_LABELS[t.role],
      status: p?.status ? STATUS_LABELS[p.status] : null,
      percent: p?.percent ?? null,
      progress: p?.progress || null,
      problems: p?.problems || null,
      nextSteps: p?.nextSteps || null,
    };
    fillFormRow(ws.getRow(ROUND_SHEET.firstTaskRow + i), ROUND_COLUMNS, values, ['seq', 'role', 'percent'], [], { min: 30, max: 160 });
  });
  if (input.tasks.length > 0) {
    const rows = { first: ROUND_SHEET.firstTaskRow, count: input.tasks.length };
    validateColumn(ws, ROUND_COLUMNS, 'status', rows, {
      type: 'list',
      allowBlank: true,
      formulae: [statusList],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: ROUND_SHEET_TEXT.statusTitle,
      error: ROUND_SHEET_TEXT.statusError,
    });
    validateColumn(ws, ROUND_COLUMNS, 'percent', rows, {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: ROUND_SHEET_TEXT.percentTitle,
      error: ROUND_SHEET_TEXT.percentError,
      showInputMessage: true,
      promptTitle: ROUND_SHEET_TEXT.percentTitle,
      prompt: ROUND_SHEET_TEXT.percentPrompt,
    });
  }
  await protectForm(ws);

  if (withIndicators) await addIndicatorSheet(wb, input);

  const bind = wb.addWorksheet(BINDING_SHEET, { state: 'veryHidden' });
  for (const [k, v] of bindingRows(input.binding)) bind.addRow([k, v]);
  await bind.protect('', {});

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * The indicator sheet: a row per target of the unit's tasks, only 本期实际值 open (a validated
 * number), the rest grey and protected; 指标编号 ties each row to its target when read back.
 */
async function addIndicatorSheet(wb: ExcelJS.Workbook, input: RoundSheetInput): Promise<void> {
  const list = input.indicators!;
  const ws = addFormSheet(wb, INDICATOR_SHEET, INDICATOR_COLUMNS, indicatorTitle(input.district, input.periodName, input.unit), INDICATOR_INSTRUCTIONS, 30);
  list.forEach((t, i) => {
    const values: Record<IndicatorColumn['key'], string | number | null> = { seq: i + 1, taskKey: t.taskKey, name: t.name, goal: t.goal, previous: t.previous ?? null, value: null, targetId: t.targetId };
    fillFormRow(ws.getRow(INDICATOR_SHEET.firstRow + i), INDICATOR_COLUMNS, values, ['seq'], ['previous', 'value'], { min: 22, max: 120 });
  });
  validateColumn(ws, INDICATOR_COLUMNS, 'value', { first: INDICATOR_SHEET.firstRow, count: list.length }, {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [-1e12, 1e12],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: ROUND_SHEET_TEXT.valueTitle,
    error: ROUND_SHEET_TEXT.valueError,
    showInputMessage: true,
    promptTitle: ROUND_SHEET_TEXT.valueTitle,
    prompt: ROUND_SHEET_TEXT.valuePrompt,
  });
  await protectForm(ws);
}

/** All files of a round as one .zip (names kept; Chinese names are stored as UTF-8). */
export async function zipFiles(files: readonly { name: string; data: Uint8Array }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.data, { binary: true, date: new Date() });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
