/**
 * City lists in the layouts the sixth probe tried, written by openpyxl and some re-saved by
 * LibreOffice or patched as WPS writes them (test/fixtures/import/make-probe6-layouts.py), planned
 * against the built-in data as 汉阳区: each plan proposes what the city changed and nothing else,
 * and says in plain Chinese, naming sheet, row and column, what it read otherwise than written.
 */
import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/core/import';
import { keysOf, except, planned, plan, summary, sortedKeys } from '../builders/import-probes';
const fieldsOf = (s: Awaited<ReturnType<typeof summary>>) => s.updated.map((u) => [u.key, Object.keys(u.fields)]);

describe('a 督办 sheet citing each task by its document’s short name and item', () => {
  it('任务来源 2023年工作要点第3项 is the document and the 条目; the 3 tasks cited of another document archive none of its others; the district’s progress is not read', async () => {
    const r = await planned('duban-progress-filled.xlsx');
    const s = summarisePlan(r.plan);
    expect(r.plan.newDocuments).toEqual([]);
    expect(sortedKeys(s.unchanged)).toEqual([...keysOf('doc-002'), '2024KJRC-05', '2024KJRC-07', '2024KJRC-13'].sort());
    expect(s.filled.map((f) => [f.key, f.fields.deadline?.after])).toEqual([['2023GZYD-06', '2026年底前']]);
    expect([s.updated, s.added, s.removed, s.ambiguous]).toEqual([[], [], [], []]);
    // No guess that 任务来源 is a second 重点任务; the progress columns and the partial document said.
    expect(s.issues.map((i) => [i.row, i.column, i.message.slice(0, i.message.indexOf('，'))])).toEqual([
      [2, 'G列（进展情况（汉阳区三季度报送））', '工作表“督办台账”的 G列（进展情况（汉阳区三季度报送））、H列（完成进度）有 25 行写了进展。导入只更新任务清单'],
      [null, null, '工作表“督办台账”是按条目引用任务的督办清单'],
    ]);
    // No advice to add a 文件 column: a 督办 sheet is a selection, not a whole list.
    expect(s.issues[1]!.message).not.toMatch(/加一列/u);
  });
});

describe('a 督办 sheet citing most items of a document, not all', () => {
  it('archives none of the items it does not cite, and says it is a selection that keeps them', async () => {
    const r = await planned('duban-most-cited.xlsx');
    const s = summarisePlan(r.plan);
    const kept = ['2023GZYD-04', '2023GZYD-05', '2023GZYD-06'];
    expect(s.unchanged.map((u) => u.key).filter((k) => kept.includes(k))).toEqual([]);
    expect([s.removed, s.added, s.ambiguous]).toEqual([[], [], []]);
    const said = s.issues.find((i) => i.message.includes('督办清单') && i.message.includes('2023年工作要点'));
    expect(said?.message).toMatch(/列了“2023年工作要点”\d+ 个任务中的 \d+ 项.*清单里没有的 3 个任务照常保留，不归档/u);
  });
});

describe('one row per task and district, with a 区 column', () => {
  it('each task once (its rows for 江岸区, 汉阳区, 洪山区 the same task), only the real change, and the 区 column said to be the rows’ districts', async () => {
    const s = await summary('task-per-district-rows.xlsx');
    expect(fieldsOf(s)).toEqual([['2024KJRC-14', ['deadline']]]);
    expect(s.updated[0]!.fields.deadline?.after).toBe('2026年6月底前');
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-004', 14).sort());
    expect([s.added, s.removed, s.ambiguous]).toEqual([[], [], []]);
    expect(s.issues.map((i) => [i.row, i.column])).toEqual([
      [1, 'B列（区）'],
      [4, null],
    ]);
    expect(s.issues[0]!.message).toBe(
      '工作表“分区任务”第 1 行表头的 B列（区）写的是各行所属的区（一个任务按区各列一行），不是任务的牵头单位或责任单位，这一列不导入，台账中各任务的单位保持不变；同一任务的各行按一项任务读。',
    );
    expect(s.issues[1]!.message).toMatch(/^工作表“分区任务”第 4、5、7、8、.*、41 行（共 25 行）各与上面的某一行写的是同一项任务，内容完全相同（如第 4 行同第 3 行/);
  });
});

