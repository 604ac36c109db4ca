import { describe, expect, it } from 'vitest';
import { canonicaliseUnit, stripUnitNote, unitNamesFor, unitRenameProblem, unitRenameTable } from './unit-names';
import { readUnitList } from './policy/units';

describe('canonicaliseUnit', () => {
  const officer = unitRenameTable([
    { from: '市科技创新局', to: '市科学技术和创新局' },
    { from: '市经信局', to: '市经济和信息化局' },
  ]);
  it.each([
    ['市科技局', undefined, '市科技创新局'],
    ['市 自然资源规划局', undefined, '市自然资源和规划局'],
    ['市环保局', undefined, '市生态环境局'],
    ['各区人民政府〈含开发区、长江新区管委会，下同〉', undefined, '各区人民政府'],
    ['各区人民政府（含开发区）', undefined, '各区人民政府'],
    ['各区', undefined, '各区人民政府'],
    ['市发改委', undefined, '市发改委'],
    // The officer's pairs extend the chain: next year's rename needs no release.
    ['市科技局', officer, '市科学技术和创新局'],
    ['市科技创新局', officer, '市科学技术和创新局'],
    ['市经信局', officer, '市经济和信息化局'],
  ])('%s → %s', (raw, table, want) => expect(canonicaliseUnit(raw, table)).toBe(want));

  it('survives a cycle in the table', () => {
    const cyc = unitRenameTable([{ from: '甲局', to: '乙局' }, { from: '乙局', to: '甲局' }]);
    expect(['甲局', '乙局']).toContain(canonicaliseUnit('甲局', cyc));
  });

  it('strips notes only at the end', () => {
    expect(stripUnitNote('各区人民政府<含开发区管委会，下同>')).toBe('各区人民政府');
    expect(stripUnitNote('  市科技局。')).toBe('市科技局');
  });
});

describe('unitNamesFor', () => {
  it('lists every name a unit has had, the current one first', () => {
    expect(unitNamesFor('市科技创新局')).toEqual(['市科技创新局', '市科技局', '市科创局', '市科学技术局']);
    expect(unitNamesFor('市科技局')).toEqual(['市科技创新局', '市科技局', '市科创局', '市科学技术局']);
    expect(unitNamesFor('市发改委')).toEqual(['市发改委']);
  });
});

describe('readUnitList', () => {
  it.each([
    ['市科技局、市发改委，各区人民政府〈含开发区、长江新区管委会，下同〉', ['市科技创新局', '市发改委', '各区人民政府'], [{ from: '市科技局', to: '市科技创新局' }]],
    ['市环保局\n市水务局', ['市生态环境局', '市水务局'], [{ from: '市环保局', to: '市生态环境局' }]],
    ['市经信局/市科技创新局', ['市经信局', '市科技创新局'], []],
    ['洪山、武昌、江夏区人民政府', ['洪山区人民政府', '武昌区人民政府', '江夏区人民政府'], []],
    ['', [], []],
  ])('%s', (list, units, renamed) => expect(readUnitList(list)).toEqual({ units, renamed }));
});

describe('unitRenameProblem', () => {
  it.each([
    [{ from: '', to: '市科技创新局' }, { kind: 'missing' }],
    [{ from: '市科技创新局（牵头）', to: '市科技创新局' }, { kind: 'same', name: '市科技创新局' }],
    [{ from: '市科技创新局', to: '市科技局' }, { kind: 'loop', from: '市科技创新局', to: '市科技局' }],
  ])('%j', (pair, problem) => expect(unitRenameProblem(pair, [])).toEqual(problem));
  it('accepts a new rename', () => expect(unitRenameProblem({ from: '市经信局', to: '市经济和信息化局' }, [])).toBeUndefined());
});
