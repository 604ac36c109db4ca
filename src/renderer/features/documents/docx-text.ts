/**
 * Plain text of an opened .txt or .docx file. The reading happens in a worker
 * (workers/policy-worker.ts): a crafted file can end the worker, never the page. The worker's
 * problems are worded here, in Chinese; the library's words go to the log.
 */
import type { PolicyProblem, PolicyTextResult } from '../../workers/policy-text';
import { DOC_TEXT as T } from './texts';

/** A file that cannot be read as a policy text; `message` is Chinese and says what to do. */
export class PolicyFileError extends Error {
  override name = 'PolicyFileError';
}

/** Reads a file into a result: in production the worker; tests pass the reader itself. */
export type PolicyTextRunner = (name: string, data: Uint8Array) => Promise<PolicyTextResult>;

/** The Chinese reason for a problem. */
export function explainPolicyProblem(p: PolicyProblem): string {
  switch (p.kind) {
    case 'empty':
      return T.fileEmpty;
    case 'oldWord':
      return T.oldWordFile;
    case 'notDocx':
      return T.notDocx;
    case 'notText':
      return T.notText;
    case 'tooBig':
      return T.tooBig(p.bytes);
    case 'tooManyParagraphs':
      return T.tooManyParagraphs(p.paragraphs);
    case 'tooManyElements':
      return T.tooManyElements(p.elements);
    case 'tooManyChars':
      return T.tooManyChars(p.chars);
    case 'zip': {
      const z = p.problem;
      if (z.kind === 'partTooBig') return T.partTooBig(z.part, z.bytes);
      if (z.kind === 'totalTooBig') return T.totalTooBig(z.bytes);
      if (z.kind === 'entries') return T.tooManyParts(z.count);
      if (z.kind === 'encrypted') return T.encrypted;
      if (z.kind === 'damaged') return T.damaged(z.part);
      return T.notDocx;
    }
  }
}

/** Runs the reader in a worker of its own, ended when it answers (or fails). */
export const runInWorker: PolicyTextRunner = (name, data) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL('../../workers/policy-worker.ts', import.meta.url), { type: 'module' });
    const done = (r: PolicyTextResult) => {
      worker.terminate();
      resolve(r);
    };
    worker.onmessage = (e: MessageEvent<PolicyTextResult>) => done(e.data);
    // The worker died (out of memory, say): the page lives on and says so.
    worker.onerror = (e) => done({ ok: false, problem: { kind: 'notDocx' }, cause: `policy worker error: ${e.message}` });
    const copy = data.slice().buffer;
    worker.postMessage({ name, data: copy }, [copy]);
  });

/** Read the text of a policy file; throws PolicyFileError with a Chinese message when it cannot. */
export async function readPolicyFile(name: string, data: Uint8Array, run: PolicyTextRunner = runInWorker): Promise<string> {
  const r = await run(name, data);
  if (r.ok) return r.text;
  if (r.cause) console.error(`policy file ${name} refused: ${r.cause}`);
  throw new PolicyFileError(explainPolicyProblem(r.problem));
}
