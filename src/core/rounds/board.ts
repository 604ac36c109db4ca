/**
 * The round board // 回收进度: per unit what was sent and returned, who to chase (催报), and
 * per task where each paragraph of the merged text came from.
 */
import type { TaskStatus } from '../model';
import type { Round } from './round';
import { INDICATOR_SHEET, dateText } from './sheet-layout';

/** A return as recorded when applied. */
export interface AppliedReturn {
  unit: string;
  fileName: string;
  at: string;
  /** Task keys the unit filled in. */
  taskKeys: string[];
  /** Per task and text field, what the unit wrote; with the status and percent it answered (recorded since they are compared across drops). */
  texts: { taskKey: string; progress: string; problems: string; nextSteps: string; status?: TaskStatus; percent?: number }[];
  /** The values it wrote in 指标填报 (recorded to compare across drops; absent in older records). */
  values?: { taskKey: string; targetId: string; value: number }[];
}

/** One unit's line on the board. */
export interface UnitBoardRow {
  unit: string;
  sent: number;
  returned: number;
  notReturned: number;
  /** Past the due date with tasks not returned. */
  overdue: boolean;
  lastReturnAt?: string;
}

/** The board of a round at `today` (`YYYY-MM-DD`). */
export function roundBoard(round: Round, returns: readonly AppliedReturn[], today: string): UnitBoardRow[] {
  return round.units.map((u) => {
    const mine = returns.filter((r) => r.unit === u.unit);
    const done = new Set(mine.flatMap((r) => r.taskKeys).filter((k) => u.taskKeys.includes(k)));
    const last = mine.map((r) => r.at).sort().at(-1);
    const notReturned = u.taskKeys.length - done.size;
    return { unit: u.unit, sent: u.taskKeys.length, returned: done.size, notReturned, overdue: notReturned > 0 && today > round.dueDate, ...(last ? { lastReturnAt: last } : {}) };
  });
}

/** Units to chase: nothing or not everything returned. */
export function unitsToChase(rows: readonly UnitBoardRow[]): UnitBoardRow[] {
  return rows.filter((r) => r.notReturned > 0);
}

/** The 催报 notice to paste into a message. */
export function chaseNotice(district: string, periodName: string, dueDate: string, rows: readonly UnitBoardRow[], today: string): string {
  const late = today > dueDate;
  const lines = rows.map((r) => `${r.unit}（${r.returned === 0 ? `${r.sent} 项任务均未报送` : `还有 ${r.notReturned} 项未报送`}）`);
  return [
    `各有关单位：`,
    `${district}${periodName}科技创新重点任务推进情况填报${late ? `已于${dateText(dueDate)}截止` : `将于${dateText(dueDate)}截止`}，以下单位尚未报送完毕：`,
    ...lines.map((l, i) => `${i + 1}. ${l}`),
    `请${late ? '尽快' : `于${dateText(dueDate)}前`}按下发的填报表填写后报回（请勿删除表格中的工作表，文件名可修改）。谢谢！`,
  ].join('\n');
}

/** The notice sent with the files at 下发 (`withValues`: some file has a 指标填报 sheet). */
export function sendNotice(district: string, periodName: string, dueDate: string, units: readonly string[], withValues = false): string {
  return [
    `各有关单位：`,
    `现将${district}${periodName}科技创新重点任务推进情况填报表下发给${units.join('、')}。请按表中说明填写本单位承办任务的本期状态、完成进度、进展情况、存在问题和下步计划${withValues ? `，有量化目标的任务另请在“${INDICATOR_SHEET.name}”工作表填写本期实际值` : ''}，于${dateText(dueDate)}前报回。`,
    `填报表已锁定不需填写的部分；请勿删除工作表或增删行列，文件名可以修改。谢谢！`,
  ].join('\n');
}

/** A paragraph of a merged text and the unit it came from (undefined: written in the office). */
export interface SourcedParagraph {
  text: string;
  unit?: string;
}

/**
 * Split a merged text into paragraphs and name each one's source. The sources stored with the
 * entry are used while they still fit (one per paragraph: a paragraph edited on the board keeps
 * its unit); otherwise the unit whose returned text holds that paragraph (latest return
 * first), else the office itself.
 */
export function attributeParagraphs(text: string, taskKey: string, field: 'progress' | 'problems' | 'nextSteps', returns: readonly AppliedReturn[], stored?: readonly string[]): SourcedParagraph[] {
  const sorted = [...returns].sort((a, b) => (a.at < b.at ? 1 : -1));
  const paragraphs = text
    .split(/\r?\n/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (stored && stored.length === paragraphs.length) return paragraphs.map((p, i) => (stored[i] ? { text: p, unit: stored[i] } : { text: p }));
  return paragraphs.map((p) => {
    const from = sorted.find((r) => r.texts.some((t) => t.taskKey === taskKey && t[field].split(/\r?\n/u).some((x) => x.trim() === p)));
    return from ? { text: p, unit: from.unit } : { text: p };
  });
}

/** The sources to store with an entry: one unit per paragraph, '' for the office. */
export function paragraphSourcesOf(entry: Record<'progress' | 'problems' | 'nextSteps', string>, taskKey: string, returns: readonly AppliedReturn[]): Record<'progress' | 'problems' | 'nextSteps', string[]> {
  const one = (f: 'progress' | 'problems' | 'nextSteps') => attributeParagraphs(entry[f], taskKey, f, returns).map((p) => p.unit ?? '');
  return { progress: one('progress'), problems: one('problems'), nextSteps: one('nextSteps') };
}
