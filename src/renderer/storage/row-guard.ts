/**
 * Reads tolerate a malformed row // 损坏记录: a row already stored that does not match its
 * table's schema (core/records/schemas.ts) is left out of what the app reads, with a warning
 * in the log and a notice on screen, instead of breaking every page that shows it. The row
 * itself stays in the database (and in backups) until a restore replaces it.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { rowProblem } from '@core/records/schemas';

/** A row left out of a read. */
export interface SkippedRow {
  table: string;
  key: string;
  problem: string;
}

const skipped = new Map<string, SkippedRow>();
const listeners = new Set<(rows: SkippedRow[]) => void>();
const rawReads = new WeakSet<object>();

/** The rows left out so far in this session. */
export function skippedRows(): SkippedRow[] {
  return [...skipped.values()];
}

/** Be told when a malformed row is left out; returns an unsubscribe function. */
export function onSkippedRows(listener: (rows: SkippedRow[]) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forget what was reported (after a restore, and between tests). */
export function clearSkippedRows(): void {
  skipped.clear();
  for (const l of listeners) l([]);
}

/** Read inside `tx` without the guard (backups keep every row exactly as stored). */
export function markRawReads(tx: { idbtrans: object }): void {
  rawReads.add(tx.idbtrans);
}

function report(table: string, key: unknown, problem: string): void {
  const id = `${table}|${JSON.stringify(key)}`;
  if (skipped.has(id)) return;
  skipped.set(id, { table, key: typeof key === 'string' ? key : JSON.stringify(key), problem });
  console.warn(`malformed row skipped: ${table} ${JSON.stringify(key)}: ${problem}`);
  const rows = skippedRows();
  for (const l of listeners) l(rows);
}

function guardTable(table: DBCoreTable): DBCoreTable {
  const name = table.name;
  const pk = table.schema.primaryKey;
  const keyOf = (row: unknown, fallback?: unknown) => (pk.extractKey ? pk.extractKey(row) : fallback);
  const ok = (trans: DBCoreTransaction, row: unknown, key?: unknown): boolean => {
    if (row === undefined || rawReads.has(trans)) return true;
    const problem = rowProblem(name, row);
    if (!problem) return true;
    report(name, keyOf(row, key), problem);
    return false;
  };
  return {
    ...table,
    get: (req) => table.get(req).then((row) => (ok(req.trans, row, req.key) ? row : undefined)),
    getMany: (req) => table.getMany(req).then((rows) => rows.map((row, i) => (ok(req.trans, row, req.keys[i]) ? row : undefined))),
    query: (req) =>
      table.query(req).then((res) => {
        if (!req.values || rawReads.has(req.trans)) return res;
        const result = res.result.filter((row) => ok(req.trans, row));
        return result.length === res.result.length ? res : { ...res, result };
      }),
    // Cursors (filter(), each(), offset/limit): a malformed row is stepped over.
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => {
        if (!cursor || !req.values || rawReads.has(req.trans)) return cursor;
        const start = cursor.start.bind(cursor);
        cursor.start = (onNext: () => void) => start(() => (ok(req.trans, cursor.value, cursor.primaryKey) ? onNext() : cursor.continue()));
        return cursor;
      }),
  };
}

/** The middleware: every read of a table with a schema is checked. */
const rowGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rowGuard',
  create: (down) => ({ ...down, table: (name) => guardTable(down.table(name)) }),
};

/** Install the guard on the app's database. */
export function installRowGuard(db: Dexie): void {
  db.use(rowGuard);
}
