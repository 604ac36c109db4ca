/** Live queries for React: a named query's current answer as {data, loading, error}. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type LedgerDb } from './db';

/** What a live query holds: loading until the first answer; then data, or the error it threw. */
export interface QueryState<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
}

type Answer<T> = { ok: true; data: T } | { ok: false; error: unknown };

/** Run `query` as a live query runs it: an error is an answer (the page shows it), not a throw. */
export async function answerOf<T>(query: (db: LedgerDb) => Promise<T> | T): Promise<Answer<T>> {
  try {
    return { ok: true, data: await query(getDb()) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** An answer as a page reads it. */
export function stateOf<T>(answer: Answer<T> | undefined): QueryState<T> {
  if (answer === undefined) return { data: undefined, loading: true, error: undefined };
  return answer.ok ? { data: answer.data, loading: false, error: undefined } : { data: undefined, loading: false, error: answer.error };
}

/**
 * Run `query` against the application's database and run it again whenever what it read
 * changes. Errors are returned, not thrown into the render.
 */
export function useQuery<T>(query: (db: LedgerDb) => Promise<T> | T, deps: readonly unknown[]): QueryState<T> {
  return stateOf(useLiveQuery(() => answerOf(query), [...deps]));
}
