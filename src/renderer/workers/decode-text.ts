/**
 * Text files as Chinese offices save them: UTF-8 with or without BOM, UTF-16 with a BOM
 * (Notepad's "Unicode") or without one (some exports), else GBK / GB18030 (Excel's "CSV" on
 * Chinese Windows). Shared by the spreadsheet reader (.csv) and the policy-file reader (.txt).
 */

const starts = (d: Uint8Array, bytes: number[]) => bytes.every((b, i) => d[i] === b);

/** Whether decoded text looks like what offices write: printable ASCII, CJK and its punctuation. */
function plausible(text: string): boolean {
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0x2000 && c < 0x2070) || (c >= 0x3000 && c < 0xa000) || (c >= 0xff00 && c < 0xfff0)) good++;
  }
  return good >= text.length * 0.95;
}

/** The encoding a UTF-16 text without BOM is in, judged by where its zero bytes fall and what it decodes to. */
export function utf16WithoutBom(d: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(d.length, 8192) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (d[i] === 0) evenZero++;
    if (d[i + 1] === 0) oddZero++;
  }
  // ASCII characters (digits, commas, line ends) put a zero in every other byte; text in one
  // byte encodings has none. The decoded sample must then read as text.
  const sample = d.subarray(0, n);
  if (oddZero >= 2 && evenZero * 4 <= oddZero && plausible(new TextDecoder('utf-16le').decode(sample))) return 'utf-16le';
  if (evenZero >= 2 && oddZero * 4 <= evenZero && plausible(new TextDecoder('utf-16be').decode(sample))) return 'utf-16be';
  return undefined;
}

/** The encoding a text file is in, or undefined when its bytes are not text. */
export function textEncoding(d: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-8' | 'gb18030' | undefined {
  if (starts(d, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (starts(d, [0xff, 0xfe])) return 'utf-16le-bom';
  if (starts(d, [0xfe, 0xff])) return 'utf-16be-bom';
  const utf16 = utf16WithoutBom(d);
  if (utf16) return utf16;
  const head = d.subarray(0, 4096);
  for (const b of head) if (b < 0x09) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(d);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Decode a text file: BOM first, then UTF-16 by its zero bytes, then strict UTF-8, else GB18030 (a superset of GBK). */
export function decodeText(d: Uint8Array): string {
  switch (textEncoding(d)) {
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(d.subarray(3));
    case 'utf-16le-bom':
      return new TextDecoder('utf-16le').decode(d.subarray(2));
    case 'utf-16be-bom':
      return new TextDecoder('utf-16be').decode(d.subarray(2));
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(d);
    case 'utf-16be':
      return new TextDecoder('utf-16be').decode(d);
    case 'utf-8':
      return new TextDecoder('utf-8').decode(d);
    default:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(d);
      } catch {
        return new TextDecoder('gb18030').decode(d);
      }
  }
}
