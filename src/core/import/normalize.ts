/**
 * Text helpers for import: header names, cell text, unit lists, deadlines, similarity.
 */
import { chineseToInt, numberValue } from '../policy/layouts';
import { toHalfWidth } from '../text';

export { toHalfWidth };

/** A header as compared: no spaces or line breaks, no notes in parentheses, no `*` or `：`. */
export function normalizeHeader(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/[*:：、.]/g, '')
    .toLowerCase();
}

/** Full-width digits (２０２６年６月底前, as WPS may write them) as ASCII ones; nothing else changed. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Cell text as compared: whitespace collapsed, trimmed, half-width punctuation, one kind of quote (“一带一路” = "一带一路"). */
export function normalizeText(s: string | undefined): string {
  return toHalfWidth(s ?? '')
    .replace(/\s+/g, '')
    .replace(/[“”„‟]/gu, '"')
    .replace(/[‘’‛]/gu, "'")
    .replace(/[。;,.]+$/, '');
}

const NOT_PLACEHOLDER_START = /^\s*[^\s\-—–－_＿/／\\＼、.．。…·无暂空未待没(（NnＮｎ]/u;

/**
 * The words that only say "nothing here", after half-width folding, spaces and closing
 * punctuation removed: 无, 暂无, 没有, 暂时没有, 无问题, 暂无困难, 没有问题 …, 空, （空）, 未填,
 * 待定, N/A. The one list of blank-meaning words: import and 回收 both read by it.
 */
const BLANK_WORDS = /^(?:(?:暂时?)?(?:无|没有)(?:问题|困难|困难问题|困难和问题)?|空|\(空\)|未填|待定|N\/?A)$/i;
/** Marks only (—, /, 、, …), or nothing. */
const BLANK_MARKS = /^[-—–－_/\\、.。…·]*$/;

/**
 * A cell that only stands for "nothing here" (—, /, 无, 暂无, 无。, 没有, 无问题, （空）): read as
 * blank, so that it never erases what the ledger has, nor is added under it.
 */
export function isPlaceholderCell(s: string): boolean {
  // Most cells are text: a first character (after spaces) that can begin no placeholder settles it
  // without normalising the whole cell. The class lists what may begin one, full-width forms included.
  if (NOT_PLACEHOLDER_START.test(s)) return false;
  const t = toHalfWidth(s).replace(/\s+/g, '');
  return BLANK_MARKS.test(t) || BLANK_WORDS.test(t.replace(/[。.!;,]+$/u, ''));
}

/** Words that only say "go on as before" (继续推进, 持续推进相关工作, 按计划推进 …). */
const GO_ON_WORDS = /^(?:继续|持续|稳步|按计划|按序时|按时序)(?:推进|推动|跟进|落实|抓好|做好)?(?:相关|各项)?(?:工作)?$/u;

/**
 * A text that adds nothing beside other words: a placeholder (isPlaceholderCell) or only "go on"
 * (继续推进). 回收 writes it where the ledger is blank but never adds it under words already there.
 */
export function saysNothing(s: string): boolean {
  return isPlaceholderCell(s) || GO_ON_WORDS.test(toHalfWidth(s).replace(/\s+/g, '').replace(/[。.!;,]+$/u, ''));
}

const DOC_NUMBER = /([\u4e00-\u9fa5A-Za-z]*)[〔[［【](\d{4})[〕\]］】]第?(\d+)号/u;
const DOC_NUMBER_IN_PARENS = /\([^()]*[〔[［【]\d{4}[〕\]］】][^()]*号[^()]*\)/gu;
const TITLE_MARKS = /[《》〈〉<>“”"'‘’「」『』]/gu;

/**
 * A 文件 cell as its document is looked up: the name without 《》, quotes or a 文号 in
 * parentheses (`《…要点》（武政办〔2023〕4号）` → `…要点`), and its 文号 (`武政办〔2023〕4号`,
 * brackets made 〔〕) when it has one.
 */
export function documentName(s: string): { name: string; docNumber?: string } {
  const t = normalizeText(s);
  const num = DOC_NUMBER.exec(t);
  const name = t.replace(DOC_NUMBER_IN_PARENS, '').replace(TITLE_MARKS, '');
  const out: { name: string; docNumber?: string } = { name: num && name === num[0] ? '' : name };
  if (num) out.docNumber = `${num[1]}〔${num[2]}〕${num[3]}号`;
  return out;
}

/** The issuer before 关于 in a cited title (武汉市人民政府办公厅关于…): the body that issued it. */
const ISSUER = /^.{0,30}?(?:人民政府|政府|办公厅|办公室|委员会|委|局|厅|部|小组)(?=关于)/u;

/**
 * A document's name as its own title reads, from a name as written (documentName's `name`): the
 * notice that issued or forwarded it taken off (`…关于印发X的通知` → X), the issuer before 关于 dropped, dashes of
 * every width one (`2025-2027年` = `2025—2027年`). Cities cite a document by its notice's title.
 */
export function documentCore(name: string): string {
  let t = name.replace(/[—–－~～‐-]+/gu, '-');
  const issued = /(?:关于)?(?:印发|转发)(.+?)的通知$/u.exec(t);
  if (issued) t = issued[1]!;
  return t.replace(ISSUER, '');
}

/**
 * A task number as compared: `（二）3` and `(二)3.` are the same; a number alone in Chinese
 * numerals, in parentheses or circled (`（十一）`, `第11条`, `⑪`) is its value (`11`), as the
 * policy parser numbers tasks (numberValue).
 */
export function normalizeNumber(s: string | undefined): string {
  const t = toHalfWidth(s ?? '').replace(/[\s.、]/g, '');
  const alone = /^第?\(?([一二三四五六七八九十]{1,3}|\d{1,3}|[\u2460-\u2473])\)?[条项]?$/u.exec(t);
  if (!alone) return t;
  const v = numberValue(alone[1]!);
  return Number.isFinite(v) && v > 0 ? String(v) : t;
}

/**
 * The item part of a list number written with its section (`一、1`, `一-3`, `（二）5`, `1-3`, `2.1`): the
 * number after the section's, or undefined when the number is not so written. Whether that item is
 * the task's 条目 (`（二）5`: task 5 of part 二) or a count restarting in each part (`2-1`) only the
 * list as a whole tells (plan-import listSeqIsNumber).
 */
export function compoundItem(s: string | undefined): string | undefined {
  const t = toHalfWidth(s ?? '').replace(/\s+/g, '');
  const m =
    /^第?[一二三四五六七八九十]+[、.．,\-－—–](\d{1,3})[.、]?$/u.exec(t) ??
    /^\((?:[一二三四五六七八九十]+|\d{1,2})\)(\d{1,3})[.、]?$/u.exec(t) ??
    /^\d{1,2}[-－—–~～_.．](\d{1,3})$/u.exec(t);
  return m ? String(Number(m[1])) : undefined;
}

/** The spreadsheet column letter of a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A 完成时限 cell that is a bare number, as a date: an Excel date serial that lost its date
 * format (46022 → 2025-12-31), or a date typed yyyymmdd (20250630 → 2025-06-30). Undefined for
 * any other cell.
 */
export function numberDeadline(s: string | undefined): string | undefined {
  const t = (s ?? '').trim();
  if (/^\d{5}$/.test(t)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= lastDay(+m[1]!, +m[2]!)) return `${m[1]}-${m[2]}-${m[3]}`;
  return undefined;
}

const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);

/**
 * A 完成时限 cell holding a date as a program shows one, as text (a CSV keeps what the cell showed):
 * with a time (2027-12-31 00:00 → 2027-12-31), in Chinese numerals (二〇二七年十二月三十一日 →
 * 2027年12月31日), or month first as Excel in English shows it (12/31/2027 → 2027-12-31; day first
 * when the first number cannot be a month). `ambiguous`: day and month could be read the other way.
 */
export function textDate(s: string | undefined): { date: string; ambiguous?: true } | undefined {
  const t = toHalfWidth(s ?? '').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+|T)\d{1,2}:\d{2}(?::\d{2})?$/u.exec(t);
  if (m) return validDay(+m[1]!, +m[2]!, +m[3]!) ? { date: `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}` } : undefined;
  m = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?$/u.exec(t);
  if (m) {
    const y = Number([...m[1]!].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
    const mo = chineseToInt(m[2]!);
    const d = m[3] ? chineseToInt(m[3]) : undefined;
    if (!mo || !validDay(y, mo, d ?? 1)) return undefined;
    return { date: `${y}年${mo}月${d ? `${d}日` : ''}` };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(t);
  if (!m) return undefined;
  const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
  const [mo, d] = a > 12 ? [b, a] : [a, b];
  if (!validDay(y, mo, d)) return undefined;
  return { date: `${y}-${pad(mo)}-${pad(d)}`, ...(a <= 12 && b <= 12 && a !== b ? { ambiguous: true as const } : {}) };
}

/** A text as its bigrams are taken: normalized, without brackets, commas, colons and quotes. */
export function bigramText(s: string): string {
  return normalizeText(s).replace(/[()（）,，、;；:：""“”'‘’《》]/g, '');
}

/** Character bigrams of a normalized text (single characters for very short texts). */
export function bigrams(s: string): Map<string, number> {
  const t = bigramText(s);
  const out = new Map<string, number>();
  if (t.length < 2) {
    if (t) out.set(t, 1);
    return out;
  }
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of two bigram bags, 0–1. */
export function diceOfBigrams(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let common = 0;
  for (const v of a.values()) total += v;
  for (const v of b.values()) total += v;
  if (total === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [g, v] of small) {
    const w = large.get(g);
    if (w) common += Math.min(v, w);
  }
  return (2 * common) / total;
}

/** Similarity of two texts, 0–1 (character-bigram Dice coefficient). */
export function similarity(a: string, b: string): number {
  return diceOfBigrams(bigrams(a), bigrams(b));
}
