/**
 * Report rows // 报表行: what each municipal report says for a district and period, as plain
 * values keyed by placeholder field. Built from tasks, progress, targets and clusters.
 */
import { progressFieldValue, taskFieldText, type TaskFieldId } from '../fields';
import { isClosedIn } from '../closure';
import { isFilled, isOverdue, periodStatus, PERIOD_STATUSES, PERIOD_STATUS_LABELS, statusPercentClash } from '../progress';
import { parsePeriodId } from '../period';
import { compareTasks } from '../tasks';
import { isCityOffice } from '../districts';
import { ROW_PLACEHOLDERS } from './placeholders';
import {
  STATUS_LABELS,
  TASK_STATUSES,
  taskCode,
  type Cluster,
  type ClusterIndicator,
  type ClusterIndicatorValue,
  type ClusterProgress,
  type PolicyDocument,
  type ProgressEntry,
  type ReportingPeriod,
  type Target,
  type Task,
} from '../model';
import { taskRelevance } from '../policy/relevance';
import { clusterMatches } from '../policy/clusters';
import { PACE_LABELS } from '../indicators/pace';
import { buildDistrictIndicators, indicatorStillAsked, indicatorValue, judgeIndicator, SCOPE_LABELS, targetText, comparedValue, indicatorAboveWhole, type DistrictIndicator, type DistrictTargets } from '../indicators/district';

/** A cell value of a report row: text, a number, or empty. */
export type ReportValue = string | number | null;

/** One row of the 重点任务推进情况表, keyed by task field id. */
export type TaskReportRow = Record<TaskFieldId, ReportValue> & {
  /** The internal task key, when the printed 任务编号 (`key`, see taskCode) differs from it. */
  taskKey?: string;
  /** The name of the earlier period the task was done in, when it is printed 已完成 for that (carriedDone). */
  doneEarlier?: string;
};

/** One row of the 指标完成情况表: one indicator of the district. */
export interface TargetReportRow {
  seq: number;
  name: string;
  unit: string;
  /** 本区目标 or 全市目标（参考）. */
  scope: string;
  /** The city's target as written, e.g. `突破5000人（2027年）`. */
  cityTarget: string;
  /** The target the district's value is judged against (区级分解目标), null when only a 全市 target is known. */
  value: number | null;
  year: number | null;
  baseline: number | null;
  actual: number | null;
  /** Completion rate as a percentage (0–100+), null when not judged or no actual value. */
  rate: number | null;
  judgement: string;
  /** Documents that state the indicator. */
  sources: string;
  units: string;
  note: string;
  [k: string]: ReportValue;
}

/** One row of the 产业集群推进情况表. */
export interface ClusterReportRow {
  seq: number;
  name: string;
  focus: string;
  progress: string;
  indicators: string;
  problems: string;
  nextSteps: string;
  note: string;
  [k: string]: ReportValue;
}

/** One row of the 汇总 sheet: how many tasks have a status. */
export interface SummaryRow {
  status: string;
  count: number;
  /** Share of all tasks in percent, one decimal (25 for 25.0%): a number, printed 25.0% by its cell's format. */
  share: number;
  [k: string]: ReportValue;
}

/** Everything a report needs, read from the store for one district and period. */
export interface ReportSource {
  district: string;
  period: ReportingPeriod;
  documents: readonly PolicyDocument[];
  tasks: readonly Task[];
  /** Progress entries of this district and period. */
  progress: readonly ProgressEntry[];
  /**
   * The tasks done in an earlier period and not filled in since (core/progress.ts doneEarlier),
   * with that period's id: printed 已完成, the period under 备注. Absent: nothing carries.
   */
  doneBefore?: ReadonlyMap<string, string>;
  targets: readonly Target[];
  clusters: readonly Cluster[];
  clusterIndicators: readonly ClusterIndicator[];
  clusterIndicatorValues: readonly ClusterIndicatorValue[];
  clusterProgress: readonly ClusterProgress[];
  /** The district's own targets // 区级分解目标, by indicator key. */
  districtTargets?: DistrictTargets;
}

