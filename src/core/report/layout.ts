/**
 * Row heights and page-sized rows for wrapped text: spreadsheet programs do not re-measure
 * rows when a file is opened, so the writer estimates how many lines each cell needs at its
 * column width; a text too long for one printed row is cut into pieces written on
 * continuation rows (续), between paragraphs where possible, so nothing is ever cut in print.
 */

/**
 * Width of the character with code point `code` in Excel column units at `fontSize`. A column unit is the width of
 * a digit of the default 11 pt font (7 px); a CJK or full-width character at 11 pt is about
 * 14.7 px, so 2.1 units, and a margin is kept so an estimate never falls short (a short
 * estimate would hide the last lines of a cell in print).
 */
function codeWidth(code: number, fontSize: number): number {
  const wide = (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xffef) || code >= 0x20000;
  return ((wide ? 2.2 : 1.2) * fontSize) / 11;
}

/** The usable width of a column of `width` units (cell padding left and right). */
function usableWidth(width: number): number {
  return Math.max(1, width - 1.2);
}

/**
 * The lines of one paragraph as it wraps in a column: character runs, in order. With `limit`,
 * only the first `limit` lines and, when text is left after them, the rest as one more element
 * (so a long paragraph is not wrapped to its end each time a piece is cut from it).
 */
function wrapParagraph(para: string, width: number, fontSize: number, limit = Infinity): string[] {
  const usable = usableWidth(width);
  const lines: string[] = [];
  let start = 0; // where the current line starts
  let w = 0;
  for (let i = 0; i < para.length; ) {
    const code = para.codePointAt(i)!;
    const cw = codeWidth(code, fontSize);
    if (w + cw > usable && i > start) {
      lines.push(para.slice(start, i));
      start = i;
      w = cw;
      if (lines.length >= limit) break;
    } else w += cw;
    i += code > 0xffff ? 2 : 1;
  }
  lines.push(para.slice(start));
  return lines;
}

/**
 * How many lines `text` takes in a column `width` units wide, wrapping at the edge and at line
 * breaks: the count of wrapParagraph's lines over the paragraphs, without building them (a
 * report writes this for every cell).
 */
export function estimateLines(text: string, width: number, fontSize = 11): number {
  const usable = usableWidth(width);
  let lines = 1;
  let w = 0; // width of the current line so far; 0 while it is empty
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) === 0x0a)) {
      if (code === 0x0d) i++;
      lines++;
      w = 0;
      empty = true;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const cw = codeWidth(code, fontSize);
    if (w + cw > usable && !empty) {
      lines++;
      w = cw;
    } else {
      w += cw;
      empty = false;
    }
  }
  return lines;
}

/**
 * An upper bound of estimateLines(text, width, fontSize) from the text's length and line breaks
 * alone, measuring no character: a wrapped line holds at least as many characters as fit when
 * all are wide, less one for rounding. A writer measures a cell only when this bound matters.
 */
export function linesAtMost(text: string, width: number, fontSize = 11): number {
  const perLine = Math.max(1, Math.floor(usableWidth(width) / ((2.2 * fontSize) / 11)) - 1);
  let paragraphs = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) paragraphs++;
  return paragraphs + Math.ceil(text.length / perLine);
}

/** Height of one line of text in points at `fontSize` (CJK fonts such as Noto Sans CJK need about 1.45 em; 1.5 keeps a margin). */
const LINE_FACTOR = 1.5;
/** Padding of a row above and below its text, in points. */
const ROW_PADDING = 6;

/** Row height in points for a row whose tallest cell has `lines` lines at `fontSize`. */
export function rowHeightFor(lines: number, fontSize = 11): number {
  return Math.ceil(lines * fontSize * LINE_FACTOR + ROW_PADDING);
}

/**
 * The mark of a continuation row // 续: its naming cells (任务编号, 重点任务) carry it, and the
 * importer joins such a row to the row above. Persisted in exported files: do not change.
 */
export const CONTINUED_MARK = '（续）';

/**
 * The naming cell of a continuation row (任务编号, 重点任务): the name marked 续, on one line when
 * both fit; otherwise the mark goes on a line of its own, so a narrow column prints "2025YFZX-03" /
 * "（续）", not "2025YFZX-" / "03（续）". The importer trims the name before the mark.
 */
