/**
 * The 序时 judgement // 序时进度判断: a suggested status for a task in a period, with the
 * reason in plain Chinese. The officer decides; this only suggests and explains.
 */
import { isStandingDeadline } from './deadline';
import type { IsoDate, ReportingPeriod, Target, TaskStatus } from './model';
import { STATUS_LABELS } from './model';
import { ON_TRACK_TOLERANCE, judgePace, type PaceVerdict } from './indicators/pace';

export { ON_TRACK_TOLERANCE };

/** What the suggestion is based on. */
export interface StatusInput {
  /** The period being reported. */
  period: ReportingPeriod;
  /** Task deadline // 完成时限 as a date, and as written. */
  deadline?: IsoDate;
  deadlineText?: string;
  /** When the work started (plan start or issue date); defaults to 1 January of the deadline's year. */
  start?: IsoDate;
  /** Percent complete // 完成进度 as filled in, 0–100. */
  percent?: number;
  /** A target with a baseline, and the actual value this period: judged on the straight line. */
  target?: Pick<Target, 'name' | 'unit' | 'value' | 'year' | 'baseline' | 'baselineYear'> & Partial<Pick<Target, 'comparator'>>;
  actual?: number | null;
}

/** Why a status is suggested (or none), as data; {@link statusReasonText} words it. */
export type StatusWhy =
  | { kind: 'complete' }
  | { kind: 'indicator'; paceReason: string }
  | { kind: 'ongoing'; deadlineText: string }
  | { kind: 'noDeadlineNoPercent' }
  | { kind: 'overdue'; deadline: IsoDate; percent: number }
  | { kind: 'notYetStarted'; start: IsoDate }
  | { kind: 'noPercent' }
  | { kind: 'zeroPercent' }
  | { kind: 'noDeadline'; percent: number }
  | { kind: 'onLine'; start: IsoDate; deadline: IsoDate; periodEnd: IsoDate; expected: number; percent: number };

/** A suggested status and why; `status` is undefined when there is nothing to judge on. */
export interface StatusSuggestion {
  status: TaskStatus | undefined;
  why: StatusWhy;
  /** The reason in words ({@link statusReasonText}). */
  reason: string;
}



function days(a: IsoDate, b: IsoDate): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

function fmtDate(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** Share of the time from start to deadline that has passed by the end of the period, 0–1. */
export function elapsedShare(start: IsoDate, deadline: IsoDate, at: IsoDate): number {
  const total = days(start, deadline) + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (days(start, at) + 1) / total));
}

function judge(actualShare: number, expectedShare: number, tolerance: number): TaskStatus {
  if (actualShare >= expectedShare + tolerance) return 'ahead';
  if (actualShare >= expectedShare - tolerance) return 'on_track';
  return 'behind';
}

/** The task status an indicator's verdict suggests (none when it cannot be judged). */
const PACE_STATUS: Readonly<Record<PaceVerdict, TaskStatus | undefined>> = { met: 'done', ahead: 'ahead', on_track: 'on_track', behind: 'behind', unknown: undefined };

/** The one wording of a suggestion's reason (建议“…”：… when a status is suggested). */
export function statusReasonText(status: TaskStatus | undefined, why: StatusWhy): string {
  const text = ((): string => {
    switch (why.kind) {
      case 'complete':
        return '完成进度已达100%。';
      case 'indicator':
        return why.paceReason;
      case 'ongoing':
        return `完成时限为“${why.deadlineText}”，属长期坚持类任务。`;
      case 'noDeadlineNoPercent':
        return '该任务没有明确的完成时限，请填写完成进度或按实际情况选择状态。';
      case 'overdue':
        return `完成时限${fmtDate(why.deadline)}已过，完成进度${why.percent}%，尚未完成。`;
      case 'notYetStarted':
        return `任务从${fmtDate(why.start)}开始，本报告期尚未到开始时间。`;
      case 'noPercent':
        return '请先填写完成进度，再给出序时判断。';
      case 'zeroPercent':
        return '完成进度为0%，工作尚未启动。';
      case 'noDeadline':
        return `完成进度${why.percent}%，任务没有明确的完成时限，按序时推进看待。`;
      case 'onLine':
        return (
          `从${fmtDate(why.start)}到完成时限${fmtDate(why.deadline)}，到${fmtDate(why.periodEnd)}时间已过${why.expected}%，完成进度${why.percent}%` +
          `（相差${ON_TRACK_TOLERANCE}个百分点以内算序时）。`
        );
    }
  })();
  return status ? `建议“${STATUS_LABELS[status]}”：${text}` : text;
}

/** Suggest a status for the period, with the reason (as data and in words). */
export function suggestStatus(input: StatusInput): StatusSuggestion {
  const { period, deadline, deadlineText, percent, target, actual } = input;
  const say = (status: TaskStatus | undefined, why: StatusWhy): StatusSuggestion => ({ status, why, reason: statusReasonText(status, why) });

  if (percent !== undefined && percent >= 100) return say('done', { kind: 'complete' });

  // The target judged by the indicators' one rule (judgePace), when it can be judged.
  if (target && actual !== undefined && actual !== null) {
    const pace = judgePace({ target: { comparator: '达到', ...target }, year: period.year, period, actual });
    const status = PACE_STATUS[pace.verdict];
    if (status) return say(status, { kind: 'indicator', paceReason: pace.reason });
  }

  if (!deadline || isStandingDeadline(deadlineText)) {
    if (deadlineText && isStandingDeadline(deadlineText)) return say('ongoing', { kind: 'ongoing', deadlineText });
    if (percent === undefined) return say(undefined, { kind: 'noDeadlineNoPercent' });
  }

  const start = input.start ?? (deadline ? `${deadline.slice(0, 4)}-01-01` : period.start);
  if (deadline && period.end > deadline && (percent ?? 0) < 100) return say('behind', { kind: 'overdue', deadline, percent: percent ?? 0 });
  if (deadline && period.end < start) return say('not_started', { kind: 'notYetStarted', start });
  if (percent === undefined) return say(undefined, { kind: 'noPercent' });
  if (percent <= 0) return say(deadline && elapsedShare(start, deadline, period.end) > 0.25 ? 'behind' : 'not_started', { kind: 'zeroPercent' });
  if (!deadline) return say('on_track', { kind: 'noDeadline', percent });

  const expected = Math.round(elapsedShare(start, deadline, period.end) * 100);
  return say(judge(percent, expected, ON_TRACK_TOLERANCE), { kind: 'onLine', start, deadline, periodEnd: period.end, expected, percent });
}
