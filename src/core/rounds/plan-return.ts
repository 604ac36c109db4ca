/**
 * 回收: recognise returned workbooks and plan what they change. Each file is recognised by
 * its hidden binding (even renamed, re-saved by WPS / Excel / LibreOffice, rows re-sorted);
 * without one it is matched by the unit named in its title or file name and its rows by
 * 任务编号 or 任务名称, with a warning. Every problem names the file, sheet, row and column.
 * Nothing a unit wrote is dropped without being shown: a refused row or file is in the plan
 * with its texts and the reason.
 */
import type { ProgressEntry, ReportingPeriod, Target, TaskStatus } from '../model';
import { valueAboveWhole } from '../indicators/district';
import { STATUS_LABELS, statusFromLabel } from '../model';
import type { SheetGrid } from '../import/types';
import { parsePeriodId, parsePeriodName } from '../period';
import { percentOfStatus, readPercent, statusPercentClash } from '../progress';
import type { Round } from './round';
import { BINDING_SHEET, REPORT_ROUND_ID, readBinding, type RoundBinding } from './round';
import { INDICATOR_COLUMNS, INDICATOR_SHEET, ROUND_COLUMNS, ROUND_SHEET, columnLetter, type IndicatorColumn, type RoundColumn } from './sheet-layout';
import { indicatorValueProblem, readTypedNumber } from '../numbers';
import { RETURN_TEXT as T } from './texts';
import { CONTINUED_MARK } from '../report/layout';
import { isPlaceholderCell, saysNothing } from '../import/normalize';

/** One returned file as read by the worker. */
export interface ReturnedFile {
  fileName: string;
  /** Hash of the bytes (a second return of the very same file is refused). */
  hash: string;
  sheets: SheetGrid[];
  /** Set when the file could not be read at all (Chinese message from the reader). */
  readError?: string;
}

/** A problem with a returned file, naming where. */
export interface ReturnIssue {
  severity: 'error' | 'warning';
  fileName: string;
  sheet?: string;
  /** 1-based, as Excel shows it. */
  row?: number;
  /** e.g. `F列（本期状态）`. */
  column?: string;
  message: string;
}

/** The fields a unit fills in. */
export type ReturnField = 'status' | 'percent' | 'progress' | 'problems' | 'nextSteps';
export const TEXT_FIELDS = ['progress', 'problems', 'nextSteps'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** What one row of a returned sheet says about one task. */
export interface ReturnedRow {
  taskKey: string;
  row: number;
  status?: TaskStatus;
  percent?: number;
  progress: string;
  problems: string;
  nextSteps: string;
  /** The unit filled nothing in for this task. */
  empty: boolean;
}

/** What a row of the indicator sheet says: a target's value for the period. */
export interface ReturnedIndicator {
  taskKey: string;
  targetId: string;
  /** The target's name and unit, for the preview. */
  name: string;
  unit: string;
  row: number;
  value: number;
  /** The value is above the whole city's (province's …) target for it: kept, but asked about (valueAboveWhole). */
  doubt?: string;
}

/** A refused row: where, why, and what it said (so that nothing is lost unseen). */
export interface RefusedRow {
  row: number;
  taskKey?: string;
  title?: string;
  texts: string[];
}

/** The plan for one file. */
export interface FilePlan {
  fileName: string;
  hash: string;
  unit?: string;
  matchedBy: 'binding' | 'columns' | 'none';
  /** The whole file is refused (wrong round, wrong period, unknown unit, second return …). */
  refused: boolean;
  rows: ReturnedRow[];
  /** The values written in the indicator sheet // 指标填报 (absent in files sent without one). */
  indicators?: ReturnedIndicator[];
  refusedRows: RefusedRow[];
  issues: ReturnIssue[];
}

/** An earlier applied return, for the second-return check. */
export interface EarlierReturn {
  hash: string;
  unit: string;
  fileName: string;
  at: string;
}

/** Everything planReturns needs besides the files. */
export interface ReturnContext {
  round: Round;
  periodName: string;
  /** The round's tasks (key, number, title). */
  tasks: { key: string; number: string; title: string }[];
  /** The quantitative targets of the round's tasks, for the indicator sheet (what valueAboveWhole asks about them too). */
  targets?: (Pick<Target, 'id' | 'name' | 'unit'> & { taskKey: string } & Partial<Pick<Target, 'comparator' | 'value' | 'scope' | 'year' | 'yearly' | 'approx'>>)[];
  earlier: EarlierReturn[];
}

const norm = (s: string) => s.replace(/[\s（）()%％]/gu, '').replace(/：|:/gu, '');

type ReturnTable = { sheet: SheetGrid; headerRow: number; columns: Map<RoundColumn['key'], number> };

/**
 * The sheet holding the returned table and its header row, with the columns found: the form's
 * own sheet first; but when it has no filled-in task row and another sheet with the form's
 * header has some (a unit typing into a sheet of its own), that sheet, with `unfilled` naming
 * the form's sheet.
 */
function findReturnTable(sheets: readonly SheetGrid[]): (ReturnTable & { unfilled?: string; alsoFilled?: { sheet: string; rows: number }[] }) | undefined {
  const tables = [...sheets]
    .filter((s) => s.name !== BINDING_SHEET)
    .sort((a, b) => (a.name === ROUND_SHEET.name ? -1 : b.name === ROUND_SHEET.name ? 1 : 0))
    .map(headerOf)
    .filter((t): t is ReturnTable => !!t);
  const first = tables[0];
  if (!first) return first;
  if (filledRows(first) > 0) {
    // The form is filled and read; another visible sheet with its header, filled otherwise (not a
    // copy of the form's rows), is named, not passed over in silence. A hidden sheet is an old
    // copy kept out of sight: nothing to say of it.
    const read = new Set(filledLines(first));
    const alsoFilled = tables
      .slice(1)
      .filter((t) => !t.sheet.hidden && filledLines(t).some((l) => !read.has(l)))
      .map((t) => ({ sheet: t.sheet.name, rows: filledRows(t) }));
    return alsoFilled.length > 0 ? { ...first, alsoFilled } : first;
  }
  const other = tables.find((t) => filledRows(t) > 0);
  return other ? { ...other, unfilled: first.sheet.name } : first;
}

/** The task rows of a table with anything written in a fill-in column, each as one line: the task and what was written. */
function filledLines({ sheet, headerRow, columns }: ReturnTable): string[] {
  const at = (cells: readonly string[], key: RoundColumn['key']) => (columns.has(key) ? (cells[columns.get(key)!] ?? '').trim() : '');
  const lines: string[] = [];
  const end = tableEnd(sheet, headerRow, columns);
  for (let r = headerRow + 1; r < end; r++) {
    const cells = sheet.rows[r]!;
    if ((at(cells, 'taskKey') || at(cells, 'title')) && FILL_KEYS.some((k) => at(cells, k)))
      lines.push([at(cells, 'taskKey') || at(cells, 'title'), ...FILL_KEYS.map((k) => at(cells, k))].join('\u0001'));
  }
  return lines;
}

/** How many task rows of a table have anything written in a fill-in column. */
function filledRows(table: ReturnTable): number {
  return filledLines(table).length;
}

/**
 * A header in the first 15 rows of a sheet: the first row whose cells name (by header or alias)
 * `enough` of `layout`'s columns, with where each is.
 */
function findHeader<K extends string>(sheet: SheetGrid, layout: readonly { key: K; header: string; aliases: readonly string[] }[], enough: (found: ReadonlyMap<K, number>) => boolean) {
  for (let r = 0; r < Math.min(sheet.rows.length, 15); r++) {
    const columns = new Map<K, number>();
    sheet.rows[r]!.forEach((cell, c) => {
      const h = norm(cell);
      if (!h) return;
      const col = layout.find((k) => norm(k.header) === h || k.aliases.some((a) => norm(a) === h));
      if (col && !columns.has(col.key)) columns.set(col.key, c);
    });
    if (enough(columns)) return { sheet, headerRow: r, columns };
  }
  return undefined;
}

/** The form's header in the first rows of a sheet: a task column and a fill-in column. */
function headerOf(sheet: SheetGrid): ReturnTable | undefined {
  return findHeader(sheet, ROUND_COLUMNS, (m) => (m.has('taskKey') || m.has('title')) && (m.has('progress') || m.has('status')));
}

const colName = (key: RoundColumn['key'], index: number) => `${columnLetter(index)}列（${ROUND_COLUMNS.find((c) => c.key === key)!.header}）`;


const FILL_KEYS: readonly RoundColumn['key'][] = ['status', 'percent', 'progress', 'problems', 'nextSteps'];

/**
 * Cells of the fill-in columns between the header and `end` (the footer) that only repeat a merged
 * area's first cell (`row:column`), and those areas.
 */
function mergedCopies(sheet: SheetGrid, headerRow: number, end: number, columns: ReadonlyMap<RoundColumn['key'], number>) {
  const fill = new Map<number, RoundColumn['key']>();
  for (const k of FILL_KEYS) if (columns.has(k)) fill.set(columns.get(k)!, k);
  const cells = new Set<string>();
  const merges: { row: number; rows: string; columns: string; first: string }[] = [];
  for (const m of sheet.merges ?? []) {
    if (m.r1 <= headerRow || m.r0 >= end || (m.r0 === m.r1 && m.c0 === m.c1)) continue;
    let touches = false;
    for (let r = Math.max(m.r0, headerRow + 1); r <= Math.min(m.r1, end - 1); r++)
      for (let c = m.c0; c <= m.c1; c++)
        if ((r !== m.r0 || c !== m.c0) && fill.has(c)) {
          cells.add(`${r}:${c}`);
          touches = true;
        }
    if (!touches) continue;
    const header = ROUND_COLUMNS.find((x) => x.key === fill.get(m.c0))?.header ?? sheet.rows[headerRow]?.[m.c0] ?? columnLetter(m.c0);
    merges.push({ row: m.r0 + 1, rows: m.r0 === m.r1 ? String(m.r0 + 1) : `${m.r0 + 1}–${m.r1 + 1}`, columns: m.c0 === m.c1 ? columnLetter(m.c0) : `${columnLetter(m.c0)}–${columnLetter(m.c1)}`, first: header });
  }
  return { cells, merges };
}

/** The cell (0-based) lies inside a merged area and is not its first cell (it only repeats that cell's text). */
function coveredByMerge(sheet: SheetGrid, r: number, c: number): boolean {
  return (sheet.merges ?? []).some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && (r !== m.r0 || c !== m.c0));
}