export function continuedName(name: string, width: number, fontSize = 11): string {
  const marked = `${name}${CONTINUED_MARK}`;
  return estimateLines(marked, width, fontSize) > 1 ? `${name}\n${CONTINUED_MARK}` : marked;
}

/**
 * The cell texts of one field's pieces as written on its rows: a piece that ends where a
 * paragraph ends keeps that line break at its end, so joining the cells directly gives the
 * text back exactly (the importer does so).
 */
export function piecesAsCells(split: { pieces: string[]; breaks: boolean[] }): string[] {
  return split.pieces.map((p, i) => (i < split.pieces.length - 1 && split.breaks[i] ? `${p}\n` : p));
}

/** Excel's and LibreOffice's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * The tallest row the reports write, in points. Well below MAX_ROW_HEIGHT and below an A4
 * page's printable height at the reports' print scale, so a row always fits on a page and the
 * space left at the foot of a page by a row moved to the next page stays small.
 */
export const PRINT_ROW_HEIGHT = 260;

/** How many lines of text at `fontSize` fit in a row of `height` points. */
export function linesPerRow(fontSize = 11, height = PRINT_ROW_HEIGHT): number {
  return Math.max(1, Math.floor((height - ROW_PADDING) / (fontSize * LINE_FACTOR)));
}

/** Marks after which a text may be cut between two printed rows: a sentence's or clause's end, a list's comma, a space. */
const CUT_AFTER = /[。；;，,、！!？?：:）)」』”\s]/u;
/** Characters of a figure or a word in Latin letters: a cut never falls between two of them (1.2亿元, 35.2%, AI-3). */
const FIGURE = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％‰°℃·\-_/]/u;
/** Characters that may follow a number as its unit: a cut never falls between a digit and one of them. */
const UNIT_AFTER_DIGIT = /[亿万千百十元个家项人次件台套条所座名户年月日天号期批类款倍米吨亩平方公里克辆篇份部位余多]/u;

/**
 * Where to cut `text` at most `limit` code units in: just after the last 。；，、 (or other clause
 * mark or space) before the limit; failing that, at the last place not inside a figure or a
 * word (digits, letters, a decimal point, a % sign) nor between a number and its unit. Returns
 * 0 when no such place is found.
 */
export function printCut(text: string, limit: number): number {
  for (let i = Math.min(limit, text.length); i > 0; i--) if (CUT_AFTER.test(text[i - 1]!)) return i;
  for (let i = Math.min(limit, text.length); i > 0; i--) {
    const [a, b] = [text[i - 1]!, text[i] ?? ''];
    if (FIGURE.test(a) && (FIGURE.test(b) || UNIT_AFTER_DIGIT.test(b))) continue;
    if (FIGURE.test(b) && /[0-9.．]/u.test(a)) continue;
    if (/[\ud800-\udbff]/u.test(a)) continue; // never inside a surrogate pair
    return i;
  }
  return 0;
}

/**
 * Cut `text` into pieces of at most `maxLines` lines each in a column `width` units wide.
 * Pieces end between paragraphs where a paragraph fits; a paragraph longer than a piece is cut
 * at the last 。；，、 or space that the piece holds (printCut), never inside a figure, so a
 * reader never sees "投入1" on one row and ".2亿元" on the next. Joining the pieces with line
 * breaks where a paragraph ended (`breaks[i]` true) and directly otherwise gives back the text
 * exactly. One piece when it fits.
 */
