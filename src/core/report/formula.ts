/**
 * Formulas in an office's own template // 模板公式: when the data row is repeated, its formulas
 * must follow it the way Excel copies a row (relative row numbers move with the row), and
 * formulas elsewhere (a 合计 under the table) must take in every written row, as if the
 * rows had been inserted in Excel. Without this, 序号 reads 1,1,1… and 合计 counts one row.
 */

/** A cell reference in A1 notation, with optional `$` anchors; string literals are skipped. */
const REF = /"(?:[^"]|"")*"|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g;
/** What may stand before a reference (not a letter, digit, `!` of another sheet, `_` or `.`). */
const BEFORE_OK = /[^A-Za-z0-9_.!$]/;

type RowMap = (row: number, absolute: boolean, end: 'start' | 'end' | 'single') => number;

/** Rewrite the row numbers of a formula's same-sheet references with `map`. */
function mapRows(formula: string, map: RowMap): string {
  // A range is rewritten as one unit, so both ends know their role.
  const refs: { index: number; length: number; abs: boolean; col: string; colAbs: string; row: number }[] = [];
  for (const m of formula.matchAll(REF)) {
    if (m[2] === undefined) continue; // a string literal
    const before = m.index === 0 ? '' : formula[m.index - 1]!;
    if (before && !BEFORE_OK.test(before)) continue;
    refs.push({ index: m.index, length: m[0].length, colAbs: m[1]!, col: m[2], abs: m[3] === '$', row: Number(m[4]) });
  }
  let out = '';
  let at = 0;
  refs.forEach((r, i) => {
    const next = refs[i + 1];
    const prev = refs[i - 1];
    const startsRange = next && formula.slice(r.index + r.length, next.index) === ':';
    const endsRange = prev && formula.slice(prev.index + prev.length, r.index) === ':';
    const role = startsRange ? 'start' : endsRange ? 'end' : 'single';
    out += formula.slice(at, r.index) + `${r.colAbs}${r.col}${r.abs ? '$' : ''}${map(r.row, r.abs, role)}`;
    at = r.index + r.length;
  });
  return out + formula.slice(at);
}

/** A data-row formula copied `offset` rows down: relative row numbers move, `$` ones stay (Excel's copy). */
export function copyFormulaDown(formula: string, offset: number): string {
  return offset === 0 ? formula : mapRows(formula, (row, absolute) => (absolute ? row : row + offset));
}

/**
 * A formula outside the data rows after the data row `dataRow` became `count` rows: references
 * below the data row move down, and a range that ends on the data row grows to the last written
 * row (so `=COUNTA(B4:B4)` in the footer counts every task).
 */
export function formulaAfterRowsInserted(formula: string, dataRow: number, count: number): string {
  const shift = Math.max(count, 1) - 1;
  if (shift === 0) return formula;
  return mapRows(formula, (row, _absolute, role) => {
    if (row > dataRow) return row + shift;
    if (row === dataRow && role === 'end') return row + shift;
    return row;
  });
}
