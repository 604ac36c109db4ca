/**
 * Task search // 任务检索: Chinese text and pinyin initials ("yjgjyf" finds 引聚国际研发机构),
 * or full pinyin ("yinju"). Pure: the index is built once per task and reused.
 */
import { pinyin } from 'pinyin-pro';

/** What a search looks in for one item: plain text plus the pinyin forms of its short fields. */
export interface SearchKey {
  /** Lower-cased text of every searchable field, joined. */
  text: string;
  /** Pinyin initials of the short fields (title, units), lower case, one per field, joined by "|" (a term never spans two fields). */
  initials: string;
  /** Full pinyin without tones or spaces of the short fields, joined by "|". */
  spelled: string;
}

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array' }).map((x) => x.toLowerCase().replace(/\s+/g, '')).filter(Boolean);
}

/** The pinyin initials of a text, lower case ("引聚国际" → "yjgj"); non-Chinese characters kept. */
export function pinyinInitials(text: string): string {
  if (!text) return '';
  return syllables(text)
    .map((x) => x[0])
    .join('');
}

/** The full pinyin of a text without tones or spaces ("引聚" → "yinju"). */
export function pinyinSpelled(text: string): string {
  if (!text) return '';
  return syllables(text).join('');
}

// Unit names repeat across thousands of tasks: their pinyin is computed once.
const memo = new Map<string, [string, string]>();

function pinyinForms(text: string): [string, string] {
  const hit = memo.get(text);
  if (hit) return hit;
  // Punctuation (点名：汉阳区) does not break a run of initials: "dmhy".
  const syl = syllables(text)
    .map((x) => x.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  const forms: [string, string] = [syl.map((x) => x[0]).join(''), syl.join('')];
  if (text.length <= 16 && memo.size < 5000) memo.set(text, forms);
  return forms;
}

/**
 * Build the search key of an item. `short` fields (title, unit names) also get pinyin forms;
 * `long` fields (full text) are searched as text only, which keeps 10,000 tasks fast.
 */
export function buildSearchKey(short: readonly string[], long: readonly string[] = []): SearchKey {
  const shortClean = short.filter(Boolean);
  const forms = shortClean.map(pinyinForms);
  return {
    text: [...shortClean, ...long.filter(Boolean)].join('\n').toLowerCase(),
    initials: forms.map((f) => f[0]).join('|'),
    spelled: forms.map((f) => f[1]).join('|'),
  };
}

/** Split what the officer typed into terms; every term must match (AND). */
export function parseQuery(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

const LATIN = /^[a-z]+$/;

/** Whether an item matches every term: as text, or (for latin letters) as pinyin initials or full pinyin. */
export function matchesSearch(key: SearchKey, terms: readonly string[]): boolean {
  for (const term of terms) {
    if (key.text.includes(term)) continue;
    if (LATIN.test(term) && (key.initials.includes(term) || key.spelled.includes(term))) continue;
    return false;
  }
  return true;
}
