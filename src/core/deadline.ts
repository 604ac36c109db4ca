/**
 * A deadline (完成时限) as a date — one reading for every way one comes in: a city list's
 * cell, a policy document's 完成时限 column or line, and what the officer types when
 * reviewing a new document or correcting a task. The words are always kept as written;
 * the date is what the ledger sorts, judges 逾期 and prints by.
 */
import { toHalfWidth } from './text';
import { makePeriod, quarterOf } from './period';
import type { IsoDate } from './model';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A year written with two digits where a deadline starts (`26年底`, `到26年6月底前`, `26年Q3`), as offices
 * type them: the year 20xx. Only before what dates a year (底, 末, a half, a quarter, a month), and only
 * 2020–2039, so that a span of years (`10年内`) is never read as a year.
 */
const SHORT_YEAR = /^(到|至|于)?([23]\d)年(?=底|末|上半年|下半年|年中|第?[一二三四1-4]季度|[Qq][1-4]|\d{1,2}月)/u;

/** A deadline as written, its whitespace dropped and a two-digit year (SHORT_YEAR) written in full. */
const compactDeadline = (s: string | undefined) =>
  toHalfWidth(s ?? '')
    .replace(/\s+/g, '')
    .replace(SHORT_YEAR, (_, to: string | undefined, yy: string) => `${to ?? ''}20${yy}年`);

/**
 * The date a deadline names that no calendar has (`2027年13月`, `2025-02-30`), as written;
 * undefined when it names none or a real one. Such a deadline is kept as written, with no date.
 */
export function impossibleDate(s: string | undefined): string | undefined {
  const t = compactDeadline(s);
  const day = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(t);
  if (day) return +day[2]! < 1 || +day[2]! > 12 || +day[3]! < 1 || +day[3]! > lastDay(+day[1]!, +day[2]!) ? day[0] : undefined;
  const month = /(\d{4})[-/.年](\d{1,2})月/.exec(t) ?? /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  return month && (+month[2]! < 1 || +month[2]! > 12) ? month[0] : undefined;
}

/** Where a quarter of a year ends (core/period.ts: the quarter as the reporting periods name it). */
const quarterEnd = (year: number, q: string) => makePeriod('quarter', year, quarterOf(q)!).end;

/** A task going on from a year (`2025年起`, `自2026年6月以来`): it has no due date. */
const FROM_A_YEAR_ON = /(?<!\d)\d{4}年?(\d{1,2}月)?(起|以来|开始)/u;

/**
 * Words that name no date on purpose: a standing or recurring task (`长期坚持`, `持续推进`,
 * `常态化`, `每年`, `每季度`, `逐年`, `定期`). A task going on from a year (`2025年起`) has none either.
 */
export const NO_DUE_DATE = /长期|持续|常态|每年|每半年|每季|每月|逐年|定期|适时|按年度|年度内/u;

/** Whether a deadline as written names no due date on purpose: a standing, recurring or open-ended task. */
export function isStandingDeadline(text: string | undefined): boolean {
  const t = toHalfWidth(text ?? '').replace(/\s+/g, '');
  return !!t && !deadlineDate(t) && (NO_DUE_DATE.test(t) || FROM_A_YEAR_ON.test(t));
}

/**
 * A deadline written without its year (`年底前`, `全年`, `上半年`, `三季度`, `6月底前`), as in a one-year
 * plan: the date in `year`. Undefined when the text names a year or is none of these.
 */
function yearlessDate(t: string, year: number): IsoDate | undefined {
  if (/\d{4}/u.test(t)) return undefined;
  if (/^(?:本|当|今)?年(?:底|末|内)前?(?:完成)?$|^全年(?:完成)?$|^年度(?:内|末)?$/u.test(t)) return `${year}-12-31`;
  let m = /^(?:(上半年|年中)|(下半年)|第?([一二三四1-4])季度(?:末|底)?)前?(?:完成)?$/u.exec(t);
  if (m) return m[1] ? `${year}-06-30` : m[2] ? `${year}-12-31` : quarterEnd(year, m[3]!);
  m = /^(\d{1,2})月(?:底|末|份)?前?(?:完成)?$/u.exec(t);
  if (m && +m[1]! >= 1 && +m[1]! <= 12) return `${year}-${pad(+m[1]!)}-${pad(lastDay(year, +m[1]!))}`;
  // 6月30日前: a day of that year (a day no calendar has is none).
  m = /^(\d{1,2})月(\d{1,2})日(?:前|以前|之前)?(?:完成)?$/u.exec(t);
  if (m && +m[1]! >= 1 && +m[1]! <= 12 && +m[2]! >= 1 && +m[2]! <= lastDay(year, +m[1]!)) return `${year}-${pad(+m[1]!)}-${pad(+m[2]!)}`;
  return undefined;
}

/**
 * A deadline as a date: `2025-06-30`, `2025/6/30`, `2025.6.30`, `2025年6月30日`, `2025年6月底`
 * (end of month), `2025年底前` / `2025年` / `到2025年` (end of year), `2025年上半年` / `年中`
 * (06-30), `2025年下半年` (12-31), `2025年三季度` / `Q3` (09-30), `2025—2027年` and
 * `2025.6-2026.6` and `2026年6月—12月` (the range's end), stages (`2026年6月底前完成方案，12月底前全面完成`: the
 * last stage's), with a two-digit year at the start (`26年底`, `26年6月底前`). Undefined when no date can be read (`长期坚持`,
 * `持续推进`, `2025年起持续推进`: a task going on from a year has no due date) or when the date
 * is one no calendar has.
 */
