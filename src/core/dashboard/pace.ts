/**
 * 序时 judgement of an indicator // 指标序时判断: the actual value against its target and
 * against the straight line from the baseline to the target year.
 */
import type { Comparator, Target } from '../model';
import { ON_TRACK_TOLERANCE } from '../status';

/** The verdict on an indicator. Codes are shown through PACE_LABELS only. */
export type PaceVerdict = 'met' | 'ahead' | 'on_track' | 'behind' | 'unknown';

/** Chinese labels of the verdicts. */
export const PACE_LABELS: Readonly<Record<PaceVerdict, string>> = {
  met: '已达标',
  ahead: '超序时',
  on_track: '序时',
  behind: '滞后',
  unknown: '无法判断',
};

/** Percentage points either side of the straight line still counted as 序时 (same rule as the ledger's status suggestion). */
export const PACE_TOLERANCE = ON_TRACK_TOLERANCE;

/** What the judgement needs: the target's numbers, the year judged and the actual value. */
export interface PaceInput {
  target: Pick<Target, 'name' | 'unit' | 'comparator' | 'value' | 'year' | 'baseline' | 'baselineYear'>;
  /** Year of the period judged (the line is read at that year, as the ledger does). */
  year: number;
  actual: number | undefined;
}

/** The judgement with its numbers, all optional where they cannot be known. */
export interface PaceResult {
  verdict: PaceVerdict;
  /** Share of the way from baseline to target reached, in percent (actual / target when there is no baseline). */
  completion: number | undefined;
  /** Share of the way the straight line expects by this year, in percent. */
  expectedShare: number | undefined;
  /** The value the straight line expects by this year. */
  expected: number | undefined;
  /** Why, in plain Chinese. */
  reason: string;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

const UPPER_BOUND: ReadonlySet<Comparator> = new Set<Comparator>(['控制在']);

/** Judge an indicator: 已达标 / 超序时 / 序时 / 滞后, or 无法判断 with what is missing. */
export function judgePace({ target, year, actual }: PaceInput): PaceResult {
  const { name, unit, value, baseline, baselineYear, year: targetYear } = target;
  const none = { completion: undefined, expectedShare: undefined, expected: undefined };
  if (actual === undefined || !Number.isFinite(actual)) return { verdict: 'unknown', ...none, reason: `${name}尚未填报实际值。` };

  if (UPPER_BOUND.has(target.comparator)) {
    const ok = actual <= value;
    return {
      verdict: ok ? 'on_track' : 'behind',
      completion: value === 0 ? undefined : (actual / value) * 100,
      expectedShare: undefined,
      expected: value,
      reason: ok
        ? `${name}实际${fmt(actual)}${unit}，未超过控制值${fmt(value)}${unit}。`
        : `${name}实际${fmt(actual)}${unit}，已超过控制值${fmt(value)}${unit}。`,
    };
  }

  const hasBaseline = baseline !== undefined && baselineYear !== undefined && targetYear !== undefined && targetYear > baselineYear && baseline !== value;
  const decreasing = hasBaseline && baseline! > value;
  const completion = hasBaseline ? ((actual - baseline!) / (value - baseline!)) * 100 : value === 0 ? undefined : (actual / value) * 100;
  const met = decreasing ? actual <= value : actual >= value;
  if (met) return { verdict: 'met', completion, expectedShare: undefined, expected: value, reason: `${name}实际${fmt(actual)}${unit}，已达到目标值${fmt(value)}${unit}。` };

  if (targetYear === undefined) return { verdict: 'unknown', ...none, completion, reason: `${name}没有目标年份，无法按序时判断。` };
  if (!hasBaseline) {
    if (year >= targetYear)
      return { verdict: 'behind', completion, expectedShare: 100, expected: value, reason: `已到目标年份${targetYear}年，${name}实际${fmt(actual)}${unit}，未达到目标值${fmt(value)}${unit}。` };
    return { verdict: 'unknown', ...none, completion, reason: `${name}缺少基期值（可在“指标跟踪”中补充），无法画出序时线。` };
  }

  const share = Math.min(1, Math.max(0, (year - baselineYear!) / (targetYear - baselineYear!)));
  const expected = baseline! + (value - baseline!) * share;
  const expectedShare = share * 100;
  const verdict: PaceVerdict =
    completion! >= expectedShare + PACE_TOLERANCE ? 'ahead' : completion! >= expectedShare - PACE_TOLERANCE ? 'on_track' : 'behind';
  return {
    verdict,
    completion,
    expectedShare,
    expected,
    reason:
      `${name}从${baselineYear}年的${fmt(baseline!)}${unit}到${targetYear}年的${fmt(value)}${unit}按直线推进，` +
      `${year}年应达到约${fmt(expected)}${unit}，实际${fmt(actual)}${unit}（相差${PACE_TOLERANCE}个百分点以内算序时）。`,
  };
}
