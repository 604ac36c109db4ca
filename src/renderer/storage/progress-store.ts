/**
 * Autosave of progress entries // 进展填报自动保存: writes an entry only when a field changed
 * (the audit middleware in audit.ts records each changed field), and keeps a synchronous
 * draft copy in localStorage until the write has landed, so that text typed just before a
 * reload or a closed window is never lost.
 */
import type { ProgressEntry } from '@core/model';
import type { LedgerDb } from './db';
import { emptyProgress, progressRepo } from './repositories';

const DRAFT_PREFIX = 'progress-draft:';

/** Fields of a progress entry that the officer edits. */
export const PROGRESS_FIELDS = ['status', 'percent', 'progress', 'problems', 'nextSteps', 'indicatorValues', 'filledBy'] as const;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** Keep a synchronous copy of an entry being edited (survives a reload before the write lands). */
export function writeDraft(entry: ProgressEntry): void {
  try {
    storage()?.setItem(DRAFT_PREFIX + entry.id, JSON.stringify(entry));
  } catch {
    // Storage full or blocked: the database write still happens.
  }
}

/** The unsaved draft of an entry, if a previous session left one. */
export function readDraft(id: string): ProgressEntry | undefined {
  const raw = storage()?.getItem(DRAFT_PREFIX + id);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as ProgressEntry;
  } catch {
    return undefined;
  }
}

/** Forget a draft once it is safely in the database. */
export function clearDraft(id: string): void {
  storage()?.removeItem(DRAFT_PREFIX + id);
}

/** Ids of every draft still waiting to be written. */
export function listDrafts(): string[] {
  const s = storage();
  if (!s) return [];
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(DRAFT_PREFIX)) out.push(k.slice(DRAFT_PREFIX.length));
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether an entry holds anything the officer typed or chose. */
export function hasContent(e: ProgressEntry | undefined): boolean {
  if (!e) return false;
  return Boolean(
    e.status ||
      e.percent !== undefined ||
      e.progress.trim() ||
      e.problems.trim() ||
      e.nextSteps.trim() ||
      Object.values(e.indicatorValues).some((v) => v !== null && v !== undefined),
  );
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
  // Words typed while this write was landing are in a newer draft: keep that one.
  const draft = readDraft(entry.id);
  if (!draft || PROGRESS_FIELDS.every((f) => same(draft[f], entry[f]))) clearDraft(entry.id);
  return changed;
}

/** Write every draft a previous session left behind (called once at start). */
export async function recoverDrafts(db: LedgerDb): Promise<number> {
  let n = 0;
  for (const id of listDrafts()) {
    const d = readDraft(id);
    if (d && d.district && d.taskKey && d.periodId && (await saveProgress(db, d))) n++;
    else clearDraft(id);
  }
  return n;
}
