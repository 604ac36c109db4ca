/**
 * Filling a report template with exceljs: scalar placeholders anywhere, and the styled data
 * row of each sheet repeated once per report row with its style, borders, height, merges and
 * data validations; rows below it (the footer) move down. Text is always written as text,
 * so a value like "=1+1" never becomes a formula.
 */
import ExcelJS from 'exceljs';
import { fitCellText, MAX_CELL_CHARS } from '@core/limits';
import {
  MAX_ROW_HEIGHT,
  copyFormulaDown,
  estimateLines,
  fillText,
  linesAtMost,
  findPlaceholders,
  formulaAfterRowsInserted,
  continuedName,
  linesPerRow,
  pageBreaks,
  printScale,
  type PrintSetup,
  printPieces,
  rowHeightFor,
  type RowScope,
  type TemplateSheetLayout,
} from '@core/report';
import type { ReportValue } from '@core/report';
import { cellText, readTemplate } from './template-read';
import { writeWorkbook } from './xlsx-write';
import type { ReportKind } from '@core/report';

/** What to write: scalar values and the rows of each scope. */
export interface ReportFill {
  scalars: Record<string, string>;
  rows: Partial<Record<RowScope, readonly Record<string, ReportValue>[]>>;
  /** A very hidden sheet of label/value rows (the binding by which the city's 回收 recognises the file). */
  hidden?: { name: string; rows: readonly (readonly [string, string])[] };
  /** Headings above the data written otherwise: a cell whose whole text is a key gets its value (the city's office: CITY_HEADINGS). */
  headings?: Readonly<Record<string, string>>;
  /** What a sheet of a scope without rows says in its naming cell (core/report emptySheetNotes). */
  emptyNotes?: Partial<Record<RowScope, string>>;
}

/** Thrown when a template cannot be used; `issues` are the checker's messages. */
export class TemplateError extends Error {
  constructor(readonly issues: { sheet: string; cell?: string; message: string }[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'TemplateError';
  }
}

interface CellSnapshot {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

/** A deep copy as JSON.parse(JSON.stringify(v)) makes it, without the string round trip (a third of a 5,000-row export's time). */
function clone<T>(v: T): T {
  return v === undefined ? v : (copyJson(v) as T);
}

function copyJson(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'number' && !Number.isFinite(v) ? null : v;
  const json = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return copyJson(json.call(v));
  if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' ? null : copyJson(x)));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && typeof x !== 'function' && typeof x !== 'symbol') out[k] = copyJson(x);
  }
  return out;
}

function snapshotRow(ws: ExcelJS.Worksheet, r: number, cols: number): { height: number | undefined; cells: CellSnapshot[] } {
  const row = ws.getRow(r);
  const cells: CellSnapshot[] = [];
  for (let c = 1; c <= cols; c++) {
    const cell = row.getCell(c);
    const master = cell.isMerged && cell.master !== cell;
    cells.push({ value: master ? null : plainValue(cell), style: clone(cell.style ?? {}) });
  }
  return { height: row.height, cells };
}

/**
 * A cell's value with a formula reduced to its text: no cached result (it would show the
 * template's placeholders or a stale number) and no shared-formula link to a moved master.
 */
function plainValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (cell.type === ExcelJS.ValueType.Formula && cell.formula) return { formula: cell.formula } as ExcelJS.CellFormulaValue;
  return cell.value;
}

/** The formula text of a snapshot value, if it is a formula. */
function formulaOf(value: ExcelJS.CellValue): string | undefined {
  return value && typeof value === 'object' && 'formula' in value && typeof value.formula === 'string' ? value.formula : undefined;
}

function decodeRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(':') as [string, string?];
  const ca = ExcelJSAddress(a);
  const cb = ExcelJSAddress(b!);
  return { top: Math.min(ca.row, cb.row), left: Math.min(ca.col, cb.col), bottom: Math.max(ca.row, cb.row), right: Math.max(ca.col, cb.col) };
}

function ExcelJSAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
  if (!m) throw new Error(`bad address ${a}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function sheetMerges(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])];
}

/** Fields that name a row: repeated on its continuation rows, marked 续. */
const NAMING_FIELDS: ReadonlySet<string> = new Set(['key', 'title', 'name']);

/** What one cell of the data row writes on every report row, worked out once per sheet. */
interface ColumnPlan {
  /** The template cell's value: a formula follows its row, a lone row placeholder gives the row's value, other text is filled, anything else is kept. */
  kind: 'formula' | 'field' | 'text' | 'constant';
  template: ExcelJS.CellValue;
  /** The formula, the row field or the text, by kind. */
  source: string;
  style: Partial<ExcelJS.Style>;
  width: number;
  fontSize: number;
  /** Lines of text a printed row holds at this font. */
  maxLines: number;
  /** The template cell wraps its text. */
  wraps: boolean;
  /** The cell names its row (任务编号, 重点任务, 指标名称, 集群): repeated on continuation rows. */
  naming: boolean;
}

function columnPlan(ws: ExcelJS.Worksheet, snap: CellSnapshot, col: number): ColumnPlan {
  const fontSize = snap.style.font?.size ?? 11;
  const base = { template: snap.value, style: snap.style, width: ws.getColumn(col).width ?? 9, fontSize, maxLines: linesPerRow(fontSize), wraps: !!snap.style.alignment?.wrapText };
  const formula = formulaOf(snap.value);
  if (formula !== undefined) return { ...base, kind: 'formula', source: formula, naming: false };
  const text = cellText(snap.value);
  if (text === undefined) return { ...base, kind: 'constant', source: '', naming: false };
  const refs = findPlaceholders(text);
  if (refs.length === 1 && refs[0]!.scope !== undefined && text.trim() === `{{${refs[0]!.raw}}}`) return { ...base, kind: 'field', source: refs[0]!.field, naming: NAMING_FIELDS.has(refs[0]!.field) };
  return { ...base, kind: 'text', source: text, naming: false };
}

/** Value of one data cell on a report row `offset` physical rows below the template's: a lone placeholder keeps the row value's type; mixed text becomes text; a formula follows its row. */
function planValue(plan: ColumnPlan, scalars: Record<string, string>, row: Record<string, ReportValue>, offset: number): ExcelJS.CellValue {
  switch (plan.kind) {
    case 'formula':
      return { formula: copyFormulaDown(plan.source, offset) } as ExcelJS.CellFormulaValue;
    case 'field': {
      const v = row[plan.source];
      return v === undefined || v === null || v === '' ? null : v;
    }
    case 'text':
      return fillText(plan.source, scalars, row);
    default:
      return plan.template;
  }
}

/** Lines a value takes in its cell as written (wrapping where its style wraps): the text's estimate for text, else what the cell shows. */
function valueLines(plan: ColumnPlan, value: ExcelJS.CellValue): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return estimateLines(value, plan.width, plan.fontSize);
  const text = typeof value === 'number' ? String(value) : (cellText(value) ?? '');
  return plan.wraps ? estimateLines(text, plan.width, plan.fontSize) : text.split(/\r?\n/).length;
}

/** One physical row of a sheet's data: its cells' values, the lines of each, and its tallest cell's lines. */
interface PhysicalRow {
  values: ExcelJS.CellValue[];
  /** Lines of each cell; 0 for a cell in a wrapping column not measured because it is not the tallest. */
  lines: number[];
  tallest: number;
}

/**
 * Lines of each cell of a report row, measuring only what matters: the cell with the largest
 * bound first, then a cell only when its bound could make it the tallest, cut it, or wrap a
 * column the template does not wrap.
 */
function measureRow(plans: readonly ColumnPlan[], values: ExcelJS.CellValue[]): PhysicalRow {
  const bounds: number[] = new Array<number>(values.length).fill(0);
  const lines: number[] = new Array<number>(values.length).fill(1);
  let tallest = 1;
  let first = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v === 'string') {
      bounds[k] = linesAtMost(v, plans[k]!.width, plans[k]!.fontSize);
      if (bounds[k]! > 1 && (first < 0 || bounds[k]! > bounds[first]!)) first = k;
    } else {
      lines[k] = valueLines(plans[k]!, v);
      if (lines[k]! > tallest) tallest = lines[k]!;
    }
  }
  // A text whose bound is one line takes one line; the others are measured when their bound matters.
  const measure = (k: number) => {
    const plan = plans[k]!;
    if (bounds[k]! > tallest || bounds[k]! > plan.maxLines || !plan.wraps) {
      lines[k] = estimateLines(values[k] as string, plan.width, plan.fontSize);
      if (lines[k]! > tallest) tallest = lines[k]!;
    } else lines[k] = 0;
  };
  if (first >= 0) {
    measure(first);
    for (let k = 0; k < values.length; k++) if (k !== first && bounds[k]! > 1) measure(k);
  }
  return { values, lines, tallest };
}

/**
 * The physical rows of a sheet's data: one per report row, plus continuation rows where a
 * text is taller than a printed row can be. Long texts are cut into pieces (between
 * paragraphs where possible) written one piece per row; the row's naming cells (任务编号,
 * 重点任务, 指标名称, 集群) are repeated there marked 续, other short cells left empty.
 */
function layoutRows(plans: readonly ColumnPlan[], rows: readonly Record<string, ReportValue>[], scalars: Record<string, string>, emptyNote?: string): PhysicalRow[] {
  if (rows.length === 0) {
    // No rows: the one data row left says so in the cell that names a row (指标名称, 集群), else the first field's.
    const values: ExcelJS.CellValue[] = plans.map(() => null);
    const at = [plans.findIndex((p) => p.kind === 'field' && (p.source === 'name' || p.source === 'title')), plans.findIndex((p) => p.kind === 'field' && p.source !== 'seq')].find((k) => k >= 0);
    if (emptyNote && at !== undefined) values[at] = emptyNote;
    return [measureRow(plans, values)];
  }
  const out: PhysicalRow[] = [];
  for (const row of rows) {
    const values = plans.map((plan) => planValue(plan, scalars, row, out.length));
    const measured = measureRow(plans, values);
    // A text taller than a printed row is cut into pieces (most texts fit).
    const pieces = values.map((v, k) => {
      const plan = plans[k]!;
      return typeof v === 'string' && measured.lines[k]! > plan.maxLines ? printPieces(v, plan.width, plan.fontSize, plan.maxLines, measured.lines[k]) : undefined;
    });
    if (pieces.every((p) => p === undefined)) {
      out.push(measured);
      continue;
    }
    const count = Math.max(...pieces.map((p) => p?.length ?? 1));
    for (let j = 0; j < count; j++) {
      const cells = values.map((v, k) => {
        const p = pieces[k];
        if (p) return p[j] ?? null;
        if (j === 0) return v;
        return plans[k]!.naming && v !== null && v !== undefined && v !== '' ? continuedName(String(v), plans[k]!.width, plans[k]!.fontSize) : null;
      });
      out.push(measureRow(plans, cells));
    }
  }
  return out;
}

/** Repeat the data row of one sheet for `rows`, shift the footer, keep merges and validations; returns the last data row. */
function fillSheet(ws: ExcelJS.Worksheet, layout: TemplateSheetLayout, rows: readonly Record<string, ReportValue>[], scalars: Record<string, string>, emptyNote?: string): number {
  const dr = layout.dataRow;
  const cols = Math.max(ws.columnCount, ws.getRow(dr).cellCount);
  const last = ws.rowCount;
  const tpl = snapshotRow(ws, dr, cols);
  const footer: ReturnType<typeof snapshotRow>[] = [];
  for (let r = dr + 1; r <= last; r++) footer.push(snapshotRow(ws, r, cols));

  const merges = sheetMerges(ws).map((m) => ({ m, ...decodeRange(m) }));
  const moving = merges.filter((x) => x.bottom >= dr);
  for (const x of moving) ws.unMergeCells(x.m);

  const dvModel = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  const rowValidations: { col: number; dv: ExcelJS.DataValidation }[] = [];
  const footerValidations: { row: number; col: number; dv: ExcelJS.DataValidation }[] = [];
  for (const [addr, dv] of Object.entries(dvModel)) {
    if (addr.includes(':')) continue;
    const a = ExcelJSAddress(addr);
    if (a.row === dr) rowValidations.push({ col: a.col, dv });
    else if (a.row > dr) footerValidations.push({ row: a.row, col: a.col, dv });
    else continue;
    delete dvModel[addr];
  }

  for (let r = dr + 1; r <= last; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      cell.value = null;
      cell.style = {};
    }
    row.height = undefined as unknown as number;
  }

  const plans = tpl.cells.map((snap, k) => columnPlan(ws, snap, k + 1));
  const physical = layoutRows(plans, rows, scalars, emptyNote);
  const n = physical.length;
  // The row's height is set by its tallest cell at the sheet's largest font of the data row.
  const rowFont = Math.max(0, ...plans.map((p) => p.fontSize)) || 11;
  // One style object per column, value type and wrapping, shared by the column's cells: exceljs
  // writes a style once per object (a copy per cell was serialised and de-duplicated cell by
  // cell), and it picks the number format by the type of the first cell that uses the object.
  const shared = plans.map((): Partial<ExcelJS.Style>[] => []);
  const styleFor = (k: number, type: ExcelJS.ValueType, wrap: boolean): Partial<ExcelJS.Style> => {
    const id = type * 2 + (wrap ? 1 : 0);
    let style = shared[k]![id];
    if (!style) {
      style = clone(plans[k]!.style);
      if (wrap) style.alignment = { ...(style.alignment ?? {}), wrapText: true };
      shared[k]![id] = style;
    }
    return style;
  };
  const rowMerges = moving.filter((x) => x.top === dr && x.bottom === dr);
  for (let i = 0; i < n; i++) {
    const r = dr + i;
    const row = ws.getRow(r);
    const { values, lines, tallest } = physical[i]!;
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[k]!;
      const cell = row.getCell(k + 1);
      const value = values[k] ?? null;
      cell.value = value;
      // A text that takes more than a line wraps, even where the template's cell does not.
      const wrap = !plan.wraps && typeof value === 'string' && value.length > 0 && lines[k]! > 1;
      // A formula's style is picked by its result's type: formulas keep a copy each.
      if (cell.type === ExcelJS.ValueType.Formula) {
        cell.style = clone(plan.style);
        if (wrap) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true };
      } else cell.style = styleFor(k, cell.type, wrap);
    }
    const height = Math.min(MAX_ROW_HEIGHT, Math.max(tpl.height ?? 0, rowHeightFor(tallest, rowFont)));
    if (height > 0) row.height = height;
    for (const x of rowMerges) ws.mergeCells(r, x.left, r, x.right);
  }
  // No rows: the sentence saying so spans the row from its cell to the last column, where no merge
  // of the template's row is in the way (a narrow 集群 column squeezed 本区未承担产业集群建设任务 onto
  // three lines beside six empty cells: walk10 Y4).
  const noteAt = rows.length === 0 && emptyNote ? physical[0]!.values.indexOf(emptyNote) : -1;
  if (noteAt >= 0 && noteAt < plans.length - 1 && !rowMerges.some((x) => x.right > noteAt)) {
    ws.mergeCells(dr, noteAt + 1, dr, plans.length);
    const width = plans.slice(noteAt).reduce((sum, p) => sum + p.width, 0);
    const lines = estimateLines(emptyNote!, width, plans[noteAt]!.fontSize);
    ws.getRow(dr).height = Math.min(MAX_ROW_HEIGHT, Math.max(tpl.height ?? 0, rowHeightFor(lines, rowFont)));
  }
  // A validation of the data row covers every written row: one range per column.
  for (const v of rowValidations) {
    const letter = ws.getColumn(v.col).letter;
    dvModel[n === 1 ? `${letter}${dr}` : `${letter}${dr}:${letter}${dr + n - 1}`] = clone(v.dv);
  }

  // Formulas above the table (a count in the title block) take in every written row too.
  for (let r = 1; r < dr; r++)
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      if (formula) cell.value = { formula: formulaAfterRowsInserted(formula, dr, n) } as ExcelJS.CellFormulaValue;
    });

  const shift = n - 1;
  footer.forEach((snap, k) => {
    const row = ws.getRow(dr + 1 + k + shift);
    snap.cells.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.style = clone(c.style);
      const text = cellText(c.value);
      const formula = formulaOf(c.value);
      cell.value =
        text !== undefined ? fillText(text, scalars) : formula !== undefined ? ({ formula: formulaAfterRowsInserted(formula, dr, n) } as ExcelJS.CellFormulaValue) : c.value;
    });
    if (snap.height !== undefined) row.height = snap.height;
  });
  for (const x of moving) {
    if (x.top === dr && x.bottom === dr) continue;
    if (x.top > dr) ws.mergeCells(x.top + shift, x.left, x.bottom + shift, x.right);
    else ws.mergeCells(x.top, x.left, x.bottom + shift, x.right); // a merge spanning the data row grows with it
  }
  for (const v of footerValidations) ws.getCell(v.row + shift, v.col).dataValidation = clone(v.dv);

  const ps = ws.pageSetup as Partial<ExcelJS.PageSetup>;
  if (ps.printArea) {
    const area = decodeRange(ps.printArea.split(',')[0]!.replace(/^.*!/, ''));
    if (area.bottom >= dr) ps.printArea = `${ws.getColumn(area.left).letter}${area.top}:${ws.getColumn(area.right).letter}${area.bottom + shift}`;
  }
  return dr + n - 1;
}

/** Excel's width of a column without a width of its own (8.43 characters, 64 px). */
const DEFAULT_COLUMN_WIDTH = 9.140625;
/** Excel's height of a row without a height of its own, in points. */
const DEFAULT_ROW_HEIGHT = 15;

/**
 * Write the sheet's page breaks (pageBreaks in core/report/layout.ts): every program then prints
 * every row, and the rows after the last data row (填报人/审核人) stay with it. The scale is the one
 * the sheet's page setup gives for its printed columns; a sheet fit to a number of pages tall is
 * left to the program.
 */
function writePageBreaks(ws: ExcelJS.Worksheet, lastDataRow: number): void {
  const ps = ws.pageSetup as Partial<ExcelJS.PageSetup>;
  let [left, right] = [1, ws.columnCount];
  let [top, bottom] = [1, ws.rowCount];
  if (ps.printArea) {
    const area = decodeRange(ps.printArea.split(',')[0]!.replace(/^.*!/, '').replace(/\$/g, ''));
    [left, right, top, bottom] = [area.left, area.right, area.top, area.bottom];
  }
  const widths: number[] = [];
  for (let c = left; c <= right; c++) widths.push(ws.getColumn(c).hidden ? 0 : (ws.getColumn(c).width ?? ws.properties.defaultColWidth ?? DEFAULT_COLUMN_WIDTH));
  const setup: PrintSetup = {
    paperSize: ps.paperSize,
    orientation: ps.orientation,
    margins: ps.margins,
    fitToPage: ps.fitToPage,
    fitToWidth: ps.fitToWidth,
    fitToHeight: ps.fitToHeight,
    scale: ps.scale,
  };
  const geometry = printScale(widths, setup);
  // exceljs keeps a sheet's breaks in `rowBreaks` (typed on its model only): the template's own go.
  (ws as unknown as { rowBreaks: unknown[] }).rowBreaks.length = 0;
  if (!geometry) return;
  const heights: number[] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    heights.push(row.hidden ? 0 : (row.height ?? ws.properties.defaultRowHeight ?? DEFAULT_ROW_HEIGHT));
  }
  const titles = /^\$?(\d+):\$?(\d+)$/.exec(ps.printTitlesRow ?? '');
  const titleRows = titles ? ([Number(titles[1]) - top + 1, Number(titles[2]) - top + 1] as const) : undefined;
  for (const r of pageBreaks(heights, { ...geometry, titleRows, lastDataRow: lastDataRow - top + 1 })) ws.getRow(r + top - 1).addPageBreak();
}

/**
 * Give rows `from`..`to` the height their filled texts need, measured as the data rows are: a
 * merged cell's text across its merged columns, at its font. A row only grows (a title row keeps
 * its template height). Before, the header and footer kept the template's 24 pt whatever was
 * filled in, and a long 填报单位（盖章） printed its second line under the table's border.
 */
function fitRowHeights(ws: ExcelJS.Worksheet, from: number, to: number): void {
  const spans = new Map<string, number>(); // master cell → the merged columns' width
  for (const m of sheetMerges(ws)) {
    const r = decodeRange(m);
    if (r.bottom < from || r.top > to || r.bottom > r.top) continue; // a merge over several rows is not measured
    let width = 0;
    for (let c = r.left; c <= r.right; c++) width += ws.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
    spans.set(`${r.top}:${r.left}`, width);
  }
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    let need = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = typeof cell.value === 'number' ? String(cell.value) : cellText(cell.value);
      if (!text) return;
      const size = cell.font?.size ?? 11;
      const width = spans.get(`${r}:${c}`) ?? ws.getColumn(c).width ?? DEFAULT_COLUMN_WIDTH;
      const lines = cell.alignment?.wrapText ? estimateLines(text, width, size) : text.split(/\r?\n/).length;
      // One line needs what Excel gives a row of its font (15 pt at 11 pt); more, what a data row's lines need.
      need = Math.max(need, lines > 1 ? rowHeightFor(lines, size) : Math.ceil(size * 1.36));
    });
    if (need > (row.height ?? ws.properties.defaultRowHeight ?? DEFAULT_ROW_HEIGHT)) row.height = Math.min(MAX_ROW_HEIGHT, need);
  }
}

/** Replace scalar placeholders in every cell outside the data rows. */
/** Rewrite the headings of rows 1..`last` whose whole text is a key of `headings`. */
function renameHeadings(ws: ExcelJS.Worksheet, last: number, headings: Readonly<Record<string, string>>): void {
  for (let r = 1; r <= last; r++)
    ws.getRow(r).eachCell((c) => {
      const to = typeof c.value === 'string' ? headings[c.value.trim()] : undefined;
      if (to !== undefined) c.value = to;
    });
}

function fillScalars(ws: ExcelJS.Worksheet, scalars: Record<string, string>, skipRow: number | undefined): void {
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === skipRow) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = cellText(cell.value);
      if (text !== undefined && text.includes('{{')) cell.value = fillText(text, scalars);
    });
  });
}

/** No cell is written over Excel's 32,767 characters: longer texts are cut and marked. */
function capCellTexts(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          if (v.length > MAX_CELL_CHARS) cell.value = fitCellText(v);
        } else if (v && typeof v === 'object' && 'richText' in v) {
          const text = v.richText.map((r) => r.text).join('');
          if (text.length > MAX_CELL_CHARS) cell.value = fitCellText(text);
        }
      }),
    ),
  );
}

/**
 * Fill template bytes with a report and return the .xlsx bytes. Throws TemplateError when
 * the template fails the check (the UI checks templates when they are loaded, so this is rare).
 */
export async function fillReport(templateBytes: Uint8Array, kind: ReportKind, fill: ReportFill): Promise<Uint8Array> {
  const { workbook, check } = await readTemplate(templateBytes, kind);
  if (check.issues.length) throw new TemplateError(check.issues);
  for (const ws of workbook.worksheets) {
    const layout = check.sheets.find((s) => s.sheet === ws.name);
    if (fill.headings && layout) renameHeadings(ws, layout.dataRow - 1, fill.headings);
    fillScalars(ws, fill.scalars, layout?.dataRow);
    if (!layout) {
      fitRowHeights(ws, 1, ws.rowCount);
      continue;
    }
    const lastDataRow = fillSheet(ws, layout, fill.rows[layout.scope] ?? [], fill.scalars, fill.emptyNotes?.[layout.scope]);
    // The header above the data and the footer below it, as filled.
    fitRowHeights(ws, 1, layout.dataRow - 1);
    fitRowHeights(ws, lastDataRow + 1, ws.rowCount);
    writePageBreaks(ws, lastDataRow);
  }
  capCellTexts(workbook);
  if (fill.hidden && !workbook.getWorksheet(fill.hidden.name)) {
    const ws = workbook.addWorksheet(fill.hidden.name, { state: 'veryHidden' });
    for (const r of fill.hidden.rows) ws.addRow([...r]);
  }
  // A template with formulas is recalculated when opened (the written formulas carry no results).
  let formulas = false;
  workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (formulas ||= c.type === ExcelJS.ValueType.Formula))));
  workbook.calcProperties.fullCalcOnLoad = formulas;
  return writeWorkbook(workbook);
}
