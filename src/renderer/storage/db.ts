/**
 * The one database factory: the ledger database with every storage guard installed, for the
 * application and for every test. The guards live in their own modules (progress-summary,
 * locks, audit, row-guard) and know only the class (ledger-db.ts), never this factory.
 */
import { DB_NAME, SCHEMA_HISTORY, type SchemaStep } from './schema';
import { LedgerDb } from './ledger-db';
import { installAuditTrail } from './audit';
import { installPeriodLocks } from './locks';
import { installRowGuard } from './row-guard';
import { progressSummaryMiddleware } from './progress-summary';
import { taskHeadsMiddleware } from './task-heads';

export { LedgerDb } from './ledger-db';
export type { ImportRecord, ProgressDraft, StoredTemplate } from './ledger-db';

let instance: LedgerDb | undefined;

/**
 * The store with only its derived data kept in step (the progress summary, the task heads), no guard: for a
 * restore's scratch copy and for tests that write below the guards on purpose (schema steps,
 * the row guard's own test).
 */
export function createRawLedgerDb(name: string = DB_NAME, history: readonly SchemaStep[] = SCHEMA_HISTORY): LedgerDb {
  const db = new LedgerDb(name, history);
  db.use(progressSummaryMiddleware);
  db.use(taskHeadsMiddleware);
  return db;
}

/**
 * A database with every storage guard installed (progress summary, period locks, audit trail,
 * malformed-row guard): the one factory for the application and for the tests.
 */
export function createLedgerDb(name: string = DB_NAME, history: readonly SchemaStep[] = SCHEMA_HISTORY): LedgerDb {
  const db = createRawLedgerDb(name, history);
  installPeriodLocks(db);
  installAuditTrail(db);
  installRowGuard(db);
  return db;
}

/** The application's database, opened on first use, with every guard installed. */
export function getDb(): LedgerDb {
  instance ??= createLedgerDb();
  return instance;
}
