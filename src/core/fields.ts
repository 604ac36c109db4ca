/**
 * The field registry of a task row: one list drives the grid columns, the export columns
 * and the import mapping, so that export → import round-trips by construction. Each field has
 * one Chinese name (its header) and an accessor (fieldText / progressFieldValue) that every
 * reader uses: the grid, the CSV, the report rows, the import diff and its preview.
 *
 * `id` values are persisted (remembered column mappings, grid column settings):
 * do not rename without a migration.
 */
import { STATUS_LABELS, taskCode, type ProgressEntry, type Task, type TaskHead } from './model';

/** A column of the task list as the city and the officer see it. */
export interface TaskField {
  id: TaskFieldId;
  /** Header as printed in the municipal template. */
  header: string;
  /** Other headers the city uses for the same column (import matching). */
  aliases: readonly string[];
  /** Whether an imported task list must have it. */
  requiredForImport: boolean;
  /**
   * A required column a list may have instead: a list whose only task column is its text
   * (任务内容) takes the lead sentence of each text for the title.
   */
  orInstead?: TaskFieldId;
  /** Whether the field belongs to the task (city-owned) or to the period's progress (district-owned). */
  owner: 'task' | 'progress' | 'derived';
}

export type TaskFieldId =
  | 'seq'
  | 'key'
  | 'document'
  | 'number'
  | 'section'
  | 'title'
  | 'text'
  | 'leadUnits'
  | 'responsibleUnits'
  | 'deadline'
  | 'progress'
  | 'percent'
  | 'status'
  | 'problems'
  | 'nextSteps'
  | 'note';

/** Every task-row field, in the order of the 重点任务推进情况表. */
export const TASK_FIELDS: readonly TaskField[] = [
  { id: 'seq', header: '序号', aliases: ['序号', '行号'], requiredForImport: false, owner: 'derived' },
  { id: 'key', header: '任务编号', aliases: ['任务编号', '任务代码', '任务ID', '编码'], requiredForImport: false, owner: 'task' },
  { id: 'document', header: '文件', aliases: ['文件', '政策文件', '文件名称', '来源文件', '依据文件', '任务来源', '任务出处'], requiredForImport: false, owner: 'task' },
  { id: 'number', header: '条目', aliases: ['条目', '编号', '任务序号', '条款'], requiredForImport: false, owner: 'task' },
  { id: 'section', header: '所属部分', aliases: ['所属部分', '章节', '板块', '类别', '行动'], requiredForImport: false, owner: 'task' },
  {
    id: 'title',
    header: '重点任务',
    aliases: ['重点任务', '任务名称', '工作任务', '任务', '主要任务', '重点工作', '工作事项', '任务事项', '重点事项'],
    requiredForImport: true,
    orInstead: 'text',
    owner: 'task',
  },
  { id: 'text', header: '具体内容', aliases: ['具体内容', '工作内容', '任务内容', '主要内容', '工作措施', '具体措施', '工作举措', '主要举措'], requiredForImport: false, owner: 'task' },
  { id: 'leadUnits', header: '牵头单位', aliases: ['牵头单位', '牵头部门', '主责单位', '牵头责任单位', '牵头责任部门', '主责部门', '主办单位'], requiredForImport: false, owner: 'task' },
  {
    id: 'responsibleUnits',
    header: '责任单位',
    aliases: ['责任单位', '配合单位', '责任部门', '参与单位', '协同单位', '配合部门', '协办单位', '参与部门'],
    requiredForImport: false,
    owner: 'task',
  },
  { id: 'deadline', header: '完成时限', aliases: ['完成时限', '时间节点', '完成时间', '时限要求', '截止时间', '时间安排', '完成期限'], requiredForImport: false, owner: 'task' },
  { id: 'progress', header: '进展情况', aliases: ['进展情况', '本期进展', '推进情况', '工作进展'], requiredForImport: false, owner: 'progress' },
  { id: 'percent', header: '完成进度', aliases: ['完成进度', '完成比例', '进度'], requiredForImport: false, owner: 'progress' },
  { id: 'status', header: '本期状态', aliases: ['本期状态', '状态', '推进状态', '完成状态'], requiredForImport: false, owner: 'progress' },
  { id: 'problems', header: '存在问题', aliases: ['存在问题', '问题', '困难问题'], requiredForImport: false, owner: 'progress' },
  { id: 'nextSteps', header: '下步计划', aliases: ['下步计划', '下一步计划', '下步工作', '下一步工作打算'], requiredForImport: false, owner: 'progress' },
  { id: 'note', header: '备注', aliases: ['备注', '说明', '调整情况', '变动情况', '变化情况', '修订情况', '变更情况', '调整说明', '修订说明', '增减情况'], requiredForImport: false, owner: 'derived' },
];

/** The field with this id. */
export function taskField(id: TaskFieldId): TaskField {
  const f = TASK_FIELDS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown task field ${id}`);
  return f;
}

/** The one Chinese name of a field, as printed in the 重点任务推进情况表 (grid, CSV, import, audit). */
export function fieldName(id: TaskFieldId): string {
  return taskField(id).header;
}

/** A task-owned field of a task as the officer reads it (units joined with 、, the deadline as written). */
export function taskFieldText(t: Task | TaskHead, f: TaskFieldId, docName: (id: string) => string = (id) => id): string {
  switch (f) {
    case 'document':
      return docName(t.documentId);
    case 'key':
      return taskCode(t);
    case 'number':
      return t.number;
    case 'title':
      return t.title;
    case 'text':
      return t.text ?? '';
    case 'leadUnits':
      return t.leadUnits.join('、');
    case 'responsibleUnits':
      return t.responsibleUnits.join('、');
    case 'deadline':
      return t.deadlineText ?? t.deadline ?? '';
    default:
      return '';
  }
}

/** A progress-owned field of an entry as a report cell: text, the percent as a number, the status by its label. */
export function progressFieldValue(p: ProgressEntry | undefined, f: 'progress' | 'percent' | 'status' | 'problems' | 'nextSteps'): string | number | null {
  switch (f) {
    case 'percent':
      return p?.percent ?? null;
    case 'status':
      return p?.status ? STATUS_LABELS[p.status] : '';
    default:
      return p?.[f] ?? '';
  }
}

/** Most characters an Excel cell holds (32,767): longer text could not be exported, so it is refused at entry. */
export const EXCEL_CELL_LIMIT = 32_767;

/** The required fields of an import that a list's columns lack (a field's `orInstead` column counts for it). */
export function missingForImport(has: (f: TaskFieldId) => boolean): TaskFieldId[] {
  return TASK_FIELDS.filter((f) => f.requiredForImport && !has(f.id) && !(f.orInstead && has(f.orInstead))).map((f) => f.id);
}