/** The unit a file without binding speaks for: named in the title rows or the file name. */
function unitFromText(round: Round, sheet: SheetGrid | undefined, fileName: string): string | undefined {
  const head = sheet ? sheet.rows.slice(0, 3).map((r) => r.join(' ')).join(' ') : '';
  const units = [...round.units].sort((a, b) => b.unit.length - a.unit.length);
  return (units.find((u) => head.includes(u.unit)) ?? units.find((u) => fileName.includes(u.unit)))?.unit;
}

/** The first cell of a report's signature block. */
const FOOTER = /^\s*(填报人|审核人|联系电话|填报日期|单位负责人)\s*[:：]/u;
/** The first cell of the notes under a table (注：…, 注1：…, 填表说明：…). */
const NOTES = /^\s*(注|备注|附注|说明|填表说明)\s*[0-9０-９]*\s*[:：]/u;

/**
 * Where the task rows of a returned table end: the first row after the header that starts the
 * signature block (填报人：… in the key or title column or, when both are empty, anywhere in the
 * row) or the notes under the table (注：… as the row's first text, left of the fill-in columns);
 * the sheet's length when there is none. Nothing from there on is a task row, nor checked as one.
 */
function tableEnd(sheet: SheetGrid, headerRow: number, columns: ReadonlyMap<RoundColumn['key'], number>): number {
  const at = (cells: readonly string[], key: RoundColumn['key']) => (columns.has(key) ? (cells[columns.get(key)!] ?? '').trim() : '');
  const naming = Math.max(columns.get('taskKey') ?? -1, columns.get('title') ?? -1);
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const [key, title] = [at(cells, 'taskKey'), at(cells, 'title')];
    if (FOOTER.test(key) || FOOTER.test(title) || (!key && !title && cells.some((c) => FOOTER.test(c)))) return r;
    const first = cells.findIndex((c) => c.trim() !== '');
    if (first >= 0 && first <= naming && NOTES.test(cells[first]!)) return r;
  }
  return sheet.rows.length;
}

/** Whether a period written in a title is the round's or lies inside it (2025年9月 in 2025年第三季度). */
function withinPeriod(written: ReportingPeriod | undefined, periodId: string): boolean {
  const p = parsePeriodId(periodId);
  return !!written && !!p && written.start >= p.start && written.end <= p.end;
}

const PERIOD_PATTERN = /\d{4}年(?:第?[一二三四1-4]季度|[上下]半年|\d{1,2}月)/u;