describe('unit headers in the trade’s other words', () => {
  it('主办单位 / 协办单位 are 牵头单位 / 责任单位', async () => {
    const s = await summary('host-cohost-units.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2025YFZX-16', { responsibleUnits: { before: '各区人民政府', after: '各区人民政府、市委金融办' } }]]);
    expect(s.unchanged).toHaveLength(19);
  });

  it('责任处室 (the city bureau’s division) is no unit of the task; 配合单位 is 责任单位', async () => {
    const r = await planned('undertaking-division.xlsx');
    const s = summarisePlan(r.plan);
    expect(r.sheets[0]!.layout!.columns.find((c) => c.header === '责任处室')?.field).toBeNull();
    expect(s.issues).toEqual([]);
    expect(fieldsOf(s)).toEqual([['2024KJRC-04', ['responsibleUnits']]]);
    expect(s.unchanged).toHaveLength(14);
  });
});

describe('the app’s printed codes, re-sorted, two of them swapped', () => {
  it('a row whose words are surely another task’s is that task, not a change of the coded one, and the plan names the row and the 任务编号 column', async () => {
    const s = await summary('printed-codes-swapped.xlsx');
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2023GZYD-15', { title: { before: '搭建平台引聚人才', after: '搭建高能级平台引聚人才' } }]]);
    expect(sortedKeys(s.unchanged)).toEqual(except('doc-002', 15).sort());
    expect(s.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [14, 'A列（任务编号）', 'warning'],
      [23, 'A列（任务编号）', 'warning'],
    ]);
    expect(s.issues[0]!.message).toBe(
      '工作表“任务清单”第 14 行 A列（任务编号）写的是“2023GZYD-07”，但这一行的内容是台账中的 2023GZYD-08“打造人工智能发展高地”，与 2023GZYD-07“大力培育创新产业集群”不符。已按内容对应到 2023GZYD-08，不按编号修改 2023GZYD-07。请向市里核实这一行的任务编号；如确是 2023GZYD-07 改写了内容，请在“任务台账”中手动修改。',
    );
  });
});

describe('merged section rows and 序号 as Chinese ordinals', () => {
  it('第一项 … restarting in each section under （一）… rows merged across: only the real change', async () => {
    const s = await summary('ordinal-sections.xlsx');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2025YFZX-09', { deadline: { before: '到2027年', after: '2026年底前' } }]]);
    expect(s.unchanged).toHaveLength(19);
    expect([s.added, s.removed]).toEqual([[], []]);
  });
});

describe('a hidden column of old values and a filter left on', () => {
  it('调整后完成时限 is read, never the hidden 完成时限; the rows the filter hides are tasks, said once', async () => {
    const s = await summary('hidden-column-autofilter.xlsx');
    expect(s.updated).toEqual([]);
    expect(s.filled).toHaveLength(53);
    expect(new Set(s.filled.map((f) => f.fields.deadline?.after))).toEqual(new Set(['2025年底前']));
    expect(s.removed.map((x) => x.key)).toEqual(['SSWGH-12']);
    expect(s.issues.map((i) => [i.row, i.column])).toEqual([
      [1, 'F列（调整后完成时限）'],
      [28, null],
    ]);
    expect(s.issues[1]!.message).toBe(
      '工作表“规划任务”开着筛选，第 28、31、32、40、45、46、52 行（共 7 行）被筛选隐藏，已按清单中有这些任务处理（筛选隐藏不是删除）。如要核对，请在原文件中取消筛选查看。',
    );
  });
});

