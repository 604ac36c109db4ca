/**
 * Word's automatic numbering // 自动编号 put back into a .docx's text. mammoth's raw text drops
 * the numbers Word draws before a numbered paragraph ("1." of a list item is no character of
 * the paragraph, it is w:numPr pointing into word/numbering.xml), so a list of tasks 1.–10.
 * reaches the parser as bare paragraphs: goal items no longer read as numbered items and a task
 * takes the heading above it as its title. Here the numbers are counted as Word counts them
 * (per list, per level, deeper levels restarting, the level's start, format and text) and
 * written in front of the paragraphs of mammoth's text that carry them.
 *
 * Read with regular expressions on the XML (the reader bounds the parts before, zip-guard), so
 * that it runs in the worker and in the tests alike; pure, as the rest of core.
 */

interface Level {
  start: number;
  format: string;
  text: string;
}
interface Num {
  abstractId: string;
  starts: Map<number, number>;
}

const attr = (xml: string, tag: string): string | undefined => new RegExp(`<w:${tag}\\b[^>]*?\\bw:val="([^"]*)"`, 'u').exec(xml)?.[1];

function readNumbering(xml: string): { abstracts: Map<string, Map<number, Level>>; nums: Map<string, Num> } {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of xml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu)) {
    const levels = new Map<number, Level>();
    for (const l of a[2]!.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/gu)) {
      levels.set(Number(l[1]), { start: Number(attr(l[2]!, 'start') ?? 1), format: attr(l[2]!, 'numFmt') ?? 'decimal', text: attr(l[2]!, 'lvlText') ?? '' });
    }
    abstracts.set(a[1]!, levels);
  }
  const nums = new Map<string, Num>();
  for (const n of xml.matchAll(/<w:num\b[^>]*?w:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/gu)) {
    const starts = new Map<number, number>();
    for (const o of n[2]!.matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/gu)) {
      const s = attr(o[2]!, 'startOverride');
      if (s !== undefined) starts.set(Number(o[1]), Number(s));
    }
    nums.set(n[1]!, { abstractId: attr(n[2]!, 'abstractNumId') ?? '', starts });
  }
  return { abstracts, nums };
}

/** The numbering a paragraph style gives its paragraphs (标题 styles numbered 一、 …). */
function readStyleNumbering(xml: string): Map<string, { numId: string; level: number }> {
  const out = new Map<string, { numId: string; level: number }>();
  for (const s of xml.matchAll(/<w:style\b[^>]*?w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/gu)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(s[2]!)?.[1];
    const numId = numPr ? attr(numPr, 'numId') : undefined;
    if (numPr && numId) out.set(s[1]!, { numId, level: Number(attr(numPr, 'ilvl') ?? 0) });
  }
  return out;
}

const CN = '〇一二三四五六七八九';
/** 12 → 十二, 20 → 二十, 105 → 一百零五 (chineseCounting). */
function chineseCounting(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  const rest = n % 100;
  return `${CN[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest)}`;
}
const letters = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
function roman(n: number): string {
  const r: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [v, t] of r) for (; n >= v; n -= v) s += t;
  return s;
}

/** A counter written in a level's numFmt (Word's names); undefined for bullets and formats not read. */
export function formatNumber(n: number, format: string): string | undefined {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN[Number(d)]).join('');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return undefined;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/giu, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (ENTITIES[name!] ?? all),
  );

/** One paragraph of word/document.xml: its text (w:t runs) and the number Word draws before it. */
export interface DocxParagraph {
  text: string;
  label?: string;
}

/** The paragraphs of document.xml in order, each with the label of its automatic numbering. */
export function numberedParagraphs(documentXml: string, numberingXml: string, stylesXml = ''): DocxParagraph[] {
  const { abstracts, nums } = readNumbering(numberingXml);
  const styles = readStyleNumbering(stylesXml);
  const counters = new Map<string, number[]>();
  const started = new Set<string>();
  const out: DocxParagraph[] = [];
  for (const p of documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/gu)) {
    const body = p[1] ?? '';
    const text = unescapeXml([...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(''));
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(body)?.[1] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(pPr)?.[1];
    const style = styles.get(attr(pPr, 'pStyle') ?? '');
    const numId = numPr ? attr(numPr, 'numId') : style?.numId;
    const level = Number((numPr ? attr(numPr, 'ilvl') : undefined) ?? style?.level ?? 0);
    const num = numId && numId !== '0' ? nums.get(numId) : undefined;
    const levels = num ? abstracts.get(num.abstractId) : undefined;
    // Bullets (and levels with no number) draw no number the parser reads. An empty numbered
    // paragraph is counted and drawn as Word draws it: a 序号 column filled with automatic
    // numbering is a column of empty cells, each with its number.
    if (!num || !levels?.get(level) || !/%\d/u.test(levels.get(level)!.text)) {
      out.push({ text });
      continue;
    }
    const c = counters.get(numId!) ?? [];
    counters.set(numId!, c);
    const startOf = (l: number) => (!started.has(`${numId}:${l}`) ? num.starts.get(l) : undefined) ?? levels.get(l)?.start ?? 1;
    c[level] = c[level] === undefined ? startOf(level) : c[level]! + 1;
    started.add(`${numId}:${level}`);
    c.length = level + 1;
    const lvl = levels.get(level)!;
    let ok = true;
    const label = lvl.text.replace(/%(\d)/gu, (_, d: string) => {
      const l = Number(d) - 1;
      const v = c[l] ?? startOf(l);
      const s = formatNumber(v, levels.get(l)?.format ?? 'decimal');
      if (s === undefined) ok = false;
      return s ?? '';
    });
    out.push(ok && label.trim() ? { text, label } : { text });
  }
  return out;
}

const norm = (s: string) => s.replace(/\s+/gu, '');

/**
 * mammoth's raw text (paragraphs ending "\n\n") with each numbered paragraph's label written
 * before it. Paragraphs are matched in order on their text; one that cannot be matched is left
 * as it is. An empty paragraph is matched only by the empty paragraph next in order (an empty
 * 序号 cell numbered by Word becomes its number).
 */
export function withListNumbers(rawText: string, paragraphs: DocxParagraph[]): string {
  if (!paragraphs.some((p) => p.label)) return rawText;
  let j = 0;
  return rawText
    .split('\n\n')
    .map((piece) => {
      const n = norm(piece);
      if (!n) {
        const p = paragraphs[j];
        if (!p || norm(p.text)) return piece;
        j++;
        return p.label ? `${piece}${p.label}` : piece;
      }
      for (let k = j; k < paragraphs.length && k < j + 500; k++) {
        if (norm(paragraphs[k]!.text) !== n) continue;
        j = k + 1;
        const label = paragraphs[k]!.label;
        if (!label) return piece;
        const lead = /^\s*/u.exec(piece)![0];
        return `${lead}${label}${piece.slice(lead.length)}`;
      }
      return piece;
    })
    .join('\n\n');
}
