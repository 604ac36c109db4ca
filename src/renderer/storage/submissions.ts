/**
 * Submissions // 报送记录: what was exported to the city for a period, with the SHA-256 of
 * the file, so the office can prove what it sent (and issue 7 can lock the period).
 */
import type { Submission, SubmittedFile } from '@core/model';
import { submissionId, submissionSetId } from '@core/ids';
import type { LedgerDb } from './ledger-db';
import { SUBMISSION_TEXT } from './texts';

/** What to record about an exported report. */
export interface SubmissionInput {
  district: string;
  periodId: string;
  /** Report kind, e.g. `tasks`, `indicators`, `clusters`, `all`. */
  report: string;
  fileName: string;
  bytes: Uint8Array;
  rows: unknown[];
}

/** SHA-256 of bytes as lowercase hex (Web Crypto; works in the renderer and in Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Store a submission for the exported file and return it. */
export async function recordSubmission(db: LedgerDb, input: SubmissionInput, at: Date = new Date()): Promise<Submission> {
  const iso = at.toISOString();
  const submission: Submission = {
    id: submissionId(input.district, input.periodId, input.report, iso),
    district: input.district,
    periodId: input.periodId,
    report: input.report,
    fileName: input.fileName,
    sha256: await sha256Hex(input.bytes),
    rows: input.rows,
    at: iso,
  };
  await db.submissions.put(submission);
  return submission;
}

/** One file of a 报送 set, before hashing. */
export interface SubmissionFileInput {
  report: string;
  fileName: string;
  bytes: Uint8Array;
}

/** The manifest of a set of files, one `sha256  fileName` line each (the format of sha256sum). */
export function setManifest(files: readonly Pick<SubmittedFile, 'fileName' | 'sha256'>[]): string {
  return files.map((f) => `${f.sha256}  ${f.fileName}\n`).join('');
}

/**
 * Record ONE submission for a set of files sent together // 报送: each file's SHA-256, the
 * set's fingerprint (SHA-256 of the manifest), the task rows for 本期与上期对比, and the counts
 * of filled and empty tasks. The submission locks the period (storage/locks.ts).
 */
export async function recordSubmissionSet(
  db: LedgerDb,
  input: { district: string; periodId: string; files: readonly SubmissionFileInput[]; rows: unknown[]; counts?: Submission['counts'] },
  at: Date = new Date(),
): Promise<Submission> {
  if (input.files.length === 0) throw new Error(SUBMISSION_TEXT.noFiles);
  const iso = at.toISOString();
  const files: SubmittedFile[] = [];
  for (const f of input.files) files.push({ report: f.report, fileName: f.fileName, sha256: await sha256Hex(f.bytes), size: f.bytes.byteLength });
  const manifest = setManifest(files);
  const submission: Submission = {
    id: submissionSetId(input.district, input.periodId, iso),
    district: input.district,
    periodId: input.periodId,
    report: files.map((f) => f.report).join('+'),
    fileName: files.map((f) => f.fileName).join('、'),
    sha256: files.length === 1 ? files[0]!.sha256 : await sha256Hex(new TextEncoder().encode(manifest)),
    rows: input.rows,
    at: iso,
    files,
    ...(input.counts ? { counts: input.counts } : {}),
  };
  await db.submissions.put(submission);
  return submission;
}
