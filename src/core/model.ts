/**
 * The domain model of the ledger: plain data types shared by every ring.
 *
 * Persisted shapes: the field names below are stored in IndexedDB and in backups.
 * Do not rename a field without a schema migration (src/renderer/storage/schema.ts).
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;
/** A moment as an ISO 8601 string (`2025-10-08T09:30:00.000Z`). */
export type IsoDateTime = string;

/** A municipal policy document // 政策文件 (action plan, yearly work points, five-year plan …). */
export interface PolicyDocument {
  /** Stable id, e.g. `doc-002`; never reused. */
  id: string;
  title: string;
  /** Short name shown in grids, e.g. `2023年工作要点`. */
  shortTitle: string;
  /** Document number // 文号, e.g. `武政办〔2023〕4号`. */
  docNumber?: string;
  /** Issuing body // 发文机关. */
  issuer?: string;
  /**
   * 外地文件: the place that issued the document when it is not Wuhan (nor the province or the
   * state), e.g. `咸宁市`. Its tasks concern no Wuhan office; its units keep the names as written.
   */
  issuedElsewhere?: string;
  /**
   * The Wuhan district or zone that issued the document (official name), e.g. `武汉经济技术开发区`:
   * its bare 区××局 are that district's departments, its tasks another district's own.
   */
  issuedByDistrict?: string;
  issueDate?: IsoDate;
  /** First and last year the plan covers // 规划期, e.g. 2025–2027. */
  planStartYear?: number;
  planEndYear?: number;
  kind: DocumentKind;
  /** Where the text came from (seed file name, imported file name). */
  source: string;
  addedAt: IsoDateTime;
}

export type DocumentKind = 'action-plan' | 'work-points' | 'five-year-plan' | 'opinion' | 'news' | 'other';

/** A node of a document's hierarchy // 章节: 一、 / （一） / 1. / 专栏. */
export interface Section {
  id: string;
  documentId: string;
  parentId?: string;
  /** 1 = 一、, 2 = （一）, 3 = 1., 9 = 专栏. */
  level: number;
  /** The numbering as written: `一`, `（三）`, `专栏6-2`. */
  label: string;
  title: string;
  order: number;
}

/** A numbered task // 重点任务 of a policy document. */
export interface Task {
  /**
   * Stable key // 任务编号 (e.g. `2023YD-07`), printed in every export so that a later
   * import matches the row exactly. Never changes once issued.
   */
  key: string;
  /**
   * 任务编号 as shown and printed when `key` is internal: a task added by an import keeps
   * the list's own number (e.g. `23`). See taskCode().
   */
  displayKey?: string;
  documentId: string;
  sectionId?: string;
  /** The number as written in the document, e.g. `7` or `（二）3`. */
  number: string;
  /** Sort order inside the document. */
  order: number;
  /** Short title: the lead sentence // 任务名称. */
  title: string;
  /** Full text // 具体内容. */
  text: string;
  /** Lead units // 牵头单位 (canonical names). */
  leadUnits: string[];
  /** Responsible units // 责任单位 (canonical names; `各区人民政府` kept as written). */
  responsibleUnits: string[];
  /** The units parenthesis as written, for review. */
  unitsText?: string;
  /** Deadline // 完成时限 as a date (end of the year when only a year is known). */
  deadline?: IsoDate;
  /** Deadline as written, e.g. `2027年底前`, `长期坚持`. */
  deadlineText?: string;
  /** Dropped by the city in a later list: kept with its progress, hidden by default. */
  archived?: boolean;
  /** 办结销号: the date the district closed the task (it leaves the lists of periods ending on or after it). */
  closedAt?: IsoDate;
  /** Why or how it was closed // 销号说明. */
  closedNote?: string;
  /** Who closed it // 销号人. */
  closedBy?: string;
  origin: 'seed' | 'import' | 'manual';
  /** Its document's 外地文件 place (PolicyDocument.issuedElsewhere), kept with the task for relevance. */
  issuedElsewhere?: string;
  /** Its document's issuing Wuhan district (PolicyDocument.issuedByDistrict), kept with the task for relevance. */
  issuedByDistrict?: string;
  updatedAt: IsoDateTime;
}

/**
 * A task without its full text, as the ledger's first rows are drawn from it (storage's
 * taskHeads): every other field is the task's. Code that needs the text checks `text`.
 */
export type TaskHead = Omit<Task, 'text'> & { text?: undefined };

