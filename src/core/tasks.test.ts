import { describe, expect, it } from 'vitest';
import { applyTaskEdit, compareTasks, type TaskEdit } from './tasks';
import type { Task } from './model';

describe('task order: document, then order within it', () => {
  it.each([
    ['same document, earlier order first', { documentId: 'doc-1', order: 2 }, { documentId: 'doc-1', order: 10 }, -1],
    ['same document, same order', { documentId: 'doc-1', order: 3 }, { documentId: 'doc-1', order: 3 }, 0],
    ['same document, later order last', { documentId: 'doc-1', order: 10 }, { documentId: 'doc-1', order: 2 }, 1],
    ['documents by id, whatever the order', { documentId: 'doc-1', order: 99 }, { documentId: 'doc-2', order: 1 }, -1],
    ['a later document last', { documentId: 'doc-2', order: 1 }, { documentId: 'doc-1', order: 99 }, 1],
  ] as const)('%s', (_name, a, b, sign) => {
    expect(Math.sign(compareTasks(a, b))).toBe(sign);
  });
});

describe('applyTaskEdit: the office corrects a task it holds', () => {
  const task = {
    key: '2025XL-02',
    documentId: 'doc-x',
    order: 2,
    number: '2',
    title: '建设区域创新中心',
    text: '建设区域创新中心。',
    leadUnits: ['黄石市下陆区人民政府办公室网站标识码：4202040001'],
    responsibleUnits: [],
    deadline: '2025-12-31',
    deadlineText: '2025年底前',
    updatedAt: '2025-01-01T00:00:00.000Z',
  } as unknown as Task;
  const at = '2026-11-27T03:00:00.000Z';
  it.each<[string, TaskEdit, Partial<Task> | undefined]>([
    ['nothing changed', { title: ' 建设区域创新中心 ', leadUnits: task.leadUnits, responsibleUnits: [], deadline: '2025-12-31', deadlineText: '2025年底前' }, undefined],
    ['a wrong unit replaced', { title: '建设区域创新中心', leadUnits: ['区科经局'], responsibleUnits: ['区发改局'], deadline: '2025-12-31', deadlineText: '2025年底前' }, { leadUnits: ['区科经局'], responsibleUnits: ['区发改局'], updatedAt: at }],
    ['the deadline moved', { title: '建设区域创新中心', leadUnits: task.leadUnits, responsibleUnits: [], deadline: '2026-06-30', deadlineText: '2026年6月' }, { deadline: '2026-06-30', deadlineText: '2026年6月' }],
    ['a deadline in words only', { title: '建设区域创新中心', leadUnits: task.leadUnits, responsibleUnits: [], deadlineText: '长期坚持' }, { deadline: undefined, deadlineText: '长期坚持' }],
    // The deadline's words untouched: kept exactly as stored, whatever else the edit carries (a title fix never re-reads a date).
    ['a title fixed, the deadline’s words untouched', { title: '建设区域创新中心（一期）', leadUnits: task.leadUnits, responsibleUnits: [], keepDeadline: true, deadline: '2099-01-01', deadlineText: '另写' }, { title: '建设区域创新中心（一期）', deadline: '2025-12-31', deadlineText: '2025年底前' }],
    ['the deadline cleared', { title: '建设区域创新中心', leadUnits: task.leadUnits, responsibleUnits: [], deadline: '2025-12-31', deadlineText: '  ' }, { deadline: undefined, deadlineText: undefined }],
  ])('%s', (_name, edit, want) => {
    const next = applyTaskEdit(task, edit, at);
    if (want === undefined) return expect(next).toBeUndefined();
    expect(next).toMatchObject({ key: task.key, text: task.text, ...Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)) });
    for (const [k, v] of Object.entries(want)) if (v === undefined) expect(k in next!).toBe(false);
  });
});
