/**
 * The ledger's rows: tasks joined with their document, section, this period's progress,
 * relevance and clusters; then filtered and searched. Plain functions, no React.
 */
import { taskCode, type Cluster, type PolicyDocument, type ProgressEntry, type Section, type Task, type TaskHead, type TaskStatus } from '@core/model';
import { canonicaliseUnit, DEFAULT_UNIT_RENAMES, unitNamesFor, type UnitRenames } from '@core/unit-names';
import { lazySearchKey, matchesSearch, parseQuery, SearchIndex, type SearchKey } from '@core/search';
import { isClosedIn } from '@core/closure';
import { isFilled, isOverdue } from '@core/progress';
import { districtsNamedIn } from '@core/policy/relevance';
import type { LedgerFilters } from '../../state/ledger';
import { clusterMatches } from '@core/policy/clusters';
import { taskRelevance } from '@core/policy/relevance';

/**
 * What a row is drawn from: the whole task, or at a start its head (no text) with what an
 * earlier start kept of it (relevance and clusters; storage's ledgerStart). The whole tasks
 * replace the heads a moment later.
 */
export type RowTask = Task | (TaskHead & { kept?: KeptInfo });

/** What an earlier start worked out of a whole task (storage's KeptTaskInfo). */
interface KeptInfo {
  relevant: boolean;
  reasons: string[];
  clusterNames: string[];
}

/** One row of the grid (of the whole tasks, or at a start of their heads). */
export interface LedgerRow<T extends RowTask = RowTask> {
  task: T;
  /** 序号: position in document order, 1-based. */
  seq: number;
  documentTitle: string;
  sectionTitle: string;
  progress: ProgressEntry | undefined;
  status: TaskStatus | undefined;
  percent: number | undefined;
  /** Something was filled in for this period. */
  filled: boolean;
  /** The earlier period the task was done in, when it has not been filled in since (doneEarlier): shown 已完成. */
  doneEarlier?: string;
  /** 逾期 (core/progress.ts isOverdue): deadline passed by the day judged on, not done now or earlier, not closed. */
  overdue: boolean;
  /** Closed (办结销号) by the end of the period: out of the period's lists unless 显示已销号. */
  closed: boolean;
  relevant: boolean;
  reasons: string[];
  clusterNames: string[];
  search: SearchKey;
}

/** Everything the rows are built from. */
export interface RowSources {
  tasks: readonly RowTask[];
  documents: readonly PolicyDocument[];
  sections: readonly Section[];
  progress: readonly ProgressEntry[];
  clusters: readonly Cluster[];
  district: string;
  periodEnd: string;
  /** The day 逾期 is judged on (overdueAsOf); the period's end when absent. */
  asOf?: string;
  /** Tasks done in an earlier period and not filled in since, with that period's id (doneEarlier). */
  doneBefore?: ReadonlyMap<string, string>;
  /** The rename table in force (the office's own pairs too): a unit is found under every name it had. Built-in when absent. */
  renames?: UnitRenames;
}

const searchCache = new Map<string, { stamp: string; key: SearchKey }>();

// A unit's names under the rename table in force (built-in and the office's own): the same few
// hundred units recur across 10,000 tasks, and each lookup walks the whole table, so each unit is
// looked up once per table.
const unitNames = new WeakMap<UnitRenames, Map<string, readonly string[]>>();
function allNamesOf(unit: string, renames: UnitRenames): readonly string[] {
  let cache = unitNames.get(renames);
  if (!cache) unitNames.set(renames, (cache = new Map()));
  let names = cache.get(unit);
  if (!names) {
    names = [unit, ...unitNamesFor(canonicaliseUnit(unit, renames), renames)];
    if (cache.size < 20_000) cache.set(unit, names);
  }
  return names;
}

/** What a rename table says, as one string: a search key made under another table is made again. */
const renamesStamps = new WeakMap<UnitRenames, string>();
function renamesStamp(renames: UnitRenames): string {
  let stamp = renamesStamps.get(renames);
  if (stamp === undefined) renamesStamps.set(renames, (stamp = [...renames].map(([from, to]) => `${from}>${to}`).join(',')));
  return stamp;
}