export function splitTextForPrint(text: string, width: number, fontSize: number, maxLines: number): { pieces: string[]; breaks: boolean[] } {
  // Most texts fit: one piece, the paragraphs joined as the loop below would join them.
  if (estimateLines(text, width, fontSize) <= maxLines) return { pieces: [text.includes('\r') ? text.split(/\r?\n/).join('\n') : text], breaks: [true] };
  const paras = text.split(/\r?\n/);
  const pieces: string[] = [];
  const breaks: boolean[] = [];
  let cur: string[] = []; // paragraphs (or a paragraph's tail) of the current piece
  let used = 0;
  const close = (paragraphEnded: boolean) => {
    pieces.push(cur.join('\n'));
    breaks.push(paragraphEnded);
    cur = [];
    used = 0;
  };
  for (const para of paras) {
    let rest = para;
    // At most maxLines lines and what is left: enough to tell whether the rest fits.
    let lines = wrapParagraph(rest, width, fontSize, maxLines);
    if (used + lines.length <= maxLines) {
      cur.push(para);
      used += lines.length;
      continue;
    }
    if (lines.length <= maxLines && cur.length > 0) {
      close(true);
      cur.push(para);
      used = lines.length;
      continue;
    }
    // A paragraph longer than what is left: the part that fits, cut where a reader can break off.
    while (used + lines.length > maxLines) {
      const room = maxLines - used;
      const fits = room > 0 ? lines.slice(0, room).join('').length : 0;
      let cut = fits > 0 ? printCut(rest, fits) : 0;
      if (cut === 0 && cur.length === 0) cut = fits; // a whole row with no place to cut: at the row's end
      // No place to cut in what is left of this piece: the paragraph starts the next one.
      if (cut > 0) cur.push(rest.slice(0, cut));
      close(cut === 0);
      rest = rest.slice(cut);
      lines = wrapParagraph(rest, width, fontSize, maxLines);
    }
    cur.push(rest);
    used += lines.length;
  }
  if (cur.length > 0 || pieces.length === 0) {
    pieces.push(cur.join('\n'));
    breaks.push(true);
  }
  return { pieces, breaks };
}

/** Paper sizes by the spreadsheet's paperSize code, portrait, in points (A4 when unknown). */
const PAPER_POINTS: Readonly<Record<number, readonly [number, number]>> = {
  1: [612, 792], // Letter
  8: [841.89, 1190.55], // A3
  9: [595.28, 841.89], // A4
  11: [419.53, 595.28], // A5
};

/** A sheet's page setup as its file gives it (margins in inches). */
export interface PrintSetup {
  paperSize?: number;
  orientation?: 'portrait' | 'landscape';
  margins?: { left?: number; right?: number; top?: number; bottom?: number };
  fitToPage?: boolean;
  fitToWidth?: number;
  fitToHeight?: number;
  scale?: number;
}

/** Width in points of a column `width` units wide as Excel prints it (a unit is a digit of the default font, 7 px, rounded to a pixel). */
export function columnPoints(width: number): number {
  return Math.trunc(width * 7 + 0.5) * 0.75;
}

/**
 * The largest scale at which a sheet with these column widths prints, and the printable height of
 * its page in points: fit to `fitToWidth` pages wide is the printable width against the columns'
 * width in Excel's measure (a program whose fallback font is wider shrinks more, so the scale is
 * never larger); a fixed scale is its own. Undefined when the program fits the sheet to a number
 * of pages tall as well (it then places the breaks itself).
 */
export function printScale(columnWidths: readonly number[], setup: PrintSetup): { scale: number; pageHeight: number } | undefined {
  const [w, h] = PAPER_POINTS[setup.paperSize ?? 9] ?? PAPER_POINTS[9]!;
  const [pw, ph] = setup.orientation === 'landscape' ? [h, w] : [w, h];
  const m = setup.margins ?? {};
  const printableWidth = pw - ((m.left ?? 0.7) + (m.right ?? 0.7)) * 72;
  const pageHeight = ph - ((m.top ?? 0.75) + (m.bottom ?? 0.75)) * 72;
  if (setup.fitToPage) {
    if ((setup.fitToHeight ?? 1) > 0) return undefined;
    const total = columnWidths.reduce((s, c) => s + columnPoints(c), 0);
    const wide = Math.max(1, setup.fitToWidth ?? 1);
    return { scale: Math.min(1, (wide * printableWidth) / Math.max(1, total)), pageHeight };
  }
  return { scale: Math.min(4, Math.max(0.1, (setup.scale ?? 100) / 100)), pageHeight };
}

/** Room kept at the foot of each page against rounding (Excel rounds its fit scale down to a whole percent). */
const PAGE_FILL = 0.97;

/**
 * Where the pages of a sheet end: the rows after which a manual page break goes, so that every
 * program prints every row (LibreOffice lost the last pages of a sheet fit to one page wide with
 * a repeated header row when it placed the breaks itself) and the rows after `lastDataRow` (the
 * 填报人/审核人 block) never stand alone on a page: the last data row goes over with them.
 * `heights[r - 1]` is row r's height in points; `titleRows` are printed again atop every page.
 */
