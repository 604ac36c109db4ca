/**
 * Submissions // 报送记录: what was exported to the city for a period, with the SHA-256 of
 * the file, so the office can prove what it sent (and issue 7 can lock the period).
 */
import type { Submission } from '@core/model';
import type { LedgerDb } from './db';

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
    id: `${input.district}|${input.periodId}|${input.report}|${iso}`,
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
