/** User-facing text of 修改记录, in one place. */
import { STATUS_LABELS, type AuditEntry, type TaskStatus } from '@core/model';
import { parsePeriodId } from '@core/period';
import { fieldName } from '@core/fields';

export const AUDIT_TEXT = {
  title: '修改记录',
  empty: '暂无修改记录',
  columns: { at: '时间', entity: '对象', field: '内容', old: '原值', new: '新值', by: '填报人' },
  created: '新建',
  deleted: '删除',
  unlocked: '解锁已报送的报告期',
  restored: '从备份恢复全部数据',
  empty_value: '（空）',
  record: '整条记录',
  unknownUser: '—',
} as const;

/** Chinese names of recorded fields. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // The task's and the entry's fields by their one name in the registry (core/fields.ts).
  title: fieldName('title'),
  text: fieldName('text'),
  number: fieldName('number'),
  order: '排序',
  leadUnits: fieldName('leadUnits'),
  responsibleUnits: fieldName('responsibleUnits'),
  unitsText: '单位原文',
  deadline: fieldName('deadline'),
  deadlineText: '时限原文',
  archived: '已归档',
  documentId: '所属文件',
  sectionId: '所属部分',
  origin: '来源',
  status: fieldName('status'),
  percent: fieldName('percent'),
  progress: fieldName('progress'),
  problems: fieldName('problems'),
  nextSteps: fieldName('nextSteps'),
  indicatorValues: '指标实际值',
  filledBy: '填报人',
  name: '名称',
  focus: '重点方向',
  keywords: '匹配关键词',
  includedTaskKeys: '手动加入的任务',
  excludedTaskKeys: '手动排除的任务',
  value: '值',
  target: '目标值',
  targetYear: '目标年份',
  baseline: '基期值',
  unit: '单位',
  unlockedAt: '解锁',
  closedAt: '销号日期',
  closedNote: '销号说明',
  closedBy: '销号人',
  updatedAt: '更新时间',
  addedAt: '添加时间',
  issueDate: '印发日期',
  shortTitle: '简称',
  docNumber: '文号',
  issuer: '发文机关',
  kind: '类别',
  source: '来源',
  district: '区',
  periodId: '报告期',
  taskKey: '任务编号',
  key: '编号',
  comparator: '比较方式',
  year: '年份',
  baselineYear: '基期年份',
  sourceText: '原文',
  planStartYear: '规划起始年',
  planEndYear: '规划结束年',
  fileName: '报送文件',
  sha256: '文件校验码',
  submittedAt: '报送时间',
};

const ENTITY_LABELS: Readonly<Record<AuditEntry['entity'], string>> = {
  task: '任务',
  progress: '进展',
  cluster: '产业集群',
  setting: '设置',
  document: '文件',
  target: '指标',
  submission: '报送',
  import: '数据',
};

/** Chinese names of known setting keys. */
const SETTING_LABELS: Readonly<Record<string, string>> = {
  district: '本区',
  filledBy: '填报人',
  periodKind: '报告周期',
  seedVersion: '默认数据版本',
  importMapping: '导入列对应',
  gridColumns: '台账显示列',
  indicatorTables: '指标表',
  districtPositioning: '各区定位',
  ledgerRelevantOnly: '台账只看与本区相关',
  unitRenames: '单位名称对照',
  districtTargets: '各区目标分解',
  reportUnit: '报表填报单位',
  reportPhone: '报表联系电话',
  reportReviewer: '报表审核人',
};

const PERIOD_KIND_LABELS: Readonly<Record<string, string>> = { month: '月报', quarter: '季报', half: '半年报', year: '年报' };

function periodName(id: string): string {
  return parsePeriodId(id)?.name ?? id;
}

/** What an audit row is about, in Chinese: `任务 2023YD-07`, `进展 2025年第三季度`. */
export function describeEntity(e: AuditEntry): string {
  if (e.entity === 'progress') {
    const [, taskKey, periodId] = e.entityId.split('|');
    return `进展 ${taskKey ?? ''} ${periodId ? periodName(periodId) : ''}`.trim();
  }
  if (e.entity === 'import' && e.reason === 'restore') return '全部数据';
  if (e.entity === 'submission') {
    const [district, periodId] = e.entityId.split('|');
    return `报送 ${district ?? ''}${periodId ? periodName(periodId) : ''}`;
  }
  if (e.entity === 'setting') {
    // A district's own setting (reportUnit:汉阳区): its name and the district.
    const [key = '', district] = e.entityId.split(':');
    return `设置 ${SETTING_LABELS[key] ?? key}${district ? `（${district}）` : ''}`;
  }
  return `${ENTITY_LABELS[e.entity]} ${e.entityId}`;
}

