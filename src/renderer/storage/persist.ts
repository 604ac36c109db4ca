/**
 * Keeping the store alive: ask the browser for persistent storage, open the database with a
 * backup before any schema upgrade, and turn storage failures (quota exceeded, IndexedDB
 * unavailable, a newer database on disk, an upgrade blocked by another window) into plain
 * Chinese with a way out.
 */
import type Dexie from 'dexie';
import type { LedgerDb } from './ledger-db';
import { STORAGE_TEXT } from './texts';

/** The Chinese texts of storage problems (storage/texts.ts). */
export { STORAGE_TEXT } from './texts';

/** What the officer can do about a storage problem. */
export type StorageAction = 'reload' | 'close-other-windows' | 'free-space' | 'update-program' | 'contact-support';

/** A storage failure explained for the officer. */
export interface StorageProblem {
  kind: 'quota' | 'unavailable' | 'version' | 'blocked' | 'closed' | 'unknown';
  title: string;
  message: string;
  action: StorageAction;
}


function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const o = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof o.name === 'string') names.push(o.name);
    e = o.inner ?? o.cause;
  }
  return names;
}

/** Explain a storage error (Dexie or DOMException, possibly wrapped) in Chinese. */
export function describeStorageError(err: unknown): StorageProblem {
  const names = errorNames(err);
  const has = (...n: string[]) => names.some((x) => n.includes(x));
  if (has('QuotaExceededError')) return { kind: 'quota', ...STORAGE_TEXT.quota, action: 'free-space' };
  if (has('VersionError')) return { kind: 'version', ...STORAGE_TEXT.version, action: 'update-program' };
  if (has('BlockedError', 'StorageBlockedError')) return { kind: 'blocked', ...STORAGE_TEXT.blocked, action: 'close-other-windows' };
  if (has('DatabaseClosedError')) return { kind: 'closed', ...STORAGE_TEXT.closed, action: 'reload' };
  if (has('MissingAPIError', 'InvalidStateError', 'SecurityError')) return { kind: 'unavailable', ...STORAGE_TEXT.unavailable, action: 'reload' };
  const detail = err instanceof Error ? err.message : String(err);
  return { kind: 'unknown', title: STORAGE_TEXT.unknown.title, message: `${STORAGE_TEXT.unknown.message}${detail}`, action: 'contact-support' };
}

/** Whether an error is a storage failure worth a storage message (rather than a plain refusal). */
export function isStorageError(err: unknown): boolean {
  return errorNames(err).some((n) =>
    ['QuotaExceededError', 'VersionError', 'DatabaseClosedError', 'MissingAPIError', 'InvalidStateError', 'OpenFailedError', 'UnknownError', 'AbortError'].includes(n),
  );
}

/** Ask the browser not to evict the store; 'unsupported' where the API is missing. */
export async function requestPersistentStorage(): Promise<'granted' | 'denied' | 'unsupported'> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}

/** Callbacks while opening: a blocked upgrade, and a later upgrade by another window. */
export interface OpenWatch {
  onBlocked?: () => void;
  onClosedByOtherWindow?: () => void;
}

/**
 * Open the store: when it is upgraded while another window holds it, `onBlocked` is called
 * (the open resumes once the other window closes); when another window upgrades it later,
 * this connection closes and `onClosedByOtherWindow` is called. Rejects with the original
 * error (explain it with describeStorageError).
 */
export async function openStore(db: LedgerDb | Dexie, watch: OpenWatch = {}): Promise<void> {
  db.on('blocked', () => watch.onBlocked?.());
  db.on('versionchange', () => {
    db.close();
    watch.onClosedByOtherWindow?.();
    return false;
  });
  await db.open();
}