/** The 任务编号 shown to the officer and printed in reports: the list's number, else the key. */
export function taskCode(task: Pick<Task, 'key' | 'displayKey'>): string {
  return task.displayKey || task.key;
}

/** How a target value is to be met // 比较方式. */
export type Comparator =
  | '达到'
  | '突破'
  | '超过'
  | '不少于'
  | '不低于'
  | '以上'
  | '以内'
  | '以下'
  | '增长'
  | '控制在'
  | '力争'
  | '新增'
  | '累计'
  | '下降'
  | '年均增长'
  | '比重';

/** A quantitative target or indicator // 目标 / 指标. */
export interface Target {
  id: string;
  documentId: string;
  /** The task it belongs to, when stated inside a task. */
  taskKey?: string;
  /** Metric name // 指标名称, e.g. `研发平台`. */
  name: string;
  /** Unit of measure // 单位, e.g. `家`, `%`, `亿元`. */
  unit: string;
  comparator: Comparator;
  value: number;
  /** Target year // 目标年份. */
  year?: number;
  /** Baseline // 基期值 and its year. */
  baseline?: number;
  baselineYear?: number;
  /** Whom it binds // 范围: 全市 (全省, 全国 …), 各区, or a named district. */
  scope?: string;
  /** Where it came from: a goals paragraph, a task, or an indicator table. */
  kind: 'goal' | 'task' | 'table' | 'cluster' | 'manual';
  /** The source sentence as written. */
  sourceText: string;
  /** 每年: the figure is for every year up to `year` (每年认定人才500名以上), not a total to reach by then. */
  yearly?: boolean;
  /** 左右: the figure is approximate (8000名左右). */
  approx?: boolean;
}

/** A district or functional zone // 区 / 功能区. */
export interface District {
  /** Official name, e.g. `汉阳区`, `东湖新技术开发区`. */
  name: string;
  /** Short name used in documents, e.g. `东湖高新区`. */
  shortName: string;
  kind: 'district' | 'zone';
  /** Other names seen in documents. */
  aliases: string[];
}

/** An industrial cluster assigned to a district // 产业集群. */
export interface Cluster {
  id: string;
  /** District official name. */
  district: string;
  name: string;
  /** Key directions // 重点方向. */
  focus?: string;
  /** Words used to match tasks to the cluster. */
  keywords: string[];
  /** Task keys added or removed by hand on top of the keyword match. */
  includedTaskKeys: string[];
  excludedTaskKeys: string[];
  origin: 'seed' | 'manual';
  order: number;
}

/** An indicator tracked for a cluster // 集群指标, e.g. 研发型企业数量. */
export interface ClusterIndicator {
  id: string;
  clusterId: string;
  name: string;
  unit: string;
  target?: number;
  targetYear?: number;
  baseline?: number;
  baselineYear?: number;
}

/** Granularity of reporting // 报告周期. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** A reporting period // 报告期, e.g. `2025-Q3` named 2025年第三季度. */
export interface ReportingPeriod {
  /** `2025-11`, `2025-Q3`, `2025-H1`, `2025`. Persisted: do not change the format. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2, or 1 for a year. */
  index: number;
  /** Name the city uses, e.g. `2025年第三季度`. */
  name: string;
  start: IsoDate;
  end: IsoDate;
}

/**
 * Status of a task in a period // 本期状态. Persisted codes: do not change.
 * Labels are the municipal vocabulary.
 */
export type TaskStatus = 'not_started' | 'on_track' | 'ahead' | 'behind' | 'done' | 'ongoing';

export const TASK_STATUSES: readonly TaskStatus[] = ['not_started', 'on_track', 'ahead', 'behind', 'done', 'ongoing'];

/** Chinese labels of the statuses, in the city's wording. */
export const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  not_started: '未启动',
  on_track: '序时推进',
  ahead: '超序时推进',
  behind: '滞后',
  done: '已完成',
  ongoing: '长期坚持',
};

/**
 * Other words a unit writes for a status (the 指标 pace words printed in the same report, short
 * forms): read as that status. Words that could mean two things (推进中, 正常推进) are not here:
 * such a row is refused with its text kept, for the office to choose.
 */
const STATUS_WORDS: Readonly<Record<string, TaskStatus>> = {
  序时: 'on_track',
  按序时推进: 'on_track',
  超序时: 'ahead',
  超前: 'ahead',
  超前推进: 'ahead',
  完成: 'done',
  已达标: 'done',
  已完结: 'done',
  长期: 'ongoing',
  长期推进: 'ongoing',
  未开始: 'not_started',
  尚未启动: 'not_started',
  落后: 'behind',
  滞后推进: 'behind',
};

