import { describe, expect, it } from 'vitest';
import { attributeParagraphs, chaseNotice, paragraphSourcesOf, roundBoard, unitsToChase, type AppliedReturn } from './board';
import type { Round } from './round';

const round: Round = {
  id: 'R', district: '汉阳区', periodId: '2025-Q3', dueDate: '2025-10-08', createdAt: '', prefilled: false,
  units: [
    { unit: '区科技局', taskKeys: ['A', 'B'], leadKeys: ['A', 'B'], fileName: '', checksum: '' },
    { unit: '区经信局', taskKeys: ['B', 'C'], leadKeys: ['C'], fileName: '', checksum: '' },
    { unit: '区教育局', taskKeys: ['D'], leadKeys: ['D'], fileName: '', checksum: '' },
  ],
};
const returns: AppliedReturn[] = [
  { unit: '区科技局', fileName: 'k.xlsx', at: '2025-10-05T02:00:00.000Z', taskKeys: ['A', 'B'], texts: [{ taskKey: 'B', progress: '认定8家', problems: '', nextSteps: '' }] },
  { unit: '区经信局', fileName: 'j.xlsx', at: '2025-10-06T02:00:00.000Z', taskKeys: ['B'], texts: [{ taskKey: 'B', progress: '配合认定3家', problems: '', nextSteps: '' }] },
];

describe('roundBoard', () => {
  it.each<[string, string, boolean[]]>([
    ['before the due date nobody is overdue', '2025-10-07', [false, false, false]],
    ['on the due date nobody is overdue', '2025-10-08', [false, false, false]],
    ['after it, units with tasks missing are', '2025-10-09', [false, true, true]],
  ])('%s', (_, today, overdue) => expect(roundBoard(round, returns, today).map((r) => r.overdue)).toEqual(overdue));
  it('counts sent, returned, missing and the last return', () => {
    expect(roundBoard(round, returns, '2025-10-09')).toEqual([
      { unit: '区科技局', sent: 2, returned: 2, notReturned: 0, overdue: false, lastReturnAt: '2025-10-05T02:00:00.000Z' },
      { unit: '区经信局', sent: 2, returned: 1, notReturned: 1, overdue: true, lastReturnAt: '2025-10-06T02:00:00.000Z' },
      { unit: '区教育局', sent: 1, returned: 0, notReturned: 1, overdue: true },
    ]);
  });
  it('the 催报 list and notice name the units and what is missing', () => {
    const rows = unitsToChase(roundBoard(round, returns, '2025-10-09'));
    expect(rows.map((r) => r.unit)).toEqual(['区经信局', '区教育局']);
    const text = chaseNotice('汉阳区', '2025年第三季度', '2025-10-08', rows, '2025-10-09');
    expect(text).toContain('已于2025年10月8日截止');
    expect(text).toContain('1. 区经信局（还有 1 项未报送）');
    expect(text).toContain('2. 区教育局（1 项任务均未报送）');
    expect(chaseNotice('汉阳区', '2025年第三季度', '2025-10-08', rows, '2025-10-01')).toContain('于2025年10月8日前');
  });
});

describe('attributeParagraphs', () => {
  it('names the unit of each paragraph, the office for its own words', () => {
    expect(attributeParagraphs('认定8家\n配合认定3家\n科室补充', 'B', 'progress', returns)).toEqual([
      { text: '认定8家', unit: '区科技局' },
      { text: '配合认定3家', unit: '区经信局' },
      { text: '科室补充' },
    ]);
  });
  it('stored sources win while they fit (an edited paragraph keeps its unit), else matching is used', () => {
    expect(attributeParagraphs('认定9家\n配合', 'B', 'progress', returns, ['区科技局', ''])).toEqual([{ text: '认定9家', unit: '区科技局' }, { text: '配合' }]);
    expect(attributeParagraphs('认定8家', 'B', 'progress', returns, ['区经信局', ''])).toEqual([{ text: '认定8家', unit: '区科技局' }]);
  });
  it('paragraphSourcesOf gives one unit per paragraph', () => {
    expect(paragraphSourcesOf({ progress: '认定8家\n科室补充', problems: '', nextSteps: '' }, 'B', returns)).toEqual({ progress: ['区科技局', ''], problems: [], nextSteps: [] });
  });
});
