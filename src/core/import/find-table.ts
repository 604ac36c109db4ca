/**
 * Find the task table inside a sheet: the header row (below title rows, possibly two rows
 * high), what each column holds, and the data rows under it (skipping spacer rows, section
 * headings, repeated headers and footnotes). Problems are returned as data.
 */
import { missingForImport, TASK_FIELDS, type TaskFieldId } from '../fields';
import { CONTINUED_MARK } from '../report/layout';
import { IMPORT_MESSAGES as M } from './messages';
import { leadingListNumber } from '../policy/layouts';
import { splitRawUnitGroups } from '../policy/units';
import { columnLetter, compoundItem, isPlaceholderCell, normalizeHeader, normalizeNumber, numberDeadline, textDate } from './normalize';
import { impossibleDate } from '../deadline';
import { toHalfWidth } from '../text';
import { findDistrict } from '../districts';
import { cellRevisionMark, isMarkColumn, keepsOldValue, nameRevisionMark, revisedValue, sectionRevisionMark } from './revision-marks';
import type { ColumnMapping, ImportIssue, ImportedRow, RowFields, SheetGrid, TableLayout } from './types';

/** Remembered column choices: normalized header text → field (null = ignore the column). */
export type RememberedMapping = Readonly<Record<string, TaskFieldId | null>>;

/** How sure a header guess must be to count without review. */
const SURE = 1;
/** Headers naming a count or a share (任务数, 占比, 完成率): never a text column by a name inside them. */
const COUNT_HEADER = /(数|数量|个数|率|占比|比例|比重)$/;
/** A header's note that the column holds the old value: 完成时限（原）, （旧）, （调整前）. */
const OLD_NOTE = /[(（]\s*(原|旧|原定|原计划|调整前|修改前|变更前)\s*[)）]/u;
/** The confidence of such a header: below a name inside a longer header, so the plain one wins. */
const OLD_CONFIDENCE = 0.7;
/** The same said before the name: 原完成时限, 调整前牵头单位. */
const OLD_PREFIX = /^(原定|原计划|原|旧|调整前|修改前|变更前)(?=\S{2})/u;
/** A header saying the column holds the new value: 调整后完成时限, 完成时限（调整后）, 新牵头单位. */
const NEW_PREFIX = /^(调整后|修订后|修改后|变更后|更新后|最新|新)(?=\S{2})/u;
const NEW_NOTE = /[(（]\s*(调整后|修订后|修改后|变更后|更新后|最新|新|现)\s*[)）]/u;
/** Whether a header says its column holds the new value (beside the plain one, it is the one read). */
export const namesNewValue = (header: string) => NEW_NOTE.test(header) || NEW_PREFIX.test(normalizeHeader(header)) || NEW_PREFIX.test(normalizeHeader(header.split('/').pop() ?? ''));
/** Whether a header says its column holds the old value (完成时限（原）, 原任务表述, 完成时限/原时限). */
const namesOldValue = (header: string) => OLD_NOTE.test(header) || OLD_PREFIX.test(normalizeHeader(header.split('/').pop() ?? ''));
/**
 * A header naming the district's own units (区级, 区级责任单位, 区牵头单位, 本区责任部门): who in the
 * district carries the task, which the ledger does not keep as the task's (city-level) units.
 */
const DISTRICT_LEVEL = /^(区级|区直|区属|本区|区)(牵头|责任|配合|承办|落实)?(责任)?(单位|部门)?$/u;
/** The city level said before a unit header (市级牵头单位): the same field as without it. */
const CITY_LEVEL = /^市级?(?=牵头|责任|配合|主责)/u;
/** How many rows from the top are searched for the header. */
const HEADER_SEARCH_ROWS = 40;

const ALIASES: { field: TaskFieldId; alias: string }[] = TASK_FIELDS.flatMap((f) =>
  [f.header, ...f.aliases].map((a) => ({ field: f.id, alias: normalizeHeader(a) })),
).sort((a, b) => b.alias.length - a.alias.length);

/** The field a header names, with a confidence: exact name 1, a name inside a longer header 0.8. */
export function matchHeader(text: string, remembered: RememberedMapping = {}): { field: TaskFieldId | null; confidence: number } | null {
  const n = normalizeHeader(text);
  if (!n) return null;
  if (Object.hasOwn(remembered, n)) return { field: remembered[n] ?? null, confidence: 1 };
  // 区级责任单位, 牵头单位/区级: the district's own units, not the task's (the city's) — never read into them.
  // A district's own name (汉阳区, 东湖高新区): its column of a 各区分工 matrix, no field either.
  if (DISTRICT_LEVEL.test(n) || findDistrict(n)) return { field: null, confidence: 1 };
  const exact = ALIASES.find((a) => a.alias === n) ?? ALIASES.find((a) => a.alias === n.replace(CITY_LEVEL, ''));
  // 完成时限（原）: the old value kept beside the new column names the field, less surely than the new one.
  if (exact) return { field: exact.field, confidence: OLD_NOTE.test(text) ? OLD_CONFIDENCE : 1 };
  // 调整后完成时限 is the field as surely as 完成时限 (and wins over it, withMapping); 原完成时限 as 完成时限（原）.
  for (const [prefix, confidence] of [[NEW_PREFIX, 1], [OLD_PREFIX, OLD_CONFIDENCE]] as const) {
    const bare = n.replace(prefix, '');
    const named = bare !== n ? ALIASES.find((a) => a.alias === bare) : undefined;
    if (named) return { field: named.field, confidence };
  }
  if (n.length > 12) return null; // a long text is a data cell, not a header
  if (COUNT_HEADER.test(n)) return null; // 任务数, 问题数量, 完成率: a number about tasks, not a task column
  const inside = ALIASES.find((a) => a.alias.length >= 2 && n.includes(a.alias));
  if (inside) return { field: inside.field, confidence: 0.8 };
  return null;
}

/** Column label as the officer sees it, e.g. `C列（牵头单位）`. */
export function columnLabel(column: number, header?: string): string {
  return header ? `${columnLetter(column)}列（${header}）` : `${columnLetter(column)}列`;
}

const cell = (grid: SheetGrid, r: number, c: number) => (grid.rows[r]?.[c] ?? '').trim();
const width = (grid: SheetGrid, from: number, to: number) => {
  let w = 0;
  for (let r = from; r < to && r < grid.rows.length; r++) w = Math.max(w, grid.rows[r]!.length);
  return w;
};

interface Candidate {
  headerRow: number;
  headerRows: number;
  headers: string[];
  guesses: ({ field: TaskFieldId | null; confidence: number } | null)[];
  score: number;
}

