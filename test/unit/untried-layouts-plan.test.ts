/**
 * City lists in layouts the first fixtures did not try, written by openpyxl
 * (test/fixtures/import/make-untried-layouts.py) and planned against the built-in data as 汉阳区:
 * each plan proposes what the city changed and nothing else.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/core/import';
import { builtInData, planFile } from '../../scripts/plan-file';

const DIR = resolve(__dirname, '../fixtures/import');
const NOW = '2026-11-26T09:00:00.000Z';
const data = builtInData();
const keysOf = (doc: string) => data.tasks.filter((t) => t.documentId === doc && !t.archived).map((t) => t.key);

async function plan(file: string) {
  const r = await planFile(resolve(DIR, file), { district: '汉阳区', now: NOW });
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

describe('city lists in untried layouts, planned as 汉阳区', () => {
  it('a 文件 cell written 《title》（文号）, “short title” or the 文号 alone names the ledger’s document', async () => {
    const p = await plan('doc-names-in-book-marks.xlsx');
    const s = summarisePlan(p);
    expect(p.newDocuments).toEqual([]);
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.removed).toEqual([]);
    expect(s.unchanged.map((u) => u.key).sort()).toEqual([...keysOf('doc-002'), ...keysOf('doc-004')].sort());
    expect(s.added.map((a) => [a.document, a.number, a.title])).toEqual([['doc-004', '16', '建设科技人才服务一件事平台']]);
  });
});

describe('a document the ledger lacks', () => {
  it('is said once, at its first row, with how many rows become new tasks and what to do if it is a ledger document written otherwise', async () => {
    const p = await plan('unknown-document.xlsx');
    const s = summarisePlan(p);
    expect(p.newDocuments.map((d) => d.title)).toEqual(['武汉市促进未来产业发展若干措施']);
    expect(s.unchanged).toHaveLength(22);
    expect(s.added).toHaveLength(3);
    expect(s.issues).toEqual([
      {
        row: 24,
        column: null,
        severity: 'warning',
        message:
          '工作表“清单”第 24 行的文件“《武汉市促进未来产业发展若干措施》”不在本台账中，将作为新文件一并导入：写这个文件的 3 行都作为新任务，不与台账中已有的任务对应。如它是台账中已有的文件、只是写法不同，请把清单中的文件名改成“政策文件”中的名称（或其简称、文号）后重新导入。',
      },
    ]);
  });
});

describe('a 序号 that only counts the rows is no 条目', () => {
  const seed = (key: string) => data.tasks.find((t) => t.key === key)!;

  it('renumbered after a dropped and an inserted task: only the real change, the new task and the dropped one', async () => {
    const s = summarisePlan(await plan('seq-renumbered.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([['2025YFZX-03', ['deadline']]]);
    expect(s.unchanged).toHaveLength(18);
    // Its 序号 (6) is a row count, not a 条目: the new task takes none, and clashes with no task.
    expect(s.added.map((a) => [a.number, a.title, a.document])).toEqual([['', '建设概念验证中心网络', 'doc-000']]);
    expect(s.removed.map((r) => r.key)).toEqual(['2025YFZX-12']);
  });

  it('restarting at 1 in each section: every task unchanged, no section row a task', async () => {
    const s = summarisePlan(await plan('seq-per-section.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.unchanged.map((u) => [u.key, u.number])).toEqual(keysOf('doc-002').map((k) => [k, seed(k).number]));
  });
});

describe('rows that are no task', () => {
  it('a 合计 row (合  计 | 共22项任务, 合计 | 22项) and a section row (序号 一, the section in 重点任务) add nothing', async () => {
    const s = summarisePlan(await plan('total-and-section-rows.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.removed).toEqual([]);
    expect(s.unchanged.map((u) => u.key)).toEqual(keysOf('doc-002'));
  });
});

describe('whose list it is, and what it does not archive', () => {
  it('a district named in 填报说明 makes no district’s list: both dropped tasks are archived, and nothing is said of a district', async () => {
    const s = summarisePlan(await plan('district-in-notes.xlsx'));
    expect(s.removed.map((r) => r.key)).toEqual(['2024KJRC-02', '2024KJRC-12']);
    expect(s.issues).toEqual([]);
  });

  it('a district named in the title makes its list: only its dropped tasks are archived, and the plan says so naming the row', async () => {
    const s = summarisePlan(await plan('district-title.xlsx'));
    expect(s.removed.map((r) => r.key)).toEqual(['2024KJRC-02']);
    expect(s.issues).toEqual([
      { row: 1, column: null, severity: 'warning', message: expect.stringMatching(/^工作表“清单”第 1 行（标题或填报单位）写的是东湖新技术开发区，本清单按东湖新技术开发区的清单处理.*另有 1 个任务与东湖新技术开发区无关，清单里没有也不归档/) },
    ]);
  });

  it('a list whose 文件 column names a document it lists under half of archives the rest as named, and says so', async () => {
    const s = summarisePlan(await plan('named-document-part.xlsx'));
    expect(s.unchanged).toHaveLength(4);
    expect(s.removed).toHaveLength(11);
    expect(s.issues).toEqual([
      {
        row: null,
        column: null,
        severity: 'warning',
        message: '工作表“清单”的“文件”列写明了“科教人才优势转化意见”，但只列了它 15 个任务中的 4 个，其余任务将归档（见“删除”）。如这份清单只是其中一部分任务，请在“删除”中取消勾选不应归档的任务。',
      },
    ]);
  });

  it('a list keeping fewer than half of a document’s tasks archives none of the others, and says why and how to archive them', async () => {
    const s = summarisePlan(await plan('fewer-than-half-kept.xlsx'));
    expect(s.removed).toEqual([]);
    expect(s.unchanged).toHaveLength(9);
    expect(s.issues).toEqual([
      {
        row: null,
        column: null,
        severity: 'warning',
        message: '工作表“清单”只列了“研发中心城市三年行动”20 个任务中的 9 个（不到一半），看上去只是其中一部分，所以清单里没有的 11 个任务本次都不归档。如市里确已删去这些任务，请在清单中加一列“文件”，每行写上“研发中心城市三年行动”后重新导入，清单里没有的任务就会列入“删除”。',
      },
    ]);
  });
});

describe('deadlines as cities write them', () => {
  it('2027年底前 where the ledger has 到2027年 (the same date) is no change', async () => {
    const s = summarisePlan(await plan('deadline-same-date.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.unchanged).toHaveLength(20);
  });

  it('a month date cell, a lost date format, yyyymmdd, a range, a half, a quarter and 起 each give their own date (or none)', async () => {
    const p = await plan('deadline-forms.xlsx');
    const filled = p.filled.map((f) => [f.after.deadlineText, f.after.deadline ?? null]);
    const each = [
      ['2026年6月', '2026-06-30'],
      ['2025-12-31', '2025-12-31'],
      ['2025-06-30', '2025-06-30'],
      ['2025—2027年', '2027-12-31'],
      ['2025年上半年', '2025-06-30'],
      ['2025年三季度', '2025-09-30'],
      ['2025年起持续推进', null],
    ];
    expect(filled).toEqual(keysOf('doc-002').map((_, i) => each[i % each.length]));
    expect(p.updated).toEqual([]);
    // The two bare numbers are said, naming the cell.
    const said = p.issues.map((i) => [i.row, i.column, i.severity]);
    expect(said).toEqual([3, 4, 10, 11, 17, 18].map((row) => [row, 'C列（完成时限）', 'warning']));
    expect(p.issues[0]!.message).toBe('工作表“清单”第 3 行 C列（完成时限）的完成时限是一个数字“46022”，已按日期读作 2025-12-31。请核对；如不对，请在文件中把这一格写成日期（如 2025年12月底前）后重新导入。');
  });
});

describe('list numbers as cities write them', () => {
  it('（十一）, ⑬ or 第十四条 is the ledger’s 11, 13, 14: no change of 条目', async () => {
    const s = summarisePlan(await plan('chinese-numbers.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.unchanged.map((u) => u.key)).toEqual(keysOf('doc-004'));
  });
});

describe('units as cities write them', () => {
  it('under 牵头（责任）单位 only the units marked （牵头） lead; the others are responsible', async () => {
    const s = summarisePlan(await plan('lead-in-one-column.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.unchanged.map((u) => u.key)).toEqual(keysOf('doc-002'));
    expect(s.added.map((a) => [a.title, a.leadUnits, a.responsibleUnits])).toEqual([['建设科技人才服务一件事平台', ['市人才工作局'], ['市数据局', '各区人民政府']]]);
  });
});

describe('old values kept beside the new', () => {
  it('a visible column wins over a hidden one of the same name, and 完成时限 over 完成时限（原）; the warning names the column used', async () => {
    const r = await planFile(resolve(DIR, 'old-columns-kept.xlsx'), { district: '汉阳区', now: NOW });
    if (!r.ok) throw new Error(r.message);
    const s = summarisePlan(r.plan);
    expect(s.updated.map((u) => [u.key, u.fields])).toEqual([
      ['2024KJRC-06', { deadline: { before: '到2026年', after: '2026年6月底前' } }],
      ['2024KJRC-14', { leadUnits: { before: '市委外办', after: '市科技创新局' } }],
    ]);
    expect(s.filled.map((f) => [f.key, f.fields.deadline?.after])).toEqual(['01', '02', '03', '05', '08', '09', '10', '11', '12'].map((n) => [`2024KJRC-${n}`, '长期坚持']));
    expect(r.sheets[0]!.layout!.columns.filter((c) => c.field).map((c) => [c.column, c.field])).toEqual([
      [0, 'key'],
      [1, 'title'],
      [3, 'leadUnits'],
      [5, 'deadline'],
    ]);
    expect(r.sheets[0]!.issues.map((i) => i.message)).toEqual([
      '工作表“清单”有两列都像“牵头单位”：D列（牵头单位） 和 C列（牵头单位）（后者是隐藏列）。已使用 D列（牵头单位），请在“调整列对应”中确认。',
      '工作表“清单”有两列都像“完成时限”：F列（完成时限） 和 E列（完成时限（原））。已使用 F列（完成时限），请在“调整列对应”中确认。',
    ]);
  });
});

describe('two tasks merged into one row', () => {
  it('the row asks which task it is, offering both', async () => {
    const s = summarisePlan(await plan('merged-tasks.xlsx'));
    expect(s.ambiguous.map((a) => [a.title, a.candidates.map((c) => c.key).sort()])).toEqual([['加速研发成果转化和产业集群建设', ['2025YFZX-14', '2025YFZX-15']]]);
    expect(s.unchanged).toHaveLength(18);
  });
});

describe('a hidden row', () => {
  it('is read (hidden is not deleted) and said, naming the row', async () => {
    const s = summarisePlan(await plan('hidden-row.xlsx'));
    expect(s.unchanged).toHaveLength(15);
    expect(s.issues).toEqual([
      { row: 13, column: null, severity: 'warning', message: '工作表“清单”第 13 行是隐藏行，已按清单中有这一任务处理。如市里已删去这一任务（只是把这一行隐藏了），请在文件中删除这一行后重新导入。' },
    ]);
  });
});
