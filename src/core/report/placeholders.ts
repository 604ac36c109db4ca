/**
 * Template placeholders // 模板占位符: the names a report template may use, and the check
 * of a loaded template. Templates are data: header cells carry scalar placeholders
 * ({{district}}, {{period}} …) and one styled data row per sheet carries row placeholders
 * ({{task.title}}, {{target.name}}, {{cluster.name}}, {{summary.status}}), repeated per row.
 *
 * Placeholder names are persisted in the offices' own template files: do not rename.
 */
import { TASK_FIELDS } from '../fields';

/** Scalar placeholders, usable in any cell: name → meaning. */
export const SCALAR_PLACEHOLDERS: Readonly<Record<string, string>> = {
  district: '本区名称，如 汉阳区',
  reportUnit: '填报单位，如 汉阳区科学技术局（未设置时为本区名称）',
  period: '报告期，如 2025年第三季度',
  periodStart: '报告期开始日期',
  periodEnd: '报告期结束日期',
  year: '报告期年份',
  filledDate: '填报日期',
  filledBy: '填报人',
  phone: '联系电话',
  reviewer: '审核人（负责人）',
  reportName: '报表名称',
};

/** Row scopes: each data row uses the placeholders of exactly one scope. */
export type RowScope = 'task' | 'target' | 'cluster' | 'summary';

/** Row placeholders of each scope: field → column header. */
export const ROW_PLACEHOLDERS: Readonly<Record<RowScope, Readonly<Record<string, string>>>> = {
  task: Object.fromEntries(TASK_FIELDS.map((f) => [f.id, f.header])),
  target: {
    seq: '序号',
    name: '指标名称',
    unit: '单位',
    scope: '目标范围',
    cityTarget: '全市目标（参考）',
    sources: '来源文件',
    baseline: '基期值',
    value: '区级目标值',
    year: '目标年份',
    actual: '本期实际值',
    rate: '完成率',
    judgement: '序时判断',
    units: '责任单位',
    note: '备注',
  },
  cluster: {
    seq: '序号',
    name: '集群',
    focus: '重点方向',
    progress: '本期进展',
    indicators: '集群指标及数值',
    problems: '存在问题',
    nextSteps: '下步计划',
    note: '备注',
  },
  summary: { status: '状态', count: '任务数', share: '占比' },
};

/**
 * Column headings the city's office (武汉市) reads otherwise: the 全市 target is its own target, not
 * a reference, and there is no 区级 target (the built-in 指标完成情况表's headings).
 */
export const CITY_HEADINGS: Readonly<Record<string, string>> = {
  [ROW_PLACEHOLDERS.target.cityTarget!]: '全市目标',
  [ROW_PLACEHOLDERS.target.value!]: '目标值',
};

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** One placeholder found in a text: `task.title` → { scope: 'task', field: 'title' }. */
export interface PlaceholderRef {
  raw: string;
  scope?: RowScope;
  field: string;
}

/** Every placeholder in a cell's text, in order. */
export function findPlaceholders(text: string): PlaceholderRef[] {
  const out: PlaceholderRef[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const raw = m[1]!;
    const dot = raw.indexOf('.');
    if (dot < 0) out.push({ raw, field: raw });
    else out.push({ raw, scope: raw.slice(0, dot) as RowScope, field: raw.slice(dot + 1) });
  }
  return out;
}

/** Whether a placeholder name is known. */
export function isKnownPlaceholder(ref: PlaceholderRef): boolean {
  if (ref.scope === undefined) return Object.hasOwn(SCALAR_PLACEHOLDERS, ref.field);
  const fields = Object.hasOwn(ROW_PLACEHOLDERS, ref.scope) ? ROW_PLACEHOLDERS[ref.scope] : undefined;
  return fields !== undefined && Object.hasOwn(fields, ref.field);
}

