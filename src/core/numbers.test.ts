import { describe, expect, it } from 'vitest';
import { indicatorValueProblem, isPlausibleValue, normalizeTypedNumber, readTypedNumber, numberInText } from './numbers';

describe('numbers as officers type them', () => {
  it.each([
    ['６０', '60'],
    ['１２．５', '12.5'],
    ['－３', '-3'],
    ['12,500', '12500'],
    ['1，200', '1200'],
    [' 70 ', '70'],
    ['60%', '60'],
    ['６０％', '60'],
    ['12。5', '12.5'],
    ['', ''],
  ])('%s → %s', (typed, plain) => {
    expect(normalizeTypedNumber(typed)).toBe(plain);
  });

  it('refuses absurd indicator values', () => {
    expect(isPlausibleValue(450)).toBe(true);
    expect(isPlausibleValue(-3)).toBe(true);
    expect(isPlausibleValue(1e12)).toBe(true);
    expect(isPlausibleValue(1e30)).toBe(false);
    expect(isPlausibleValue(Number.NaN)).toBe(false);
    expect(isPlausibleValue(Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('reading a whole typed number', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['  ', { kind: 'empty' }],
    ['６５', { kind: 'number', value: 65 }],
    ['150', { kind: 'number', value: 150 }],
    ['12.5%', { kind: 'number', value: 12.5 }],
    ['－３', { kind: 'number', value: -3 }],
    ['1e30', { kind: 'number', value: 1e30 }],
    ['六十', { kind: 'invalid', text: '六十' }],
    ['6O', { kind: 'invalid', text: '6O' }],
    ['1.2.3', { kind: 'invalid', text: '1.2.3' }],
  ] as const)('%j', (typed, read) => {
    expect(readTypedNumber(typed)).toEqual(read);
  });
});

describe('indicator values that cannot be', () => {
  it.each<[string, string, number, RegExp | undefined]>([
    ['规上工业企业研发机构覆盖率', '%', 150, /比率，应在 0–100%/u],
    ['规上工业企业研发机构覆盖率', '%', 85, undefined],
    ['产出重大标志性成果', '项', -3, /数量（项），不能是负数/u],
    ['高新技术企业', '家', -5, /不能是负数/u],
    ['高新技术企业', '家', 0, undefined],
    ['技术合同成交额增长率', '%', 150, undefined],
    ['研发投入强度', '%', -0.5, /比率/u],
    ['全社会研发投入', '亿元', -2, undefined],
    ['科技型企业贷款余额', '亿元', 2e13, /数值过大/u],
    // The one list of count units (isCountUnit) also holds those the indicator names used (种, 万人).
    ['新品种', '种', -1, /数量（种），不能是负数/u],
    ['培训科技人员', '万人', -2, /不能是负数/u],
    ['科普活动参与', '人次', -10, /不能是负数/u],
  ])('%s %s %s', (name, unit, value, problem) => {
    const p = indicatorValueProblem(name, unit, value);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });
});

describe('the number inside a text that is not one (the hint of a refusal, walk7 W4)', () => {
  it.each([
    ['１,２００家', '1200'],
    ['1,200家', '1200'],
    ['约30%', '30'],
    ['30左右', '30'],
    ['65.5以上', '65.5'],
    ['１２．５亿元', '12.5'],
    ['六十', undefined],
    ['', undefined],
  ] as const)('%j → %j', (typed, hint) => {
    expect(numberInText(typed)).toBe(hint);
  });
});
