/**
 * Read a spreadsheet file the officer chose (.xlsx, .xls, .csv, WPS's HTML/XML .xls) into
 * plain grids of cell texts, merged cells expanded (a merged 牵头单位 applies to every row
 * it covers). CSV may be UTF-8 with or without BOM, UTF-16 or GBK.
 *
 * Limits: files up to IMPORT_LIMITS.maxBytes (50 MB) and IMPORT_LIMITS.maxRows (100,000
 * rows over all sheets); a 20 MB / 50,000-row file is tested. Bad input gives a Chinese
 * message, never an exception.
 */
import * as XLSX from 'xlsx';
import type { SheetGrid } from '@core/import';

/** Size and row limits of an imported file (documented in the import page and README). */
export const IMPORT_LIMITS = { maxBytes: 50 * 1024 * 1024, maxRows: 100_000 } as const;

/** A read workbook, or the reason it could not be read. */
export type ReadWorkbookResult = { ok: true; sheets: SheetGrid[] } | { ok: false; message: string };

/** Progress of reading: a Chinese stage name and 0–1. */
export type ReadProgress = (stage: string, fraction: number) => void;

export const READ_TEXT = {
  tooBig: (name: string, mb: number) =>
    `文件“${name}”有 ${mb.toFixed(1)} MB，超过了 ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB 的上限。请删去无关的工作表或图片后另存，再导入。`,
  tooManyRows: (name: string, rows: number) =>
    `文件“${name}”共有 ${rows} 行，超过了 ${IMPORT_LIMITS.maxRows} 行的上限。请只保留任务清单所在的工作表后再导入。`,
  empty: (name: string) => `文件“${name}”是空的（0 字节）。请确认选对了文件。`,
  notSpreadsheet: (name: string) =>
    `文件“${name}”不是电子表格。请选择 Excel 工作簿（.xlsx、.xls）或逗号分隔的 .csv 文件；Word、PDF 和图片不能导入。`,
  password: (name: string) => `文件“${name}”设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿）后另存，再导入。`,
  corrupted: (name: string) =>
    `文件“${name}”已损坏或不完整，无法读取。请向发文单位重新索取，或在 Excel / WPS 中打开后“另存为” .xlsx 再导入。`,
  noSheets: (name: string) => `文件“${name}”里没有任何工作表。`,
  stageOpen: '正在打开文件',
  stageParse: '正在解析表格',
  stageCells: '正在读取单元格',
} as const;

type Kind = 'zip' | 'cfb' | 'text' | 'binary';

const startsWith = (d: Uint8Array, bytes: number[]) => bytes.every((b, i) => d[i] === b);

