/**
 * Plan an import: match the rows of the city's list to the tasks already in the ledger
 * (任务编号, then document + number, then text similarity) and diff them field by field.
 * The result is the ImportPlan the preview shows; finalizePlan turns the officer's choices
 * into exactly what will be written. Progress is never part of a plan.
 */
import { taskCode, type Cluster, type PolicyDocument, type Section, type Task } from '../model';
import type { TaskFieldId } from '../fields';
import { DEFAULT_UNIT_RENAMES, canonicaliseUnit, type UnitRename, type UnitRenames } from '../unit-names';
import { markedLeadUnits, readUnitList, type ReadUnits } from '../policy/units';
import { chineseToInt } from '../policy/layouts';
import { taskRelevance } from '../policy/relevance';
import { documentTaskKey, isKeyableNumber, sharedKeyPrefix } from '../policy/parse';
import { PLAN_LIMITS } from '../limits';
import { memoByString } from '../memo';
import { IMPORT_MESSAGES as M } from './messages';
import { bigramText, compoundItem, documentCore, documentName, halfWidthDigits, isPlaceholderCell, normalizeNumber, normalizeText } from './normalize';
import { deadlineDate, planYearOf } from '../deadline';
import { createBigramCoder, type BigramBag } from './bigram-index';
import { firstSentence } from './find-table';
import { sectionRevisionMark } from './revision-marks';
import { RENAME_GROUP_ID } from './types';
import type {
  AcceptedImport,
  ImportDecisions,
  ImportIssue,
  ImportPlan,
  ImportedRow,
  MatchCandidate,
  MatchHow,
  PlannedAmbiguous,
  PlannedRelevanceChange,
  PlannedRename,
  RowFields,
} from './types';

/** Text similarity at or above which a row is the same task without asking. */
export const TEXT_SURE = 0.8;
/** Below TEXT_SURE but at or above this, the officer chooses. */
export const TEXT_MAYBE = 0.45;
/** A document + number match counts when the texts are at least this similar. */
export const NUMBER_TEXT_MIN = 0.4;
/** A document is covered by the list (its missing tasks become 删除) when this share of its tasks is matched. */
export const SCOPE_SHARE = 0.5;

/** A document of which a list matches at least this share (but under SCOPE_SHARE) is said to be listed only in part. */
export const PARTIAL_SHARE = 0.2;

/** A list naming no document whose sure matches are at least this share in one document speaks for that document only. */
export const ONE_DOCUMENT_SHARE = 0.8;

/** The task-owned fields an import may change, in display order. */
export const IMPORTED_FIELDS: readonly TaskFieldId[] = ['document', 'number', 'title', 'text', 'leadUnits', 'responsibleUnits', 'deadline'];

/** What planImport needs. */
export interface PlanInput {
  fileName: string;
  sheet: string;
  rows: readonly ImportedRow[];
  /**
   * The rows' numbers are their 序号 (find-table numbersFromSeq: no 条目 or 任务编号 column). They
   * are kept only when they are the list's 条目, not a running count (listSeqIsNumber).
   */
  numbersFromSeq?: boolean;
  /** Issues already found while reading the sheet (carried into the plan). */
  issues?: readonly ImportIssue[];
  /** Every task in the ledger, archived ones too. */
  existing: readonly Task[];
  documents: readonly PolicyDocument[];
  sections?: readonly Section[];
  /** Document for new rows that name none (the officer's choice); default: the one most rows match. */
  defaultDocumentId?: string;
  /** The 任务编号 column as the officer sees it (B列（任务编号）), named when a code is another task's. */
  keyColumn?: string;
  /** ISO time of the plan. */
  now: string;
  /**
   * The one year the list's title names (2023年…任务分解表, listYear): dates a deadline written
   * without its year (6月30日前, 年底前, 三季度). Default: a one-year plan's year (planYearOf).
   */
  year?: number;
  /**
   * Whether the list speaks for a task, so that its absence means the city dropped it.
   * A list titled for one district covers only that district's tasks (see listDistrict).
   * Default: every task of the documents the list covers.
   */
  covers?: (task: Task) => boolean;
  /** The district whose list `covers` reads the list as, and the row above the header naming it (said in the plan). */
  coverage?: { district: string; row: number };
  /** The unit rename table (built-in + the officer's); default: the built-in pairs. */
  renames?: UnitRenames;
  /** The officer's district: tasks that stop or start concerning it are listed. */
  district?: string;
  /** The clusters (any district's: only `district`'s count) for relevance. */
  clusters?: readonly Cluster[];
  /**
   * Score every row against its shortlist, exact matches too (the planner before exact matches
   * were taken first). Only for the test that compares the two on every fixture.
   */
  scoreEveryRow?: boolean;
}

/**
 * Unit cells as read (readUnitList) and unit names made canonical, per rename table. A city's
 * list repeats the same few unit cells on thousands of rows; reading each once keeps the plan
 * linear in rows. The results are shared: never change them.
 */
const unitMemo = new WeakMap<UnitRenames, { lists: (cell: string) => ReadUnits; names: (name: string) => string }>();
/** Entries kept per table before it starts over (a bound on memory across imports). */
const UNIT_MEMO_MAX = 20_000;
function unitMemoOf(renames: UnitRenames) {
  let memo = unitMemo.get(renames);
  if (!memo)
    unitMemo.set(
      renames,
      (memo = {
        lists: memoByString((cell) => readUnitList(spacedUnits(cell), renames), UNIT_MEMO_MAX),
        names: memoByString((name) => canonicaliseUnit(name, renames), UNIT_MEMO_MAX),
      }),
    );
  return memo;
}
function readUnits(cell: string | undefined, renames: UnitRenames): ReadUnits {
  return unitMemoOf(renames).lists(cell ?? '');
}

/**
 * A unit cell whose names are parted by spaces only (市发改委 市科技创新局 市财政局), with 、 between
 * them: every part long enough to be a unit's name (3 characters or more, 团市委 included). A
 * space inside a name written with its note (市科技局 （牵头）) is kept.
 */
