/**
 * Whole-entry writes of progress (the indicators page): an entry is written only when a
 * field changed (the audit middleware in audit.ts records each changed field). The progress
 * form saves field by field through drafts.ts instead.
 */
import type { ProgressEntry } from '@core/model';
import type { LedgerDb } from './ledger-db';
import { emptyProgress, progressRepo } from './repositories';

/** Fields of a progress entry that the officer edits. */
export const PROGRESS_FIELDS = ['status', 'percent', 'progress', 'problems', 'nextSteps', 'indicatorValues', 'filledBy'] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Write an entry when one of its fields differs from the stored one; returns false when
 * nothing changed. A refused write (e.g. PeriodLockedError for a 已报送 period) rejects and
 * keeps the draft.
 */
export async function saveProgress(db: LedgerDb, entry: ProgressEntry): Promise<boolean> {
  const changed = await db.transaction('rw', db.progress, async () => {
    const before = (await progressRepo.get(db, entry.district, entry.taskKey, entry.periodId)) ??
      emptyProgress(entry.district, entry.taskKey, entry.periodId);
    if (PROGRESS_FIELDS.every((f) => same(before[f], entry[f]))) return false;
    await progressRepo.put(db, entry);
    return true;
  });
  return changed;
}
