/**
 * Cleaning the plain text of a policy document before parsing: PDF page numbers and
 * footers, the 抄送 block, spaces inside words and numbers, half-width punctuation, and
 * the rows of indicator tables (which PDF extraction drops into the middle of sentences).
 */
import { pipeCells, readPipeTable, type PipeTableRow } from './pipe-table';
import { UNIT_ENDINGS } from './trailers';
import { leadingListNumber } from './layouts';
import { deadlineDate, NO_DUE_DATE } from '../deadline';
import { toHalfWidth } from '../text';

/** One non-empty line after cleaning, with its 1-based line number in the original text. */
export interface CleanLine {
  line: number;
  text: string;
}

/** A row of an indicator table as found in the text // 指标表. */
export interface RawTableRow {
  line: number;
  /** 序号 */
  index: number;
  name: string;
  unit: string;
  baselineText: string;
  targetText: string;
  /** Header labels, e.g. `2020年现状值` and `2025年目标值`. */
  baselineLabel: string;
  targetLabel: string;
  /** Title line of the table, e.g. `武汉市科技创新“十四五”预期性指标`. */
  tableTitle: string;
  /** ≥ / ≤ written before the target. */
  bound?: '≥' | '≤';
  /** 预期性 / 约束性 column. */
  attribute?: string;
  /** 责任单位 / 牵头单位 / 数据来源 column. */
  responsible?: string;
}

/**
 * A row of a task table flattened into lines // 任务分解表: "序号 重点工作任务 主要责任单位
 * 协同配合单位 完成期限", a row's cells on one line, a cell of several units one unit a line.
 */
export interface RawTaskRow {
  /** Lines of the row (the first is where it starts). */
  lines: number[];
  number: string;
  task: string;
  /** Lead units, one cell each (主要责任单位 / 牵头单位). */
  lead: string[];
  /** The responsible units' cell (协同配合单位 / 配合单位), as written. */
  partners?: string;
  /** 完成期限, as written. */
  deadline?: string;
  /** The row was cut by the end of the copy after its lead cell: its responsible units are not known. */
  cut?: boolean;
}

/** What a task table's column after 序号 holds. */
export type TaskColumnKind = 'task' | 'lead' | 'partners' | 'deadline' | 'person';

/** The columns of a task table, found from its header. */
export interface TaskTableColumns {
  partners: boolean;
  deadline: boolean;
  /** The columns after 序号 in order, when the table has a person column (责任领导 叶林) to leave out of its rows. */
  kinds?: TaskColumnKind[];
}

/** Words of a task table's header cells, by what the column holds; a row per column kind. */
export const TASK_TABLE_COLUMN_WORDS = {
  // (2022年预期目标 | 责任单位: a year's goals handed to units, 沙坪坝区 2022)
  // (指标 | 责任单位: a plan's indicators handed to units, 武汉经开区 十四五 主要指标分工 — a table of
  // measures with values, 指标 | 单位 | 目标值, has no 责任单位 right after and is read as one)
  task: /任务|事项|工作内容|目标任务|预期目标$|^重点工作$|^工作$|^(?:主要)?指标(?:名称|内容)?$/u,
  lead: /^(?:主要责任单位|牵头单位|责任单位|牵头部门|责任部门|主要责任部门)$/u,
  partners: /^(?:协同配合单位|配合单位|协办单位|参与单位|协同单位|配合部门|协同部门|协同责任单位|配合责任单位|责任主体与协同单位)$/u,
  deadline: /^(?:完成期限|完成时限|完成时间|时间节点|时限)$/u,
};
/** Columns naming a person (责任领导 叶林), not a unit: left out of a task table's rows. */
const PERSON_COLUMN = /^(?:责任领导|分管领导|牵头领导|包保领导|联系领导|责任人|联系人|分管负责人)$/u;

/**
 * A task table's header ("序号 重点工作任务 主要责任单位 协同配合单位 完成期限"), else undefined.
 * After a 牵头 column, a 责任单位 column holds the other responsible units (牵头单位 | 责任单位, the
 * usual header of a 责任分解表); person columns (责任领导, 责任人) may stand anywhere after the task.
 */
export function readTaskTableHeader(src: string): TaskTableColumns | undefined {
  const cells = src.trim().split(/\s+/u);
  const W = TASK_TABLE_COLUMN_WORDS;
  if (cells[0] !== '序号' || cells.length < 3 || !W.task.test(cells[1]!)) return undefined;
  const kinds: TaskColumnKind[] = ['task'];
  let lead: string | undefined;
  for (const c of cells.slice(2)) {
    if (PERSON_COLUMN.test(c)) kinds.push('person');
    else if (!lead && W.lead.test(c)) {
      lead = c;
      kinds.push('lead');
    } else if (lead && (W.partners.test(c) || (/^牵头/u.test(lead) && /^责任(?:单位|部门)$/u.test(c)))) kinds.push('partners');
    else if (lead && W.deadline.test(c)) kinds.push('deadline');
    else return undefined;
  }
  if (!lead) return undefined;
  // The lead column right after the task's, as every table without a person column has it.
  if (!kinds.includes('person') && kinds[1] !== 'lead') return undefined;
  const cols: TaskTableColumns = { partners: kinds.includes('partners'), deadline: kinds.includes('deadline') };
  if (kinds.includes('person')) cols.kinds = kinds;
  return cols;
}

