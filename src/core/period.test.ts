import { describe, expect, it } from 'vitest';
import { comparePeriodIds, currentPeriod, makePeriod, parsePeriodId, parsePeriodName, periodRange, previousPeriod, reportingPeriod, shiftPeriod } from './period';
import type { PeriodKind } from './model';

describe('period naming and boundaries', () => {
  it.each([
    ['quarter', 2025, 3, '2025-Q3', '2025年第三季度', '2025-07-01', '2025-09-30'],
    ['quarter', 2024, 1, '2024-Q1', '2024年第一季度', '2024-01-01', '2024-03-31'],
    ['month', 2025, 11, '2025-11', '2025年11月', '2025-11-01', '2025-11-30'],
    ['month', 2024, 2, '2024-02', '2024年2月', '2024-02-01', '2024-02-29'],
    ['month', 2025, 2, '2025-02', '2025年2月', '2025-02-01', '2025-02-28'],
    ['half', 2025, 1, '2025-H1', '2025年上半年', '2025-01-01', '2025-06-30'],
    ['half', 2025, 2, '2025-H2', '2025年下半年', '2025-07-01', '2025-12-31'],
    ['year', 2027, 1, '2027', '2027年', '2027-01-01', '2027-12-31'],
  ] as const)('%s %i/%i is %s %s from %s to %s', (kind, year, index, id, name, start, end) => {
    const p = makePeriod(kind, year, index);
    expect(p).toMatchObject({ id, name, start, end });
    expect(parsePeriodId(id)).toEqual(p);
    expect(parsePeriodName(name)).toEqual(p);
  });

  it.each([
    ['2025-09-30', 'quarter', '2025-Q3'],
    ['2025-10-01', 'quarter', '2025-Q4'],
    ['2025-01-01', 'month', '2025-01'],
    ['2025-12-31', 'half', '2025-H2'],
    ['2025-06-30', 'half', '2025-H1'],
  ] as const)('the current period on %s (%s) is %s', (date, kind, id) => {
    expect(currentPeriod(kind, date).id).toBe(id);
  });

  it('steps across year ends both ways', () => {
    expect(previousPeriod(makePeriod('quarter', 2025, 1)).id).toBe('2024-Q4');
    expect(shiftPeriod(makePeriod('month', 2025, 12), 1).id).toBe('2026-01');
    expect(shiftPeriod(makePeriod('month', 2025, 1), -13).id).toBe('2023-12');
    expect(periodRange(makePeriod('quarter', 2024, 3), makePeriod('quarter', 2025, 2)).map((p) => p.name)).toEqual([
      '2024年第三季度',
      '2024年第四季度',
      '2025年第一季度',
      '2025年第二季度',
    ]);
  });

  it('refuses impossible periods and malformed ids', () => {
    expect(() => makePeriod('quarter', 2025, 5)).toThrow(RangeError);
    expect(() => makePeriod('month', 2025, 0)).toThrow(RangeError);
    expect(parsePeriodId('2025-Q5')).toBeUndefined();
    expect(parsePeriodId('2025-13')).toBeUndefined();
    expect(parsePeriodName('2025年第五季度')).toBeUndefined();
    expect(parsePeriodName('2025年五季度')).toBeUndefined();
  });

  it('reads a quarter written without 第, as deadlines are (2025年三季度, 2025年3季度)', () => {
    expect(parsePeriodName('2025年三季度')?.id).toBe('2025-Q3');
    expect(parsePeriodName('2025年3季度')?.id).toBe('2025-Q3');
  });

  it('orders ids chronologically, not alphabetically', () => {
    expect(['2025-11', '2025-02', '2024-12'].sort(comparePeriodIds)).toEqual(['2024-12', '2025-02', '2025-11']);
  });
});

describe('本期: the period being reported (reportingPeriod)', () => {
  const none = new Set<string>();
  it.each<[string, PeriodKind, string, ReadonlySet<string> | undefined, string]>([
    ['in the first days of January, the fourth quarter not yet sent', 'quarter', '2027-01-05', none, '2026-Q4'],
    ['the fourth quarter sent', 'quarter', '2027-01-05', new Set(['2026-Q4']), '2027-Q1'],
    ['three weeks on, even unsent', 'quarter', '2027-01-21', none, '2027-Q1'],
    ['the last day of grace', 'quarter', '2027-01-20', none, '2026-Q4'],
    ['inside a quarter', 'quarter', '2026-11-27', none, '2026-Q4'],
    ['monthly, the 8th', 'month', '2026-12-08', none, '2026-11'],
    ['monthly, the 12th', 'month', '2026-12-12', none, '2026-12'],
    ['yearly, in January', 'year', '2027-01-20', none, '2026'],
    ['not known what was sent', 'quarter', '2027-01-05', undefined, '2027-Q1'],
  ])('%s → %s', (_, kind, date, sent, id) => {
    expect(reportingPeriod(kind, date, sent).id).toBe(id);
  });
});
