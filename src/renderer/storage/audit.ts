/**
 * The append-only audit trail // 修改记录. Installed once on the database as a DBCore
 * middleware, so every write to a task, a progress entry, a cluster (and its indicators,
 * values and reports) or a setting is recorded in the same transaction as the change
 * itself — no feature can forget, and a change is never saved without its record.
 *
 * Rules: one audit row per changed field; a created or deleted record gives one row with
 * field `*` holding the whole record; changes of `updatedAt` alone are not recorded.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { AuditEntry, ProgressEntry } from '@core/model';
import { SETTING_KEYS } from '@core/model';
import type { LedgerDb } from './ledger-db';

/** The field name of a created or deleted record's single audit row. */
export const WHOLE_RECORD = '*';

/** Which store maps to which audited entity. */
const AUDITED: Readonly<Record<string, AuditEntry['entity']>> = {
  tasks: 'task',
  progress: 'progress',
  clusters: 'cluster',
  clusterProgress: 'cluster',
  clusterIndicators: 'cluster',
  clusterIndicatorValues: 'cluster',
  settings: 'setting',
};

/** Fields never recorded (bookkeeping, not content). */
const IGNORED_FIELDS = new Set(['updatedAt']);

/** Stores every guarded read-write transaction also needs (audit rows, filler name, locks, cluster lookup). */
const GUARD_STORES = ['audit', 'settings', 'submissions', 'clusterIndicators', 'clusters'];

const unguarded = new WeakSet<object>();

/**
 * Run `fn` in one read-write transaction over `tables` that bypasses the audit trail and
 * the period locks. Only for whole-store operations that record themselves (restore).
 */
export function runUnguarded<T>(db: Dexie, tables: string[], fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', tables, async (tx) => {
    unguarded.add(tx.idbtrans);
    return fn();
  });
}

/** Whether a core transaction is exempt from guards (restore, or a schema upgrade). */
export function isUnguarded(trans: DBCoreTransaction): boolean {
  return unguarded.has(trans) || (trans as unknown as IDBTransaction).mode === 'versionchange';
}

/** Add the guard stores to every read-write transaction that touches one of `watched`. */
export function widenTransactions(down: DBCore, watched: ReadonlySet<string>): DBCore['transaction'] {
  const existing = new Set(down.schema.tables.map((t) => t.name));
  const extra = GUARD_STORES.filter((s) => existing.has(s));
  return (stores, mode, options) => {
    if (mode !== 'readwrite' || !stores.some((s) => watched.has(s))) return down.transaction(stores, mode, options);
    const widened = [...new Set([...stores, ...extra])];
    return down.transaction(widened, mode, options);
  };
}

/** The primary keys a mutation touches and the records as they were before it. */
export async function readBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Map<string, unknown>> {
  const pk = table.schema.primaryKey;
  const before = new Map<string, unknown>();
  if (req.type === 'deleteRange') {
    const res = await table.query({ trans: req.trans, values: true, query: { index: pk, range: req.range } });
    for (const v of res.result) before.set(keyId(pk.extractKey!(v)), v);
    return before;
  }
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (pk.extractKey ? pk.extractKey(v) : undefined)));
  const known = keys.filter((k) => k !== undefined && k !== null);
  if (known.length === 0) return before;
  const olds = await table.getMany({ trans: req.trans, keys: known });
  known.forEach((k, i) => {
    if (olds[i] !== undefined) before.set(keyId(k), olds[i]);
  });
  return before;
}

