import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { deflateSync } from 'node:zlib';
import { addImagesToSheet } from './report-images';

/** A real, minimal PNG of w×h grey pixels. */
function png(w: number, h: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

async function workbookWith(sheet: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['状态', '任务数']);
  ws.addRow(['已完成', 3]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('charts as pictures in the 汇总 sheet', () => {
  it('places each picture under its title below the table, scaled to fit A4', async () => {
    const bytes = await addImagesToSheet(await workbookWith('汇总'), '汇总', [
      { name: '任务状态分布', png: png(1520, 640), width: 1520, height: 640 },
      { name: '各文件任务完成情况', png: png(400, 200), width: 400, height: 200 },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('A2').value).toBe('已完成'); // the table is untouched
    const images = ws.getImages();
    expect(images).toHaveLength(2);
    expect(ws.getCell(4, 1).value).toBe('任务状态分布');
    expect(images[0]!.range.tl.nativeRow).toBe(4);
    // the second title sits below the first picture (760×320 after scaling → 16 rows)
    const secondRow = images[1]!.range.tl.nativeRow;
    expect(secondRow).toBeGreaterThan(4 + 16);
    expect(ws.getCell(secondRow, 1).value).toBe('各文件任务完成情况');
    const media = (wb as unknown as { model: { media: { extension: string; buffer: Uint8Array }[] } }).model.media;
    expect(media.map((m) => m.extension)).toEqual(['png', 'png']);
  });

  it('refuses a workbook without the sheet, in Chinese', async () => {
    await expect(addImagesToSheet(await workbookWith('Sheet1'), '汇总', [])).rejects.toThrow('没有“汇总”工作表');
  });
});