/** A task table's row of one cell naming a section of its rows: "一、主要经济社会发展指标…(牵头领导:成坤)". */
const SECTION_ROW = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/u;
const DEADLINE_WORDS = /\d{4}年|\d{1,2}月|年底|年内|[一二三四1-4]季度|上半年|下半年|年中|长期|持续|常态化|^全年$/u;
/** A cell that is only a date (2026-09-30, 2026.6, ２０２６年６月, 2025Q2, 2025.6-2026.6). */
const DATE_ONLY = /^[\d年月日底前末内\-/.—–~～至到上下半季度第一二三四Q]+$/iu;
/** A table cell that is a 完成时限: the words of one, or a date {@link deadlineDate} reads. */
const DEADLINE_CELL = { test: (c: string) => DEADLINE_WORDS.test(c) || (c.length <= 12 && NO_DUE_DATE.test(c)) || (DATE_ONLY.test(toHalfWidth(c)) && deadlineDate(c) !== undefined) };

/**
 * A task table copied one cell a line, starting at line `i`: each cell ending in "|" ("序号 |" /
 * "重点工作 |" / … / "1 |" / …), or the cells on lines of their own with "|" alone between them
 * ("序号" / "|" / "重点工作任务分解" / "|" / …), or every line a cell with no "|" at all (blank lines
 * between, as a web page's table is copied: the table ends at the first row not starting with
 * its number). Its header and rows, each row as one line of cells
 * as the task-table reader takes them (a cell's wrap spaces removed; person columns such as 责任领导
 * and columns of no task field such as 监督方式 left out). A last row cut by the end of the copy
 * keeps what it has. A row of one cell numbered 一、 / （一） is a section of the rows: a line of the
 * text (`sections`). Undefined when the lines there are no such table.
 */