export function spacedUnits(cell: string | undefined): string | undefined {
  if (!cell || !/[^\s、，,；;]\s+[^\s、，,；;]/u.test(cell.trim())) return cell;
  const parts = cell.trim().split(/\s+/u);
  return parts.every((p) => p.length >= 3 && !/^[（(]/u.test(p)) ? parts.join('、') : cell;
}
function canonicalUnit(name: string, renames: UnitRenames): string {
  return unitMemoOf(renames).names(name);
}

const unitsEqual = (a: readonly string[], b: readonly string[]) => a.join('、') === b.join('、');
/** The same units in any order. */
const sameUnitSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((u) => b.includes(u));

/** A deadline that says only a date: 2023年底前, 2023年12月底前, 2023年12月31日, 2023/12/31, 到2027年, 2027年前完成. */
const PLAIN_DEADLINE = /^(到|至|于|在|截至|截止到?)?(\d{4}[-/.年](\d{1,2}[-/.月]?(\d{1,2}日?)?)?(底|末)?(前|以前|之前)?)(完成)?$/;

function deadlineEqual(task: Task, v: string): boolean {
  if (v === task.deadlineText || v === task.deadline) return true;
  const n = normalizeText(v);
  if (n === normalizeText(task.deadlineText) || n === normalizeText(task.deadline)) return true;
  // The same date written another way (2023年底前 = 2023年12月底前 = 2023/12/31) is no change.
  const stored = normalizeText(task.deadlineText || task.deadline);
  return PLAIN_DEADLINE.test(n) && (!task.deadlineText || PLAIN_DEADLINE.test(stored)) && !!task.deadline && deadlineDate(v) === task.deadline;
}

/** A text without its lead sentence when that sentence is the title (“标题。正文” → “正文”), normalised. */
function textBody(text: string, title: string): string {
  const t = normalizeText(text);
  const head = normalizeText(title);
  if (!head || !t.startsWith(head)) return t;
  const rest = t.slice(head.length);
  return /^[。.;；:：,，!！]/u.test(rest) ? rest.replace(/^[。.;；:：,，!！]+/u, '') : t;
}

/**
 * Whether a row's text is the task's: the same when normalised, or the same once the lead sentence
 * naming the title is left out on either side (a list with 任务名称 beside 具体内容 writes the
 * content without the title sentence the ledger's text starts with).
 */
function sameText(text: string, title: string, task: Task): boolean {
  const n = normalizeText(text);
  const stored = normalizeText(task.text);
  if (n === stored) return true;
  const body = textBody(stored, task.title);
  return (body !== stored && body === n) || (!!title && textBody(n, title) === (body !== stored ? body : stored));
}

/** Copy `fields` of `from` onto a copy of `base`. */
export function patchTask(base: Task, from: Task, fields: readonly TaskFieldId[]): Task {
  const out: Task = { ...base, leadUnits: [...base.leadUnits], responsibleUnits: [...base.responsibleUnits] };
  for (const f of fields)
    switch (f) {
      case 'document':
        out.documentId = from.documentId;
        break;
      case 'number':
        out.number = from.number;
        break;
      case 'title':
        out.title = from.title;
        break;
      case 'text':
        out.text = from.text;
        break;
      case 'leadUnits':
        out.leadUnits = [...from.leadUnits];
        break;
      case 'responsibleUnits':
        out.responsibleUnits = [...from.responsibleUnits];
        break;
      case 'deadline':
        if (from.deadline) out.deadline = from.deadline;
        else delete out.deadline;
        if (from.deadlineText) out.deadlineText = from.deadlineText;
        else delete out.deadlineText;
        break;
      default:
        break;
    }
  return out;
}

/** A task's stored unit names made canonical (名称统一 on the ledger's side); the task itself when they are. */
export function unifyUnits(task: Task, renames: UnitRenames = DEFAULT_UNIT_RENAMES): Task {
  // Another city's document (外地文件): its 市科技局 is not Wuhan's; its names stay as written.
  if (task.issuedElsewhere) return task;
  // Most tasks already name their units canonically, once each: the task itself, not a copy.
  const canonical = (list: readonly string[]) => list.every((u, i) => canonicalUnit(u, renames) === u && list.indexOf(u) === i);
  if (canonical(task.leadUnits) && canonical(task.responsibleUnits)) return task;
  const canon = (list: readonly string[]) => [...new Set(list.map((u) => canonicalUnit(u, renames)))];
  return { ...task, leadUnits: canon(task.leadUnits), responsibleUnits: canon(task.responsibleUnits) };
}

const withoutUnits = (list: readonly string[], drop: readonly string[]) => list.filter((u) => !drop.includes(u));

/** What a row does to a task. */
export interface TaskDiff {
  /** The task with every change, fill and unified name applied. */
  after: Task;
  /** Fields the city changed (修改): the ledger had another value. */
  changed: TaskFieldId[];
  /** Fields the ledger had empty and the list fills in (补充). */
  filled: TaskFieldId[];
  /** Unit names the row writes under an old name. */
  renamed: UnitRename[];
  /** Whether the ledger itself stores a unit under an old name. */
  unify: boolean;
}

/**
 * The task after applying a row's fields, split into what the city changed, what it only
 * filled in where the ledger was empty, and unit renames (which are not changes: unit names
 * are compared canonical). An empty cell never clears a field (a missing value in the city's
 * list is not an instruction to erase).
 */
export function diffTask(
  task: Task,
  fields: RowFields,
  documentId: string | undefined,
  now: string,
  renames: UnitRenames = DEFAULT_UNIT_RENAMES,
  titleFromText = false,
  year?: number,
): TaskDiff {
  const stored = unifyUnits(task, renames);
  const unify = !unitsEqual(stored.leadUnits, task.leadUnits) || !unitsEqual(stored.responsibleUnits, task.responsibleUnits);
  const after: Task = { ...stored };
  const changed: TaskFieldId[] = [];
  const filled: TaskFieldId[] = [];
  const renamed: UnitRename[] = [];
  const mark = (f: TaskFieldId, wasEmpty: boolean) => (wasEmpty ? filled : changed).push(f);
  if (documentId && documentId !== task.documentId) {
    after.documentId = documentId;
    changed.push('document');
  }
  if (fields.number && fields.number !== task.number && normalizeNumber(fields.number) !== normalizeNumber(task.number)) {
    after.number = fields.number;
    mark('number', !task.number.trim());
  }
  // A title cut from the row's text (the list has none) never changes the task's; nor does a row
  // whose one task cell holds the task's whole text (标题和正文写在同一格).
  const words = rowWords(fields);
  const wholeTextInTitle = !fields.text && !!fields.title && normalizeText(fields.title) === normalizeText(task.text);
  if (!titleFromText && !words.titleCut && !wholeTextInTitle && words.title && words.title !== task.title && normalizeText(words.title) !== normalizeText(task.title)) {
    after.title = words.title;
    mark('title', !task.title.trim());
  }
  if (words.text && words.text !== task.text && !sameText(words.text, words.title, task)) {
    after.text = words.text;
    mark('text', !task.text.trim());
  }
  const cells = unitCells(fields, renames);
  for (const f of ['leadUnits', 'responsibleUnits'] as const) {
    const cell = f === 'leadUnits' ? cells.lead : cells.responsible;
    if (!cell) continue;
    const read = readUnits(cell, renames);
    renamed.push(...read.renamed);
    if (read.units.length === 0 || unitsEqual(read.units, stored[f])) continue;
    // 责任单位 in another order (a task over several rows, each with its units) is the same list; so
    // is 责任单位 written with the lead units in it and the ledger's without them. The order of the
    // 牵头单位 is kept: the first named leads.
    if (f === 'responsibleUnits' && sameUnitSet(withoutUnits(read.units, after.leadUnits), withoutUnits(stored[f], after.leadUnits))) continue;
    after[f] = [...read.units];
    mark(f, stored[f].length === 0);
  }
  if (fields.deadline && !deadlineEqual(task, fields.deadline)) {
    after.deadlineText = fields.deadline;
    const d = deadlineDate(fields.deadline, year);
    if (d) after.deadline = d;
    else delete after.deadline;
    mark('deadline', !task.deadline && !task.deadlineText?.trim());
  }
  if (changed.length > 0 || filled.length > 0 || unify || task.archived) after.updatedAt = now;
  if (task.archived) delete after.archived;
  return { after, changed, filled, renamed, unify };
}

/**
 * The lead and responsible units a row gives. One column may carry both, the lead marked
 * (市科技局（牵头）、市发改委): under 责任单位, or under 牵头（责任）单位 / 牵头单位及责任单位 (read as
 * 牵头单位). `shared`: the lead is marked inside the responsible units (not listed apart).
 */
function unitCells(fields: RowFields, renames: UnitRenames): { lead?: string; responsible?: string; shared: boolean } {
  if (fields.leadUnits) {
    const marked = markedLeadUnits(fields.leadUnits, renames);
    if (marked.length === 0) return { lead: fields.leadUnits, responsible: fields.responsibleUnits, shared: false };
    // The marked units lead; the cell as a whole is who is responsible, when no column says it apart.
    return fields.responsibleUnits
      ? { lead: marked.join('、'), responsible: fields.responsibleUnits, shared: false }
      : { lead: marked.join('、'), responsible: fields.leadUnits, shared: true };
  }
  return { lead: markedLeadUnits(fields.responsibleUnits, renames).join('、') || undefined, responsible: fields.responsibleUnits, shared: true };
}

/** The label of the lead units in a unit cell written as documents write them (牵头单位：…). */
const LEAD_LABEL = /(?:牵头单位|牵头部门|牵头)\s*[:：]/u;
/** The label of the other units after them (；责任单位：…, 配合单位：…). */
const OTHER_LABEL = /[；;，,。\s]*(?:责任单位|责任部门|配合单位|配合部门|参与单位|协同单位|协办单位|配合|参与|协办)\s*[:：]/u;

/** A unit cell that opens with the label of its units (（责任单位：…). */
const ONLY_OTHER_LABEL = /^[（(]?\s*(?:责任单位|责任部门|配合单位|配合部门|参与单位)\s*[:：]/u;

/**
 * A row whose unit cell is written as a document writes its units, labelled (牵头单位：市科技局；责任单位：
 * 市发改委、…), under 责任单位 or 牵头单位: the labelled parts are its lead and responsible units, as if
 * written in two columns (a column of its own for the other part wins). The same object when none is.
 */
export function splitLabelledUnits(fields: RowFields): RowFields {
  const from = (['responsibleUnits', 'leadUnits'] as const).find((f) => fields[f] && LEAD_LABEL.test(fields[f]!));
  if (!from) {
    // （责任单位：市科技局，市发改委…） alone: the units without their label.
    const label = fields.responsibleUnits ? ONLY_OTHER_LABEL.exec(fields.responsibleUnits.trim()) : null;
    return label ? { ...fields, responsibleUnits: fields.responsibleUnits!.trim().slice(label[0].length).replace(/[）)]$/u, '') } : fields;
  }
  const cell = fields[from]!.trim().replace(/^[（(]|[）)]$/gu, '');
  const lead = LEAD_LABEL.exec(cell)!;
  const afterLead = cell.slice(lead.index + lead[0].length);
  const other = OTHER_LABEL.exec(afterLead);
  const out: RowFields = { ...fields };
  const leadPart = (other ? afterLead.slice(0, other.index) : afterLead).replace(/[；;，,。\s]+$/u, '');
  const otherPart = other ? afterLead.slice(other.index + other[0].length).replace(/[；;，,。\s]+$/u, '') : '';
  if (from === 'leadUnits' || !fields.leadUnits) out.leadUnits = leadPart;
  if (from === 'responsibleUnits') {
    if (otherPart) out.responsibleUnits = otherPart;
    else delete out.responsibleUnits;
  } else if (otherPart && !fields.responsibleUnits) out.responsibleUnits = otherPart;
  return out;
}

/** The fields of a row without placeholder cells (the same object when it has none). */
function withoutPlaceholders(fields: RowFields): RowFields {
  if (Object.values(fields).every((v) => v && !isPlaceholderCell(v))) return fields;
  const out: RowFields = {};
  for (const [f, v] of Object.entries(fields) as [keyof RowFields, string | undefined][]) if (v && !isPlaceholderCell(v)) out[f] = v;
  return out;
}

/**
 * Resolves a 文件 cell to a document id: short title, full title, 文号 or id, as written or as
 * cities write them (in 《》 or quotes, the title followed by its 文号: documentName).
 */
function documentResolver(documents: readonly PolicyDocument[]) {
  const byName = new Map<string, string>();
  const byLooseName = new Map<string, string>();
  // The same names as their own titles read (documentCore): a cell citing the notice that issued one.
  const byCore = new Map<string, string>();
  const byNumber = new Map<string, string>();
  // The names without the city, a year span in brackets or 关于 (looseDocumentName).
  const bareNames: { name: string; id: string }[] = [];
  for (const d of documents) {
    for (const name of [d.id, d.shortTitle, d.title, d.docNumber]) if (name) byName.set(normalizeText(name), d.id);
    for (const name of [d.shortTitle, d.title]) {
      const loose = name ? documentName(name).name : '';
      if (loose && !byLooseName.has(loose)) byLooseName.set(loose, d.id);
      const core = loose ? documentCore(loose) : '';
      if (core && !byCore.has(core)) byCore.set(core, d.id);
      const bare = core ? looseDocumentName(core) : '';
      if (bare) bareNames.push({ name: bare, id: d.id });
    }
    const num = d.docNumber ? documentName(d.docNumber).docNumber : undefined;
    if (num && !byNumber.has(num)) byNumber.set(num, d.id);
  }
  /**
   * A name as the city shortens a title (2023年科技创新工作要点 for 2023年武汉市科技创新工作要点, …意见 without
   * 关于推进, …行动方案 without its years): the one document whose bare name is it, or holds it, or is held by
   * it; never by a name shorter than LOOSE_NAME_MIN (工作要点 names no one document).
   */
  const byBareName = (core: string): string | undefined => {
    const name = looseDocumentName(core);
    if (name.length < LOOSE_NAME_MIN) return undefined;
    const ids = (test: (n: string) => boolean) => [...new Set(bareNames.filter((l) => test(l.name)).map((l) => l.id))];
    const same = ids((n) => n === name);
    if (same.length > 0) return same.length === 1 ? same[0] : undefined;
    const near = ids((n) => n.length >= LOOSE_NAME_MIN && (n.includes(name) || name.includes(n)));
    return near.length === 1 ? near[0] : undefined;
  };
  return (cell: string | undefined) => {
    if (!cell) return undefined;
    const exact = byName.get(normalizeText(cell));
    if (exact) return exact;
    const { name, docNumber } = documentName(cell);
    return (name ? (byLooseName.get(name) ?? byCore.get(documentCore(name)) ?? byBareName(documentCore(name))) : undefined) ?? (docNumber ? byNumber.get(docNumber) : undefined);
  };
}

/** The fewest characters a shortened document name has to name one document (documentResolver). */
const LOOSE_NAME_MIN = 8;

/**
 * A document's name as compared loosely: without the city it is issued in (武汉市, 我市), a span of
 * years in brackets ((2025-2027年)), 关于 at its start.
 */
function looseDocumentName(core: string): string {
  return core
    .replace(/[(（]\d{4}年?(?:[-—–~～至到]\d{4}年?)?[)）]/gu, '')
    .replace(/武汉市|武汉|我市|全市|本市/gu, '')
    .replace(/^关于/u, '');
}

/** Text used for similarity. */
const rowText = (f: RowFields) => `${f.title ?? ''}${f.text ?? ''}`;
const taskText = (t: Task) => `${t.title}${t.text}`;

/** A task cell longer than this, with a sentence before its end, is a paragraph, not a title. */
const PARAGRAPH_CELL = 40;

/** How many of a row's rarest bigrams choose its shortlist of candidate tasks. */
const RARE_BIGRAMS = 32;
/** How many tasks a row's shortlist holds. */
const SHORTLIST = 8;
/** A row's bigrams, for the index. */
interface RowBags {
  /** The row's text as bigrams are taken (bigramText). */
  cut: string;
  /** A task whose cut is the row's (most rows of a list): its bag is the row's. */
  task?: number;
  /** The row's own bag, when no task has its cut. */
  own?: BigramBag;
  /** The title alone, for a row without text. */
  title?: BigramBag;
}

/** A bigram index of the tasks: a shortlist per row and the similarity of a row to a task. */
function buildIndex(tasks: readonly Task[]) {
  const coder = createBigramCoder();
  const cuts = tasks.map((t) => bigramText(taskText(t)));
  // A task's bag is made when a row is first compared with it (most rows are their task's text
  // and are compared with none): a ledger's bags made all at once were two arrays of 19 MB at
  // 10,000 tasks, written into fresh memory, which the AMD bench machine pays for page by page.
  const bags: (BigramBag | undefined)[] = new Array<BigramBag | undefined>(tasks.length);
  const bagOf = (i: number): BigramBag => (bags[i] ??= coder.bagOfCut(cuts[i]!));
  // The first task whose text a cut is, and the one task it is (-1: several tasks have that text).
  const firstOfCut = new Map<string, number>();
  const taskOfCut = new Map<string, number>();
  cuts.forEach((c, i) => {
    if (!firstOfCut.has(c)) firstOfCut.set(c, i);
    taskOfCut.set(c, taskOfCut.has(c) ? -1 : i);
  });
  // The text as written of each task whose cut is its own: a row written the same way is that
  // task without cutting its text (the same text gives the same cut).
  const taskOfText = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (taskOfCut.get(cuts[i]!) === i) taskOfText.set(taskText(t), i);
  });
  // The tasks holding each bigram, by bigram number, in task order: bigram g's tasks are
  // postings[start[g]] … postings[start[g + 1] - 1] (one array for the whole ledger). Two passes
  // over the texts: how many tasks hold each bigram, then which.
  let held = new Int32Array(4096);
  for (const c of cuts)
    for (const g of coder.distinctOfCut(c)) {
      if (g >= held.length) {
        const grown = new Int32Array(held.length * 2);
        grown.set(held);
        held = grown;
      }
      held[g]!++;
    }
  const indexed = coder.size();
  const start = new Int32Array(indexed + 1);
  for (let g = 0; g < indexed; g++) start[g + 1] = start[g]! + held[g]!;
  const postings = new Int32Array(start[indexed]!);
  const next = start.slice(0, indexed);
  cuts.forEach((c, i) => {
    for (const g of coder.distinctOfCut(c)) postings[next[g]!++] = i;
  });
  /** How many tasks hold bigram g (0 for a bigram only rows have). */
  const holders = (g: number) => (g < indexed ? start[g + 1]! - start[g]! : 0);
  /** The bag of a row's whole text. */
  const wholeOf = (row: RowBags): BigramBag => row.own ?? bagOf(row.task!);
  const titleBags: (BigramBag | undefined)[] = [];
  const textBags: (BigramBag | undefined)[] = [];
  // Shared bigram-hit counters, reset after each shortlist (a Map per row made a 10,000-row import take minutes).
  const hits = new Uint32Array(tasks.length);
  const touched: number[] = [];
  /**
   * The row's bigrams with the rarest posting lists (at most RARE_BIGRAMS), rarest first; all of
   * them, in first-seen order, when there are no more than that. Of the bigrams tied at the last
   * rarity taken, those taken are spread evenly over the row (in first-seen order), so that a row
   * merging two tasks' texts finds both, not only the first.
   */
  const rareBigrams = (bag: BigramBag): number[] => {
    const held: number[] = [];
    for (const g of bag.ids) if (holders(g) > 0) held.push(g);
    // Only the row's rarest bigrams pick the shortlist: a bigram in many tasks (科技, 创新 …) says
    // little and, counted for every row, made a 10,000-row import take minutes.
    if (held.length <= RARE_BIGRAMS) return held;
    // The RARE_BIGRAMS shortest lists as a stable sort by length would put them first, without sorting them all.
    const lengths = new Int32Array(held.length);
    for (let k = 0; k < held.length; k++) lengths[k] = holders(held[k]!);
    const limit = lengths.sort()[RARE_BIGRAMS - 1]!;
    let ties = RARE_BIGRAMS;
    let tied = 0;
    for (const g of held) {
      if (holders(g) < limit) ties--;
      else if (holders(g) === limit) tied++;
    }
    const rare: number[] = [];
    // The k-th tied bigram is taken when it reaches the next of `ties` even steps over the `tied` ones.
    let k = 0;
    let taken = 0;
    for (const g of held) {
      const n = holders(g);
      if (n < limit) rare.push(g);
      else if (n === limit) {
        if (taken < ties && Math.floor((k * ties) / tied) === taken) {
          rare.push(g);
          taken++;
        }
        k++;
      }
    }
    return rare.sort((a, b) => holders(a) - holders(b));
  };
  return {
    /** The bags of a row (title + text with its first-seen order; the title alone when it has no text). */
    rowBags(f: RowFields): RowBags {
      const written = rowText(f);
      const same = f.text ? taskOfText.get(written) : undefined;
      if (same !== undefined) return { cut: cuts[same]!, task: same };
      const cut = bigramText(written);
      const of = firstOfCut.get(cut);
      const out: RowBags = of !== undefined ? { cut, task: of } : { cut, own: coder.bagOfCut(cut) };
      if (!f.text) out.title = coder.bag(f.title ?? '');
      return out;
    },
    /**
     * The one task whose text is exactly the row's (normalised), when the row has a text: its
     * similarity is 1 and no other task's can be (no other task has that text). Undefined when no
     * task or several tasks have it, or the row has only a title (a title may equal another task's title).
     */
    exactTask(row: RowBags): number | undefined {
      if (row.title) return undefined;
      const i = taskOfCut.get(row.cut);
      return i === undefined || i < 0 ? undefined : i;
    },
    /** Similarity of a row to task i (bag i; titles of `t`): whole texts, or title against title / text when the row has no text. */
    similarity(row: RowBags, i: number, t: Task = tasks[i]!): number {
      const whole = coder.dice(wholeOf(row), bagOf(i));
      if (!row.title) return whole;
      const title = t === tasks[i] ? (titleBags[i] ??= coder.bag(t.title)) : coder.bag(t.title);
      const text = t === tasks[i] ? (textBags[i] ??= coder.bag(t.text)) : coder.bag(t.text);
      return Math.max(whole, coder.dice(row.title, title), coder.dice(row.title, text));
    },
    /** The `size` allowed tasks sharing most of the row's rarest bigrams, ties in first-hit order. */
    shortlist(row: RowBags, allowed: (t: Task) => boolean, size = SHORTLIST): number[] {
      touched.length = 0;
      for (const g of rareBigrams(wholeOf(row)))
        for (let k = start[g]!; k < start[g + 1]!; k++) {
          const i = postings[k]!;
          if (hits[i]!++ === 0) touched.push(i);
        }
      const top: number[] = [];
      for (const i of touched) {
        const n = hits[i]!;
        if (top.length === size && hits[top[size - 1]!]! >= n) continue;
        if (!allowed(tasks[i]!)) continue;
        let k = top.length;
        while (k > 0 && hits[top[k - 1]!]! < n) k--;
        top.splice(k, 0, i);
        if (top.length > size) top.pop();
      }
      for (const i of touched) hits[i] = 0;
      return top;
    },
  };
}

