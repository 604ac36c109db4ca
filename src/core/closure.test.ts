import { describe, expect, it } from 'vitest';
import { closeTask, documentEndYear, isClosedIn, isValidCloseDate, reopenTask, tasksOfPastDocuments } from './closure';
import { makePeriod } from './period';
import { aDocument, aTask } from '../../test/builders/dashboard';

describe('办结销号', () => {
  const q3 = makePeriod('quarter', 2025, 3);
  it.each([
    [undefined, false],
    ['2025-07-01', true],
    ['2025-09-30', true],
    ['2025-10-01', false],
    ['2023-12-31', true],
  ])('closed on %s: out of 2025年第三季度 = %s', (closedAt, out) => {
    expect(isClosedIn({ closedAt }, q3)).toBe(out);
  });

  it('closes with a date, note and person, and reopens to the task as it was', () => {
    const t = aTask('d1-1', 'd1');
    const closed = closeTask(t, { date: '2026-11-26', note: ' 已完成 ', by: '王芳' }, '2026-11-26T12:00:00.000Z');
    expect(closed).toMatchObject({ closedAt: '2026-11-26', closedNote: '已完成', closedBy: '王芳' });
    expect(t.closedAt).toBeUndefined();
    const back = reopenTask(closed, '2026-11-27T08:00:00.000Z');
    expect(back).toEqual({ ...t, updatedAt: '2026-11-27T08:00:00.000Z' });
    expect('closedAt' in back).toBe(false);
  });

  it.each([
    ['2026-11-26', true],
    ['2023-12-31', true],
    ['2026-11-27', false], // in the future
    ['2026-02-30', false],
    ['2026/11/26', false],
    ['', false],
  ])('close date %j valid: %s', (date, ok) => {
    expect(isValidCloseDate(date, '2026-11-26')).toBe(ok);
  });

  it('finds the open tasks of documents whose year has passed', () => {
    const docs = [aDocument('d23', { shortTitle: '2023年工作要点' }), aDocument('d25', { planStartYear: 2025, planEndYear: 2027 }), aDocument('d24', { issueDate: '2024-03-01' })];
    const tasks = [
      aTask('d23-1', 'd23', { deadline: '2023-12-31' }),
      aTask('d23-2', 'd23', { deadline: '2023-06-30' }),
      aTask('d23-3', 'd23', { deadline: '2023-12-31', closedAt: '2024-01-05' }),
      aTask('d23-4', 'd23', { archived: true }),
      aTask('d25-1', 'd25', { deadline: '2025-12-31' }),
      aTask('d24-1', 'd24'),
    ];
    expect(documentEndYear(docs[0]!, tasks)).toBe(2023);
    expect(documentEndYear(docs[1]!, tasks)).toBe(2027);
    expect(documentEndYear(docs[2]!, tasks)).toBe(2024);
    const past = tasksOfPastDocuments(docs, tasks, '2026-11-26');
    expect(past.map((p) => [p.document.id, p.endYear, p.tasks.map((t) => t.key)])).toEqual([
      ['d23', 2023, ['d23-1', 'd23-2']],
      ['d24', 2024, ['d24-1']],
    ]);
  });
});
