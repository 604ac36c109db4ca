/**
 * Tables copied from a web page one cell a line // 逐格换行的表格: a cell starts with "|", a
 * lone "|" ends a row, a line without "|" continues the cell before it (or is the row's
 * label). The genre writes targets per district this way: a row per district, a column per
 * measure, "08年…产值(万元) | 09年…产值(万元)" as baseline and target.
 */

/** One indicator cell of a pipe table: a district's (row's) value of a measure (column). */
export interface PipeTableRow {
  /** Row number, from 1. */
  index: number;
  /** The row's label as written: the district, area or 全市. */
  scope: string;
  name: string;
  unit: string;
  baselineText: string;
  targetText: string;
  baselineYear?: number;
  targetYear?: number;
  /** Lines of the table's cells for this row. */
  lines: number[];
}

/** A header cell: optional year ("08年", "2009年"), a name, an optional unit in brackets. */
const HEADER_CELL = /^(?:(\d{2}|\d{4})年)?(.+?)(?:[（(]([^（）()]+)[）)])?$/u;
const VALUE = /^-?\d+(?:\.\d+)?%?$/u;

function fullYear(y: string | undefined): number | undefined {
  if (!y) return undefined;
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * The rows of a pipe table from its cells (the first row is the header). Columns whose
 * headers name the same measure in two years are one indicator (baseline, target); every
 * other value column is an indicator with a target only.
 */
export function readPipeTable(rows: { cells: string[]; lines: number[] }[]): PipeTableRow[] {
  const [header, ...body] = rows;
  if (!header || header.cells.length < 2) return [];
  const cols = header.cells.slice(1).map((c) => {
    const m = HEADER_CELL.exec(c)!;
    return { year: fullYear(m[1]), name: m[2]!, unit: m[3] ?? '' };
  });
  // Pair "08年X" with "09年X": baseline and target of X.
  const measures: { name: string; unit: string; base?: number; target: number; baseYear?: number; targetYear?: number }[] = [];
  cols.forEach((c, i) => {
    const earlier = measures.find((m) => m.base === undefined && m.name === c.name && cols[m.target]!.year !== undefined && c.year !== undefined && cols[m.target]!.year! < c.year);
    if (earlier) {
      earlier.base = earlier.target;
      earlier.baseYear = cols[earlier.target]!.year;
      earlier.target = i;
      earlier.targetYear = c.year;
    } else measures.push({ name: c.name, unit: c.unit, target: i, targetYear: c.year });
  });
  const tableYear = Math.max(...cols.map((c) => c.year ?? 0)) || undefined;
  const out: PipeTableRow[] = [];
  body.forEach((r, k) => {
    const values = r.cells.slice(1);
    if (!values.length || !values.every((v) => VALUE.test(v))) return;
    for (const m of measures) {
      const target = values[m.target];
      if (target === undefined) continue;
      const row: PipeTableRow = {
        index: k + 1,
        scope: r.cells[0]!,
        name: m.name,
        unit: m.unit || (target.endsWith('%') ? '%' : ''),
        baselineText: m.base !== undefined ? (values[m.base] ?? '') : '',
        targetText: target.replace(/%$/u, ''),
        lines: r.lines,
      };
      if (m.baseYear !== undefined) row.baselineYear = m.baseYear;
      const year = m.targetYear ?? tableYear;
      if (year !== undefined) row.targetYear = year;
      out.push(row);
    }
  });
  return out;
}

/**
 * Split the lines of a pipe table into rows of cells. `lines` are the raw lines from the
 * table's first header cell on; a line without "|" after a row's end starts the next row.
 */
export function pipeCells(lines: { line: number; text: string }[]): { cells: string[]; lines: number[] }[] {
  const rows: { cells: string[]; lines: number[] }[] = [];
  let row: { cells: string[]; lines: number[] } | undefined;
  for (const { line, text } of lines) {
    const t = text.trim();
    if (!t) continue;
    row ??= { cells: [], lines: [] };
    row.lines.push(line);
    if (t.startsWith('|')) {
      const cell = t.slice(1).trim();
      if (!cell) {
        rows.push(row);
        row = undefined;
      } else row.cells.push(cell);
    } else if (!row.cells.length || row.cells.length === 1) {
      // The row's label, perhaps over two lines (峡山生态 / 发展区).
      row.cells[0] = (row.cells[0] ?? '') + t;
    } else row.cells[row.cells.length - 1] += t;
  }
  if (row?.cells.length) rows.push(row);
  return rows;
}