/** A status from its Chinese label (or code, or another word for it: STATUS_WORDS), spaces ignored; undefined when unknown. */
export function statusFromLabel(label: string): TaskStatus | undefined {
  const t = label.replace(/[\s\u3000]+/gu, '');
  for (const s of TASK_STATUSES) if (STATUS_LABELS[s] === t || s === t) return s;
  return STATUS_WORDS[t];
}

/** One task's progress in one period for one district // 进展填报. */
export interface ProgressEntry {
  /** `${district}|${taskKey}|${periodId}`: see progressId(). */
  id: string;
  district: string;
  taskKey: string;
  periodId: string;
  status?: TaskStatus;
  /** 0–100 // 完成进度. */
  percent?: number;
  /** 进展情况 */
  progress: string;
  /** 存在问题 */
  problems: string;
  /** 下步计划 */
  nextSteps: string;
  /** Actual value per target id // 本期实际值. */
  indicatorValues: Record<string, number | null>;
  /** 填报人 */
  filledBy: string;
  updatedAt: IsoDateTime;
  /**
   * Where each paragraph of the texts came from // 段落来源 (collection rounds, issue 18): the unit
   * per paragraph, '' for the office's own words. Optional; stale when the paragraphs no longer match.
   */
  paragraphSources?: Partial<Record<'progress' | 'problems' | 'nextSteps', string[]>>;
}

/** The id of a progress entry (built in core/ids.ts with every other persisted id). */
export { progressId } from './ids';

/** A value of a cluster indicator in one period. */
export interface ClusterIndicatorValue {
  /** `${indicatorId}|${periodId}` */
  id: string;
  indicatorId: string;
  periodId: string;
  value: number | null;
  updatedAt: IsoDateTime;
}

/** One cluster's report in one period // 集群进展. */
export interface ClusterProgress {
  /** `${clusterId}|${periodId}` */
  id: string;
  clusterId: string;
  periodId: string;
  progress: string;
  problems: string;
  nextSteps: string;
  updatedAt: IsoDateTime;
}

/** An append-only record of one changed field // 修改记录. */
export interface AuditEntry {
  seq?: number;
  at: IsoDateTime;
  entity: 'task' | 'progress' | 'cluster' | 'setting' | 'document' | 'target' | 'submission' | 'import';
  entityId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  /** 填报人 name at the time of the change. */
  by: string;
  /** Why, when not a plain edit: `import`, `restore`, `unlock` … */
  reason?: string;
}

/** One file of a submission: which report, its name and SHA-256. */
export interface SubmittedFile {
  report: string;
  fileName: string;
  /** SHA-256 of the file, hex. */
  sha256: string;
  /** Size in bytes. */
  size?: number;
}

/** What was sent to the city for a period // 报送记录. */
export interface Submission {
  id: string;
  district: string;
  periodId: string;
  /** Report kind, e.g. `tasks`, `indicators`, `clusters`, `all`. */
  report: string;
  fileName: string;
  /** SHA-256 of the exported file, hex. */
  sha256: string;
  /** The rows as submitted, for 本期与上期对比. */
  rows: unknown[];
  at: IsoDateTime;
  /** Set when the officer unlocked the period after submitting. */
  unlockedAt?: IsoDateTime;
  /**
   * The files of a 报送 that sent several at once (one submission for the set); then
   * `fileName` lists them and `sha256` is the SHA-256 of the set's manifest (setManifest).
   */
  files?: SubmittedFile[];
  /** Tasks filled and left empty when it was sent. */
  counts?: { tasks: number; filled: number; empty: number };
}

/** A key–value setting. Keys are listed in SETTING_KEYS. */
export interface Setting {
  key: string;
  value: unknown;
}

/** Known setting keys. Persisted: do not rename. */
export const SETTING_KEYS = {
  district: 'district',
  periodKind: 'periodKind',
  filledBy: 'filledBy',
  seedVersion: 'seedVersion',
  importMapping: 'importMapping',
  /** The officer's unit renames (UnitRename[]), on top of the built-in pairs. */
  unitRenames: 'unitRenames',
  /** The ledger's 与本区相关 filter (on unless the office turned it off). */
  ledgerRelevantOnly: 'ledgerRelevantOnly',
} as const;
