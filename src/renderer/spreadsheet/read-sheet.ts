/**
 * Read a spreadsheet file the officer chose (.xlsx, .xls, .csv, WPS's HTML/XML .xls) into
 * plain grids of cell texts, merged cells expanded (a merged 牵头单位 applies to every row
 * it covers). CSV may be UTF-8 with or without BOM, UTF-16 or GBK.
 *
 * Bounds (core/limits.ts IMPORT_FILE_LIMITS) are checked before the parsing they protect: the
 * file's bytes; for .xlsx every part's inflated size, CRC, rows and cells (zip-guard, streaming,
 * before SheetJS); for text files their lines and separators; then each sheet's real cells
 * (rows × used columns, not the range its header claims) and each cell's characters. Formulas
 * without cached values are read as their formula text with a warning. Bad input gives a
 * Chinese message naming the bound, never an exception; a 20 MB / 50,000-row file is tested.
 */
import * as XLSX from 'xlsx';
import { unzipSync } from 'fflate';
import type { ImportIssue, SheetGrid } from '@core/import';
import { IMPORT_FILE_LIMITS, MAX_CELL_CHARS } from '@core/limits';
import { decodeText, textEncoding } from '../workers/decode-text';
import { allOf, checkZip, StartTagCounter, type PartScanner, type ZipProblem } from '../workers/zip-guard';
import { CELL_TEXT, READ_TEXT } from './texts';

export { decodeText };

/** Bounds of an imported file (documented on the import page and in README). */
export const IMPORT_LIMITS = IMPORT_FILE_LIMITS;

/** A read workbook with its warnings (formulas read as text, over-long cells), or the reason it could not be read. */
export type ReadWorkbookResult =
  | { ok: true; sheets: SheetGrid[]; issues: ImportIssue[] }
  | {
      ok: false;
      message: string;
      /** The technical cause, in the library's words: for the log only. */
      cause?: string;
    };

/** Progress of reading: a Chinese stage name and 0–1. */
export type ReadProgress = (stage: string, fraction: number) => void;

/** The Chinese refusals and warnings of reading a file (spreadsheet/texts.ts). */
export { READ_TEXT } from './texts';

type Kind = 'zip' | 'cfb' | 'text' | 'binary';

const startsWith = (d: Uint8Array, bytes: number[]) => bytes.every((b, i) => d[i] === b);

