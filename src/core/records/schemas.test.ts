import { describe, expect, it } from 'vitest';
import { ROW_SCHEMAS, rowProblem } from './schemas';

const progress = {
  id: '汉阳区|K-1|2025-Q3',
  district: '汉阳区',
  taskKey: 'K-1',
  periodId: '2025-Q3',
  status: 'on_track',
  percent: 40,
  progress: '完成选址',
  problems: '',
  nextSteps: '',
  indicatorValues: { t1: 3, t2: null },
  filledBy: '王芳',
  updatedAt: '2025-09-01T00:00:00.000Z',
};

describe('row schemas', () => {
  it('every table that holds data has a validator', () => {
    expect(Object.keys(ROW_SCHEMAS).sort()).toEqual(
      ['assignments', 'audit', 'clusterIndicatorValues', 'clusterIndicators', 'clusterProgress', 'clusters', 'documents', 'drafts', 'imports', 'progress', 'roundApplies', 'rounds', 'sections', 'settings', 'submissions', 'targets', 'tasks', 'templates'].sort(),
    );
  });

  const bad: [string, string, unknown, RegExp][] = [
    ['progress', 'texts missing', { ...progress, progress: undefined }, /progress/],
    ['progress', 'a number for a text', { ...progress, problems: 42 }, /problems/],
    ['progress', 'indicator values not an object', { ...progress, indicatorValues: 'x' }, /indicatorValues/],
    ['progress', 'an unknown status', { ...progress, status: 'hacked' }, /status/],
    ['progress', 'percent 500', { ...progress, percent: 500 }, /percent/],
    ['progress', 'a prototype key among the values', { ...progress, indicatorValues: JSON.parse('{"__proto__": 1}') }, /indicatorValues/],
    ['tasks', 'units not a list', { key: 'K', documentId: 'd', number: '1', order: 1, title: 't', text: 't', leadUnits: '科技局', responsibleUnits: [], origin: 'seed', updatedAt: 'x' }, /leadUnits/],
    ['tasks', 'no key', { documentId: 'd', number: '1', order: 1, title: 't', text: 't', leadUnits: [], responsibleUnits: [], origin: 'seed', updatedAt: 'x' }, /key/],
    ['settings', 'district not a text', { key: 'district', value: { a: 1 } }, /value/],
    ['tasks', 'not an object at all', 'text', /整条记录/],
  ];
  it.each(bad)('%s: refuses %s', (table, _what, row, where) => {
    expect(rowProblem(table, row)).toMatch(where);
  });

  it('accepts fields added later (optional, unknown to this version)', () => {
    expect(rowProblem('progress', { ...progress, reviewedBy: '李四' })).toBeUndefined();
  });
});
