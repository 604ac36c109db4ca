/**
 * Hostile spreadsheets, generated here and small on disk: each is refused with a Chinese message
 * naming the bound it broke (or read by its real cells), never parsed into a crash.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS } from '@core/limits';
import { findTable, readRows } from '@core/import';
import {
  SMALL_LIST,
  part,
  sheetXml,
  withBadCrc,
  xlsxClaimingHugeRange,
  xlsxInflatingTo,
  xlsxWithParts,
  xlsxWithSheet,
  zip,
} from '../../../test/builders/hostile-files';
import { IMPORT_LIMITS, readWorkbook } from './read-sheet';

const DIR = resolve(__dirname, '../../../test/fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const GB = 1024 * 1024 * 1024;

async function refused(data: Uint8Array, name: string): Promise<string> {
  const r = await readWorkbook(data, name);
  if (r.ok) throw new Error(`${name} was read`);
  // The officer's message is Chinese and names the file; the library's words stay out of it.
  expect(r.message).toContain(name);
  expect(r.message).not.toMatch(/[A-Za-z]{12,}/);
  return r.message;
}

describe('hostile spreadsheets', () => {
  it('a 2 KB .xlsx declaring 100,000 rows × 16,384 columns is refused by its cells, naming the sheet', async () => {
    const data = xlsxClaimingHugeRange();
    expect(data.length).toBeLessThan(2048);
    const m = await refused(data, '巨大范围.xlsx');
    expect(m).toContain('工作表“任务清单”共 100,000 行 × 16,384 列');
    expect(m).toContain('单元格的上限');
  });

  it.each([
    ['honest', false, '解压后有 1024.0 MB'],
    ['lying', true, '解压后有 160.0 MB 以上'],
  ])('a 1 MB .xlsx inflating to 1 GB (%s header) is refused by the inflated size', async (_, lying, says) => {
    const data = xlsxInflatingTo(GB, lying as boolean);
    expect(data.length).toBeLessThan(1.2 * 1024 * 1024);
    const m = await refused(data, '炸弹.xlsx');
    expect(m).toContain('“xl/worksheets/sheet1.xml”');
    expect(m).toContain(says as string);
    expect(m).toContain('上限（解压后大小）');
  });

  it('a part whose CRC does not match is called damaged, not an empty sheet', async () => {
    const m = await refused(withBadCrc(fixture('city-list-libreoffice.xlsx'), 'xl/worksheets/sheet1.xml'), '校验错.xlsx');
    expect(m).toContain('已损坏');
    expect(m).toContain('数据校验不通过');
    expect(m).not.toContain('是空的');
  });

  it('a flipped byte inside the compressed sheet is called damaged', async () => {
    const data = fixture('city-list-libreoffice.xlsx').slice();
    const v = new DataView(data.buffer);
    // The first local header's data: flip bytes in the middle of it.
    const start = 30 + v.getUint16(26, true) + v.getUint16(28, true);
    for (let i = 0; i < 8; i++) data[start + 40 + i]! ^= 0xff;
    expect(await refused(data, '坏字节.xlsx')).toContain('已损坏');
  });

  it('a 3-row sheet whose header claims the whole sheet (A1:XFD1048576) is read by its real cells', async () => {
    const r = await readWorkbook(xlsxWithSheet(sheetXml(SMALL_LIST, { dimension: 'A1:XFD1048576', after: '<mergeCells count="1"><mergeCell ref="A5:XFD1048576"/></mergeCells>' })), '三行.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.sheets[0]!.rows).toHaveLength(3);
    expect(r.sheets[0]!.rows[0]).toHaveLength(4);
    const found = findTable(r.sheets[0]!);
    expect(readRows(r.sheets[0]!, found.layout!).rows.map((x) => x.fields.title)).toEqual(['健全长效推进机制', '推动东湖科学城建设加力提速']);
  });

  it('a merge claiming the whole sheet does not grow the grid past the real cells', async () => {
    const r = await readWorkbook(xlsxWithSheet(sheetXml(SMALL_LIST, { after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' })), '合并.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.sheets[0]!.rows.length).toBeLessThanOrEqual(3);
    expect(r.sheets[0]!.rows.every((row) => row.length === 4)).toBe(true);
  });

  it('a 200,000-row .xlsx is refused from its row count, before the sheet is parsed', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const data = xlsxWithSheet(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    expect(await refused(data, '二十万行.xlsx')).toContain('共有 200,000 行，超过了 100,000 行的上限');
  });

  it('a 200,000-row CSV is refused from its line count', async () => {
    const text = `序号,任务名称\r\n${Array.from({ length: 200_000 }, (_, i) => `${i},任务${i}`).join('\r\n')}`;
    expect(await refused(new TextEncoder().encode(text), '二十万行.csv')).toContain('超过了 100,000 行的上限');
  });

  it('a CSV of 4 million empty cells (4 MB of commas) is refused by its cells', async () => {
    const line = `${','.repeat(399)}\n`;
    const m = await refused(new TextEncoder().encode(line.repeat(10_000)), '逗号.csv');
    expect(m).toContain('单元格的上限');
  });

  it('an old binary .xls over 16 MB is refused before SheetJS parses its records', async () => {
    const data = new Uint8Array(IMPORT_LIMITS.maxXlsBytes + 1);
    data.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refused(data, '旧表.xls')).toContain('超过了 .xls 文件 16 MB 的上限');
  });

  it('a zip of 6,000 parts is refused before any is inflated', async () => {
    const parts = Array.from({ length: IMPORT_LIMITS.maxEntries + 1 }, (_, i) => part(`xl/media/p${i}.bin`, 'x'));
    expect(await refused(zip(parts), '碎片.xlsx')).toContain('个部分组成');
  });

  it('an .ods whose row repeats a 16,000-column cell a million times is refused as another format, not parsed', async () => {
    const content =
      '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>';
    const data = zip([part('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), part('content.xml', content), part('styles.xml', '<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')]);
    expect(await refused(data, '重复.xlsx')).toContain('另存为” .xlsx');
  });

  it.each([
    ['70,000 cell formats', 'xl/styles.xml', `<styleSheet><cellXfs>${'<xf numFmtId="0"/>'.repeat(70_000)}</cellXfs></styleSheet>`, '70,000 种单元格格式，超过了 65,000'],
    ['3.1 million shared strings', 'xl/sharedStrings.xml', `<sst>${'<si/>'.repeat(3_100_000)}</sst>`, '3,100,000 个共享文字，超过了 3,000,000'],
    ['16 million elements in another part', 'docProps/custom.xml', `<r>${'<a/>'.repeat(16_000_000)}</r>`, '个元素，超过了 15,000,000'],
  ])('%s are refused before SheetJS parses them', async (_, name, xml, says) => {
    const sheet = part('xl/worksheets/sheet1.xml', sheetXml(SMALL_LIST));
    expect(await refused(xlsxWithParts(sheet, part(name, xml)), '结构.xlsx')).toContain(says);
  });

  it('merges covering more than the cell bound are refused before they are expanded', async () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row><row r="1000"><c r="BXX1000"><v>1</v></c></row>`;
    const merges = '<mergeCells count="2"><mergeCell ref="A1:BXX1000"/><mergeCell ref="A1:BXX1000"/></mergeCells>';
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
    expect(await refused(xlsxWithSheet(xml), '合并.xlsx')).toContain('合并单元格共覆盖 4,000,000 个单元格');
  });

  it(`a cell of more than ${MAX_CELL_CHARS} characters is an error naming the cell; 5 MB of text is cut, not kept`, async () => {
    const long = '长'.repeat(5 * 1024 * 1024);
    const csv = `序号,任务名称,牵头单位\r\n1,健全长效推进机制,市科技局\r\n2,${long},市科技局\r\n`;
    const r = await readWorkbook(new TextEncoder().encode(csv), '超长.csv');
    if (!r.ok) throw new Error(r.message);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: 'Sheet1', row: 3, column: 'B列' });
    expect(errors[0]!.message).toContain('B3 单元格有 5,242,880 个字，超过了 Excel 每个单元格 32,767 个字的上限');
    expect(r.sheets[0]!.rows[2]![1]).toHaveLength(MAX_CELL_CHARS);
  });

  it('an .xlsx cell longer than the limit (written by openpyxl; SheetJS cuts it while reading) is an error, not silently cut', async () => {
    const r = await readWorkbook(fixture('overlong-cell-openpyxl.xlsx'), 'overlong-cell-openpyxl.xlsx');
    if (!r.ok) throw new Error(r.message);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: '任务清单', row: 3, column: 'B列' });
    expect(errors[0]!.message).toContain('B3 单元格正好 32,767 个字');
  });

  it('a cell of exactly 32,767 characters is read whole', async () => {
    const text = '字'.repeat(MAX_CELL_CHARS);
    const r = await readWorkbook(new TextEncoder().encode(`任务名称\r\n${text}\r\n`), '刚好.csv');
    if (!r.ok) throw new Error(r.message);
    expect(r.issues).toEqual([]);
    expect(r.sheets[0]!.rows[1]![0]).toBe(text);
  });
});

describe('encodings', () => {
  const utf8 = readFileSync(join(DIR, 'city-list-utf8.csv'), 'utf8');
  const expected = readWorkbook(fixture('city-list-utf8.csv'), 'a.csv');

  it.each([
    ['UTF-16LE without BOM', Buffer.from(utf8, 'utf16le')],
    ['UTF-16BE without BOM', Buffer.from(utf8, 'utf16le').swap16()],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')])],
  ])('a %s CSV reads like the UTF-8 one', async (_, bytes) => {
    const r = await readWorkbook(new Uint8Array(bytes), 'b.csv');
    const utf8Read = await expected;
    if (!r.ok || !utf8Read.ok) throw new Error('not read');
    expect(r.sheets[0]!.rows).toEqual(utf8Read.sheets[0]!.rows);
  });
});

describe('formulas without cached values (openpyxl)', () => {
  it('reads them as their formula text with a warning naming sheet, row and column, never as blank', async () => {
    const r = await readWorkbook(fixture('formulas-openpyxl.xlsx'), 'formulas-openpyxl.xlsx');
    if (!r.ok) throw new Error(r.message);
    const rows = r.sheets[0]!.rows;
    expect(rows[1]![1]).toBe('="健全"&"长效推进机制"');
    expect(rows[2]![5]).toBe('=TEXT(DATE(2026,6,30),"yyyy-mm-dd")');
    expect(r.issues.map((i) => [i.sheet, i.row, i.column, i.severity])).toEqual([
      ['任务清单', 2, 'B列', 'warning'],
      ['任务清单', 3, 'F列', 'warning'],
    ]);
    expect(r.issues[0]!.message).toContain('工作表“任务清单”B2 单元格是公式');
    expect(r.issues[0]!.message).toContain('没有保存它的计算结果');
  });

  // 3,000 rows of about 150 bytes: the part reaches the reader in many pieces (16 KB steps when
  // stored, the inflater's own pieces when deflated), and a row's end falls across two of them.
  it.each([
    ['deflated', 8],
    ['stored', 0],
  ] as const)('finds every one in a %s sheet of 3,000 rows, however the part is cut into pieces', async (_, method) => {
    const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>任务${i + 1}</t></is></c><c r="B${i + 1}"><f>"推进"&amp;"${i + 1}"</f><v></v></c></row>`);
    const xml = `${head}${rows.join('')}</sheetData></worksheet>`;
    const sheet = part('xl/worksheets/sheet1.xml', xml);
    const raw = new TextEncoder().encode(xml);
    const r = await readWorkbook(xlsxWithSheet(method === 8 ? sheet : { ...sheet, stored: raw, method: 0 }), '公式.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(raw.length).toBeGreaterThan(20 * 16 * 1024);
    expect(r.issues.map((i) => i.row)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(r.sheets[0]!.rows[2999]![1]).toBe('="推进"&"3000"');
  });

  it('a formula whose cached value is kept reads as the value, without a warning (LibreOffice)', async () => {
    const r = await readWorkbook(fixture('city-list-libreoffice.xlsx'), 'city.xlsx');
    expect(r.ok && r.issues).toEqual([]);
  });
});

describe('a worksheet part cut short', () => {
  // A LibreOffice-written list whose sheet XML lost its second half (a copy broken in transit):
  // SheetJS reads what is left as fewer rows or none; the reader refuses it as damaged instead.
  const cut = (keep: (xml: string) => string) => {
    const parts = unzipSync(fixture('city-list-libreoffice.xlsx'));
    const name = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    parts[name] = strToU8(keep(strFromU8(parts[name]!)));
    return zipSync(parts);
  };

  it('is refused with the Chinese message for a damaged file', async () => {
    expect(await refused(cut((xml) => xml.slice(0, Math.floor(xml.length / 2))), '市级任务清单.xlsx')).toContain('已损坏或不完整');
  });

  it('is read when only whitespace follows </worksheet>', async () => {
    expect((await readWorkbook(cut((xml) => `${xml}\r\n  `), 'list.xlsx')).ok).toBe(true);
  });
});
