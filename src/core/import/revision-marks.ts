/**
 * Revision marks // 修订标记: how a city's revised list says what it changed, in a 备注 (调整情况)
 * cell or around the task's name — 删除 / 已取消 / 并入第5项 (the task is dropped though its row
 * stays), 新增 / （新增） (a new task), 调整 / 修改 (changed: the cells say how). Each form is a row
 * of the tables below.
 */

/** What a mark says of the row's task. */
export type RevisionMark = 'dropped' | 'new' | 'changed';

/** After a mark, a note may follow: 删除（已完成）, 取消：并入第5项. */
const AFTER = '(?:(?:该|此|本)(?:项|条)?(?:任务)?|任务)?(?:[。；;，,（(：:、].*)?$';

/** The row's task named before the mark: 本项删除, 此项任务取消, 该任务已删除. */
const SUBJECT = '(?:本|此|该)(?:项|条)?(?:任务)?';

/** Whole-cell marks of a 备注 cell, first match wins. */
const CELL_MARKS: readonly { mark: RevisionMark; pattern: RegExp }[] = [
  { mark: 'dropped', pattern: new RegExp(`^(?:${SUBJECT})?(?:已|拟|予以|建议)?(?:删除|删去|取消|撤销|撤除|废止|停止执行|不再(?:实施|执行|保留|列入|纳入|开展|作为重点任务|作为任务))${AFTER}`, 'u') },
  // Merged into another task: this row's task no longer stands on its own (本项并入第6项, 合并至第6项). 与第5项合并
  // says no direction (offices often mark both rows so, and the row marked may be the one that stays): no mark.
  { mark: 'dropped', pattern: new RegExp(`^(?:${SUBJECT})?(?:已)?(?:并入|合并(?:至|到|入|进))`, 'u') },
  { mark: 'new', pattern: new RegExp(`^(?:${SUBJECT}(?:为)?)?(?:新增|新加|增加|增补|新列入|新纳入)${AFTER}`, 'u') },
  { mark: 'changed', pattern: new RegExp(`^(?:调整|修改|修订|变更|更新|完善)${AFTER}`, 'u') },
];

/** A mark in brackets at either end of the task's name: 建设人才驿站（新增）, 【删除】建设…. */
const NAME_MARK = /^\s*[（(【[]\s*(新增|删除|取消|已取消|调整|修改)\s*[）)】\]]\s*|\s*[（(【[]\s*(新增|删除|取消|已取消|调整|修改)\s*[）)】\]]\s*$/u;
const NAME_MARKS: Record<string, RevisionMark> = { 新增: 'new', 删除: 'dropped', 取消: 'dropped', 已取消: 'dropped', 调整: 'changed', 修改: 'changed' };

/** A cell that keeps the task as it was: 保留, 不变, 继续实施. */
const KEPT = /^(?:保留|不变|无变化|未变|延续|继续(?:实施|执行|推进)?|原任务)$/u;
/** A short clause before the mark: 已完成，不再列入 / 已完成，删除. */
const LEAD_CLAUSE = /^[^，,；;。]{1,8}[，,；;]/u;

/** The mark a 备注 cell makes, if it is one: the whole cell (in brackets or not), or its clause after a short first one. */
export function cellRevisionMark(cell: string | undefined): RevisionMark | undefined {
  let t = (cell ?? '').replace(/\s+/g, '');
  const inBrackets = /^[（(【[](.+)[）)】\]]$/u.exec(t);
  if (inBrackets) t = inBrackets[1]!;
  if (!t) return undefined;
  const mark = (s: string) => CELL_MARKS.find((m) => m.pattern.test(s))?.mark;
  return mark(t) ?? (LEAD_CLAUSE.test(t) ? mark(t.replace(LEAD_CLAUSE, '')) : undefined);
}

/**
 * Whether a column's cells are revision marks (保留 / 删除 / 新增 / 调整), whatever its header
 * says (变化情况, 增减, 类型): at least two marks, and no cell that is neither a mark nor 保留.
 */
export function isMarkColumn(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.replace(/\s+/g, '')).filter(Boolean);
  const marks = filled.filter((c) => cellRevisionMark(c) !== undefined).length;
  return marks >= 2 && filled.every((c) => cellRevisionMark(c) !== undefined || KEPT.test(c));
}