/** Plan one file against the round. */
function planFile(file: ReturnedFile, ctx: ReturnContext, seenHashes: Map<string, string>, seenUnits: Map<string, string>): FilePlan {
  const { round } = ctx;
  const plan: FilePlan = { fileName: file.fileName, hash: file.hash, matchedBy: 'none', refused: false, rows: [], refusedRows: [], issues: [] };
  const issue = (severity: ReturnIssue['severity'], message: string, where: Partial<ReturnIssue> = {}) =>
    plan.issues.push({ severity, fileName: file.fileName, message, ...where });
  const refuse = (message: string, where: Partial<ReturnIssue> = {}) => {
    plan.refused = true;
    issue('error', message, where);
    return plan;
  };
  if (file.readError) return refuse(file.readError);

  const earlier = ctx.earlier.find((e) => e.hash === file.hash);
  if (earlier) return refuse(T.alreadyApplied(earlier.fileName, earlier.at));
  const twin = seenHashes.get(file.hash);
  if (twin) return refuse(T.sameFileTwice(twin));
  seenHashes.set(file.hash, file.fileName);

  const table = findReturnTable(file.sheets);
  const bindingSheet = file.sheets.find((s) => s.name === BINDING_SHEET);
  const read = readBinding(bindingSheet?.rows);
  let binding: RoundBinding | undefined;
  if (read.ok && read.binding.roundId === REPORT_ROUND_ID) {
    // A district's own export of its 重点任务推进情况表: the district is the unit (市级汇总 only).
    binding = read.binding;
    if (round.level !== 'city') return refuse(T.reportForCity);
    if (binding.periodId !== round.periodId) return refuse(T.wrongPeriod(parsePeriodId(binding.periodId)?.name ?? binding.periodId, ctx.periodName));
    if (!round.units.some((u) => u.unit === binding!.unit)) return refuse(T.unitNotInRound(binding.unit));
    plan.unit = binding.unit;
    plan.matchedBy = 'binding';
  } else if (read.ok) {
    binding = read.binding;
    if (binding.district !== round.district) return refuse(T.otherDistrict(binding.district));
    if (binding.periodId !== round.periodId) return refuse(T.wrongPeriod(parsePeriodId(binding.periodId)?.name ?? binding.periodId, ctx.periodName));
    if (!round.units.some((u) => u.unit === binding!.unit)) return refuse(T.unitNotInRound(binding.unit));
    if (binding.roundId !== round.id) issue('warning', T.otherRound);
    plan.unit = binding.unit;
    plan.matchedBy = 'binding';
  } else {
    if (read.reason === 'damaged') issue('warning', T.bindingDamaged);
    else if (round.level === 'city') issue('warning', T.cityByTitle);
    else issue('warning', T.noBinding);
    plan.unit = unitFromText(round, table?.sheet, file.fileName);
    if (!plan.unit) return refuse(T.unknownUnit);
    plan.matchedBy = 'columns';
    const title = table ? table.sheet.rows.slice(0, Math.max(1, table.headerRow)).map((r) => r.join('')).join('') : '';
    const written = PERIOD_PATTERN.exec(title)?.[0];
    // The period as the core reads it (2025年第3季度 and 2025年第三季度 are one), not as spelt.
    if (written && !withinPeriod(parsePeriodName(written), round.periodId)) return refuse(T.wrongPeriodTitle(written, ctx.periodName), { sheet: table!.sheet.name, row: 1 });
    if (!written) issue('warning', T.periodUnknown(ctx.periodName));
  }
  if (!table) return refuse(T.noTable);
  if (table.unfilled) issue('warning', T.otherSheetRead(table.unfilled, table.sheet.name, filledRows(table)), { sheet: table.sheet.name });
  // "下发的" only of the sheet the app sent (a district's own report has none of that name).
  for (const other of table.alsoFilled ?? []) issue('warning', T.otherSheetAlsoFilled(table.sheet.name, other.sheet, other.rows, table.sheet.name === ROUND_SHEET.name), { sheet: other.sheet });
  if (plan.matchedBy === 'binding') {
    // The binding says whose file it is; a file name naming another unit of the round is worth a look.
    const named = unitFromText(round, undefined, file.fileName);
    if (named && named !== plan.unit && !file.fileName.includes(plan.unit!)) issue('warning', T.fileNameOtherUnit(named, plan.unit!));
  }

  const other = seenUnits.get(plan.unit!);
  if (other) return refuse(T.unitTwiceInDrop(plan.unit!, other));
  seenUnits.set(plan.unit!, file.fileName);
  const before = ctx.earlier.filter((e) => e.unit === plan.unit).sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  if (before) issue('warning', T.unitReturnedBefore(before.fileName, before.at));

  const sent = round.units.find((u) => u.unit === plan.unit)!;
  // A district report lists all the district's tasks: what the city sent is what counts.
  const sentKeys = new Set(binding && binding.roundId !== REPORT_ROUND_ID ? binding.taskKeys : sent.taskKeys);
  if (filledRows(table) === 0) {
    // The form is blank: task codes typed on a sheet without the form's header are named, not lost unseen.
    for (const other of file.sheets) {
      if (other === table.sheet || other.name === BINDING_SHEET || indicatorHeader(other)) continue;
      const keys = [...new Set(other.rows.flatMap((r) => r.map((c) => c.trim()).filter((c) => sentKeys.has(c))))];
      if (keys.length > 0) issue('warning', T.otherSheetUnread(table.sheet.name, other.name, keys), { sheet: other.name });
    }
  }
  const taskByKey = new Map(ctx.tasks.map((t) => [t.key, t]));
  const taskByTitle = new Map(ctx.tasks.map((t) => [norm(t.title), t]));
  const { sheet, headerRow, columns } = table;
  // A merged area over fill-in cells (a unit merging 进展情况 with 存在问题 to make room, or one text over
  // two tasks' rows): its text belongs to its first cell only, not copied into every cell it covers.
  const end = tableEnd(sheet, headerRow, columns);
  const copied = mergedCopies(sheet, headerRow, end, columns);
  for (const m of copied.merges) issue('warning', T.mergedCells(sheet.name, m.rows, m.columns, m.first), { sheet: sheet.name, row: m.row });
  const rowIndex = copied.cells.size ? new Map(sheet.rows.map((row, i) => [row, i])) : undefined;
  const rawCell = (r: string[], key: RoundColumn['key']) => (columns.has(key) && !(rowIndex && copied.cells.has(`${rowIndex.get(r)}:${columns.get(key)!}`)) ? (r[columns.get(key)!] ?? '') : '');
  const cell = (r: string[], key: RoundColumn['key']) => rawCell(r, key).trim();
  // The row before, for its continuation rows (续): a district's report splits a long text over
  // rows keyed 任务编号（续）; they are that task's text, joined as written.
  let last: { key: string; row?: ReturnedRow; raw: Record<TextField, string> } | undefined;
  const seenKeys = new Map<string, number>();
  // City level: a district's export lists all its tasks; those the city did not send are left out, named once.
  const city = round.level === 'city';
  const outside: string[] = [];
  for (let r = headerRow + 1; r < end; r++) {
    const cells = sheet.rows[r]!;
    const excelRow = r + 1;
    const keyText = cell(cells, 'taskKey');
    const titleText = cell(cells, 'title');
    if (keyText.endsWith(CONTINUED_MARK) && last && last.key === keyText.slice(0, -CONTINUED_MARK.length).trim()) {
      const into = last.row;
      if (into)
        for (const k of TEXT_FIELDS) {
          const piece = rawCell(cells, k);
          if (!piece.trim()) continue;
          last.raw[k] += piece;
          into[k] = last.raw[k].trim();
          into.empty = false;
        }
      continue;
    }
    // What the unit wrote in the row, labelled by column, kept with a refused row.
    const texts = (['status', 'percent', 'progress', 'problems', 'nextSteps'] as const).map((k) => (cell(cells, k) ? `${ROUND_COLUMNS.find((c) => c.key === k)!.header}：${cell(cells, k)}` : ''));
    if (!keyText && !titleText) {
      if (texts.some(Boolean)) {
        plan.refusedRows.push({ row: excelRow, texts: texts.filter(Boolean) });
        issue('error', T.rowWithoutTask, { sheet: sheet.name, row: excelRow });
      }
      continue;
    }
    const where = { sheet: sheet.name, row: excelRow };
    // Words written beside the form, in a column without a header (K4 next to 下步计划), are named, not dropped unseen.
    cells.forEach((text, c) => {
      if (!text.trim() || (sheet.rows[headerRow]?.[c] ?? '').trim() || coveredByMerge(sheet, r, c)) return;
      issue('warning', T.textOutsideColumns(sheet.name, `${columnLetter(c)}${excelRow}`, text.trim()), { ...where, column: `${columnLetter(c)}列` });
    });
    let task = keyText ? taskByKey.get(keyText) : undefined;
    if (!task && titleText) {
      task = taskByTitle.get(norm(titleText));
      if (task) issue('warning', T.matchedByTitle(titleText, task.key), where);
    }
    const refuseRow = (message: string, column?: string) => {
      plan.refusedRows.push({ row: excelRow, taskKey: task?.key ?? (keyText || undefined), title: titleText || undefined, texts: texts.filter(Boolean) });
      issue('error', message, { ...where, ...(column ? { column } : {}) });
    };
    last = { key: keyText, raw: { progress: rawCell(cells, 'progress'), problems: rawCell(cells, 'problems'), nextSteps: rawCell(cells, 'nextSteps') } };
    if (city && (!task || !sentKeys.has(task.key))) {
      outside.push(task?.key ?? (keyText || titleText));
      continue;
    }
    if (!task) {
      refuseRow(T.unknownTask(keyText || titleText));
      continue;
    }
    if (!sentKeys.has(task.key)) {
      refuseRow(T.notAssigned(task.key, plan.unit!));
      continue;
    }
    if (seenKeys.has(task.key)) {
      refuseRow(T.taskTwice(task.key, seenKeys.get(task.key)!));
      continue;
    }
    seenKeys.set(task.key, excelRow);
    // A status or percent that cannot be read is left out alone (named by its cell); the row's other cells are taken.
    const statusText = cell(cells, 'status');
    const status = statusText ? statusFromLabel(statusText) : undefined;
    if (statusText && !status) issue('error', T.badStatus(statusText), { ...where, column: colName('status', columns.get('status')!) });
    const percentText = cell(cells, 'percent');
    const readPct = readPercent(percentText);
    if (readPct !== undefined && Number.isNaN(readPct)) issue('error', percentText.startsWith('=') ? T.formulaPercent(percentText) : T.badPercent(percentText), { ...where, column: colName('percent', columns.get('percent')!) });
    const percent = readPct !== undefined && !Number.isNaN(readPct) ? readPct : undefined;
    const row: ReturnedRow = {
      taskKey: task.key,
      row: excelRow,
      ...(status ? { status } : {}),
      ...(percent !== undefined ? { percent } : {}),
      progress: cell(cells, 'progress'),
      problems: cell(cells, 'problems'),
      nextSteps: cell(cells, 'nextSteps'),
      empty: false,
    };
    row.empty = !row.status && row.percent === undefined && !row.progress && !row.problems && !row.nextSteps;
    plan.rows.push(row);
    last.row = row;
  }
  if (outside.length > 0) issue('warning', T.outsideCityList(outside));
  const missing = [...sentKeys].filter((k) => !seenKeys.has(k));
  if (missing.length > 0) issue('warning', T.rowsMissing(missing));
  if (!city) readIndicators(file, ctx, sentKeys, plan, issue);
  return plan;
}

