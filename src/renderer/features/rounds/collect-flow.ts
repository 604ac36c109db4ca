/**
 * 回收 as a plain flow (no React): the context a drop is planned against, planning in the
 * round worker, and applying after a backup.
 */
import type { ProgressEntry } from '@core/model';
import { parsePeriodId } from '@core/period';
import { mergeLedgerKey, type EarlierReturn, type FilePlan, type ReturnContext, type Round, type TaskMerge } from '@core/rounds';
import type { RoundWorkerRequest, RoundWorkerResponse } from '../../workers/round-worker';
import { type LedgerDb, backupBeforeImport, progressRepo, applyRoundReturn, listRoundApplies, type RoundApplyResult, tasksByKeys, progressOfPeriodAllDistricts } from '../../storage';
import { ROUNDS_MORE_TEXT, ROUNDS_TEXT } from './texts';

/** What a drop is planned against, and the ledger it merges into. */
export async function loadCollectContext(db: LedgerDb, round: Round): Promise<{ ctx: ReturnContext; ledger: Map<string, ProgressEntry> }> {
  const keys = [...new Set(round.units.flatMap((u) => u.taskKeys))];
  const tasks = (await tasksByKeys(db, keys)).map((t) => ({ key: t.key, number: t.number, title: t.title }));
  const earlier: EarlierReturn[] = (await listRoundApplies(db, round.id)).filter((a) => !a.undoneAt).flatMap((a) => a.files.map((f) => ({ hash: f.hash, unit: f.unit, fileName: f.fileName, at: a.at })));
  // The city merges each district's return into that district's own entries.
  const entries = round.level === 'city' ? await progressOfPeriodAllDistricts(db, round.periodId) : await progressRepo.byPeriod(db, round.district, round.periodId);
  const ledger = new Map(entries.map((p) => [mergeLedgerKey(round, p.district, p.taskKey), p]));
  return { ctx: { round, periodName: parsePeriodId(round.periodId)?.name ?? round.periodId, tasks, earlier }, ledger };
}

/** Read and plan the files in the round worker; progress per file. */
export function planInWorker(files: { name: string; data: Uint8Array }[], ctx: ReturnContext, onProgress: (done: number, total: number) => void): Promise<{ ok: true; files: FilePlan[] } | { ok: false; message: string }> {
  const worker = new Worker(new URL('../../workers/round-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<RoundWorkerResponse>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.done, m.total);
      worker.terminate();
      resolve(m.ok ? { ok: true, files: m.files } : { ok: false, message: m.message });
    };
    worker.onerror = (e) => {
      console.error('round worker error', e.message);
      worker.terminate();
      resolve({ ok: false, message: ROUNDS_MORE_TEXT.workerFailed });
    };
    const buffers = files.map((f) => ({ name: f.name, data: f.data.slice().buffer as ArrayBuffer }));
    const req: RoundWorkerRequest = { type: 'plan', files: buffers, ctx };
    worker.postMessage(req, buffers.map((b) => b.data));
  });
}

/** Back up, then write the drop in one transaction. */
export async function applyCollected(db: LedgerDb, round: Round, files: FilePlan[], merges: TaskMerge[], filledBy: string): Promise<RoundApplyResult> {
  try {
    await backupBeforeImport(db);
  } catch (e) {
    return { ok: false, message: ROUNDS_TEXT.collect.backupFailed(String((e as Error)?.message ?? e)) };
  }
  return applyRoundReturn(db, round, files, merges, filledBy);
}