/**
 * The tasks a district's report lists, in document order: active tasks that concern the
 * district (all districts, named, a corridor or one of its clusters), plus any task the
 * district has filled progress for in the period; never a task closed (销号) by the period's end.
 */
export function reportTasks(src: Pick<ReportSource, 'tasks' | 'clusters' | 'progress' | 'district' | 'period'>): Task[] {
  const filled = new Set([...progressByTask(src).values()].filter(isFilled).map((p) => p.taskKey));
  return src.tasks
    .filter((t) => !t.archived && !isClosedIn(t, src.period) && (filled.has(t.key) || taskRelevance(t, src.district, src.clusters).relevant))
    .slice()
    .sort(compareTasks);
}

function progressByTask(src: Pick<ReportSource, 'progress' | 'district' | 'period'>): Map<string, ProgressEntry> {
  const m = new Map<string, ProgressEntry>();
  for (const p of src.progress) if (p.district === src.district && p.periodId === src.period.id) m.set(p.taskKey, p);
  return m;
}

/** Tasks of the report done in an earlier period and not filled in since, with that period's name. */
function carriedDone(src: Pick<ReportSource, 'progress' | 'doneBefore' | 'district' | 'period'>): Map<string, string> {
  const out = new Map<string, string>();
  if (!src.doneBefore?.size) return out;
  // A task filled in this period is reported as filled, whatever it was before.
  const filledNow = new Set(src.progress.filter((p) => p.district === src.district && p.periodId === src.period.id && isFilled(p)).map((p) => p.taskKey));
  for (const [key, periodId] of src.doneBefore) {
    if (filledNow.has(key)) continue;
    const p = parsePeriodId(periodId);
    // Within the report's year the period is named without its year (第二季度, 6月, 上半年).
    out.set(key, !p ? periodId : p.year === src.period.year && p.kind !== 'year' ? p.name.slice(`${p.year}年`.length) : p.name);
  }
  return out;
}

/** 备注 of a task printed 已完成 because it was done in an earlier period (short: the column is narrow). */
export const doneEarlierNote = (periodName: string) => `${periodName}已完成`;

/**
 * 完成时限 as a report prints it: the deadline as the document or the list wrote it
 * (`2026年12月底前`, `长期坚持`); a date only where no words exist (a list's date cell), then
 * written as words too (`2026年12月31日`, never `2026-12-31` beside the written ones).
 */
export function printedDeadline(t: Pick<Task, 'deadline' | 'deadlineText'>): string {
  const written = t.deadlineText?.trim();
  if (written) return written;
  return t.deadline ? isoDateWords(t.deadline) : '';
}

/** `2026-12-31` → `2026年12月31日`; any other text as it is. */
export function isoDateWords(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : text;
}