/** The records a mutation wrote or removed: [key, old, new] (new undefined = deleted). */
export function changedRecords(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  before: Map<string, unknown>,
  res?: DBCoreMutateResponse,
): { key: unknown; old: unknown; next: unknown }[] {
  const pk = table.schema.primaryKey;
  if (req.type === 'deleteRange' || req.type === 'delete')
    return [...before.entries()].map(([k, old]) => ({ key: JSON.parse(k), old, next: undefined }));
  const out: { key: unknown; old: unknown; next: unknown }[] = [];
  req.values.forEach((value, i) => {
    if (res && res.failures[i]) return;
    const key = res?.results?.[i] ?? req.keys?.[i] ?? pk.extractKey?.(value);
    out.push({ key, old: key === undefined ? undefined : before.get(keyId(key)), next: value });
  });
  return out;
}

/** A stable string id for a primary key. */
export function keyId(key: unknown): string {
  return JSON.stringify(key);
}

/** Deep equality for stored values (plain data). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields whose values differ between two records, ignoring `updatedAt`. */
export function changedFields(old: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(old), ...Object.keys(next)]);
  return [...fields].filter((f) => !IGNORED_FIELDS.has(f) && !sameEmpty(old[f], next[f]));
}

/** Equal, treating a missing field and undefined alike. */
function sameEmpty(a: unknown, b: unknown): boolean {
  if (a === undefined && b === undefined) return true;
  return sameValue(a, b);
}

/** A record without its bookkeeping fields, for `*` rows. */
function snapshot(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v;
  const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
  for (const f of IGNORED_FIELDS) delete copy[f];
  return copy;
}

type Row = Record<string, unknown>;

/** Entity id and field prefix of a stored record of `table`. */
function locate(table: string, rec: Row, indicatorCluster: Map<string, string>): { entityId: string; prefix: string } {
  switch (table) {
    case 'tasks':
      return { entityId: String(rec.key), prefix: '' };
    case 'settings':
      return { entityId: String(rec.key), prefix: '' };
    case 'clusterProgress':
      return { entityId: String(rec.clusterId), prefix: `clusterProgress:${String(rec.periodId)}:` };
    case 'clusterIndicators':
      return { entityId: String(rec.clusterId), prefix: `indicator:${String(rec.id)}:` };
    case 'clusterIndicatorValues': {
      const indicatorId = String(rec.indicatorId);
      return {
        entityId: indicatorCluster.get(indicatorId) ?? `indicator:${indicatorId}`,
        prefix: `indicatorValue:${indicatorId}:${String(rec.periodId)}:`,
      };
    }
    default:
      return { entityId: String(rec.id), prefix: '' };
  }
}

/** The audit rows for one mutation of an audited table (pure; exported for tests). */
export function describeChanges(
  table: string,
  changes: { old: unknown; next: unknown }[],
  ctx: { at: string; filledBy: string; indicatorCluster: Map<string, string> },
): AuditEntry[] {
  const entity = AUDITED[table];
  if (!entity) return [];
  const rows: AuditEntry[] = [];
  for (const { old, next } of changes) {
    const rec = (next ?? old) as Row | undefined;
    if (!rec) continue;
    const { entityId, prefix } = locate(table, rec, ctx.indicatorCluster);
    const by = byWhom(table, old as Row | undefined, next as Row | undefined, ctx.filledBy);
    const base = { at: ctx.at, entity, entityId, by };
    if (old === undefined) rows.push({ ...base, field: prefix + WHOLE_RECORD, oldValue: null, newValue: snapshot(next) });
    else if (next === undefined) rows.push({ ...base, field: prefix + WHOLE_RECORD, oldValue: snapshot(old), newValue: null });
    else
      for (const f of changedFields(old as Row, next as Row))
        rows.push({ ...base, field: prefix + f, oldValue: (old as Row)[f] ?? null, newValue: (next as Row)[f] ?? null });
  }
  return rows;
}

/** Who made a change: the progress entry's 填报人, else the 填报人 setting. */
function byWhom(table: string, old: Row | undefined, next: Row | undefined, filledBy: string): string {
  if (table === 'progress') {
    const n = (next as Partial<ProgressEntry> | undefined)?.filledBy;
    const o = (old as Partial<ProgressEntry> | undefined)?.filledBy;
    return n || o || filledBy;
  }
  if (table === 'settings' && next && next.key === SETTING_KEYS.filledBy && typeof next.value === 'string') return next.value || filledBy;
  return filledBy;
}

