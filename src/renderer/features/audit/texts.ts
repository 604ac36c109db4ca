/** User-facing text of 修改记录, in one place. */
import { STATUS_LABELS, type AuditEntry, type TaskStatus } from '@core/model';
import { parsePeriodId } from '@core/period';

export const AUDIT_TEXT = {
  title: '修改记录',
  empty: '暂无修改记录',
  columns: { at: '时间', entity: '对象', field: '内容', old: '原值', new: '新值', by: '填报人' },
  created: '新建',
  deleted: '删除',
  unlocked: '解锁已报送的报告期',
  restored: '从备份恢复全部数据',
  empty_value: '（空）',
  unknownUser: '—',
} as const;

/** Chinese names of recorded fields. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: '重点任务',
  text: '具体内容',
  number: '条目',
  order: '排序',
  leadUnits: '牵头单位',
  responsibleUnits: '责任单位',
  unitsText: '单位原文',
  deadline: '完成时限',
  deadlineText: '时限原文',
  archived: '已归档',
  documentId: '所属文件',
  sectionId: '所属部分',
  origin: '来源',
  status: '本期状态',
  percent: '完成进度',
  progress: '进展情况',
  problems: '存在问题',
  nextSteps: '下步计划',
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
};

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
  if (e.entity === 'setting') return `设置 ${SETTING_LABELS[e.entityId] ?? e.entityId}`;
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

/** A recorded value as short Chinese text. */
export function formatValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return AUDIT_TEXT.empty_value;
  const last = field.split(':').pop();
  if (last === 'status' && typeof v === 'string') return STATUS_LABELS[v as TaskStatus] ?? v;
  if (last === 'percent' && typeof v === 'number') return `${v}%`;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) {
    if (v.length === 0) return AUDIT_TEXT.empty_value;
    return v.every((x) => typeof x !== 'object' || x === null) ? v.join('、') : `（共 ${v.length} 项）`;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('key' in o && 'value' in o && Object.keys(o).length === 2) return formatValue('value', o.value);
    const label = o.title ?? o.name ?? o.progress ?? o.fileName;
    if (typeof label === 'string' && label) return label.length > 60 ? `${label.slice(0, 60)}…` : label;
    if ('safetyBackup' in o) return `恢复前的数据已备份为 ${String(o.safetyBackup)}`;
    if ('backupCreatedAt' in o) return `备份时间 ${String(o.backupCreatedAt).slice(0, 19).replace('T', ' ')} 的数据`;
    return `（共 ${Object.keys(o).length} 项）`;
  }
  const s = String(v);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}