function candidate(grid: SheetGrid, r: number, rows: 1 | 2, remembered: RememberedMapping): Candidate {
  const w = width(grid, r, r + rows);
  const headers: string[] = [];
  const guesses: Candidate['guesses'] = [];
  for (let c = 0; c < w; c++) {
    const parent = cell(grid, r, c);
    const child = rows === 2 ? cell(grid, r + 1, c) : '';
    if (rows === 2 && child && child !== parent) {
      headers.push(parent ? `${parent}/${child}` : child);
      // Under a header row, only an exact name counts: data cells often contain words like 任务.
      const own = matchHeader(child, remembered);
      const parentGuess = parent ? matchHeader(parent, remembered) : null;
      // A header never read (区级责任单位, a district's name): what is written under it is not read either.
      const parentRefused = parentGuess !== null && parentGuess.field === null && parentGuess.confidence >= SURE;
      const qualified = (own && own.confidence >= SURE) || parentRefused ? undefined : parent ? qualifiedHeader(parent, child) : undefined;
      guesses.push(own && own.confidence >= SURE && !parentRefused ? own : qualified ? matchHeader(qualified, remembered) : parentGuess);
    } else {
      headers.push(parent);
      guesses.push(parent ? matchHeader(parent, remembered) : null);
    }
  }
  const fields = new Set(guesses.filter((g) => g && g.field && g.confidence >= 0.8).map((g) => g!.field));
  const score = fields.size + (fields.has('title') ? 0.5 : 0) + (fields.has('key') ? 0.25 : 0);
  return { headerRow: r, headerRows: rows, headers, guesses, score };
}

/** A unit's role written alone under a unit header (责任单位 over 牵头 | 配合). */
const ROLE_SUB_HEADER = /^(牵头|主责|主办|承办|配合|协办|协同|参与)(单位|部门)?$/u;
/** A unit header a role sits under: 责任单位, 责任分工, 责任主体, 单位. */
const UNITS_PARENT = /单位|部门|分工|主体/u;
/** Old or new written alone under a field's header (完成时限 over 原时限 | 调整后): the word, and what follows it. */
const VALUE_AGE_SUB_HEADER = /^(原定|原计划|原|旧|调整前|修改前|变更前|调整后|修订后|修改后|变更后|更新后|最新|新|现)(.{0,4})$/u;

/**
 * The header a sub-header means with the header merged over it, when it says only part of it: a role
 * under a unit header (责任单位 over 牵头 → 牵头单位, 配合 → 配合单位), old or new under a field's
 * header (完成时限 over 原时限 → 原完成时限, 调整后 → 调整后完成时限). Undefined otherwise.
 */
function qualifiedHeader(parent: string, child: string): string | undefined {
  const p = normalizeHeader(parent);
  const c = normalizeHeader(child);
  const role = ROLE_SUB_HEADER.exec(c);
  if (role && UNITS_PARENT.test(p)) return `${role[1]}${role[2] ?? '单位'}`;
  const age = VALUE_AGE_SUB_HEADER.exec(c);
  if (age && (!age[2] || p.includes(age[2]))) return `${age[1] === '现' ? '最新' : age[1]}${p}`;
  return undefined;
}

/**
 * Whether row r + 1 splits headers of row r merged across columns (牵头单位 over 市级 | 区级): every
 * cell of it that differs from the one above sits under a header spanning several columns, and
 * there are at least two. A data row differs from the header in every column and spans nothing.
 */
function subHeaders(grid: SheetGrid, r: number): boolean {
  let n = 0;
  for (let c = 0; c < width(grid, r, r + 2); c++) {
    const parent = cell(grid, r, c);
    const child = cell(grid, r + 1, c);
    if (!child || child === parent) continue;
    if (!inLostMerge(grid, r, c) && (!parent || (cell(grid, r, c - 1) !== parent && cell(grid, r, c + 1) !== parent))) return false;
    n++;
  }
  return n >= 2;
}

/** The longest text a sub-header under a merge lost in the file (CSV) may have: a name, not a sentence. */
const SUB_HEADER_CHARS = 12;

/**
 * Whether column c of row r lies in a header merged across columns whose merge the file lost (CSV
 * keeps the text in the first column only): the heading, then blank cells, each with a short
 * sub-header under it (各区任务分工 | | | over 江岸区 | 江汉区 | 硚口区).
 */
function inLostMerge(grid: SheetGrid, r: number, c: number): boolean {
  const short = (k: number) => {
    const v = cell(grid, r + 1, k);
    return !!v && v.length <= SUB_HEADER_CHARS && v !== cell(grid, r, k);
  };
  let start = c;
  while (start >= 0 && !cell(grid, r, start)) start--;
  if (start < 0 || !short(start)) return false;
  // The heading spans the blank cells after it: at least one, each with its sub-header under it.
  let end = start;
  while (!cell(grid, r, end + 1) && short(end + 1)) end++;
  return end > start && c <= end;
}

/** Locate the header and map the columns of a sheet. */
export function findTable(grid: SheetGrid, remembered: RememberedMapping = {}): { layout?: TableLayout; issues: ImportIssue[] } {
  const sheet = grid.name;
  if (!grid.rows.some((row) => row.some((v) => v.trim() !== '')))
    return { issues: [{ sheet, message: M.emptySheet(sheet), severity: 'error' }] };
  let best: Candidate | undefined;
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const one = candidate(grid, r, 1, remembered);
    if (!best || one.score > best.score) best = one;
    if (r + 1 < grid.rows.length) {
      const two = candidate(grid, r, 2, remembered);
      const next = candidate(grid, r + 1, 1, remembered);
      const better = two.score > one.score || (two.score === one.score && subHeaders(grid, r));
      if (better && two.score >= next.score && two.score >= best.score && one.score >= 2) best = two;
    }
  }
  if (!best || best.score < 2) return { issues: [{ sheet, row: 1, message: M.noHeader(sheet), severity: 'error' }] };
  const hidden = new Set(grid.hiddenColumns ?? []);
  const layout = withCodeColumn(grid, withMarkColumn(grid, withUnitMatrix(grid, layoutFrom(sheet, best, hidden))));
  const guessed = layout.columns.map((m) => ({ ...m, field: best.guesses[m.column]?.field ?? null }));
  const notes = [...guessWarnings(layout, guessed), ...districtLevelNotes(grid, layout), ...districtMatrixNotes(grid, layout)];
  return { layout: notes.length > 0 ? { ...layout, guessNotes: notes } : layout, issues: notes };
}

/**
 * A list without a 备注 column whose unnamed column holds the city's revision marks (保留 / 删除 /
 * 新增, under 变化情况, 类型 or no header): that column is read for them, as a 备注 would be.
 */