/** The audit middleware: records every change of an audited table in the same transaction. */
function auditMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'LedgerAuditTrail',
    level: 20,
    create(down) {
      const watched = new Set(Object.keys(AUDITED).filter((t) => down.schema.tables.some((s) => s.name === t)));
      const hasAudit = down.schema.tables.some((t) => t.name === 'audit');
      return {
        ...down,
        transaction: widenTransactions(down, watched),
        table(name) {
          const table = down.table(name);
          if (!watched.has(name) || !hasAudit) return table;
          return {
            ...table,
            async mutate(req) {
              if (isUnguarded(req.trans)) return table.mutate(req);
              const before = await readBefore(table, req);
              const res = await table.mutate(req);
              const changes = changedRecords(table, req, before, res);
              if (changes.length === 0) return res;
              const filledBy = await readFilledBy(down, req.trans);
              const indicatorCluster = name === 'clusterIndicatorValues' ? await readIndicatorClusters(down, req.trans, changes) : new Map<string, string>();
              const rows = describeChanges(name, changes, { at: new Date().toISOString(), filledBy, indicatorCluster });
              if (rows.length > 0) await down.table('audit').mutate({ type: 'add', trans: req.trans, values: rows });
              return res;
            },
          };
        },
      };
    },
  };
}

async function readFilledBy(down: DBCore, trans: DBCoreTransaction): Promise<string> {
  try {
    const row = (await down.table('settings').get({ trans, key: SETTING_KEYS.filledBy })) as { value?: unknown } | undefined;
    return typeof row?.value === 'string' ? row.value : '';
  } catch {
    return '';
  }
}

async function readIndicatorClusters(
  down: DBCore,
  trans: DBCoreTransaction,
  changes: { old: unknown; next: unknown }[],
): Promise<Map<string, string>> {
  const ids = [...new Set(changes.map((c) => String(((c.next ?? c.old) as Row).indicatorId)))];
  const map = new Map<string, string>();
  try {
    const found = (await down.table('clusterIndicators').getMany({ trans, keys: ids })) as (Row | undefined)[];
    found.forEach((f, i) => {
      if (f) map.set(ids[i]!, String(f.clusterId));
    });
  } catch {
    // Outside a widened transaction the lookup is unavailable; the indicator id stands in.
  }
  return map;
}

/** Install the audit trail on a database, once, before it is opened. */
export function installAuditTrail(db: Dexie): void {
  db.use(auditMiddleware());
}

/** The trail of one entity, oldest first. */
export function readAuditTrail(db: LedgerDb, entity: AuditEntry['entity'], entityId: string): Promise<AuditEntry[]> {
  return db.audit.where('[entity+entityId]').equals([entity, entityId]).sortBy('seq');
}

/** A task's own trail plus the trail of its progress entries in `district` (every period), oldest first. */
export async function readTaskTrail(db: LedgerDb, taskKey: string, district?: string): Promise<AuditEntry[]> {
  const own = await readAuditTrail(db, 'task', taskKey);
  const prefix = district ? `${district}|${taskKey}|` : undefined;
  const progress = prefix
    ? await db.audit.where('[entity+entityId]').between(['progress', prefix], ['progress', `${prefix}\uffff`]).toArray()
    : (await db.audit.where('[entity+entityId]').between(['progress', ''], ['progress', '\uffff']).toArray()).filter(
        (e) => e.entityId.split('|')[1] === taskKey,
      );
  return [...own, ...progress].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/** The most recent `limit` audit rows of the whole store, newest first. */
export function readRecentAudit(db: LedgerDb, limit: number): Promise<AuditEntry[]> {
  return db.audit.reverse().limit(limit).toArray();
}
