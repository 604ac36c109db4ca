/**
 * 导出 and 报送 are two acts. Exporting (预览/导出) writes a file and changes nothing. 报送
 * writes the chosen set of reports, then records ONE submission for the set (each file's
 * SHA-256) and so locks the period; nothing is recorded when the officer cancels any save.
 * Plain functions, tested without React; ReportsPage renders their state.
 */
import type { ReportingPeriod, Submission } from '@core/model';
import { buildClusterSnapshots, buildTaskRows, findMissingItems, missingCounts, reportFileName, type ReportKind } from '@core/report';
import { type LedgerDb, recordSubmissionSet, readLockState } from '../../storage';
import { loadReportSource } from './report-source';

/** The reports a 报送 sends by default: the three tables the city collects. */
export const DEFAULT_SUBMISSION_KINDS: readonly ReportKind[] = ['tasks', 'indicators', 'clusters'];

/** What a 报送 will send, shown before the officer confirms. */
export interface SubmissionPreview {
  tasks: number;
  /** Tasks with something written for the period, or done earlier (the 工作台's count). */
  filled: number;
  /** Tasks with nothing written (未填报). */
  empty: number;
  /** Tasks written in part: a status without 进展情况, or the reverse. */
  partial: number;
  files: { kind: ReportKind; fileName: string }[];
  /** Whether the period is already 已报送 (then 报送 again is refused until unlocked). */
  locked: boolean;
}

/** Count filled and empty tasks and name the files of a 报送 of `kinds`. */
export async function previewSubmission(db: LedgerDb, district: string, period: ReportingPeriod, kinds: readonly ReportKind[]): Promise<SubmissionPreview> {
  const [src, lock] = await Promise.all([loadReportSource(db, district, period), readLockState(db, district, period.id)]);
  const rows = buildTaskRows(src);
  // The 导出前检查's reading (core/report findMissingItems): the same counts on both.
  const { empty, partial } = missingCounts(findMissingItems(rows));
  return { tasks: rows.length, filled: rows.length - empty, empty, partial, files: kinds.map((kind) => ({ kind, fileName: reportFileName(district, period, kind) })), locked: lock.locked };
}

/** A produced file, as the caller saves it. */
export interface FileToSave {
  kind: ReportKind;
  fileName: string;
  bytes: Uint8Array;
}

/** How the caller saves one file: the name it was saved under, or canceled. */
export type SaveOne = (file: FileToSave) => Promise<{ status: 'saved'; name: string } | { status: 'canceled' }>;

/** The outcome of a 报送. */
export type SubmitOutcome = { status: 'submitted'; submission: Submission } | { status: 'canceled'; savedBefore: string[] } | { status: 'locked' };

/**
 * 报送: produce each report of `kinds`, save each with `save`, then record one submission
 * for the set and lock the period. A canceled save stops it before anything is recorded.
 */
export async function submitReports(
  db: LedgerDb,
  opts: {
    district: string;
    period: ReportingPeriod;
    kinds: readonly ReportKind[];
    save: SaveOne;
    today?: Date;
    /** Changes a produced file before it is saved (the 汇总 charts). */
    decorate?: (kind: ReportKind, bytes: Uint8Array) => Promise<Uint8Array>;
  },
): Promise<SubmitOutcome> {
  const { district, period, kinds, save } = opts;
  if ((await readLockState(db, district, period.id)).locked) return { status: 'locked' };
  const { produceReport } = await import('./report-produce');
  const preview = await previewSubmission(db, district, period, kinds);
  const files: { report: string; fileName: string; bytes: Uint8Array }[] = [];
  let rows: unknown[] = [];
  for (const kind of kinds) {
    const report = await produceReport(db, district, period, kind, opts.today);
    const bytes = opts.decorate ? await opts.decorate(kind, report.bytes) : report.bytes;
    const saved = await save({ kind, fileName: report.fileName, bytes });
    if (saved.status === 'canceled') return { status: 'canceled', savedBefore: files.map((f) => f.fileName) };
    files.push({ report: kind, fileName: saved.name, bytes });
    if (kind === 'tasks' || (kind === 'all' && rows.length === 0)) rows = report.data.rows.task;
  }
  // The clusters as the sealed 产业集群推进情况表 printed them, beside the task rows, for 本期与上期对比.
  if (kinds.includes('clusters') || kinds.includes('all')) rows = [...rows, ...buildClusterSnapshots(await loadReportSource(db, district, period))];
  const submission = await recordSubmissionSet(db, {
    district,
    periodId: period.id,
    files,
    rows,
    counts: { tasks: preview.tasks, filled: preview.filled, empty: preview.empty },
  });
  return { status: 'submitted', submission };
}
