/**
 * Reading and planning returned round files (no worker plumbing, so the benchmark and tests
 * call it directly): each file read with SheetJS, hashed, then all planned against the round.
 * A file that cannot be read is still in the plan, refused with the reader's Chinese message.
 */
import { planReturns, type FilePlan, type ReturnContext, type ReturnedFile } from '@core/rounds';
import { readWorkbook } from '../spreadsheet/read-sheet';
import { ROUND_WORKER_TEXT } from './texts';

/** SHA-256 of bytes as hex (Web Crypto: in workers, pages and Node 20). */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Read one returned file into grids (never throws). */
export async function readReturnedFile(name: string, data: Uint8Array): Promise<ReturnedFile> {
  const hash = await sha256Hex(data);
  try {
    const r = await readWorkbook(data, name);
    return r.ok ? { fileName: name, hash, sheets: r.sheets } : { fileName: name, hash, sheets: [], readError: r.message };
  } catch (e) {
    console.error('round file read failed', name, e);
    return { fileName: name, hash, sheets: [], readError: ROUND_WORKER_TEXT.unreadable(name) };
  }
}

/** Read every file (reporting progress per file) and plan them against the round. */
export async function readAndPlanReturns(files: readonly { name: string; data: Uint8Array }[], ctx: ReturnContext, onProgress: (done: number, total: number) => void = () => {}): Promise<FilePlan[]> {
  const read: ReturnedFile[] = [];
  for (const [i, f] of files.entries()) {
    onProgress(i, files.length);
    read.push(await readReturnedFile(f.name, f.data));
  }
  onProgress(files.length, files.length);
  return planReturns(read, ctx);
}