/** Rows of the 重点任务推进情况表: one per active task, carrying its stable 任务编号. */
export function buildTaskRows(src: Pick<ReportSource, 'documents' | 'tasks' | 'clusters' | 'progress' | 'doneBefore' | 'district' | 'period'>): TaskReportRow[] {
  const docs = new Map(src.documents.map((d) => [d.id, d]));
  const prog = progressByTask(src);
  const carried = carriedDone(src);
  const docName = (id: string) => docs.get(id)?.shortTitle ?? id;
  return reportTasks(src).map((t, i) => {
    const p = prog.get(t.key);
    // Every cell through the registry's accessors (core/fields.ts), as the grid, the CSV and the import diff read them.
    const task = (f: TaskFieldId) => taskFieldText(t, f, docName);
    const doneIn = carried.get(t.key);
    return {
      seq: i + 1,
      // The printed 任务编号: a task an import added shows the list's own number.
      key: task('key'),
      ...(taskCode(t) !== t.key ? { taskKey: t.key } : {}),
      document: task('document'),
      number: task('number'),
      section: '',
      title: task('title'),
      text: task('text'),
      leadUnits: task('leadUnits'),
      responsibleUnits: task('responsibleUnits'),
      deadline: printedDeadline(t),
      progress: progressFieldValue(p, 'progress'),
      percent: progressFieldValue(p, 'percent'),
      status: doneIn ? STATUS_LABELS.done : progressFieldValue(p, 'status'),
      problems: progressFieldValue(p, 'problems'),
      nextSteps: progressFieldValue(p, 'nextSteps'),
      note: doneIn ? doneEarlierNote(doneIn) : '',
      ...(doneIn ? { doneEarlier: doneIn } : {}),
    };
  });
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** 序时判断 of a row whose target is the city's only: not judged, shown for reference. */
export const REFERENCE_ONLY_LABEL = '仅供参考';

type TargetRowsSource = Pick<ReportSource, 'targets' | 'tasks' | 'progress' | 'district' | 'period' | 'documents' | 'clusters' | 'districtTargets'>;

/** The indicators the 指标完成情况表 lists, in its order, each with the period's value (null: none reported). */
function reportedIndicators(src: TargetRowsSource): { ind: DistrictIndicator; actual: number | null }[] {
  // Each indicator's value: the first of the period's entries that carries one (indexed once, not per indicator).
  const values = new Map<string, number>();
  for (const p of progressByTask(src).values())
    for (const [id, v] of Object.entries(p.indicatorValues)) if (typeof v === 'number' && !values.has(id)) values.set(id, v);
  const valueOf = (id: string): number | undefined => values.get(id);
  const reported = new Set(src.targets.filter((t) => valueOf(t.id) !== undefined).map((t) => t.id));
  // An indicator whose every target year is over (到2023年 in a 2026 report) is not asked for any
  // more, unless the district reported a value for it this period (what was typed is reported).
  const indicators = buildDistrictIndicators({ ...src, reported, ...(src.districtTargets ? { districtTargets: src.districtTargets } : {}) }).filter(
    (ind) => indicatorStillAsked(ind, src.period.year, indicatorValue(ind, valueOf) !== undefined),
  );
  return indicators.map((ind) => ({ ind, actual: indicatorValue(ind, valueOf) ?? null }));
}

/**
 * Rows of the 指标完成情况表: one per indicator of the district (buildDistrictIndicators: clean
 * names, one row however many documents state it, only indicators that concern the district),
 * with this period's actual value (from the task's progress entry, or any entry of the period
 * that carries it, e.g. the 指标跟踪 page's goals entry), judged against the district's own
 * target by the same rule as 指标跟踪 and 工作台 (judgeIndicator → judgePace). An indicator whose
 * targets' years are all over (indicatorIsPast) is left out unless a value was reported for it.
 */
export function buildTargetRows(src: TargetRowsSource): TargetReportRow[] {
  const tasks = new Map(src.tasks.map((t) => [t.key, t]));
  return reportedIndicators(src).map(({ ind, actual }, i) => {
    const pace = judgeIndicator(ind, src.period, actual);
    const units = ind.taskKeys
      .map((k) => tasks.get(k))
      .filter((t): t is Task => t !== undefined)
      .flatMap((t) => [...t.leadUnits, ...t.responsibleUnits])
      .filter((u, j, a) => a.indexOf(u) === j)
      .join('、');
    const judged = ind.judged;
    return {
      seq: i + 1,
      name: ind.name,
      unit: ind.unit,
      scope: SCOPE_LABELS[ind.scope],
      cityTarget: ind.cityStated ? targetText(ind.cityTarget) : '',
      value: judged ? judged.value : null,
      year: judged?.year ?? ind.cityTarget.year ?? null,
      baseline: judged?.baseline ?? null,
      actual,
      rate: judged && actual !== null && pace.completion !== undefined ? round1(pace.completion) : null,
      judgement: actual === null ? '未填报' : judged ? PACE_LABELS[pace.verdict] : REFERENCE_ONLY_LABEL,
      sources: ind.sources.join('、'),
      units,
      note: judged && judged.comparator !== '达到' ? `目标：${comparedValue(judged)}` : '',
    };
  });
}

/** A text cut to `n` characters at most, at the end of its first sentence when that comes sooner. */
function abridge(text: string, n: number): string {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t.length <= n) return t;
  // Whole sentences (and clauses ending in ；) while they fit: a figure in the second clause is
  // not dropped for the sake of the first (智能建造试点项目3个开工；BIM正向设计应用率达到40%).
  let out = '';
  for (const s of t.match(/[^。；;!！?？]+[。；;!！?？]*/gu) ?? [t]) {
    if (out.length + s.length > n) break;
    out += s;
  }
  return `${(out || t.slice(0, n)).trim()}…`;
}