/** The long texts a task is searched in, wherever tasks are searched (the ledger, a cluster's 添加任务): its text, document, 任务编号 as shown, key and number. */
export function taskSearchLong(t: RowTask, docTitle: string): string[] {
  return [t.text ?? '', docTitle, taskCode(t), t.key, t.number];
}

/**
 * What a search looks in: title, units under every name they have had, the relevance reasons,
 * the clusters and the districts the task names (with pinyin), plus its full text, document and key.
 */
function searchKeyOf(t: RowTask, docTitle: string, reasons: readonly string[], clusterNames: readonly string[], renames: UnitRenames): SearchKey {
  // A head's key has no text to look in: never taken for its whole task's.
  const stamp = `${t.text === undefined ? 'head|' : ''}${t.updatedAt}|${docTitle}|${reasons.join('|')}|${clusterNames.join('|')}|${renamesStamp(renames)}`;
  const hit = searchCache.get(t.key);
  if (hit && hit.stamp === stamp) return hit.key;
  // Gathered on the first search (or when warmed after the first paint), not before the grid shows.
  const key = lazySearchKey(() => {
    // Every name a unit has had (市科技局 finds 市科技创新局), and the 任务编号 as shown (taskCode).
    const units = [...new Set([...t.leadUnits, ...t.responsibleUnits].flatMap((u) => allNamesOf(u, renames)))];
    const places = districtsNamedIn(`${t.title}${t.text ?? ''}`);
    return { short: [t.title, ...units, ...reasons, ...clusterNames, ...places], long: taskSearchLong(t, docTitle) };
  });
  searchCache.set(t.key, { stamp, key });
  return key;
}

/** Whether a row's task is the whole task (not a head drawn at a start). */
export function isWhole(t: RowTask): t is Task {
  return t.text !== undefined;
}

/** Whether a row is of a whole task (the task pane and anything that reads the text need one). */
export function isWholeRow(r: LedgerRow): r is LedgerRow<Task> {
  return isWhole(r.task);
}

const NOTHING_KEPT: KeptInfo = { relevant: false, reasons: [], clusterNames: [] };
function keptOf(head: RowTask): KeptInfo {
  return ('kept' in head && head.kept) || NOTHING_KEPT;
}

/** The part of a row that does not depend on the period (computed once per data change). */
export type TaskInfo<T extends RowTask = RowTask> = Omit<LedgerRow<T>, 'progress' | 'status' | 'percent' | 'filled' | 'overdue' | 'closed' | 'doneEarlier'>;

/** Join tasks with their document, section, relevance, clusters and search key. */
export function buildTaskInfos<T extends RowTask>(src: Omit<RowSources, 'progress' | 'periodEnd' | 'asOf' | 'doneBefore' | 'tasks'> & { tasks: readonly T[] }): TaskInfo<T>[] {
  const docs = new Map(src.documents.map((d) => [d.id, d]));
  const secs = new Map(src.sections.map((s) => [s.id, s]));
  return src.tasks.map((task, i) => {
    const doc = docs.get(task.documentId);
    const documentTitle = doc?.shortTitle || doc?.title || task.documentId;
    const sec = task.sectionId ? secs.get(task.sectionId) : undefined;
    // A head (no text) carries what was kept of its whole task; a whole task is judged (and remembered).
    const whole = isWhole(task) ? task : undefined;
    const { relevant, reasons } = whole ? taskRelevance(whole, src.district, src.clusters) : keptOf(task);
    const clusterNames = whole ? src.clusters.filter((c) => clusterMatches(c, whole, src.district)).map((c) => c.name) : keptOf(task).clusterNames;
    return {
      task,
      seq: i + 1,
      documentTitle,
      sectionTitle: sec ? `${sec.label}${/^[（(]|[、.．]$/.test(sec.label) ? '' : '、'}${sec.title}` : '',
      relevant,
      reasons,
      clusterNames,
      search: searchKeyOf(task, documentTitle, reasons, clusterNames, src.renames ?? DEFAULT_UNIT_RENAMES),
    };
  });
}

