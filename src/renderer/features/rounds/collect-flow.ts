/**
 * 回收 as a plain flow (no React): the context a drop is planned against, planning in the
 * round worker, and applying after a backup.
 */
import type { ProgressEntry, TaskStatus } from '@core/model';
import { parsePeriodId } from '@core/period';
import { mergeLedgerKey, officeEditedFields, officeEditedValues, type EarlierReturn, type FilePlan, type MergeHistory, type ReturnContext, type ReturnField, type Round, type TaskMerge, type TextField } from '@core/rounds';
import type { RoundWorkerRequest, RoundWorkerResponse } from '../../workers/round-worker';
import { type LedgerDb, backupBeforeImport, progressRepo, targetsRepo, applyRoundReturn, listRoundApplies, type RoundApplyResult, tasksByKeys, progressOfPeriodAllDistricts } from '../../storage';
import { ROUNDS_MORE_TEXT, ROUNDS_TEXT } from './texts';

/**
 * What a drop is planned against, the ledger it merges into, and what earlier 回收 of the round
 * left: the fields the office changed since (kept by default when a unit sends again) and what
 * each unit returned (a resent file revises its own paragraphs).
 */
export async function loadCollectContext(db: LedgerDb, round: Round): Promise<{ ctx: ReturnContext; ledger: Map<string, ProgressEntry>; history: MergeHistory }> {
  const keys = [...new Set(round.units.flatMap((u) => u.taskKeys))];
  const tasks = (await tasksByKeys(db, keys)).map((t) => ({ key: t.key, number: t.number, title: t.title }));
  // The tasks' targets, whose values a unit writes in the indicator sheet (a district's rounds).
  const targets = round.level === 'city' ? [] : (await targetsRepo.byTasks(db, keys)).map((t) => ({ ...t, taskKey: t.taskKey! }));
  const applies = (await listRoundApplies(db, round.id)).filter((a) => !a.undoneAt).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const earlier: EarlierReturn[] = applies.flatMap((a) => a.files.map((f) => ({ hash: f.hash, unit: f.unit, fileName: f.fileName, at: a.at })));
  // The city merges each district's return into that district's own entries.
  const entries = round.level === 'city' ? await progressOfPeriodAllDistricts(db, round.periodId) : await progressRepo.byPeriod(db, round.district, round.periodId);
  const ledger = new Map(entries.map((p) => [mergeLedgerKey(round, p.district, p.taskKey), p]));
  // Each entry as the latest 回收 left it, against the entry now.
  const written = new Map<string, ProgressEntry>();
  for (const a of applies) for (const e of a.after) written.set(mergeLedgerKey(round, e.district, e.taskKey), e);
  const officeEdited = new Map<string, Set<ReturnField>>();
  const editedValues = new Map<string, Set<string>>();
  for (const [key, w] of written) {
    const fields = officeEditedFields(w, ledger.get(key));
    if (fields.size > 0) officeEdited.set(key, fields);
    const values = officeEditedValues(w, ledger.get(key));
    if (values.size > 0) editedValues.set(key, values);
  }
  // What each unit returned last time, per task (at the city level the unit is the district).
  const previousTexts = new Map<string, Map<string, Record<TextField, string>>>();
  const previousAnswers = new Map<string, Map<string, { status?: TaskStatus; percent?: number }>>();
  const previousValues = new Map<string, Map<string, Record<string, number>>>();
  for (const a of applies)
    for (const r of a.returns)
      for (const v of r.values ?? []) {
        const key = mergeLedgerKey(round, r.unit, v.taskKey);
        if (!previousValues.has(key)) previousValues.set(key, new Map());
        const mine = previousValues.get(key)!;
        mine.set(r.unit, { ...mine.get(r.unit), [v.targetId]: v.value });
      }
  for (const a of applies)
    for (const r of a.returns)
      for (const t of r.texts) {
        const key = mergeLedgerKey(round, r.unit, t.taskKey);
        if (!previousTexts.has(key)) previousTexts.set(key, new Map());
        previousTexts.get(key)!.set(r.unit, { progress: t.progress, problems: t.problems, nextSteps: t.nextSteps });
        // The status and percent it answered (a record of an older version has none: nothing to compare).
        if (t.status || t.percent !== undefined) {
          if (!previousAnswers.has(key)) previousAnswers.set(key, new Map());
          previousAnswers.get(key)!.set(r.unit, { ...(t.status ? { status: t.status } : {}), ...(t.percent !== undefined ? { percent: t.percent } : {}) });
        }
      }
  return { ctx: { round, periodName: parsePeriodId(round.periodId)?.name ?? round.periodId, tasks, targets, earlier }, ledger, history: { officeEdited, officeEditedValues: editedValues, previousTexts, previousAnswers, previousValues } };
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