/** How many of a cluster's tasks have each period status (core/progress.ts), e.g. `关联任务5项：序时推进2项、已完成1项、未填报2项`. */
function clusterStatusLine(tasks: readonly Task[], prog: ReadonlyMap<string, ProgressEntry>): string {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    const label = PERIOD_STATUS_LABELS[periodStatus(prog.get(t.key))];
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const order = PERIOD_STATUSES.map((s) => PERIOD_STATUS_LABELS[s]);
  const parts = order.filter((l) => counts.has(l)).map((l) => `${l}${counts.get(l)}项`);
  return `关联任务${tasks.length}项${parts.length ? `：${parts.join('、')}` : ''}`;
}

/** The district's clusters in the order the 产业集群推进情况表 lists them. */
function districtClusters(src: Pick<ReportSource, 'clusters' | 'district'>): Cluster[] {
  return src.clusters.filter((c) => c.district === src.district).sort((a, b) => a.order - b.order);
}

/** The period's value of each cluster indicator, by indicator id. */
function clusterValues(src: Pick<ReportSource, 'clusterIndicatorValues' | 'period'>): Map<string, number | null | undefined> {
  return new Map(src.clusterIndicatorValues.filter((v) => v.periodId === src.period.id).map((v) => [v.indicatorId, v.value]));
}

/** A cluster indicator's value as the 产业集群推进情况表 prints it: `12.5亿元`, or 未填报. */
export function clusterIndicatorValueText(v: number | null | undefined, unit: string): string {
  return v === undefined || v === null ? '未填报' : `${v}${unit}`;
}

/**
 * One cluster as the sealed 产业集群推进情况表 printed it, kept with a 报送 for 本期与上期对比:
 * 本期进展, 存在问题, 下步计划 as printed (buildClusterRows) and each indicator's value as printed.
 * `scope` tells it from a task row among a submission's rows; it has no `key` (任务编号).
 */
export interface ClusterSnapshot {
  scope: 'cluster';
  clusterId: string;
  name: string;
  progress: string;
  problems: string;
  nextSteps: string;
  indicators: { id: string; name: string; value: string }[];
}

/** The clusters of a district's period as the 产业集群推进情况表 prints them (see ClusterSnapshot). */
export function buildClusterSnapshots(
  src: Pick<ReportSource, 'clusters' | 'clusterIndicators' | 'clusterIndicatorValues' | 'clusterProgress' | 'district' | 'period'> &
    Partial<Pick<ReportSource, 'tasks' | 'progress'>>,
): ClusterSnapshot[] {
  const rows = buildClusterRows(src);
  const values = clusterValues(src);
  return districtClusters(src).map((c, i) => ({
    scope: 'cluster',
    clusterId: c.id,
    name: c.name,
    progress: rows[i]!.progress,
    problems: rows[i]!.problems,
    nextSteps: rows[i]!.nextSteps,
    indicators: src.clusterIndicators.filter((x) => x.clusterId === c.id).map((x) => ({ id: x.id, name: x.name, value: clusterIndicatorValueText(values.get(x.id), x.unit) })),
  }));
}

/**
 * Rows of the 产业集群推进情况表: one per cluster of the district, with its indicators and values.
 * 本期进展 is the cluster's own text when filled, otherwise a summary of its tasks' progress
 * this period (status counts, then each filled task's first sentence); the same for 存在问题
 * and 下步计划. 备注 gives the status counts of the cluster's tasks.
 */