export function readCellPerLineTaskTable(
  raw: readonly string[],
  i: number,
): { cols: TaskTableColumns; headerLines: number[]; separatorLines: number[]; sections: { line: number; text: string }[]; rows: { lines: number[]; text: string; cut?: { number: string; task: string; lead?: string[] } }[]; end: number } | undefined {
  const SEPARATOR = /^\s*\|\s*$/u;
  const ENDS_CELL = /^(\S.*?)\s*\|\s*$/u;
  const cells: { line: number; text: string }[] = [];
  const separatorLines: number[] = [];
  // No "|" at all ("序号" / "" / "目  标  任  务" / "" / …, as a web page's table is copied): every
  // line is a cell, and the table ends at the first row that does not start with its number.
  const next = raw.slice(i + 1).find((l) => l.trim()) ?? '';
  const bare = /^\s*序号\s*$/u.test(raw[i]!) && !/\|/u.test(next);
  // A line alone, a cell when a separator follows it (or the copy ends after it).
  let pending: { line: number; text: string } | undefined;
  let end = i;
  for (; end < raw.length; end++) {
    const line = raw[end]!;
    if (!line.trim()) continue;
    if (bare) {
      if (/\|/u.test(line)) break;
      cells.push({ line: end + 1, text: normalizeLine(line) });
      continue;
    }
    if (SEPARATOR.test(line)) {
      separatorLines.push(end + 1);
      if (pending) cells.push(pending);
      pending = undefined;
      continue;
    }
    const m = ENDS_CELL.exec(line.trim());
    if (m && !pending) {
      cells.push({ line: end + 1, text: normalizeLine(m[1]!) });
      continue;
    }
    if (pending || /^\s*\|/u.test(line)) break;
    pending = { line: end + 1, text: normalizeLine(line) };
  }
  if (pending && end >= raw.length) cells.push(pending);
  else if (pending) end = pending.line - 1;
  // A row of one cell spanning the table, a section of its rows ("一、主要经济社会发展指标(牵头领导:成坤)"):
  // a line of the text, not a cell.
  const sections: { line: number; text: string }[] = [];
  const width = cells.filter((c) => !SECTION_ROW.test(c.text)).findIndex((c) => /^\d{1,3}$/u.test(c.text));
  if (width < 3 || cells[0]!.text !== '序号' || cells.slice(0, width).some((c) => SECTION_ROW.test(c.text))) return undefined;
  const W = TASK_TABLE_COLUMN_WORDS;
  let header = cells.slice(0, width).map((c) => c.text);
  // Rows one cell shorter than the header, the header naming the task twice (主要任务 | 全年目标任务,
  // a group heading over its column): one task column (崇川区 2023 民生实事 推进情况).
  const first = Number(cells[width]?.text);
  const nextRow = cells.findIndex((c, k) => k > width && c.text === String(first + 1));
  const rowWidth = nextRow - width === width - 1 && W.task.test(header[1] ?? '') && W.task.test(header[2] ?? '') ? width - 1 : width;
  if (rowWidth < width) header = [header[0]!, header[1]!, ...header.slice(3)];
  const keep = header.map((h, k) => k === 0 || (!PERSON_COLUMN.test(h) && [W.task, W.lead, W.partners, W.deadline].some((re) => re.test(h))));
  // The last kept column: a row cut after it has every field (only what follows it is missing).
  const lastKept = keep.lastIndexOf(true);
  const cols = readTaskTableHeader(header.filter((_, k) => keep[k]).join(' '));
  if (!cols) return undefined;
  const rows: { lines: number[]; text: string; cut?: { number: string; task: string; lead?: string[] } }[] = [];
  for (let r = width; r < cells.length; ) {
    if (SECTION_ROW.test(cells[r]!.text)) {
      sections.push(cells[r++]!);
      continue;
    }
    let row = cells.slice(r, r + rowWidth);
    if (!/^\d{1,3}$/u.test(row[0]!.text)) {
      if (!bare) return undefined;
      end = row[0]!.line - 1;
      break;
    }
    // No "|" at all: an empty cell leaves no line, so the next row's number may come early (its
    // last cells were empty); the row ends there.
    const next = bare ? row.findIndex((c, k) => k >= 2 && c.text === String(Number(row[0]!.text) + 1)) : -1;
    if (next > 0) row = row.slice(0, next);
    // No "|" at all and a units cell of several lines (a Word cell of one unit a paragraph, 市行政审批局 /
    // 市司法局): the row runs on over the lines that are units or a deadline, up to the next row's
    // number; the task-row reader takes the extra units as the lead cell's (as 主要责任单位 one a line).
    if (bare && next < 0 && row.length === rowWidth && keep.every(Boolean)) {
      let k = r + rowWidth;
      while (k < cells.length && k < r + rowWidth + 8 && cells[k]!.text !== String(Number(row[0]!.text) + 1) && (UNITS_CELL(cells[k]!.text) || (cols.deadline && DEADLINE_CELL.test(cells[k]!.text)))) k++;
      if (k > r + rowWidth && (k === cells.length || cells[k]!.text === String(Number(row[0]!.text) + 1) || !/^\d{1,3}$/u.test(cells[k]!.text))) row = cells.slice(r, k);
    }
    r += row.length;
    if (next > 0 || row.length > rowWidth) {
      rows.push({ lines: row.map((c) => c.line), text: row.filter((_, k) => keep[k] ?? true).map((c) => c.text).join(' ') });
      continue;
    }
    const text = row.filter((_, k) => keep[k]).map((c) => c.text || '—').join(' ');
    // The last row cut by the end of the copy: its number, what it has of its task, and its lead
    // cell when the copy ends after it (a name cut mid-word is no unit: 区发…).
    const kept = row.filter((_, k) => keep[k]).map((c) => c.text);
    // (a sentence is no unit, whatever it ends in: “推动…研发机构、中科”)
    const lead = kept[2] && UNIT_ENDINGS.test(kept[2]) && !/[，。；,]/u.test(kept[2]) && kept[2].length <= 40 ? { lead: [kept[2]] } : {};
    if (row.length <= lastKept) rows.push({ lines: row.map((c) => c.line), text, ...(row.length >= 2 ? { cut: { number: row[0]!.text, task: row[1]!.text, ...lead } } : {}) });
    else rows.push({ lines: row.map((c) => c.line), text });
  }
  return { cols, headerLines: cells.slice(0, width).map((c) => c.line), separatorLines, sections, rows, end };
}

/** A cell of units (区工信局、区商务局、各街道办事处): names ending as units do, no sentence. */
const UNITS_CELL = (c: string) => c.length <= 80 && !/[。；;：:]/u.test(c) && c.split(/[、，,]/u).every((u) => UNIT_ENDINGS.test(u.trim().replace(/等$/u, '')));

/**
 * A task table copied one cell a line whose header has no 序号 column // 无序号列的任务分解表: the
 * task column first (主要工作任务 / 牵头单位 / 责任单位), each row's number written at the start of
 * its task cell ("1.主动对接国家战略…"), a row of one cell over the columns naming a section of the
 * rows ("一、优结构、谋发展…"). A row runs from its task cell to the next row's or section's; its
 * unit cells follow, a cell a line, and a lead cell of several units may hold one unit a line: with
 * a responsible column the row's last unit line is that cell, the lines before it the lead cell
 * (as a 主要责任单位 cell of one unit a line is read). The table ends at the first line that is no
 * row, section or unit cell; a last unit cut by the end of the copy ("多福湾工作专") names no unit.
 * Undefined when the lines at `i` are no such table.
 */
