/**
 * Apply an accepted import plan in ONE Dexie transaction, and undo it. Only tasks (and
 * documents the list introduced) are written: progress is never touched. Dropped tasks are
 * archived, never deleted. Each import is recorded in `imports` with every task as it was
 * before, so 撤销本次导入 restores exactly that state.
 */
import type { AcceptedImport } from '@core/import';
import { rowProblem } from '@core/records/schemas';
import type { ImportRecord, LedgerDb } from './ledger-db';
import { describeStorageError } from './persist';
import { APPLY_TEXT } from './texts';

/** Chinese messages of applying and undoing an import (storage/texts.ts). */
export { APPLY_TEXT } from './texts';


/** Outcome of applying: the stored record, or why nothing was written. */
export type ApplyResult = { ok: true; record: ImportRecord } | { ok: false; message: string };

/** Outcome of an undo. */
export type UndoResult =
  | { ok: true; restored: number; removed: number; keptArchived: string[] }
  | { ok: false; message: string };

/**
 * The officer's words for a failed write: a full disk is named as such; any other cause is
 * described in Chinese, and the library's English text goes to the log only.
 */
function failure(e: unknown, message: (reason: string) => string): { ok: false; message: string } {
  console.error('import write failed', e);
  const problem = describeStorageError(e);
  if (problem.kind === 'quota') return { ok: false, message: APPLY_TEXT.diskFull };
  return { ok: false, message: message(problem.kind === 'unknown' ? APPLY_TEXT.unknownCause : problem.title) };
}

/** Write exactly the accepted plan, in one transaction; on any failure nothing is written. */
export async function applyImport(db: LedgerDb, accepted: AcceptedImport, at: string = new Date().toISOString()): Promise<ApplyResult> {
  if (accepted.tasks.length === 0) return { ok: false, message: APPLY_TEXT.nothing };
  // Every row written is checked with the same schemas restore uses (core/records/schemas).
  for (const t of accepted.tasks) {
    const problem = rowProblem('tasks', t);
    if (problem) return { ok: false, message: APPLY_TEXT.badTask(String((t as { key?: unknown }).key ?? '?'), problem) };
  }
  for (const d of accepted.documents) {
    const problem = rowProblem('documents', d);
    if (problem) return { ok: false, message: APPLY_TEXT.badDocument(String((d as { title?: unknown }).title ?? '?'), problem) };
  }
  try {
    const record = await db.transaction('rw', [db.tasks, db.documents, db.imports], async () => {
      const keys = accepted.tasks.map((t) => t.key);
      const before = await db.tasks.bulkGet(keys);
      if (accepted.documents.length > 0) await db.documents.bulkAdd(accepted.documents);
      await db.tasks.bulkPut(accepted.tasks);
      const rec: ImportRecord = {
        id: `import-${at}`,
        at,
        fileName: accepted.fileName,
        before: keys.map((key, i) => ({ key, task: before[i] })),
        after: keys,
        documentsAdded: accepted.documents.map((d) => d.id),
        counts: { added: accepted.addedKeys.length, updated: accepted.updatedKeys.length, archived: accepted.archivedKeys.length },
      };
      await db.imports.add(rec);
      return rec;
    });
    return { ok: true, record };
  } catch (e) {
    return failure(e, APPLY_TEXT.failed);
  }
}

/** The imports, newest first. */
export function listImports(db: LedgerDb): Promise<ImportRecord[]> {
  return db.imports.orderBy('at').reverse().toArray();
}

/**
 * Undo an import: every task goes back to how it was before it. A task the import added is
 * removed again, unless progress has been entered for it since: then it is archived (hidden)
 * so that no words entered are lost. Only the most recent import can be undone.
 */
export async function undoImport(db: LedgerDb, id: string, at: string = new Date().toISOString()): Promise<UndoResult> {
  try {
    return await db.transaction('rw', [db.tasks, db.documents, db.imports, db.progress], async (): Promise<UndoResult> => {
      const rec = await db.imports.get(id);
      if (!rec) return { ok: false, message: APPLY_TEXT.undoMissing };
      if (rec.undoneAt) return { ok: false, message: APPLY_TEXT.undoDone };
      const later = (await db.imports.where('at').above(rec.at).toArray()).find((r) => !r.undoneAt);
      if (later) return { ok: false, message: APPLY_TEXT.undoNotLatest(later.fileName) };
      let restored = 0;
      let removed = 0;
      const keptArchived: string[] = [];
      for (const { key, task } of rec.before) {
        if (task) {
          await db.tasks.put(task);
          restored++;
          continue;
        }
        const hasProgress = (await db.progress.where('taskKey').equals(key).count()) > 0;
        const current = await db.tasks.get(key);
        if (hasProgress && current) {
          await db.tasks.put({ ...current, archived: true, updatedAt: at });
          keptArchived.push(key);
        } else {
          await db.tasks.delete(key);
          removed++;
        }
      }
      for (const docId of rec.documentsAdded ?? [])
        if ((await db.tasks.where('documentId').equals(docId).count()) === 0) await db.documents.delete(docId);
      await db.imports.update(id, { undoneAt: at });
      return { ok: true, restored, removed, keptArchived };
    });
  } catch (e) {
    return failure(e, APPLY_TEXT.undoFailed);
  }
}