/**
 * What a row says of a task's title and text. A row with one task cell holding a whole paragraph
 * ("加快建设概念验证中心。支持高校…", no text column) gives the paragraph as the text and its lead
 * sentence as the title, as the policy parser names such a task (`titleCut`: the title is only
 * that cut, so it names a new task but never changes a task's title).
 */
function rowWords(f: RowFields): { title: string; text?: string; titleCut: boolean } {
  const title = f.title ?? '';
  if (f.text) return { title, text: f.text, titleCut: false };
  const lead = firstSentence(title);
  return title.length > PARAGRAPH_CELL && lead.length < title.length - 1 ? { title: lead, text: title, titleCut: true } : { title, titleCut: false };
}

/**
 * Whether the 序号 of a list (PlanInput.numbersFromSeq) are its tasks' 条目 rather than a running
 * count of its rows: no 序号 is written twice in a document (a count restarting in each section
 * is), and every row matched to a ledger task has that task's 条目 (a count renumbered after a
 * dropped or added task has not). A running count is no number: it never changes a task's 条目
 * and never numbers a new task.
 */
function listSeqIsNumber(matches: readonly RowMatch[], seqOf: ReadonlyMap<ImportedRow, string>): boolean {
  const seen = new Set<string>();
  for (const m of matches) {
    const seq = seqOf.get(m.row);
    if (seq === undefined) continue;
    const at = `${m.documentId ?? m.definite?.task.documentId ?? ''}|${normalizeNumber(seq)}`;
    if (seen.has(at)) return false;
    seen.add(at);
    if (m.definite && normalizeNumber(seq) !== normalizeNumber(m.definite.task.number)) return false;
  }
  return true;
}