export function deadlineDate(s: string | undefined, year?: number): IsoDate | undefined {
  const t = compactDeadline(s);
  if (!t || impossibleDate(t)) return undefined;
  if (year !== undefined) {
    const d = yearlessDate(t, year);
    if (d) return d;
  }
  if (FROM_A_YEAR_ON.test(t)) return undefined;
  // Stages (2026年6月底前完成方案，12月底前全面完成): the task is due when its last stage is.
  const stages = t.split(/[，,；;]/u).filter(Boolean);
  if (stages.length >= 2) {
    let y = year === undefined ? undefined : String(year);
    let last: IsoDate | undefined;
    for (const stage of stages) {
      const own = /(?<!\d)(\d{4})(?!\d)/u.exec(stage)?.[1];
      // A later stage written without its year (12月底前, 年底前) is in the year of the one before.
      const dated = !own && y && YEARLESS_STAGE.test(stage) ? `${y}年${stage.replace(/^(?:到|至|于)/u, '').replace(/^年/u, '')}` : stage;
      y = own ?? y;
      last = oneDate(dated) ?? last;
    }
    if (last) return last;
  }
  return oneDate(t);
}

/** A stage of a deadline that starts with a month or the year's end but names no year: 12月底前全面完成, 年底前. */
const YEARLESS_STAGE = /^(?:到|至|于)?(?:\d{1,2}月|年?底|年末|上半年|下半年|第?[一二三四1-4]季度)/u;

/** The date of one deadline (or one stage of it), as deadlineDate reads it. */
function oneDate(text: string): IsoDate | undefined {
  let t = text;
  if (FROM_A_YEAR_ON.test(t)) return undefined;
  const range = /(?<!\d)\d{4}(?:年|[-/.]\d{1,2}(?!\d))?(?:\d{1,2}月)?[-—–~～至到](\d{4}(?!\d).*)$/u.exec(t);
  if (range) t = range[1]!;
  // A span of months in one year (2026年6月—12月, 2026年3-6月): its last month.
  const months = /(?<!\d)(\d{4})年(\d{1,2})月?[-—–~～至到](\d{1,2})月(.*)$/u.exec(t);
  if (months) t = `${months[1]}年${months[3]}月${months[4]}`;
  let m = /(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(t);
  if (m) return `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`;
  m = /(?<!\d)(\d{4})年?(?:(上半年|年中)|(下半年)|第?([一二三四1-4])季度|Q([1-4]))/iu.exec(t);
  if (m) return m[2] ? `${m[1]}-06-30` : m[3] ? `${m[1]}-12-31` : quarterEnd(+m[1]!, m[4] ?? m[5]!);
  m = /(?<!\d)(\d{4})[-/.年](\d{1,2})(?!\d)月?/.exec(t);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return `${m[1]}-${pad(+m[2]!)}-${pad(lastDay(+m[1]!, +m[2]!))}`;
  m = /(?<!\d)(\d{4})(?!\d)年?/.exec(t);
  if (m) return `${m[1]}-12-31`;
  return undefined;
}

/**
 * A deadline the officer typed (reviewing a new document, correcting a task): the date of
 * {@link deadlineDate} and the words as typed, or a Chinese message saying how to write it.
 * Words that name no date on purpose (`长期坚持`, `持续推进`, `2025年起`) are accepted without one;
 * `year` (a one-year plan's) dates `年底前`, `全年`, `三季度`; without it they are kept as written.
 */
export function readDeadline(text: string, year?: number): { deadline?: IsoDate; deadlineText?: string; error?: string } {
  const t = text.trim();
  if (!t) return {};
  const impossible = impossibleDate(t);
  if (impossible) {
    return /^\d{4}[-/.年]\d{1,2}月?$/u.test(toHalfWidth(impossible))
      ? { deadlineText: t, error: `“${t}”的月份不对，请写成“2026年6月底前”。` }
      : { deadlineText: t, error: `“${t}”不是有效日期，请写成 2026-06-30 或“2026年6月底前”。` };
  }
  const deadline = deadlineDate(t, year);
  if (deadline) return { deadline, deadlineText: t };
  const plain = toHalfWidth(t).replace(/\s+/g, '');
  if (NO_DUE_DATE.test(plain) || FROM_A_YEAR_ON.test(plain) || yearlessDate(plain, 2000)) return { deadlineText: t };
  return { deadlineText: t, error: `看不懂完成时限“${t}”：请写成“2027年底前”“2026年6月”或 2026-06-30；长期任务写“长期坚持”。` };
}

/** The year of a one-year plan (工作要点, 年度任务分解): its `年底前` and `三季度` are dates of that year. */
export function planYearOf(doc: { planStartYear?: number | undefined; planEndYear?: number | undefined } | undefined): number | undefined {
  return doc?.planStartYear !== undefined && doc.planStartYear === doc.planEndYear ? doc.planEndYear : undefined;
}
