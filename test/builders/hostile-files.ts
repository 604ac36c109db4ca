/**
 * Crafted hostile files, small on disk, built in the test instead of committed: zips whose
 * parts inflate to a gigabyte (with honest or lying headers), sheets declaring 100,000 rows ×
 * 16,384 columns, damaged CRCs, oversized cells. The zip writer is a plain one so headers can
 * say whatever the attack needs.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../../src/renderer/workers/zip-guard';

/** One part of a crafted zip: its compressed bytes and what the headers claim. */
export interface CraftedPart {
  name: string;
  /** Bytes as stored (deflated when method is 8). */
  stored: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** Inflated size written in the headers (may lie). */
  size: number;
}

/** A part deflated honestly. */
export function part(name: string, content: string | Uint8Array): CraftedPart {
  const raw = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, stored: deflateSync(raw), method: 8, crc: crc32(raw), size: raw.length };
}

/** A zip of the parts, headers exactly as the parts claim. */
export function zip(parts: CraftedPart[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = enc.encode(p.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, p.method, true);
    lv.setUint32(14, p.crc, true);
    lv.setUint32(18, p.stored.length, true);
    lv.setUint32(22, p.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, 0x0800, true);
    dv.setUint16(10, p.method, true);
    dv.setUint32(16, p.crc, true);
    dv.setUint32(20, p.stored.length, true);
    dv.setUint32(24, p.size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, p.stored);
    central.push(dir);
    offset += local.length + p.stored.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Writes bits least-significant first, as deflate does. */
class BitWriter {
  private out: number[] = [];
  private acc = 0;
  private n = 0;
  bits(value: number, count: number) {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >> i) & 1) << this.n;
      if (++this.n === 8) {
        this.out.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** A Huffman code: written most-significant bit first. */
  code(value: number, count: number) {
    for (let i = count - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }
  done(): Uint8Array {
    if (this.n > 0) this.out.push(this.acc);
    return Uint8Array.from(this.out);
  }
}

/** Canonical Huffman codes of the given code lengths (RFC 1951 3.2.2). */
function canonical(lengths: number[]): number[] {
  const max = Math.max(...lengths);
  const count = new Array(max + 1).fill(0);
  for (const l of lengths) if (l) count[l]++;
  const next = new Array(max + 1).fill(0);
  let code = 0;
  for (let bits = 1; bits <= max; bits++) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = code;
  }
  return lengths.map((l) => (l ? next[l]++ : 0));
}

/**
 * A deflate stream of `head`, then `fill` repeated up to `total` bytes, then `tail`: one dynamic-
 * Huffman block where "copy 258 bytes at distance 1" costs 2 bits, the format's best ratio
 * (1032:1), so 1 GB takes about 1 MB. Returns the stream and the inflated bytes' CRC-32 and size.
 */
export function deflateBomb(head: string, fill: number, total: number, tail: string, withCrc = false): { stored: Uint8Array; crc: number; size: number } {
  const enc = new TextEncoder();
  const h = enc.encode(head);
  const t = enc.encode(tail);
  // Literal/length code: 255 literals of 9 bits, literal 255 and end-of-block of 10 bits, 285 (=258) of 1 bit.
  const litLen = [...new Array(255).fill(9), 10, 10, ...new Array(28).fill(0), 1];
  const dist = [1, 1];
  const lit = canonical(litLen);
  const distCodes = canonical(dist);
  // The code-length code: only lengths 0, 1, 9 and 10 occur, 2 bits each.
  const clLen = new Array(19).fill(0);
  for (const s of [0, 1, 9, 10]) clLen[s] = 2;
  const cl = canonical(clLen);
  const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(2, 2); // dynamic Huffman
  w.bits(litLen.length - 257, 5);
  w.bits(dist.length - 1, 5);
  w.bits(18 - 4, 4); // 18 code-length lengths, up to symbol 1 in ORDER
  for (let i = 0; i < 18; i++) w.bits(clLen[ORDER[i]!]!, 3);
  for (const l of [...litLen, ...dist]) w.code(cl[l]!, clLen[l]!);
  const literal = (b: number) => w.code(lit[b]!, litLen[b]!);
  for (const b of h) literal(b);
  literal(fill);
  let body = 1;
  const target = total - h.length - t.length;
  while (body + 258 <= target) {
    w.code(lit[285]!, 1);
    w.code(distCodes[0]!, 1);
    body += 258;
  }
  while (body < target) {
    literal(fill);
    body++;
  }
  for (const b of t) literal(b);
  w.code(lit[256]!, litLen[256]!);
  // CRC of the inflated bytes, computed without holding them; skipped by default (a gigabyte takes
  // seconds), as a bounded reader must refuse the part before it gets to the checksum.
  if (!withCrc) return { stored: w.done(), crc: 0, size: h.length + body + t.length };
  let crc = crc32(h);
  const block = new Uint8Array(1 << 20).fill(fill);
  for (let left = body; left > 0; left -= block.length) crc = crc32(left >= block.length ? block : block.subarray(0, left), crc);
  crc = crc32(t, crc);
  return { stored: w.done(), crc, size: h.length + body + t.length };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="任务清单" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** An .xlsx of one sheet 任务清单 whose worksheet part is `sheet` (a part, possibly crafted). */
export function xlsxWithSheet(sheet: CraftedPart | string): Uint8Array {
  const s = typeof sheet === 'string' ? part('xl/worksheets/sheet1.xml', sheet) : sheet;
  return zip([part('[Content_Types].xml', CONTENT_TYPES), part('_rels/.rels', ROOT_RELS), part('xl/workbook.xml', WORKBOOK), part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS), s]);
}

/** An .xlsx of one sheet plus extra parts (styles, shared strings, anything). */
export function xlsxWithParts(sheet: CraftedPart, ...extra: CraftedPart[]): Uint8Array {
  return zip([part('[Content_Types].xml', CONTENT_TYPES), part('_rels/.rels', ROOT_RELS), part('xl/workbook.xml', WORKBOOK), part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS), sheet, ...extra]);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (c: number) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Sheet XML of text rows (inline strings), with a `<dimension>` that may claim anything and extra XML after sheetData. */
export function sheetXml(rows: string[][], opts: { dimension?: string; after?: string } = {}): string {
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (v === '' ? '' : `<c r="${col(c)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`)
    .join('');
  return `${SHEET_HEAD}${opts.dimension ? `<dimension ref="${opts.dimension}"/>` : ''}<sheetData>${body}</sheetData>${opts.after ?? ''}</worksheet>`;
}

/** A short task list: header and two tasks. */
export const SMALL_LIST: string[][] = [
  ['序号', '任务名称', '牵头单位', '完成时限'],
  ['1', '健全长效推进机制', '市科技局', '2023年底前'],
  ['2', '推动东湖科学城建设加力提速', '市科技局', '2023年底前'],
];

/** 2 KB: a sheet declaring A1:XFD100000 whose last row really has a cell in column XFD. */
export function xlsxClaimingHugeRange(): Uint8Array {
  const rows = SMALL_LIST.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => `<c r="${col(c)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`).join('');
  return xlsxWithSheet(`${SHEET_HEAD}<dimension ref="A1:XFD100000"/><sheetData>${rows}<row r="100000"><c r="XFD100000"><v>1</v></c></row></sheetData></worksheet>`);
}

/** About 1 MB: a sheet part inflating to `gb` gigabytes of blanks inside a cell; `lying` declares 2 KB instead. */
export function xlsxInflatingTo(bytes: number, lying: boolean): Uint8Array {
  const bomb = deflateBomb(`${SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`, 0x20, bytes, '</t></is></c></row></sheetData></worksheet>');
  return xlsxWithSheet({ name: 'xl/worksheets/sheet1.xml', stored: bomb.stored, method: 8, crc: bomb.crc, size: lying ? 2048 : bomb.size });
}

/** A .docx whose document.xml inflates to `bytes` (declared honestly or not). */
export function docxInflatingTo(bytes: number, lying: boolean): Uint8Array {
  const bomb = deflateBomb('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>', 0x20, bytes, '</w:t></w:r></w:p></w:body></w:document>');
  return docx({ name: 'word/document.xml', stored: bomb.stored, method: 8, crc: bomb.crc, size: lying ? 4096 : bomb.size });
}

/** A .docx of `paragraphs` short paragraphs (small on disk: they compress well). */
export function docxWithParagraphs(paragraphs: number): Uint8Array {
  const p = '<w:p><w:r><w:t>一、任务</w:t></w:r></w:p>';
  return docx(part('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p.repeat(paragraphs)}</w:body></w:document>`));
}

/** A .docx whose body is `body` (WordprocessingML). */
export function docxWithBody(body: string): Uint8Array {
  return docx(part('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`));
}

function docx(document: CraftedPart): Uint8Array {
  return zip([
    part(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    part(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    document,
  ]);
}

/** The bytes with the CRC of part `name` changed in both headers (a file damaged in transit keeps its sizes). */
export function withBadCrc(data: Uint8Array, name: string): Uint8Array {
  const out = data.slice();
  const v = new DataView(out.buffer);
  const target = new TextEncoder().encode(name);
  const matches = (at: number) => target.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50 && v.getUint16(i + 26, true) === target.length && matches(i + 30)) v.setUint32(i + 14, v.getUint32(i + 14, true) ^ 0x5a5a5a5a, true);
    if (sig === 0x02014b50 && v.getUint16(i + 28, true) === target.length && matches(i + 46)) v.setUint32(i + 16, v.getUint32(i + 16, true) ^ 0x5a5a5a5a, true);
  }
  return out;
}
