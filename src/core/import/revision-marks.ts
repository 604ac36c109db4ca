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
