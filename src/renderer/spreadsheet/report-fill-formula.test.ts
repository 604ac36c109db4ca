/** An office's template with formula cells (saved by LibreOffice): formulas follow the repeated rows. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CUT_CELL_SUFFIX, MAX_CELL_CHARS } from '@core/limits';
import { fillReport } from './report-fill';

const TEMPLATE = new Uint8Array(readFileSync(resolve(__dirname, '../../../test/fixtures/templates/formula-cells.xlsx')));
/** xl/workbook.xml of a written file (exceljs does not read calcPr back). */
function workbookXml(bytes: Uint8Array): string {
  const zip = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const i = zip.FullPaths.findIndex((p: string) => p.endsWith('/xl/workbook.xml'));
  return new TextDecoder().decode(zip.FileIndex[i]!.content as Uint8Array);
}

const rows = [
  { key: 'K-01', title: '引聚国际研发机构', progress: '已完成' },
  { key: 'K-02', title: '搭建国际科技合作平台', progress: '推进中' },
  { key: 'K-03', title: '聚集高端研发人才', progress: '' },
];

describe('a template with formula cells', () => {
  it('copies data-row formulas row by row, grows the 合计 range, and drops the stale cached results', async () => {
    const bytes = await fillReport(TEMPLATE, 'tasks', { scalars: { district: '汉阳区', period: '2025年第三季度', filledBy: '张三' }, rows: { task: rows } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet('任务表')!;
    expect([3, 4, 5].map((r) => ws.getCell(r, 1).formula)).toEqual(['ROW()-2', 'ROW()-2', 'ROW()-2']);
    expect([3, 4, 5].map((r) => ws.getCell(r, 4).formula)).toEqual(['B3&"-"&C3', 'B4&"-"&C4', 'B5&"-"&C5']);
    expect([3, 4, 5].map((r) => ws.getCell(r, 2).value)).toEqual(['K-01', 'K-02', 'K-03']);
    expect(ws.getCell('A6').value).toBe('合计');
    expect(ws.getCell('B6').formula).toBe('COUNTA(B3:B5)');
    expect(ws.getCell('A7').value).toBe('填报人：张三');
    expect(workbookXml(bytes)).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // No cached result carries the template's placeholders into the city's copy.
    const sheet = XLSX.read(bytes, { type: 'array' }).Sheets['任务表']!;
    for (const addr of ['D3', 'D4', 'D5', 'B6']) expect(String(sheet[addr]?.v ?? '')).not.toContain('{{');
  });

  it('writes no recalculation flag for a template without formulas', async () => {
    const builtin = readFileSync(resolve(__dirname, '../../../test/fixtures/templates/custom-styled.xlsx'));
    const bytes = await fillReport(new Uint8Array(builtin), 'tasks', { scalars: {}, rows: { task: rows } });
    expect(workbookXml(bytes)).not.toMatch(/fullCalcOnLoad="1"/);
  });
});

describe('an over-long text', () => {
  it('is never written into one cell over Excel\'s 32,767 characters: it continues on printed rows, every character kept (read back by SheetJS)', async () => {
    const long = '推进'.repeat(1024 * 1024);
    const bytes = await fillReport(TEMPLATE, 'tasks', { scalars: { district: '汉阳区', period: '2025年第三季度', filledBy: '张三' }, rows: { task: [{ key: 'K-01', title: long, progress: '' }] } });
    const wb = XLSX.read(bytes, { type: 'array' });
    const ws = wb.Sheets['任务表']!;
    const texts = Object.entries(ws)
      .filter(([k]) => !k.startsWith('!'))
      .map(([, c]) => String((c as XLSX.CellObject).v ?? ''));
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(texts.some((t) => t.endsWith(CUT_CELL_SUFFIX))).toBe(false);
    expect(texts.join('').replace(/[^推进]/gu, '').length).toBeGreaterThanOrEqual(long.length);
  });
});
