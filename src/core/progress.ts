/**
 * Progress entries // 进展填报: the rules every reader of an entry shares — whether it counts as
 * filled in, whether it holds anything at all, and what a valid 完成进度 is. The ledger, the
 * 工作台, the reports, 报送, the form and storage (core/records/schemas.ts) all call these.
 */
import type { IsoDate, ProgressEntry, ReportingPeriod, TaskStatus } from './model';
import { parsePeriodId } from './period';
import { readTypedNumber } from './numbers';
import type { ProgressSummary } from './dashboard/progress-summary';
import { STATUS_LABELS, TASK_STATUSES } from './model';

/**
 * Whether an entry counts as filled in for its period // 本期已填报: a status chosen, a 完成进度
 * given, or 进展情况 written. 存在问题 or 下步计划 alone do not report progress; an officer who
 * gave only 完成进度 has reported, so a report lists the task and 报送 counts it as filled.
 */
export function isFilled(e: Pick<ProgressEntry, 'status' | 'percent' | 'progress'> | undefined): boolean {
  return !!e && (!!e.status || e.percent !== undefined || (typeof e.progress === 'string' && e.progress.trim() !== ''));
}

/** Whether an entry, or its compact summary (core/dashboard/progress-summary.ts: `filled` kept), counts as filled in. */
export function filledOf(e: Pick<ProgressEntry, 'status' | 'percent' | 'progress'> | { filled: 0 | 1 }): boolean {
  return 'filled' in e ? e.filled === 1 : isFilled(e);
}

/**
 * Whether an entry holds anything the officer typed or chose (any text, a status, a percent or an
 * indicator value): such an entry is kept, offered for 沿用上期 and not treated as blank.
 */
export function hasContent(e: ProgressEntry | undefined): boolean {
  if (!e) return false;
  return Boolean(
    isFilled(e) ||
      e.problems.trim() ||
      e.nextSteps.trim() ||
      Object.values(e.indicatorValues).some((v) => v !== null && v !== undefined),
  );
}

/** Whether a 完成进度 is acceptable: a whole number from 0 to 100 (the form, 回收 and storage all check it). */
export function isValidPercent(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= 100;
}

/**
 * A 完成进度 as written in a form or a returned cell (`60`, `60%`, `６０％`): undefined when
 * blank, NaN when it is not a whole number from 0 to 100 (`12.5`, `120`, `过半`).
 */
export function readPercent(text: string): number | undefined {
  const n = readTypedNumber(text);
  if (n.kind === 'empty') return undefined;
  return n.kind === 'number' && isValidPercent(n.value) ? n.value : Number.NaN;
}

/**
 * A task's state in a period as every count shows it — the 工作台's charts, the 汇总 sheet and its
 * chart, a cluster's 备注: its status; 未选状态 when it is filled in (isFilled) without a status;
 * 未填报 when it is not filled in.
 */
export type PeriodStatus = TaskStatus | 'no_status' | 'unfilled';

/** The order of the period statuses in tables, charts and legends. */
export const PERIOD_STATUSES: readonly PeriodStatus[] = [...TASK_STATUSES, 'no_status', 'unfilled'];

/** Chinese labels of the period statuses. Printed in reports: do not rename. */
export const PERIOD_STATUS_LABELS: Readonly<Record<PeriodStatus, string>> = { ...STATUS_LABELS, no_status: '未选状态', unfilled: '未填报' };

/** The period status of a task whose entry for the period is `e` (undefined when it has none). */
export function periodStatus(e: Pick<ProgressEntry, 'status' | 'percent' | 'progress'> | undefined): PeriodStatus {
  return e?.status ?? (isFilled(e) ? 'no_status' : 'unfilled');
}

/**
 * Tasks done in an earlier period and not filled in since // 前期已完成: a task whose latest entry
 * before `period` that holds a status or a fill (isFilled) says 已完成, and whose entry for `period`
 * is not filled in. Done carries forward and nothing else does — the rule the 工作台 counts by
 * (core/dashboard) and the reports print by. Gives each such task the id of the period it was
 * done in. `entries` may hold any periods and districts; only the district's earlier ones count.
 */