type IndicatorTable = { sheet: SheetGrid; headerRow: number; columns: Map<IndicatorColumn['key'], number> };

/** The indicator sheet's header in the first rows of a sheet: a value column and 指标编号 or 指标名称. */
function indicatorHeader(sheet: SheetGrid): IndicatorTable | undefined {
  return findHeader(sheet, INDICATOR_COLUMNS, (m) => m.has('value') && (m.has('targetId') || m.has('name')));
}

/**
 * The indicator sheet // 指标填报: each row's 本期实际值, tied to its target by 指标编号 (or, when that
 * was cleared, by 任务编号 and 指标名称). A value that is not a number, or that no district could
 * report, is left out and named by its cell; a row whose target is unknown or not the unit's is
 * refused with what it said. Nothing is read from a file without the sheet.
 */
function readIndicators(file: ReturnedFile, ctx: ReturnContext, sentKeys: ReadonlySet<string>, plan: FilePlan, issue: (severity: ReturnIssue['severity'], message: string, where?: Partial<ReturnIssue>) => void): void {
  const named = file.sheets.find((s) => s.name === INDICATOR_SHEET.name);
  const table = (named && indicatorHeader(named)) ?? file.sheets.filter((s) => s.name !== BINDING_SHEET && s.name !== ROUND_SHEET.name).map(indicatorHeader).find((t) => !!t);
  if (!table) {
    // The sheet is there, written in, but its header was changed: its values are named, not passed over.
    if (named && named.rows.slice(INDICATOR_SHEET.headerRow).some((r) => r.some((c) => c.trim())))
      issue('warning', T.indicatorHeaderLost(named.name, INDICATOR_SHEET.headerRow), { sheet: named.name, row: INDICATOR_SHEET.headerRow });
    return;
  }
  const { sheet, headerRow, columns } = table;
  const targets = ctx.targets ?? [];
  const byId = new Map(targets.map((t) => [t.id, t]));
  const at = (cells: readonly string[], key: IndicatorColumn['key']) => (columns.has(key) ? (cells[columns.get(key)!] ?? '').trim() : '');
  const valueColumn = `${columnLetter(columns.get('value')!)}列（${INDICATOR_COLUMNS.find((c) => c.key === 'value')!.header}）`;
  const seen = new Map<string, number>();
  const out: ReturnedIndicator[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const text = at(cells, 'value');
    // Blank, or a mark that only says "no figure" (—, /, 无, 暂无): nothing to read, nothing to say.
    if (!text || isPlaceholderCell(text)) continue;
    const excelRow = r + 1;
    const where = { sheet: sheet.name, row: excelRow };
    const id = at(cells, 'targetId');
    const name = at(cells, 'name');
    const key = at(cells, 'taskKey');
    // By 指标编号; when it is missing or was changed, by 指标名称 (and 任务编号 when given), if that names one target.
    const byName = (() => {
      if (!name) return undefined;
      const same = targets.filter((t) => norm(t.name) === norm(name) && (!key || t.taskKey === key));
      const sent = same.filter((t) => sentKeys.has(t.taskKey));
      return sent.length === 1 ? sent[0] : same.length === 1 ? same[0] : undefined;
    })();
    const target = (id ? byId.get(id) : undefined) ?? byName;
    if (target && id && !byId.has(id)) issue('warning', T.indicatorByName(id, target.name, target.taskKey), where);
    else if (target && name && norm(name) !== norm(target.name)) issue('warning', T.indicatorNameDiffers(id, target.name, name), where);
    const refuse = (message: string) => {
      plan.refusedRows.push({ row: excelRow, taskKey: target?.taskKey ?? (key || undefined), title: name || undefined, texts: [`${INDICATOR_COLUMNS.find((c) => c.key === 'value')!.header}：${text}`] });
      issue('error', message, where);
    };
    if (!target) {
      refuse(T.unknownIndicator(name, id));
      continue;
    }
    if (!sentKeys.has(target.taskKey)) {
      refuse(T.indicatorNotAssigned(target.name, target.taskKey, plan.unit!));
      continue;
    }
    if (seen.has(target.id)) {
      refuse(T.indicatorTwice(target.name, seen.get(target.id)!));
      continue;
    }
    seen.set(target.id, excelRow);
    // 1520家 for a target in 家: the unit written after the figure is the target's own.
    const read = readTypedNumber(target.unit && text.endsWith(target.unit) ? text.slice(0, -target.unit.length) : text);
    if (read.kind !== 'number') {
      issue('error', text.startsWith('=') ? T.formulaIndicatorValue(target.name, text) : T.badIndicatorValue(target.name, text), { ...where, column: valueColumn });
      continue;
    }
    const problem = indicatorValueProblem(target.name, target.unit, read.value, T.cellNotRead);
    if (problem) {
      issue('error', T.impossibleIndicatorValue(problem), { ...where, column: valueColumn });
      continue;
    }
    const doubt = target.comparator !== undefined && target.value !== undefined ? valueAboveWhole({ ...target, comparator: target.comparator, value: target.value }, read.value, ctx.round.district, 'returned') : undefined;
    out.push({ taskKey: target.taskKey, targetId: target.id, name: target.name, unit: target.unit, row: excelRow, value: read.value, ...(doubt ? { doubt } : {}) });
  }
  plan.indicators = out;
}

