/**
 * 序时 judgement and completion of an indicator // 指标序时判断与完成率: the one rule that
 * 指标跟踪, the 工作台, the exported 指标完成情况表 and the ledger's status suggestion use.
 *
 * How a target is met depends on its comparator (PACE_RULES): a level to reach (达到, 突破,
 * 不少于 …), a cap not to exceed (控制在), an amount added since the plan began (新增), or a
 * yearly rate (增长, 年均增长, 下降 as the achieved growth or reduction). Where a baseline and
 * its year are known, a level is judged on the straight line from the baseline (at the end of
 * its year) to the target (at the end of the target year), read at the end of the period.
 */
import type { Comparator, ReportingPeriod, Target } from '../model';

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

/** Percentage points either side of the line still counted as 序时 (tasks and indicators alike). */
export const ON_TRACK_TOLERANCE = 10;
/** The same tolerance under the indicators' name. */
export const PACE_TOLERANCE = ON_TRACK_TOLERANCE;

/**
 * How a comparator is met // 比较方式的判断规则:
 * - `level`: the value reaches the target (`up`) or stays at or under it (`down`, a cap);
 * - `increment`: the amount added since the plan began reaches the target (baseline 0);
 * - `rate`: a yearly rate (growth or reduction, as achieved) reaches the target; no line.
 */
export interface PaceRule {
  measure: 'level' | 'increment' | 'rate';
  direction: 'up' | 'down';
}

/** The rule of every comparator. A new comparator is a new row here, with a test row. */
export const PACE_RULES: Readonly<Record<Comparator, PaceRule>> = {
  达到: { measure: 'level', direction: 'up' },
  突破: { measure: 'level', direction: 'up' },
  超过: { measure: 'level', direction: 'up' },
  不少于: { measure: 'level', direction: 'up' },
  不低于: { measure: 'level', direction: 'up' },
  以上: { measure: 'level', direction: 'up' },
  力争: { measure: 'level', direction: 'up' },
  累计: { measure: 'level', direction: 'up' },
  比重: { measure: 'level', direction: 'up' },
  控制在: { measure: 'level', direction: 'down' },
  以内: { measure: 'level', direction: 'down' },
  以下: { measure: 'level', direction: 'down' },
  新增: { measure: 'increment', direction: 'up' },
  增长: { measure: 'rate', direction: 'up' },
  年均增长: { measure: 'rate', direction: 'up' },
  下降: { measure: 'rate', direction: 'up' },
};

/** What the judgement needs: the target's numbers, when it is judged and the actual value. */
export interface PaceInput {
  target: Pick<Target, 'name' | 'unit' | 'comparator' | 'value' | 'year' | 'baseline' | 'baselineYear'>;
  /** Year of the period judged; the line is read at the end of `period` when given, else at the end of this year. */
  year: number;
  period?: Pick<ReportingPeriod, 'end'>;
  actual: number | null | undefined;
}

