/**
 * The one start-up sequence, as a plain module: persist → backup before upgrade → open → seed →
 * recover drafts → ready. The Boot component shows its progress with one spinner; tests run it
 * on a real store.
 */
import type { LedgerDb } from './storage/db';
import { describeStorageError, openStore, requestPersistentStorage, type StorageProblem } from './storage/persist';
import { ensureSeeded } from './storage/seed';
import { recoverDrafts } from './storage/drafts';

/** The steps, in order. */
export const BOOT_STEPS = ['persist', 'backup', 'open', 'seed', 'drafts', 'ready'] as const;
/** One step of the start-up. */
export type BootStep = (typeof BOOT_STEPS)[number];

/** A step that failed without stopping the start (the officer is told; the data is safe). */
export interface BootWarning {
  step: 'seed' | 'drafts';
  detail: string;
}

/** How the start ended: ready (maybe with warnings), or a storage problem that stops it. */
export type BootOutcome = { ok: true; warnings: BootWarning[] } | { ok: false; problem: StorageProblem };

/** What the start-up needs from the outside (the platform's backup, the open watchers). */
export interface BootDeps {
  db: LedgerDb;
  /** Back the store up before a schema upgrade (desktop only); undefined where there is none. */
  backupBeforeUpgrade?: () => Promise<unknown>;
  onBlocked?: () => void;
  onClosedByOtherWindow?: () => void;
  /** Told as each step begins. */
  onStep?: (step: BootStep) => void;
  /** Ask for persistent storage (the browser's; replaced in tests). */
  persist?: () => Promise<unknown>;
}

/** Run the start-up sequence. Never throws: a failed open is a problem, a failed seed or draft recovery a warning. */
export async function bootApp(deps: BootDeps): Promise<BootOutcome> {
  const step = (s: BootStep) => deps.onStep?.(s);
  const warnings: BootWarning[] = [];
  step('persist');
  // Not awaited: the browser may ask the officer, and the start must not wait for the answer.
  void (deps.persist ?? requestPersistentStorage)().catch(() => undefined);
  step('backup');
  if (deps.backupBeforeUpgrade) await deps.backupBeforeUpgrade().catch((e: unknown) => console.warn('backup before the schema upgrade failed', e));
  step('open');
  try {
    await openStore(deps.db, { onBlocked: deps.onBlocked, onClosedByOtherWindow: deps.onClosedByOtherWindow });
  } catch (e) {
    return { ok: false, problem: describeStorageError(e) };
  }
  step('seed');
  await ensureSeeded(deps.db).catch((e: unknown) => warnings.push({ step: 'seed', detail: e instanceof Error ? e.message : String(e) }));
  step('drafts');
  await recoverDrafts(deps.db).catch((e: unknown) => warnings.push({ step: 'drafts', detail: e instanceof Error ? e.message : String(e) }));
  step('ready');
  return { ok: true, warnings };
}
