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

function plan(file: string) {
  const r = planFile(resolve(DIR, file), { district: '汉阳区', now: NOW });
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

describe('city lists in untried layouts, planned as 汉阳区', () => {
  it('a 文件 cell written 《title》（文号）, “short title” or the 文号 alone names the ledger’s document', () => {
    const p = plan('doc-names-in-book-marks.xlsx');
    const s = summarisePlan(p);
    expect(p.newDocuments).toEqual([]);
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.removed).toEqual([]);
    expect(s.unchanged.map((u) => u.key).sort()).toEqual([...keysOf('doc-002'), ...keysOf('doc-004')].sort());
    expect(s.added.map((a) => [a.document, a.number, a.title])).toEqual([['doc-004', '16', '建设科技人才服务一件事平台']]);
  });
});

describe('a 序号 that only counts the rows is no 条目', () => {
  const seed = (key: string) => data.tasks.find((t) => t.key === key)!;

  it('renumbered after a dropped and an inserted task: only the real change, the new task and the dropped one', () => {
    const s = summarisePlan(plan('seq-renumbered.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.updated.map((u) => [u.key, Object.keys(u.fields)])).toEqual([['2025YFZX-03', ['deadline']]]);
    expect(s.unchanged).toHaveLength(18);
    // Its 序号 (6) is a row count, not a 条目: the new task takes none, and clashes with no task.
    expect(s.added.map((a) => [a.number, a.title, a.document])).toEqual([['', '建设概念验证中心网络', 'doc-000']]);
    expect(s.removed.map((r) => r.key)).toEqual(['2025YFZX-12']);
  });

  it('restarting at 1 in each section: every task unchanged, no section row a task', () => {
    const s = summarisePlan(plan('seq-per-section.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.unchanged.map((u) => [u.key, u.number])).toEqual(keysOf('doc-002').map((k) => [k, seed(k).number]));
  });
});

describe('rows that are no task', () => {
  it('a 合计 row (合  计 | 共22项任务, 合计 | 22项) and a section row (序号 一, the section in 重点任务) add nothing', () => {
    const s = summarisePlan(plan('total-and-section-rows.xlsx'));
    expect(s.issues).toEqual([]);
    expect(s.added).toEqual([]);
    expect(s.updated).toEqual([]);
    expect(s.removed).toEqual([]);
    expect(s.unchanged.map((u) => u.key)).toEqual(keysOf('doc-002'));
  });
});
