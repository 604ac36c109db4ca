/**
 * City lists in the layouts the fifth probe tried, written by openpyxl and some re-saved by
 * LibreOffice (test/fixtures/import/make-probe5-layouts.py), planned against the built-in data as
 * 汉阳区: each plan proposes what the city changed and nothing else, and says what it leaves out.
 */
import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/core/import';
import { keysOf, except, planned, plan, summary, sortedKeys } from '../builders/import-probes';

describe('a matrix of the districts’ shares, one column per district', () => {
  it.each(['district-matrix.xlsx', 'district-matrix.csv'])('%s: maps the 17 district columns to nothing (no 重点任务 guessed from 各区（开发区）任务分工) and says once that they are not read', async (file) => {
    const r = await planned(file);
    const layout = r.sheets[0]!.layout!;
    expect(layout.headerRows).toBe(2);
    expect(layout.needsReview).toBe(false);
    expect(layout.columns.filter((m) => m.field).map((m) => [m.column, m.field])).toEqual([
      [0, 'seq'],
      [1, 'title'],
      [2, 'leadUnits'],
      [3, 'responsibleUnits'],
      [4, 'deadline'],
    ]);
    const s = summarisePlan(r.plan);
    expect(s.unchanged.map((u) => u.key)).toEqual(keysOf('doc-004'));
    expect([s.added, s.updated, s.removed, s.ambiguous]).toEqual([[], [], [], []]);
    expect(s.issues.map((i) => [i.row, i.column, i.severity])).toEqual([[3, 'F列（江岸区）', 'warning']]);
    expect(s.issues[0]!.message).toBe(
      `工作表“${r.plan.sheet}”第 3 行的 F列（江岸区）至V列（东湖风景区）是各区一区一列的分工（共 17 列，标 ✓、●、牵头、配合等）。这些列不导入，台账中各任务的牵头单位和责任单位保持不变，以清单的“牵头单位”“责任单位”列为准；本区是否承担某项任务，请对照原文件核实。`,
    );
  });
});

describe('a task over several rows', () => {
  it('编号, 重点任务 and 牵头单位 merged down over up to three rows, a 工作措施 and its units on each: one task each, its units in any order no change', async () => {
    const s = await summary('split-task-rows.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.ambiguous).toEqual([]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-004', 13).sort());
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-13']);
    expect(s.added.map((a) => [a.number, a.title, a.leadUnits, a.responsibleUnits, a.deadline])).toEqual([
      ['16', '建设科技人才服务一件事平台', ['市人才工作局'], ['市数据局', '各区人民政府'], '2026年底前'],
    ]);
  });
});

describe('完成时限 as date cells and as words', () => {
  it('deadline-date-cells.csv: the same dates as text (2027-12-31 00:00, 二〇二七年十二月三十一日, 12/31/2027) are the same dates', async () => {
    const s = await summary('deadline-date-cells.csv');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields.deadline?.after])).toEqual([
      ['2025YFZX-06', '2026年6月30日'],
      ['2025YFZX-07', '2026年6月底前'],
      ['2025YFZX-18', '2026-12-31'],
    ]);
    expect(s.filled.map((f) => f.key)).toEqual(['2025YFZX-08', '2025YFZX-19', '2025YFZX-20']);
    expect(s.unchanged).toHaveLength(17);
  });

  for (const file of ['deadline-date-cells.xlsx', 'deadline-date-cells.xls'])
    it(`${file}: a date in any date format, 2027.12 typed as a number, or 到2027年底 is the ledger’s 到2027年; only the real changes and fills`, async () => {
      const s = await summary(file);
      expect(s.issues).toEqual([]);
      expect(s.updated.map((u) => [u.key, u.fields.deadline?.after])).toEqual([
        ['2025YFZX-06', '2026-06-30'],
        ['2025YFZX-07', '2026年6月底前'],
        ['2025YFZX-18', '2026-12-31'],
      ]);
      expect(s.filled.map((f) => [f.key, f.fields.deadline?.after])).toEqual([
        ['2025YFZX-08', '2025-12-31'],
        ['2025YFZX-19', '2026年二季度'],
        ['2025YFZX-20', '每季度末'],
      ]);
      expect(s.unchanged).toHaveLength(17);
      expect([s.added, s.removed]).toEqual([[], []]);
    });
});

describe('documents cited by their full titles', () => {
  it('《…关于印发X的通知》（文号）, the issuer before 关于, 2025-2027 for 2025—2027: the ledger’s documents, nothing new', async () => {
    const p = await plan('doc-titles-full.xlsx');
    const s = summarisePlan(p);
    expect(p.newDocuments).toEqual([]);
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([['2024KJRC-15', ['leadUnits']]]);
    expect(sortedKeys(s.unchanged)).toEqual([...keysOf('doc-000'), ...except('doc-004', 15), ...keysOf('doc-002')].sort());
    expect([s.added, s.removed]).toEqual([[], []]);
  });
});

describe('list numbers written with their section', () => {
  it('（一）1, （二）3 …: the 条目 is the number after the section’s; a reworded task keeps its 条目', async () => {
    const s = await summary('section-numbers.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2023GZYD-09', { title: { before: '大力培育科技企业', after: '大力培育科技型企业梯队' } }]]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-002', 9).sort());
    expect([s.added, s.removed, s.ambiguous]).toEqual([[], [], []]);
  });
});

describe('a title, 填报说明 above the header and a 合计 block under the list', () => {
  it('其中：新增0项… under 合计, a 备注 label beside its text and the signature line are no tasks', async () => {
    const s = await summary('notes-and-total-block.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2024KJRC-15', { title: { before: '培育创新创业文化良好氛围', after: '营造创新创业文化良好氛围' } }]]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-004', 15).sort());
  });
});