function sniff(d: Uint8Array): Kind {
  if (startsWith(d, [0x50, 0x4b, 0x03, 0x04]) || startsWith(d, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(d, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  if (startsWith(d, [0x09, 0x08]) || startsWith(d, [0x09, 0x04]) || startsWith(d, [0x09, 0x02])) return 'cfb'; // BIFF2–4 .xls
  return textEncoding(d) ? 'text' : 'binary';
}

function indexOfBytes(d: Uint8Array, pattern: number[], from = 0): number {
  outer: for (let i = from; i <= d.length - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (d[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** Whether a zip holds a workbook (xlsx/xlsb `xl/`, or OpenDocument `content.xml`) rather than a Word file. */
function zipHasSheets(d: Uint8Array): boolean {
  const enc = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return indexOfBytes(d, enc('xl/')) >= 0 || indexOfBytes(d, enc('content.xml')) >= 0;
}

/** Keeps a small part's text (the workbook and its relationships). */
class TextKeeper implements PartScanner {
  private decoder = new TextDecoder('utf-8');
  text = '';
  constructor(private max = 4 * 1024 * 1024) {}
  push(chunk: Uint8Array): void {
    if (this.text.length < this.max) this.text += this.decoder.decode(chunk, { stream: true });
  }
  end(): void {
    if (this.text.length < this.max) this.text += this.decoder.decode();
  }
}

/**
 * Finds the cells of a sheet part that hold a formula but no cached value (what scripted writers
 * such as openpyxl produce), streaming: only the text after the last complete cell is carried.
 */
class FormulaCellFinder implements PartScanner {
  readonly refs = new Set<string>();
  private decoder = new TextDecoder('utf-8');
  /** The text after the last row's end, in the pieces it came in (joined when a row ends). */
  private pieces: string[] = [];
  private held = 0;
  /** The last characters before the next piece: a row's end may straddle two pieces. */
  private edge = '';
  push(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }), false);
  }
  end(): void {
    this.feed(this.decoder.decode(), true);
  }
  /**
   * Only the new piece is searched for a row's end, and pieces are joined only at one, so that a
   * part without row ends (a cell of 100 MB) costs its length once, not its length at every piece.
   */
  private feed(s: string, last: boolean): void {
    const edge = this.edge;
    const close = last ? -1 : (edge + s).lastIndexOf('row>');
    this.edge = (edge + s).slice(-3);
    let text: string;
    if (last || (close < 0 && this.held + s.length > 4 * 1024 * 1024)) {
      text = this.pieces.join('') + s;
      this.pieces = [];
      this.held = 0;
    } else if (close < 0) {
      this.pieces.push(s);
      this.held += s.length;
      return;
    } else {
      // Just after the row's end, in the piece's own positions (at least 1: the end is in this piece).
      const at = close + 4 - edge.length;
      text = this.pieces.join('') + s.slice(0, at);
      this.pieces = [s.slice(at)];
      this.held = s.length - at;
    }
    if (!/<(?:\w+:)?f[\s>/]/.test(text) || this.refs.size >= 100_000) return;
    const cell = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
    for (let m = cell.exec(text); m; m = cell.exec(text)) {
      const body = m[3];
      // openpyxl writes an empty <v></v>: only a value with content counts as cached.
      if (!body || !/<(?:\w+:)?f[\s>/]/.test(body) || /<(?:\w+:)?v(?:\s[^>]*)?>[^<]/.test(body) || /<(?:\w+:)?is[\s>]/.test(body)) continue;
      const r = /\br="([A-Z]+[0-9]+)"/.exec(m[2] ?? '');
      if (r) this.refs.add(r[1]!);
    }
  }
}

/** A sheet part's counts: rows and cells (with the part's other counted tags), and formula cells without values. */
class SheetPartScanner implements PartScanner {
  readonly formulas = new FormulaCellFinder();
  /** The part's last bytes: a whole sheet ends with its root's end tag. */
  private tail = new Uint8Array(0);
  constructor(readonly tags: StartTagCounter) {}
  push(chunk: Uint8Array): void {
    this.tags.push(chunk);
    this.formulas.push(chunk);
    const joined = new Uint8Array(Math.min(64, this.tail.length + chunk.length));
    const fromChunk = Math.min(chunk.length, joined.length);
    joined.set(this.tail.subarray(this.tail.length - (joined.length - fromChunk)), 0);
    joined.set(chunk.subarray(chunk.length - fromChunk), joined.length - fromChunk);
    this.tail = joined;
  }
  /** Whether the part ends with `</worksheet>` (a part cut short would be read as a sheet with fewer rows, or none). */
  get complete(): boolean {
    return /<\/(?:\w+:)?worksheet\s*>\s*$/.test(new TextDecoder().decode(this.tail));
  }
  end(): void {
    this.tags.end();
    this.formulas.end();
  }
}

/** What the zip check learnt of an .xlsx: per sheet name, the cells holding formulas without values. */
interface XlsxFacts {
  rows: number;
  cells: number;
  formulaRefs: Map<string, Set<string>>;
  /** Sheet name → its part (xl/worksheets/sheet1.xml). */
  parts: Map<string, string>;
}

/** Sheet name → part path, from xl/workbook.xml and its relationships. */
function sheetParts(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"|\b\w+:id="([^"]*)"/.exec(m[0]);
    const target = id && targets.get(id[1] ?? id[2]!);
    if (name && target) out.set(unescapeXml(name), target);
  }
  return out;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#x?[0-9a-fA-F]+);/g, (e, k: string) =>
    k === 'lt' ? '<' : k === 'gt' ? '>' : k === 'amp' ? '&' : k === 'quot' ? '"' : k === 'apos' ? "'" : String.fromCodePoint(k[1] === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10)) || e,
  );

function zipMessage(name: string, p: ZipProblem): string {
  switch (p.kind) {
    case 'entries':
      return READ_TEXT.tooManyParts(name, p.count);
    case 'partTooBig':
      return READ_TEXT.partTooBig(name, p.part, p.bytes);
    case 'totalTooBig':
      return READ_TEXT.totalTooBig(name, p.bytes);
    case 'damaged':
      return READ_TEXT.damaged(name, p.part);
    case 'encrypted':
      return READ_TEXT.password(name);
    case 'notZip':
      return READ_TEXT.corrupted(name);
  }
}

/** Bounds on what a part may hold, by kind: each a row (part, start tag's name, bound, its Chinese name). */
const XLSX_TAG_BOUNDS: { part: RegExp; tag: string; max: number; what: string }[] = [
  { part: /^xl\/sharedStrings\.xml$/i, tag: 'si', max: IMPORT_LIMITS.maxSharedStrings, what: READ_TEXT.counted.sharedStrings },
  { part: /^xl\/styles\.xml$/i, tag: 'xf', max: IMPORT_LIMITS.maxCellFormats, what: READ_TEXT.counted.cellFormats },
  { part: /^xl\/worksheets\/[^/]+\.xml$/i, tag: 'mergeCell', max: IMPORT_LIMITS.maxMerges, what: READ_TEXT.counted.merges },
  { part: /^xl\/worksheets\/[^/]+\.xml$/i, tag: 'hyperlink', max: IMPORT_LIMITS.maxHyperlinks, what: READ_TEXT.counted.hyperlinks },
];

/** Bound an .xlsx before SheetJS sees it: part sizes, real inflated bytes, CRCs, elements, rows and cells. */
async function checkXlsx(data: Uint8Array, fileName: string): Promise<{ ok: true; facts: XlsxFacts; stored: Uint8Array } | { ok: false; message: string; cause: string }> {
  const sheets = new Map<string, SheetPartScanner>();
  const workbook = new TextKeeper();
  const rels = new TextKeeper();
  // One pass over each part's bytes counts its elements, the tags the bounds name and (in a sheet) rows and cells.
  const parts: { tags: StartTagCounter; bounds: (typeof XLSX_TAG_BOUNDS)[number][] }[] = [];
  const check = await checkZip(
    data,
    IMPORT_LIMITS,
    (part) => {
      if (!/\.(xml|rels|vml)$/i.test(part)) return undefined;
      const bounds = XLSX_TAG_BOUNDS.filter((b) => b.part.test(part));
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(part);
      // A sheet's rows and cells come first, then the bounded tags.
      const tags = new StartTagCounter([...(isSheet ? ['row', 'c'] : []), ...bounds.map((b) => b.tag)]);
      parts.push({ tags, bounds });
      let sheet: SheetPartScanner | undefined;
      if (isSheet) sheets.set(part, (sheet = new SheetPartScanner(tags)));
      const keeper = part === 'xl/workbook.xml' ? workbook : part === 'xl/_rels/workbook.xml.rels' ? rels : undefined;
      return allOf(sheet ?? tags, keeper);
    },
    // Kept uncompressed: SheetJS then reads the parts without inflating them a second time.
    true,
  );
  if (!check.ok) return { ok: false, message: zipMessage(fileName, check.problem), cause: JSON.stringify(check.problem) };
  if (!check.entries.some((e) => e.name === 'xl/workbook.xml')) {
    const other = check.entries.some((e) => e.name === 'content.xml' || e.name === 'xl/workbook.bin');
    return { ok: false, message: other ? READ_TEXT.otherFormat(fileName) : READ_TEXT.notSpreadsheet(fileName), cause: 'no xl/workbook.xml' };
  }
  const totalElements = parts.reduce((n, p) => n + p.tags.elements, 0);
  if (totalElements > IMPORT_LIMITS.maxElements) return { ok: false, message: READ_TEXT.tooManyElements(fileName, totalElements), cause: 'elements' };
  const totals = new Map<(typeof XLSX_TAG_BOUNDS)[number], number>();
  for (const { tags, bounds } of parts) {
    // The bounded tags' counts follow a sheet's rows and cells.
    const first = tags.counts.length - bounds.length;
    bounds.forEach((bound, k) => totals.set(bound, (totals.get(bound) ?? 0) + tags.counts[first + k]!));
  }
  for (const [bound, n] of totals) if (n > bound.max) return { ok: false, message: READ_TEXT.tooManyTags(fileName, n, bound.what, bound.max), cause: bound.what };
  const partsOf = sheetParts(workbook.text, rels.text);
  const cut = [...sheets].find(([, s]) => !s.complete)?.[0];
  if (cut) {
    // Named with the sheet and the last cell that was whole, so the sender can look there.
    const sheet = [...partsOf].find(([, part]) => part === cut)?.[0];
    const at = sheet === undefined ? undefined : lastWholeCell(check.stored!, cut);
    return { ok: false, message: sheet !== undefined && at ? READ_TEXT.cutSheet(fileName, sheet, at.row, at.column) : READ_TEXT.corrupted(fileName), cause: `${cut} ends before </worksheet>` };
  }
  let rows = 0;
  let cells = 0;
  for (const s of sheets.values()) {
    rows += s.tags.counts[0]!;
    cells += s.tags.counts[1]!;
  }
  const formulaRefs = new Map<string, Set<string>>();
  for (const [sheet, part] of partsOf) {
    const refs = sheets.get(part)?.formulas.refs;
    if (refs?.size) formulaRefs.set(sheet, refs);
  }
  return { ok: true, facts: { rows, cells, formulaRefs, parts: partsOf }, stored: check.stored! };
}

/** The last cell a sheet part cut short holds whole (its row and column letters), or its last row's number. */
function lastWholeCell(stored: Uint8Array, part: string): { row: number; column?: string } | undefined {
  const bytes = unzipSync(stored, { filter: (f) => f.name === part })[part];
  if (!bytes) return undefined;
  const xml = new TextDecoder().decode(bytes);
  let last: { row: number; column?: string } | undefined;
  for (const m of xml.matchAll(/<((?:\w+:)?)c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/\1c>)/g)) last = { row: Number(m[3]), column: m[2]! };
  if (last) return last;
  const rows = [...xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g)];
  return rows.length > 0 ? { row: Number(rows.at(-1)![1]) } : undefined;
}

/** Rows and cells of a text file, counted before parsing (separators and line ends, an upper bound). */
function countText(text: string, markup: boolean): { rows: number; cells: number } {
  let rows = 1;
  let cells = 1;
  if (markup) {
    rows = (text.match(/<(?:tr|(?:\w+:)?Row)[\s>/]/gi) ?? []).length;
    cells = (text.match(/<(?:td|th|(?:\w+:)?Cell)[\s>/]/gi) ?? []).length;
    return { rows, cells };
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      rows++;
      cells++;
    } else if (c === 44 || c === 9 || c === 59) cells++;
  }
  return { rows, cells };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Where a CSV's quote opens that no quote closes (1-based row, 0-based column), read as SheetJS
 * reads it: every " turns quoting on or off, and a line break or separator inside quotes is text.
 * Such a quote swallows every row after it into one cell; undefined when every quote is closed.
 */
export function unclosedQuote(text: string): { row: number; column: number } | undefined {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const counts = [',', '\t', ';'].map((d) => firstLine.split(d).length);
  const sep = [',', '\t', ';'][counts.indexOf(Math.max(...counts))]!;
  let quoted = false;
  let row = 1;
  let column = 0;
  let at = { row: 1, column: 0 };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      quoted = !quoted;
      if (quoted) at = { row, column };
    } else if (!quoted && ch === '\n') {
      row++;
      column = 0;
    } else if (!quoted && ch === sep) column++;
  }
  return quoted ? at : undefined;
}

