/**
 * Reporting periods // 报告期: naming, boundaries and navigation, the way the city names
 * them (2025年11月, 2025年第三季度, 2025年上半年, 2025年).
 */
import type { IsoDate, PeriodKind, ReportingPeriod } from './model';

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;
const HALF_NAMES = ['上', '下'] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthsOf(kind: PeriodKind, index: number): [number, number] {
  switch (kind) {
    case 'month':
      return [index, index];
    case 'quarter':
      return [index * 3 - 2, index * 3];
    case 'half':
      return [index * 6 - 5, index * 6];
    case 'year':
      return [1, 12];
  }
}

/** How many periods of a kind a year has. */
export function periodsPerYear(kind: PeriodKind): number {
  return { month: 12, quarter: 4, half: 2, year: 1 }[kind];
}

/** The period of `kind` with this year and index (month 1–12, quarter 1–4, half 1–2, year 1). */
export function makePeriod(kind: PeriodKind, year: number, index: number): ReportingPeriod {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new RangeError(`年份不正确：${year}`);
  if (!Number.isInteger(index) || index < 1 || index > periodsPerYear(kind)) throw new RangeError(`期次不正确：${index}`);
  const [m1, m2] = monthsOf(kind, index);
  const id =
    kind === 'month' ? `${year}-${pad(index)}` : kind === 'quarter' ? `${year}-Q${index}` : kind === 'half' ? `${year}-H${index}` : `${year}`;
  const name =
    kind === 'month'
      ? `${year}年${index}月`
      : kind === 'quarter'
        ? `${year}年第${QUARTER_NAMES[index - 1]}季度`
        : kind === 'half'
          ? `${year}年${HALF_NAMES[index - 1]}半年`
          : `${year}年`;
  return { id, kind, year, index, name, start: `${year}-${pad(m1)}-01`, end: `${year}-${pad(m2)}-${pad(lastDayOfMonth(year, m2))}` };
}

/** The period of `kind` that contains the date (`YYYY-MM-DD` or a Date, read in local calendar terms). */
export function periodContaining(kind: PeriodKind, date: IsoDate | Date): ReportingPeriod {
  const [y, m] = typeof date === 'string' ? date.split('-').map(Number) : [date.getFullYear(), date.getMonth() + 1];
  if (!y || !m) throw new RangeError(`日期不正确：${String(date)}`);
  const index = kind === 'month' ? m : kind === 'quarter' ? Math.ceil(m / 3) : kind === 'half' ? Math.ceil(m / 6) : 1;
  return makePeriod(kind, y, index);
}

/** The period of the calendar at `date`: the one containing the date. */
export function currentPeriod(kind: PeriodKind, date: IsoDate | Date): ReportingPeriod {
  return periodContaining(kind, date);
}

/**
 * Days after a period's end in which it is still the one being reported, until it is sent
 * (报送): the city collects a quarter's tables in the first weeks of the next one.
 */
export const REPORTING_GRACE_DAYS: Readonly<Record<PeriodKind, number>> = { month: 10, quarter: 20, half: 20, year: 31 };

/**
 * The period an officer is reporting on at `date` // 本期: the calendar's, except in the first
 * days after a period ends (REPORTING_GRACE_DAYS) while that period is not yet sent — then the
 * period just ended, whose tables are being filled and sealed. `sent` holds the ids of the
 * periods the office has sent (any 报送 record); without it, the calendar's.
 */
export function reportingPeriod(kind: PeriodKind, date: IsoDate | Date, sent?: ReadonlySet<string>): ReportingPeriod {
  const cur = periodContaining(kind, date);
  if (!sent) return cur;
  const prev = previousPeriod(cur);
  const day = typeof date === 'string' ? date : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const since = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${prev.end}T00:00:00Z`)) / 86_400_000;
  return since <= REPORTING_GRACE_DAYS[kind] && !sent.has(prev.id) ? prev : cur;
}

/** A quarter's number as written (一…四 or 1…4); undefined for anything else. */
export function quarterOf(c: string): number | undefined {
  return ({ 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 } as Record<string, number>)[c];
}

/** Parse a period id (`2025-11`, `2025-Q3`, `2025-H1`, `2025`); undefined when malformed. */
export function parsePeriodId(id: string): ReportingPeriod | undefined {
  let m: RegExpMatchArray | null;
  try {
    if ((m = /^(\d{4})-(\d{2})$/.exec(id))) return makePeriod('month', Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) return makePeriod('quarter', Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})-H([12])$/.exec(id))) return makePeriod('half', Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})$/.exec(id))) return makePeriod('year', Number(m[1]), 1);
  } catch {
    return undefined;
  }
  return undefined;
}

/** Parse a period as the city writes it (2025年第三季度, 2025年11月, 2025年上半年, 2025年). */
export function parsePeriodName(name: string): ReportingPeriod | undefined {
  const s = name.replace(/\s+/g, '');
  let m: RegExpMatchArray | null;
  try {
    if ((m = /^(\d{4})年第?([一二三四1-4])季度$/.exec(s))) return makePeriod('quarter', Number(m[1]), quarterOf(m[2]!)!);
    if ((m = /^(\d{4})年(\d{1,2})月(份)?$/.exec(s))) return makePeriod('month', Number(m[1]), Number(m[2]));
    if ((m = /^(\d{4})年([上下])半年$/.exec(s))) return makePeriod('half', Number(m[1]), m[2] === '上' ? 1 : 2);
    if ((m = /^(\d{4})年(度)?$/.exec(s))) return makePeriod('year', Number(m[1]), 1);
  } catch {
    return undefined;
  }
  return undefined;
}

/** The period `steps` periods after `p` (negative goes back). */
export function shiftPeriod(p: ReportingPeriod, steps: number): ReportingPeriod {
  const per = periodsPerYear(p.kind);
  const flat = p.year * per + (p.index - 1) + steps;
  return makePeriod(p.kind, Math.floor(flat / per), (flat % per) + 1);
}

/** The period just before `p`. */
export function previousPeriod(p: ReportingPeriod): ReportingPeriod {
  return shiftPeriod(p, -1);
}

/** Periods from `from` to `to` inclusive, same kind, oldest first. */
export function periodRange(from: ReportingPeriod, to: ReportingPeriod): ReportingPeriod[] {
  if (from.kind !== to.kind) throw new RangeError('报告期类型不一致');
  const out: ReportingPeriod[] = [];
  for (let p = from; p.start <= to.start; p = shiftPeriod(p, 1)) out.push(p);
  return out;
}

/** Sort key that orders period ids of the same kind chronologically. */
export function comparePeriodIds(a: string, b: string): number {
  const pa = parsePeriodId(a);
  const pb = parsePeriodId(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return pa.start < pb.start ? -1 : pa.start > pb.start ? 1 : pa.end < pb.end ? -1 : pa.end > pb.end ? 1 : 0;
}