function withMarkColumn(grid: SheetGrid, layout: TableLayout): TableLayout {
  if (layout.columns.some((m) => m.field === 'note')) return layout;
  const start = layout.headerRow + layout.headerRows;
  const marks = layout.columns.find((m) => !m.field && !m.hidden && !DISTRICT_LEVEL.test(normalizeHeader(m.header.split('/').pop() ?? '')) && isMarkColumn(grid.rows.slice(start).map((r) => r[m.column] ?? '')));
  if (!marks) return layout;
  return { ...layout, columns: layout.columns.map((m) => (m === marks ? { ...m, field: 'note' as const, confidence: 1 } : m)) };
}

/** A cell that ticks its column (✓, √, ●, ○ …) in a matrix of units; 牵头 / 配合 tick it with the unit's role. */
const TICK = /^(?:[✓✔√☑●○◎▲△★☆◆■]|是|Y|y|V|v)$/u;
const LEAD_TICK = /^(?:牵头|主责|主办)(?:单位)?$/u;
const PARTNER_TICK = /^(?:配合|参与|协办|协同|责任)(?:单位)?$/u;
/** What a cell of a units matrix says: the column's unit ticked (for the field, or as lead / partner), or nothing. */
function unitTick(cell: string): 'tick' | 'lead' | 'partner' | undefined {
  const t = cell.replace(/\s+/gu, '');
  return TICK.test(t) ? 'tick' : LEAD_TICK.test(t) ? 'lead' : PARTNER_TICK.test(t) ? 'partner' : undefined;
}

/**
 * A matrix of units under a two-row header: a units header (责任单位, 配合单位) merged over two or more
 * columns each headed by a unit's name (市教育局 | 市经信局 …, no field's name, no district), whose cells
 * only tick (✓, ●, 牵头 …) or are blank. Each column stands for its unit (ColumnMapping.unit): the
 * ticked ones are the task's units, not the tick itself. A district's column is left to districtMatrixNotes.
 */
function withUnitMatrix(grid: SheetGrid, layout: TableLayout): TableLayout {
  if (layout.headerRows !== 2) return layout;
  const start = layout.headerRow + 2;
  const groups = new Map<string, { field: TaskFieldId; columns: ColumnMapping[] }>();
  for (const m of layout.columns) {
    const parent = cell(grid, layout.headerRow, m.column);
    const child = cell(grid, layout.headerRow + 1, m.column);
    if (!parent || !child || child === parent || m.hidden) continue;
    const field = matchHeader(parent)?.field;
    if ((field !== 'leadUnits' && field !== 'responsibleUnits') || matchHeader(child) !== null) continue;
    const cells = grid.rows.slice(start).map((r) => (r[m.column] ?? '').trim()).filter(Boolean);
    if (!cells.every((c) => unitTick(c))) continue;
    const g = groups.get(parent) ?? { field, columns: [] };
    g.columns.push(m);
    groups.set(parent, g);
  }
  const units = new Map<number, { field: TaskFieldId; unit: string }>();
  for (const g of groups.values()) {
    const ticked = g.columns.some((m) => grid.rows.slice(start).some((r) => unitTick(r[m.column] ?? '')));
    if (g.columns.length >= 2 && ticked) for (const m of g.columns) units.set(m.column, { field: g.field, unit: cell(grid, layout.headerRow + 1, m.column) });
  }
  if (units.size === 0) return layout;
  return withMapping(layout, layout.columns.map((m) => {
    const u = units.get(m.column);
    return u ? { ...m, field: u.field, confidence: 1, unit: u.unit } : m;
  }));
}

/** A task's code as lists print it: letters and digits, a dash, its number (2024KJRC-01, SSWGH-17, IMP20261126-001). */
const TASK_CODE = /^[0-9A-Z]{3,}(?:-[0-9A-Z]+)*-\d{1,4}$/u;

/**
 * A list without a 任务编号 column whose 编号 (read as 条目) holds task codes (2024KJRC-01), not a
 * document's item numbers (1, 1.2, （三）): that column is the tasks' codes, matched as such, and
 * never written over the tasks' 条目.
 */
function withCodeColumn(grid: SheetGrid, layout: TableLayout): TableLayout {
  if (layout.columns.some((m) => m.field === 'key')) return layout;
  const start = layout.headerRow + layout.headerRows;
  const codes = layout.columns.find((m) => {
    if (m.field !== 'number') return false;
    const cells = grid.rows.slice(start).map((r) => (r[m.column] ?? '').replace(/\s+/gu, '')).filter(Boolean);
    return cells.length > 0 && cells.filter((c) => TASK_CODE.test(c)).length >= cells.length * 0.8;
  });
  if (!codes) return layout;
  return withMapping(layout, layout.columns.map((m) => (m === codes ? { ...m, field: 'key' as const } : m)));
}

/** A column of the district's own units (区级责任单位) with something in it: said to be left out. */
function districtLevelNotes(grid: SheetGrid, layout: TableLayout): ImportIssue[] {
  const start = layout.headerRow + layout.headerRows;
  const row = layout.headerRow + 1;
  return layout.columns
    .filter((m) => !m.field && DISTRICT_LEVEL.test(normalizeHeader(m.header.split('/').pop() ?? '')) && grid.rows.slice(start).some((r) => (r[m.column] ?? '').trim()))
    .map((m) => {
      const column = columnLabel(m.column, m.header);
      // A column of district names (江岸区, 汉阳区 …): the list gives a row per task and district.
      const cells = grid.rows.slice(start).map((r) => (r[m.column] ?? '').trim()).filter((c) => c && !isPlaceholderCell(c));
      const names = cells.length > 0 && cells.every((c) => findDistrict(c.replace(/\s+/gu, '')));
      return { sheet: layout.sheet, row, column, message: names ? M.districtNameColumn(layout.sheet, row, column) : M.districtLevelColumn(layout.sheet, row, column), severity: 'warning' as const };
    });
}

/** How many columns headed by district names make a matrix of the districts' shares (各区分工). */
const MATRIX_COLUMNS = 3;

/**
 * A matrix of the districts' shares (one column per district, marked ✓, ●, 牵头 or 配合) with marks in
 * it: said once, naming its first and last column — the marks are not read into the tasks' units.
 */
function districtMatrixNotes(grid: SheetGrid, layout: TableLayout): ImportIssue[] {
  const start = layout.headerRow + layout.headerRows;
  const cols = layout.columns.filter((m) => !m.field && findDistrict(normalizeHeader(m.header.split('/').pop() ?? '')));
  if (cols.length < MATRIX_COLUMNS || !grid.rows.slice(start).some((r) => cols.some((m) => (r[m.column] ?? '').trim()))) return [];
  const row = start;
  const first = columnLabel(cols[0]!.column, cols[0]!.header.split('/').pop());
  const last = columnLabel(cols.at(-1)!.column, cols.at(-1)!.header.split('/').pop());
  return [{ sheet: layout.sheet, row, column: first, message: M.districtMatrix(layout.sheet, row, first, last, cols.length), severity: 'warning' }];
}