export function doneEarlier(entries: readonly (ProgressEntry | ProgressSummary)[], district: string, period: Pick<ReportingPeriod, 'id' | 'start'>): Map<string, string> {
  const latest = new Map<string, { start: string; at: string; entry: ProgressEntry | ProgressSummary }>();
  const filledNow = new Set<string>();
  for (const e of entries) {
    if (e.district !== district) continue;
    if (e.periodId === period.id) {
      if (filledOf(e)) filledNow.add(e.taskKey);
      continue;
    }
    if (!filledOf(e)) continue;
    const start = parsePeriodId(e.periodId)?.start;
    if (!start || start >= period.start) continue;
    const cur = latest.get(e.taskKey);
    if (!cur || start > cur.start || (start === cur.start && e.updatedAt > cur.at)) latest.set(e.taskKey, { start, at: e.updatedAt, entry: e });
  }
  const out = new Map<string, string>();
  for (const [key, { entry }] of latest) if (entry.status === 'done' && !filledNow.has(key)) out.set(key, entry.periodId);
  return out;
}

/** What decides whether a task is done for 逾期: its status and 完成进度 in the period, done earlier, 销号. */
export interface DoneState {
  status?: TaskStatus;
  percent?: number;
  /** Done in an earlier period and not filled in since (doneEarlier). */
  doneEarlier?: boolean;
  /** Closed (销号) by the end of the period. */
  closed?: boolean;
}

/** The day 逾期 is judged on: today, or the period's end when the period is already over. */
export function overdueAsOf(today: IsoDate, periodEnd: IsoDate): IsoDate {
  return today < periodEnd ? today : periodEnd;
}

/**
 * 逾期 // 已超时限: the deadline is before `asOf` (overdueAsOf) and the task is not done — not
 * 已完成 in the period or earlier, not at 100 %, not closed — and not 长期坚持. One rule for the
 * ledger's red deadline and its filter, the 工作台's card and list.
 */
export function isOverdue(deadline: IsoDate | undefined, s: DoneState, asOf: IsoDate): boolean {
  if (!deadline || deadline >= asOf) return false;
  return !(s.closed || s.doneEarlier || s.status === 'done' || s.status === 'ongoing' || (s.percent ?? 0) >= 100);
}

/**
 * The entries of periods that ended before `period` starts, with content (hasContent), latest
 * first — by the calendar, so a 2025-Q3 entry is before 2025-10 whatever the ids. The first is
 * what 沿用上期 copies; all are the form's 历次填报.
 */
export function earlierEntries<E extends ProgressEntry>(history: readonly E[], period: Pick<ReportingPeriod, 'start'>): E[] {
  const ends = new Map<E, string>();
  for (const e of history) {
    const end = parsePeriodId(e.periodId)?.end;
    if (end && end < period.start && hasContent(e)) ends.set(e, end);
  }
  return [...ends.keys()].sort((a, b) => (ends.get(a)! < ends.get(b)! ? 1 : ends.get(a)! > ends.get(b)! ? -1 : 0));
}

/**
 * The 完成进度 a status fixes // 状态与完成进度: 已完成 is 100 %; the other statuses fix none. Where a
 * status comes without a 完成进度 (a returned form, an import), this is the percent that goes with it.
 */
export function percentOfStatus(status: TaskStatus | undefined): number | undefined {
  return status === 'done' ? 100 : undefined;
}

/**
 * Whether a status and a 完成进度 contradict each other: 已完成 below 100 %, 未启动 above 0 %, or
 * 100 % with a status saying the work goes on (序时推进, 超序时推进, 滞后, 未启动). 长期坚持 fits any percent.
 * Such a pair is never written without the officer being told.
 */
export function statusPercentClash(status: TaskStatus | undefined, percent: number | undefined): boolean {
  if (!status || percent === undefined) return false;
  if (status === 'done') return percent !== 100;
  if (status === 'ongoing') return false;
  return percent >= 100 || (status === 'not_started' && percent > 0);
}