export function buildClusterRows(
  src: Pick<ReportSource, 'clusters' | 'clusterIndicators' | 'clusterIndicatorValues' | 'clusterProgress' | 'district' | 'period'> &
    Partial<Pick<ReportSource, 'tasks' | 'progress'>>,
): ClusterReportRow[] {
  const clusters = districtClusters(src);
  const values = clusterValues(src);
  const own = new Map(src.clusterProgress.filter((p) => p.periodId === src.period.id).map((p) => [p.clusterId, p]));
  const taskProg = progressByTask({ progress: src.progress ?? [], district: src.district, period: src.period });
  const activeTasks = (src.tasks ?? []).filter((t) => !t.archived);
  return clusters.map((c, i) => {
    const inds = src.clusterIndicators.filter((x) => x.clusterId === c.id);
    const indicators = inds
      .map((x) => {
        const now = clusterIndicatorValueText(values.get(x.id), x.unit);
        const goal = x.target !== undefined ? `（目标${x.target}${x.unit}${x.targetYear ? `，${x.targetYear}年` : ''}）` : '';
        return `${x.name}：${now}${goal}`;
      })
      .join('\n');
    const p = own.get(c.id);
    const tasks = activeTasks.filter((t) => clusterMatches(c, t, src.district));
    const statusLine = tasks.length ? clusterStatusLine(tasks, taskProg) : '';
    const fromTasks = (field: 'progress' | 'problems' | 'nextSteps', n: number): string => {
      const lines = tasks
        .map((t) => ({ t, text: taskProg.get(t.key)?.[field]?.trim() ?? '' }))
        .filter((x) => x.text)
        .map((x, j) => `${j + 1}. ${x.t.title}${field === 'progress' && taskProg.get(x.t.key)?.status ? `（${STATUS_LABELS[taskProg.get(x.t.key)!.status!]}）` : ''}：${abridge(x.text, n)}`);
      if (field === 'progress') return tasks.length ? [`（据集群关联任务汇总）${statusLine}。`, ...lines].join('\n') : '';
      return lines.join('\n');
    };
    const text = (field: 'progress' | 'problems' | 'nextSteps', n: number) => (p?.[field]?.trim() ? p[field] : fromTasks(field, n));
    return {
      seq: i + 1,
      name: c.name,
      focus: c.focus ?? '',
      progress: text('progress', 120),
      indicators,
      problems: text('problems', 60),
      nextSteps: text('nextSteps', 60),
      note: statusLine,
    };
  });
}

/**
 * Rows of the 汇总 sheet: task counts by period status (core/progress.ts periodStatus: every
 * status, then 未选状态 and 未填报, as the 工作台 and the 汇总 workbook's chart count them), then 合计.
 */