function layoutFrom(sheet: string, c: Candidate, hidden: ReadonlySet<number>): TableLayout {
  const columns: ColumnMapping[] = c.headers.map((header, column) => ({
    column,
    header,
    field: c.guesses[column]?.field ?? null,
    confidence: c.guesses[column]?.confidence ?? 0,
    ...(hidden.has(column) ? { hidden: true as const } : {}),
  }));
  const layout: TableLayout = { sheet, headerRow: c.headerRow, headerRows: c.headerRows, columns, needsReview: false };
  return withMapping(layout, columns);
}

/** Warnings about the guessed mapping (two columns that look like the same field). */
export function guessWarnings(layout: TableLayout, guessed: readonly ColumnMapping[]): ImportIssue[] {
  return mappingIssues(layout, guessed).filter((i) => i.severity === 'warning');
}

/**
 * Apply a column mapping (the guess or the officer's choice): a field claimed by two
 * columns keeps the surer one; review is needed when a guess is unsure or 重点任务 is missing.
 */
export function withMapping(layout: TableLayout, columns: readonly ColumnMapping[]): TableLayout {
  const owner = new Map<TaskFieldId, ColumnMapping>();
  const out = columns.map((m) => {
    const c = { ...m };
    delete c.previousOf;
    return c;
  });
  let conflict = false;
  for (const m of out) {
    // The columns of a units matrix share their field (each stands for one unit).
    if (!m.field || m.unit) continue;
    const prev = owner.get(m.field);
    if (!prev) owner.set(m.field, m);
    else {
      conflict = true;
      // The surer column wins; between equally sure ones, the one saying it holds the new value
      // (调整后完成时限 beside 完成时限), then a visible column over a hidden one.
      const newer = namesNewValue(m.header) !== namesNewValue(prev.header) ? namesNewValue(m.header) : undefined;
      const [win, lose] = m.confidence > prev.confidence || (m.confidence === prev.confidence && (newer ?? (!!prev.hidden && !m.hidden))) ? [m, prev] : [prev, m];
      // The old value beside its new one (原任务表述 | 调整后任务表述): read where the new cell keeps it (blank, 不变).
      if (namesNewValue(win.header) || namesOldValue(lose.header)) lose.previousOf = m.field;
      lose.field = null;
      owner.set(m.field, win);
    }
  }
  const unsure = out.some((m) => m.field && m.confidence < SURE);
  return { ...layout, columns: out, needsReview: conflict || unsure || missingForImport((id) => owner.has(id) || out.some((m) => m.unit && m.field === id)).length > 0 };
}