export function readNumberedCellTaskTable(
  raw: readonly string[],
  i: number,
): { cols: TaskTableColumns; headerLines: number[]; sections: { line: number; text: string }[]; rows: RawTaskRow[]; end: number } | undefined {
  const W = TASK_TABLE_COLUMN_WORDS;
  const cells: { line: number; text: string }[] = [];
  for (let k = i; k < raw.length; k++) if (raw[k]!.trim()) cells.push({ line: k + 1, text: normalizeLine(raw[k]!) });
  const [task, lead] = cells;
  if (!task || !lead || task.text.length > 12 || !W.task.test(task.text) || leadingListNumber(task.text) || !W.lead.test(lead.text)) return undefined;
  let width = 2;
  while (cells[width] && (W.partners.test(cells[width]!.text) || W.deadline.test(cells[width]!.text) || (/^牵头/u.test(lead.text) && /^责任(?:单位|部门)$/u.test(cells[width]!.text)))) width++;
  const cols = readTaskTableHeader(['序号', ...cells.slice(0, width).map((c) => c.text)].join(' '));
  if (!cols || cols.kinds) return undefined;
  const startsRow = (c: string) => {
    const n = leadingListNumber(c);
    return n && /^\d+$/u.test(n.number) && !UNITS_CELL(c) ? n : undefined;
  };
  const sections: { line: number; text: string }[] = [];
  const rows: RawTaskRow[] = [];
  let k = width;
  let end = cells[width - 1]!.line;
  while (k < cells.length) {
    const c = cells[k]!;
    if (SECTION_ROW.test(c.text)) {
      sections.push(c);
      end = c.line;
      k++;
      continue;
    }
    const start = startsRow(c.text);
    if (!start) break;
    const units: { line: number; text: string }[] = [];
    let j = k + 1;
    for (; j < cells.length && !startsRow(cells[j]!.text) && !SECTION_ROW.test(cells[j]!.text); j++) {
      const cell = cells[j]!.text;
      const last = j === cells.length - 1;
      if (!UNITS_CELL(cell) && !(cols.deadline && DEADLINE_CELL.test(cell)) && !(last && !/[。；;：:]/u.test(cell) && cell.length <= 80)) break;
      units.push(cells[j]!);
    }
    if (!units.length) break;
    const texts = units.map((u) => u.text.replace(OTHERS_PHRASE, '').replace(/[。，、]+$/u, ''));
    // The copy's last cell cut mid-name: the names written out in full.
    if (j === cells.length && !UNITS_CELL(texts[texts.length - 1]!)) texts[texts.length - 1] = texts[texts.length - 1]!.split(/[、，,]/u).filter((u) => UNIT_ENDINGS.test(u.trim())).join('、');
    const deadline = cols.deadline && texts.length > 1 && DEADLINE_CELL.test(texts[texts.length - 1]!) ? texts.pop() : undefined;
    const partners = cols.partners && texts.length > 1 ? texts.pop() : undefined;
    const row: RawTaskRow = { lines: [c.line, ...units.map((u) => u.line)], number: start.number, task: start.rest, lead: texts.filter(Boolean) };
    if (partners) row.partners = partners;
    if (deadline) row.deadline = deadline;
    rows.push(row);
    end = units[units.length - 1]!.line;
    k = j;
  }
  if (!rows.length) return undefined;
  return { cols, headerLines: cells.slice(0, width).map((c) => c.line), sections, rows, end };
}

/** "区财政局等区政府有关部门": the named units; "等…有关部门" names no unit of its own. */
const OTHERS_PHRASE = /[、，,]?等(?:[^、，,；;。]*?有关|各)(?:部门|单位)/gu;

/** One task-table row from its raw text (cells separated by spaces, lines by line breaks). */
export function readTaskRow(raw: string, cols: TaskTableColumns): Omit<RawTaskRow, 'lines'> | undefined {
  const cells = raw.trim().split(/\s+/u);
  const number = cells.shift();
  if (!number || !/^\d{1,3}$/u.test(number) || cells.length < 2) return undefined;
  let deadline: string | undefined;
  // Person columns (责任领导 叶林) are left out: those after the lead column read from the right,
  // those between the task and the lead column after the task's cells.
  const kinds = cols.kinds ?? [];
  const after = kinds.slice(kinds.indexOf('lead') + 1);
  for (const kind of after.reverse()) {
    if (kind === 'partners') break;
    if (kind === 'deadline' && DEADLINE_CELL.test(cells[cells.length - 1]!)) deadline = cells.pop();
    else if (kind === 'person' && cells.length > 2) cells.pop();
  }
  if (!cols.kinds && cols.deadline && DEADLINE_CELL.test(cells[cells.length - 1]!)) deadline = cells.pop();
  // The task cell: up to the first cell ending a sentence (a cell may hold spaces), else the first.
  const end = cells.findIndex((c) => /[。；;]$/u.test(c));
  const taskCells = cells.splice(0, end >= 0 && end < cells.length - 1 ? end + 1 : 1);
  for (const kind of kinds.slice(1, kinds.indexOf('lead'))) if (kind === 'person' && cells.length > 1) cells.shift();
  const partners = cols.partners && cells.length >= 2 ? cells.pop() : undefined;
  if (!cells.length) return undefined;
  const row: Omit<RawTaskRow, 'lines'> = { number, task: normalizeLine(taskCells.join(' ')), lead: cells.map((c) => normalizeLine(c).replace(OTHERS_PHRASE, '').replace(/[。，、]+$/u, '')) };
  if (partners) row.partners = normalizeLine(partners).replace(OTHERS_PHRASE, '').replace(/[。，、]+$/u, '');
  if (deadline) row.deadline = normalizeLine(deadline);
  return row;
}