/** Plan every dropped file against the round, in drop order. */
export function planReturns(files: readonly ReturnedFile[], ctx: ReturnContext): FilePlan[] {
  const seenHashes = new Map<string, string>();
  const seenUnits = new Map<string, string>();
  return files.map((f) => planFile(f, ctx, seenHashes, seenUnits));
}

/** What to do where a returned text meets a text the ledger already holds. */
export type MergeAction = 'keep' | 'replace' | 'append';

/** One field of one task: what the ledger holds, what came back, and the chosen action. */
export interface FieldMerge {
  field: ReturnField;
  before: string;
  /** Each unit's contribution, lead first; `earlier`: a status or percent a unit returned in an earlier 回收 of the round, not in this drop. */
  incoming: { unit: string; role: 'lead' | 'assist'; value: string; earlier?: true }[];
  /** The combined incoming value (texts joined by paragraph). */
  combined: string;
  conflict: boolean;
  action: MergeAction;
  /** The office changed this value after an earlier 回收 wrote it: its own value is kept unless it chooses otherwise. */
  officeEdited?: boolean;
  /** Units that sent again: their earlier paragraphs in the ledger are replaced by the new ones, the rest kept. */
  revises?: string[];
  /**
   * Status and percent: the units of the drop answered differently (on either), so one answer is
   * chosen as a whole (chooseAnswer); without a lead unit's answer nothing is taken until the officer chooses.
   */
  disagree?: true;
  /** Status and percent: the unit whose value `combined` is. */
  from?: string;
  /**
   * Status and percent where the units differ: why `combined` is what it is — the lead unit's
   * answer, the first answering unit's (no lead answered and the ledger held nothing), or the
   * ledger's value (no lead answered); 'officer' once the officer chose.
   */
  pickedBy?: 'lead' | 'order' | 'ledger' | 'officer';
  /** Percent: no unit gave one; it follows the status (percentOfStatus: 已完成 is 100 %). */
  implied?: true;
  /** Status and percent: the pair written contradicts itself (statusPercentClash), e.g. 已完成 with 80 %. */
  clash?: { status: string; percent: string };
  /** Texts: units whose words say nothing (无, 暂无, 无问题, 继续推进 … saysNothing) and were left out, beside other words. */
  leftOut?: { unit: string; value: string }[];
}

/** What earlier 回收 of the round left, by mergeLedgerKey(): the basis of a resent file's defaults. */
export interface MergeHistory {
  /** Fields the office changed after a 回收 wrote them (officeEditedFields). */
  officeEdited?: ReadonlyMap<string, ReadonlySet<ReturnField>>;
  /** Targets whose value the office changed after a 回收 wrote the entry (officeEditedValues). */
  officeEditedValues?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per unit, the values it returned in 指标填报 last time (by target): a unit of this drop that differs is marked as within one drop. */
  previousValues?: ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<string, number>>>>;
  /** Per unit, the texts it returned last time. */
  previousTexts?: ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<TextField, string>>>>;
  /**
   * Per unit, the status and percent it returned last time: a unit of this drop that answers
   * otherwise than a unit of an earlier drop is marked 单位间不一致 as within one drop.
   */
  previousAnswers?: ReadonlyMap<string, ReadonlyMap<string, Readonly<{ status?: TaskStatus; percent?: number }>>>;
}

/**
 * One target's value for one task (the indicator sheet): what the ledger holds, what the units
 * wrote, and what is taken. When the units agree their value is taken; when they differ, the
 * lead unit's, or without one the ledger's value (the first unit's where the ledger has none),
 * until the officer chooses (chooseIndicator). A value the office itself changed after an earlier
 * 回收 is kept by default, as its 本期状态 is.
 */
export interface IndicatorMerge {
  targetId: string;
  name: string;
  unit: string;
  before?: number;
  /** `earlier`: a value a unit returned in an earlier 回收 of the round, not in this drop. */
  incoming: { unit: string; role: 'lead' | 'assist'; value: number; doubt?: string; earlier?: true }[];
  /** The value taken (the ledger's when kept). */
  combined?: number;
  action: 'keep' | 'replace';
  /** The value taken differs from the ledger's, or the units differ. */
  conflict: boolean;
  /** The units wrote different values. */
  disagree?: true;
  /** The unit whose value `combined` is. */
  from?: string;
  /** The office changed this value after an earlier 回收 wrote the entry: its own value is kept unless it chooses otherwise. */
  officeEdited?: true;
  /** Only 协办 units gave a value (it may be their own share, not the district's): taken, but said. */
  assistOnly?: true;
}

/** One task's merge across all files of the drop. */
export interface TaskMerge {
  taskKey: string;
  /** City level: the district whose progress this is (each district keeps its own); absent: the round's district. */
  district?: string;
  fields: FieldMerge[];
  /** The targets' values from the indicator sheet. */
  indicators?: IndicatorMerge[];
}

const statusText = (s: TaskStatus | undefined) => (s ? STATUS_LABELS[s] : '');

/** The single-valued fields: one answer per task. */
type SingleField = 'status' | 'percent';

/**
 * The value of `field` that goes with `source`'s answer: its own; or, when it gave none, the one
 * value given by the units whose answer does not contradict it on the other field. Undefined when
 * there is no such value or those units differ.
 */
function valueWith(fields: readonly FieldMerge[], field: SingleField, source: string): { unit: string; value: string } | undefined {
  const of = (f: SingleField, unit: string) => fields.find((x) => x.field === f)?.incoming.find((x) => x.unit === unit)?.value;
  const own = of(field, source);
  if (own !== undefined) return { unit: source, value: own };
  const other: SingleField = field === 'status' ? 'percent' : 'status';
  const mine = of(other, source);
  const fits = (fields.find((x) => x.field === field)?.incoming ?? []).filter((x) => {
    const theirs = of(other, x.unit);
    return mine === undefined || theirs === undefined || theirs === mine;
  });
  return fits.length > 0 && fits.every((x) => x.value === fits[0]!.value) ? { unit: fits[0]!.unit, value: fits[0]!.value } : undefined;
}