/** Issues of a mapping itself: a required column missing, two columns for one field. */
export function mappingIssues(layout: TableLayout, guessed?: readonly ColumnMapping[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const row = layout.headerRow + 1;
  for (const f of missingForImport((id) => layout.columns.some((m) => m.field === id)))
    issues.push({ sheet: layout.sheet, row, message: M.requiredMissing(layout.sheet, row, f), severity: 'error' });
  if (guessed) {
    const seen = new Map<TaskFieldId, ColumnMapping>();
    for (const m of guessed) {
      if (!m.field || m.unit) continue;
      const first = seen.get(m.field);
      if (!first) seen.set(m.field, m);
      else {
        // Name the column the mapping uses first, and say when the other is hidden.
        const usedColumn = layout.columns.find((c) => c.field === m.field)?.column;
        const [used, other] = usedColumn === m.column ? [m, first] : [first, m];
        issues.push({
          sheet: layout.sheet,
          row,
          column: columnLabel(m.column, m.header),
          message: M.duplicateColumn(layout.sheet, m.field, columnLabel(used.column, used.header), columnLabel(other.column, other.header), !!other.hidden),
          severity: 'warning',
        });
      }
    }
  }
  return issues;
}

const HEADING = /^(第?[一二三四五六七八九十百]+[、.．章部分]|[(（][一二三四五六七八九十]+[)）]|专栏)/;
const FOOTER = /^(注[:：]|注\d|备注[:：]|说明[:：]|填表人|填报人|联系人|审核人|制表|负责人|联系电话|填报单位|合计|总计|共计)/;
/** A section's subtotal (小计, 小计：4项, 本行动小计4项): a row of counts inside the list, not its end. */
const SUBTOTAL = /^(?:分项|本\S{0,4})?小计(?:[:：(（]|\d|共|$)/u;
/** A 合计 row's first cell: the list's total, after which come only notes. */
const TOTAL = /^(合计|总计|共计)/u;
/** The list's count of tasks where a task goes (共15项, 合计15项), closing it as a 合计 row does. */
const TOTAL_COUNT = /^(共|合计|总计|共计)/u;
/** A count of the tasks (共22项, 22项任务, 合计：20项), as a 合计 row writes it where the task goes. */
const TASK_COUNT = /^(共|合计|总计|共计)?[:：]?\d+(项|个|条|件)(任务|工作|事项)?$/;
/** A section's own number alone (一, 二、, 第三部分), as a section row writes it in the 序号 column. */
const SECTION_NUMBER = /^第?[一二三四五六七八九十]+[、.．]?(部分|章)?$/;
const compact = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
/** A note heading under a list: 填表说明, 说明, 注, 注：…, 备注：…, 附注. */
const NOTE_START = /^(填表说明|填报说明|说明|注|附注|备注)[:：]?$|^(注|说明|附注|备注|填表说明|填报说明)[:：]|^注\d/u;
/** A note label alone in its cell (备注 | 1.本表由…解释。): the row is a note, whatever column its text is in. */
const NOTE_LABEL = /^(填表说明|填报说明|说明|注|附注|备注)[:：]?$/u;
/** Symbols a list puts before or after a task's name to mark it (重点任务★, ▲新增). */
const DECOR = /^\s*[★☆▲△●○◆◇■□※＊*√✔✓]|[★☆▲△●○◆◇■□※＊*√✔✓]\s*$/u;
const DECOR_ENDS = /^[\s★☆▲△●○◆◇■□※＊*√✔✓]+|[\s★☆▲△●○◆◇■□※＊*√✔✓]+$/gu;
/** Blank rows after which lines of text are notes under the list, not tasks. */
const NOTE_GAP = 3;

/**
 * Whether a cell is the column's (normalised) header. Normalising only drops characters, and
 * leaves Chinese characters as they are: a cell missing one of the header's is not it, which
 * settles most cells without normalising their whole text.
 */
function isHeaderCell(cell: string, header: string | undefined): boolean {
  if (!header) return false;
  for (const ch of header) if (ch >= '\u4e00' && ch <= '\u9fff' && !cell.includes(ch)) return false;
  return normalizeHeader(cell) === header;
}

/**
 * Whether readRows numbers a list's rows by its 序号: the list has a 序号 column and no 条目
 * (编号) or 任务编号 column. Such a 序号 may be the tasks' 条目 or only count the rows: planImport
 * (PlanInput.numbersFromSeq) keeps it as a number only when it agrees with the ledger.
 */
export function numbersFromSeq(layout: TableLayout): boolean {
  const has = (f: TaskFieldId) => layout.columns.some((m) => m.field === f);
  return has('seq') && !has('key') && !has('number');
}

/** The data rows under the header, with the row issues (duplicate 任务编号, rows without a task). */
export function readRows(grid: SheetGrid, layout: TableLayout): { rows: ImportedRow[]; issues: ImportIssue[] } {
  const sheet = grid.name;
  const issues: ImportIssue[] = [...mappingIssues(layout)];
  if (issues.some((i) => i.severity === 'error')) return { rows: [], issues };
  const mapped = layout.columns.filter((m) => m.field);
  const headerNames = new Map(layout.columns.map((m) => [m.column, normalizeHeader(m.header.split('/').pop() ?? '')]));
  const rows: ImportedRow[] = [];
  const seenKeys = new Map<string, number>();
  const keyColumn = layout.columns.find((m) => m.field === 'key');
  const deadlineColumn = layout.columns.find((m) => m.field === 'deadline');
  const titleColumnAt = layout.columns.find((m) => m.field === 'title');
  const titleColumn = !!titleColumnAt;
  const noteColumn = layout.columns.find((m) => m.field === 'note');
  // The list's one unit column, when its header names the lead and the others both (read as either).
  const unitColumns = layout.columns.filter((m) => m.field === 'leadUnits' || m.field === 'responsibleUnits');
  // A units column whose header says its first unit leads (责任单位（排在第一位的为牵头单位）).
  const firstLeads = unitColumns.length === 1 && FIRST_LEADS_HEADER.test(toHalfWidth(unitColumns[0]!.header).replace(/\s+/g, '')) ? unitColumns[0]!.field! : undefined;
  const bothUnits = !firstLeads && unitColumns.length === 1 && BOTH_UNITS_HEADER.test(toHalfWidth(unitColumns[0]!.header).replace(/\s+/g, '')) && !/^牵头责任(单位|部门)$/u.test(unitColumns[0]!.header.replace(/\s+/g, '')) ? unitColumns[0]!.field! : undefined;
  const seqIsNumber = numbersFromSeq(layout);
  const hiddenRows = new Set(grid.hiddenRows ?? []);
  const filteredOut: number[] = [];
  let section: string | undefined;
  /** The revision the section heading above gives its rows (三、删除任务: dropped), in a list of changes. */
  let sectionMark: ReturnType<typeof sectionRevisionMark>;
  // A column's old value beside the column of its new value (原任务表述 | 调整后任务表述): field → [old, new].
  const previous = new Map<TaskFieldId, [ColumnMapping, ColumnMapping]>();
  for (const m of layout.columns) {
    const now = m.previousOf && !m.field ? layout.columns.find((c) => c.field === m.previousOf && !c.unit) : undefined;
    if (now) previous.set(m.previousOf!, [m, now]);
  }
  /** The cells of the last task row read, by column: what 同上 / 〃 under them stands for. */
  const lastCells = new Map<number, string>();
  /** Blank rows since the last row with something in it. */
  let blankRun = 0;
  /** Whether the rows are notes under the list: after a note heading, or after NOTE_GAP blank rows. */
  let notes: 'none' | 'heading' | 'gap' = 'none';
  /** The 0-based sheet row a task read last took (its own row, or the last row continuing it). */
  let lastTaskRow = -1;
  /** The untrimmed text so far of each field of a row that continues (续) on the rows below. */
  const continued = new Map<TaskFieldId, string>();
  // Cells the city struck through (删除线), by row: a row whose task is struck is dropped, as 备注 删除 says.
  const struckAt = new Map<number, Set<number>>();
  for (const [r, c] of grid.struck ?? []) struckAt.set(r, (struckAt.get(r) ?? new Set()).add(c));
  for (let r = layout.headerRow + layout.headerRows; r < grid.rows.length; r++) {
    const raw = grid.rows[r]!;
    const nonEmpty = raw.map((v) => v.trim()).filter(Boolean);
    if (nonEmpty.length === 0) {
      blankRun++;
      continue;
    }
    // Blank rows after the tasks, then lines of text: the notes under a list (填表说明, 联系人 …).
    if (blankRun >= NOTE_GAP && rows.length > 0 && notes === 'none') notes = 'gap';
    blankRun = 0;
    const distinct = new Set(nonEmpty);
    const first = nonEmpty[0]!;
    const fields: RowFields = {};
    const ticked: Partial<Record<'leadUnits' | 'responsibleUnits', string[]>> = {};
    /** This row's cells as read, 同上 resolved (the next row's 同上 stands for them). */
    const cells = new Map<number, string>();
    for (const m of mapped) {
      let v = (raw[m.column] ?? '').trim();
      // 同上 / 〃: the value of the same column in the task row above.
      if (DITTO.test(v.replace(/\s+/gu, ''))) v = lastCells.get(m.column) ?? '';
      cells.set(m.column, v);
      if (m.unit && (m.field === 'leadUnits' || m.field === 'responsibleUnits')) {
        // A units matrix: a ticked cell adds the column's unit (牵头 / 配合 say as which).
        const tick = unitTick(v);
        const f = tick === 'lead' ? 'leadUnits' : tick === 'partner' ? 'responsibleUnits' : tick ? m.field : undefined;
        if (f) (ticked[f] ??= []).push(m.unit);
        continue;
      }
      // A blank, a placeholder (—, 无) or a merged cell's empty part never stands for a value.
      if (v && !isPlaceholderCell(v)) fields[m.field!] = v;
    }
    for (const [f, list] of Object.entries(ticked) as ['leadUnits' | 'responsibleUnits', string[]][]) fields[f] = fields[f] ? `${fields[f]}、${list.join('、')}` : list.join('、');
    // The old value where the new column keeps it (blank, 不变, 同左), or says the task is deleted (删除).
    let droppedIn: { written: string; column: string } | undefined;
    for (const [f, [old, now]] of previous) {
      const before = (raw[old.column] ?? '').trim();
      const after = (raw[now.column] ?? '').trim();
      if (!before || isPlaceholderCell(before)) continue;
      if (!fields[f] || keepsOldValue(after)) fields[f] = before;
      else if (cellRevisionMark(after) === 'dropped') {
        fields[f] = before;
        droppedIn = { written: after, column: columnLabel(now.column, now.header) };
      }
    }
    // A change written in the cell (到2027年调整为2026年底前, …（调整为：…）, …（原为：…）): its new value.
    for (const f of ['title', 'leadUnits', 'responsibleUnits', 'deadline'] as const) {
      const revised = fields[f] ? revisedValue(fields[f]!, f !== 'title') : undefined;
      if (revised) fields[f] = revised;
    }
    // A repeated header (sheets printed in pages repeat it).
    const headerHits = layout.columns.filter((m) => isHeaderCell(raw[m.column] ?? '', headerNames.get(m.column))).length;
    if (headerHits >= 2) continue;
    // A row of column numbers (1 2 3 4 …) under the header.
    if (nonEmpty.length >= 3 && nonEmpty.every((v) => /^\d{1,2}$/.test(v)) && r <= layout.headerRow + layout.headerRows + 1) continue;
    const firstCompact = compact(first);
    // A note heading (填表说明, 注：…) alone or with its text: it and the note lines under it are no tasks.
    if (NOTE_START.test(firstCompact) && (distinct.size === 1 || !fields.title || compact(fields.title) === firstCompact || (distinct.size === 2 && NOTE_LABEL.test(firstCompact)))) {
      notes = 'heading';
      continue;
    }
    // Under the notes, a row is a task again only when it has a task and something beside it (序号, units …).
    if (notes !== 'none') {
      const taskRow = !!fields.title && distinct.size >= 2;
      // A section heading (一、…, or one text merged across the row) ends the notes: the list goes on.
      if (!taskRow && !(distinct.size === 1 && (HEADING.test(first) || nonEmpty.length >= 2))) {
        if (notes === 'gap' && fields.title) issues.push({ sheet, row: r + 1, message: M.noteRow(sheet, r + 1, NOTE_GAP), severity: 'warning' });
        continue;
      }
      notes = 'none';
    }
    // A 合计 row (合  计 | 共22项), or the count of tasks alone where a task goes. A 合计 closes the
    // list: the lines under it (其中：新增2项…, 备注, 填报人) are notes, as under a note heading.
    // A section's 小计 row (小计 | 4项, or 小计 where the task goes) is no task either, and does not close the list.
    const subtotal = SUBTOTAL.test(firstCompact) && (!fields.title || SUBTOTAL.test(compact(fields.title)) || TASK_COUNT.test(compact(fields.title)));
    if (subtotal) continue;
    if (FOOTER.test(firstCompact) && (distinct.size === 1 || !fields.title || FOOTER.test(compact(fields.title)) || TASK_COUNT.test(compact(fields.title)))) {
      if (TOTAL.test(firstCompact) && rows.length > 0) notes = 'heading';
      continue;
    }
    if (fields.title && TASK_COUNT.test(compact(fields.title))) {
      // 共15项 closes the list; a section's 小计 | 5项 does not.
      if (rows.length > 0 && (TOTAL.test(firstCompact) || TOTAL_COUNT.test(compact(fields.title)))) notes = 'heading';
      continue;
    }
    // Only the rest of the task above's units (or deadline), carried over to the next row: no section.
    const unitsCarried = lastTaskRow === r - 1 && !fields.title && !fields.text && !fields.number && !fields.key && !fields.seq && (!!fields.leadUnits || !!fields.responsibleUnits) && !HEADING.test(first);
    if (distinct.size === 1 && !unitsCarried && (nonEmpty.length >= 2 || HEADING.test(first) || (!fields.title && !fields.text))) {
      section = first;
      sectionMark = sectionRevisionMark(first);
      continue;
    }
    // A section row written in two cells: its number (一) in the first, its name where the task goes.
    if (distinct.size === 2 && SECTION_NUMBER.test(firstCompact) && fields.title && nonEmpty[1] === fields.title && !fields.leadUnits && !fields.responsibleUnits && !fields.deadline) {
      section = `${first}${/[、.．]$/.test(first) ? '' : '、'}${fields.title}`;
      sectionMark = sectionRevisionMark(section);
      continue;
    }
    // A continuation row (续) of a long text, as the reports write it: joined to the row above.
    const above = rows.at(-1);
    if (fields.key?.endsWith(CONTINUED_MARK) && above && above.fields.key === fields.key.slice(0, -CONTINUED_MARK.length).trim()) {
      for (const m of mapped) {
        if (m.field === 'key' || m.field === 'title' || m.field === 'seq') continue;
        const piece = raw[m.column] ?? '';
        if (!piece.trim()) continue;
        const before = continued.get(m.field!) ?? grid.rows[above.row - 1]?.[m.column] ?? '';
        const joined = before + piece;
        continued.set(m.field!, joined);
        above.fields[m.field!] = joined.trim();
      }
      continue;
    }
    continued.clear();
    // A list with only 序号 (no 编号 / 任务编号 column) numbers its tasks by it (see numbersFromSeq).
    if (seqIsNumber && fields.seq && !fields.number) fields.number = fields.seq;
    // A task spread over several rows (工作任务 merged down, one row per measure or unit):
    // the rows under it continue it, whether the merge was kept (same title and number) or
    // lost (blank title and number, as in CSV).
    const prev = rows[rows.length - 1];
    // A row repeating the task's name is no part of it when one of the two is hidden: the old row kept out of sight beside its revised copy.
    const copyOfHidden = !!fields.title && !!prev?.hidden !== hiddenRows.has(r);
    if (prev && lastTaskRow === r - 1 && titleColumn && !copyOfHidden && continues(prev.fields, fields)) {
      mergeInto(prev.fields, fields);
      lastTaskRow = r;
      continue;
    }
    // A task's measures one a row under it, numbered after it (1.1, 1.2 under task 1) with no name of
    // their own: the task's 具体内容 (and units), not tasks.
    if (prev && lastTaskRow === r - 1 && titleColumn && !fields.title && prev.fields.title && isSubItemOf(fields.number ?? fields.seq, prev.fields.number ?? prev.fields.seq)) {
      mergeInto(prev.fields, fields);
      lastTaskRow = r;
      continue;
    }
    // A numbered task's paragraph cut mid-sentence, its rest alone in the task's cell of the row under
    // it (no number, nothing else): the same task's words, not a task of its own.
    if (
      prev &&
      lastTaskRow === r - 1 &&
      fields.title &&
      Object.keys(fields).length === 1 &&
      (prev.fields.seq || prev.fields.number) &&
      prev.fields.title &&
      // "2.培育科技企业" under a long title is the next task, numbered in its cell, not the rest of this one.
      cutMidSentence(prev.fields.title, fields.title)
    ) {
      prev.fields.title += fields.title;
      lastTaskRow = r;
      continue;
    }
    // A list number written in the task's cell ("1.加快…", "（二）…") is the row's number, when the
    // list gives none of its own or the same one; the task's words start after it.
    const cellField = fields.title ? 'title' : fields.text ? 'text' : undefined;
    const lead = cellField ? leadingListNumber(fields[cellField]!) : undefined;
    if (cellField && lead && (!fields.number || normalizeNumber(fields.number) === normalizeNumber(lead.number))) {
      fields[cellField] = lead.rest;
      fields.number ??= lead.number;
    }
    // A symbol marking a key task (★, ▲, ※ …) before or after its name is no part of the name.
    if (fields.title && DECOR.test(fields.title)) fields.title = fields.title.replace(DECOR_ENDS, '').trim() || fields.title;
    // The city's revision mark: 备注 删除 / 新增, or （新增） after the task's name (taken out of the name).
    const byName = fields.title ? nameRevisionMark(fields.title, fields.text) : undefined;
    if (byName) {
      fields.title = byName.title;
      if (byName.text !== undefined) fields.text = byName.text;
    }
    const byNote = cellRevisionMark(fields.note);
    const label = (m: ColumnMapping | undefined) => (m ? columnLabel(m.column, m.header) : '');
    // The task's own cell struck through: its name, or its text where the list has no name column.
    const taskColumn = titleColumnAt ?? layout.columns.find((m) => m.field === 'text');
    const struck = taskColumn !== undefined && (struckAt.get(r)?.has(taskColumn.column) ?? false);
    const revision =
      byNote === 'dropped' || byNote === 'new'
        ? { mark: byNote, written: fields.note!, column: label(noteColumn) }
        : byName && byName.mark !== 'changed' && !byNote
          ? { mark: byName.mark, written: byName.written, column: label(titleColumnAt) }
          : struck && byNote === undefined
            ? { mark: 'dropped' as const, written: M.struckMark, column: label(taskColumn) }
            : droppedIn
              ? { mark: 'dropped' as const, ...droppedIn }
              : (sectionMark === 'dropped' || sectionMark === 'new') && byNote === undefined
                ? { mark: sectionMark, written: section!, column: '' }
                : undefined;
    // One column for both (牵头单位/责任单位), its cell the lead and the others parted by ；or a line break.
    const bothCell = bothUnits && fields[bothUnits];
    if (bothCell) Object.assign(fields, leadAndOthers(bothCell));
    const firstCell = firstLeads && fields[firstLeads];
    if (firstCell) {
      const parts = firstLeadThenOthers(firstCell);
      if (parts.leadUnits) {
        fields.leadUnits = parts.leadUnits;
        if (parts.responsibleUnits) fields.responsibleUnits = parts.responsibleUnits;
        else delete fields.responsibleUnits;
      }
    }
    // A list without a title column (or a row without a title): the lead sentence of its text
    // stands for the title, to match and to name a new task, never to change a task's title.
    const titleFromText = !fields.title && !!fields.text;
    if (titleFromText) fields.title = firstSentence(fields.text!);
    if (!fields.title) {
      issues.push({ sheet, row: r + 1, message: M.rowWithoutTitle(sheet, r + 1), severity: 'warning' });
      continue;
    }
    // A deadline that lost its date format (46022) or was typed 20250630 is that date, said.
    const asDate = numberDeadline(fields.deadline);
    if (asDate && deadlineColumn) {
      issues.push({ sheet, row: r + 1, column: columnLabel(deadlineColumn.column, deadlineColumn.header), message: M.numberDeadline(sheet, r + 1, columnLabel(deadlineColumn.column, deadlineColumn.header), fields.deadline!, asDate), severity: 'warning' });
      fields.deadline = asDate;
    }
    // A date shown as text (2027-12-31 00:00, 二〇二七年十二月三十一日, 12/31/2027) is that date; said when day and month could swap.
    const shown = asDate ? undefined : textDate(fields.deadline);
    if (shown && deadlineColumn) {
      if (shown.ambiguous) issues.push({ sheet, row: r + 1, column: columnLabel(deadlineColumn.column, deadlineColumn.header), message: M.monthFirstDeadline(sheet, r + 1, columnLabel(deadlineColumn.column, deadlineColumn.header), fields.deadline!, shown.date), severity: 'warning' });
      fields.deadline = shown.date;
    }
    const badDate = impossibleDate(fields.deadline);
    if (badDate && deadlineColumn)
      issues.push({ sheet, row: r + 1, column: columnLabel(deadlineColumn.column, deadlineColumn.header), message: M.impossibleDeadline(sheet, r + 1, fields.deadline!, badDate), severity: 'warning' });
    if (fields.key && keyColumn) {
      const prev = seenKeys.get(fields.key);
      if (prev !== undefined)
        issues.push({
          sheet,
          row: r + 1,
          column: columnLabel(keyColumn.column, keyColumn.header),
          message: M.duplicateKey(sheet, r + 1, fields.key, prev),
          severity: 'error',
        });
      else seenKeys.set(fields.key, r + 1);
    }
    if (hiddenRows.has(r)) {
      // Rows a filter left on hides (筛选) are said once, as the filter's; a row hidden by hand, each.
      if (grid.filtered) filteredOut.push(r + 1);
      else issues.push({ sheet, row: r + 1, message: M.hiddenRow(sheet, r + 1), severity: 'warning' });
    }
    const row: ImportedRow = { row: r + 1, fields };
    if (hiddenRows.has(r)) row.hidden = true;
    if (section !== undefined) row.sectionHeading = section;
    if (titleFromText) row.titleFromText = true;
    if (revision) row.revision = revision;
    rows.push(row);
    lastTaskRow = r;
    for (const [c, v] of cells) lastCells.set(c, v);
  }
  // Progress written in the file (进展情况, 完成进度 …) is never imported: said once, naming its columns, so the officer knows.
  const progressColumns = mapped.filter((m) => TASK_FIELDS.find((f) => f.id === m.field)?.owner === 'progress' && rows.some((r) => r.fields[m.field!]));
  if (progressColumns.length > 0) {
    const labels = progressColumns.map((m) => columnLabel(m.column, m.header));
    const filled = rows.filter((r) => progressColumns.some((m) => r.fields[m.field!])).length;
    issues.push({ sheet, row: layout.headerRow + 1, column: labels[0]!, message: M.progressNotImported(sheet, labels.join('、'), filled), severity: 'warning' });
  }
  if (rows.length === 0 && !issues.some((i) => i.severity === 'error'))
    issues.push({ sheet, row: layout.headerRow + layout.headerRows, message: M.noRows(sheet), severity: 'error' });
  if (filteredOut.length > 0) issues.push({ sheet, row: filteredOut[0], message: M.filteredRows(sheet, filteredOut), severity: 'warning' });
  return { rows, issues };
}

/** A unit header naming the lead and the others both (牵头单位/责任单位, 牵头及配合单位, 责任单位（牵头/配合）). */
const BOTH_UNITS_HEADER = /牵头.*(责任|配合|参与|协办|协同)|(责任|配合|参与|协办|协同).*牵头/u;

/**
 * A cell of such a column written in two parts, parted by ；or a line break, with no label or mark
 * (市科技创新局、市经信局；各区人民政府): the first part leads, the second is the other units. Other
 * cells (labelled, marked （牵头）, one part) are left to the units' own reading.
 */
function leadAndOthers(cell: string): Pick<RowFields, 'leadUnits' | 'responsibleUnits'> {
  if (/[:：]|牵头|配合/u.test(cell)) return {};
  const parts = cell.split(/[；;]|\n/u).map((p) => p.trim()).filter(Boolean);
  return parts.length === 2 ? { leadUnits: parts[0]!, responsibleUnits: parts[1]! } : {};
}

/**
 * Whether `number` numbers an item under the task numbered `parent` (1.1, 1-2, 1．3 under 1; 3.2 under
 * 三 or （三）; 3-（1）, 3（2） under 3 or under 二-3, the task numbered with its section): the parent's
 * number (or its item), a dot or dash, the item's (bare or in brackets).
 */
export function isSubItemOf(number: string | undefined, parent: string | undefined): boolean {
  const m = /^(.+?)(?:[.．\-－—](\d{1,2})|[.．\-－—]?\((\d{1,2})\))$/u.exec(toHalfWidth(number ?? '').replace(/\s+/gu, ''));
  if (!m || !parent) return false;
  const p = normalizeNumber(parent);
  // Under a task numbered with its section (二-3), its item alone (3-（1）).
  const item = compoundItem(parent);
  const n = normalizeNumber(m[1]);
  return p !== '' && (n === p || (item !== undefined && n === item));
}

/** A units header's note that the unit listed first leads: （排在第一位的为牵头单位）, （首位为牵头单位）, （第一个单位牵头）. */
const FIRST_LEADS_HEADER = /(第一|首位|首个|第1|排首|居首)[^)]{0,8}牵头/u;

/**
 * A cell of such a column: its first unit leads, the others are the responsible units
 * (市发改委、市科技创新局、各区人民政府 → 市发改委 | 市科技创新局、各区人民政府). A cell that marks or
 * labels its lead itself (市科技局（牵头）, 牵头单位：…) is left to the units' own reading.
 */
function firstLeadThenOthers(cell: string): Pick<RowFields, 'leadUnits' | 'responsibleUnits'> {
  if (/[:：]|牵头|配合/u.test(cell)) return {};
  const [lead, ...others] = splitRawUnitGroups(cell).flat();
  if (!lead) return {};
  return others.length > 0 ? { leadUnits: lead, responsibleUnits: others.join('、') } : { leadUnits: lead };
}

/** A cell standing for the one above it: 同上, 同上栏, 〃 (the ditto mark), ″. */
const DITTO = /^(?:同上栏?|〃|″)[。.]?$/u;

/** Fields a continuation row may add to the task above it. */
const CONTINUED: readonly (keyof RowFields)[] = ['text', 'leadUnits', 'responsibleUnits', 'deadline'];

/** Whether a row continues the task row above it (see readRows). */
function continues(prev: RowFields, f: RowFields): boolean {
  const adds = CONTINUED.some((k) => f[k]);
  if (!f.title && !f.number && !f.key) return adds;
  return !!f.title && f.title === prev.title && (f.number ?? '') === (prev.number ?? '') && (f.key ?? '') === (prev.key ?? '');
}

/** The least a task's cell holds to be a paragraph (a task's name is shorter): only a paragraph is cut across rows. */
const CUT_PARAGRAPH_CHARS = 20;

/** Where a sentence (or a clause a list breaks at) ends: a text cut after it goes on on a new line. */
const SENTENCE_END = /[。；;！!？?：:]$/u;

/**
 * Whether `rest`, alone on the row under `above`, is the rest of a sentence `above` cut off (a
 * paragraph carried over to the next row), not a measure of its own: `above`'s last line ends on a
 * comma, or is a paragraph's length and ends mid-sentence, and `rest` starts with no list number of
 * its own. Measures one a row (建设实验室 / 建设中试基地) stay lines of their own.
 */
function cutMidSentence(above: string, rest: string): boolean {
  const last = above.split('\n').at(-1) ?? '';
  if (leadingListNumber(rest)) return false;
  // Ending on a comma (建设实验室，推动…) is cut whatever its length; a bare phrase only at a paragraph's length.
  return /[，,、]$/u.test(last) || (last.length >= CUT_PARAGRAPH_CHARS && !SENTENCE_END.test(last));
}

/**
 * Add a continuation row's values to the task row above (distinct values joined). Texts join on a
 * new line (one measure a row), but a row holding only the rest of a text cut mid-sentence (a
 * paragraph carried over to the next row, as when pasted across a page) joins it without a break.
 */
function mergeInto(prev: RowFields, f: RowFields): void {
  const textOnly = CONTINUED.every((k) => k === 'text' || !f[k]);
  for (const k of CONTINUED) {
    const v = f[k];
    if (!v) continue;
    const had = prev[k];
    const textJoin = textOnly && had && cutMidSentence(had, v) ? '' : '\n';
    if (!had) prev[k] = v;
    else if (k === 'text') {
      if (!had.split('\n').includes(v)) prev[k] = `${had}${textJoin}${v}`;
    } else if (!had.split(/[、；]/).includes(v)) prev[k] = `${had.replace(/[、，,；;]+$/u, '')}${k === 'deadline' ? '；' : '、'}${v}`;
  }
}

/** The lead sentence of a text (up to the first 。；or the first 40 characters). */
export function firstSentence(text: string): string {
  const m = /^[^。；;]{2,}?[。；;]/.exec(text);
  const s = (m ? m[0].slice(0, -1) : text).trim();
  return s.length > 60 ? `${s.slice(0, 40)}…` : s;
}

/** The remembered-mapping entries of a layout (to save after the officer confirms it). */
export function mappingToRemember(layout: TableLayout): Record<string, TaskFieldId | null> {
  const out: Record<string, TaskFieldId | null> = {};
  for (const m of layout.columns) {
    const n = normalizeHeader(m.header.split('/').pop() ?? '');
    // A unit's column of a units matrix: its header names a unit, not a field to remember.
    if (n && !m.unit) out[n] = m.field;
  }
  return out;
}