export function pageBreaks(
  heights: readonly number[],
  opts: { scale: number; pageHeight: number; titleRows?: readonly [number, number]; lastDataRow: number },
): number[] {
  const room = (opts.pageHeight * PAGE_FILL) / opts.scale;
  const [tFrom, tTo] = opts.titleRows ?? [0, -1];
  let titles = 0;
  for (let r = tFrom; r <= tTo; r++) titles += heights[r - 1] ?? 0;
  const n = heights.length;
  // The rows after the last data row stay with it: one block, when it fits on a page.
  let tail = 0;
  for (let r = opts.lastDataRow; r <= n; r++) tail += heights[r - 1] ?? 0;
  const keepTail = opts.lastDataRow >= 1 && opts.lastDataRow < n && titles + tail <= room;
  const breaks: number[] = [];
  let used = 0;
  let first = 1; // first row of the current page
  for (let r = 1; r <= n; r++) {
    if (keepTail && r > opts.lastDataRow) break; // placed with the last data row
    const need = keepTail && r === opts.lastDataRow ? tail : (heights[r - 1] ?? 0);
    if (used + need > room && r > first) {
      breaks.push(r - 1);
      first = r;
      used = r > tTo && tTo >= tFrom ? titles : 0;
    }
    used += need;
  }
  return breaks;
}

/** A cell merged down over a run of rows: its text, its column's width, and whether it names the run (任务编号, 重点任务). */
export interface MergedText {
  text: string;
  width: number;
  /** A naming cell is repeated whole, marked 续, where a page break cuts the run; another text goes on there from where the page cut it. */
  naming: boolean;
}

/** A run of rows under cells merged down over all of them (in the 全市汇总表, a task's cells over its districts' rows). */
export interface MergedRun {
  /** First and last row of the run (1-based). */
  first: number;
  last: number;
  cells: readonly MergedText[];
}

/** One merged part of a run: the rows under one merge, on one page, and the merged cells' texts there; `continued` after a page break. */
export interface MergedPart {
  run: number;
  first: number;
  last: number;
  continued: boolean;
  texts: string[];
}

/**
 * Row heights, page breaks and merges of a sheet whose rows come in merged runs. Each row keeps
 * the height its own cells need; a merged text taller than the rows under it gets its extra
 * height on as few rows as it takes (the last rows of its part, each up to MAX_ROW_HEIGHT), never
 * on every row. A page never cuts a merged text: where a page break cuts a run, its cells are
 * merged again on the new page (a part `continued`): the naming cells whole and marked 续, a
 * longer text (汇总) going on from the line where the page ended it, so every page names the task
 * of its rows and nothing is printed twice or lost. A run that cannot hold its texts in its own
 * rows starts on a page with room for them. `heights[r - 1]` is row r's own height; `titleRows`
 * are printed atop every page; `height(lines)` is a row's height for lines of text at `fontSize`.
 */