interface RowMatch {
  row: ImportedRow;
  documentId?: string;
  definite?: MatchCandidate;
  candidates: MatchCandidate[];
}

/** Build the import plan for the rows of one sheet. */
export function planImport(input: PlanInput): ImportPlan {
  const first = planOnce(input);
  // A department the list writes by its full name wherever the ledger has the short one (市经济和信息化局
  // for 市经信局, never writing 市经信局) is the same department: planned again with that pair, as
  // 名称统一, not a change of every task naming it, and said.
  const renames = input.renames ?? DEFAULT_UNIT_RENAMES;
  // The other way too: the list's short form of the ledger's full name is the ledger's name.
  const full = first.hints.filter((h) => isShortFormOf(h.from, h.to) || isShortFormOf(h.to, h.from));
  if (full.length === 0) return first.plan;
  const table = new Map(renames);
  for (const h of full) {
    if (isShortFormOf(h.from, h.to)) table.set(h.from, h.to);
    else table.set(h.to, h.from);
  }
  const { plan } = planOnce({ ...input, renames: table });
  plan.issues.push(
    ...full.map((h) => ({ sheet: input.sheet, row: h.rows[0], message: M.fullNameRename(input.sheet, h.from, h.to, h.keys.length, h.rows, isShortFormOf(h.from, h.to)), severity: 'warning' as const })),
  );
  return plan;
}

/** An item cited with its document (2023年工作要点第3项, 科教人才优势转化意见（第五条）): the document as written and the item. */
export function citedItem(cell: string | undefined): { document: string; number: string } | undefined {
  const m = /^(.{2,}?)[\s,，、]*[(（]?第\s*([0-9０-９]+|[一二三四五六七八九十百]+)\s*(?:项|条|点|款)[)）]?$/u.exec(cell?.trim() ?? '');
  if (!m) return undefined;
  const n = halfWidthDigits(m[2]!);
  const number = /^\d+$/u.test(n) ? String(Number(n)) : String(chineseToInt(n) ?? '');
  return number && number !== '0' ? { document: m[1]!.trim(), number } : undefined;
}

/** Whether two rows say the same in every field but 序号 (and neither is marked by the city). */
function sameRow(a: ImportedRow, b: ImportedRow): boolean {
  if (a.revision || b.revision) return false;
  const fieldsOf = (r: ImportedRow) => Object.entries(r.fields).filter(([f, v]) => f !== 'seq' && v);
  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  return fa.length === fb.length && fa.every(([f, v]) => b.fields[f as TaskFieldId] === v);
}

/**
 * Whether `short` is the usual short form of the department `full` (市经信局 of 市经济和信息化局, 市发改委
 * of 市发展和改革委员会): the same first two characters, its characters in order inside the full name,
 * and the same kind of body at the end (局 … 局, 委 … 委员会).
 */
export function isShortFormOf(short: string, full: string): boolean {
  // The first word's head too: 市数据局 is no short form of 市政务服务大数据局 (a body renamed, for the officer to record).
  if (short.length < 3 || short.length >= full.length || short[0] !== full[0] || short[1] !== full[1]) return false;
  const end = short.at(-1)!;
  if (!(full.endsWith(end) || (end === '委' && full.endsWith('委员会')))) return false;
  let k = 0;
  for (const ch of full) if (ch === short[k]) k++;
  return k === short.length;
}

