import { describe, expect, it } from 'vitest';
import type { ProgressEntry } from '../model';
import { changedFields, fieldValue, isFieldPath, mergeEdits, withField } from './progress-edits';

const stored: ProgressEntry = {
  id: '汉阳区|2023YD-01|2025-Q3',
  district: '汉阳区',
  taskKey: '2023YD-01',
  periodId: '2025-Q3',
  status: 'on_track',
  percent: 40,
  progress: '完成选址',
  problems: '',
  nextSteps: '开工建设',
  indicatorValues: { t1: 3, t2: null },
  filledBy: '王芳',
  updatedAt: '2025-09-01T00:00:00.000Z',
};

describe('mergeEdits', () => {
  const cases: {
    name: string;
    current: Partial<ProgressEntry>;
    base: Record<string, unknown>;
    mine: Record<string, unknown>;
    written: string[];
    conflicts: string[];
    expect: Partial<ProgressEntry>;
  }[] = [
    { name: 'nobody else wrote: my field is written', current: {}, base: { progress: '完成选址' }, mine: { progress: '完成选址，已开工' }, written: ['progress'], conflicts: [], expect: { progress: '完成选址，已开工' } },
    {
      name: 'another window changed a different field: both kept',
      current: { problems: '资金未到位' },
      base: { progress: '完成选址' },
      mine: { progress: '完成选址，已开工' },
      written: ['progress'],
      conflicts: [],
      expect: { progress: '完成选址，已开工', problems: '资金未到位' },
    },
    {
      name: 'another window changed the same field: conflict, theirs stays stored',
      current: { progress: '另一窗口：已完成主体' },
      base: { progress: '完成选址' },
      mine: { progress: '完成选址，已开工' },
      written: [],
      conflicts: ['progress'],
      expect: { progress: '另一窗口：已完成主体' },
    },
    { name: 'both typed the same: nothing to write, no conflict', current: { percent: 60 }, base: { percent: 40 }, mine: { percent: 60 }, written: [], conflicts: [], expect: { percent: 60 } },
    {
      name: 'different targets of one task never collide',
      current: { indicatorValues: { t1: 5, t2: null } },
      base: { 'indicatorValues.t2': null },
      mine: { 'indicatorValues.t2': 8 },
      written: ['indicatorValues.t2'],
      conflicts: [],
      expect: { indicatorValues: { t1: 5, t2: 8 } },
    },
    { name: 'clearing an optional field removes it', current: {}, base: { status: 'on_track' }, mine: { status: undefined }, written: ['status'], conflicts: [], expect: { status: undefined } },
    { name: 'unknown and polluting paths are ignored', current: {}, base: {}, mine: { __proto__x: 1, 'indicatorValues.__proto__': 1, updatedAt: 'x' }, written: [], conflicts: [], expect: {} },
  ];
  for (const c of cases)
    it(c.name, () => {
      const current = { ...stored, ...c.current };
      const r = mergeEdits(current, c.base, c.mine);
      expect(r.written).toEqual(c.written);
      expect(r.conflicts.map((x) => x.field)).toEqual(c.conflicts);
      for (const [k, v] of Object.entries(c.expect)) expect((r.merged as unknown as Record<string, unknown>)[k]).toEqual(v);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });

  it('a conflict carries all three values', () => {
    const r = mergeEdits({ ...stored, problems: '他人' }, { problems: '' }, { problems: '我的' });
    expect(r.conflicts).toEqual([{ field: 'problems', base: '', mine: '我的', theirs: '他人' }]);
  });
});

describe('field paths', () => {
  it.each([
    ['progress', true],
    ['indicatorValues.t1', true],
    ['indicatorValues.', false],
    ['indicatorValues.__proto__', false],
    ['indicatorValues.constructor', false],
    ['id', false],
    ['__proto__', false],
  ])('%s is a field path: %s', (p, ok) => expect(isFieldPath(p)).toBe(ok));

  it('reads and sets nested target values without touching others', () => {
    const e = withField(stored, 'indicatorValues.t3', 7);
    expect(fieldValue(e, 'indicatorValues.t3')).toBe(7);
    expect(stored.indicatorValues).not.toHaveProperty('t3');
    expect(changedFields(stored, e)).toEqual(['indicatorValues.t3']);
    expect(changedFields(stored, withField(withField(stored, 'progress', 'x'), 'percent', undefined))).toEqual(['percent', 'progress']);
  });
});