/**
 * The officer's choice on a status or percent: 'keep' the ledger's value, or take `unit`'s. A
 * unit's status brings its percent along (the other units' percent goes with their own status);
 * a percent chosen alone changes only the percent.
 */
export function chooseAnswer(m: TaskMerge, field: SingleField, choice: 'keep' | { unit: string }): TaskMerge {
  const set = (f: FieldMerge, taken: { unit: string; value: string } | undefined): FieldMerge => {
    const { from: _from, ...rest } = f;
    return taken ? { ...rest, action: 'replace', combined: taken.value, from: taken.unit } : { ...rest, action: 'keep', combined: f.before };
  };
  const follows = choice === 'keep' ? [field] : field === 'status' ? ['status', 'percent'] : ['percent'];
  const fields = m.fields.map((f) => (follows.includes(f.field) ? { ...set(f, choice === 'keep' ? undefined : valueWith(m.fields, f.field as SingleField, choice.unit)), ...(f.disagree ? { pickedBy: 'officer' as const } : {}) } : { ...f }));
  const before = (f: SingleField) => m.fields.find((x) => x.field === f)?.before ?? '';
  settleStatusPercent(fields, { status: before('status'), percent: before('percent') });
  return { ...m, fields };
}

/**
 * Make the status and percent a merge writes fit together (core/progress: one rule): where no
 * unit gave a percent, it follows the status written (已完成 is 100 %; a percent field with no
 * incoming value is added for it, marked `implied`); a pair that still contradicts itself is
 * marked `clash` for the preview to say. `before` is the ledger's status label and percent.
 * Changes `fields` in place.
 */
function settleStatusPercent(fields: FieldMerge[], before: { status: string; percent: string }): void {
  const s = fields.find((f) => f.field === 'status');
  let p = fields.find((f) => f.field === 'percent');
  // Neither came back (texts or values only): nothing of the pair changes, nothing to settle.
  if (!s && !p) return;
  const status = statusFromLabel(s ? mergedValue(s) : before.status);
  if (s && !p) {
    p = { field: 'percent', before: before.percent, incoming: [], combined: before.percent, conflict: false, action: 'keep' };
    fields.splice(fields.indexOf(s) + 1, 0, p);
  }
  if (p && p.incoming.length === 0) {
    delete p.implied;
    const fixed = percentOfStatus(status);
    if (fixed !== undefined && String(fixed) !== p.before) Object.assign(p, { combined: String(fixed), action: 'replace', conflict: p.before !== '', implied: true });
    else Object.assign(p, { combined: p.before, action: 'keep', conflict: false });
  }
  for (const f of [s, p]) if (f) delete f.clash;
  const percent = p ? mergedValue(p) : before.percent;
  if (status && percent !== '' && statusPercentClash(status, Number(percent))) {
    const at = p && p.incoming.length > 0 ? p : (s ?? p)!;
    at.clash = { status: STATUS_LABELS[status], percent };
    at.conflict = true;
  }
}

/** Join texts as paragraphs, dropping blanks and exact repeats. */
export function joinParagraphs(texts: readonly string[]): string {
  const out: string[] = [];
  for (const t of texts) for (const p of t.split(/\r?\n/u).map((x) => x.trim())) if (p && !out.includes(p)) out.push(p);
  return out.join('\n');
}

/**
 * The default action: append when the ledger holds other words, nothing to choose otherwise. A
 * status or percent the office itself changed after an earlier 回收 is kept (a unit's resent
 * file does not silently undo the office's own judgement); otherwise the unit's value replaces.
 */
function defaultAction(field: ReturnField, before: string, combined: string, officeEdited: boolean): { conflict: boolean; action: MergeAction; officeEdited?: true } {
  if (!before || before === combined) return { conflict: false, action: 'replace' };
  if (field === 'status' || field === 'percent') return officeEdited ? { conflict: true, action: 'keep', officeEdited: true } : { conflict: true, action: 'replace' };
  // The ledger says nothing (无, 暂无 …): the words that came back replace it.
  if (saysNothing(before)) return { conflict: true, action: 'replace' };
  if (combined.includes(before)) return { conflict: true, action: 'replace' };
  if (before.includes(combined)) return { conflict: true, action: 'keep' };
  return { conflict: true, action: 'append' };
}

/** The ledger key planMerges looks up: the task key, or at the city level `${district}|${taskKey}`. */
export function mergeLedgerKey(round: Pick<Round, 'level'>, district: string, taskKey: string): string {
  return round.level === 'city' ? `${district}|${taskKey}` : taskKey;
}

/**
 * Merge the accepted rows of all files per task. Status and percent are one unit's answer: when
 * the units agree they are taken as returned; when they disagree (either field) both are marked
 * and the lead's answer is the default, or, without one, the ledger's values until the officer
 * chooses (chooseAnswer). Texts are joined, lead first; words that say nothing (无, 暂无 …) are left
 * out beside other words, and named (leftOut).
 * At the city level each district's return stays its own (one merge per district and task).
 * `ledger` is keyed by mergeLedgerKey(); `history` (same keys) is what earlier 回收 of the round
 * left: a unit that sends again revises its own paragraphs, and what the office changed since
 * is kept by default.
 */
