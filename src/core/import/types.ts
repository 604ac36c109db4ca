/**
 * Import planning types // 导入更新: a spreadsheet grid in, an ImportPlan out. The plan is a
 * value: the preview renders it, the officer accepts or skips rows, and the storage ring
 * writes exactly the accepted part (see finalizePlan and storage/apply-import.ts).
 */
import type { PolicyDocument, Task } from '../model';
import type { TaskFieldId } from '../fields';

/** One sheet as a plain grid of cell texts, merged cells already expanded. */
export interface SheetGrid {
  name: string;
  /** rows[r][c]: the text of the cell, '' when empty. Row 0 is the sheet's first row. */
  rows: string[][];
  /** 0-based columns the sheet hides (a hidden column loses a field to a visible one). */
  hiddenColumns?: readonly number[];
  /** 0-based rows the sheet hides (read, with a warning: hidden is not deleted). */
  hiddenRows?: readonly number[];
  /** The sheet has a filter (自动筛选) on: its hidden rows are the filter's, said once. */
  filtered?: true;
  /** Merged areas, 0-based and inclusive; every cell of one holds its first cell's text in `rows`. */
  merges?: readonly { r0: number; c0: number; r1: number; c1: number }[];
  /** The workbook hides the sheet (an old version kept out of sight): never picked by default. */
  hidden?: true;
  /** Cells with text written struck through (删除线), 0-based [row, column]: the city's way of deleting a row. */
  struck?: readonly (readonly [number, number])[];
}

/** A problem found in the file, in plain Chinese, naming sheet, row and column. */
export interface ImportIssue {
  sheet: string;
  /** 1-based row number as Excel shows it; undefined for the whole sheet. */
  row?: number;
  /** Column as Excel shows it plus its header, e.g. `B列（任务编号）`. */
  column?: string;
  message: string;
  /** `error` blocks the import; `warning` is shown but the rest can still be imported. */
  severity: 'error' | 'warning';
  /** What the issue is about, when the preview shows it by that part too: `scope`, what the list archives (删除). */
  about?: 'scope';
  /**
   * An error value (#REF!, #DIV/0!) read blank at this cell (0-based): it blocks the import only where
   * the table reads that column below its header (planSheet); elsewhere (a 完成率 column the import
   * does not read) `elsewhere` is said instead, as a warning.
   */
  errorCell?: { row: number; col: number; elsewhere: string };
}

/** What one column of the sheet holds. */
export interface ColumnMapping {
  /** 0-based column index. */
  column: number;
  /** Header text as written (two-row headers joined with `/`). */
  header: string;
  /** The field, or null when the column is ignored. */
  field: TaskFieldId | null;
  /** 0–1: 1 for an exact header name, lower for a guess. */
  confidence: number;
  /** The sheet hides the column. */
  hidden?: true;
  /**
   * The unit the column stands for in a matrix of units (责任单位 merged over 市教育局 | 市经信局 …, each
   * task's units ticked ✓): a marked cell adds it to the field's units. Such columns share the field.
   */
  unit?: string;
  /**
   * The column holds the old value of this field beside a column of its new value (原任务表述 |
   * 调整后任务表述, 完成时限 over 原时限 | 调整后): read where the new one is blank, says 不变, or 删除.
   */
  previousOf?: TaskFieldId;
}

/** The table found inside a sheet. */
export interface TableLayout {
  sheet: string;
  /** 0-based index of the first header row. */
  headerRow: number;
  /** 1 or 2 header rows. */
  headerRows: number;
  columns: ColumnMapping[];
  /** Whether the officer should look at the column mapping before going on. */
  needsReview: boolean;
  /**
   * What the guessed mapping should tell the officer (two columns like one field, a column of the
   * district's own units left out): carried into the plan when the officer keeps the guess.
   */
  guessNotes?: ImportIssue[];
}

/** The task fields of one data row, as read (trimmed text). */
export type RowFields = Partial<Record<TaskFieldId, string>>;

/** One data row of the imported table. */
export interface ImportedRow {
  /** 1-based sheet row number. */
  row: number;
  fields: RowFields;
  /** The section heading row above it (一、…), when the sheet groups rows that way. */
  sectionHeading?: string;
  /** The list gives this row no title: `fields.title` is the lead sentence of its text (see diffTask). */
  titleFromText?: true;
  /** The city's revision mark on the row (备注 删除, a name ending （新增）): `written` as in the file, in `column`. */
  revision?: { mark: 'dropped' | 'new'; written: string; column: string };
  /** The sheet hides the row (by hand or by a filter): a visible row listing the same task wins over it. */
  hidden?: true;
}

/** How a row was matched to an existing task. */
export type MatchHow = 'key' | 'number' | 'text';

/** A task the import adds // 新增. */
export interface PlannedAdd {
  id: string;
  row: number;
  task: Task;
}

