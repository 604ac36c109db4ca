/**
 * Cleaning the plain text of a policy document before parsing: PDF page numbers and
 * footers, the 抄送 block, spaces inside words and numbers, half-width punctuation, and
 * the rows of indicator tables (which PDF extraction drops into the middle of sentences).
 */

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
}

/** The cleaned lines and what was taken out of them. */
export interface CleanText {
  lines: CleanLine[];
  tableRows: RawTableRow[];
  /** Line numbers of page footers, page numbers and 抄送 lines removed. */
  removed: { line: number; what: string }[];
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef\\u2014\\u2018-\\u201d\\u2026〈〉《》';
const SPACE_NEAR_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');
const FOOTER = /^\s*[—\-－–]{1,3}\s*\d{1,3}\s*[—\-－–]{1,3}\s*$/u;
const PAGE_NUMBER = /^\s*(?:第\s*)?\d{1,3}\s*(?:页)?\s*$/u;
const TABLE_HEADER = /^\s*序号\s+(\S+)\s+(\d{4}年\S*)\s+(\d{4}年\S*)\s*$/u;
const TABLE_ROW = /^\s*(\d{1,2})\s+(\S.*?)\s+((?:年均增速\s*)?-?[\d.]+%?)\s+((?:年均增速\s*)?-?[\d.]+%?)\s*$/u;

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
  let inCc = false;
  let table: { title: string; baselineLabel: string; targetLabel: string; next: number } | undefined;
  for (let i = 0; i < raw.length; i++) {
    const src = raw[i]!;
    const n = i + 1;
    if (!src.trim()) continue;
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
    if (PAGE_NUMBER.test(src)) {
      removed.push({ line: n, what: '页码' });
      continue;
    }
    const header = TABLE_HEADER.exec(src);
    if (header) {
      const prev = lines[lines.length - 1];
      let title = '';
      if (prev && prev.text.length <= 40 && !/[。；]$/u.test(prev.text) && /指标|目标/u.test(prev.text)) {
        title = prev.text;
        lines.pop();
      }
      table = { title, baselineLabel: header[2]!, targetLabel: header[3]!, next: 1 };
      continue;
    }
    if (table) {
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
  return { lines, tableRows, removed };
}
