/**
 * Unsaved typing // 草稿, kept in IndexedDB's `drafts` table (schema step 3) so that it
 * survives a killed process: every keystroke writes the window's draft (a small row: only
 * the changed fields), the autosave writes the changed fields into the progress entry and
 * removes what has landed, in one transaction. On the next start, drafts left by windows
 * that are gone are written back (recoverDrafts); a field that another window changed
 * meanwhile stays in its draft as a conflict for the form to show.
 */
import type { ProgressEntry } from '@core/model';
import { progressId } from '@core/model';
import { changedFields, fieldValue, mergeEdits, sameValue, type FieldConflict, type FieldValues } from '@core/records/progress-edits';
import type { LedgerDb } from './ledger-db';
import { emptyProgress, progressRepo } from './repositories';
import { localStore } from './local-store';

/** Which entry a draft belongs to. */
export interface EntryKey {
  district: string;
  taskKey: string;
  periodId: string;
}

const LOCK_PREFIX = 'ledger-session:';
let session: string | undefined;

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * This page's session id. While the page lives it holds a Web Lock of that name, so other
 * windows can tell its drafts (being typed) from those of a window that was closed or killed.
 */
export function currentSession(): string {
  if (session) return session;
  session = randomId();
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  void locks?.request(LOCK_PREFIX + session, () => new Promise<never>(() => {})).catch(() => undefined);
  return session;
}

/** Sessions of windows that are open now (this one included). */
async function liveSessions(): Promise<Set<string>> {
  const live = new Set([currentSession()]);
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  try {
    const state = await locks?.query();
    for (const l of state?.held ?? []) if (l.name?.startsWith(LOCK_PREFIX)) live.add(l.name.slice(LOCK_PREFIX.length));
  } catch {
    // No Web Locks: only this window counts as open.
  }
  return live;
}

/** The id of a window's draft of an entry. */
export function draftId(entryId: string, sessionId: string): string {
  return `${entryId}#${sessionId}`;
}

/** Write (or, with no fields left, delete) this window's draft of an entry. */
export async function writeDraft(db: LedgerDb, key: EntryKey, base: FieldValues, mine: FieldValues, sessionId = currentSession()): Promise<void> {
  const entryId = progressId(key.district, key.taskKey, key.periodId);
  const id = draftId(entryId, sessionId);
  if (Object.keys(mine).length === 0) return void (await db.drafts.delete(id));
  await db.drafts.put({ id, entryId, session: sessionId, ...pickKey(key), base, mine, updatedAt: new Date().toISOString() });
}

function pickKey(k: EntryKey): EntryKey {
  return { district: k.district, taskKey: k.taskKey, periodId: k.periodId };
}

/** What a save did. */
export interface SaveOutcome {
  /** The entry as stored after the save. */
  stored: ProgressEntry;
  written: string[];
  conflicts: FieldConflict[];
}

/**
 * Save a window's edits field by field: only its changed fields are written, and only where
 * the stored value is still the one it started from; the rest are conflicts. In the same
 * transaction, what has landed leaves the window's draft.
 */
export async function saveEdits(db: LedgerDb, key: EntryKey, base: FieldValues, mine: FieldValues, sessionId = currentSession()): Promise<SaveOutcome> {
  const entryId = progressId(key.district, key.taskKey, key.periodId);
  return db.transaction('rw', db.progress, db.drafts, async () => {
    const current = (await progressRepo.get(db, key.district, key.taskKey, key.periodId)) ?? emptyProgress(key.district, key.taskKey, key.periodId);
    const r = mergeEdits(current, base, mine);
    if (r.written.length > 0) await progressRepo.put(db, r.merged);
    const stored = (await db.progress.get(entryId)) ?? r.merged;
    const id = draftId(entryId, sessionId);
    const draft = await db.drafts.get(id);
    if (draft) {
      // Fields now stored as typed have landed; newer typing and conflicts stay.
      const left = Object.keys(draft.mine).filter((f) => !sameValue(draft.mine[f], fieldValue(stored, f)));
      if (left.length === 0) await db.drafts.delete(id);
      else if (left.length < Object.keys(draft.mine).length)
        await db.drafts.put({ ...draft, base: pick(draft.base, left), mine: pick(draft.mine, left) });
    }
    return { stored, written: r.written, conflicts: r.conflicts };
  });
}

function pick(v: FieldValues, keys: string[]): FieldValues {
  const out: FieldValues = {};
  for (const k of keys) if (Object.hasOwn(v, k)) out[k] = v[k];
  return out;
}

/**
 * Drafts of an entry left by windows that are gone (after recoverDrafts: the conflicts),
 * taken over by this window: removed from the table and returned, to be typed on and saved
 * by this window (which writes its own draft at once).
 */