/** A task the import changes // 修改, field by field. */
export interface PlannedUpdate {
  id: string;
  row: number;
  before: Task;
  after: Task;
  changedFields: TaskFieldId[];
  /** The task was archived (dropped by an earlier list) and is listed again. */
  restored: boolean;
  how: MatchHow;
  confidence: number;
}

/**
 * A task whose empty fields the list fills in // 补充 (the ledger had nothing there: not a
 * change by the city). Applied by default; `after` is `before` with only these fields set.
 */
export interface PlannedFill {
  id: string;
  row: number;
  before: Task;
  after: Task;
  filledFields: TaskFieldId[];
}

/**
 * A unit written under another name // 名称统一: one entry per pair, not per task. `rows` are
 * the list's rows using the old name; `keys` the ledger tasks that still store it (their
 * names are unified when the officer keeps 名称统一 on). Never counted as a change.
 */
export interface PlannedRename {
  from: string;
  to: string;
  rows: number[];
  keys: string[];
}

/** A ledger task whose stored unit names become the canonical ones (part of 名称统一). */
export interface PlannedUnify {
  key: string;
  before: Task;
  after: Task;
}

/** Why a task's relevance to the district changes. */
export type RelevanceCause = 'fields' | 'archived' | 'added' | 'restored';

/**
 * A task that stops (`lost`) or starts (`gained`) concerning the officer's district if the
 * plan is applied as shown // 与本区相关的变化, with the relevance reasons before and after.
 */
export interface PlannedRelevanceChange {
  id: string;
  key: string;
  /** The list's row, when the task is in the list. */
  row?: number;
  change: 'lost' | 'gained';
  cause: RelevanceCause;
  /** The fields whose new value makes the difference (cause `fields`). */
  fields: TaskFieldId[];
  before: string[];
  after: string[];
}

/** A task no longer in the list // 删除: archived, never deleted. */
export interface PlannedRemove {
  id: string;
  before: Task;
  after: Task;
  /** The task's row is still in the list, marked dropped by the city (备注 删除): that row and the mark as written. */
  row?: number;
  mark?: string;
}

/** A row identical to its task // 未变. */
export interface PlannedUnchanged {
  id: string;
  row: number;
  task: Task;
  how: MatchHow;
  confidence: number;
}

/** A candidate task for an ambiguous row, with its similarity. */
export interface MatchCandidate {
  task: Task;
  confidence: number;
  how: MatchHow;
}

/** A row the program cannot match with certainty // 需确认: the officer chooses. */
export interface PlannedAmbiguous {
  id: string;
  row: number;
  fields: RowFields;
  /** The task this row would create if the officer chooses 作为新增. */
  asNew: Task;
  candidates: MatchCandidate[];
  /** The document resolved for the row, if any (for diffs against a chosen candidate). */
  documentId?: string;
  /** The row's title was cut from its text (ImportedRow.titleFromText). */
  titleFromText?: true;
}

/** The whole import as a value. */
export interface ImportPlan {
  fileName: string;
  sheet: string;
  added: PlannedAdd[];
  updated: PlannedUpdate[];
  /** Empty ledger fields the list fills in (补充), apart from what the city changed. */
  filled: PlannedFill[];
  /** Unit renames (名称统一), once per pair. */
  renamed: PlannedRename[];
  /** Ledger tasks whose stored unit names are unified (written with 名称统一). */
  unified: PlannedUnify[];
  removed: PlannedRemove[];
  /** Matched tasks the city did not change (a rename or a filled blank is not a change). */
  unchanged: PlannedUnchanged[];
  /** Tasks that stop or start concerning `district` when the plan is applied as shown. */
  relevanceChanged: PlannedRelevanceChange[];
  /** The district relevance was judged for. */
  district?: string;
  ambiguous: PlannedAmbiguous[];
  issues: ImportIssue[];
  /** Documents the list covers: only their tasks can be 删除. */
  scopeDocumentIds: string[];
  /** Documents created for rows naming an unknown document (or none at all). */
  newDocuments: PolicyDocument[];
  /** When the plan was made; written as updatedAt of every changed task. */
  at: string;
}

/** The decision id of the whole 名称统一 group. */
export const RENAME_GROUP_ID = 'renamed';

/** The officer's choices on the preview. */
export interface ImportDecisions {
  /** Ids of plan entries (added/updated/filled/removed, or RENAME_GROUP_ID) the officer skipped. */
  skipped: ReadonlySet<string>;
  /** Ambiguous row id → chosen task key, `new`, or `skip`. Unset = not yet decided. */
  choices: Readonly<Record<string, string>>;
}

/** Exactly what will be written: the accepted part of a plan. */
export interface AcceptedImport {
  fileName: string;
  /** Tasks to write (added, updated, archived), in plan order. */
  tasks: Task[];
  addedKeys: string[];
  /** Tasks the city changed (修改). */
  updatedKeys: string[];
  /** Tasks written only for 补充 or 名称统一 (no change by the city). */
  filledKeys: string[];
  archivedKeys: string[];
  /** Documents to create (only those some accepted new task uses). */
  documents: PolicyDocument[];
}
