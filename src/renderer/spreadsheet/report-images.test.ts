import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addChartSheets } from './report-images';
import { png } from '../../../test/builders/png';

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
    // A tall chart is scaled to the page's height: 200 × 600 px over columns of 89 px and rows of 20 px.
    const tall = wb.getWorksheet('图表2 各文件任务完成情况')!.getImages()[0]!;
    expect(tall.range.tl.nativeRow).toBe(1);
    expect(tall.range.br.nativeRow - tall.range.tl.nativeRow).toBe(30);
    expect(tall.range.br.nativeCol).toBe(2); // 200 / 89 = 2.25 columns
  });

  it('refuses a workbook without the sheet, in Chinese', async () => {
    await expect(addChartSheets(await workbookWith('Sheet1'), '汇总', [])).rejects.toThrow('没有“汇总”工作表');
  });
});
