import { describe, expect, it } from 'vitest';
import { isPlausibleValue, normalizeTypedNumber, readTypedNumber } from './numbers';

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
