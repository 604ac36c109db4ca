/** The bounds of untrusted input, table-driven: which lists plan and which are refused before planning. */
import { describe, expect, it } from 'vitest';
import { CUT_CELL_SUFFIX, estimatePlanWork, exceedsCellLimit, fitCellText, MAX_CELL_CHARS, PLAN_LIMITS } from './limits';

describe('estimatePlanWork', () => {
  it.each([
    [50_000, 22, true], // the tested 20 MB list against the seed
    [5_000, 5_000, true],
    [20_000, 1_000, true],
    [99_000, 300, true], // within the row bound: plans, and the confirmations bound judges the rest
    [100_000, 2_000, false],
    [60_000, 20_000, false],
  ])('%i rows against %i tasks plans: %s', (rows, existing, plans) => {
    expect(estimatePlanWork(rows, existing) <= PLAN_LIMITS.maxWork).toBe(plans);
  });
});

describe('exceedsCellLimit', () => {
  it.each([
    [MAX_CELL_CHARS - 1, false],
    [MAX_CELL_CHARS, false],
    [MAX_CELL_CHARS + 1, true],
  ])('%i characters: %s', (n, over) => expect(exceedsCellLimit('字'.repeat(n))).toBe(over));
});

describe('fitCellText', () => {
  it.each([
    ['short', '进展顺利', '进展顺利'],
    ['exactly the limit', '字'.repeat(MAX_CELL_CHARS), '字'.repeat(MAX_CELL_CHARS)],
  ])('%s: unchanged', (_, text, out) => expect(fitCellText(text)).toBe(out));

  it.each([
    ['one over', '字'.repeat(MAX_CELL_CHARS + 1)],
    ['5 MB', '字'.repeat(5 * 1024 * 1024)],
    ['emoji at the cut', '😀'.repeat(MAX_CELL_CHARS)],
  ])('%s: cut to the limit and marked', (_, text) => {
    const out = fitCellText(text);
    expect(out.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(out.endsWith(CUT_CELL_SUFFIX)).toBe(true);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});
