/**
 * Row heights for wrapped text: spreadsheet programs do not re-measure rows when a file is
 * opened, so the writer estimates how many lines each cell needs at its column width.
 */

/** Width of one character in Excel column units at `fontSize` (CJK and full-width count double). */
function charWidth(ch: string, fontSize: number): number {
  const code = ch.codePointAt(0) ?? 0;
  const wide = code >= 0x2e80 && code <= 0xffef;
  return ((wide ? 2 : 1.1) * fontSize) / 11;
}

/** How many lines `text` takes in a column `width` units wide, wrapping at the edge and at line breaks. */
export function estimateLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let w = 0;
    let n = 1;
    for (const ch of para) {
      const cw = charWidth(ch, fontSize);
      if (w + cw > usable) {
        n++;
        w = cw;
      } else w += cw;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Row height in points for a row whose tallest cell has `lines` lines at `fontSize`. */
export function rowHeightFor(lines: number, fontSize = 11): number {
  return Math.ceil(lines * fontSize * 1.4 + 6);
}