/**
 * Add the period's progress to the task infos (cheap: runs on every autosave). `asOf` is the day
 * 逾期 is judged on (overdueAsOf: today, or the period's end once it is over); `doneBefore` the
 * tasks done in an earlier period (doneEarlier), shown 已完成 and never 逾期.
 */
export function attachProgress<T extends RowTask>(infos: readonly TaskInfo<T>[], progress: readonly ProgressEntry[], periodEnd: string, asOf: string = periodEnd, doneBefore?: ReadonlyMap<string, string>): LedgerRow<T>[] {
  const prog = new Map(progress.map((p) => [p.taskKey, p]));
  return infos.map((info) => {
    const p = prog.get(info.task.key);
    const closed = isClosedIn(info.task, { end: periodEnd });
    const filled = isFilled(p);
    const earlier = filled ? undefined : doneBefore?.get(info.task.key);
    // Every field written out, in one order, rather than spread from the info: one object shape for
    // every row. The spread, with a field only some rows had, cost 35–53 ms for 10,000 rows each time
    // the rows are rebuilt (after the first row, on each autosave), about half that written out
    // (bench/NOTES.md, twenty-third session). A field added to TaskInfo must be added here too: the
    // LedgerRow type asks for a required one, not for an optional one.
    return {
      task: info.task,
      seq: info.seq,
      documentTitle: info.documentTitle,
      sectionTitle: info.sectionTitle,
      relevant: info.relevant,
      reasons: info.reasons,
      clusterNames: info.clusterNames,
      search: info.search,
      progress: p,
      status: p?.status,
      percent: p?.percent,
      filled,
      doneEarlier: earlier,
      overdue: isOverdue(info.task.deadline, { status: p?.status, percent: p?.percent, doneEarlier: !!earlier, closed }, asOf),
      closed,
    };
  });
}

/** Join tasks with everything the grid shows. */
export function buildRows<T extends RowTask>(src: Omit<RowSources, 'tasks'> & { tasks: readonly T[] }): LedgerRow<T>[] {
  return attachProgress(buildTaskInfos(src), src.progress, src.periodEnd, src.asOf, src.doneBefore);
}

/**
 * The search index of the task infos (and of the rows built from them, which keep their order):
 * build it once per list of infos and pass it to {@link filterRows}.
 */
export function buildSearchIndex(infos: readonly TaskInfo[]): SearchIndex {
  return new SearchIndex(infos.map((i) => i.search));
}

/**
 * The rows that pass the filters and the search. With `index` (built from the infos these rows
 * came from, same order) the search is answered by the index instead of scanning every key.
 */
export function filterRows(rows: readonly LedgerRow[], f: LedgerFilters, search: string, index?: SearchIndex): LedgerRow[] {
  const terms = parseQuery(search);
  const mask = index && terms.length > 0 ? index.match(terms) : undefined;
  return rows.filter(
    (r, i) =>
      (mask ? mask[i] === 1 : true) &&
      (f.documentIds.length === 0 || f.documentIds.includes(r.task.documentId)) &&
      (f.sectionIds.length === 0 || (r.task.sectionId !== undefined && f.sectionIds.includes(r.task.sectionId))) &&
      (f.statuses.length === 0 || f.statuses.includes(r.status ?? 'unset')) &&
      (f.leadUnits.length === 0 || r.task.leadUnits.some((u) => f.leadUnits.includes(u))) &&
      // 与本区相关: the tasks the period's report and the 工作台 hold (reportTasks): relevant, or filled in the period.
      (!f.relevantOnly || r.relevant || r.filled) &&
      (!f.overdueOnly || r.overdue) &&
      (!f.unfilledOnly || !r.filled) &&
      (f.showClosed ? true : !r.closed) &&
      (mask !== undefined || terms.length === 0 || matchesSearch(r.search, terms)),
  );
}
