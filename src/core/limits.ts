/**
 * Bounds of untrusted input // 文件上限: every file the officer opens is measured against these
 * before it is parsed, so a small crafted file cannot exhaust memory. One table, used by the
 * readers (renderer/workers, renderer/spreadsheet), their messages and the README.
 */

/** Excel's limit on the characters of one cell; longer texts are refused at entry and never exported. */
export const MAX_CELL_CHARS = 32_767;

/** Bounds of an imported task list (.xlsx, .xls, .csv). */
export const IMPORT_FILE_LIMITS = {
  /** Bytes of the file as stored. */
  maxBytes: 50 * 1024 * 1024,
  /** Bytes of an old binary .xls: its cells are not counted before parsing, and a record of 6 bytes is a cell. */
  maxXlsBytes: 16 * 1024 * 1024,
  /** Rows over all sheets. */
  maxRows: 100_000,
  /** Cells over all sheets: rows × used columns of each sheet's real cells. */
  maxCells: 3_000_000,
  /** Inflated bytes of one part (one sheet, the shared strings…) of an .xlsx. */
  maxPartBytes: 160 * 1024 * 1024,
  /** Inflated bytes of all parts together. */
  maxInflatedBytes: 320 * 1024 * 1024,
  /** Parts in the zip. */
  maxEntries: 5_000,
  /** XML elements over all parts (a cell is 2–4 of them). */
  maxElements: 15_000_000,
  /** Shared strings (a workbook references at most one per cell). */
  maxSharedStrings: 3_000_000,
  /** Cell formats (Excel itself allows 64,000). */
  maxCellFormats: 65_000,
  /** Merged ranges and hyperlinks, each. */
  maxMerges: 100_000,
  maxHyperlinks: 100_000,
} as const;

/** Bounds of an opened policy file (.docx or .txt). */
export const POLICY_FILE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 128 * 1024 * 1024,
  maxEntries: 2_000,
  /** Paragraphs of the .docx body. */
  maxParagraphs: 50_000,
  /** XML elements over the .docx's Word parts (a long policy document has some tens of thousands). */
  maxElements: 2_000_000,
  /** Characters of the text (a policy document has tens of thousands). */
  maxChars: 2_000_000,
} as const;

/** Bounds of import planning: beyond them the preview would hang or ask too much of the officer. */
export const PLAN_LIMITS = {
  /** Rows the officer would have to confirm one by one (需确认). */
  maxConfirmations: 300,
  /**
   * Work units of estimatePlanWork (about a microsecond each on the build machine) that plan in
   * about 20 s there, so within a minute on a slower office laptop.
   */
  maxWork: 20_000_000,
} as const;

/**
 * Work units of planning `rows` rows against `existing` tasks. Measured: about 130 µs a row plus
 * the postings of the row's rarest bigrams, which grow with the store (5,000 rows × 5,000 tasks
 * took 1.4 s; 20,000 × 1,000 took 2.6 s).
 */
export function estimatePlanWork(rows: number, existing: number): number {
  return rows * (150 + existing / 10);
}

/** What an exported cell cut at MAX_CELL_CHARS ends with. */
export const CUT_CELL_SUFFIX = '…（超过 Excel 每格 32767 字的上限，已截断；全文见台账）';

/**
 * Text that fits one spreadsheet cell: unchanged when within MAX_CELL_CHARS, else cut and marked,
 * so that an export never writes a cell Excel would refuse or truncate silently.
 */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let cut = MAX_CELL_CHARS - CUT_CELL_SUFFIX.length;
  // Never split a surrogate pair.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + CUT_CELL_SUFFIX;
}

/** Text too long for one spreadsheet cell. */
export function exceedsCellLimit(text: string): boolean {
  return text.length > MAX_CELL_CHARS;
}
