/**
 * A live query that can be started before any page shows it, and that whoever watches it
 * shares: the app starts reading the ledger's 10,000 tasks as soon as it knows the district, so
 * IndexedDB reads them while the window's frame is still being drawn, and the ledger page then
 * watches that same query instead of starting its own.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import type { LedgerDb } from './db';
import { answerOf, stateOf, type QueryState } from './use-query';
import { ledgerBase, ledgerStart, type LedgerStart } from './queries';
import { headsKeptFor } from './task-heads';

interface Shared {
  state: QueryState<unknown>;
  listeners: Set<() => void>;
  sub?: Subscription;
  holds: number;
  stop?: ReturnType<typeof setTimeout>;
}

const LOADING: QueryState<never> = { data: undefined, loading: true, error: undefined };
const running = new Map<string, Shared>();

/** Keep the query `key` running (start it if need be); returns the release. */
function hold(key: string, query: (db: LedgerDb) => Promise<unknown>): () => void {
  let s = running.get(key);
  if (!s) {
    const shared: Shared = { state: LOADING, listeners: new Set(), holds: 0 };
    running.set(key, shared);
    const set = (state: QueryState<unknown>) => {
      shared.state = state;
      for (const l of shared.listeners) l();
    };
    // As useQuery: an error is an answer (shown by the page), not the end of the watch.
    shared.sub = liveQuery(() => answerOf(query)).subscribe((a) => set(stateOf(a)));
    s = shared;
  }
  const shared = s;
  clearTimeout(shared.stop);
  shared.holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--shared.holds > 0) return;
    // Not at once: a page that re-mounts at once (React's checks in development) keeps the answer.
    shared.stop = setTimeout(() => {
      if (shared.holds > 0) return;
      shared.sub?.unsubscribe();
      running.delete(key);
    }, 0);
  };
}

/**
 * Start the query `key` now, before anything shows it; it is kept `forMs` for a page to take it
 * up (useSharedQuery with the same key), then stops unless a page watches it.
 */
export function prefetchQuery(key: string, query: (db: LedgerDb) => Promise<unknown>, forMs = 10_000): void {
  // Held already: nothing to start. (Running with no holds, about to stop: held again.)
  if ((running.get(key)?.holds ?? 0) > 0) return;
  const release = hold(key, query);
  early.set(key, release);
  setTimeout(() => endEarly(key, release), forMs);
}

/** The holds of early starts (prefetchQuery) not yet ended, by key. */
const early = new Map<string, () => void>();

function endEarly(key: string, release: () => void): void {
  if (early.get(key) === release) early.delete(key);
  release();
}

/** End the early start of `key` now, before its time is out (its page has what it needs): the query stops unless a page watches it. */
export function endPrefetch(key: string): void {
  const release = early.get(key);
  if (release) endEarly(key, release);
}

/** Whether the query `key` is running (started early, or watched). */
export function isQueryRunning(key: string): boolean {
  return running.has(key);
}

/**
 * Watch the query `key` (started now, or taken over from an early start): `onChange` is told of
 * each new answer; `current()` gives the latest; `release()` ends the watch.
 */
export function watchQuery<T>(key: string, query: (db: LedgerDb) => Promise<T>, onChange: () => void): { current: () => QueryState<T>; release: () => void } {
  const release = hold(key, query);
  const s = running.get(key)!;
  s.listeners.add(onChange);
  return {
    current: () => s.state as QueryState<T>,
    release: () => {
      s.listeners.delete(onChange);
      release();
    },
  };
}

/**
 * The answer of the live query `key` (`query` runs it; the same key must always mean the same
 * query), as useQuery gives it; the query is shared with every other watcher of the key and
 * with an early start.
 */
export function useSharedQuery<T>(key: string, query: (db: LedgerDb) => Promise<T>, enabled = true): QueryState<T> {
  // The key names the query; a new function for the same key is the same query.
  const subscribe = useCallback((onChange: () => void) => (enabled ? watchQuery(key, query, onChange).release : () => {}), [key, enabled]);
  const snapshot = useCallback(() => (enabled ? ((running.get(key)?.state ?? LOADING) as QueryState<T>) : LOADING), [key, enabled]);
  return useSyncExternalStore(subscribe, snapshot);
}

const ledgerKey = (district: string) => `ledger|${district}`;
const ledgerStartKey = (district: string) => `ledger-start|${district}`;
/** The keys of the ledger's two shared queries (for tests: whether each is running). */
export const ledgerQueryKeys = { whole: ledgerKey, start: ledgerStartKey } as const;

/**
 * Start reading the ledger's first rows' data of `district` now (the app opens on the ledger):
 * the tasks' heads (ledgerStart). The page asks the whole tasks (ledgerBase) once they are in.
 */
export function prefetchLedger(district: string): void {
  prefetchQuery(ledgerStartKey(district), startQuery(district));
}

/**
 * The start's query. With no note that the heads' infos were kept by this build for `district`
 * (headsKeptFor: the first start of a new version, nothing kept yet) it reads nothing and the
 * whole tasks are asked at once, as before heads were kept; with the note, the heads are read
 * (ledgerStart), and when they turn out to have nothing to draw from (most of them stale: a
 * cluster changed), the whole tasks are asked then, not after the page has heard the answer.
 */
function startQuery(district: string) {
  const whole = (db: LedgerDb) => ledgerBase(db, district);
  // Out of the live query's own zone: a query started from inside another would be part of it.
  const askWhole = () => setTimeout(() => prefetchQuery(ledgerKey(district), whole), 0);
  return (db: LedgerDb): Promise<LedgerStart | undefined> => {
    if (!headsKeptFor(district)) {
      askWhole();
      return Promise.resolve(undefined);
    }
    return ledgerStart(db, district).then((start) => {
      if (!start) askWhole();
      return start;
    });
  };
}

/** The ledger's data of `district`, live; shared with an early start; watched once `enabled`. */
export function useLedgerBase(district: string, enabled = true) {
  return useSharedQuery(ledgerKey(district), (db) => ledgerBase(db, district), enabled);
}

/** The ledger's first rows' data of `district` (ledgerStart), watched only while `enabled` (until the whole tasks are in). */
export function useLedgerStart(district: string, enabled: boolean) {
  // Once the whole tasks are in, the early start ends too: left live for its 10 s, it would read every
  // head again after each write, and the keeping after a start writes them 200 at a time.
  useEffect(() => {
    if (!enabled) endPrefetch(ledgerStartKey(district));
  }, [enabled, district]);
  return useSharedQuery(ledgerStartKey(district), startQuery(district), enabled);
}
