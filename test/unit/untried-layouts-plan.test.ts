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
