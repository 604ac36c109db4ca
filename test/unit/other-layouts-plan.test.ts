/**
 * Two more city lists of the 研发中心城市三年行动 tasks, written by openpyxl in layouts other
 * offices use (test/fixtures/import/make-other-layouts.py): the list number and the whole
 * paragraph in one 重点任务 cell; no title column at all, the task being its 任务内容. Planned
 * against the built-in data set as 汉阳区, both say what the city changed and nothing else.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTable, finalizePlan, planSheet, summarisePlan } from '../../src/core/import';
import { builtInData, planFile } from '../../scripts/plan-file';

const DIR = resolve(__dirname, '../fixtures/import');
const NOW = '2026-11-26T09:00:00.000Z';
const key = (n: string) => `2025YFZX-${n.padStart(2, '0')}`;
const seed = (n: string) => builtInData().tasks.find((t) => t.key === key(n))!;

async function plan(file: string) {
  const r = await planFile(resolve(DIR, file), { district: '汉阳区', now: NOW });
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

describe('city lists in other layouts, planned as 汉阳区', () => {
  it.each([
    // file, first task row, the deadline written where the ledger has none, task 21's deadline
    ['number-in-cell-list.xlsx', 4, '持续推进', '2027年底前'],
    ['text-column-list.xlsx', 2, '长期', '2027-12-31'],
  ])('%s: matched task by task; only the edited paragraph, the new lead unit, the new and the dropped task change', async (file, first, fill, deadline21) => {
    const s = summarisePlan(await plan(file));
    // The city's 2025年工作进展 column is not imported, and the plan says so.
    expect(s.issues.map((i) => i.column)).toEqual(file === 'text-column-list.xlsx' ? ['F列（2025年工作进展）'] : []);
    expect(s.ambiguous).toEqual([]);
    // No title is changed: a title cut from a paragraph only names a new task.
    expect(s.updated.map((u) => [u.number, u.key, Object.keys(u.fields)])).toEqual([
      ['4', key('4'), ['text']],
      ['8', key('8'), ['leadUnits']],
    ]);
    expect(s.updated[0]!.fields.text!.after).toBe(seed('4').text.replace('到2027年，新建成', '到2026年底，新建成'));
    expect(s.updated[1]!.fields.leadUnits).toEqual({ before: '市科技创新局', after: '市发展改革委' });
    expect(s.unchanged.map((u) => u.number)).toEqual(['1', '2', '3', '5', '6', '7', '9', '10', '11', '13', '14', '15', '16', '17', '18', '19', '20']);
    // The number came out of the task cell (or the 序号 column), the title is the paragraph's lead sentence.
    expect(s.added).toEqual([
      { row: expect.any(Number), number: '21', key: key('21'), shownAs: key('21'), document: 'doc-000', title: '建设概念验证中心网络', leadUnits: ['市科技创新局'], responsibleUnits: ['各区人民政府'], deadline: deadline21 },
    ]);
    expect(s.removed).toEqual([{ number: '12', key: key('12'), title: seed('12').title }]);
    expect(s.filled.map((f) => [f.number, f.fields.deadline!.after])).toEqual([['8', fill], ['19', fill], ['20', fill]]);
    expect(s.unchanged[0]!.row).toBe(first);
  });

  it('applied, a new task from a paragraph cell has the lead sentence as its title and the paragraph as its text', async () => {
    const accepted = finalizePlan(await plan('number-in-cell-list.xlsx'), { skipped: new Set(), choices: {} }).accepted!;
    const added = accepted.tasks.find((t) => t.key === accepted.addedKeys[0])!;
    expect(added).toMatchObject({
      key: key('21'),
      number: '21',
      title: '建设概念验证中心网络',
      text: '建设概念验证中心网络。支持高校院所和龙头企业建设概念验证中心，到2027年建成30家。',
      leadUnits: ['市科技创新局'],
      responsibleUnits: ['各区人民政府'],
    });
    // Every matched task keeps its title.
    for (const t of accepted.tasks) if (t.key.startsWith('2025YFZX-') && !accepted.addedKeys.includes(t.key)) expect(t.title).toBe(seed(t.key.slice(-2).replace(/^0/, '')).title);
  });

  it('a number written （2） or ④ in the task cell is the task’s number 2 or 4, never a change of 条目', () => {
    const data = builtInData();
    const tasks = data.tasks.filter((t) => t.documentId === 'doc-000').slice(0, 6);
    const marks = ['（1）', '②', '（3）', '④', '5.', '6、'];
    const grid = { name: '清单', rows: [['重点任务', '牵头单位'], ...tasks.map((t, i) => [`${marks[i]}${t.text}`, t.leadUnits.join('、')])] };
    const { plan } = planSheet('marks.xlsx', grid, findTable(grid).layout, { existing: data.tasks, documents: data.documents, sections: data.sections, clusters: data.clusters, district: '汉阳区', now: NOW });
    const s = summarisePlan(plan);
    expect(s.updated).toEqual([]);
    expect(s.unchanged.map((u) => [u.number, u.key])).toEqual(tasks.map((t) => [t.number, t.key]));
  });
});