/** The changed field in Chinese (cluster sub-records carry a `table:qualifier:field` path). */
export function describeField(e: AuditEntry): string {
  if (e.reason === 'unlock') return AUDIT_TEXT.unlocked;
  if (e.reason === 'restore') return AUDIT_TEXT.restored;
  const parts = e.field.split(':');
  const last = parts[parts.length - 1]!;
  const base = last === '*' ? (e.oldValue === null ? AUDIT_TEXT.created : AUDIT_TEXT.deleted) : (FIELD_LABELS[last] ?? last);
  if (parts[0] === 'clusterProgress') return `集群进展 ${periodName(parts[1] ?? '')} · ${base}`;
  if (parts[0] === 'indicator') return `集群指标 ${parts[1]} · ${base}`;
  if (parts[0] === 'indicatorValue') return `集群指标值 ${parts[1]} ${periodName(parts[2] ?? '')} · ${base}`;
  return base;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date `YYYY-MM-DD` as 2026年11月26日 (other text unchanged). */
export function chineseDate(date: string): string {
  const m = ISO_DATE.exec(date);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A moment as 2026年11月26日 12:03 in local time. */
export function chineseDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** The name of a record in a list or a whole-record row: its title, name, period, text. */
function recordLabel(o: Record<string, unknown>): string | undefined {
  const label = o.title ?? o.name ?? o.label ?? o.progress ?? o.fileName ?? o.key;
  if (typeof label === 'string' && label) return clip(label, 60);
  if (typeof o.periodId === 'string') return periodName(o.periodId);
  return undefined;
}

/** A recorded value as short Chinese text: dates as dates, lists as their items, records by their name. */
export function formatValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return AUDIT_TEXT.empty_value;
  const last = field.split(':').pop();
  if (last === 'status' && typeof v === 'string') return STATUS_LABELS[v as TaskStatus] ?? v;
  if (last === 'percent' && typeof v === 'number') return `${v}%`;
  if (last === 'periodKind' && typeof v === 'string') return PERIOD_KIND_LABELS[v] ?? v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && ISO_DATE_TIME.test(v)) return chineseDateTime(v);
  if (typeof v === 'string' && ISO_DATE.test(v)) return chineseDate(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return AUDIT_TEXT.empty_value;
    const items = v.map((x) => (x && typeof x === 'object' ? (recordLabel(x as Record<string, unknown>) ?? '') : formatValue('value', x))).filter(Boolean);
    return clip(items.join('、'), 200);
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('key' in o && 'value' in o && Object.keys(o).length === 2) return formatValue(String(o.key), o.value);
    if ('safetyBackup' in o) return `恢复前的数据已备份为 ${String(o.safetyBackup)}`;
    if ('backupCreatedAt' in o) return `备份时间 ${chineseDateTime(String(o.backupCreatedAt))} 的数据`;
    // A whole record (created or removed): its name, never a count of its fields.
    if (last === '*') return recordLabel(o) ?? AUDIT_TEXT.record;
    // A map such as indicator values: each entry as 名称：值.
    const entries = Object.entries(o).filter(([, x]) => x !== null && x !== undefined && x !== '');
    if (entries.length === 0) return AUDIT_TEXT.empty_value;
    return clip(entries.map(([k, x]) => `${FIELD_LABELS[k] ?? k}：${formatValue(k, x)}`).join('；'), 200);
  }
  return clip(String(v), 120);
}

function isSettingRow(v: unknown): v is { key: unknown; value: unknown } {
  return !!v && typeof v === 'object' && 'key' in v && 'value' in v && Object.keys(v).length === 2;
}

/** The 原值 / 新值 of an audit row: a created record says 新建 (and its name), a removed one 删除. */
export function formatSide(e: AuditEntry, side: 'old' | 'new'): string {
  const whole = e.field.split(':').pop() === '*';
  const v = side === 'old' ? e.oldValue : e.newValue;
  // A setting's row ({key, value}): the value, as written.
  if (isSettingRow(v)) return formatValue(String(v.key), v.value);
  if (whole && side === 'new' && e.oldValue === null && v !== null && typeof v === 'object') {
    const label = recordLabel(v as Record<string, unknown>);
    return label ?? AUDIT_TEXT.created;
  }
  if (whole && side === 'new' && v === null && e.oldValue !== null) return AUDIT_TEXT.deleted;
  return formatValue(e.field, v);
}
