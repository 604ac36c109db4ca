/**
 * Text as officers and files write it: a Chinese input method in full-width mode types
 * `５Ｇ`, `２０２５`, `（一期）`; lists copied from WPS mix both widths. One folding for every
 * reader (import, numbers, deadlines, search).
 */

const FULL_WIDTH: Record<string, string> = { '（': '(', '）': ')', '，': ',', '；': ';', '：': ':', '\u3000': ' ' };

const WIDE = /[\uff01-\uff5e（），；：\u3000]/;

/** Full-width digits, letters, parentheses and punctuation to half-width. */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[（），；：\u3000]/g, (ch) => FULL_WIDTH[ch] ?? ch);
}
