/**
 * Table-driven over the real fixtures in test/fixtures/import (saved by LibreOffice, WPS-style
 * HTML .xls, GBK / UTF-8 / BOM CSV): read → find the table → plan against the seed tasks.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTable, planImport, readRows, type ImportIssue, type SheetGrid } from '@core/import';
import { SEED_DOCUMENT, seedTasks } from '../../../test/builders/seeded-store';
import { IMPORT_LIMITS, readWorkbook, unclosedQuote } from './read-sheet';

const DIR = resolve(__dirname, '../../../test/fixtures/import');
const read = (name: string) => readWorkbook(new Uint8Array(readFileSync(join(DIR, name))), name);

/** The first sheet with a table, its rows and issues, and the plan against the seed tasks. */
function importFixture(sheets: SheetGrid[]) {
  const issues: ImportIssue[] = [];
  for (const sheet of sheets) {
    const found = findTable(sheet);
    if (!found.layout) {
      issues.push(...found.issues);
      continue;
    }
    const { rows, issues: rowIssues } = readRows(sheet, found.layout);
    const plan = planImport({ fileName: 'f', sheet: sheet.name, rows, issues: rowIssues, existing: seedTasks(), documents: [SEED_DOCUMENT], now: '2025-10-08T00:00:00.000Z' });
    return { sheet, layout: found.layout, rows, plan };
  }
  return { issues };
}

const good: { file: string; sheet: string; headerRow: number; headerRows: number; rows: number; unchanged: number; updated: string[]; removed: number }[] = [
  { file: 'city-list-libreoffice.xlsx', sheet: 'Sheet1', headerRow: 2, headerRows: 1, rows: 12, unchanged: 11, updated: ['2023YD-04'], removed: 10 },
  { file: 'city-list-libreoffice.xls', sheet: 'Sheet1', headerRow: 2, headerRows: 1, rows: 12, unchanged: 11, updated: ['2023YD-04'], removed: 10 },
  { file: 'two-row-header.xlsx', sheet: 'Sheet1', headerRow: 1, headerRows: 2, rows: 12, unchanged: 12, updated: [], removed: 10 },
  { file: 'city-list-gbk.csv', sheet: 'Sheet1', headerRow: 0, headerRows: 1, rows: 12, unchanged: 12, updated: [], removed: 10 },
  { file: 'city-list-utf8.csv', sheet: 'Sheet1', headerRow: 0, headerRows: 1, rows: 12, unchanged: 12, updated: [], removed: 10 },
  { file: 'city-list-utf8-bom.csv', sheet: 'Sheet1', headerRow: 0, headerRows: 1, rows: 12, unchanged: 12, updated: [], removed: 10 },
  { file: 'multi-sheet.xlsx', sheet: '任务清单', headerRow: 0, headerRows: 1, rows: 12, unchanged: 12, updated: [], removed: 10 },
  { file: 'multi-sheet.xls', sheet: '任务清单', headerRow: 0, headerRows: 1, rows: 12, unchanged: 12, updated: [], removed: 10 },
  { file: 'wps-html.xls', sheet: 'Sheet1', headerRow: 1, headerRows: 1, rows: 8, unchanged: 8, updated: [], removed: 0 },
];