/** The judgement with its numbers, all optional where they cannot be known. */
export interface PaceResult {
  verdict: PaceVerdict;
  /** 完成率 in percent: the share of the way from baseline to target reached (actual / target without a baseline). */
  completion: number | undefined;
  /** Share of the way the straight line expects by the end of the period, in percent. */
  expectedShare: number | undefined;
  /** The value the straight line expects by the end of the period. */
  expected: number | undefined;
  /** Why, in plain Chinese. */
  reason: string;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A point in time as a fractional year, at the end of the given date (2026-06-30 → 2026.5). */
function yearPoint(year: number, end: string | undefined): number {
  if (!end) return year + 1;
  const [y, m, d] = end.split('-').map(Number);
  if (!y || !m) return year + 1;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return y + (m - 1 + Math.min(1, (d ?? days) / days)) / 12;
}

function verdictOnLine(completion: number, expectedShare: number): PaceVerdict {
  if (completion >= expectedShare + PACE_TOLERANCE) return 'ahead';
  if (completion >= expectedShare - PACE_TOLERANCE) return 'on_track';
  return 'behind';
}

/** Judge an indicator: 已达标 / 超序时 / 序时 / 滞后, or 无法判断 with what is missing. */
export function judgePace({ target, year, period, actual }: PaceInput): PaceResult {
  const { name, unit, value, year: targetYear } = target;
  const rule = PACE_RULES[target.comparator] ?? PACE_RULES.达到;
  const none = { completion: undefined, expectedShare: undefined, expected: undefined };
  if (actual === undefined || actual === null || !Number.isFinite(actual)) return { verdict: 'unknown', ...none, reason: `${name}尚未填报实际值。` };
  const a = `${name}实际${fmt(actual)}${unit}`;

  if (rule.measure === 'rate') {
    const completion = value === 0 ? undefined : (actual / value) * 100;
    const what = target.comparator === '下降' ? '降幅' : '增幅';
    if (actual >= value) return { verdict: 'met', completion, expectedShare: undefined, expected: value, reason: `${name}${what}${fmt(actual)}${unit}，已达到目标${fmt(value)}${unit}。` };
    const close = completion !== undefined && completion >= 100 - PACE_TOLERANCE;
    return {
      verdict: close ? 'on_track' : 'behind',
      completion,
      expectedShare: 100,
      expected: value,
      reason: `${name}${what}${fmt(actual)}${unit}，目标${fmt(value)}${unit}（按年度目标判断，差${PACE_TOLERANCE}%以内算序时）。`,
    };
  }

  // A level or an increment: the target, the baseline and the way between them.
  const increment = rule.measure === 'increment';
  const baseline = increment ? 0 : target.baseline;
  const baselineYear = target.baselineYear;
  // 控制在 is a cap; a level whose baseline lies above its target (能耗 降到 …) falls too.
  const down = rule.direction === 'down' || (rule.measure === 'level' && baseline !== undefined && baseline > value);
  const met = down ? actual <= value : actual >= value;
  const hasLine = baseline !== undefined && baselineYear !== undefined && targetYear !== undefined && targetYear > baselineYear && baseline !== value && (down ? baseline > value : baseline < value);
  const completionOf = (): number | undefined => {
    if (hasLine) return ((actual - baseline!) / (value - baseline!)) * 100;
    if (down) return actual <= value ? 100 : actual === 0 ? undefined : (value / actual) * 100;
    return value === 0 ? undefined : (actual / value) * 100;
  };
  const raw = completionOf();
  // Under a cap is the cap kept: 100 %, never "200 %" of a cap.
  const completion = down && met ? 100 : raw;

  if (met)
    return {
      verdict: 'met',
      completion,
      expectedShare: undefined,
      expected: value,
      reason: down ? `${a}，未超过控制值${fmt(value)}${unit}，已达标。` : `${a}，已达到目标值${fmt(value)}${unit}。`,
    };

  if (targetYear === undefined && !hasLine)
    return down
      ? { verdict: 'behind', ...none, completion, expected: value, reason: `${a}，超过控制值${fmt(value)}${unit}。` }
      : { verdict: 'unknown', ...none, completion, reason: `${name}没有目标年份，无法按序时判断。` };

  const at = yearPoint(year, period?.end);
  if (!hasLine) {
    if (at >= targetYear! + 1)
      return { verdict: 'behind', completion, expectedShare: 100, expected: value, reason: `已到目标年份${targetYear}年，${a}，${down ? '仍超过控制值' : '未达到目标值'}${fmt(value)}${unit}。` };
    if (down) return { verdict: 'behind', ...none, completion, expected: value, reason: `${a}，超过控制值${fmt(value)}${unit}。` };
    return { verdict: 'unknown', ...none, completion, reason: `${name}缺少基期值或基期年份（可在“指标跟踪”中补充），无法画出序时线。` };
  }

  const share = Math.min(1, Math.max(0, (at - (baselineYear! + 1)) / (targetYear! - baselineYear!)));
  const expected = baseline! + (value - baseline!) * share;
  const expectedShare = share * 100;
  return {
    verdict: verdictOnLine(raw!, expectedShare),
    completion,
    expectedShare,
    expected,
    reason:
      `${name}从${baselineYear}年${increment ? '起新增' : `的${fmt(baseline!)}${unit}`}到${targetYear}年的${fmt(value)}${unit}按直线推进，` +
      `到本期末应${increment ? '新增' : '达到'}约${fmt(expected)}${unit}，${a}（相差${PACE_TOLERANCE}个百分点以内算序时）。`,
  };
}