/** The cleaned lines and what was taken out of them. */
export interface CleanText {
  lines: CleanLine[];
  tableRows: RawTableRow[];
  /** Rows of task tables (their lines are not among `lines`). */
  taskRows: RawTaskRow[];
  /** Indicator cells of tables copied one cell a line ("| 474696"), a row per district. */
  pipeRows: PipeTableRow[];
  /**
   * Line numbers of page footers, page numbers and 抄送 lines removed, and of the title and
   * header lines of indicator tables (their content is in tableRows).
   */
  removed: { line: number; what: string }[];
}

/** `what` of a table's title and header line in CleanText.removed. */
export const TABLE_TITLE = '指标表名';
export const TABLE_HEADER_LINE = '指标表表头';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2014\\u2018-\\u201d\\u2026〈〉《》';
const SPACE_NEAR_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');
const FOOTER = /^\s*[—\-－–]{1,3}\s*\d{1,3}\s*[—\-－–]{1,3}\s*$/u;
/**
 * The controls of a government site's accessibility toolbar (无障碍浏览), copied one a line above
 * the document (随州 2024): lines of the page, not of the text.
 */
const ACCESSIBILITY_TOOLBAR = ['拼音', '辅助浏览', '轻松阅读', '读屏', '视图', '放大', '缩小', '配色', '白底黑字蓝链接', '蓝底黄字白链接', '黄底黑字蓝链接', '黑底黄字白链接', '页面原始配色', '大鼠标', '辅助线', '显示屏', '声音', '指读', '连读', '减速', '加速', '音量', '增加音量', '减小音量', '后退', '前进', '全屏', '刷新', '退出', '帮助', '换肤'];
/**
 * A line of the web page a text was copied from, not of the document: the site's footer (主办单位
 * … 网站标识码 … ICP备), 上一篇 / 下一篇, 打印本页 / 关闭窗口, the breadcrumb and the site's links.
 * (主办单位：… on such a line is the site's owner, never a task's lead unit.)
 */
const WEB_PAGE_LINE = new RegExp(
  String.raw`网站标识码|ICP备|公网安备|版权所有|Copyright|技术支持[：:]|打印本页|关闭窗口|^\s*(?:上一篇|下一篇)[：:]|^\s*首页\s*[>＞›]|^\s*字号[：:]|^\s*[•·]?\s*(?:设为首页|加入收藏|无障碍阅读|长者版|网站地图|联系我们)\s*$|^\s*(?:${ACCESSIBILITY_TOOLBAR.join('|')})\s*$`,
  'u',
);
const PAGE_NUMBER = /^\s*(?:第\s*)?\d{1,3}\s*(?:页)?\s*$/u;
const TABLE_HEADER = /^\s*序号\s+(\S+)\s+(\d{4}年\S*)\s+(\d{4}年\S*)\s*$/u;
const TABLE_ROW = /^\s*(\d{1,2})\s+(\S.*?)\s+((?:年均增速\s*)?-?[\d.]+%?)\s+((?:年均增速\s*)?-?[\d.]+%?)\s*$/u;

/**
 * The columns of an indicator table with a 单位 column or a single target column
 * // 指标表: "序号 指标名称 单位 2020年 2025年 属性", "序号 指标 单位 目标值 责任单位".
 */
export interface TableColumns {
  /** How many value columns: 2 = baseline and target, 1 = target only. */
  values: 1 | 2;
  unit: boolean;
  attribute: boolean;
  responsible: boolean;
  baselineLabel: string;
  targetLabel: string;
}

/** Words of header cells, by what the column holds. */
export const TABLE_COLUMN_WORDS = {
  unit: /^(?:单位|计量单位)$/u,
  value: /年|值|目标|现状|基期|基数/u,
  attribute: /^(?:属性|指标属性|类型|性质)$/u,
  responsible: /^(?:责任单位|牵头单位|责任部门|数据来源|统计部门)$/u,
};

const DEFAULT_COLUMNS: TableColumns = { values: 1, unit: true, attribute: false, responsible: true, baselineLabel: '', targetLabel: '' };

/** A "序号 …" header with a 单位 column or one value column, else undefined (the seed layout has its own). */
export function readColumnsHeader(src: string): TableColumns | undefined {
  const cells = src.trim().split(/\s+/u);
  if (cells[0] !== '序号' || cells.length < 3 || !/指标/u.test(cells[1]!)) return undefined;
  const rest = cells.slice(2);
  const values = rest.filter((c) => TABLE_COLUMN_WORDS.value.test(c) && !TABLE_COLUMN_WORDS.responsible.test(c));
  const unit = rest.some((c) => TABLE_COLUMN_WORDS.unit.test(c));
  if (!unit && values.length === 2) return undefined;
  if (!values.length || values.length > 2) return undefined;
  return {
    values: values.length as 1 | 2,
    unit,
    attribute: rest.some((c) => TABLE_COLUMN_WORDS.attribute.test(c)),
    responsible: rest.some((c) => TABLE_COLUMN_WORDS.responsible.test(c)),
    baselineLabel: values.length === 2 ? values[0]! : '',
    targetLabel: values[values.length - 1]!,
  };
}