export function buildSummaryRows(src: Pick<ReportSource, 'tasks' | 'clusters' | 'progress' | 'doneBefore' | 'district' | 'period'>): SummaryRow[] {
  const prog = progressByTask(src);
  const carried = carriedDone(src);
  const tasks = reportTasks(src);
  const total = tasks.length;
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
  const counts = new Map<string, number>();
  for (const t of tasks) {
    const s = carried.has(t.key) ? 'done' : periodStatus(prog.get(t.key));
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const rows: SummaryRow[] = PERIOD_STATUSES.map((s) => ({ status: PERIOD_STATUS_LABELS[s], count: counts.get(s) ?? 0, share: share(counts.get(s) ?? 0) }));
  rows.push({ status: '合计', count: total, share: total === 0 ? 0 : 100 });
  return rows;
}

/** A task missing something the report needs // 缺项. */
export interface MissingItem {
  taskKey: string;
  seq: number;
  title: string;
  missing: ('status' | 'progress')[];
  /** Nothing written for the period (no status, 完成进度 or 进展情况, not done earlier): the 工作台's 未填报. */
  empty: boolean;
}

const blankValue = (v: ReportValue | undefined) => v === undefined || v === null || String(v).trim() === '';

/**
 * The pre-export check: active tasks without a status or without 进展情况 in the period. The one
 * reading of what a period's report lacks: the 导出前检查, the 报送 dialog and the 工作台 count alike.
 */
export function findMissingItems(taskRows: readonly TaskReportRow[]): MissingItem[] {
  const out: MissingItem[] = [];
  for (const r of taskRows) {
    const missing: MissingItem['missing'] = [];
    if (blankValue(r.status)) missing.push('status');
    // A task done in an earlier period needs no new 进展情况.
    if (blankValue(r.progress) && !r.doneEarlier) missing.push('progress');
    const empty = missing.length === 2 && blankValue(r.percent);
    if (missing.length) out.push({ taskKey: String(r.taskKey ?? r.key), seq: Number(r.seq), title: String(r.title), missing, empty });
  }
  return out;
}

/** A cluster whose row of the 产业集群推进情况表 would print a column empty // 集群栏目空白. */
export interface BlankClusterItem {
  name: string;
  /** The column headings left empty, as printed. */
  blank: string[];
}

/** The columns of a cluster row an office fills in (重点方向 on the 产业集群 page, the rest each period), with their printed headings. */
const CLUSTER_FILLED_COLUMNS = ['focus', 'progress', 'indicators'] as const;

/**
 * The pre-export check's reading of the 产业集群推进情况表: clusters whose 重点方向, 本期进展 or
 * 集群指标及数值 would print empty (walk9 Z10: nothing said them before the sheet was sealed).
 */
export function findBlankClusterItems(clusterRows: readonly ClusterReportRow[]): BlankClusterItem[] {
  const out: BlankClusterItem[] = [];
  for (const r of clusterRows) {
    const blank = CLUSTER_FILLED_COLUMNS.filter((c) => blankValue(r[c])).map((c) => ROW_PLACEHOLDERS.cluster[c]!);
    if (blank.length) out.push({ name: r.name, blank });
  }
  return out;
}

/** A task whose printed status and 完成进度 contradict each other // 状态与完成进度不一致. */
export interface ClashItem {
  taskKey: string;
  seq: number;
  title: string;
  status: string;
  percent: number;
}

const STATUS_OF_LABEL = new Map(TASK_STATUSES.map((s) => [STATUS_LABELS[s], s]));

/**
 * The pre-export check's second reading: rows whose status and 完成进度 contradict each other
 * (core/progress statusPercentClash: 已完成 at 80 %, 序时推进 at 100 %), as the report would print them.
 */
export function findStatusClashes(taskRows: readonly TaskReportRow[]): ClashItem[] {
  const out: ClashItem[] = [];
  for (const r of taskRows) {
    const status = STATUS_OF_LABEL.get(String(r.status ?? ''));
    const percent = typeof r.percent === 'number' ? r.percent : blankValue(r.percent) ? undefined : Number(r.percent);
    if (status && percent !== undefined && Number.isFinite(percent) && statusPercentClash(status, percent))
      out.push({ taskKey: String(r.taskKey ?? r.key), seq: Number(r.seq), title: String(r.title), status: String(r.status), percent });
  }
  return out;
}

/** A task past its 完成时限 whose status says it is on time // 已超时限仍填序时推进. */
export interface LateItem {
  taskKey: string;
  seq: number;
  title: string;
  status: string;
  /** The 完成时限 as the report prints it. */
  deadline: string;
}

/**
 * The pre-export check's third reading: tasks past their 完成时限 (isOverdue, judged on `asOf`:
 * overdueAsOf) whose period status still says the work is on time (序时推进, 超序时推进): the
 * report would print them so, with nothing to say they are late.
 */
export function findOverdueOnTime(src: Pick<ReportSource, 'tasks' | 'clusters' | 'progress' | 'doneBefore' | 'district' | 'period'>, asOf: string): LateItem[] {
  const prog = progressByTask(src);
  const carried = carriedDone(src);
  const out: LateItem[] = [];
  reportTasks(src).forEach((t, i) => {
    const p = prog.get(t.key);
    if (p?.status !== 'on_track' && p?.status !== 'ahead') return;
    if (!isOverdue(t.deadline, { status: p.status, ...(p.percent !== undefined ? { percent: p.percent } : {}), doneEarlier: carried.has(t.key) }, asOf)) return;
    out.push({ taskKey: taskCode(t), seq: i + 1, title: t.title, status: STATUS_LABELS[p.status], deadline: printedDeadline(t) });
  });
  return out;
}

/** An indicator value above the whole city's target for it (valueAboveWhole): printed as typed, asked about first. */
export interface DoubtfulValueItem {
  /** Its 序号 in the 指标完成情况表 (the printed seq column, not the sheet row). */
  seq: number;
  name: string;
  /** The question, in Chinese. */
  reason: string;
}

/**
 * The pre-export check's reading of the 指标完成情况表: the period's values that are above the
 * whole city's target for the same indicator (a district's 150 家 against 全市 达到45家), the rule of
 * the forms (valueAboveWhole) applied to what the report will print.
 */
export function findValuesAboveWhole(src: TargetRowsSource): DoubtfulValueItem[] {
  const out: DoubtfulValueItem[] = [];
  reportedIndicators(src).forEach(({ ind, actual }, i) => {
    const reason = indicatorAboveWhole(ind, actual, src.district);
    if (reason) out.push({ seq: i + 1, name: ind.name, reason });
  });
  return out;
}

/** What the report lacks, counted: tasks with nothing written (未填报), and tasks written in part (a status without 进展情况, or the reverse). */
export function missingCounts(items: readonly MissingItem[]): { empty: number; partial: number } {
  const empty = items.filter((m) => m.empty).length;
  return { empty, partial: items.length - empty };
}

/**
 * Text a spreadsheet program might run as a formula (CSV injection): starting with = + - @, a
 * TAB or CR (which Excel skips before looking), or their full-width forms ＝ ＋ － ＠ (which some
 * Chinese input methods type and some programs fold to ASCII).
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text);
}

/** Who fills the report and when: the header block and footer of every sheet. */
export interface ReportMeta {
  /** 填报日期 as `YYYY-MM-DD`. */
  filledDate: string;
  /** 填报单位, e.g. 汉阳区科学技术局; the district when not set. */
  unit?: string;
  filledBy: string;
  phone: string;
  reviewer: string;
}

/** Scalars and rows of every scope for a report, ready for a template. */
export interface ReportData {
  scalars: Record<string, string>;
  rows: { task: TaskReportRow[]; target: TargetReportRow[]; cluster: ClusterReportRow[]; summary: SummaryRow[] };
  /**
   * What a sheet with no rows says in its one data row, so that a printed table is never a bare
   * grid (the 汇总 workbook's 产业集群推进情况表 of a district without clusters). Not for the
   * 重点任务 sheet: the city's 回收 and the import read its rows back.
   */
  emptyNotes: { target: string; cluster: string };
}

/** The sentence a sheet of `scope` without rows prints (ReportData.emptyNotes). */
export function emptySheetNotes(district: string): ReportData['emptyNotes'] {
  return {
    target: '本期无需填报的指标',
    cluster: isCityOffice(district) ? '暂无产业集群' : '本区未承担产业集群建设任务',
  };
}

/**
 * An object whose properties are each computed on first read and then kept: a report builds
 * only the rows its template shows (the 重点任务推进情况表 needs no indicator or cluster rows).
 */
function computedOnRead<T extends object>(make: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const k of Object.keys(make) as (keyof T & string)[])
    Object.defineProperty(out, k, {
      enumerable: true,
      configurable: true,
      get() {
        const value = make[k]();
        Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  return out;
}

/** Everything a template can ask for, for a district and period; each scope's rows are built when first read. */
export function buildReportData(src: ReportSource, meta: ReportMeta, reportName = ''): ReportData {
  const [y, m, d] = meta.filledDate.split('-');
  const rows: ReportData['rows'] = computedOnRead<ReportData['rows']>({
    task: () => buildTaskRows(src),
    target: () => buildTargetRows(src),
    cluster: () => buildClusterRows(src),
    summary: () => buildSummaryRows(src),
  });
  return {
    scalars: {
      district: src.district,
      reportUnit: meta.unit || src.district,
      period: src.period.name,
      periodStart: src.period.start,
      periodEnd: src.period.end,
      year: String(src.period.year),
      filledDate: y && m && d ? `${y}年${Number(m)}月${Number(d)}日` : meta.filledDate,
      filledBy: meta.filledBy,
      phone: meta.phone,
      reviewer: meta.reviewer,
      reportName,
    },
    rows,
    emptyNotes: emptySheetNotes(src.district),
  };
}