export async function adoptDrafts(db: LedgerDb, key: EntryKey): Promise<{ base: FieldValues; mine: FieldValues } | undefined> {
  const entryId = progressId(key.district, key.taskKey, key.periodId);
  const live = await liveSessions();
  const own = draftId(entryId, currentSession());
  const orphans = (await db.drafts.where('entryId').equals(entryId).toArray()).filter((d) => d.id === own || !live.has(d.session));
  if (orphans.length === 0) return undefined;
  const base: FieldValues = {};
  const mine: FieldValues = {};
  for (const d of orphans.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1))) {
    for (const f of Object.keys(d.mine)) {
      if (!Object.hasOwn(base, f)) base[f] = d.base[f];
      mine[f] = d.mine[f];
    }
  }
  await db.transaction('rw', db.drafts, async () => {
    await db.drafts.bulkDelete(orphans.map((d) => d.id));
    await writeDraft(db, key, base, mine);
  });
  return { base, mine };
}

// ---------------------------------------------------------------- leaving the page

/** localStorage keys of the edits a page left behind as it closed or reloaded. */
const UNLOAD_PREFIX = 'progress-unload:';

const storage = localStore;

/**
 * As the page closes or reloads, a last synchronous copy of this window's unsaved fields (the
 * IndexedDB draft and save may not land before the page is gone). Written back at the next start
 * like a draft: field by field, only where the stored value is still the one typed over.
 */
export function stashOnUnload(key: EntryKey, base: FieldValues, mine: FieldValues): void {
  const s = storage();
  if (!s || Object.keys(mine).length === 0) return;
  try {
    s.setItem(`${UNLOAD_PREFIX}${draftId(progressId(key.district, key.taskKey, key.periodId), currentSession())}`, JSON.stringify({ key: pickKey(key), base, mine }));
  } catch {
    // Full or refused: the IndexedDB draft written on every keystroke is still there.
  }
}

/** Write back the copies pages left as they closed (see stashOnUnload); conflicts become drafts the form shows. */
async function recoverUnloadStashes(db: LedgerDb): Promise<number> {
  const s = storage();
  if (!s) return 0;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(UNLOAD_PREFIX)) keys.push(k);
  }
  let n = 0;
  for (const k of keys) {
    try {
      const { key, base, mine } = JSON.parse(s.getItem(k) ?? '') as { key: EntryKey; base: FieldValues; mine: FieldValues };
      if (key?.district && key.taskKey && key.periodId && base && mine) {
        const stash = `unload-${k.slice(UNLOAD_PREFIX.length).split('#').pop() ?? ''}`;
        const res = await saveEdits(db, key, base, mine, stash);
        if (res.written.length > 0) n++;
        const open = res.conflicts.map((c) => c.field);
        if (open.length > 0) await writeDraft(db, key, pick(base, open), pick(mine, open), stash);
      }
    } catch (e) {
      console.warn('unload stash not recovered', k, e);
    }
    s.removeItem(k);
  }
  return n;
}

// ---------------------------------------------------------------- start-up recovery

/** localStorage drafts written by versions before schema step 3 (whole entries). */
const LEGACY_PREFIX = 'progress-draft:';

function legacyDrafts(): { key: string; entry: ProgressEntry }[] {
  const s = localStore();
  if (!s) return [];
  const out: { key: string; entry: ProgressEntry }[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k?.startsWith(LEGACY_PREFIX)) continue;
    try {
      out.push({ key: k, entry: JSON.parse(s.getItem(k) ?? '') as ProgressEntry });
    } catch {
      out.push({ key: k, entry: undefined as unknown as ProgressEntry });
    }
  }
  return out;
}

/**
 * At start: write back the drafts of windows that are gone (killed, crashed, closed before
 * the save landed). Fields another window changed meanwhile stay as drafts (conflicts the
 * form shows). Returns how many entries were written.
 */
export async function recoverDrafts(db: LedgerDb): Promise<number> {
  let n = await recoverUnloadStashes(db);
  const live = await liveSessions();
  for (const d of await db.drafts.toArray()) {
    if (live.has(d.session)) continue;
    const res = await saveEdits(db, d, d.base, d.mine, d.session);
    if (res.written.length > 0) n++;
  }
  // Drafts of the previous version (whole entries in localStorage): every field it changed.
  for (const { key, entry } of legacyDrafts()) {
    if (entry && entry.district && entry.taskKey && entry.periodId) {
      const current = (await progressRepo.get(db, entry.district, entry.taskKey, entry.periodId)) ?? emptyProgress(entry.district, entry.taskKey, entry.periodId);
      const fields = changedFields(current, entry);
      if (fields.length > 0) {
        const base = Object.fromEntries(fields.map((f) => [f, fieldValue(current, f)]));
        const mine = Object.fromEntries(fields.map((f) => [f, fieldValue(entry, f)]));
        if ((await saveEdits(db, entry, base, mine, 'legacy')).written.length > 0) n++;
      }
    }
    localStorage.removeItem(key);
  }
  return n;
}
