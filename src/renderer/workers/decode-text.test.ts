/** Text encodings as offices save them, table-driven: each decodes to the same text; binary is not text. */
import { describe, expect, it } from 'vitest';
import { decodeText, textEncoding } from './decode-text';

const TEXT = '序号,任务名称,牵头单位\r\n1,健全长效推进机制,市科技局\r\n2,推动东湖科学城建设,市发改委\r\n';
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());

describe('textEncoding and decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), 'utf-8-bom'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...utf16le(TEXT)]), 'utf-16le-bom'],
    ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, ...utf16be(TEXT)]), 'utf-16be-bom'],
    ['UTF-16LE without BOM', utf16le(TEXT), 'utf-16le'],
    ['UTF-16BE without BOM', utf16be(TEXT), 'utf-16be'],
  ])('%s', (_, bytes, encoding) => {
    expect(textEncoding(bytes)).toBe(encoding);
    expect(decodeText(bytes)).toBe(TEXT);
  });

  it('GBK (Excel\'s CSV on Chinese Windows) is decoded as GB18030', () => {
    // 健全 in GBK: BD A1 C8 AB.
    const bytes = new Uint8Array([0x31, 0x2c, 0xbd, 0xa1, 0xc8, 0xab, 0x0d, 0x0a]);
    expect(textEncoding(bytes)).toBe('gb18030');
    expect(decodeText(bytes)).toBe('1,健全\r\n');
  });

  it.each([
    ['a PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['zeros', new Uint8Array(64)],
    ['random bytes with zeros', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919) % 251))],
  ])('%s is not text', (_, bytes) => expect(textEncoding(bytes)).toBeUndefined());
});
