/**
 * The stored shape of every table's rows, as zod schemas: one validator per entity, used by
 * restore (every row of a backup), by import (every row it writes) and by storage's reads
 * (a malformed row already stored is skipped with a warning instead of breaking a page).
 *
 * Objects are loose: fields added later (optional, per the schema rules) pass; the types of
 * the fields the program reads are checked, since a wrong type is what breaks a page.
 */
import { z } from 'zod';
import { TASK_STATUSES } from '../model';
import { isValidPercent } from '../progress';
import { acceptorOf, type Acceptor } from './fast-accept';

const str = z.string();
const optStr = z.string().optional();
const num = z.number().refine(Number.isFinite, '应为有限数值');
const optNum = num.optional();
const strings = z.array(z.string());

/** Keys that would reach an object's prototype: refused anywhere a key is taken from data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A record keyed by data (ids): no prototype keys. */
const safeRecord = <T extends z.ZodType>(value: T) =>
  z
    .custom<Record<string, unknown>>((r) => !!r && typeof r === 'object' && !Array.isArray(r) && Object.keys(r).every((k) => !FORBIDDEN_KEYS.has(k)), '应为对象且不含不允许的键名')
    .pipe(z.record(z.string(), value));

export const DocumentRow = z.looseObject({ id: str, title: str, shortTitle: str, docNumber: optStr, issuer: optStr, issueDate: optStr, planStartYear: optNum, planEndYear: optNum, kind: str, source: str, addedAt: str });
export const SectionRow = z.looseObject({ id: str, documentId: str, parentId: optStr, level: num, label: str, title: str, order: num });
export const TaskRow = z.looseObject({
  key: str,
  documentId: str,
  sectionId: optStr,
  number: str,
  order: num,
  title: str,
  text: str,
  leadUnits: strings,
  responsibleUnits: strings,
  unitsText: optStr,
  deadline: optStr,
  deadlineText: optStr,
  archived: z.boolean().optional(),
  origin: str,
  updatedAt: str,
});
export const TargetRow = z.looseObject({ id: str, documentId: str, taskKey: optStr, name: str, unit: str, comparator: str, value: num, year: optNum, baseline: optNum, baselineYear: optNum, kind: str, sourceText: str });
export const ClusterRow = z.looseObject({ id: str, district: str, name: str, focus: optStr, keywords: strings, includedTaskKeys: strings, excludedTaskKeys: strings, origin: str, order: num });
export const ClusterIndicatorRow = z.looseObject({ id: str, clusterId: str, name: str, unit: str, target: optNum, targetYear: optNum, baseline: optNum, baselineYear: optNum });
export const ClusterIndicatorValueRow = z.looseObject({ id: str, indicatorId: str, periodId: str, value: num.nullable(), updatedAt: str });
export const ClusterProgressRow = z.looseObject({ id: str, clusterId: str, periodId: str, progress: str, problems: str, nextSteps: str, updatedAt: str });
export const ProgressRow = z.looseObject({
  id: str,
  district: str,
  taskKey: str,
  periodId: str,
  status: z.enum(TASK_STATUSES as unknown as [string, ...string[]]).optional(),
  percent: z.number().refine(isValidPercent, '完成进度应为 0 到 100 的整数').optional(),
  progress: str,
  problems: str,
  nextSteps: str,
  indicatorValues: safeRecord(num.nullable()),
  filledBy: str,
  updatedAt: str,
});
/** Settings whose value the program reads with a type. */
const SETTING_VALUES: Record<string, z.ZodType> = { district: str, filledBy: str, periodKind: z.enum(['month', 'quarter', 'half', 'year']), seedVersion: z.union([str, num]) };
export const SettingRow = z.looseObject({ key: str, value: z.unknown() }).superRefine((row, ctx) => {
  const v = SETTING_VALUES[row.key];
  if (v && !v.safeParse(row.value).success) ctx.addIssue({ code: 'custom', path: ['value'], message: `设置“${row.key}”的值类型不对` });
});
export const AuditRow = z.looseObject({ seq: optNum, at: str, entity: str, entityId: str, field: str, oldValue: z.unknown(), newValue: z.unknown(), by: str, reason: optStr });
export const SubmissionRow = z.looseObject({ id: str, district: str, periodId: str, report: str, fileName: str, sha256: str, rows: z.array(z.unknown()), at: str, unlockedAt: optStr });
export const ImportRow = z.looseObject({
  id: str,
  at: str,
  fileName: str,
  before: z.array(z.looseObject({ key: str, task: TaskRow.optional() })),
  after: strings,
  documentsAdded: strings.optional(),
  counts: z.looseObject({ added: num, updated: num, archived: num }).optional(),
  undoneAt: optStr,
});
export const TemplateRow = z.looseObject({ id: str, name: str, fileName: str, data: z.instanceof(Uint8Array), savedAt: str });
export const DraftRow = z.looseObject({
  id: str,
  entryId: str,
  session: str,
  district: str,
  taskKey: str,
  periodId: str,
  base: safeRecord(z.unknown()),
  mine: safeRecord(z.unknown()),
  updatedAt: str,
});
export const AssignmentRow = z.looseObject({ id: str, district: str, taskKey: str, lead: optStr, assist: strings, updatedAt: str });
export const RoundRow = z.looseObject({
  id: str,
  district: str,
  periodId: str,
  dueDate: str,
  createdAt: str,
  prefilled: z.boolean(),
  units: z.array(z.looseObject({ unit: str, taskKeys: strings, leadKeys: strings, fileName: str, checksum: str })),
  level: z.literal('city').optional(),
});
export const RoundApplyRow = z.looseObject({
  id: str,
  roundId: str,
  at: str,
  files: z.array(z.looseObject({ fileName: str, hash: str, unit: str })),
  returns: z.array(z.unknown()),
  before: z.array(z.looseObject({ id: str })),
  after: z.array(z.unknown()),
  undoneAt: optStr,
});