export function planMerges(
  files: readonly FilePlan[],
  round: Round,
  ledger: ReadonlyMap<string, Pick<ProgressEntry, 'status' | 'percent' | 'progress' | 'problems' | 'nextSteps'> & Partial<Pick<ProgressEntry, 'indicatorValues'>>>,
  history: MergeHistory = {},
): TaskMerge[] {
  const city = round.level === 'city';
  const byTask = new Map<string, { unit: string; role: 'lead' | 'assist'; row: ReturnedRow }[]>();
  const valuesByTask = new Map<string, { taskKey: string; values: IndicatorAnswer[] }>();
  for (const f of files) {
    if (f.refused || !f.unit) continue;
    const sent = round.units.find((u) => u.unit === f.unit);
    const roleOf = (taskKey: string) => (sent?.leadKeys.includes(taskKey) ? 'lead' : 'assist');
    const keyOf = (taskKey: string) => mergeLedgerKey(round, f.unit!, taskKey);
    for (const row of f.rows) {
      if (row.empty) continue;
      const key = keyOf(row.taskKey);
      if (!byTask.has(key)) byTask.set(key, []);
      byTask.get(key)!.push({ unit: f.unit, role: roleOf(row.taskKey), row });
    }
    for (const v of f.indicators ?? []) {
      const key = keyOf(v.taskKey);
      if (!valuesByTask.has(key)) valuesByTask.set(key, { taskKey: v.taskKey, values: [] });
      valuesByTask.get(key)!.values.push({ unit: f.unit, role: roleOf(v.taskKey), target: v, value: v.value, ...(v.doubt ? { doubt: v.doubt } : {}) });
      // A task whose only answer is a value is merged too.
      if (!byTask.has(key)) byTask.set(key, []);
    }
  }
  const order = new Map(round.units.flatMap((u) => u.taskKeys).map((k, i) => [k, i] as const).reverse());
  const out: TaskMerge[] = [];
  for (const [key, list] of byTask) {
    const taskKey = list[0]?.row.taskKey ?? valuesByTask.get(key)!.taskKey;
    list.sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
    const cur = ledger.get(key);
    const fields: FieldMerge[] = [];
    for (const field of ['status', 'percent'] as const) {
      const incoming: FieldMerge['incoming'] = list
        .map(({ unit, role, row }) => ({ unit, role, value: field === 'status' ? statusText(row.status) : row.percent === undefined ? '' : String(row.percent) }))
        .filter((x) => x.value !== '');
      if (incoming.length === 0) continue;
      // The answers of units that returned in an earlier drop and not in this one: a disagreement
      // across drops is one as much as within a drop (a unit sending again answers anew).
      for (const [unit, a] of history.previousAnswers?.get(key) ?? []) {
        if (list.some((x) => x.unit === unit)) continue;
        const value = field === 'status' ? statusText(a.status) : a.percent === undefined ? '' : String(a.percent);
        if (value === '') continue;
        const sent = round.units.find((u) => u.unit === unit);
        incoming.push({ unit, role: sent?.leadKeys.includes(taskKey) ? 'lead' : 'assist', value, earlier: true });
      }
      incoming.sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
      const before = field === 'status' ? statusText(cur?.status) : cur?.percent === undefined ? '' : String(cur.percent);
      fields.push({ field, before, incoming, combined: before, conflict: false, action: 'keep' });
    }
    // One answer: status and percent of the same unit, the lead's by default. A field on which the
    // units differ is marked (a field they agree on is not); without a lead's answer the ledger's
    // values stand where it holds them, and where it holds nothing the first unit's answer is
    // written (never nothing): the officer may choose another (chooseAnswer).
    const answering = list.filter((x) => x.row.status || x.row.percent !== undefined);
    const disagree = fields.some((f) => new Set(f.incoming.map((x) => x.value)).size > 1);
    // A field every unit answering in this drop gave alike (and any earlier drop's answer too) is
    // agreed, whatever they said on the other.
    const differs = (f: FieldMerge) =>
      disagree && !(answering.every((a) => f.incoming.some((x) => x.unit === a.unit && !x.earlier)) && f.incoming.every((x) => x.value === f.incoming[0]!.value));
    // The lead's answer, of this drop or an earlier one.
    const lead = answering.find((x) => x.role === 'lead')?.unit ?? fields.flatMap((f) => f.incoming).find((x) => x.role === 'lead')?.unit;
    const ledgerHolds = fields.filter(differs).every((f) => f.before !== '');
    const source = !disagree ? (fields[0]?.incoming.find((x) => !x.earlier) ?? fields[0]?.incoming[0])?.unit : (lead ?? (ledgerHolds ? undefined : answering[0]?.unit));
    for (const f of fields) {
      if (differs(f)) Object.assign(f, { disagree: true, pickedBy: source === undefined ? 'ledger' : lead ? 'lead' : 'order' });
      const agreed = differs(f) ? undefined : { unit: f.incoming[0]!.unit, value: f.incoming[0]!.value };
      const taken = source === undefined ? agreed : valueWith(fields, f.field as SingleField, source);
      if (!taken) {
        Object.assign(f, { combined: f.before, conflict: true, action: 'keep' });
        continue;
      }
      Object.assign(f, { combined: taken.value, from: taken.unit }, defaultAction(f.field, f.before, taken.value, history.officeEdited?.get(key)?.has(f.field) ?? false));
      if (differs(f)) f.conflict = true;
    }
    settleStatusPercent(fields, { status: statusText(cur?.status), percent: cur?.percent === undefined ? '' : String(cur.percent) });
    for (const field of TEXT_FIELDS) {
      const all = list.map(({ unit, role, row }) => ({ unit, role, value: row[field] })).filter((x) => x.value !== '');
      if (all.length === 0) continue;
      const before = cur?.[field] ?? '';
      // Words that say nothing (无, 暂无, 无问题 …) are not added beside words that say something.
      const saying = all.filter((x) => !saysNothing(x.value));
      // Only such words: the first is written where the ledger is blank; where the ledger has words, or says nothing too, none.
      const incoming = saying.length > 0 ? saying : before === '' ? all.slice(0, 1) : [];
      const leftOut = all.filter((x) => !incoming.some((y) => y.value === x.value) && x.value !== before).map(({ unit, value }) => ({ unit, value }));
      const note = leftOut.length > 0 ? { leftOut } : {};
      if (incoming.length === 0) {
        fields.push({ field, before, incoming: all, combined: before, conflict: false, action: 'keep', ...note });
        continue;
      }
      const revision = reviseParagraphs(before, incoming, history.previousTexts?.get(key), field);
      if (revision) {
        const conflict = revision.text !== before;
        fields.push({ field, before, incoming: all, combined: revision.text, conflict, action: 'replace', revises: revision.units, ...note });
        continue;
      }
      const combined = joinParagraphs(incoming.map((x) => x.value));
      fields.push({ field, before, incoming: all, combined, ...defaultAction(field, before, combined, false), ...note });
    }
    const indicators = mergeIndicators(valuesByTask.get(key)?.values ?? [], cur?.indicatorValues ?? {}, history.officeEditedValues?.get(key), earlierValues(history.previousValues?.get(key), new Set([...list.map((x) => x.unit), ...(valuesByTask.get(key)?.values ?? []).map((v) => v.unit)]), (unit) => (round.units.find((u) => u.unit === unit)?.leadKeys.includes(taskKey) ? 'lead' : 'assist')));
    if (fields.length > 0 || indicators.length > 0) out.push({ taskKey, ...(city ? { district: list[0]!.unit } : {}), fields, ...(indicators.length > 0 ? { indicators } : {}) });
  }
  const unitIndex = (d: string | undefined) => round.units.findIndex((u) => u.unit === d);
  return out.sort((a, b) => (order.get(a.taskKey) ?? 0) - (order.get(b.taskKey) ?? 0) || unitIndex(a.district) - unitIndex(b.district));
}

/** The targets' values of one task from the units of a drop, against the ledger's (see IndicatorMerge). */
type IndicatorAnswer = { unit: string; role: 'lead' | 'assist'; target: Pick<ReturnedIndicator, 'targetId' | 'name' | 'unit'>; value: number; doubt?: string };

/** The values units of earlier drops (not in this one) returned for a task, by target, as answers. */
function earlierValues(previous: ReadonlyMap<string, Readonly<Record<string, number>>> | undefined, inDrop: ReadonlySet<string>, roleOf: (unit: string) => 'lead' | 'assist'): Map<string, IndicatorMerge['incoming']> {
  const out = new Map<string, IndicatorMerge['incoming']>();
  for (const [unit, values] of previous ?? []) {
    if (inDrop.has(unit)) continue;
    for (const [targetId, value] of Object.entries(values)) out.set(targetId, [...(out.get(targetId) ?? []), { unit, role: roleOf(unit), value, earlier: true }]);
  }
  return out;
}

