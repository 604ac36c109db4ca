/**
 * Submitted periods are locked // 已报送锁定. A period is 已报送 for a district when the
 * submissions table holds a submission for that district and period without `unlockedAt`.
 * Writes to progress of a locked period are refused inside storage (a DBCore middleware),
 * so no screen can bypass the lock; unlocking is explicit and recorded in the audit trail.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import type { Submission } from '@core/model';
import { parsePeriodId } from '@core/period';
import { periodLockId } from '@core/ids';
import type { LedgerDb } from './ledger-db';
import { lockedText } from './texts';
import { changedFields, changedRecords, isUnguarded, readBefore, widenTransactions } from './audit';

/** Thrown when a write touches a 已报送 period. The message is for the officer. */
export class PeriodLockedError extends Error {
  override name = 'PeriodLockedError';
  constructor(
    readonly district: string,
    readonly periodId: string,
  ) {
    super(lockedMessage(district, periodId));
  }
}

/** The Chinese refusal for a locked period. */
export function lockedMessage(district: string, periodId: string): string {
  const name = parsePeriodId(periodId)?.name ?? periodId;
  return lockedText(district, name);
}

/** Whether a submission still locks its period. */
function locks(s: Submission): boolean {
  return !s.unlockedAt;
}

/** Lock state of one district's period: locked, and the latest submission if any. */
export interface LockState {
  locked: boolean;
  /** The most recent submission of the period (locked or unlocked). */
  latest?: Submission;
  submissions: Submission[];
}

/** Read the lock state of a district's period. */
export async function readLockState(db: LedgerDb, district: string, periodId: string): Promise<LockState> {
  const submissions = await db.submissions.where('[district+periodId]').equals([district, periodId]).sortBy('at');
  return { locked: submissions.some(locks), latest: submissions[submissions.length - 1], submissions };
}

/** The periods of a district that are locked (已报送 and not unlocked), oldest first. */
export async function lockedPeriods(db: LedgerDb, district: string): Promise<string[]> {
  const subs = await db.submissions.where('[district+periodId]').between([district, ''], [district, '\uffff']).toArray();
  return [...new Set(subs.filter(locks).map((s) => s.periodId))].sort();
}

/** The periods a district has sent (any 报送 record, locked or since unlocked): the reporting period moves on from them. */
export async function sentPeriods(db: LedgerDb, district: string): Promise<Set<string>> {
  const subs = await db.submissions.where('[district+periodId]').between([district, ''], [district, '\uffff']).toArray();
  return new Set(subs.map((s) => s.periodId));
}

/** Whether a district's period is locked (已报送 and not unlocked). */
export async function isPeriodLocked(db: LedgerDb, district: string, periodId: string): Promise<boolean> {
  return (await readLockState(db, district, periodId)).locked;
}

/**
 * Unlock a submitted period so that its progress can be edited again. Every locking
 * submission gets `unlockedAt`; the unlock itself is written to the audit trail with
 * `by`. Returns false when the period was not locked.
 */
export async function unlockPeriod(db: LedgerDb, district: string, periodId: string, by: string): Promise<boolean> {
  return db.transaction('rw', db.submissions, db.audit, async () => {
    const subs = await db.submissions.where('[district+periodId]').equals([district, periodId]).toArray();
    const locking = subs.filter(locks);
    if (locking.length === 0) return false;
    const at = new Date().toISOString();
    for (const s of locking) await db.submissions.put({ ...s, unlockedAt: at });
    await db.audit.bulkAdd(
      locking.map((s) => ({
        at,
        entity: 'submission' as const,
        entityId: periodLockId(district, periodId),
        field: 'unlockedAt',
        // The files as the 报送 record lists them; one file's SHA-256 (a set's fingerprint matches none of its files).
        oldValue: s.files && s.files.length > 1 ? { fileName: s.files.map((f) => f.fileName).join('、'), submittedAt: s.at } : { fileName: s.fileName, sha256: s.sha256, submittedAt: s.at },
        newValue: at,
        by,
        reason: 'unlock',
      })),
    );
    return true;
  });
}

async function lockedPairs(down: DBCore, trans: DBCoreTransaction): Promise<Set<string>> {
  const table = down.table('submissions');
  const res = await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } } });
  return new Set((res.result as Submission[]).filter(locks).map((s) => `${s.district}|${s.periodId}`));
}

/** The tables a 报送 prints from, per period: task progress, and a cluster's 进展 and indicator values (产业集群推进情况表). */
const LOCKED_TABLES = new Set(['progress', 'clusterProgress', 'clusterIndicatorValues']);

/**
 * The district and period of each record of a locked table (a cluster's records through its
 * cluster), read in at most two lookups: a Dexie transaction keeps its zone over few awaits only.
 */
async function clusterOwners(down: DBCore, trans: DBCoreTransaction, name: string, recs: Record<string, unknown>[]): Promise<{ district: string; periodId: string }[]> {
  let clusterIds = recs.map((r) => r.clusterId as string | undefined);
  if (name === 'clusterIndicatorValues') {
    const indicators = await down.table('clusterIndicators').getMany({ trans, keys: recs.map((r) => r.indicatorId) });
    clusterIds = indicators.map((i) => (i as { clusterId?: string } | undefined)?.clusterId);
  }
  const clusters = await down.table('clusters').getMany({ trans, keys: clusterIds.map((id) => id ?? '') });
  return recs.map((r, i) => ({ district: String((clusters[i] as { district?: string } | undefined)?.district ?? ''), periodId: String(r.periodId ?? '') }));
}

function lockMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'LedgerPeriodLocks',
    level: 15,
    create(down) {
      const names = new Set(down.schema.tables.map((t) => t.name));
      if (!names.has('progress') || !names.has('submissions')) return down;
      return {
        ...down,
        transaction: widenTransactions(down, new Set([...LOCKED_TABLES].filter((t) => names.has(t)))),
        table(name) {
          const table = down.table(name);
          if (!LOCKED_TABLES.has(name)) return table;
          return {
            ...table,
            async mutate(req) {
              if (isUnguarded(req.trans)) return table.mutate(req);
              const before = await readBefore(table, req);
              const touched = changedRecords(table, req, before).filter(
                ({ old, next }) =>
                  old === undefined || next === undefined || changedFields(old as Record<string, unknown>, next as Record<string, unknown>).length > 0,
              );
              if (touched.length > 0) {
                const recs = touched.flatMap(({ old, next }) => [old, next]).filter((r): r is Record<string, unknown> => r !== undefined);
                // One await for both reads: more awaits here and the transaction's zone is lost to the layers below.
                const [locked, owners] = await Promise.all([
                  lockedPairs(down, req.trans),
                  name === 'progress' ? recs.map((r) => ({ district: String(r.district ?? ''), periodId: String(r.periodId ?? '') })) : clusterOwners(down, req.trans, name, recs),
                ]);
                for (const owner of owners) if (locked.has(`${owner.district}|${owner.periodId}`)) throw new PeriodLockedError(owner.district, owner.periodId);
              }
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}

/** Install the period locks on a database, once, before it is opened. */
export function installPeriodLocks(db: Dexie): void {
  db.use(lockMiddleware());
}