/** A unit the list writes under one other name everywhere (renameHints), with its rows and tasks. */
interface RenameHint {
  from: string;
  to: string;
  rows: number[];
  keys: string[];
}

function planOnce(input: PlanInput): { plan: ImportPlan; hints: RenameHint[] } {
  const { existing, documents, now, sheet } = input;
  // A placeholder (—, 无) stands for nothing, wherever the rows came from.
  // A number that is the row's 序号 is set aside until the list's 序号 are known to be its 条目 (step 1b).
  const seqOf = new Map<ImportedRow, string>();
  const citations = new Set<string>();
  const rows = input.rows.map((r) => {
    let fields = splitLabelledUnits(withoutPlaceholders(r.fields));
    // 任务来源 citing one item (2023年工作要点第3项): the document and the task's 条目, not a list of the whole document.
    const cited = citedItem(fields.document);
    if (cited) {
      fields = { ...fields, document: cited.document, ...(fields.number ? {} : { number: cited.number }) };
      citations.add(cited.document);
    }
    // ２０２６年６月底前: the digits as the ledger writes them.
    if (fields.deadline && /[０-９]/u.test(fields.deadline)) fields = { ...fields, deadline: halfWidthDigits(fields.deadline) };
    if (input.numbersFromSeq && fields.number && fields.seq && normalizeNumber(fields.number) === normalizeNumber(fields.seq)) {
      const { number, ...rest } = fields;
      fields = rest;
      const row = { ...r, fields };
      seqOf.set(row, compoundItem(number) ?? number);
      return row;
    }
    // A number written with its section (（二）5, 1-3) is weighed as a 序号 is: its item is the
    // task's 条目 only when the list's items agree with the ledger (listSeqIsNumber).
    const item = compoundItem(fields.number);
    if (item !== undefined) {
      const rest = { ...fields };
      delete rest.number;
      const row = { ...r, fields: rest };
      seqOf.set(row, item);
      return row;
    }
    return fields === r.fields ? r : { ...r, fields };
  });
  const issues: ImportIssue[] = [...(input.issues ?? [])];
  const resolveDocument = documentResolver(documents);
  const yearOf = (documentId: string) => input.year ?? planYearOf(documents.find((d) => d.id === documentId));
  const newDocuments = new Map<string, PolicyDocument>();
  const explicitDocs = new Set<string>();
  // Documents whose tasks the rows cite item by item (督办: 任务来源 2023年工作要点第3项).
  const citedDocs = new Set<string>();
  const renames = input.renames ?? DEFAULT_UNIT_RENAMES;
  const byKey = new Map(existing.map((t) => [t.key, t]));
  // A 任务编号 cell may hold the visible number of a task an earlier import added (taskCode).
  const byCode = new Map<string, Task | null>();
  for (const t of existing) if (t.displayKey) byCode.set(t.displayKey, byCode.has(t.displayKey) ? null : t);
  const byDocNumber = new Map<string, Task>();
  for (const t of existing) if (t.number) byDocNumber.set(`${t.documentId}|${normalizeNumber(t.number)}`, t);
  const index = buildIndex(existing);
  const position = new Map(existing.map((t, i) => [t.key, i]));

  // 1. Resolve documents and find each row's candidates.
  const unknownAt = new Map<string, { row: number; name: string; rows: number }>();
  const matches: RowMatch[] = rows.map((row) => {
    const f = row.fields;
    let documentId = resolveDocument(f.document);
    if (f.document && !documentId) {
      const name = f.document.trim();
      let doc = newDocuments.get(normalizeText(name));
      if (!doc) {
        // A new document is titled as written, without the 《》 around its name.
        doc = newDocument(name.replace(/[《》]/gu, '').trim() || name, input.fileName, now, documents.length + newDocuments.size + 1);
        newDocuments.set(normalizeText(name), doc);
        // Said once the rows are counted (below), at the document's first row.
        unknownAt.set(doc.id, { row: row.row, name, rows: 0 });
      }
      unknownAt.get(doc.id)!.rows++;
      documentId = doc.id;
    }
    // A document only cited item by item (督办 sheets: 任务来源) is no list of all its tasks.
    if (documentId && !citations.has(f.document ?? '')) explicitDocs.add(documentId);
    else if (documentId) citedDocs.add(documentId);
    const m: RowMatch = { row, documentId, candidates: [] };
    const keyed = f.key ? (byKey.get(f.key.trim()) ?? byCode.get(f.key.trim()) ?? undefined) : undefined;
    const allowed = (t: Task) => !documentId || t.documentId === documentId;
    if (keyed) {
      // A 任务编号 is trusted unless the row is surely another task by its words and hardly the
      // coded one (two codes swapped when the list was re-sorted): then the words decide, and the plan says so.
      const bags = index.rowBags(f);
      if (index.similarity(bags, position.get(keyed.key)!, keyed) < NUMBER_TEXT_MIN) {
        const [best, second] = index
          .shortlist(bags, (t) => allowed(t) && t !== keyed)
          .map((i) => ({ task: existing[i]!, confidence: index.similarity(bags, i), how: 'text' as MatchHow }))
          .sort((a, b) => b.confidence - a.confidence);
        if (best && best.confidence >= TEXT_SURE && (!second || best.confidence - second.confidence >= 0.08)) {
          const column = input.keyColumn ?? '';
          issues.push({ sheet, row: row.row, column, message: M.keyOfOtherTask(sheet, row.row, column, f.key!.trim(), keyed, best.task), severity: 'warning' });
          m.definite = best;
          return m;
        }
      }
      m.definite = { task: keyed, confidence: 1, how: 'key' };
      return m;
    }
    const bags = index.rowBags(f);
    const numbered = documentId && f.number ? byDocNumber.get(`${documentId}|${normalizeNumber(f.number)}`) : undefined;
    // Exact matches first: a row whose text is exactly one task's (and whose number, if it points
    // at a task, points at that one) is that task, without scoring it against the others.
    const exact = input.scoreEveryRow ? undefined : index.exactTask(bags);
    if (exact !== undefined && allowed(existing[exact]!) && (!numbered || numbered === existing[exact])) {
      m.definite = { task: existing[exact]!, confidence: 1, how: numbered ? 'number' : 'text' };
      return m;
    }
    const scored = index
      .shortlist(bags, allowed)
      .map((i) => ({ task: existing[i]!, confidence: index.similarity(bags, i), how: 'text' as MatchHow }))
      .sort((a, b) => b.confidence - a.confidence);
    if (numbered) {
      const sim = index.similarity(bags, position.get(numbered.key)!, numbered);
      if (sim >= NUMBER_TEXT_MIN && (scored[0]?.task === numbered || (scored[0]?.confidence ?? 0) < TEXT_SURE)) {
        m.definite = { task: numbered, confidence: Math.max(0.9, sim), how: 'number' };
        return m;
      }
    }
    const [best, second] = scored;
    if (best && best.confidence >= TEXT_SURE && (!second || best.confidence - second.confidence >= 0.08)) m.definite = best;
    else m.candidates = scored.filter((c) => c.confidence >= TEXT_MAYBE * 0.8).slice(0, 4);
    if (m.candidates.length > 0 && m.candidates[0]!.confidence < TEXT_MAYBE) m.candidates = [];
    return m;
  });

  for (const u of unknownAt.values()) issues.push({ sheet, row: u.row, message: M.unknownDocument(sheet, u.row, u.name, u.rows), severity: 'warning' });
  // A row the city marks new (新增, under 二、新增任务) that is surely no ledger task is added, not asked about.
  for (const m of matches) if (m.row.revision?.mark === 'new' && !m.definite) m.candidates = [];

  // 1b. Rows that name no document: their number within the list's main document. A 序号 is
  // a number only when the list's 序号 are its 条目 (listSeqIsNumber); then it numbers these rows too.
  const docVotes = new Map<string, number>();
  for (const m of matches) if (m.definite) docVotes.set(m.definite.task.documentId, (docVotes.get(m.definite.task.documentId) ?? 0) + 1);
  const mainDoc = input.defaultDocumentId ?? [...docVotes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const seqNumbered = new Set<RowMatch>();
  if (seqOf.size > 0 && listSeqIsNumber(matches, seqOf))
    for (const m of matches) {
      const seq = seqOf.get(m.row);
      if (seq === undefined) continue;
      m.row = { ...m.row, fields: { ...m.row.fields, number: seq } };
      seqNumbered.add(m);
    }
  // A list naming no document whose sure matches are nearly all one document's is that document's
  // list: another document's task is no rival for a row whose number names one of its own.
  const sureCount = matches.filter((m) => m.definite).length;
  const mainDocList = mainDoc !== undefined && sureCount > 0 && (docVotes.get(mainDoc) ?? 0) >= ONE_DOCUMENT_SHARE * sureCount;
  const otherDocument = (m: RowMatch, task: Task) => mainDocList && !m.documentId && task.documentId !== mainDoc;
  if (mainDoc || seqNumbered.size > 0)
    for (const m of matches) {
      if ((m.documentId && !seqNumbered.has(m)) || !m.row.fields.number) continue;
      // A row giving only a title, matched by it alone to another document's task (a short title the
      // same as one of its tasks' titles), is matched again by its number below, when that number is
      // the main document's. A row with its text keeps its text match.
      if (m.definite && !(m.definite.how === 'text' && !m.row.fields.text && otherDocument(m, m.definite.task))) continue;
      const doc = m.documentId ?? mainDoc;
      if (!doc) continue;
      const numbered = byDocNumber.get(`${doc}|${normalizeNumber(m.row.fields.number)}`);
      if (!numbered) continue;
      const sim = index.similarity(index.rowBags(m.row.fields), position.get(numbered.key)!, numbered);
      const best = m.definite ? undefined : m.candidates.find((c) => !otherDocument(m, c.task));
      if (sim >= NUMBER_TEXT_MIN && (!best || best.task === numbered || best.confidence < sim + 0.1)) {
        m.definite = { task: numbered, confidence: Math.max(0.9, sim), how: 'number' };
        m.candidates = [];
      }
    }

  // 2. One task per row: when two rows claim the same task, the surer one keeps it.
  const claimed = new Map<string, RowMatch>();
  const displaced = new Set<RowMatch>();
  // A hidden row listing the task a visible row lists too (the old row kept out of sight beside its revised copy).
  const superseded: { m: RowMatch; by: number }[] = [];
  // A row repeating, field for field, the row that claims its task (one row per task and district, the
  // 区 column not read; the same task copied twice) is that task once, not a second claim on it.
  const repeats: { m: RowMatch; of: number }[] = [];
  for (const m of [...matches].filter((x) => x.definite).sort((a, b) => b.definite!.confidence - a.definite!.confidence)) {
    const key = m.definite!.task.key;
    const holder = claimed.get(key);
    if (!holder) claimed.set(key, m);
    else if (sameRow(m.row, holder.row)) repeats.push({ m, of: Math.min(holder.row.row, m.row.row) });
    else if (!!m.row.hidden !== !!holder.row.hidden) {
      // The visible row is the list's: the hidden one yields to it, whichever matched more surely.
      const [shown, hidden] = m.row.hidden ? [holder, m] : [m, holder];
      claimed.set(key, shown);
      superseded.push({ m: hidden, by: shown.row.row });
    } else {
      displaced.add(m);
      m.candidates = [m.definite!];
      delete m.definite;
    }
  }
  if (superseded.length > 0) {
    const gone = new Set(superseded.map((x) => x.m));
    matches.splice(0, matches.length, ...matches.filter((m) => !gone.has(m)));
    for (const { m, by } of superseded) {
      // Said instead of the hidden row's own warning (that it was read as a task).
      const said = issues.findIndex((i) => i.row === m.row.row && i.message === M.hiddenRow(sheet, m.row.row));
      if (said >= 0) issues.splice(said, 1);
      issues.push({ sheet, row: m.row.row, message: M.hiddenRowSuperseded(sheet, m.row.row, by), severity: 'warning' });
    }
  }
  if (repeats.length > 0) {
    const at = repeats.map((r) => r.m.row.row).sort((a, b) => a - b);
    const first = repeats.find((r) => r.m.row.row === at[0])!;
    issues.push({ sheet, row: at[0], message: M.repeatedRows(sheet, at, first.of), severity: 'warning' });
    const dropped = new Set(repeats.map((r) => r.m));
    matches.splice(0, matches.length, ...matches.filter((m) => !dropped.has(m)));
  }
  // An unsure row is not asked about tasks other rows surely are, nor (in a list that is
  // essentially one document, naming none) about another document's tasks: it is new.
  const sure = [...claimed.values()];
  const oneDocument = mainDoc !== undefined && sure.length > 0 && sure.filter((m) => m.definite!.task.documentId === mainDoc).length >= ONE_DOCUMENT_SHARE * sure.length;
  for (const m of matches)
    if (!m.definite && !displaced.has(m))
      m.candidates = m.candidates.filter((c) => !claimed.has(c.task.key) && !(oneDocument && !m.documentId && c.task.documentId !== mainDoc && c.confidence < TEXT_SURE));

  // 2b. A list asking for more confirmations than anyone would make one by one is refused here,
  // before the plan is built and shown (a 99,000-row list once asked for 98,980).
  const toConfirm = matches.filter((m) => !m.definite && m.candidates.length > 0).length;
  if (toConfirm > PLAN_LIMITS.maxConfirmations)
    return { plan: { ...emptyPlan(input.fileName, sheet, now), district: input.district, issues: [{ sheet, message: M.tooManyConfirmations(sheet, toConfirm, PLAN_LIMITS.maxConfirmations), severity: 'error' }] }, hints: [] };

  // 3. Which documents the list covers, and where new rows go.
  const matchedPerDoc = new Map<string, number>();
  for (const m of claimed.values()) matchedPerDoc.set(m.definite!.task.documentId, (matchedPerDoc.get(m.definite!.task.documentId) ?? 0) + 1);
  const activePerDoc = new Map<string, number>();
  for (const t of existing) if (!t.archived) activePerDoc.set(t.documentId, (activePerDoc.get(t.documentId) ?? 0) + 1);
  // A document only cited item by item (督办) is a selection, whatever share of it is cited: it never
  // archives the tasks it does not cite.
  const citedOnly = (doc: string) => citedDocs.has(doc) && !explicitDocs.has(doc);
  const scope = new Set(explicitDocs);
  for (const [doc, n] of matchedPerDoc) if (!citedOnly(doc) && n >= SCOPE_SHARE * (activePerDoc.get(doc) ?? 0)) scope.add(doc);
  const dominant = [...matchedPerDoc.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  let fallbackDoc = input.defaultDocumentId ?? dominant;
  if (!fallbackDoc && matches.some((m) => !m.definite && !m.documentId)) {
    const name = input.fileName.replace(/\.[^.]+$/, '');
    const doc = newDocument(name, input.fileName, now, documents.length + newDocuments.size + 1);
    newDocuments.set(normalizeText(name), doc);
    fallbackDoc = doc.id;
  }

  // 4. New tasks: keys, order, section.
  const usedKeys = new Set(existing.map((t) => t.key));
  const nextOrder = new Map<string, number>();
  for (const t of existing) nextOrder.set(t.documentId, Math.max(nextOrder.get(t.documentId) ?? 0, t.order + 1));
  const keyPrefix = `IMP${now.slice(0, 10).replace(/-/g, '')}-`;
  let keySeq = 0;
  // A task added to a known document is keyed as the document's own tasks are (2023GZYD-23), so it
  // prints like its neighbours; tasks keyed inside the app (an earlier import's) say nothing of the scheme.
  const docPrefix = new Map<string, string | undefined>();
  const prefixOf = (docId: string) => {
    if (!docPrefix.has(docId)) {
      const keys = existing.filter((t) => t.documentId === docId && !t.displayKey).map((t) => t.key);
      docPrefix.set(docId, keys.length > 0 ? sharedKeyPrefix(keys) : undefined);
    }
    return docPrefix.get(docId);
  };
  const sectionsOf = (docId: string) => (input.sections ?? []).filter((s) => s.documentId === docId);
  const makeNew = (m: RowMatch): Task => {
    const f = m.row.fields;
    const documentId = m.documentId ?? fallbackDoc!;
    let key = f.key?.trim();
    // The list's own number stays the visible 任务编号 when the key has to be internal.
    const listNumber = key || f.number?.trim();
    const prefix = !key && f.number && isKeyableNumber(f.number) ? prefixOf(documentId) : undefined;
    if (prefix && !usedKeys.has(documentTaskKey(prefix, f.number!.trim()))) key = documentTaskKey(prefix, f.number!.trim());
    if (!key || usedKeys.has(key)) {
      do key = `${keyPrefix}${String(++keySeq).padStart(3, '0')}`;
      while (usedKeys.has(key));
    }
    usedKeys.add(key);
    const order = nextOrder.get(documentId) ?? 1;
    nextOrder.set(documentId, order + 1);
    const heading = f.section ?? m.row.sectionHeading;
    const section = heading ? sectionsOf(documentId).find((s) => normalizeText(heading).includes(normalizeText(s.title))) : undefined;
    const words = rowWords(f);
    const cells = unitCells(f, renames);
    const leadUnits = [...readUnits(cells.lead, renames).units];
    const responsibleUnits = [...readUnits(cells.responsible, renames).units];
    const task: Task = {
      key,
      documentId,
      number: f.number ?? '',
      order,
      title: words.title,
      text: words.text ?? words.title,
      leadUnits,
      // 责任单位 written with its lead marked (市科技局（牵头）、各区人民政府): the lead is not listed twice.
      responsibleUnits: cells.shared ? withoutUnits(responsibleUnits, leadUnits) : responsibleUnits,
      origin: 'import',
      updatedAt: now,
    };
    if (listNumber && key.startsWith(keyPrefix)) task.displayKey = listNumber;
    if (section) task.sectionId = section.id;
    if (f.deadline) {
      task.deadlineText = f.deadline;
      const d = deadlineDate(f.deadline, yearOf(documentId));
      if (d) task.deadline = d;
    }
    return task;
  };

  // 5. The plan.
  const plan: ImportPlan = {
    ...emptyPlan(input.fileName, sheet, now),
    issues,
    scopeDocumentIds: [...scope].filter((d) => !newDocuments.has(d)),
    newDocuments: [...newDocuments.values()],
  };
  const pairs = new Map<string, { from: string; to: string; rows: Set<number>; keys: Set<string> }>();
  const notePair = (r: UnitRename, row?: number, key?: string) => {
    let p = pairs.get(r.from);
    if (!p) pairs.set(r.from, (p = { from: r.from, to: r.to, rows: new Set(), keys: new Set() }));
    if (row !== undefined) p.rows.add(row);
    if (key !== undefined) p.keys.add(key);
  };
  for (const m of matches) {
    const id = `row-${m.row.row}`;
    // A row the city marked dropped (备注 删除, 已取消, 并入第5项): its task is archived, whatever the list's scope.
    const revision = m.row.revision;
    if (revision?.mark === 'dropped') {
      const task = m.definite?.task;
      if (task && !task.archived) plan.removed.push({ id: `task-${task.key}`, before: task, after: { ...task, archived: true, updatedAt: now }, row: m.row.row, mark: revision.written });
      else if (task) plan.unchanged.push({ id, row: m.row.row, task, how: m.definite!.how, confidence: m.definite!.confidence });
      else {
        const near = m.candidates[0]?.task;
        issues.push({ sheet, row: m.row.row, column: revision.column, message: M.droppedUnmatched(sheet, m.row.row, revision.column, revision.written, m.row.fields.title ?? '', near && `${taskCode(near)}“${near.title}”`), severity: 'warning' });
      }
      continue;
    }
    for (const f of ['leadUnits', 'responsibleUnits'] as const) for (const r of readUnits(m.row.fields[f], renames).renamed) notePair(r, m.row.row);
    if (m.definite) {
      const { task, how, confidence } = m.definite;
      const d = diffTask(task, m.row.fields, m.documentId, now, renames, m.row.titleFromText, yearOf(m.documentId ?? task.documentId));
      if (d.changed.length > 0 || task.archived) {
        const after = { ...patchTask(task, d.after, d.changed), updatedAt: now };
        delete after.archived;
        plan.updated.push({ id, row: m.row.row, before: task, after, changedFields: d.changed, restored: !!task.archived, how, confidence });
      } else plan.unchanged.push({ id, row: m.row.row, task, how, confidence });
      if (d.filled.length > 0) plan.filled.push({ id: `fill-${id}`, row: m.row.row, before: task, after: { ...patchTask(task, d.after, d.filled), updatedAt: now }, filledFields: d.filled });
      if (d.unify) {
        plan.unified.push({ key: task.key, before: task, after: { ...unifyUnits(task, renames), updatedAt: now } });
        for (const u of [...task.leadUnits, ...task.responsibleUnits]) {
          const to = canonicalUnit(u, renames);
          if (to !== u) notePair({ from: u, to }, undefined, task.key);
        }
      }
    } else if (m.candidates.length > 0) {
      const entry: PlannedAmbiguous = { id, row: m.row.row, fields: m.row.fields, asNew: makeNew(m), candidates: m.candidates };
      if (m.documentId) entry.documentId = m.documentId;
      if (m.row.titleFromText) entry.titleFromText = true;
      plan.ambiguous.push(entry);
    } else plan.added.push({ id, row: m.row.row, task: makeNew(m) });
  }
  plan.renamed = [...pairs.values()].map((p): PlannedRename => ({ from: p.from, to: p.to, rows: [...p.rows], keys: [...p.keys] }));
  let keptOutside = 0;
  for (const t of existing)
    if (!t.archived && scope.has(t.documentId) && !claimed.has(t.key)) {
      if (input.covers?.(t) ?? true) plan.removed.push({ id: `task-${t.key}`, before: t, after: { ...t, archived: true, updatedAt: now } });
      else keptOutside++;
    }
  // Say whose list it was read as, and which documents it lists too little of to archive anything.
  if (input.coverage) issues.push({ sheet, row: input.coverage.row, message: M.districtList(sheet, input.coverage.row, input.coverage.district, keptOutside), severity: 'warning', about: 'scope' });
  const removedDocs = new Set(plan.removed.map((r) => r.before.documentId));
  const changesList = input.rows.some((r) => sectionRevisionMark(r.sectionHeading) !== undefined);
  for (const [doc, n] of matchedPerDoc) {
    const total = activePerDoc.get(doc) ?? 0;
    const d = () => documents.find((x) => x.id === doc);
    const name = () => d()?.shortTitle || d()?.title || doc;
    // A document cited item by item is a 督办 selection: its other tasks are kept, nothing to add to make it a whole list.
    if (citedOnly(doc)) {
      if (n < total) issues.push({ sheet, message: M.citedItems(sheet, name(), n, total), severity: 'warning', about: 'scope' });
    } else if (changesList && !scope.has(doc)) {
      // A list of changes (一、调整任务 / 二、新增任务 / 三、删除任务) names only what changes: the rest stands, nothing to add.
      if (n < total) issues.push({ sheet, message: M.changesList(sheet, name(), n, total), severity: 'warning', about: 'scope' });
    } else if (!scope.has(doc) && n >= PARTIAL_SHARE * total && n >= 2) issues.push({ sheet, message: M.partialList(sheet, name(), n, total), severity: 'warning', about: 'scope' });
    // A document the 文件 column names is covered whatever share the list has: when that is under half, say so.
    else if (explicitDocs.has(doc) && n < SCOPE_SHARE * total && removedDocs.has(doc))
      issues.push({ sheet, message: M.partialNamedList(sheet, name(), n, total), severity: 'warning', about: 'scope' });
  }
  const hints = renameHints(plan, matches, renames);
  issues.push(...hints.map((h) => ({ sheet, row: h.rows[0], message: M.renameHint(sheet, h.from, h.to, h.keys.length, h.rows), severity: 'warning' as const })));
  if (input.district) {
    plan.district = input.district;
    plan.relevanceChanged = relevanceChanges(plan, { skipped: new Set(), choices: {} }, input.district, input.clusters ?? []);
  }
  return { plan, hints };
}

/** How many tasks must show the same unit written under one other name before it is said to be a rename. */
const RENAME_HINT_TASKS = 2;

/**
 * Units the list writes under another name everywhere (市委金融办 wherever the ledger has 市地方金融局,
 * which the list never writes), on at least RENAME_HINT_TASKS changed tasks: likely renamed. Said
 * once per pair, naming the rows, so that the officer can record the rename (设置 → 单位名称对照)
 * and import again, rather than accept every task as changed.
 */
function renameHints(plan: ImportPlan, matches: readonly RowMatch[], renames: UnitRenames): RenameHint[] {
  const written = new Set<string>();
  for (const m of matches) for (const f of ['leadUnits', 'responsibleUnits'] as const) for (const u of readUnits(m.row.fields[f], renames).units) written.add(u);
  const pairs = new Map<string, { to: Set<string>; rows: Set<number>; keys: Set<string> }>();
  for (const u of plan.updated)
    for (const f of ['leadUnits', 'responsibleUnits'] as const) {
      if (!u.changedFields.includes(f)) continue;
      const before = unifyUnits(u.before, renames)[f];
      const after = u.after[f];
      if (before.length !== after.length) continue;
      before.forEach((from, i) => {
        const to = after[i]!;
        if (from === to || after.includes(from) || before.includes(to) || written.has(from)) return;
        let p = pairs.get(from);
        if (!p) pairs.set(from, (p = { to: new Set(), rows: new Set(), keys: new Set() }));
        p.to.add(to);
        p.rows.add(u.row);
        p.keys.add(u.before.key);
      });
    }
  const out: RenameHint[] = [];
  for (const [from, p] of pairs) {
    if (p.to.size !== 1 || p.keys.size < RENAME_HINT_TASKS) continue;
    out.push({ from, to: [...p.to][0]!, rows: [...p.rows].sort((a, b) => a - b), keys: [...p.keys] });
  }
  return out.sort((a, b) => a.rows[0]! - b.rows[0]!);
}

/** Every task the accepted part of a plan writes, as written, keyed by task key (plan order). */
function writtenTasks(plan: ImportPlan, decisions: ImportDecisions): Map<string, Task> {
  const on = (id: string) => !decisions.skipped.has(id);
  const out = new Map<string, Task>();
  const base = (t: Task) => out.get(t.key) ?? t;
  for (const u of plan.updated)
    if (on(u.id)) {
      const t = { ...patchTask(base(u.before), u.after, u.changedFields), updatedAt: plan.at };
      delete t.archived; // a restored task is listed again
      out.set(u.before.key, t);
    }
  for (const f of plan.filled) if (on(f.id)) out.set(f.before.key, { ...patchTask(base(f.before), f.after, f.filledFields), updatedAt: plan.at });
  if (on(RENAME_GROUP_ID))
    for (const u of plan.unified) {
      const cur = base(u.before);
      const fields = (['leadUnits', 'responsibleUnits'] as const).filter((f) => cur[f] === u.before[f] || unitsEqual(cur[f], u.before[f]));
      out.set(u.key, { ...patchTask(cur, u.after, fields), updatedAt: plan.at });
    }
  return out;
}

const RELEVANCE_FIELDS: readonly TaskFieldId[] = ['title', 'text', 'leadUnits', 'responsibleUnits'];

/**
 * The tasks that stop or start concerning `district` if the plan is written with these
 * decisions: changed fields (with the fields that differ), archived tasks, added tasks.
 */
export function relevanceChanges(plan: ImportPlan, decisions: ImportDecisions, district: string, clusters: readonly Cluster[]): PlannedRelevanceChange[] {
  const own = clusters.filter((c) => c.district === district);
  const rel = (t: Task) => taskRelevance(t, district, own);
  const on = (id: string) => !decisions.skipped.has(id);
  const out: PlannedRelevanceChange[] = [];
  const rows = new Map<string, number>();
  const befores = new Map<string, Task>();
  for (const u of plan.unified) befores.set(u.key, u.before);
  for (const u of [...plan.updated, ...plan.filled]) {
    rows.set(u.before.key, u.row);
    befores.set(u.before.key, u.before);
  }
  for (const [key, after] of writtenTasks(plan, decisions)) {
    const before = befores.get(key)!;
    const a = rel(before);
    const b = rel(after);
    if (before.archived && !after.archived && b.relevant) {
      // An archived task listed again comes back into the district's ledger and reports.
      const entry: PlannedRelevanceChange = { id: `relevance-${key}`, key, change: 'gained', cause: 'restored', fields: [], before: [], after: b.reasons };
      const row = rows.get(key);
      if (row !== undefined) entry.row = row;
      out.push(entry);
      continue;
    }
    if (a.relevant === b.relevant) continue;
    const fields = RELEVANCE_FIELDS.filter((f) => JSON.stringify(patchTask(before, after, [f])) !== JSON.stringify(before));
    const entry: PlannedRelevanceChange = { id: `relevance-${key}`, key, change: a.relevant ? 'lost' : 'gained', cause: 'fields', fields, before: a.reasons, after: b.reasons };
    const row = rows.get(key);
    if (row !== undefined) entry.row = row;
    out.push(entry);
  }
  for (const r of plan.removed)
    if (on(r.id) && rel(r.before).relevant)
      out.push({ id: `relevance-${r.before.key}`, key: r.before.key, change: 'lost', cause: 'archived', fields: [], before: rel(r.before).reasons, after: [] });
  for (const a of plan.added)
    if (on(a.id) && rel(a.task).relevant)
      out.push({ id: `relevance-${a.task.key}`, key: a.task.key, row: a.row, change: 'gained', cause: 'added', fields: [], before: [], after: rel(a.task).reasons });
  return out;
}

function newDocument(name: string, fileName: string, now: string, n: number): PolicyDocument {
  return {
    id: `doc-imp-${now.slice(0, 19).replace(/\D/g, '')}-${n}`,
    title: name,
    shortTitle: name.length > 16 ? `${name.slice(0, 15)}…` : name,
    kind: 'other',
    source: fileName,
    addedAt: now,
  };
}

/** The plan's counts, for headings and the result message. */
export function planCounts(plan: ImportPlan) {
  return {
    added: plan.added.length,
    updated: plan.updated.length,
    filled: plan.filled.length,
    renamed: plan.renamed.length,
    removed: plan.removed.length,
    relevanceLost: plan.relevanceChanged.filter((r) => r.change === 'lost').length,
    unchanged: plan.unchanged.length,
    ambiguous: plan.ambiguous.length,
    errors: plan.issues.filter((i) => i.severity === 'error').length,
  };
}

/**
 * Exactly what to write, given the officer's choices: skipped entries are left out,
 * ambiguous rows follow their choice, and a task chosen for an ambiguous row is not archived.
 * Returns blocking issues when the plan has errors or a choice is still open.
 */
export function finalizePlan(
  plan: ImportPlan,
  decisions: ImportDecisions,
  renames: UnitRenames = DEFAULT_UNIT_RENAMES,
): { accepted?: AcceptedImport; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  if (plan.issues.some((i) => i.severity === 'error')) return { issues: plan.issues.filter((i) => i.severity === 'error') };
  const open = plan.ambiguous.filter((a) => !decisions.choices[a.id]);
  if (open.length > 0) return { issues: [{ sheet: plan.sheet, message: M.ambiguousChoiceMissing(open.length), severity: 'error' }] };
  const tasks: Task[] = [];
  const accepted: AcceptedImport = { fileName: plan.fileName, tasks, addedKeys: [], updatedKeys: [], filledKeys: [], archivedKeys: [], documents: [] };
  const on = (id: string) => !decisions.skipped.has(id);
  const taken = new Set<string>([...plan.updated.map((u) => u.before.key), ...plan.unchanged.map((u) => u.task.key)]);
  for (const a of plan.added) if (on(a.id)) {
    tasks.push(a.task);
    accepted.addedKeys.push(a.task.key);
  }
  const changedKeys = new Set(plan.updated.filter((u) => on(u.id)).map((u) => u.before.key));
  for (const [key, t] of writtenTasks(plan, decisions)) {
    tasks.push(t);
    (changedKeys.has(key) ? accepted.updatedKeys : accepted.filledKeys).push(key);
  }
  for (const a of plan.ambiguous) {
    const choice = decisions.choices[a.id]!;
    if (choice === 'skip') continue;
    if (choice === 'new') {
      tasks.push(a.asNew);
      accepted.addedKeys.push(a.asNew.key);
      continue;
    }
    const c = a.candidates.find((x) => x.task.key === choice);
    if (!c || taken.has(choice)) {
      issues.push({ sheet: plan.sheet, row: a.row, message: M.choiceTaken(a.row, choice), severity: 'warning' });
      continue;
    }
    taken.add(choice);
    // The officer chose this task for the row: the row's changes and fills are written together.
    const d = diffTask(c.task, a.fields, a.documentId, plan.at, renames, a.titleFromText);
    if (d.changed.length > 0 || d.filled.length > 0 || d.unify || c.task.archived) {
      tasks.push(d.after);
      accepted.updatedKeys.push(d.after.key);
    }
  }
  for (const r of plan.removed)
    if (on(r.id) && !taken.has(r.before.key)) {
      tasks.push(r.after);
      accepted.archivedKeys.push(r.after.key);
    }
  const usedDocs = new Set(tasks.map((t) => t.documentId));
  accepted.documents = plan.newDocuments.filter((d) => usedDocs.has(d.id));
  return { accepted, issues };
}

/** A plan with nothing in it yet. */
function emptyPlan(fileName: string, sheet: string, at: string): ImportPlan {
  return { fileName, sheet, added: [], updated: [], filled: [], renamed: [], unified: [], removed: [], unchanged: [], relevanceChanged: [], ambiguous: [], issues: [], scopeDocumentIds: [], newDocuments: [], at };
}