const VALUE_CELL = /^(?:[≥≤>＞<＜]=?)?-?\d+(?:\.\d+)?%?$/u;
const UNIT_CELL = /^(?:%|‰|％|[\u4e00-\u9fff]{1,3}(?:\/[\u4e00-\u9fff]{1,3})?|—|-|[A-Za-z]+)$/u;

/** One row of a table with TableColumns, read from the right: responsible, attribute, values, unit; the rest is the name. */
export function readFlatRow(src: string, cols: TableColumns): Omit<RawTableRow, 'line' | 'baselineLabel' | 'targetLabel' | 'tableTitle'> | undefined {
  const cells = src.trim().split(/\s+/u);
  const index = Number(cells.shift());
  if (!Number.isInteger(index) || index < 1 || index > 99) return undefined;
  let responsible: string | undefined;
  let attribute: string | undefined;
  if (cols.responsible && cells.length > 3 && !VALUE_CELL.test(cells[cells.length - 1]!)) responsible = cells.pop();
  if (/^(?:预期性|约束性)$/u.test(cells[cells.length - 1] ?? '')) attribute = cells.pop();
  else if (cols.attribute) return undefined;
  const values: string[] = [];
  while (values.length < cols.values && cells.length && VALUE_CELL.test(cells[cells.length - 1]!)) values.unshift(cells.pop()!);
  if (!values.length) return undefined;
  let unit = '';
  if (cols.unit && cells.length > 1 && UNIT_CELL.test(cells[cells.length - 1]!)) unit = cells.pop()!;
  const nameUnit = normalizeLine(cells.join(' '));
  if (nameUnit.length < 2) return undefined;
  const m = !unit ? /^(.*)（([^（）]+)）$/u.exec(nameUnit) : null;
  const target = values[values.length - 1]!;
  const bound = /^[≥>＞]/u.test(target) ? '≥' : /^[≤<＜]/u.test(target) ? '≤' : undefined;
  const row: Omit<RawTableRow, 'line' | 'baselineLabel' | 'targetLabel' | 'tableTitle'> = {
    index,
    name: m ? m[1]! : nameUnit,
    unit: (m ? m[2]! : unit).replace(/^[—-]$/u, ''),
    baselineText: values.length === 2 ? values[0]! : '',
    targetText: target.replace(/^[≥≤>＞<＜]=?/u, ''),
  };
  if (bound) row.bound = bound;
  if (attribute) row.attribute = attribute;
  if (responsible) row.responsible = responsible;
  return row;
}

/** A short line that can be a pipe table's row label (潍城, 峡山生态, (开发区)). */
function isPipeLabel(src: string): boolean {
  const t = src.trim();
  return t.length > 0 && t.length <= 12 && !/[。，；：:,;|]/u.test(t) && !/^\d/u.test(t);
}

/** Normalise one line: full-width punctuation, no spaces next to Chinese, "11. 5" → "11.5". */
export function normalizeLine(s: string): string {
  return s
    .replace(/\uFEFF/g, '')
    .replace(/\u00a0|\u3000/g, ' ')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(\d)\s*([.．])\s+(\d)/g, '$1.$3')
    .replace(SPACE_NEAR_CJK, '')
    .trim();
}

