/**
 * The compact form of progress that the 工作台 needs: status, percent, whether anything was
 * filled and the indicator values — without the long texts. Storage keeps one row per district
 * and period holding a cell per task, so the dashboard reads a few rows, not one per entry.
 */
import type { IsoDate, IsoDateTime, ProgressEntry, TaskStatus } from '../model';
import { parsePeriodId } from '../period';
import { isFilled } from '../progress';
import { periodSummaryId } from '../ids';

/** One progress entry without its texts. */
export interface ProgressSummary {
  district: string;
  taskKey: string;
  periodId: string;
  status?: TaskStatus;
  percent?: number;
  /** 1 when a status, a percent or 进展情况 text was given. */
  filled: 0 | 1;
  /** The finite indicator values of the entry. */
  indicatorValues: Record<string, number>;
  updatedAt: IsoDateTime;
}

/** A task's cell in a period row. */
export interface SummaryCell {
  status?: TaskStatus;
  percent?: number;
  filled: 0 | 1;
  /** Only when the entry has a finite indicator value. */
  values?: Record<string, number>;
  updatedAt: IsoDateTime;
}

/** The summaries of one district's period: one cell per task with an entry. */
export interface PeriodSummaryRow {
  /** `${district}|${periodId}` */
  id: string;
  district: string;
  periodId: string;
  /** Start of the period (`YYYY-MM-DD`), '' when the period id cannot be read. */
  start: IsoDate | '';
  cells: Record<string, SummaryCell>;
}

/** The id of a district's period row (core/ids.ts). */
export { periodSummaryId };

/** The cell of a progress entry. */
export function summaryCellOf(e: ProgressEntry): SummaryCell {
  const cell: SummaryCell = { filled: isFilled(e) ? 1 : 0, updatedAt: e.updatedAt };
  if (e.status !== undefined) cell.status = e.status;
  if (e.percent !== undefined) cell.percent = e.percent;
  for (const id in e.indicatorValues ?? {}) {
    const v = e.indicatorValues[id];
    if (typeof v === 'number' && Number.isFinite(v)) (cell.values ??= {})[id] = v;
  }
  return cell;
}

/** An empty period row. */
export function emptyPeriodRow(district: string, periodId: string): PeriodSummaryRow {
  return { id: periodSummaryId(district, periodId), district, periodId, start: parsePeriodId(periodId)?.start ?? '', cells: {} };
}

/** The summary of a progress entry (as the rows hold it). */
export function summarizeProgress(e: ProgressEntry): ProgressSummary {
  return summaryOfCell(e.district, e.periodId, e.taskKey, summaryCellOf(e));
}

/** A cell as a summary. */
export function summaryOfCell(district: string, periodId: string, taskKey: string, c: SummaryCell): ProgressSummary {
  const s: ProgressSummary = { district, taskKey, periodId, filled: c.filled, indicatorValues: c.values ?? {}, updatedAt: c.updatedAt };
  if (c.status !== undefined) s.status = c.status;
  if (c.percent !== undefined) s.percent = c.percent;
  return s;
}

/** Period rows of a set of progress entries (for building the table from scratch). */
export function periodRowsOf(entries: readonly ProgressEntry[]): PeriodSummaryRow[] {
  const rows = new Map<string, PeriodSummaryRow>();
  for (const e of entries) {
    const id = periodSummaryId(e.district, e.periodId);
    let row = rows.get(id);
    if (!row) rows.set(id, (row = emptyPeriodRow(e.district, e.periodId)));
    row.cells[e.taskKey] = summaryCellOf(e);
  }
  return [...rows.values()];
}
