/**
 * The autosave of one progress entry in one window // 自动保存: every keystroke goes to the
 * window's draft in IndexedDB at once (storage/drafts.ts, survives a killed process), the
 * changed fields are saved field by field a moment later, and a field another window changed
 * meanwhile becomes a conflict that the officer settles (keep mine / take theirs). Plain
 * class, testable without React; `useProgressAutosave` binds it to a component.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ProgressEntry } from '@core/model';
import { changedFields, fieldValue, sameValue, withField, type FieldConflict, type FieldValues } from '@core/records/progress-edits';
import { type LedgerDb, adoptDrafts, saveEdits, stashOnUnload, writeDraft } from '../../storage';

/** How long after the last keystroke the entry is saved (the draft is written at once). */
export const SAVE_DELAY_MS = 700;

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

/** What the form shows. */
export interface AutosaveView {
  /** The stored entry with this window's edits on top. */
  entry: ProgressEntry;
  state: SaveState;
  savedAt?: string;
  error?: unknown;
  conflicts: FieldConflict[];
}

/** Autosave of one entry in this window. */
export class ProgressAutosave {
  private stored: ProgressEntry;
  private base: FieldValues = {};
  private mine: FieldValues = {};
  private conflicts: FieldConflict[] = [];
  private state: SaveState = 'saved';
  private savedAt?: string;
  private error?: unknown;
  private timer?: ReturnType<typeof setTimeout>;
  private saving?: Promise<void>;
  private again = false;
  private view: AutosaveView;
  private readonly listeners = new Set<() => void>();
  /** The last draft write (tests and the e2e wait on it). */
  draftWritten: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: LedgerDb,
    initial: ProgressEntry,
    savedAt?: string,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {
    this.stored = initial;
    this.savedAt = savedAt;
    this.view = this.makeView();
  }

  private makeView(): AutosaveView {
    let entry = this.stored;
    for (const f of Object.keys(this.mine)) entry = withField(entry, f, this.mine[f]);
    return { entry, state: this.state, savedAt: this.savedAt, error: this.error, conflicts: this.conflicts };
  }

  private emit(): void {
    this.view = this.makeView();
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): AutosaveView => this.view;

  get dirty(): boolean {
    return Object.keys(this.mine).length > 0;
  }

  private writeDraftNow(): void {
    const key = this.stored;
    const base = { ...this.base };
    const mine = { ...this.mine };
    this.draftWritten = this.draftWritten.then(() => writeDraft(this.db, key, base, mine)).catch((e: unknown) => {
      // Cannot even keep the draft (disk full): say so, never claim 已保存.
      this.error = e;
      this.state = 'error';
      this.emit();
    });
  }

  /** Take over drafts left for this entry by a window that is gone (conflicts found at start). */
  async adopt(): Promise<void> {
    const found = await adoptDrafts(this.db, this.stored);
    if (!found) return;
    for (const f of Object.keys(found.mine)) {
      if (!Object.hasOwn(this.base, f)) this.base[f] = found.base[f];
      if (!Object.hasOwn(this.mine, f)) this.mine[f] = found.mine[f];
    }
    this.state = 'dirty';
    this.emit();
    await this.flush();
  }

  /** The officer changed fields: draft now, save after a pause. */
  update(patch: Partial<ProgressEntry>): void {
    const next = { ...this.view.entry, ...patch };
    for (const f of changedFields(this.view.entry, next)) {
      if (!Object.hasOwn(this.base, f)) this.base[f] = fieldValue(this.stored, f);
      this.mine[f] = fieldValue(next, f);
      if (sameValue(this.mine[f], this.base[f]) && !this.conflicts.some((c) => c.field === f)) {
        delete this.mine[f];
        delete this.base[f];
      }
    }
    this.state = this.conflicts.length ? 'conflict' : 'dirty';
    this.writeDraftNow();
    this.emit();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Save now (blur, page hide, unmount). Resolves when the write has landed or failed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.saving) {
      this.again = true;
      return this.saving;
    }
    if (!this.dirty) return Promise.resolve();
    const base = { ...this.base };
    const mine = { ...this.mine };
    this.state = 'saving';
    this.emit();
    this.saving = this.draftWritten
      .then(() => saveEdits(this.db, this.stored, base, mine))
      .then(
        (res) => {
          this.stored = res.stored;
          this.error = undefined;
          for (const f of Object.keys(mine)) {
            // Landed and not typed on since: no longer this window's edit.
            if (sameValue(this.mine[f], fieldValue(res.stored, f))) {
              delete this.mine[f];
              delete this.base[f];
            } else if (res.written.includes(f)) this.base[f] = fieldValue(res.stored, f);
          }
          // Conflicts as found now (a field still in conflict is never written over theirs).
          this.conflicts = res.conflicts.filter((c) => Object.hasOwn(this.mine, c.field));
          this.savedAt = res.written.length ? new Date().toISOString() : this.savedAt;
          this.state = this.conflicts.length ? 'conflict' : this.dirty ? 'dirty' : 'saved';
          // The draft keeps what is not stored yet, now relative to what is stored.
          this.writeDraftNow();
        },
        (e: unknown) => {
          this.error = e;
          this.state = 'error';
        },
      )
      .finally(() => {
        this.saving = undefined;
        this.emit();
        if (this.again) {
          this.again = false;
          void this.flush();
        }
      });
    return this.saving;
  }

  /** Settle a conflict with this window's text: written over the other window's. */
  keepMine(field: string): Promise<void> {
    const c = this.conflicts.find((x) => x.field === field);
    if (!c) return Promise.resolve();
    this.base[field] = c.theirs;
    this.conflicts = this.conflicts.filter((x) => x !== c);
    this.writeDraftNow();
    return this.flush();
  }

  /** Settle a conflict with the other window's text: this window's edit is dropped by choice. */
  takeTheirs(field: string): void {
    this.conflicts = this.conflicts.filter((x) => x.field !== field);
    delete this.mine[field];
    delete this.base[field];
    this.state = this.conflicts.length ? 'conflict' : this.dirty ? 'dirty' : 'saved';
    this.writeDraftNow();
    this.emit();
  }

  /** The page is closing or reloading: a synchronous last copy of the unsaved fields. */
  stash(): void {
    if (this.dirty) stashOnUnload(this.stored, this.base, this.mine);
  }

  /** Stop the timer (unmount); the caller flushes first. */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/**
 * The autosave of an entry for a form mounted with `key={entry.id}`: adopts drafts left for
 * it, saves on page hide and unload, and flushes on unmount.
 */
export function useProgressAutosave(db: LedgerDb, initial: ProgressEntry, savedAt?: string): [AutosaveView, ProgressAutosave] {
  // One service per mounted entry (the form is keyed by entry id): a new `initial` of the same entry is not a new session.
  const service = useMemo(() => new ProgressAutosave(db, initial, savedAt), [db, initial.id]);
  const view = useSyncExternalStore(service.subscribe, service.getView);
  useEffect(() => {
    void service.adopt();
    const flush = () => void service.flush();
    const leave = () => {
      service.stash();
      flush();
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('beforeunload', leave);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onHide);
      flush();
      service.dispose();
    };
  }, [service]);
  return [view, service];
}