/**
 * The mark around a task's name, and the name without it; the text's copy of the name (when the
 * text starts with the marked name) loses it too.
 */
export function nameRevisionMark(title: string, text?: string): { mark: RevisionMark; title: string; text?: string; written: string } | undefined {
  const m = NAME_MARK.exec(title);
  if (!m) return undefined;
  const written = m[0].trim();
  const clean = title.replace(NAME_MARK, '').trim();
  if (!clean) return undefined;
  const out: { mark: RevisionMark; title: string; text?: string; written: string } = { mark: NAME_MARKS[m[1] ?? m[2]!]!, title: clean, written };
  if (text !== undefined) out.text = text.startsWith(title) ? clean + text.slice(title.length) : text.startsWith(written) ? text.slice(written.length).trimStart() : text;
  return out;
}

/**
 * A section row of a list of changes naming what the rows under it are: 三、删除任务, 二、新增任务（2项）,
 * 一、调整任务, 取消的事项. Only the heading's number, the mark word, 任务 / 事项 and a count: 一、调整优化
 * 产业结构 or 二、新增长点培育 name work, not a revision.
 */
const SECTION_MARK =
  /^(?:第?[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[、.．])?(?:拟|已)?(删除|删去|取消|撤销|不再列入|不再保留|停止执行|新增|增加|增补|新列入|新纳入|调整|修改|变更)(?:的)?(?:重点)?(?:任务|事项|工作|项目)?(?:清单)?(?:[(（]?共?\d+项[)）]?)?[:：]?$/u;
const SECTION_MARKS: Record<string, RevisionMark> = { 新增: 'new', 增加: 'new', 增补: 'new', 新列入: 'new', 新纳入: 'new', 调整: 'changed', 修改: 'changed', 变更: 'changed' };

/** The mark a section heading gives the rows under it (三、删除任务 → dropped), if it names one. */
export function sectionRevisionMark(heading: string | undefined): RevisionMark | undefined {
  const m = SECTION_MARK.exec((heading ?? '').replace(/\s+/g, ''));
  return m ? (SECTION_MARKS[m[1]!] ?? 'dropped') : undefined;
}

/** A new-value cell (调整后…) that keeps the old value beside it: 不变, 未调整, 同左, 保持不变. */
const KEEPS_OLD = /^(?:不变|未变|无变化|无调整|未调整|没有调整|不调整|保持不变|维持不变|维持原状|同左|同原|同原文|原文不变)[。.]?$/u;
/** Whether a cell of a new-value column keeps the old value (KEEPS_OLD). */
export const keepsOldValue = (cell: string) => KEEPS_OLD.test(cell.replace(/\s+/g, ''));

/** The new value said inside brackets after the old one: 完善…体系（调整为：完善…体系建设）. */
const BRACKETED_NEW = /^(.+?)\s*[（(]\s*(?:拟)?(?:调整为|修改为|变更为|更改为|改为)\s*[:：]?\s*(.+?)\s*[）)]$/u;
/** The old value said inside brackets after the new one: 2026年6月底前（原为：到2027年）. */
const BRACKETED_OLD = /^(.+?)\s*[（(]\s*(?:(?:原为|原定为?|原计划为?|调整前为?)\s*[:：]?|原\s*[:：])\s*(.+?)\s*[）)]$/u;
/** Old and new in one cell without brackets: 到2027年调整为2026年底前, 市科技局改为市发改委. */
const INLINE_NEW = /^(.+?)[，,；;\s]*(?:调整为|修改为|变更为|更改为|改为)\s*[:：]?\s*(.+)$/u;

/**
 * The new value of a cell that says its old value and the new one (a revised list's change written in
 * the cell, often the new part in red): X（调整为：Y）, Y（原为：X）, and where the cell holds a value, not
 * words (units, a deadline: `inline`), X调整为Y. Undefined when the cell says no such change.
 */
export function revisedValue(cell: string, inline: boolean): string | undefined {
  const t = cell.trim();
  const m = BRACKETED_NEW.exec(t);
  if (m) return m[2]!.trim() || undefined;
  const o = BRACKETED_OLD.exec(t);
  if (o) return o[1]!.trim() || undefined;
  const i = inline ? INLINE_NEW.exec(t) : null;
  return i ? i[2]!.trim() || undefined : undefined;
}