function sniff(d: Uint8Array): Kind {
  if (startsWith(d, [0x50, 0x4b, 0x03, 0x04]) || startsWith(d, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(d, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  if (startsWith(d, [0x09, 0x08]) || startsWith(d, [0x09, 0x04]) || startsWith(d, [0x09, 0x02])) return 'cfb'; // BIFF2–4 .xls
  if (startsWith(d, [0xff, 0xfe]) || startsWith(d, [0xfe, 0xff])) return 'text';
  const head = d.subarray(0, 4096);
  for (const b of head) if (b === 0 || (b < 0x09 && b !== 0)) return 'binary';
  return 'text';
}

function indexOfBytes(d: Uint8Array, pattern: number[], from = 0): number {
  outer: for (let i = from; i <= d.length - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (d[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** A zip ends with its central directory; a cut-off download does not. */
function zipIsComplete(d: Uint8Array): boolean {
  return indexOfBytes(d, [0x50, 0x4b, 0x05, 0x06], Math.max(0, d.length - 65_557)) >= 0;
}

/** Whether a zip holds a workbook (xlsx/xlsb `xl/`, or OpenDocument `content.xml`) rather than a Word file. */
function zipHasSheets(d: Uint8Array): boolean {
  const enc = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return indexOfBytes(d, enc('xl/')) >= 0 || indexOfBytes(d, enc('content.xml')) >= 0;
}

/** Decode a text file: BOM first, then strict UTF-8, else GBK (what Excel writes on Chinese Windows). */
export function decodeText(d: Uint8Array): string {
  if (startsWith(d, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(d.subarray(3));
  if (startsWith(d, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(d.subarray(2));
  if (startsWith(d, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(d.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(d);
  } catch {
    return new TextDecoder('gbk').decode(d);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(c: XLSX.CellObject | undefined): string {
  if (!c || c.v === undefined || c.v === null) return '';
  if (c.t === 'n' && c.z && XLSX.SSF.is_date(c.z)) {
    const p = XLSX.SSF.parse_date_code(c.v as number);
    if (p) return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
  }
  if (c.t === 'd' && c.v instanceof Date) {
    const v = c.v;
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  }
  if (c.t === 'b') return c.v ? '是' : '否';
  if (c.t === 'e') return '';
  if (c.t === 's') return String(c.v);
  return c.w ?? String(c.v);
}

/** A sheet as a grid of texts with merges expanded. */
function sheetToGrid(name: string, ws: XLSX.WorkSheet): SheetGrid {
  const ref = ws['!ref'];
  if (!ref) return { name, rows: [] };
  const range = XLSX.utils.decode_range(ref);
  const dense = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  const rows: string[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const src = dense?.[r];
    const out: string[] = new Array(range.e.c + 1).fill('');
    if (src) for (let c = range.s.c; c <= range.e.c && c < src.length; c++) out[c] = cellText(src[c]);
    rows.push(out);
  }
  for (const m of ws['!merges'] ?? []) {
    const v = rows[m.s.r]?.[m.s.c] ?? '';
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) for (let c = m.s.c; c <= m.e.c; c++) rows[r]![c] = v;
  }
  // Trailing empty rows (formatted but blank) are not part of the sheet.
  while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === '')) rows.pop();
  return { name, rows };
}

function rowCount(ws: XLSX.WorkSheet): number {
  const ref = ws['!ref'];
  return ref ? XLSX.utils.decode_range(ref).e.r + 1 : 0;
}

/** Read a workbook from its bytes into grids, or say in Chinese why it cannot be read. */
export function readWorkbook(data: Uint8Array, fileName: string, onProgress: ReadProgress = () => {}): ReadWorkbookResult {
  if (data.byteLength === 0) return { ok: false, message: READ_TEXT.empty(fileName) };
  if (data.byteLength > IMPORT_LIMITS.maxBytes) return { ok: false, message: READ_TEXT.tooBig(fileName, data.byteLength / 1024 / 1024) };
  onProgress(READ_TEXT.stageOpen, 0.05);
  const kind = sniff(data);
  if (kind === 'binary') return { ok: false, message: READ_TEXT.notSpreadsheet(fileName) };
  let wb: XLSX.WorkBook;
  try {
    onProgress(READ_TEXT.stageParse, 0.1);
    const opts: XLSX.ParsingOptions = { dense: true, cellNF: true, cellHTML: false, cellStyles: false, sheetStubs: false, WTF: false };
    if (kind === 'text') {
      const text = decodeText(data);
      const looksMarkup = /^\s*</.test(text);
      wb = XLSX.read(text, { ...opts, type: 'string', raw: !looksMarkup });
    } else wb = XLSX.read(data, { ...opts, type: 'array' });
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(msg)) return { ok: false, message: READ_TEXT.password(fileName) };
    if (kind === 'zip' && zipIsComplete(data) && !zipHasSheets(data)) return { ok: false, message: READ_TEXT.notSpreadsheet(fileName) };
    return { ok: false, message: READ_TEXT.corrupted(fileName) };
  }
  if (wb.SheetNames.length === 0) return { ok: false, message: READ_TEXT.noSheets(fileName) };
  const total = wb.SheetNames.reduce((n, s) => n + rowCount(wb.Sheets[s]!), 0);
  if (total > IMPORT_LIMITS.maxRows) return { ok: false, message: READ_TEXT.tooManyRows(fileName, total) };
  const sheets: SheetGrid[] = [];
  wb.SheetNames.forEach((s, i) => {
    onProgress(READ_TEXT.stageCells, 0.5 + (0.5 * i) / wb.SheetNames.length);
    sheets.push(sheetToGrid(s, wb.Sheets[s]!));
  });
  onProgress(READ_TEXT.stageCells, 1);
  return { ok: true, sheets };
}
