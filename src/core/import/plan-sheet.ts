/**
 * The import pipeline after the file is read, shared by the import worker and
 * `npm run plan-import`: find each sheet's table, pick the sheet, read its rows and plan.
 */
import type { Cluster, PolicyDocument, Section, Task } from '../model';
import { unitRenameTable, type UnitRename } from '../unit-names';
import { DISTRICTS } from '../districts';
import { missingForImport } from '../fields';
import { columnLabel, findTable, numbersFromSeq, readRows, withMapping, type RememberedMapping } from './find-table';
import { listScope, listYear } from './list-scope';
import { planImport } from './plan-import';
import { IMPORT_MESSAGES as M } from './messages';
import type { ColumnMapping, ImportIssue, ImportPlan, SheetGrid, TableLayout } from './types';

/** One sheet as the import page sees it. */
export interface SheetSummary {
  index: number;
  name: string;
  rowCount: number;
  layout?: TableLayout;
  issues: ImportIssue[];
  /** The first rows under the header, for the mapping step. */
  sample: string[][];
  /** The workbook hides the sheet. */
  hidden?: true;
}

/** What reading the file found (formula texts, over-long cells), split by sheet in the grids' order. */
export function readIssuesBySheet(grids: readonly SheetGrid[], issues: readonly ImportIssue[]): ImportIssue[][] {
  return grids.map((g) => issues.filter((i) => i.sheet === g.name));
}

/** Find the table of every sheet. */
export function summariseSheets(grids: readonly SheetGrid[], remembered: RememberedMapping = {}, readIssues: readonly (readonly ImportIssue[])[] = []): SheetSummary[] {
  return grids.map((g, index): SheetSummary => {
    const { layout, issues } = findTable(g, remembered);
    const start = layout ? layout.headerRow + layout.headerRows : 0;
    const out: SheetSummary = { index, name: g.name, rowCount: g.rows.length, layout, issues: [...issues, ...(readIssues[index] ?? [])], sample: g.rows.slice(start, start + 5) };
    if (g.hidden) out.hidden = true;
    return out;
  });
}

/**
 * Whether a sheet holds a task table that can be imported as it is: a header with a task column
 * (重点任务 or 具体内容). A 汇总 sheet (文件名称, 任务数, 完成时限) has a header but no tasks.
 */
export function hasTaskTable(sheet: SheetSummary): boolean {
  const layout = sheet.layout;
  return !!layout && missingForImport((id) => layout.columns.some((m) => m.field === id)).length === 0;
}

/**
 * The sheet to import when the officer has not chosen: of the visible sheets with a task table, the
 * one named for the officer's district (a workbook with a sheet per district), else the first; a
 * hidden sheet, or one with a header but no task column, only when no sheet is better.
 */
export function defaultSheet(sheets: readonly SheetSummary[], district?: string): number {
  // A hidden sheet (an old version kept out of sight) only when no visible sheet has a task table.
  const visible = sheets.filter((s) => !s.hidden && hasTaskTable(s));
  const tables = visible.length > 0 ? visible : sheets.filter(hasTaskTable);
  const own = district ? tables.find((s) => namesDistrict(s.name, district)) : undefined;
  return (own ?? tables[0] ?? sheets.find((s) => s.layout))?.index ?? 0;
}

/**
 * The other sheets of a workbook that hold a task list of their own: visible, with a task table,
 * and not named for a district (of a sheet per district, the others are other districts' lists).
 * Planning one sheet says them, so that a list over two sheets is imported whole.
 */
export function otherListSheets(sheets: readonly SheetSummary[], picked: number): string[] {
  return sheets.filter((s) => s.index !== picked && !s.hidden && hasTaskTable(s) && !DISTRICTS.some((d) => namesDistrict(s.name, d.name))).map((s) => s.name);
}

/**
 * Whether a sheet's name names the district: any name it is written under, or a district's name
 * without 区 at the start (a sheet per district named 江岸, 汉阳, 洪山).
 */
function namesDistrict(sheet: string, district: string): boolean {
  const d = DISTRICTS.find((x) => x.name === district || x.shortName === district);
  const bare = d?.kind === 'district' && d.name.endsWith('区') && d.name.length >= 3 ? d.name.slice(0, -1) : undefined;
  return districtNames(district).some((n) => sheet.includes(n)) || (!!bare && sheet.trim().startsWith(bare));
}

