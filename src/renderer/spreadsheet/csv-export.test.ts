/**
 * CSV export: every text a spreadsheet program could run as a formula is neutralised, and no
 * cell is over Excel's limit. Read back with SheetJS as a second reader: no cell is a formula.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { CUT_CELL_SUFFIX, MAX_CELL_CHARS } from '@core/limits';
import { toCsvBytes, toCsvText } from './csv-export';

const HOSTILE = ['=1+1', '+86 027', '-5%', '@SUM(A1)', '\t=HYPERLINK("http://x")', '\r=1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '=cmd|\' /C calc\'!A0'];

describe('toCsvText', () => {
  it.each(HOSTILE)('neutralises %j with a leading apostrophe', (text) => {
    const line = toCsvText(['h'], [[text]]).split('\r\n')[1]!;
    expect(line.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it.each([['完成=100%'], ['市科技局'], ['2026-06-30']])('leaves %j alone', (text) => {
    expect(toCsvText(['h'], [[text]]).split('\r\n')[1]).toBe(text);
  });

  it('writes numbers as numbers, negative ones too', () => {
    expect(toCsvText(['h'], [[-5]]).split('\r\n')[1]).toBe('-5');
  });

  it('no cell read back by SheetJS is a formula, and each keeps its text after the apostrophe', () => {
    const bytes = toCsvBytes(['任务名称'], HOSTILE.map((t) => [t]));
    const wb = XLSX.read(new TextDecoder().decode(bytes.subarray(3)), { type: 'string', cellFormula: true, raw: true, FS: ',' } as XLSX.ParsingOptions);
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    HOSTILE.forEach((t, i) => {
      const c = ws[XLSX.utils.encode_cell({ r: i + 1, c: 0 })] as XLSX.CellObject;
      expect(c.f).toBeUndefined();
      expect(String(c.v)).toBe(`'${t}`);
    });
  });

  it(`cuts a 5 MB text to ${MAX_CELL_CHARS} characters, marked`, () => {
    const cell = toCsvText(['h'], [['进'.repeat(5 * 1024 * 1024)]]).split('\r\n')[1]!;
    expect(cell.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cell.endsWith(CUT_CELL_SUFFIX)).toBe(true);
  });
});
