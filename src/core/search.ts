/**
 * Task search // 任务检索: Chinese text and pinyin initials ("yjgjyf" finds 引聚国际研发机构),
 * or full pinyin ("yinju"). Pure: the key is built once per task and reused; the pinyin
 * dictionary (pinyin-pro, ≈200 KB) is loaded on first need ({@link loadPinyin}), and a key's
 * pinyin forms are computed the first time a latin term asks for them.
 */

import { toHalfWidth } from './text';

type PinyinLib = typeof import('pinyin-pro');

let lib: PinyinLib | undefined;
let loading: Promise<void> | undefined;

/** Load the pinyin dictionary (once). Until it is loaded, latin terms match as plain text only. */
export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then((m) => {
    lib = m;
  });
  return loading;
}

/** Whether the pinyin dictionary is loaded. */
export function pinyinLoaded(): boolean {
  return lib !== undefined;
}

function syllables(text: string): string[] {
  if (!lib) throw new Error('pinyin dictionary not loaded: await loadPinyin() first');
  return lib
    .pinyin(text, { toneType: 'none', type: 'array' })
    .map((x) => x.toLowerCase().replace(/\s+/g, ''))
    .filter(Boolean);
}

/** The pinyin initials of a text, lower case ("引聚国际" → "yjgj"); non-Chinese characters kept. Needs {@link loadPinyin}. */
export function pinyinInitials(text: string): string {
  if (!text) return '';
  return syllables(text)
    .map((x) => x[0])
    .join('');
}

/** The full pinyin of a text without tones or spaces ("引聚" → "yinju"). Needs {@link loadPinyin}. */
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

/** The fields of an item a search looks in: `short` ones (title, unit names) also as pinyin, `long` ones (full text) as text only. */
export interface SearchFields {
  short: readonly string[];
  long: readonly string[];
}

/**
 * What a search looks in for one item: plain text plus the pinyin forms of its short fields.
 * Built on first use from its fields (so 10,000 keys cost nothing before the first search, and
 * can be warmed between frames).
 */
export class SearchKey {
  private source: (() => SearchFields) | undefined;
  private joined = '';
  private short: readonly string[] = [];
  private forms: [string, string] | undefined;

  constructor(source: () => SearchFields) {
    this.source = source;
  }

  private resolve(): void {
    if (!this.source) return;
    const { short, long } = this.source();
    this.source = undefined;
    this.short = short.filter(Boolean);
    // Full and half width alike (５Ｇ finds 5G, （一期） finds (一期)): the query is folded the same way.
    this.joined = toHalfWidth([...this.short, ...long.filter(Boolean)].join('\n')).toLowerCase();
  }

  /** Lower-cased text of every searchable field, joined. */
  get text(): string {
    this.resolve();
    return this.joined;
  }

  /** Pinyin initials of the short fields (title, units), lower case, one per field, joined by "|" (a term never spans two fields). "" until the dictionary is loaded. */
  get initials(): string {
    return this.pinyin()[0];
  }

  /** Full pinyin without tones or spaces of the short fields, joined by "|". "" until the dictionary is loaded. */
  get spelled(): string {
    return this.pinyin()[1];
  }

  private pinyin(): [string, string] {
    if (this.forms) return this.forms;
    if (!lib) return ['', ''];
    this.resolve();
    const forms = this.short.map(pinyinForms);
    this.forms = [forms.map((f) => f[0]).join('|'), forms.map((f) => f[1]).join('|')];
    return this.forms;
  }
}

/**
 * The search key of an item. `short` fields (title, unit names) also get pinyin forms;
 * `long` fields (full text) are searched as text only, which keeps 10,000 tasks fast.
 */
export function buildSearchKey(short: readonly string[], long: readonly string[] = []): SearchKey {
  return new SearchKey(() => ({ short, long }));
}

/** A search key whose fields are gathered only when it is first searched (or warmed). */
export function lazySearchKey(fields: () => SearchFields): SearchKey {
  return new SearchKey(fields);
}

/** Split what the officer typed into terms; every term must match (AND). */
export function parseQuery(query: string): string[] {
  return toHalfWidth(query)
    .toLowerCase()
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

const LATIN = /^[a-z]+$/;

/** Whether an item matches one term: as text, or (for latin letters) as pinyin initials or full pinyin. */
function matchesTerm(key: SearchKey, term: string): boolean {
  return key.text.includes(term) || (LATIN.test(term) && (key.initials.includes(term) || key.spelled.includes(term)));
}

/** Whether an item matches every term: as text, or (for latin letters) as pinyin initials or full pinyin. */
export function matchesSearch(key: SearchKey, terms: readonly string[]): boolean {
  return terms.every((term) => matchesTerm(key, term));
}

/**
 * A search index over a fixed list of keys: remembers, per term, which keys match it, so typing
 * on ("创" → "创新") scans only the previous term's hits, and deleting ("创新" → "创") or a
 * term typed before answers at once. Built once per list of keys and kept while the list stays.
 */
export class SearchIndex {
  private readonly keys: readonly SearchKey[];
  private readonly hits = new Map<string, Int32Array>();
  private readonly withPinyin: boolean;
  private static readonly LIMIT = 256;

  constructor(keys: readonly SearchKey[]) {
    this.keys = keys;
    this.withPinyin = pinyinLoaded();
  }

  /** Whether the index was built before the pinyin dictionary loaded (then build a new one for latin terms). */
  get stale(): boolean {
    return !this.withPinyin && pinyinLoaded();
  }

  /** The positions (ascending) of the keys that match one term. */
  private term(term: string): Int32Array {
    const kept = this.hits.get(term);
    if (kept) return kept;
    // The hits of the longest remembered term contained in this one hold all of this term's hits.
    let from: Int32Array | undefined;
    for (const [t, h] of this.hits) if (term.includes(t) && (!from || h.length < from.length)) from = h;
    const out: number[] = [];
    if (from) {
      for (const i of from) if (matchesTerm(this.keys[i]!, term)) out.push(i);
    } else {
      for (let i = 0; i < this.keys.length; i++) if (matchesTerm(this.keys[i]!, term)) out.push(i);
    }
    const hits = Int32Array.from(out);
    if (this.hits.size >= SearchIndex.LIMIT) this.hits.clear();
    this.hits.set(term, hits);
    return hits;
  }

  /** A mask over the keys: 1 where the key matches every term (all ones for no term). */
  match(terms: readonly string[]): Uint8Array {
    const mask = new Uint8Array(this.keys.length);
    if (terms.length === 0) return mask.fill(1);
    const lists = terms.map((t) => this.term(t)).sort((a, b) => a.length - b.length);
    for (const i of lists[0]!) mask[i] = 1;
    for (const list of lists.slice(1)) {
      const other = new Uint8Array(this.keys.length);
      for (const i of list) other[i] = 1;
      for (let i = 0; i < mask.length; i++) if (!other[i]) mask[i] = 0;
    }
    return mask;
  }
}