/** The validator of each stored table (derived tables are rebuilt, never validated from a file). */
export const ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  documents: DocumentRow,
  sections: SectionRow,
  tasks: TaskRow,
  targets: TargetRow,
  clusters: ClusterRow,
  clusterIndicators: ClusterIndicatorRow,
  clusterIndicatorValues: ClusterIndicatorValueRow,
  clusterProgress: ClusterProgressRow,
  progress: ProgressRow,
  settings: SettingRow,
  audit: AuditRow,
  submissions: SubmissionRow,
  imports: ImportRow,
  templates: TemplateRow,
  drafts: DraftRow,
  assignments: AssignmentRow,
  rounds: RoundRow,
  roundApplies: RoundApplyRow,
};

/** Chinese names of the tables, for messages that name where a bad row is. */
export const TABLE_NAMES: Readonly<Record<string, string>> = {
  documents: '政策文件',
  sections: '文件章节',
  tasks: '重点任务',
  targets: '目标指标',
  clusters: '产业集群',
  clusterIndicators: '集群指标',
  clusterIndicatorValues: '集群指标数值',
  clusterProgress: '集群进展',
  progress: '进展填报',
  settings: '设置',
  audit: '修改记录',
  submissions: '报送记录',
  imports: '导入记录',
  templates: '报表模板',
  drafts: '未保存的草稿',
  assignments: '承办分工',
  rounds: '下发记录',
  roundApplies: '回收记录',
  progressSummary: '工作台汇总',
};

/** Each table's quick acceptor, made from its schema (fast-accept.ts); zod judges what it does not accept. */
const ACCEPTORS: Readonly<Record<string, Acceptor | undefined>> = Object.fromEntries(Object.entries(ROW_SCHEMAS).map(([table, schema]) => [table, acceptorOf(schema)]));

/** Why a row is not valid, or undefined when it is. Rows of tables without a validator pass. */
export function rowProblem(table: string, row: unknown): string | undefined {
  const schema = ROW_SCHEMAS[table];
  if (!schema || ACCEPTORS[table]?.(row)) return undefined;
  const r = schema.safeParse(row);
  if (r.success) return undefined;
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : '整条记录';
  return `字段“${where}”${issue.code === 'invalid_type' ? '缺失或类型不对' : '的值不正确'}`;
}