describe('a workbook as WPS writes it', () => {
  it('rich-text titles, line breaks and trailing spaces are no change; ２０２７年底前 is the ledger’s 到2027年; ２０２６年６月底前 is written 2026年6月底前', async () => {
    const p = await plan('wps-rich-text.xlsx');
    const s = summarisePlan(p);
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([['2025YFZX-10', { deadline: { before: '到2027年', after: '2026年6月底前' } }]]);
    expect(p.updated[0]!.after.deadline).toBe('2026-06-30');
    expect(s.unchanged).toHaveLength(19);
  });
});

describe('an .xls whose first sheet is a 说明', () => {
  it('the list sheet is planned, and the 说明 sheet (a small 序号 | 事项 | 要求 table) is no other list', async () => {
    const s = await summary('explain-sheet-first.xls');
    expect(s.sheet).toBe('任务清单');
    expect(s.issues).toEqual([]);
    expect(s.removed.map((x) => x.key)).toEqual(['2024KJRC-02']);
    expect(s.unchanged).toHaveLength(14);
  });
});

describe('deadlines without their year', () => {
  it('6月30日前, 年底前, 10月底前 are dates of the year the title names (2023); 持续推进 has none', async () => {
    const p = await plan('deadline-words-noyear.xlsx');
    expect(p.issues).toEqual([]);
    expect(p.updated).toEqual([]);
    expect(p.filled).toHaveLength(22);
    const byText = new Map(p.filled.map((f) => [f.after.deadlineText, f.after.deadline ?? null]));
    expect(Object.fromEntries(byText)).toEqual({
      '2023年第三季度': '2023-09-30',
      '6月30日前': '2023-06-30',
      持续推进: null,
      年底前: '2023-12-31',
      '10月底前': '2023-10-31',
    });
  });
});

describe('a GB18030 CSV with quoted commas', () => {
  it('units parted by ASCII commas inside quotes, a name outside GBK in an unread column: only the real change', async () => {
    const s = await summary('gb18030-quoted-commas.csv');
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, u.fields.leadUnits?.after])).toEqual([['2024KJRC-08', '市科技创新局、市经信局、市发改委、市财政局']]);
    expect(s.unchanged).toHaveLength(14);
  });
});

describe('departments under their full names', () => {
  it('市经济和信息化局 for 市经信局 and 市发展和改革委员会 for 市发改委 everywhere are 名称统一, said per pair; only the real change is 修改', async () => {
    const s = await summary('renamed-departments.xlsx');
    expect(s.updated.map((u) => u.key)).toEqual(['SSWGH-30']);
    expect(s.updated[0]!.fields.leadUnits?.after).toBe('市人才工作局、市委外办、市教育局、市科技创新局、市经济和信息化局、市人社局、市数据局');
    expect(s.unchanged).toHaveLength(53);
    expect(s.renamed.map((r) => [r.from, r.to]).sort()).toEqual([
      ['市发改委', '市发展和改革委员会'],
      ['市经信局', '市经济和信息化局'],
    ]);
    expect(s.issues.map((i) => [i.row, i.message.slice(0, i.message.indexOf('（'))])).toEqual([
      [2, '工作表“十四五规划任务”里没有“市发改委”：台账中写它的 36 个任务，清单都写成了它的全称“市发展和改革委员会”'],
      [2, '工作表“十四五规划任务”里没有“市经信局”：台账中写它的 34 个任务，清单都写成了它的全称“市经济和信息化局”'],
    ]);
  });

  it('a name that is no short form of the other (市地方金融局 → 市委金融办) stays a hint for the officer to record', async () => {
    const s = await summary('renamed-units-reworded.xlsx');
    expect(s.issues.filter((i) => i.message.includes('单位名称对照')).map((i) => i.message.slice(0, i.message.indexOf('：')))).toEqual([
      '工作表“十四五规划任务”里没有“市地方金融局”',
      '工作表“十四五规划任务”里没有“市政务服务大数据局”',
    ]);
  });
});
