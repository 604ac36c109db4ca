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
  findPlaceholders,
  formulaAfterRowsInserted,
  CONTINUED_MARK,
  linesPerRow,
  piecesAsCells,
  rowHeightFor,
  splitTextForPrint,
  type RowScope,
  type TemplateSheetLayout,
} from '@core/report';
import type { ReportValue } from '@core/report';
import { cellText, readTemplate } from './template-read';
import type { ReportKind } from '@core/report';

/** What to write: scalar values and the rows of each scope. */
export interface ReportFill {
  scalars: Record<string, string>;
  rows: Partial<Record<RowScope, readonly Record<string, ReportValue>[]>>;
  /** A very hidden sheet of label/value rows (the binding by which the city's 回收 recognises the file). */
  hidden?: { name: string; rows: readonly (readonly [string, string])[] };
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

/** Value of one data cell: a lone placeholder keeps the row value's type; mixed text becomes text; a formula follows its row. */
function dataValue(template: ExcelJS.CellValue, scalars: Record<string, string>, row: Record<string, ReportValue> | undefined, offset: number): ExcelJS.CellValue {
  const formula = formulaOf(template);
  if (formula !== undefined) return { formula: copyFormulaDown(formula, offset) } as ExcelJS.CellFormulaValue;
  const text = cellText(template);
  if (text === undefined) return template;
  const refs = findPlaceholders(text);
  if (refs.length === 1 && refs[0]!.scope !== undefined && text.trim() === `{{${refs[0]!.raw}}}`) {
    const v = row ? row[refs[0]!.field] : null;
    return v === undefined || v === null || v === '' ? null : v;
  }
  return fillText(text, scalars, row ?? {});
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

/** The height a data row needs for its wrapped text, from its cells' text, column widths and fonts. */
function fittedHeight(ws: ExcelJS.Worksheet, row: ExcelJS.Row, cols: number): number {
  let lines = 1;
  let size = 0;
  for (let c = 1; c <= cols; c++) {
    const cell = row.getCell(c);
    const fontSize = cell.font?.size ?? 11;
    size = Math.max(size, fontSize);
    if (cell.value === null || cell.value === undefined) continue;
    const text = typeof cell.value === 'number' ? String(cell.value) : (cellText(cell.value) ?? '');
    const width = ws.getColumn(c).width ?? 9;
    const n = cell.alignment?.wrapText ? estimateLines(text, width, fontSize) : text.split(/\r?\n/).length;
    lines = Math.max(lines, n);
  }
  return rowHeightFor(lines, size || 11);
}

/** Fields that name a row: repeated on its continuation rows, marked 续. */
const NAMING_FIELDS: ReadonlySet<string> = new Set(['key', 'title', 'name']);
/** The row field a template cell holds alone (`{{task.title}}` → `title`), if any. */
function loneField(template: ExcelJS.CellValue): string | undefined {
  const text = cellText(template);
  if (text === undefined) return undefined;
  const refs = findPlaceholders(text);
  return refs.length === 1 && refs[0]!.scope !== undefined && text.trim() === `{{${refs[0]!.raw}}}` ? refs[0]!.field : undefined;
}

/**
 * The physical rows of a sheet's data: one per report row, plus continuation rows where a
 * text is taller than a printed row can be. Long texts are cut into pieces (between
 * paragraphs where possible) written one piece per row; the row's naming cells (任务编号,
 * 重点任务, 指标名称, 集群) are repeated there marked 续, other short cells left empty.
 */
function layoutRows(
  ws: ExcelJS.Worksheet,
  tpl: ReturnType<typeof snapshotRow>,
  rows: readonly Record<string, ReportValue>[],
  scalars: Record<string, string>,
): ExcelJS.CellValue[][] {
  if (rows.length === 0) return [tpl.cells.map(() => null)];
  const out: ExcelJS.CellValue[][] = [];
  const fields = tpl.cells.map((c) => loneField(c.value));
  for (const row of rows) {
    const values = tpl.cells.map((snap) => dataValue(snap.value, scalars, row, out.length));
    const pieces = values.map((v, k) => {
      if (typeof v !== 'string' || v.length === 0) return [v];
      const fontSize = tpl.cells[k]!.style.font?.size ?? 11;
      const width = ws.getColumn(k + 1).width ?? 9;
      return piecesAsCells(splitTextForPrint(v, width, fontSize, linesPerRow(fontSize)));
    });
    const count = Math.max(...pieces.map((p) => p.length));
    for (let j = 0; j < count; j++) {
      out.push(
        values.map((v, k) => {
          const p = pieces[k]!;
          if (p.length > 1) return p[j] ?? null;
          if (j === 0) return v;
          const field = fields[k];
          return field !== undefined && NAMING_FIELDS.has(field) && v !== null && v !== undefined && v !== '' ? `${String(v)}${CONTINUED_MARK}` : null;
        }),
      );
    }
  }
  return out;
}

/** Repeat the data row of one sheet for `rows`, shift the footer, keep merges and validations. */
function fillSheet(ws: ExcelJS.Worksheet, layout: TemplateSheetLayout, rows: readonly Record<string, ReportValue>[], scalars: Record<string, string>): void {
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

  const physical = layoutRows(ws, tpl, rows, scalars);
  const n = physical.length;
  // One style object per column, value type and wrapping, shared by the column's cells: exceljs
  // writes a style once per object (a copy per cell was serialised and de-duplicated cell by
  // cell), and it picks the number format by the type of the first cell that uses the object.
  const shared = tpl.cells.map(() => new Map<string, Partial<ExcelJS.Style>>());
  const styleFor = (k: number, type: ExcelJS.ValueType, wrap: boolean): Partial<ExcelJS.Style> => {
    const id = `${type}|${wrap}`;
    let style = shared[k]!.get(id);
    if (!style) {
      style = clone(tpl.cells[k]!.style);
      if (wrap) style.alignment = { ...(style.alignment ?? {}), wrapText: true };
      shared[k]!.set(id, style);
    }
    return style;
  };
  for (let i = 0; i < n; i++) {
    const r = dr + i;
    const row = ws.getRow(r);
    const values = physical[i]!;
    tpl.cells.forEach((snap, k) => {
      const cell = row.getCell(k + 1);
      cell.value = values[k] ?? null;
      const value = cell.value;
      const wrap =
        !snap.style.alignment?.wrapText &&
        typeof value === 'string' &&
        value.length > 0 &&
        estimateLines(value, ws.getColumn(k + 1).width ?? 9, snap.style.font?.size ?? 11) > 1;
      // A formula's style is picked by its result's type: formulas keep a copy each.
      if (cell.type === ExcelJS.ValueType.Formula) {
        cell.style = clone(snap.style);
        if (wrap) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true };
      } else cell.style = styleFor(k, cell.type, wrap);
    });
    const fitted = fittedHeight(ws, row, tpl.cells.length);
    const height = Math.min(MAX_ROW_HEIGHT, Math.max(tpl.height ?? 0, fitted));
    if (height > 0) row.height = height;
    for (const v of rowValidations) ws.getCell(r, v.col).dataValidation = clone(v.dv);
    for (const x of moving) if (x.top === dr && x.bottom === dr) ws.mergeCells(r, x.left, r, x.right);
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
}

/** Replace scalar placeholders in every cell outside the data rows. */
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
    fillScalars(ws, fill.scalars, layout?.dataRow);
    if (layout) fillSheet(ws, layout, fill.rows[layout.scope] ?? [], fill.scalars);
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
  const out = await workbook.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
