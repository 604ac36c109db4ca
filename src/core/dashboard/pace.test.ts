import { describe, expect, it } from 'vitest';
import { judgePace, type PaceVerdict } from './pace';
import type { Comparator } from '../model';

type Row = [string, { comparator?: Comparator; value: number; year?: number; baseline?: number; baselineYear?: number }, number, number | undefined, PaceVerdict, number | undefined];

// 研发平台 from 1000 (2024) to 1500 (2027): the line expects 1/3 of the way (1166.67) in 2025.
const line = { value: 1500, year: 2027, baseline: 1000, baselineYear: 2024 };

describe('indicator 序时 judgement', () => {
  it.each<Row>([
    ['no actual value', line, 2025, undefined, 'unknown', undefined],
    ['exactly on the line', line, 2025, 1500 - (500 * 2) / 3, 'on_track', 100 / 3],
    ['just inside the tolerance below', line, 2025, 1000 + 500 * (1 / 3 - 0.09), 'on_track', 100 / 3],
    ['below the tolerance', line, 2025, 1000 + 500 * (1 / 3 - 0.11), 'behind', 100 / 3],
    ['well above the line', line, 2025, 1000 + 500 * 0.5, 'ahead', 100 / 3],
    ['target reached early', line, 2025, 1500, 'met', undefined],
    ['line read at the target year', line, 2027, 1450, 'on_track', 100],
    ['after the target year, not reached', line, 2028, 1300, 'behind', 100],
    ['a falling target (能耗) on its line', { value: 80, year: 2027, baseline: 100, baselineYear: 2023 }, 2025, 90, 'on_track', 50],
    ['a falling target behind', { value: 80, year: 2027, baseline: 100, baselineYear: 2023 }, 2025, 99, 'behind', 50],
    ['a falling target met', { value: 80, year: 2027, baseline: 100, baselineYear: 2023 }, 2025, 79, 'met', undefined],
    ['no baseline before the target year', { value: 50, year: 2027 }, 2025, 30, 'unknown', undefined],
    ['no baseline after the target year', { value: 50, year: 2027 }, 2027, 30, 'behind', 100],
    ['no target year', { value: 50, baseline: 10, baselineYear: 2020 }, 2025, 30, 'unknown', undefined],
    ['控制在 within the cap', { comparator: '控制在', value: 5 }, 2025, 4.5, 'on_track', undefined],
    ['控制在 over the cap', { comparator: '控制在', value: 5 }, 2025, 5.5, 'behind', undefined],
  ])('%s', (_name, t, year, actual, verdict, expectedShare) => {
    const r = judgePace({ target: { name: '研发平台', unit: '家', comparator: t.comparator ?? '突破', ...t }, year, actual });
    expect(r.verdict).toBe(verdict);
    if (expectedShare === undefined) expect(r.expectedShare).toBeUndefined();
    else expect(r.expectedShare).toBeCloseTo(expectedShare, 6);
    expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('explains the straight line in Chinese with the expected value', () => {
    const r = judgePace({ target: { name: '研发平台', unit: '家', comparator: '突破', ...line }, year: 2025, actual: 1100 });
    expect(r.verdict).toBe('behind');
    expect(r.expected).toBeCloseTo(1166.67, 2);
    expect(r.completion).toBeCloseTo(20, 6);
    expect(r.reason).toContain('2025年应达到约1166.67家，实际1100家');
  });
});