/** Replace scalar and row placeholders in a text; unknown names are left as written. */
export function fillText(text: string, scalars: Readonly<Record<string, string>>, row?: Readonly<Record<string, unknown>>): string {
  return text.replace(PLACEHOLDER_RE, (whole, raw: string) => {
    const dot = raw.indexOf('.');
    if (dot < 0) return Object.hasOwn(scalars, raw) ? scalars[raw]! : whole;
    const v = row?.[raw.slice(dot + 1)];
    return v === undefined ? whole : v === null ? '' : String(v);
  });
}

/** A template cell as the checker sees it (the spreadsheet ring extracts these). */
export interface TemplateCell {
  sheet: string;
  /** A1 address, e.g. `D5`. */
  address: string;
  row: number;
  text: string;
}

/** The layout of one template sheet: where its data row is and which scope it uses. */
export interface TemplateSheetLayout {
  sheet: string;
  dataRow: number;
  scope: RowScope;
}

/** A problem with a template, in plain Chinese, naming the sheet and cell. */
export interface TemplateIssue {
  sheet: string;
  cell?: string;
  message: string;
}

/** The outcome of checking a template: its sheets' layouts, or the issues that refuse it. */
export interface TemplateCheck {
  sheets: TemplateSheetLayout[];
  issues: TemplateIssue[];
}

const SCOPE_NAMES: Record<RowScope, string> = { task: '重点任务', target: '指标', cluster: '产业集群', summary: '汇总' };

/**
 * Check a template's placeholders: every name must be known, each sheet has at most one
 * data row of one scope, and the workbook has at least one data row (and the scopes
 * `required`, when given).
 */
export function checkTemplate(sheetNames: readonly string[], cells: readonly TemplateCell[], required: readonly RowScope[] = []): TemplateCheck {
  const issues: TemplateIssue[] = [];
  const layouts = new Map<string, TemplateSheetLayout>();
  for (const c of cells) {
    for (const ref of findPlaceholders(c.text)) {
      if (!isKnownPlaceholder(ref)) {
        issues.push({
          sheet: c.sheet,
          cell: c.address,
          message: `工作表“${c.sheet}”的 ${c.address} 单元格里有不认识的占位符 {{${ref.raw}}}，请改成设置页列出的名称（如 {{task.title}}）后重新加载。`,
        });
        continue;
      }
      if (ref.scope === undefined) continue;
      const seen = layouts.get(c.sheet);
      if (!seen) layouts.set(c.sheet, { sheet: c.sheet, dataRow: c.row, scope: ref.scope });
      else if (seen.dataRow !== c.row)
        issues.push({
          sheet: c.sheet,
          cell: c.address,
          message: `工作表“${c.sheet}”的 ${c.address} 单元格也有数据行占位符，但数据行应只有一行（第 ${seen.dataRow} 行）。请只保留一行带 {{…}} 的样式行。`,
        });
      else if (seen.scope !== ref.scope)
        issues.push({
          sheet: c.sheet,
          cell: c.address,
          message: `工作表“${c.sheet}”的 ${c.address} 单元格混用了“${SCOPE_NAMES[seen.scope]}”和“${SCOPE_NAMES[ref.scope]}”的占位符，一行只能填一种数据。`,
        });
    }
  }
  const sheets = sheetNames.map((n) => layouts.get(n)).filter((l): l is TemplateSheetLayout => l !== undefined);
  if (sheets.length === 0)
    issues.push({
      sheet: sheetNames[0] ?? '',
      message: '模板里没有数据行：请在表头下面的一行单元格中写上占位符（如 {{task.seq}}、{{task.title}}），并设好这一行的格式，导出时会按这一行逐条填写。',
    });
  for (const scope of required)
    if (sheets.length > 0 && !sheets.some((s) => s.scope === scope))
      issues.push({
        sheet: sheetNames[0] ?? '',
        message: `这个报表需要一行“${SCOPE_NAMES[scope]}”数据行（占位符以 {{${scope}.}} 开头），模板里没有找到。`,
      });
  return { sheets, issues };
}
