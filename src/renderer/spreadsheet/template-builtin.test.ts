/**
 * The built-in templates as an office prints them: the line above the table (填报单位, 报告期,
 * 填报日期) and the line below it (填报人, 联系电话, 审核人) keep each item on one printed line in
 * every sheet, the narrow 汇总 too (walk6 W10: its date and phone number broke over two lines).
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { estimateLines } from '@core/report/layout';
import { builtinTemplateBytes } from './template-files';

/** The longest values an office types there: a date at year's end, a phone number with its extension. */
const FILLED: Record<string, string> = {
  '{{period}}': '2026年第四季度',
  '{{filledDate}}': '2026年12月31日',
  '{{phone}}': '027-87951234-8001',
  '{{filledBy}}': '欧阳晓明',
  // A unit's full name (walk9 Z8: it broke over two lines on the 产业集群推进情况表).
  '{{reportUnit}}': '东西湖区科技和经济信息化局',
};

describe('the built-in templates’ lines above and below the table', () => {
  it('print 填报单位, 报告期, 填报日期, 填报人 and 联系电话 on one line each, in every sheet (the 汇总’s unit line may wrap)', async () => {
    const wb = new ExcelJS.Workbook();
    const bytes = builtinTemplateBytes('all');
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('汇总');
    for (const ws of wb.worksheets) {
      for (const row of [2, 5]) {
        const seen: string[] = [];
        ws.getRow(row).eachCell((cell, col) => {
          // A merged range is read once, at its first cell (the others give the same value).
          if (cell.master.address !== cell.address) return;
          const text = String(cell.value ?? '');
          if (!/\{\{(period|filledDate|phone|filledBy|reportUnit)\}\}/.test(text)) return;
          // The 汇总's three narrow columns: its unit line may wrap (two lines high), nothing else.
          if (ws.name === '汇总' && text.includes('{{reportUnit}}')) return;
          // The cell's printed width: its own column, or the columns it is merged over.
          let width = 0;
          for (let c = col; c <= ws.columnCount && ws.getCell(row, c).master.address === cell.address; c++) width += ws.getColumn(c).width ?? 9;
          const filled = text.replace(/\{\{\w+\}\}/g, (p) => FILLED[p] ?? p);
          expect(estimateLines(filled, width), `${ws.name} row ${row}: ${filled} in ${width}`).toBe(1);
          seen.push(filled);
        });
        expect(seen.length, `${ws.name} row ${row}`).toBe(row === 2 && ws.name !== '汇总' ? 3 : 2);
      }
    }
  });
});
