import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from './parse';
import { addTarget, addTask, incompleteTargets, mergeWithNext, prefixesInUse, proposeKeyPrefix, removeTarget, removeTask, sentencesOf, splitTask, updateTarget, type ReviewDraft } from './review';

const corpus = (name: string) => readFileSync(join(import.meta.dirname, '../../../test/fixtures/policy/corpus', name), 'utf8');

describe('review operations on a real document (广州 人才集聚工程)', () => {
  const parsed = parsePolicyText(corpus('01-guangzhou-rencai-2012.txt'), { keyPrefix: 'GZ' });
  const draft: ReviewDraft = { tasks: parsed.tasks, targets: parsed.targets };

  it('splits task 3 before its second sentence: two tasks, same units, targets follow their sentence', () => {
    const t3 = draft.tasks.find((t) => t.number === '3')!;
    expect(sentencesOf(t3.text).length).toBeGreaterThanOrEqual(2);
    const d = splitTask(draft, t3.key, 1);
    expect(d.tasks).toHaveLength(draft.tasks.length + 1);
    const [a, b] = [d.tasks.find((t) => t.key === 'GZ-03')!, d.tasks.find((t) => t.key === 'GZ-03b')!];
    expect(a.title).toBe('羊城企业家培养项目');
    expect(b).toMatchObject({ number: '3之二', leadUnits: a.leadUnits, responsibleUnits: a.responsibleUnits });
    expect(b.title).toMatch(/^加强市管企业领导人员队伍建设，5年内重点引进100名/u);
    expect(d.tasks.indexOf(b)).toBe(d.tasks.indexOf(a) + 1);
    expect(d.targets.filter((g) => g.taskKey === 'GZ-03b').map((g) => g.value)).toEqual([100, 100, 200, 100]);
    expect(d.tasks.map((t) => t.order)).toEqual(d.tasks.map((_, i) => i + 1));
    // Split at a place that is no sentence boundary: nothing changes.
    expect(splitTask(draft, t3.key, 0)).toBe(draft);
    expect(splitTask(draft, t3.key, 99)).toBe(draft);
  });

  it('merges task 12 with 13: one task, the units and targets of both', () => {
    const d = mergeWithNext(draft, 'GZ-12');
    expect(d.tasks).toHaveLength(draft.tasks.length - 1);
    const m = d.tasks.find((t) => t.key === 'GZ-12')!;
    expect(m.text).toContain('珠江科技新星项目');
    expect(m.leadUnits).toEqual(['市人力资源和社会保障局', '市科技和信息化局']);
    expect(d.targets.filter((g) => g.taskKey === 'GZ-12').map((g) => g.value)).toEqual([400, 100]);
    expect(d.tasks.some((t) => t.key === 'GZ-13')).toBe(false);
    expect(mergeWithNext(draft, draft.tasks.at(-1)!.key)).toBe(draft);
  });

  it('adds, renames and removes targets; an unnamed target is incomplete', () => {
    let d = addTarget(draft, 'doc-GZ', 'GZ-38');
    const added = d.targets.at(-1)!;
    expect(added).toMatchObject({ taskKey: 'GZ-38', kind: 'manual', name: '', value: 0 });
    expect(incompleteTargets(d)).toEqual([added]);
    d = updateTarget(d, added.id, { name: '人才公寓入住率', value: 90, unit: '%' });
    expect(incompleteTargets(d)).toEqual([]);
    const apartments = d.targets.find((g) => g.taskKey === 'GZ-38' && g.value === 10000)!;
    d = updateTarget(d, apartments.id, { name: '人才公寓（套）' });
    expect(d.targets.find((g) => g.id === apartments.id)!.name).toBe('人才公寓（套）');
    d = removeTarget(d, apartments.id);
    expect(d.targets.some((g) => g.id === apartments.id)).toBe(false);
    expect(addTarget(d, 'doc-GZ').targets.at(-1)!.taskKey).toBeUndefined();
    expect(removeTask(d, 'GZ-38').targets.some((g) => g.taskKey === 'GZ-38')).toBe(false);
  });
});

describe('task-key prefix', () => {
  it.each([
    [{ docNumber: '武政办〔2023〕4号' }, '2023WZB4'],
    [{ docNumber: '武政〔2023〕4号' }, '2023WZ4'],
    [{ title: '关于推进人才集聚工程的实施意见', planStartYear: 2012 }, '2012TJRCJJ'],
    [{ title: '2026年武汉市科技创新工作要点', planStartYear: 2026 }, '2026KJCX'],
  ])('%o → %s', (doc, prefix) => expect(proposeKeyPrefix(doc, [])).toBe(prefix));

  it('two documents of the same year and issuer without 文号 never collide', () => {
    const taken = prefixesInUse(['doc-2025WHS', 'doc-2023GZYD'], ['2025WHS-01', '2023GZYD-07', '2024KJRC-1.03']);
    expect([...taken].sort()).toEqual(['2023GZYD', '2024KJRC', '2025WHS']);
    const doc = { title: '武汉市科技创新三年行动方案', planStartYear: 2025 };
    const first = proposeKeyPrefix(doc, taken);
    const second = proposeKeyPrefix(doc, [...taken, first]);
    const third = proposeKeyPrefix(doc, [...taken, first, second]);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(second).toBe(`${first}B`);
  });

  it('a document without year or title still gets one', () => expect(proposeKeyPrefix({}, ['WJ'])).toBe('WJB'));
});

describe('a task the parser did not find', () => {
  const T1 = { key: '', documentId: 'doc-ABC', number: '', order: 0, title: '建设实验室', text: '建设实验室。', leadUnits: [], responsibleUnits: [], origin: 'import' as const, updatedAt: '2026-01-01T00:00:00.000Z' };
  it('is added empty at the end, with the next free key and number', () => {
    const d = { tasks: [{ ...T1, key: 'ABC-01', number: '1', order: 1 }, { ...T1, key: 'ABC-03', number: '2', order: 2 }], targets: [] };
    const added = addTask(addTask(d, 'doc-ABC', 'ABC', '2026-11-27T00:00:00.000Z'), 'doc-ABC', 'ABC', '2026-11-27T00:00:00.000Z');
    expect(added.tasks.slice(2).map((t) => [t.key, t.number, t.order, t.title, t.origin, t.documentId])).toEqual([
      ['ABC-04', '3', 3, '', 'manual', 'doc-ABC'],
      ['ABC-05', '4', 4, '', 'manual', 'doc-ABC'],
    ]);
    expect(addTask({ tasks: [], targets: [] }, 'doc-X', 'X', '2026-11-27T00:00:00.000Z').tasks.map((t) => t.key)).toEqual(['X-01']);
  });
});
