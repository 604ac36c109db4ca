import { describe, expect, it } from 'vitest';
import { isPlausibleValue, normalizeTypedNumber } from './typed-number';

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