/** The names a district is written under (汉阳区; 东湖新技术开发区, 东湖高新区 …). */
function districtNames(district: string): string[] {
  const d = DISTRICTS.find((x) => x.name === district || x.shortName === district);
  return d ? [d.name, d.shortName, ...d.aliases].filter(Boolean) : [district];
}

/** What planning a sheet needs from the ledger. */
export interface SheetPlanRequest {
  /** The officer's column mapping, when changed from the guess. */
  columns?: ColumnMapping[];
  existing: Task[];
  documents: PolicyDocument[];
  sections: Section[];
  /** Clusters by district, to tell which tasks a district's list speaks for. */
  clusters: Cluster[];
  /** The officer's district, for 与本区相关的变化. */
  district?: string;
  /** The officer's unit renames (设置 → 单位名称对照); the built-in pairs always apply. */
  renames?: UnitRename[];
  /** The workbook's other sheets holding a task list (otherListSheets), said with the plan. */
  otherSheets?: string[];
  /** What reading the file found on this sheet (formula texts, over-long cells), shown with the plan. */
  readIssues?: ImportIssue[];
  defaultDocumentId?: string;
  now: string;
}

/** Whether the officer's columns (if any) map every column as the guess did. */
function keptGuess(found: TableLayout, columns: readonly ColumnMapping[] | undefined): boolean {
  return !columns || found.columns.every((m) => (columns.find((c) => c.column === m.column)?.field ?? null) === m.field);
}

/** The 任务编号 column as the officer sees it, if the mapping has one. */
function keyColumn(layout: TableLayout | undefined): string | undefined {
  const m = layout?.columns.find((c) => c.field === 'key');
  return m ? columnLabel(m.column, m.header) : undefined;
}

/** Whether the table reads a cell (0-based): a mapped column, below the header. */
function readsCell(layout: TableLayout, at: { row: number; col: number }): boolean {
  return at.row >= layout.headerRow + layout.headerRows && layout.columns.some((m) => m.column === at.col && m.field);
}

/** Plan the import of one sheet whose table was found (or say why there is none). */
export function planSheet(fileName: string, grid: SheetGrid, found: TableLayout | undefined, req: SheetPlanRequest): { plan: ImportPlan; layout?: TableLayout } {
  const layout = found && req.columns ? withMapping(found, req.columns) : found;
  const read = layout ? readRows(grid, layout) : undefined;
  const scope = layout ? listScope(grid, layout, req.clusters) : undefined;
  const plan = planImport({
    fileName,
    sheet: grid.name,
    rows: read?.rows ?? [],
    numbersFromSeq: layout ? numbersFromSeq(layout) : false,
    // What the guessed mapping found (two columns like one field …) is said in the plan too, while the columns are the guessed ones.
    issues: [
      ...(req.readIssues ?? []).map((i) => (i.errorCell && !(layout && readsCell(layout, i.errorCell)) ? { sheet: i.sheet, ...(i.row ? { row: i.row } : {}), ...(i.column ? { column: i.column } : {}), message: i.errorCell.elsewhere, severity: 'warning' as const } : i)),
      ...(found && keptGuess(found, req.columns) ? (found.guessNotes ?? []) : []),
      ...(read ? read.issues : findTable(grid).issues),
      ...(req.otherSheets?.length ? [{ sheet: grid.name, message: M.otherListSheets(fileName, grid.name, req.otherSheets), severity: 'warning' as const }] : []),
    ],
    existing: req.existing,
    documents: req.documents,
    sections: req.sections,
    defaultDocumentId: req.defaultDocumentId,
    now: req.now,
    // A list titled for one district speaks only for that district's tasks.
    ...(scope ? { covers: scope.covers, coverage: { district: scope.district, row: scope.row } } : {}),
    renames: unitRenameTable(req.renames),
    ...(keyColumn(layout) ? { keyColumn: keyColumn(layout) } : {}),
    ...(layout && listYear(grid, layout) !== undefined ? { year: listYear(grid, layout) } : {}),
    district: req.district,
    clusters: req.clusters,
  });
  return { plan, layout };
}
