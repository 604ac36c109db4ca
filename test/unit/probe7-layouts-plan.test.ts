/**
 * City lists in the layouts the seventh probe tried, written by openpyxl, some re-saved by
 * LibreOffice or patched as WPS writes them (test/fixtures/import/make-probe7-layouts.py), planned
 * against the built-in data as 汉阳区 (one also as 武昌区): each plan proposes what the city changed
 * and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/core/import';
import { keysOf, except, textOf, planned, plan, summary, sortedKeys } from '../builders/import-probes';

describe('a title block over a two-row header grouped by merged cells', () => {
  it('填报单位：____ and 单位：万元 above 任务信息 | 责任分工 | 完成时限 (merged down) | 计划投资: only the real change, the 投资 columns no task field', async () => {
    const r = await planned('title-block-grouped-header.xls');
    const s = summarisePlan(r.plan);
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2025YFZX-07', { deadline: { before: '到2027年', after: '2026年底前' } }]]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-000', 7).sort());
    expect([s.added, s.removed, s.filled]).toEqual([[], [], []]);
    const fields = r.sheets[0]!.layout!.columns.map((c) => c.field);
    expect(fields.filter((f) => f === 'deadline')).toHaveLength(1);
    expect(r.sheets[0]!.layout!.columns.filter((c) => /2026年|2027年/u.test(c.header)).map((c) => c.field)).toEqual([null, null]);
  });
});

describe('two documents in one sheet, each under a heading row', () => {
  it('the 序号 restarting under each heading: each row its own document’s task; the dropped one archived, no new document', async () => {
    const r = await planned('documents-by-heading-rows.xlsx');
    const s = summarisePlan(r.plan);
    expect(s.issues).toEqual([]);
    expect(r.plan.newDocuments).toEqual([]);
    expect(r.plan.scopeDocumentIds).toEqual(['doc-002', 'doc-004']);
    expect(s.removed.map((x) => x.key)).toEqual(['2023GZYD-20']);
    // The ledger has no 完成时限 for 2024KJRC-10: the list's is a 补充.
    expect(s.filled.map((f) => [f.key, f.fields.deadline?.after])).toEqual([['2024KJRC-10', '2026年底前']]);
    expect([s.updated, s.added, s.ambiguous]).toEqual([[], [], []]);
    expect(s.unchanged).toHaveLength(36);
  });
});

describe('the lead and the partners labelled in one 责任单位 cell', () => {
  it('牵头：…\\n配合：… and 牵头单位：…；配合单位：… are the lead and the responsible units: only the real change', async () => {
    const s = await summary('lead-partner-labelled-cell.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2024KJRC-08', { responsibleUnits: { before: '各区人民政府', after: '各区人民政府、市财政局' } }]]);
    expect(s.unchanged).toHaveLength(14);
  });
});

describe('one column for the lead and the other units, parted by ；', () => {
  it('牵头单位/责任单位: the first part leads, the second is the others (not all leads)', async () => {
    const s = await summary('lead-and-others-one-column.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2024KJRC-08', { responsibleUnits: { before: '各区人民政府', after: '各区人民政府、市财政局' } }]]);
    expect(s.unchanged).toHaveLength(14);
  });
});

describe('sub-headers that say only part of the header merged over them', () => {
  it('责任单位 over 牵头 | 配合: the 牵头 column is the lead units, the 配合 column the responsible ones; nothing changed', async () => {
    const r = await planned('roles-under-units-header.xls');
    const s = summarisePlan(r.plan);
    expect(r.sheets[0]!.layout!.columns.map((c) => c.field)).toEqual(['seq', 'title', 'leadUnits', 'responsibleUnits', 'deadline']);
    expect(s.issues).toEqual([]);
    expect([s.updated, s.added, s.removed]).toEqual([[], [], []]);
    expect(s.unchanged).toHaveLength(15);
  });

  it('完成时限 over 原时限 | 调整后: the 调整后 column is read, the two said once naming both', async () => {
    const s = await summary('old-new-under-deadline.xlsx');
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2024KJRC-06', { deadline: { before: '到2026年', after: '2026年6月底前' } }]]);
    expect(s.unchanged).toHaveLength(14);
    expect(s.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [1, 'D列（完成时限/调整后）', '工作表“任务清单”有两列都像“完成时限”：D列（完成时限/调整后） 和 C列（完成时限/原时限）。已使用 D列（完成时限/调整后），请在“调整列对应”中确认。'],
    ]);
  });
});

describe('a text or units carried over to the next row', () => {
  it('具体内容 on two rows (the second holding nothing else) is one task’s text: no new task, only the reworded one', async () => {
    const p = await plan('continuation-rows.xlsx');
    const s = summarisePlan(p);
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([['2025YFZX-11', ['text']]]);
    const [lead, ...rest] = textOf('2025YFZX-11').split('。');
    expect(p.updated[0]!.after.text).toBe(`${lead}。\n${rest.join('。').replace('人工智能', '通用人工智能')}`);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-000', 11).sort());
    expect([s.added, s.removed, s.ambiguous]).toEqual([[], [], []]);
  });

  it('a paragraph in the 重点任务 cell cut mid-sentence, its rest alone on the next row: one task, nothing changed', async () => {
    const s = await summary('title-column-paragraph-cut.xlsx');
    expect(s.issues).toEqual([]);
    expect([s.updated, s.added, s.removed, s.ambiguous]).toEqual([[], [], [], []]);
    expect(sortedKeys(s.unchanged)).toEqual(keysOf('doc-000').sort());
  });

  it('a 责任单位 cut after 、 with the rest alone on the next row: the units joined, no section, nothing changed', async () => {
    const s = await summary('units-carried-over.xlsx');
    expect(s.issues).toEqual([]);
    expect([s.updated, s.added, s.removed, s.relevanceChanged]).toEqual([[], [], [], []]);
    expect(s.unchanged).toHaveLength(15);
  });
});

describe('序号 一（1）, 小计 rows and a footnote', () => {
  it('the section’s numeral with the item in brackets, 小计 | 4项 after each section, 合计 and 注：… under the list: only the dropped task', async () => {
    const s = await summary('seq-paren-subtotals.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.removed.map((x) => x.key)).toEqual(['2025YFZX-12']);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-000', 12).sort());
    expect([s.updated, s.added, s.filled, s.ambiguous]).toEqual([[], [], [], []]);
  });
});

describe('deadlines in offices’ short forms', () => {
  it('a date cell shown 2026/6/30, 2026.06, 26年底, 26年6月底前, 2026/9, 2026.10前, 2026年Q3 are all dates', async () => {
    const p = await plan('deadline-short-forms.xlsx');
    expect(p.issues).toEqual([]);
    expect(p.updated).toEqual([]);
    expect(p.filled).toHaveLength(22);
    expect(Object.fromEntries(p.filled.map((f) => [f.after.deadlineText, f.after.deadline ?? null]))).toEqual({
      '2026-06-30': '2026-06-30',
      '2026.06': '2026-06-30',
      '26年底': '2026-12-31',
      '26年6月底前': '2026-06-30',
      '2026/9': '2026-09-30',
      '2026.10前': '2026-10-31',
      '2026年Q3': '2026-09-30',
    });
  });
});

describe('a workbook whose used range claims far more than it holds', () => {
  it('<dimension ref="A1:IV65536"> and styled empty cells to row 2000 and column AZ: the list and nothing else, no word on the empty rows', async () => {
    const r = await planned('wps-dimension-overflow.xlsx');
    const s = summarisePlan(r.plan);
    expect(s.issues).toEqual([]);
    expect(r.sheets[0]!.layout!.columns.filter((c) => c.field)).toHaveLength(5);
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-03']);
    expect(s.unchanged).toHaveLength(14);
  });
});

describe('districts named in the 责任单位', () => {
  it('汉阳区、武昌区人民政府 is both districts’ 人民政府; a task leaving 各区 for 武昌区、洪山区 no longer concerns 汉阳区', async () => {
    const s = await summary('two-districts-in-units.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields.responsibleUnits?.after])).toEqual([
      ['2024KJRC-10', '汉阳区人民政府、武昌区人民政府'],
      ['2024KJRC-13', '市法院、市检察院、武汉仲裁委办公室、武昌区人民政府、洪山区人民政府'],
    ]);
    expect(s.added.map((a) => [a.title, a.responsibleUnits])).toEqual([['建设长江新区人才创新街区', ['江岸区人民政府']]]);
    // Task 10 concerned 汉阳区 before already (its text names the district's corridors); the new task is 江岸区's.
    expect(s.relevanceChanged.map((x) => [x.key, x.change])).toEqual([['2024KJRC-13', 'lost']]);
    expect(s.unchanged).toHaveLength(13);
  });

  it('as 武昌区 the same plan, and no task stops concerning it', async () => {
    const s = await summary('two-districts-in-units.xlsx', { district: '武昌区' });
    expect(s.updated.map((u) => u.key)).toEqual(['2024KJRC-10', '2024KJRC-13']);
    expect(s.relevanceChanged).toEqual([]);
  });

  it('各区 for 各区人民政府 is no change; a task without it no longer concerns 汉阳区', async () => {
    const s = await summary('bare-gequ-units.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2023GZYD-17', { responsibleUnits: { before: '市委外办、各区人民政府', after: '市委外办' } }]]);
    expect(s.relevanceChanged.map((x) => [x.key, x.change])).toEqual([['2023GZYD-17', 'lost']]);
    expect(s.renamed.map((x) => [x.from, x.to])).toEqual([['各区', '各区人民政府']]);
    expect(s.unchanged).toHaveLength(21);
  });
});

describe('a 变更说明 column in sentences', () => {
  it('删除（已完成） and 本项删除 archive their tasks though listed; 调整完成时限 is what the cells say; 新增任务 a new task', async () => {
    const s = await summary('change-note-sentences.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.removed.map((x) => [x.key, x.mark])).toEqual([
      ['2024KJRC-03', '删除（已完成）'],
      ['2024KJRC-09', '本项删除'],
    ]);
    expect(s.filled.map((f) => [f.key, f.fields.deadline?.after])).toEqual([['2024KJRC-05', '2026年6月底前']]);
    expect(s.added.map((a) => a.title)).toEqual(['建设科技成果转化中试平台']);
    expect(s.unchanged).toHaveLength(13);
  });
});

describe('a CSV exported by WPS as Unicode text', () => {
  it('UTF-16LE with BOM, tabs, CRLF, a title line and line breaks in quoted cells: only the real change', async () => {
    const s = await summary('wps-unicode-tabs.csv');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2025YFZX-05', { title: { before: '完善高水平实验室体系', after: '加快完善高水平实验室体系' } }]]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-000', 5).sort());
  });
});
