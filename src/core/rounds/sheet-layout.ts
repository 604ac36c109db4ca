/**
 * The layout of a round workbook // 任务填报表: the columns, which of them the unit fills in,
 * and the texts of the header. The writer (spreadsheet/round-write.ts) and the reader of
 * returned files (plan-return.ts) share it, so a sent file reads back by construction.
 */

/** A column of the round sheet. */
export interface RoundColumn {
  key: 'seq' | 'taskKey' | 'title' | 'text' | 'role' | 'status' | 'percent' | 'progress' | 'problems' | 'nextSteps';
  header: string;
  /** Other headers a hand-made or re-typed sheet may use. */
  aliases: string[];
  /** Filled in by the unit (unlocked in the protected sheet). */
  fill: boolean;
  width: number;
}

/** Columns in sheet order. Persisted in sent workbooks: add at the end only. */
export const ROUND_COLUMNS: readonly RoundColumn[] = [
  { key: 'seq', header: '序号', aliases: [], fill: false, width: 6 },
  { key: 'taskKey', header: '任务编号', aliases: ['编号'], fill: false, width: 13 },
  { key: 'title', header: '任务名称', aliases: ['重点任务', '任务'], fill: false, width: 26 },
  { key: 'text', header: '具体内容', aliases: ['任务内容', '工作内容'], fill: false, width: 40 },
  { key: 'role', header: '承办方式', aliases: ['牵头/协办'], fill: false, width: 9 },
  { key: 'status', header: '本期状态', aliases: ['状态', '推进状态', '完成情况'], fill: true, width: 11 },
  { key: 'percent', header: '完成进度（%）', aliases: ['完成进度', '完成进度(%)', '进度', '完成比例'], fill: true, width: 10 },
  { key: 'progress', header: '进展情况', aliases: ['工作进展', '推进情况', '进展'], fill: true, width: 40 },
  { key: 'problems', header: '存在问题', aliases: ['问题', '困难问题'], fill: true, width: 26 },
  { key: 'nextSteps', header: '下步计划', aliases: ['下一步计划', '下步工作', '下步打算'], fill: true, width: 26 },
];

/** The round sheet's name and its rows: title (1), instructions (2), header (3), tasks from 4. */
export const ROUND_SHEET = { name: '任务填报', titleRow: 1, noteRow: 2, headerRow: 3, firstTaskRow: 4 } as const;

/** A column of the indicator sheet // 指标填报. */
export interface IndicatorColumn {
  key: 'seq' | 'taskKey' | 'name' | 'goal' | 'previous' | 'value' | 'targetId';
  header: string;
  aliases: string[];
  /** Filled in by the unit (unlocked in the protected sheet). */
  fill: boolean;
  width: number;
}

/**
 * Columns of the indicator sheet in sheet order: one row per quantitative target of the unit's
 * tasks, the unit writing the period's value. 指标编号 (the target's id) ties the row to its target.
 * Persisted in sent workbooks: add at the end only.
 */
export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = [
  { key: 'seq', header: '序号', aliases: [], fill: false, width: 6 },
  { key: 'taskKey', header: '任务编号', aliases: ['编号'], fill: false, width: 13 },
  { key: 'name', header: '指标名称', aliases: ['指标'], fill: false, width: 24 },
  { key: 'goal', header: '目标', aliases: ['目标值', '任务目标', '指标目标'], fill: false, width: 30 },
  { key: 'previous', header: '上期实际值', aliases: ['上期值'], fill: false, width: 12 },
  { key: 'value', header: '本期实际值', aliases: ['实际值', '本期值', '完成值', '本期完成值'], fill: true, width: 14 },
  { key: 'targetId', header: '指标编号', aliases: [], fill: false, width: 18 },
];

/** The indicator sheet's name and rows: title (1), instructions (2), header (3), targets from 4. */
export const INDICATOR_SHEET = { name: '指标填报', titleRow: 1, noteRow: 2, headerRow: 3, firstRow: 4 } as const;

/** The indicator sheet's title row. */
export function indicatorTitle(district: string, periodName: string, unit: string): string {
  return `${district}${periodName}任务指标填报表（${unit}）`;
}

/** The indicator sheet's instruction row. */
export const INDICATOR_INSTRUCTIONS =
  '填报说明：请在“本期实际值”一列按“目标”的口径填写截至本期末的数值（只填数字，如 1520 或 2.5，单位见“目标”一列，百分比不带 % 号；暂无数据的留空），灰色部分请勿改动，不要增删行列。';

/** Labels of a unit's role on a task. */
export const ROLE_LABELS = { lead: '牵头', assist: '协办' } as const;

/** The title row of a unit's sheet. */
export function roundTitle(district: string, periodName: string, unit: string): string {
  return `${district}${periodName}重点任务推进情况填报表（${unit}）`;
}

/** The instruction row: what to fill, how, and by when. */
export function roundInstructions(dueDateText: string, withIndicators = false): string {
  return `填报说明：请只填写白色单元格（本期状态、完成进度、进展情况、存在问题、下步计划），灰色部分请勿改动，不要增删行列；本期状态请从下拉列表选择，完成进度填 0–100 的数字；牵头任务请填写全部内容，协办任务请写明本单位承担的工作。${withIndicators ? `有量化目标的任务，请在“${INDICATOR_SHEET.name}”工作表填写本期实际值。` : ''}请于${dueDateText}前将本文件报回（可改文件名，不要删除工作表）。`;
}

/** `2025-10-08` → `2025年10月8日`. */
export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Column letter of a 0-based column index (0 → A). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The file name of a unit's workbook (the unit may rename it; the binding still recognises it). */
export function roundFileName(district: string, periodName: string, unit: string): string {
  return `${district}${periodName}任务填报表_${unit}.xlsx`.replace(/[\\/:*?"<>|]/gu, '_');
}

/** The file a city round sends to a district (the city's list of its tasks). */
export function cityRoundFileName(periodName: string, unit: string): string {
  return `武汉市${periodName}科技创新重点任务清单_${unit}.xlsx`;
}