/** Clean a whole text: see the module comment. Never throws. */
export function cleanPolicyText(text: string): CleanText {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: CleanLine[] = [];
  const tableRows: RawTableRow[] = [];
  const removed: CleanText['removed'] = [];
  const taskRows: RawTaskRow[] = [];
  let taskTable: { cols: TaskTableColumns; open?: { lines: number[]; raw: string[] } } | undefined;
  const closeTaskRow = () => {
    const open = taskTable?.open;
    if (!open) return;
    taskTable!.open = undefined;
    const row = readTaskRow(open.raw.join('\n'), taskTable!.cols);
    if (row) taskRows.push({ lines: open.lines, ...row });
    else open.lines.forEach((line, k) => lines.push({ line, text: normalizeLine(open.raw[k]!) }));
  };
  const pipeRows: PipeTableRow[] = [];
  const attachments = attachmentListLines(raw);
  let inCc = false;
  let table: { title: string; baselineLabel: string; targetLabel: string; next: number; columns?: TableColumns } | undefined;
  for (let i = 0; i < raw.length; i++) {
    const src = raw[i]!;
    const n = i + 1;
    if (!src.trim()) continue;
    // A table copied one cell a line: its header's first cell is on the short lines before.
    if (/^\s*\|/u.test(src)) {
      let start = i;
      while (start > 0 && lines.length && lines[lines.length - 1]!.line === start && isPipeLabel(raw[start - 1]!) && i - start < 2) {
        start--;
        lines.pop();
      }
      let end = i;
      while (end < raw.length && (!raw[end]!.trim() || /^\s*\|/u.test(raw[end]!) || isPipeLabel(raw[end]!))) end++;
      const span = raw.slice(start, end).map((text, k) => ({ line: start + k + 1, text }));
      const found = readPipeTable(pipeCells(span));
      if (found.length) {
        pipeRows.push(...found);
        for (const l of span) if (l.text.trim()) removed.push({ line: l.line, what: TABLE_HEADER_LINE });
        i = end - 1;
        continue;
      }
      for (const l of span.slice(0, i - start)) lines.push({ line: l.line, text: normalizeLine(l.text) });
    }
    if (attachments.has(n)) {
      removed.push({ line: n, what: '附件' });
      continue;
    }
    if (inCc) {
      removed.push({ line: n, what: '抄送' });
      if (/印发\s*$/u.test(src)) inCc = false;
      continue;
    }
    if (/^\s*抄\s*送\s*[：:]/u.test(src)) {
      removed.push({ line: n, what: '抄送' });
      inCc = !/印发\s*$/u.test(src);
      continue;
    }
    if (FOOTER.test(src)) {
      removed.push({ line: n, what: '页脚' });
      continue;
    }
    if (WEB_PAGE_LINE.test(src)) {
      removed.push({ line: n, what: '网页导航' });
      continue;
    }
    if (PAGE_NUMBER.test(src)) {
      removed.push({ line: n, what: '页码' });
      continue;
    }
    // A task table copied one cell a line without a 序号 column (主要工作任务 / 牵头单位 / 责任单位 / 1.…).
    const numbered = !taskTable && src.trim().length <= 12 && TASK_TABLE_COLUMN_WORDS.task.test(src.trim()) ? readNumberedCellTaskTable(raw, i) : undefined;
    if (numbered) {
      for (const line of numbered.headerLines) removed.push({ line, what: TABLE_HEADER_LINE });
      lines.push(...numbered.sections);
      taskRows.push(...numbered.rows);
      lines.sort((a, b) => a.line - b.line);
      i = numbered.end - 1;
      continue;
    }
    // A task table copied one cell a line ("序号 |" / "重点工作 |" / … / "1 |" / …, or no "|" at all).
    const perLine = !taskTable && /^\s*序号\s*(?:\|\s*)?$/u.test(src) ? readCellPerLineTaskTable(raw, i) : undefined;
    if (perLine) {
      for (const line of [...perLine.headerLines, ...perLine.separatorLines]) removed.push({ line, what: TABLE_HEADER_LINE });
      const from = lines.length;
      lines.push(...perLine.sections);
      for (const r of perLine.rows) {
        // A cut row's other cells are not known: with a responsible column its units are not the lead's.
        const row = r.cut ? { number: r.cut.number, task: r.cut.task, lead: r.cut.lead ?? [], ...(perLine.cols.partners ? { cut: true } : {}) } : readTaskRow(r.text, perLine.cols);
        if (row) taskRows.push({ lines: r.lines, ...row });
        else for (const line of r.lines) lines.push({ line, text: normalizeLine(raw[line - 1]!.replace(/\s*\|\s*$/u, '')) });
      }
      lines.splice(from, lines.length - from, ...lines.slice(from).sort((a, b) => a.line - b.line));
      i = perLine.end - 1;
      continue;
    }
    // A task table: rows start with their number; a row's lines run until the next row.
    const taskCols = readTaskTableHeader(src);
    if (taskCols) {
      closeTaskRow();
      const prev = lines[lines.length - 1];
      // The table's title line, unless it is the text's first line: then it is the document's title too.
      if (prev && lines.length > 1 && /表$/u.test(prev.text) && prev.text.length <= 40) removed.push({ line: lines.pop()!.line, what: TABLE_TITLE });
      removed.push({ line: n, what: TABLE_HEADER_LINE });
      taskTable = { cols: taskCols };
      continue;
    }
    if (taskTable) {
      if (/^\s*\d{1,3}\s+\S/u.test(src)) {
        closeTaskRow();
        taskTable.open = { lines: [n], raw: [src] };
        continue;
      }
      if (taskTable.open && !/^\s*[一二三四五六七八九十]+、|^\s*附件/u.test(src)) {
        taskTable.open.lines.push(n);
        taskTable.open.raw.push(src);
        continue;
      }
      closeTaskRow();
      // A row of one cell naming a section of the rows, more rows below it: the table goes on.
      const next = raw.slice(i + 1).find((l) => l.trim());
      if (SECTION_ROW.test(src.trim()) && next !== undefined && /^\s*\d{1,3}\s+\S/u.test(next)) {
        lines.push({ line: n, text: normalizeLine(src) });
        continue;
      }
      taskTable = undefined;
    }
    const columns = table ? undefined : readColumnsHeader(src);
    if (columns) {
      const prev = lines[lines.length - 1];
      let title = '';
      if (prev && prev.text.length <= 40 && !/[。；]$/u.test(prev.text) && /指标|目标/u.test(prev.text)) {
        title = prev.text;
        removed.push({ line: lines.pop()!.line, what: TABLE_TITLE });
      }
      removed.push({ line: n, what: TABLE_HEADER_LINE });
      table = { title, baselineLabel: columns.baselineLabel, targetLabel: columns.targetLabel, next: 1, columns };
      continue;
    }
    // Rows of an indicator table whose header was lost (a page break): "8 研发经费支出占GDP比重 % ≥2.8 省统计局".
    if (!table && lines.length && (/指标/u.test(lines[lines.length - 1]!.text) && lines[lines.length - 1]!.text.length <= 40)) {
      const flat = readFlatRow(src, DEFAULT_COLUMNS);
      if (flat) {
        const prev = lines.pop()!;
        removed.push({ line: prev.line, what: TABLE_TITLE });
        table = { title: prev.text, baselineLabel: '', targetLabel: '', next: flat.index, columns: DEFAULT_COLUMNS };
      }
    }
    if (table?.columns) {
      const row = readFlatRow(src, table.columns);
      if (row && row.index === table.next) {
        tableRows.push({ line: n, ...row, baselineLabel: table.baselineLabel, targetLabel: table.targetLabel, tableTitle: table.title });
        table.next++;
        continue;
      }
      if (row && row.index === 1 && table.next > 2) {
        table.next = 2;
        tableRows.push({ line: n, ...row, baselineLabel: table.baselineLabel, targetLabel: table.targetLabel, tableTitle: table.title });
        continue;
      }
    }
    const header = TABLE_HEADER.exec(src);
    if (header) {
      const prev = lines[lines.length - 1];
      let title = '';
      if (prev && prev.text.length <= 40 && !/[。；]$/u.test(prev.text) && /指标|目标/u.test(prev.text)) {
        title = prev.text;
        removed.push({ line: lines.pop()!.line, what: TABLE_TITLE });
      }
      removed.push({ line: n, what: TABLE_HEADER_LINE });
      table = { title, baselineLabel: header[2]!, targetLabel: header[3]!, next: 1 };
      continue;
    }
    if (table && !table.columns) {
      const row = TABLE_ROW.exec(src);
      if (row && Number(row[1]) === table.next) {
        const nameUnit = normalizeLine(row[2]!);
        const m = /^(.*)（([^（）]+)）$/u.exec(nameUnit);
        tableRows.push({
          line: n,
          index: Number(row[1]),
          name: m ? m[1]! : nameUnit,
          unit: m ? m[2]! : '',
          baselineText: normalizeLine(row[3]!),
          targetText: normalizeLine(row[4]!),
          baselineLabel: table.baselineLabel,
          targetLabel: table.targetLabel,
          tableTitle: table.title,
        });
        table.next++;
        continue;
      }
    }
    const t = normalizeLine(src);
    if (t) lines.push({ line: n, text: t });
  }
  closeTaskRow();
  for (const line of tableOfContents(lines)) removed.push({ line, what: '目录' });
  const contents = new Set(removed.filter((r) => r.what === '目录').map((r) => r.line));
  return { lines: lines.filter((l) => !contents.has(l.line)), tableRows, taskRows, pipeRows, removed };
}

