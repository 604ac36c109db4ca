/** The bounds of untrusted input, table-driven: which lists plan and which are refused before planning. */
import { describe, expect, it } from 'vitest';
import { estimatePlanWork, exceedsCellLimit, MAX_CELL_CHARS, PLAN_LIMITS } from './limits';

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