describe('an .xls saved by LibreOffice from WPS styling', () => {
  it('headers broken over lines, names indented with full-width spaces, 序号 as text, units on lines: the dropped task and the 补充 only', async () => {
    const s = await summary('wps-styled.xls');
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.removed.map((x) => x.key)).toEqual(['SSWGH-46']);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-003', 46).sort());
    expect(s.filled).toHaveLength(53);
  });
});

describe('a GBK CSV with line breaks inside quoted cells', () => {
  it('编号 counting within each part (1-1, 2-1 …) is no 条目; ASCII quotes for “” are no change; the real change, the dropped and the new task', async () => {
    const s = await summary('city-list-gbk-multiline.csv');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([['2025YFZX-12', ['text', 'deadline']]]);
    expect(s.removed.map((x) => x.key)).toEqual(['2025YFZX-20']);
    expect(s.added.map((a) => [a.number, a.title, a.document])).toEqual([['', '建设概念验证中心网络', 'doc-000']]);
    expect(s.unchanged).toHaveLength(18);
  });
});

describe('责任单位 first, written as the document writes units', () => {
  it('牵头单位：市科技局；责任单位：… in one cell is its lead and responsible units: only 名称统一 and the 补充 of 完成时限', async () => {
    const s = await summary('units-first-columns.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.unchanged.map((u) => u.key)).toEqual(keysOf('doc-002'));
    expect(s.filled).toHaveLength(22);
    expect(s.renamed.map((r) => r.from)).toContain('市科技局');
  });
});

describe('two documents on two sheets', () => {
  it('the first sheet is planned, and the plan says the other sheet holds a list too', async () => {
    const s = await summary('two-documents-two-sheets.xlsx');
    expect(s.sheet).toBe('研发中心城市三年行动');
    expect(s.updated.map((u) => u.key)).toEqual(['2025YFZX-03']);
    expect(s.removed).toEqual([]);
    expect(s.unchanged).toHaveLength(19);
    expect(s.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', '文件 two-documents-two-sheets.xlsx 里还有工作表“科教人才优势转化意见”也是任务清单，本次只导入工作表“研发中心城市三年行动”。如它是另一份清单（例如另一个文件的任务），请在本次导入后再导入一次本文件，选择工作表“科教人才优势转化意见”。'],
    ]);
  });

  it('the second sheet archives its own dropped task, and names the first', async () => {
    const s = await summary('two-documents-two-sheets.xlsx', { sheet: '科教人才优势转化意见' });
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-09']);
    expect(s.unchanged).toHaveLength(14);
    expect(s.issues.map((i) => i.message)).toEqual([expect.stringContaining('里还有工作表“研发中心城市三年行动”也是任务清单')]);
  });
});

describe('a title naming the district without 区', () => {
  it('汉阳2025年… is 汉阳区’s list: only its dropped task is archived, and the plan says so naming row 1', async () => {
    const s = await summary('hanyang-title-no-qu.xlsx');
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-03']);
    expect(s.unchanged).toHaveLength(12);
    expect(s.issues).toEqual([
      { row: 1, column: null, severity: 'warning', message: expect.stringMatching(/^工作表“推进情况”第 1 行（标题或填报单位）写的是汉阳区，本清单按汉阳区的清单处理.*另有 2 个任务与汉阳区无关，清单里没有也不归档/) },
    ]);
  });
});

describe('units renamed and tasks reworded', () => {
  const renames = [
    { from: '市地方金融局', to: '市委金融办' },
    { from: '市政务服务大数据局', to: '市数据局' },
  ];
  it('with the office’s renames: the reworded titles only (one matched by its 条目), the renames as 名称统一', async () => {
    const s = await summary('renamed-units-reworded.xlsx', { renames });
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([
      ['SSWGH-20', ['title']],
      ['SSWGH-43', ['title']],
      ['SSWGH-44', ['title']],
    ]);
    expect(s.unchanged).toHaveLength(51);
    expect(s.renamed.map((r) => [r.from, r.to]).sort()).toEqual([
      ['市地方金融局', '市委金融办'],
      ['市政务服务大数据局', '市数据局'],
      ['市科技局', '市科技创新局'],
    ]);
  });

  it('without them: the units are changes, and the plan says each old name the list writes under one new name everywhere', async () => {
    const s = await summary('renamed-units-reworded.xlsx');
    const hints = s.issues.filter((i) => i.message.includes('单位名称对照'));
    expect(hints.map((i) => i.message.slice(0, i.message.indexOf('（')))).toEqual([
      '工作表“十四五规划任务”里没有“市地方金融局”：台账中写它的 6 个任务，清单都写成了“市委金融办”',
      '工作表“十四五规划任务”里没有“市政务服务大数据局”：台账中写它的 3 个任务，清单都写成了“市数据局”',
    ]);
  });
});

describe('a sheet per district named without 区', () => {
  it('the officer’s own sheet (汉阳) is planned, read as its district’s list, and no other district’s sheet is offered as another list', async () => {
    const s = await summary('district-sheets-bare-names.xlsx');
    expect(s.sheet).toBe('汉阳');
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-11']);
    expect(s.unchanged).toHaveLength(14);
    expect(s.issues.map((i) => [i.row, i.message.slice(0, i.message.indexOf('，'))])).toEqual([[1, '工作表“汉阳”第 1 行（标题或填报单位）写的是汉阳区']]);
    expect((await summary('district-sheets-bare-names.xlsx', { district: '洪山区' })).sheet).toBe('洪山');
  });
});