/**
 * The rest of a notice's list of attachments // 附件 ("附件：1.2018年《政府工作报告》主要工作目标任务
 * 分解表" / "2.2018年民生十件实事任务分解表" / "3.…"): the names of documents, numbered on, no sentence —
 * not tasks (银川市兴庆区 2018). Their 1-based line numbers.
 */
export function attachmentListLines(raw: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < raw.length; i++) {
    if (!/^\s*附件\s*[：:]\s*1\s*[.．、]\s*\S/u.test(raw[i]!)) continue;
    let expected = 2;
    for (let k = i + 1; k < raw.length; k++) {
      const t = raw[k]!.trim();
      if (!t) continue;
      const m = /^(\d{1,2})\s*[.．、]\s*(\S[^。；;]{2,60})$/u.exec(t);
      if (!m || Number(m[1]) !== expected) break;
      out.add(k + 1);
      expected++;
    }
  }
  return out;
}

/** The line that opens a table of contents: "目 录", "宜昌市科技创新“十四五”规划目录". */
// (only 目录 alone or after a document's name: a 重点项目目录 lists projects, not the text's headings)
const CONTENTS_LINE = /^(?:[^。；，]{0,40}?(?:规划|方案|纲要|计划|意见|要点|报告|办法))?目\s*录$/u;

/**
 * A table of contents // 目录: the entries under its line, headings with no text (no
 * sentence, short), up to the first line that is text or repeats the first entry (the body
 * starting). Its 1. / （一） entries are the plan's headings, not tasks (宜昌 2022).
 */
export function tableOfContents(lines: CleanLine[]): number[] {
  const at = lines.findIndex((l) => CONTENTS_LINE.test(l.text));
  if (at < 0) return [];
  // The contents line itself stays a line of the text (it names the plan the copy holds).
  const out: number[] = [];
  const first = lines[at + 1]?.text;
  for (let i = at + 1; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (/[。；;]/u.test(t) || t.length > 45 || (i > at + 1 && t === first)) break;
    out.push(lines[i]!.line);
  }
  return out;
}