export function pageMergedRuns(
  heights: readonly number[],
  runs: readonly MergedRun[],
  opts: { scale: number; pageHeight: number; titleRows?: readonly [number, number]; fontSize: number; height?: (lines: number) => number },
): { heights: number[]; breaks: number[]; parts: MergedPart[] } {
  const room = (opts.pageHeight * PAGE_FILL) / opts.scale;
  const { fontSize } = opts;
  const heightOf = opts.height ?? ((lines: number) => rowHeightFor(lines, fontSize));
  const [tFrom, tTo] = opts.titleRows ?? [0, -1];
  let titles = 0;
  for (let r = tFrom; r <= tTo; r++) titles += heights[r - 1] ?? 0;
  const out = [...heights];
  const n = out.length;
  const breaks: number[] = [];
  const parts: MergedPart[] = [];
  const runAt = new Map(runs.map((x, i) => [x.first, i]));
  let used = 0;
  let pageFirst = 1;
  const breakBefore = (r: number) => {
    breaks.push(r - 1);
    pageFirst = r;
    used = r > tTo && tTo >= tFrom ? titles : 0;
  };
  const lines = (c: MergedText, text: string) => (text ? estimateLines(text, c.width, fontSize) : 1);
  const need = (cells: readonly MergedText[], texts: readonly string[], only?: boolean) =>
    heightOf(Math.max(1, ...cells.map((c, k) => (only === undefined || c.naming === only ? lines(c, texts[k]!) : 1))));
  /** The texts of a run's part on a page that ends it after `height` points, and what goes on after it. */
  const cut = (cells: readonly MergedText[], texts: readonly string[], height: number): { here: string[]; rest: string[] } => {
    const fit = linesPerRow(fontSize, height);
    const here: string[] = [];
    const rest: string[] = [];
    cells.forEach((c, k) => {
      const t = texts[k]!;
      if (c.naming || lines(c, t) <= fit) return void (here.push(t), rest.push(''));
      const split = piecesAsCells(splitTextForPrint(t, c.width, fontSize, fit));
      here.push(split[0]!);
      rest.push(split.slice(1).join(''));
    });
    return { here, rest };
  };
  const pad = (first: number, last: number, height: number): number => {
    let have = 0;
    for (let r = first; r <= last; r++) have += out[r - 1]!;
    let extra = Math.max(0, height - have);
    const wanted = extra;
    for (let r = last; r >= first && extra > 0; r--) {
      const give = Math.min(extra, Math.max(0, MAX_ROW_HEIGHT - out[r - 1]!));
      out[r - 1]! += give;
      extra -= give;
    }
    return wanted - extra;
  };
  for (let r = 1; r <= n; ) {
    const i = runAt.get(r);
    if (i === undefined) {
      if (used + out[r - 1]! > room && r > pageFirst) breakBefore(r);
      used += out[r - 1]!;
      r++;
      continue;
    }
    const run = runs[i]!;
    const cap = room - titles; // no merged text needs more than a page
    let rowsLeft = 0;
    for (let k = run.first; k <= run.last; k++) rowsLeft += out[k - 1]!;
    let texts = run.cells.map((c) => c.text);
    let partFirst = run.first;
    let partUsed = 0;
    for (r = run.first; r <= run.last; r++) {
      const h = out[r - 1]!;
      if (r === partFirst) {
        // A part starts on a page with room for its naming cells and its first row; for all its
        // texts when its rows are too few to hold them (they will not go on to another page).
        const all = Math.min(cap, need(run.cells, texts));
        const want = rowsLeft >= all ? Math.max(h, Math.min(cap, need(run.cells, texts, true))) : all;
        if (used + want > room && r > pageFirst) breakBefore(r);
      } else if (used + h > room && r > pageFirst) {
        // The page ends inside the run: this part ends here (as tall as its naming cells at least,
        // which the page has room for) and the run goes on, merged again.
        const height = Math.max(partUsed, Math.min(cap, need(run.cells, texts, true)));
        pad(partFirst, r - 1, height);
        const { here, rest } = cut(run.cells, texts, height);
        parts.push({ run: i, first: partFirst, last: r - 1, continued: partFirst > run.first, texts: here });
        texts = run.cells.map((c, k) => (c.naming ? continuedName(c.text, c.width, fontSize) : rest[k]!));
        breakBefore(r);
        partFirst = r;
        partUsed = 0;
      }
      used += h;
      partUsed += h;
      rowsLeft -= h;
    }
    parts.push({ run: i, first: partFirst, last: run.last, continued: partFirst > run.first, texts });
    used += pad(partFirst, run.last, Math.min(cap, need(run.cells, texts)));
    r = run.last + 1;
  }
  return { heights: out, breaks, parts };
}

/**
 * The rows a text of `lines` lines takes in print, as cell texts (piecesAsCells), or undefined when
 * it stays whole in one row: a text up to a quarter taller than a printed row of `maxLines` lines
 * stays whole (its row grows, well within MAX_ROW_HEIGHT and a page), so no continuation row (续)
 * holds a line or two while the row above had room for them; a longer text is cut into pieces of
 * about even size (splitTextForPrint), so the last is not a sliver.
 */
export function printPieces(text: string, width: number, fontSize: number, maxLines: number, lines = estimateLines(text, width, fontSize)): string[] | undefined {
  if (lines <= maxLines + Math.floor(maxLines / 4)) return undefined;
  const full = splitTextForPrint(text, width, fontSize, maxLines);
  const count = full.pieces.length;
  // The smallest even share that still gives as many pieces as full rows do (a cut falls at a
  // clause's end, so a piece may hold a little less than its share).
  for (let share = Math.ceil(lines / count); share < maxLines; share++) {
    const even = splitTextForPrint(text, width, fontSize, share);
    if (even.pieces.length <= count) return piecesAsCells(even);
  }
  return piecesAsCells(full);
}
