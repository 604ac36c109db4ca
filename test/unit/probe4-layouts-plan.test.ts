/**
 * City lists in the shapes the tenth session's probe tried, written by openpyxl and re-saved by
 * LibreOffice (test/fixtures/import/make-probe4-layouts.py), planned against the built-in data as
 * 汉阳区: each plan proposes what the city changed and nothing else, and says what it leaves out.
 */
import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/core/import';
import { keysOf, planned, plan } from '../builders/import-probes';

describe('任务名称 beside 具体内容', () => {
  it('content written without the title sentence the ledger’s text starts with, half-width punctuation or line breaks, is no change', async () => {
    const s = summarisePlan(await plan('name-and-content.xlsx'));
    expect(s.updated).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.removed).toEqual([]);
    expect(s.unchanged.map((u) => u.key).sort()).toEqual(keysOf('doc-000').sort());
  });
});

describe('a column of the district’s own units', () => {
  it('区级责任单位 never replaces the city’s 责任单位 of the tasks, and the plan says the column is left out', async () => {
    const p = await plan('sheet-per-district.xls', { sheet: '汉阳区' });
    const s = summarisePlan(p);
    expect(s.updated).toEqual([]);
    expect(s.unchanged).toHaveLength(14);
    expect(p.issues.map((i) => [i.row, i.column, i.message])).toContainEqual([
      2,
      'D列（区级责任单位）',
      '工作表“汉阳区”第 2 行表头的 D列（区级责任单位）写的是区里的承办单位，不是市里定的牵头单位或责任单位，这一列不导入，台账中各任务的单位保持不变。如它其实就是任务的责任单位，请在“调整列对应”中指定。',
    ]);
  });

  it('牵头单位 merged over 市级 | 区级 is a two-row header: 市级 is the 牵头单位, 区级 is left out and said so', async () => {
    const r = await planned('unit-header-over-levels.xls');
    const layout = r.sheets[0]!.layout!;
    expect(layout.headerRows).toBe(2);
    expect(layout.columns.map((m) => [m.header, m.field])).toEqual([
      ['序号', 'seq'],
      ['任务名称', 'title'],
      ['牵头单位/市级', 'leadUnits'],
      ['牵头单位/区级', null],
      ['完成时限', 'deadline'],
      ['备注', 'note'],
    ]);
    const s = summarisePlan(r.plan);
    expect(s.updated).toEqual([]);
    expect(s.filled).toHaveLength(22);
    expect(s.unchanged).toHaveLength(22);
    expect(r.plan.issues.map((i) => i.column)).toEqual(['D列（牵头单位/区级）']);
  });
});

describe('the guessed mapping’s warnings', () => {
  it('two columns like one field are said in the plan’s 问题, not only at the mapping step', async () => {
    const p = await plan('old-columns-kept.xlsx');
    expect(p.issues.filter((i) => i.message.includes('有两列都像')).map((i) => i.message)).toEqual([
      '工作表“清单”有两列都像“牵头单位”：D列（牵头单位） 和 C列（牵头单位）（后者是隐藏列）。已使用 D列（牵头单位），请在“调整列对应”中确认。',
      '工作表“清单”有两列都像“完成时限”：F列（完成时限） 和 E列（完成时限（原））。已使用 F列（完成时限），请在“调整列对应”中确认。',
    ]);
  });
});

describe('the sheet picked first', () => {
  it('passes over a 汇总 sheet that has a header but no task column', async () => {
    const r = await planned('summary-sheet-first.xlsx');
    expect(r.plan.sheet).toBe('任务清单');
    const s = summarisePlan(r.plan);
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.unchanged.map((u) => u.key).sort()).toEqual(keysOf('doc-004').sort());
    expect(s.renamed.map((x) => [x.from, x.to])).toEqual([['市科创局', '市科技创新局']]);
  });

  it('of a sheet per district, is the officer’s own district’s (the first without a district)', async () => {
    expect((await plan('sheet-per-district.xls')).sheet).toBe('汉阳区');
    expect((await plan('sheet-per-district.xls', { district: '洪山区' })).sheet).toBe('洪山区');
    expect((await plan('sheet-per-district.xls', { district: undefined })).sheet).toBe('江岸区');
    const s = summarisePlan(await plan('sheet-per-district.xls'));
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-11']);
    expect(s.updated).toEqual([]);
  });
});

describe('notes under the list', () => {
  it('填表说明 and its numbered lines after 10 blank rows, and the signature line, are no tasks and no warnings', async () => {
    const s = summarisePlan(await plan('notes-after-blank-rows.xls'));
    expect(s.added).toEqual([]);
    expect(s.issues).toEqual([]);
    expect(s.unchanged.map((u) => u.key).sort()).toEqual(keysOf('doc-000').sort());
  });
});

describe('a 进展情况 column the city filled', () => {
  it('is never imported, and the plan says so once, naming the column and how many rows; 长期坚持 / 持续推进 are kept as written, without a date', async () => {
    const p = await plan('progress-column-filled.xlsx');
    const s = summarisePlan(p);
    expect(s.issues).toEqual([
      {
        row: 1,
        column: 'F列（进展情况）',
        severity: 'warning',
        message: '工作表“2023年工作要点”的 F列（进展情况）有 6 行写了进展。导入只更新任务清单，这些内容不导入，台账中本区已填写的进展不会被改动或覆盖；如需参考文件中写的进展，请打开原文件查看。',
      },
    ]);
    expect(s.updated).toEqual([]);
    expect(s.filled).toHaveLength(22);
    const filled = new Map(p.filled.map((f) => [f.before.key, f.after]));
    expect([filled.get('2023GZYD-01')?.deadlineText, filled.get('2023GZYD-01')?.deadline]).toEqual(['长期坚持', undefined]);
    expect([filled.get('2023GZYD-02')?.deadlineText, filled.get('2023GZYD-02')?.deadline]).toEqual(['持续推进', undefined]);
    expect(filled.get('2023GZYD-04')?.deadline).toBe('2025-12-31');
  });
});

describe('revision marks in a column of their own', () => {
  it('a 调整类型 column of 保留 / 删除 / 新增 is read for the marks: （删除）, a 删除 merged over two rows and 已完成，不再列入 archive', async () => {
    const r = await planned('change-type-column.xls');
    expect(r.sheets[0]!.layout!.columns.find((m) => m.header === '调整类型')?.field).toBe('note');
    const s = summarisePlan(r.plan);
    expect(s.removed.map((x) => [x.key, x.row, x.mark])).toEqual([
      ['2024KJRC-04', 6, '（删除）'],
      ['2024KJRC-07', 9, '删除'],
      ['2024KJRC-08', 10, '删除'],
      ['2024KJRC-12', 14, '已完成，不再列入'],
    ]);
    expect(s.added.map((a) => [a.row, a.title])).toEqual([[18, '建设人才发展研究院']]);
    expect(s.updated).toEqual([]);
    expect(s.unchanged).toHaveLength(11);
  });
});

describe('a hidden old sheet, units parted by spaces, ★ after a name', () => {
  it('plans the visible sheet; 市发改委 市科技创新局 is two units and 任务★ is the task’s name: only the 补充 of 完成时限', async () => {
    const r = await planned('hidden-old-sheet.xlsx');
    expect(r.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ['原清单', true],
      ['新清单', false],
    ]);
    expect(r.plan.sheet).toBe('新清单');
    const s = summarisePlan(r.plan);
    expect(s.updated).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.issues).toEqual([]);
    expect(s.filled).toHaveLength(22);
    expect(s.unchanged.map((u) => u.key).sort()).toEqual(keysOf('doc-002').sort());
  });
});