/**
 * What a date format shows: a day (y-m-d), only a month (yyyy"年"m"月", as Excel makes a typed
 * 2026年6月), or only a year. Quoted text, escapes and [..] codes are not tokens.
 */
function dateShows(format: string): 'day' | 'month' | 'year' {
  const tokens = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  if (/d/.test(tokens) || !/y/.test(tokens)) return 'day';
  return /m/.test(tokens) ? 'month' : 'year';
}

function cellText(c: XLSX.CellObject | undefined): string {
  if (!c || c.v === undefined || c.v === null) return '';
  if (c.t === 'n' && c.z && XLSX.SSF.is_date(c.z)) {
    const p = XLSX.SSF.parse_date_code(c.v as number);
    // A date shown as a month means the month (its deadline is the month's end), not its first day.
    const shows = dateShows(String(c.z));
    if (p) return shows === 'month' ? CELL_TEXT.month(p.y, p.m) : shows === 'year' ? CELL_TEXT.year(p.y) : `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  }
  if (c.t === 'd' && c.v instanceof Date) {
    const v = c.v;
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  }
  if (c.t === 'b') return c.v ? CELL_TEXT.true : CELL_TEXT.false;
  if (c.t === 'e') return '';
  if (c.t === 's') return String(c.v);
  // A figure in a General cell that the display shortens to 1.23457E+11: the figure itself, not the
  // display (a district's 123456789012 元 is not 123457000000). Other formats keep what they show.
  if (c.t === 'n' && (!c.z || c.z === 'General') && c.w !== undefined && /E[+-]?\d+$/i.test(c.w) && !/e/i.test(String(c.v))) return String(c.v);
  return c.w ?? String(c.v);
}

type Dense = (XLSX.CellObject | undefined)[][];

/** A cell with a value or a formula (a formatted blank is a stub of type z). */
const used = (c: XLSX.CellObject | undefined) => c !== undefined && c !== null && (c.t !== 'z' || !!c.f);

/** Rows and columns a sheet really uses: its cells, not the range its header claims. */
function realSize(ws: XLSX.WorkSheet): { rows: number; cols: number } {
  const dense = (ws as unknown as { '!data'?: Dense })['!data'];
  if (!ws['!ref'] || !dense) return { rows: 0, cols: 0 };
  let rows = 0;
  let cols = 0;
  for (let r = 0; r < dense.length; r++) {
    const src = dense[r];
    if (!src) continue;
    for (let c = src.length - 1; c >= cols; c--) {
      if (used(src[c])) {
        cols = c + 1;
        break;
      }
    }
    if (src.some(used)) rows = r + 1;
  }
  return { rows, cols };
}

/**
 * A sheet as a grid of texts with merges expanded, plus warnings for formula texts and over-long
 * cells. `capped`: the reader itself cuts a workbook's cell texts at Excel's limit (SheetJS does
 * for .xlsx/.xls), so a text of exactly that length may have been longer in the file.
 */
function sheetToGrid(
  fileName: string,
  name: string,
  ws: XLSX.WorkSheet,
  size: { rows: number; cols: number },
  formulaRefs: Set<string> | undefined,
  issues: ImportIssue[],
  capped: boolean,
  runs: StruckRuns | undefined,
): SheetGrid {
  const dense = (ws as unknown as { '!data'?: Dense })['!data'];
  if (!dense || size.rows === 0) return { name, rows: [] };
  const rows: string[][] = [];
  for (let r = 0; r < size.rows; r++) {
    const src = dense[r];
    const out: string[] = new Array(size.cols).fill('');
    if (src)
      for (let c = 0; c < size.cols && c < src.length; c++) {
        const cell = src[c];
        if (!cell || !used(cell)) continue;
        // Column letters only for an issue (most cells have none).
        const col = () => XLSX.utils.encode_col(c);
        // A formula without a cached value: SheetJS reads it as 0 (openpyxl and other scripts write no values).
        if (cell.f && (cell.v === undefined || formulaRefs?.has(`${col()}${r + 1}`))) {
          out[c] = `=${cell.f}`;
          issues.push({ sheet: name, row: r + 1, column: CELL_TEXT.column(col()), message: READ_TEXT.formulaText(name, r + 1, col(), cell.f), severity: 'warning' });
        } else if (cell.t === 'e') {
          // An error value (#REF!, #N/A): what the cell should say is lost; read as blank, it would drop a task or a unit.
          out[c] = '';
          const value = cell.w || CELL_TEXT.errorValue;
          issues.push({
            sheet: name,
            row: r + 1,
            column: CELL_TEXT.column(col()),
            message: READ_TEXT.errorValue(fileName, name, r + 1, col(), value),
            severity: 'error',
            errorCell: { row: r, col: c, elsewhere: READ_TEXT.errorValueUnread(fileName, name, r + 1, col(), value) },
          });
        } else if (cell.t === 's' && runs?.kept.has(String(cell.v))) out[c] = runs.kept.get(String(cell.v))!;
        else out[c] = cellText(cell);
        if (out[c]!.length > MAX_CELL_CHARS) {
          issues.push({ sheet: name, row: r + 1, column: CELL_TEXT.column(col()), message: READ_TEXT.cellTooLong(name, r + 1, col(), out[c]!.length), severity: 'error' });
          out[c] = out[c]!.slice(0, MAX_CELL_CHARS);
        } else if (capped && out[c]!.length === MAX_CELL_CHARS) {
          issues.push({ sheet: name, row: r + 1, column: CELL_TEXT.column(col()), message: READ_TEXT.cellAtLimit(name, r + 1, col()), severity: 'error' });
        }
      }
    rows.push(out);
  }
  for (const m of ws['!merges'] ?? []) {
    const v = rows[m.s.r]?.[m.s.c] ?? '';
    // A merge may claim more than the sheet uses: only the real cells are filled.
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) for (let c = m.s.c; c <= m.e.c && c < size.cols; c++) rows[r]![c] = v;
  }
  // Trailing empty rows (formatted but blank) are not part of the sheet.
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === '')) rows.pop();
  const hiddenColumns: number[] = [];
  (ws['!cols'] ?? []).forEach((col, c) => {
    if (col?.hidden && c < size.cols) hiddenColumns.push(c);
  });
  const hiddenRows: number[] = [];
  (ws['!rows'] ?? []).forEach((row, r) => {
    if (row?.hidden && r < rows.length) hiddenRows.push(r);
  });
  const merges = (ws['!merges'] ?? []).filter((m) => m.s.r < rows.length).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: Math.min(m.e.r, rows.length - 1), c1: Math.min(m.e.c, size.cols - 1) }));
  return {
    name,
    rows,
    ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}),
    ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
    ...(merges.length > 0 ? { merges } : {}),
    ...(ws['!autofilter'] ? { filtered: true as const } : {}),
  };
}

/** The cell formats (xf indexes) whose font strikes the text through, from SheetJS's reading of styles.xml. */
function struckFormats(wb: XLSX.WorkBook): Set<number> {
  const styles = (wb as { Styles?: { Fonts?: { strike?: boolean }[]; CellXf?: { fontId?: number }[] } }).Styles;
  const fonts = new Set<number>();
  (styles?.Fonts ?? []).forEach((f, i) => f?.strike && fonts.add(i));
  const out = new Set<number>();
  if (fonts.size > 0) (styles?.CellXf ?? []).forEach((xf, i) => xf?.fontId !== undefined && fonts.has(xf.fontId) && out.add(i));
  return out;
}

/**
 * The cells written struck through (删除线), per sheet name, as 0-based [row, column]: read from
 * the sheet parts' `s` attributes, only when a cell format strikes (SheetJS keeps no cell's font).
 * `stored` is the checked zip with its parts uncompressed.
 */
function struckCells(wb: XLSX.WorkBook, stored: Uint8Array, parts: Map<string, string>): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  const formats = struckFormats(wb);
  if (formats.size === 0) return out;
  const wanted = new Set(parts.values());
  const files = unzipSync(stored, { filter: (f) => wanted.has(f.name) });
  const decoder = new TextDecoder();
  for (const [sheet, part] of parts) {
    const bytes = files[part];
    if (!bytes) continue;
    const xml = decoder.decode(bytes);
    const cells: [number, number][] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
      const style = /\bs="(\d+)"/.exec(m[1]!)?.[1];
      if (style === undefined || !formats.has(Number(style))) continue;
      const ref = /\br="([A-Z]+)(\d+)"/.exec(m[1]!);
      if (ref) cells.push([Number(ref[2]) - 1, XLSX.utils.decode_col(ref[1]!)]);
    }
    if (cells.length > 0) out.set(sheet, cells);
  }
  return out;
}

/** Rich texts (an .xlsx's shared strings of runs) with runs struck through: the text kept, and texts struck whole. */
interface StruckRuns {
  /** Full text → the text of its runs not struck (some struck, some not: 市科技创新局̶市发改委 → 市发改委). */
  kept: Map<string, string>;
  /** Texts every run of which is struck: the cell is struck, as a struck cell format strikes it. */
  whole: Set<string>;
}

/**
 * The shared strings whose runs are partly or wholly struck through (删除线 on part of a cell: the
 * words deleted in a revised list, the new ones beside them). A text written so more than once with
 * different strikes is left as it is. `stored` is the checked zip with its parts uncompressed.
 */
function struckRuns(stored: Uint8Array): StruckRuns | undefined {
  const bytes = unzipSync(stored, { filter: (f) => f.name === 'xl/sharedStrings.xml' })['xl/sharedStrings.xml'];
  if (!bytes) return undefined;
  const xml = new TextDecoder().decode(bytes);
  if (!/<(?:\w+:)?strike\b/.test(xml)) return undefined;
  const kept = new Map<string, string>();
  const whole = new Set<string>();
  const seen = new Map<string, string>();
  const text = (body: string) => [...body.matchAll(/<((?:\w+:)?)t\b[^>]*>([\s\S]*?)<\/\1t>/g)].map((t) => unescapeXml(t[2]!)).join('');
  for (const si of xml.matchAll(/<((?:\w+:)?)si\b[^>]*>([\s\S]*?)<\/\1si>/g)) {
    const body = si[2]!.replace(/<((?:\w+:)?)rPh\b[\s\S]*?<\/\1rPh>/g, '');
    let full = '';
    let left = '';
    let struck = 0;
    let pieces = 0;
    for (const part of body.matchAll(/<((?:\w+:)?)r\b[^>]*>([\s\S]*?)<\/\1r>|<((?:\w+:)?)t\b[^>]*>([\s\S]*?)<\/\3t>/g)) {
      const words = part[2] !== undefined ? text(part[2]) : unescapeXml(part[4] ?? '');
      const strike = part[2] !== undefined && /<(?:\w+:)?strike\b(?![^>]*\bval="(?:0|false)")[^>]*\/?>/.test(part[2]);
      full += words;
      if (!words.trim()) continue;
      pieces++;
      if (strike) struck++;
      else left += words;
    }
    const how = struck === 0 ? '' : struck === pieces ? '\u0000whole' : left;
    if (seen.has(full) && seen.get(full) !== how) {
      kept.delete(full);
      whole.delete(full);
      continue;
    }
    seen.set(full, how);
    if (struck > 0 && struck === pieces) whole.add(full);
    else if (struck > 0) kept.set(full, left.trim());
  }
  return kept.size > 0 || whole.size > 0 ? { kept, whole } : undefined;
}

/** The cells of a sheet holding a rich text struck through in every run (StruckRuns.whole), 0-based. */
function wholeStruck(ws: XLSX.WorkSheet, runs: StruckRuns | undefined): [number, number][] {
  const dense = (ws as unknown as { '!data'?: Dense })['!data'];
  if (!runs?.whole.size || !dense) return [];
  const out: [number, number][] = [];
  dense.forEach((row, r) => row?.forEach((c, k) => c?.t === 's' && runs.whole.has(String(c.v)) && out.push([r, k])));
  return out;
}

const failure = (message: string, cause?: unknown): ReadWorkbookResult => ({ ok: false, message, ...(cause === undefined ? {} : { cause: String((cause as Error)?.message ?? cause) }) });

/**
 * Read a workbook from its bytes into grids, or say in Chinese why it cannot be read. Every
 * bound (bytes, inflated size of each part, rows, cells, characters per cell) is checked before
 * the parsing it protects.
 */
export async function readWorkbook(data: Uint8Array, fileName: string, onProgress: ReadProgress = () => {}): Promise<ReadWorkbookResult> {
  if (data.byteLength === 0) return failure(READ_TEXT.empty(fileName));
  if (data.byteLength > IMPORT_LIMITS.maxBytes) return failure(READ_TEXT.tooBig(fileName));
  onProgress(READ_TEXT.stageOpen, 0.05);
  const kind = sniff(data);
  if (kind === 'binary') return failure(READ_TEXT.notSpreadsheet(fileName));
  // An .xlsx is always a zip: text under that name (a .txt or .csv renamed) would be read as a
  // one-sheet CSV and refused later for its rows, which says nothing of what is wrong.
  if (kind === 'text' && /\.xls[xm]$/i.test(fileName)) return failure(READ_TEXT.textAsXlsx(fileName));
  if (kind === 'cfb' && data.byteLength > IMPORT_LIMITS.maxXlsBytes) return failure(READ_TEXT.xlsTooBig(fileName, data.byteLength));
  let facts: XlsxFacts | undefined;
  // An .xlsx is parsed from the checked copy of its parts (stored, already inflated by the check).
  let parsed = data;
  if (kind === 'zip') {
    onProgress(READ_TEXT.stageCheck, 0.08);
    const checked = await checkXlsx(data, fileName);
    if (!checked.ok) {
      // A complete zip without a workbook (a Word file, say) is named for what it is.
      if (checked.cause.includes('"notZip"') || !zipHasSheets(data)) return failure(zipHasSheets(data) ? checked.message : READ_TEXT.notSpreadsheet(fileName), checked.cause);
      return failure(checked.message, checked.cause);
    }
    facts = checked.facts;
    parsed = checked.stored;
    if (facts.rows > IMPORT_LIMITS.maxRows) return failure(READ_TEXT.tooManyRows(fileName, facts.rows));
    if (facts.cells > IMPORT_LIMITS.maxCells) return failure(READ_TEXT.tooManyCells(fileName, '', facts.cells));
  }
  let wb: XLSX.WorkBook;
  try {
    onProgress(READ_TEXT.stageParse, 0.1);
    const opts: XLSX.ParsingOptions = {
      dense: true,
      cellNF: true,
      cellHTML: false,
      // For the columns a sheet hides (!cols): a hidden old column must not win over the visible one.
      cellStyles: kind !== 'text',
      cellFormula: true,
      // Stubs keep .xlsx formula cells without a value (SheetJS drops them otherwise); blank stubs are
      // skipped below. Only for .xlsx, whose cells were counted: a BIFF MulBlank record would make millions.
      sheetStubs: kind === 'zip',
      WTF: false,
      // The range a sheet's header claims is not trusted: the real cells give it.
      nodim: true,
      // .xls and text files are not counted beforehand: stop one row past the bound.
      sheetRows: IMPORT_LIMITS.maxRows + 1,
    };
    if (kind === 'text') {
      const text = decodeText(data);
      const looksMarkup = /^\s*</.test(text);
      const counted = countText(text, looksMarkup);
      if (counted.rows > IMPORT_LIMITS.maxRows + 1) return failure(READ_TEXT.tooManyRows(fileName, counted.rows));
      if (counted.cells > IMPORT_LIMITS.maxCells) return failure(READ_TEXT.tooManyCells(fileName, '', counted.cells));
      const open = looksMarkup ? undefined : unclosedQuote(text);
      if (open) return failure(READ_TEXT.unclosedQuote(fileName, open.row, XLSX.utils.encode_col(open.column)));
      wb = XLSX.read(text, { ...opts, type: 'string', raw: !looksMarkup });
    } else wb = XLSX.read(parsed, { ...opts, type: 'array' });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(msg)) return failure(READ_TEXT.password(fileName), e);
    if (kind === 'zip' && !zipHasSheets(data)) return failure(READ_TEXT.notSpreadsheet(fileName), e);
    return failure(READ_TEXT.corrupted(fileName), e);
  }
  if (wb.SheetNames.length === 0) return failure(READ_TEXT.noSheets(fileName));
  const sizes = wb.SheetNames.map((s) => realSize(wb.Sheets[s]!));
  const full = wb.SheetNames.reduce((n, s, i) => {
    const fullRef = (wb.Sheets[s] as { '!fullref'?: string })['!fullref'];
    return n + Math.max(sizes[i]!.rows, fullRef ? XLSX.utils.decode_range(fullRef).e.r + 1 : 0);
  }, 0);
  if (full > IMPORT_LIMITS.maxRows) return failure(READ_TEXT.tooManyRows(fileName, full));
  let cells = 0;
  for (const [i, s] of wb.SheetNames.entries()) {
    const { rows, cols } = sizes[i]!;
    cells += rows * cols;
    if (cells > IMPORT_LIMITS.maxCells) return failure(READ_TEXT.tooManyCells(fileName, READ_TEXT.sheetCells(s, rows, cols), rows * cols));
  }
  // Merges are expanded cell by cell: their area (within the real cells) is bounded too.
  for (const [i, s] of wb.SheetNames.entries()) {
    const { rows, cols } = sizes[i]!;
    let area = 0;
    for (const m of wb.Sheets[s]!['!merges'] ?? []) {
      const h = Math.min(m.e.r, rows - 1) - m.s.r + 1;
      const w = Math.min(m.e.c, cols - 1) - m.s.c + 1;
      if (h > 0 && w > 0) area += h * w;
    }
    if (area > IMPORT_LIMITS.maxCells) return failure(READ_TEXT.tooManyMerged(fileName, s, area));
  }
  const sheets: SheetGrid[] = [];
  const issues: ImportIssue[] = [];
  // Rows the city struck through (删除线) are its way of deleting them: read from an .xlsx's formats.
  let struck = new Map<string, [number, number][]>();
  let runs: StruckRuns | undefined;
  try {
    if (facts) struck = struckCells(wb, parsed, facts.parts);
    if (facts) runs = struckRuns(parsed);
  } catch (e) {
    // The parts were read and checked above; should this second look fail, the list is read without its 删除线 marks.
    console.error('reading struck-through cells failed', e);
  }
  wb.SheetNames.forEach((s, i) => {
    onProgress(READ_TEXT.stageCells, 0.5 + (0.5 * i) / wb.SheetNames.length);
    const grid = sheetToGrid(fileName, s, wb.Sheets[s]!, sizes[i]!, facts?.formulaRefs.get(s), issues, kind !== 'text', runs);
    // A cell struck by its format and in every run of its text (LibreOffice writes both) is one struck cell.
    const seen = new Set<string>();
    const marked = [...(struck.get(s) ?? []), ...wholeStruck(wb.Sheets[s]!, runs)].filter(([r, c]) => r < grid.rows.length && (grid.rows[r]?.[c] ?? '') !== '' && !seen.has(`${r},${c}`) && !!seen.add(`${r},${c}`));
    // A sheet the workbook hides (1) or very hides (2): an old version kept out of sight, never the list by default.
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden;
    sheets.push({ ...grid, ...(hidden ? { hidden: true as const } : {}), ...(marked.length > 0 ? { struck: marked } : {}) });
  });
  onProgress(READ_TEXT.stageCells, 1);
  return { ok: true, sheets, issues };
}
