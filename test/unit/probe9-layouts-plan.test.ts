/**
 * City lists in the layouts the ninth probe tried, written by openpyxl (test/fixtures/import/
 * make-probe9-layouts.py; the .xls through LibreOffice, rich text patched at the XML), planned against
 * the built-in data as 汉阳区: each plan proposes what the city changed and nothing else. The
 * expectations were written before the app first planned the files.
 *
 * First run (the app at a1257e6, before the probe9 commits): 2 of 10 gave the plan expected
 * (mixed-separators-filter, protected-sheet), and neither broken file was refused. Wrong:
 *   changes-only: task 9 under 三、删除任务 未变 (not archived), the new task under 二、新增任务 需确认
 *     (asked against 2024KJRC-07); the two changes right, nothing else archived.
 *   ditto-cells: 同上 / 〃 read as a unit (9 修改 of 牵头单位 to “同上”) and as a deadline (20 补充 of
 *     “同上” without a date).
 *   hidden-old-rows: the hidden old row of task 6 joined to its copy (完成时限 “到2026年；2026年6月底前”),
 *     the hidden row of task 13 took the task (未变) and the revised copy was 需确认.
 *   several-docs-short-names.xls: three new documents, all 56 rows 新增 (no name as written found).
 *   section-dash-subitems: 15 修改 of 条目 (一-1 for 1 …), the 3-（1） measure rows 5 新增.
 *   rich-text-adjusted: the cells read whole: 完成时限 “到2027年调整为2026年底前”, the title with its
 *     （调整为：…）, 牵头单位 市科技创新局、市发改委 (the struck run kept).
 *   comparison-table.xls: 21 新增 titled “不变” or “删除”, 2023GZYD-13 not archived (only task 9 right).
 *   deadline-mixed: the two-stage deadline and 2023年6月—12月 dated 2023-06-30.
 *   error-values.xlsx: the #REF! title read blank, so 2024KJRC-05 was archived (删除), the #N/A unit
 *     silently kept; no issue. cut-sheet.xlsx: refused, but naming neither sheet nor row.
 * (rich-text-adjusted.xlsx was rewritten after the first run to keep its rich texts in sharedStrings.xml
 * as Excel and WPS do, the openpyxl here writing inline strings; the old code reads it the same wrong way.)
 *
 * Final (after the probe9 commits): 10 of 10, and both broken files stopped: error values block the
 * import naming file, sheet, row and column; a sheet cut short is refused naming its sheet, row and column.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { finalizePlan, summarisePlan } from '../../src/core/import';
import { planFile } from '../../scripts/plan-file';
import { DIR, NOW, keysOf, except, plan, summary, sortedKeys } from '../builders/import-probes';

const errors = (s: { issues: { severity: string }[] }) => s.issues.filter((i) => i.severity === 'error');
const sortedUnits = (text: string | undefined) => (text ?? '').split('、').sort();

describe('a list of the changes only (任务调整清单)', () => {
  it('一、调整任务 / 二、新增任务 / 三、删除任务: the changes, the new task and the deleted one; the tasks it does not name are left alone', async () => {
    const s = await summary('changes-only.xlsx');
    expect(errors(s)).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([
      ['2024KJRC-06', ['deadline']],
      ['2024KJRC-08', ['responsibleUnits']],
    ]);
    expect(s.updated[0]!.fields.deadline).toEqual({ before: '到2026年', after: '2026年6月底前' });
    expect(sortedUnits(s.updated[1]!.fields.responsibleUnits!.after)).toEqual(['市财政局', '各区人民政府'].sort());
    expect(s.added.map((a) => a.title)).toEqual(['建设科技成果转化中试平台']);
    expect(s.removed.map((r) => r.key)).toEqual(['2024KJRC-09']);
    expect([s.unchanged, s.ambiguous]).toEqual([[], []]);
    // Said as a list of changes: the rest stands; not told to add a 文件 column to archive it.
    const scope = s.issues.map((i) => i.message).filter((m) => /不归档/u.test(m));
    expect(scope).toHaveLength(1);
    expect(scope[0]).toMatch(/是一份调整清单.*其余 12 个任务照常保留/u);
  });
});

describe('同上 / 〃 for the value of the row above', () => {
  it('牵头单位 and 完成时限 written 同上 are the row above’s: no unit 同上, every deadline dated; only task 20’s units changed', async () => {
    const p = await plan('ditto-cells.xlsx');
    const s = summarisePlan(p);
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([
      ['2023GZYD-20', { responsibleUnits: { before: '市发改委、市经信局、市自然资源和规划局、各区人民政府', after: '市发改委、市经信局、各区人民政府' } }],
    ]);
    expect(s.unchanged).toHaveLength(21);
    const byKey = Object.fromEntries(p.filled.map((f) => [f.before.key, [f.after.deadlineText, f.after.deadline ?? null]]));
    expect(byKey).toEqual(Object.fromEntries(keysOf('doc-002').map((k) => [k, /-1[01]$/.test(k) ? ['2023年9月底前', '2023-09-30'] : ['2023年底前', '2023-12-31']])));
    expect(p.filled.every((f) => f.filledFields.join() === 'deadline')).toBe(true);
  });
});

describe('units parted by line breaks, 、，；/ and spaces in one cell, an autofilter left on', () => {
  it('every unit read whatever parts it: only task 11’s added lead', async () => {
    const s = await summary('mixed-separators-filter.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2024KJRC-11', { leadUnits: { before: '市人才工作局、市委编办', after: '市人才工作局、市委编办、市科技创新局' } }]]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-004', 11).sort());
    expect([s.added, s.removed, s.ambiguous, s.filled]).toEqual([[], [], [], []]);
  });
});

describe('a list revised in place: old rows and the old units column hidden', () => {
  it('the visible row and column are the list: three changes, no row to confirm', async () => {
    const s = await summary('hidden-old-rows.xlsx');
    expect(errors(s)).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([
      ['2024KJRC-06', { deadline: { before: '到2026年', after: '2026年6月底前' } }],
      ['2024KJRC-08', { responsibleUnits: { before: '各区人民政府', after: '各区人民政府、市财政局' } }],
      ['2024KJRC-13', { title: { before: '强化知识产权创造保护运用', after: '强化知识产权创造、保护和运用' } }],
    ]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-004', 6, 8, 13).sort());
    expect([s.added, s.removed, s.ambiguous]).toEqual([[], [], []]);
  });
});

describe('an .xlsx saved under a .xls name, three documents in a 文件 column written in the city’s words', () => {
  it('each document found by its name as written, 序号 restarting at 1 the 条目: one change, the task left out archived', async () => {
    const r = await planFile(resolve(DIR, 'several-docs-short-names.xls'), { district: '汉阳区', now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = summarisePlan(r.plan);
    expect(errors(s)).toEqual([]);
    expect(r.plan.newDocuments).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2025YFZX-16', { responsibleUnits: { before: '各区人民政府', after: '各区人民政府、市委金融办' } }]]);
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-12']);
    expect(s.unchanged).toHaveLength(55);
    expect([s.added, s.ambiguous]).toEqual([[], []]);
  });
});

describe('编号 with the section’s numeral (一-1, 二-3) and measures numbered 3-（1）under their task', () => {
  it('the measures are the task’s 具体内容: only the reworded one, no 条目 changed, nothing new', async () => {
    const p = await plan('section-dash-subitems.xlsx');
    const s = summarisePlan(p);
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([['2024KJRC-03', ['text']]]);
    expect(p.updated[0]!.after.text).toContain('海外资深学科带头人');
    expect(p.updated[0]!.after.number).toBe('3');
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-004', 3).sort());
    expect([s.added, s.removed, s.ambiguous]).toEqual([[], [], []]);
  });
});

describe('cells of two runs, the change in red (调整为…, struck old text, 原为…)', () => {
  it('the new value is read, never the old one joined to it', async () => {
    const p = await plan('rich-text-adjusted.xlsx');
    const s = summarisePlan(p);
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([
      ['2025YFZX-05', { title: { before: '完善高水平实验室体系', after: '完善高水平实验室体系建设' } }],
      ['2025YFZX-09', { deadline: { before: '到2027年', after: '2026年底前' } }],
      ['2025YFZX-12', { leadUnits: { before: '市科技创新局', after: '市发改委' } }],
      ['2025YFZX-18', { deadline: { before: '到2027年', after: '2026年6月底前' } }],
    ]);
    expect(p.updated.find((u) => u.before.key === '2025YFZX-09')!.after.deadline).toBe('2026-12-31');
    expect(p.updated.find((u) => u.before.key === '2025YFZX-18')!.after.deadline).toBe('2026-06-30');
    expect(s.unchanged).toHaveLength(16);
  });
});

describe('a 调整对照表 (原任务表述 | 调整后任务表述) saved as .xls by LibreOffice', () => {
  it('不变 keeps the task, 删除 archives it, a new row is added: one 修改', async () => {
    const s = await summary('comparison-table.xls');
    expect(errors(s)).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2023GZYD-09', { title: { before: '大力培育科技企业', after: '大力培育科技型企业' } }]]);
    expect(s.removed.map((x) => x.key)).toEqual(['2023GZYD-13']);
    expect(s.added.map((a) => a.title)).toEqual(['建设武汉具身智能创新中心']);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-002', 9, 13).sort());
    expect(s.ambiguous).toEqual([]);
  });
});

describe('a sheet protected with a password, 责任单位 over 牵头 | 配合, a drop-down 调整类型', () => {
  it('read as any list: 调整 / 删除 / 新增 as marked', async () => {
    const s = await summary('protected-sheet.xlsx');
    expect(errors(s)).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2025YFZX-07', { deadline: { before: '到2027年', after: '2026年底前' } }]]);
    expect(s.removed.map((x) => [x.key, x.mark])).toEqual([['2025YFZX-20', '删除']]);
    expect(s.added.map((a) => a.title)).toEqual(['建设武汉未来产业研发中心']);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-000', 7, 20).sort());
  });
});

describe('完成时限 written every way in one column', () => {
  it('dated as the officer reads them: a two-stage deadline by its last stage, a span of months by its end, standing tasks without a date', async () => {
    const p = await plan('deadline-mixed.xlsx');
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(p.updated).toEqual([]);
    const dates = ['2023-06-30', '2023-06-30', '2023-06-30', null, null, '2023-12-31', '2023-12-31', '2023-12-31', '2023-12-31', '2023-09-30', '2023-06-30'];
    const byKey = Object.fromEntries(p.filled.map((f) => [f.before.key, f.after.deadline ?? null]));
    expect(byKey).toEqual(Object.fromEntries(keysOf('doc-002').map((k, i) => [k, dates[i % dates.length]])));
    expect(p.filled.every((f) => f.after.deadlineText)).toBe(true);
  });
});

describe('files that cannot be read', () => {
  it('error values (#REF!, #N/A) in task cells: not imported, each named by file, sheet, row and column', async () => {
    const r = await planFile(resolve(DIR, 'error-values.xlsx'), { district: '汉阳区', now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const errs = r.plan.issues.filter((i) => i.severity === 'error');
    const ref = errs.find((i) => i.message.includes('#REF!'));
    const na = errs.find((i) => i.message.includes('#N/A'));
    for (const [issue, row, col] of [[ref, 6, 'B'], [na, 9, 'D']] as const) {
      expect(issue?.message).toContain('error-values.xlsx');
      expect(issue?.message).toContain('任务清单');
      expect(issue?.row).toBe(row);
      expect(issue?.column).toContain(`${col}列`);
    }
    expect(finalizePlan(r.plan, { skipped: new Set(), choices: {} }).accepted).toBeUndefined();
  });

  it('an error value in a column the import does not read (完成率 #DIV/0!): a warning naming the cell, the list imported', async () => {
    const r = await planFile(resolve(DIR, 'error-unread-column.xlsx'), { district: '汉阳区', now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const said = r.plan.issues.find((i) => i.message.includes('#DIV/0!'));
    expect(said?.severity).toBe('warning');
    expect(said?.row).toBe(4);
    expect(said?.column).toContain('F列');
    expect(said?.message).toContain('error-unread-column.xlsx');
    expect(said?.message).toContain('不影响导入');
    // The same list as error-values.xlsx without its errors: nothing changes, nothing is archived.
    const s = await summary('error-unread-column.xlsx');
    expect(s.updated).toEqual([]);
    expect(s.removed).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.unchanged.length).toBeGreaterThan(5);
    expect(finalizePlan(r.plan, { skipped: new Set(), choices: {} }).accepted).toBeDefined();
  });

  it('a sheet cut off in the middle of a row: refused, naming the file, the sheet, the row and the column', async () => {
    const r = await planFile(resolve(DIR, 'cut-sheet.xlsx'), { district: '汉阳区', now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('cut-sheet.xlsx');
    expect(r.message).toContain('任务清单');
    expect(r.message).toMatch(/第 ?10 ?行/u);
    expect(r.message).toMatch(/[CD]列/u);
  });
});
