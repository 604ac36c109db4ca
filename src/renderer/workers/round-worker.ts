/**
 * 回收 off the UI thread: reads the dropped files with SheetJS and plans them against the
 * round, posting progress per file. Started with
 * `new Worker(new URL('../../workers/round-worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { FilePlan, ReturnContext } from '@core/rounds';
import { readAndPlanReturns } from './round-returns';
import { ROUND_WORKER_TEXT } from './texts';

/** Message to the worker. */
export interface RoundWorkerRequest {
  type: 'plan';
  files: { name: string; data: ArrayBuffer }[];
  ctx: ReturnContext;
}

/** Messages from the worker. */
export type RoundWorkerResponse = { type: 'progress'; done: number; total: number } | { type: 'plan'; ok: true; files: FilePlan[] } | { type: 'plan'; ok: false; message: string };

const post = (m: RoundWorkerResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<RoundWorkerRequest>) => {
  const req = e.data;
  readAndPlanReturns(
    req.files.map((f) => ({ name: f.name, data: new Uint8Array(f.data) })),
    req.ctx,
    (done, total) => post({ type: 'progress', done, total }),
  ).then(
    (files) => post({ type: 'plan', ok: true, files }),
    (err: unknown) => {
      // Library English goes to the log; the officer gets what to do.
      console.error('round worker failed', err);
      post({ type: 'plan', ok: false, message: ROUND_WORKER_TEXT.failed });
    },
  );
};