function mergeIndicators(values: readonly IndicatorAnswer[], ledger: Readonly<Record<string, number | null>>, officeEdited: ReadonlySet<string> | undefined, earlier: ReadonlyMap<string, IndicatorMerge['incoming']>): IndicatorMerge[] {
  const byTarget = new Map<string, { target: IndicatorAnswer['target']; incoming: IndicatorMerge['incoming'] }>();
  for (const v of values) {
    if (!byTarget.has(v.target.targetId)) byTarget.set(v.target.targetId, { target: v.target, incoming: [] });
    byTarget.get(v.target.targetId)!.incoming.push({ unit: v.unit, role: v.role, value: v.value, ...(v.doubt ? { doubt: v.doubt } : {}) });
  }
  return [...byTarget.values()].map(({ target: { targetId, name, unit }, incoming: fresh }) => {
    // A unit of an earlier drop that answered otherwise is an answer as much as one of this drop (as for 本期状态).
    const incoming = [...fresh, ...(earlier.get(targetId) ?? [])].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
    const held = ledger[targetId];
    const before = typeof held === 'number' ? held : undefined;
    const disagree = new Set(incoming.map((x) => x.value)).size > 1;
    // The office's own value (or its clearing of one), changed after a 回收 wrote the entry, stands until the officer chooses.
    const edited = officeEdited?.has(targetId) && fresh.some((x) => x.value !== before);
    const lead = incoming.find((x) => x.role === 'lead');
    const first = fresh[0]!;
    const source = edited ? undefined : !disagree ? first : (lead ?? (before === undefined ? first : undefined));
    const assistOnly = !lead;
    const m: IndicatorMerge = {
      targetId,
      name,
      unit,
      ...(before !== undefined ? { before } : {}),
      incoming,
      action: 'keep',
      conflict: disagree || !!edited,
      ...(disagree ? { disagree: true as const } : {}),
      ...(edited ? { officeEdited: true as const } : {}),
      ...(assistOnly ? { assistOnly: true as const } : {}),
    };
    return source ? takeValue(m, source) : { ...m, ...(before !== undefined ? { combined: before } : {}) };
  });
}

/** `m` with `source`'s value taken. */
function takeValue(m: IndicatorMerge, source: { unit: string; value: number }): IndicatorMerge {
  const conflict = !!m.disagree || (m.before !== undefined && m.before !== source.value);
  return { ...m, combined: source.value, from: source.unit, action: source.value === m.before ? 'keep' : 'replace', conflict };
}

/** The officer's choice on a target's value: 'keep' the ledger's, or take `unit`'s. */
export function chooseIndicator(m: TaskMerge, targetId: string, choice: 'keep' | { unit: string }): TaskMerge {
  const indicators = (m.indicators ?? []).map((x) => {
    if (x.targetId !== targetId) return x;
    const { from: _from, combined: _combined, ...rest } = x;
    const taken = choice === 'keep' ? undefined : x.incoming.find((i) => i.unit === choice.unit);
    return taken ? takeValue(x, taken) : { ...rest, action: 'keep' as const, ...(x.before !== undefined ? { combined: x.before } : {}) };
  });
  return { ...m, indicators };
}

/** The targets' values a task merge writes (only those that change). */
export function mergedIndicatorValues(m: TaskMerge): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of m.indicators ?? []) if (x.action === 'replace' && x.combined !== undefined && x.combined !== x.before) out[x.targetId] = x.combined;
  return out;
}

const paragraphs = (t: string) => t.split(/\r?\n/u).map((x) => x.trim()).filter(Boolean);

/**
 * A resent file's text: each unit whose earlier paragraphs all still stand in the ledger text has
 * them replaced, where they stood, by its new ones; other units' paragraphs (and the office's)
 * stay; units sending for the first time are added after. Undefined when no unit sent before or
 * the office rewrote what they sent (then the usual default applies).
 */
function reviseParagraphs(before: string, incoming: readonly { unit: string; value: string }[], previous: ReadonlyMap<string, Readonly<Record<TextField, string>>> | undefined, field: TextField): { text: string; units: string[] } | undefined {
  if (!previous || !before) return undefined;
  let paras = paragraphs(before);
  const units: string[] = [];
  const fresh: string[] = [];
  for (const x of incoming) {
    const old = paragraphs(previous.get(x.unit)?.[field] ?? '');
    if (old.length === 0 || !old.every((p) => paras.includes(p))) {
      fresh.push(x.value);
      continue;
    }
    const first = paras.indexOf(old[0]!);
    const at = paras.slice(0, first).filter((p) => !old.includes(p)).length;
    paras = paras.filter((p) => !old.includes(p));
    paras.splice(at, 0, ...paragraphs(x.value));
    units.push(x.unit);
  }
  return units.length === 0 ? undefined : { text: joinParagraphs([paras.join('\n'), ...fresh]), units };
}

/**
 * The fields of an entry the office changed after a 回收 wrote it: `written` is the entry as the
 * latest 回收 left it, `now` as it is. Only status and percent matter for the default.
 */
export function officeEditedFields(written: Pick<ProgressEntry, 'status' | 'percent'>, now: Pick<ProgressEntry, 'status' | 'percent'> | undefined): Set<ReturnField> {
  const out = new Set<ReturnField>();
  if (!now) return out;
  if (now.status !== written.status) out.add('status');
  if (now.percent !== written.percent) out.add('percent');
  return out;
}

/**
 * The targets whose value the office changed after a 回收 wrote the entry (`written`, as the latest
 * 回收 left it) or typed since: a unit's resent value does not silently replace them.
 */
export function officeEditedValues(written: Pick<ProgressEntry, 'indicatorValues'>, now: Pick<ProgressEntry, 'indicatorValues'> | undefined): Set<string> {
  const out = new Set<string>();
  if (!now) return out;
  const was = written.indicatorValues ?? {};
  const is = now.indicatorValues ?? {};
  for (const t of new Set([...Object.keys(was), ...Object.keys(is)])) if ((was[t] ?? null) !== (is[t] ?? null)) out.add(t);
  return out;
}

/** The value a field ends with under its action. */
export function mergedValue(f: Pick<FieldMerge, 'field' | 'before' | 'combined' | 'action'>): string {
  if (f.action === 'keep') return f.before;
  if (f.action === 'replace' || f.field === 'status' || f.field === 'percent') return f.combined;
  return joinParagraphs([f.before, f.combined]);
}

/** The progress fields a task merge writes (only fields that change). */
export function mergedFields(m: TaskMerge): Partial<Pick<ProgressEntry, 'status' | 'percent' | TextField>> {
  const out: Partial<Pick<ProgressEntry, 'status' | 'percent' | TextField>> = {};
  for (const f of m.fields) {
    const v = mergedValue(f);
    if (v === f.before) continue;
    if (f.field === 'status') {
      const s = statusFromLabel(v);
      if (s) out.status = s;
    } else if (f.field === 'percent') out.percent = Number(v);
    else out[f.field] = v;
  }
  return out;
}
