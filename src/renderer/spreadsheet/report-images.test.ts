import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { deflateSync } from 'node:zlib';
import { addChartSheets } from './report-images';

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

describe('charts as pictures, each on a sheet of its own', () => {
  it('adds one sheet per chart after 汇总, titled, scaled to one A4 landscape page, without print titles', async () => {
    const bytes = await addChartSheets(await workbookWith('汇总'), '汇总', [
      { name: '任务状态分布', png: png(1520, 640), width: 1520, height: 640 },
      { name: '各文件任务完成情况', png: png(400, 1200), width: 400, height: 1200 },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '图表1 任务状态分布', '图表2 各文件任务完成情况']);
    expect(wb.getWorksheet('汇总')!.getImages()).toHaveLength(0); // the table sheet is untouched
    expect(wb.getWorksheet('汇总')!.getCell('A2').value).toBe('已完成');
    for (const [name, title] of [
      ['图表1 任务状态分布', '任务状态分布'],
      ['图表2 各文件任务完成情况', '各文件任务完成情况'],
    ] as const) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.getCell('A1').value).toBe(title);
      expect(ws.getImages()).toHaveLength(1);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
      expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    }
    // A tall chart is scaled to the page's height.
    const tall = wb.getWorksheet('图表2 各文件任务完成情况')!.getImages()[0]! as unknown as { range: { ext?: { width: number; height: number } } };
    expect(tall.range.ext?.height).toBe(600);
    expect(tall.range.ext?.width).toBe(200);
  });

  it('refuses a workbook without the sheet, in Chinese', async () => {
    await expect(addChartSheets(await workbookWith('Sheet1'), '汇总', [])).rejects.toThrow('没有“汇总”工作表');
  });
});
