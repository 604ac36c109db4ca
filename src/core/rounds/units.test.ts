import { describe, expect, it } from 'vitest';
import { STARTER_LEAD_MAPPING, STARTER_UNITS, cleanUnitList, leadMappingText, parseLeadMapping, suggestUnits } from './units';
import { changeAssignment, tasksByUnit, isAssigned, type AssignChange } from './assignments';

describe('cleanUnitList', () => {
  it.each([
    [[' 区科技局 ', '区科技局', '', '区 经信局'], ['区科技局', '区经信局']],
    [[], []],
    [['各街道办事处', '园区管委会'], ['各街道办事处', '园区管委会']],
  ])('%j → %j', (input, want) => expect(cleanUnitList(input)).toEqual(want));
  it('the starter list has the typical departments and no repeats', () => {
    expect(cleanUnitList(STARTER_UNITS)).toEqual(STARTER_UNITS);
    for (const u of ['区科技局', '区发改局', '区经信局', '区人社局', '区教育局', '区财政局', '区自然资源和规划局', '各街道办事处', '园区管委会']) expect(STARTER_UNITS).toContain(u);
  });
});

describe('suggestUnits', () => {
  const units = STARTER_UNITS;
  it.each([
    [{ leadUnits: ['市科技创新局'], responsibleUnits: ['各区人民政府'] }, { lead: '区科技局', assist: [] }],
    [{ leadUnits: ['市经信局', '市科技创新局'], responsibleUnits: ['市人社局'] }, { lead: '区经信局', assist: ['区科技局', '区人社局'] }],
    [{ leadUnits: ['市委组织部'], responsibleUnits: ['市教育局'] }, { lead: '区教育局', assist: [] }],
    [{ leadUnits: ['市委组织部'], responsibleUnits: [] }, { assist: [] }],
  ])('%j → %j', (task, want) => expect(suggestUnits(task, STARTER_LEAD_MAPPING, units)).toEqual(want));
  it('only suggests units the district lists', () => {
    expect(suggestUnits({ leadUnits: ['市科技创新局'], responsibleUnits: [] }, STARTER_LEAD_MAPPING, ['区经信局'])).toEqual({ assist: [] });
  });
  it('uses the office-edited mapping', () => {
    expect(suggestUnits({ leadUnits: ['市科技创新局'], responsibleUnits: [] }, { 市科技创新局: '区科经局' }, ['区科经局'])).toEqual({ lead: '区科经局', assist: [] });
  });
});

describe('changeAssignment', () => {
  const a = { lead: '区科技局', assist: ['区经信局'] };
  it.each<[AssignChange, { lead?: string; assist: string[] }]>([
    [{ kind: 'setLead', unit: '区经信局' }, { lead: '区经信局', assist: [] }],
    [{ kind: 'setLead', unit: '区教育局' }, { lead: '区教育局', assist: ['区经信局'] }],
    [{ kind: 'clearLead' }, { assist: ['区经信局'] }],
    [{ kind: 'addAssist', unit: '区人社局' }, { lead: '区科技局', assist: ['区经信局', '区人社局'] }],
    [{ kind: 'addAssist', unit: '区科技局' }, { lead: '区科技局', assist: ['区经信局'] }],
    [{ kind: 'addAssist', unit: '区经信局' }, { lead: '区科技局', assist: ['区经信局'] }],
    [{ kind: 'removeAssist', unit: '区经信局' }, { lead: '区科技局', assist: [] }],
    [{ kind: 'clear' }, { assist: [] }],
  ])('%j', (change, want) => expect(changeAssignment(a, change)).toEqual(want));
});

describe('tasksByUnit', () => {
  it('lists each unit its tasks in task order, with its role', () => {
    const m = tasksByUnit(
      [
        { taskKey: 'B', lead: '区科技局', assist: ['区经信局'] },
        { taskKey: 'A', lead: '区经信局', assist: [] },
        { taskKey: 'C', assist: ['区科技局'] },
        { taskKey: 'Z', lead: '区教育局', assist: [] },
      ],
      ['A', 'B', 'C'],
    );
    expect(m.get('区科技局')).toEqual([{ taskKey: 'B', role: 'lead' }, { taskKey: 'C', role: 'assist' }]);
    expect(m.get('区经信局')).toEqual([{ taskKey: 'A', role: 'lead' }, { taskKey: 'B', role: 'assist' }]);
    expect(m.has('区教育局')).toBe(false);
  });
  it.each([[undefined, false], [{ assist: [] }, false], [{ lead: 'x', assist: [] }, true], [{ assist: ['y'] }, true]])('isAssigned(%j) = %s', (a, want) => expect(isAssigned(a)).toBe(want));
});

describe('parseLeadMapping', () => {
  it.each<[string, ReturnType<typeof parseLeadMapping>]>([
    ['市科技创新局=区科技局\n\n市经信局 ＝ 区经信局', { ok: true, mapping: { 市科技创新局: '区科技局', 市经信局: '区经信局' } }],
    ['市教育局→区教育局\n市人社局->区人社局', { ok: true, mapping: { 市教育局: '区教育局', 市人社局: '区人社局' } }],
    ['市科技创新局=区科技局\n市经信局 区经信局', { ok: false, line: '市经信局 区经信局' }],
    ['', { ok: true, mapping: {} }],
  ])('%j', (text, want) => expect(parseLeadMapping(text)).toEqual(want));
  it('round-trips the starter mapping through its text', () => expect(parseLeadMapping(leadMappingText(STARTER_LEAD_MAPPING))).toEqual({ ok: true, mapping: STARTER_LEAD_MAPPING }));
});