describe('reading the city files', () => {
  it.each(good)('$file', async (c) => {
    const r = await read(c.file);
    if (!r.ok) throw new Error(r.message);
    const got = importFixture(r.sheets);
    expect(got.sheet?.name).toBe(c.sheet);
    expect(got.layout?.headerRow).toBe(c.headerRow);
    expect(got.layout?.headerRows).toBe(c.headerRows);
    expect(got.rows).toHaveLength(c.rows);
    expect(got.rows![0]!.fields.title).toBe('健全长效推进机制');
    expect(got.plan!.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(got.plan!.unchanged).toHaveLength(c.unchanged);
    expect(got.plan!.updated.map((u) => u.before.key)).toEqual(c.updated);
    expect(got.plan!.added).toEqual([]);
    expect(got.plan!.removed).toHaveLength(c.removed);
  });

  it('applies a merged 牵头单位 to every row it covers and keeps section headings (LibreOffice .xlsx)', async () => {
    const r = await read('city-list-libreoffice.xlsx');
    const { rows, plan } = importFixture(r.ok ? r.sheets : []);
    expect(rows!.slice(0, 3).map((x) => x.fields.leadUnits)).toEqual(['市科技局', '市科技局', '市科技局']);
    // The merged areas are handed on too (a returned form's reader takes a merge's text once).
    const sheet = r.ok ? r.sheets[0]! : undefined;
    const lead = sheet!.merges!.find((m) => m.r1 > m.r0 && sheet!.rows[m.r0]![m.c0] === '市科技局');
    expect(lead).toBeDefined();
    for (let row = lead!.r0; row <= lead!.r1; row++) expect(sheet!.rows[row]![lead!.c0]).toBe('市科技局');
    expect(rows![0]!.sectionHeading).toBe('一、强化科创中心建设');
    expect(rows![6]!.sectionHeading).toBe('二、提升企业创新能力');
    expect(plan!.updated[0]!.changedFields).toEqual(['text']);
    expect(plan!.updated[0]!.after.text).toContain('同时加快建设重大科技基础设施配套工程');
  });

  it('reads a WPS-style HTML .xls date cell as a date', async () => {
    const r = await read('wps-html.xls');
    expect(r.ok && r.sheets[0]!.rows[2]![4]).toBe('2023-12-31');
  });

  const bad: { file: string; message: string; sheet?: string; row?: number; column?: string }[] = [
    { file: 'not-a-spreadsheet.xlsx', message: '不是电子表格' },
    { file: 'corrupted.xlsx', message: '已损坏或不完整' },
    { file: 'password.xlsx', message: '设置了打开密码' },
    { file: 'empty-sheet.xlsx', message: '工作表“Sheet1”是空的', sheet: 'Sheet1' },
    { file: 'no-title-column.xlsx', message: '没有“重点任务”列', sheet: 'no-title-column', row: 1 },
    { file: 'duplicate-keys.csv', message: '任务编号“2023YD-01”与第 2 行重复', sheet: 'Sheet1', row: 4, column: 'A列（任务编号）' },
  ];
  it.each(bad)('refuses $file with a Chinese message naming where', async (c) => {
    const r = await read(c.file);
    if (!r.ok) {
      expect(c.sheet).toBeUndefined();
      expect(r.message).toContain(c.message);
      expect(r.message).toContain(c.file);
      return;
    }
    const got = importFixture(r.sheets);
    const errors = (got.plan?.issues ?? got.issues ?? []).filter((i) => i.severity === 'error');
    expect(errors[0]).toMatchObject({ sheet: c.sheet, ...(c.row ? { row: c.row } : {}), ...(c.column ? { column: c.column } : {}) });
    expect(errors[0]!.message).toContain(c.message);
  });

  it('refuses text renamed to .xlsx as what it is, not as a sheet without rows (a CSV under its own name is read)', async () => {
    const csv = readFileSync(join(DIR, 'city-list-utf8.csv'));
    const r = await readWorkbook(new Uint8Array(csv), '市任务清单.xlsx');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('文件“市任务清单.xlsx”的扩展名是 .xlsx，但里面是文字');
    expect((await readWorkbook(new Uint8Array(csv), 'city-list-utf8.csv')).ok).toBe(true);
  });

  it('reads a figure in a General cell as the figure, not as the shortened display (1.23457E+11), from an openpyxl file', async () => {
    const name = 'big-numbers.xlsx';
    const r = await readWorkbook(new Uint8Array(readFileSync(resolve(DIR, name))), name);
    if (!r.ok) throw new Error(r.message);
    expect(r.sheets[0]!.rows.slice(1).map((row) => row[1])).toEqual(['123456789012', '0.000015', '2.5', '1520', '-3']);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const r = await readWorkbook(new Uint8Array(IMPORT_LIMITS.maxBytes + 1), 'big.xlsx');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('超过了 50 MB 的上限');
  });

  it('reads and plans a generated 20 MB, 50,000-row GBK CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-big-'));
    try {
      const tasks = seedTasks();
      const lines = ['序号,文件,任务名称,工作内容,牵头单位,配合单位,完成时限'];
      for (let i = 0; i < 50_000; i++) {
        const t = tasks[i % tasks.length]!;
        lines.push(`${i + 1},2026年重点任务清单,第${i + 1}项：${t.title},"${t.text.repeat(6)}（第${i + 1}项）",市科技局、市发改委,各区人民政府,2026年${(i % 12) + 1}月底`);
      }
      const path = join(dir, 'big.csv');
      writeFileSync(path, new TextEncoder().encode(lines.join('\r\n')));
      expect(statSync(path).size).toBeGreaterThan(20 * 1024 * 1024);
      const t0 = Date.now();
      const r = await readWorkbook(new Uint8Array(readFileSync(path)), 'big.csv');
      if (!r.ok) throw new Error(r.message);
      const got = importFixture(r.sheets);
      expect(got.rows).toHaveLength(50_000);
      expect(got.plan!.added).toHaveLength(50_000);
      expect(got.plan!.added[49_999]!.task.deadline).toBe('2026-08-31');
      expect(Date.now() - t0).toBeLessThan(90_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('a CSV quote that never closes', () => {
  it('is found where it opens (row, column), read as SheetJS reads quotes; closed quotes over line breaks are no problem', () => {
    expect(unclosedQuote('序号,重点任务\r\n1,"建设\r\n实验室"\r\n2,"培育""企业""",市科技局\r\n')).toBeUndefined();
    expect(unclosedQuote('序号\t重点任务\t牵头单位\r\n1\t实施"校企双进"工程\t市教育局\r\n')).toBeUndefined();
    expect(unclosedQuote('序号,重点任务,牵头单位\r\n1,建设实验室,市科技局\r\n2,培育企业,"市科技局\r\n3,建设平台,市发改委\r\n')).toEqual({ row: 3, column: 2 });
    expect(unclosedQuote('序号\t重点任务\r\n1\t"建设\r\n')).toEqual({ row: 2, column: 1 });
  });

  it('refuses the file, naming it, the row and the column, in Chinese, and reads nothing', async () => {
    const r = await readWorkbook(new TextEncoder().encode('序号,重点任务,牵头单位\r\n1,建设实验室,市科技局\r\n2,"培育企业,市科技局\r\n3,建设平台,市发改委\r\n'), '清单.csv');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('文件“清单.csv”第 3 行 B列的英文双引号') });
  });
});
