/**
 * Restoring a verified backup // 恢复: a safety backup of the current state first, an older
 * backup upgraded through the schema history in a scratch database, then every table replaced
 * in one transaction. The audit trail is append-only: restore merges it.
 */
import Dexie from 'dexie';
import type { AuditEntry } from '@core/model';
import { LATEST_VERSION, LOCAL_TABLES, SCHEMA_HISTORY } from '../schema';
import { createRawLedgerDb, type LedgerDb } from '../db';
import { runUnguarded } from '../audit';
import { DERIVED_TABLES, type BackupFile, type BackupSink, type TakenBackup } from './format';
import { takeBackup } from './take';
import { BACKUP_TEXT, WHOLE_STORE } from './texts';

/** The rows of a verified backup per table, upgraded to the newest schema. */
async function rowsAtLatest(backup: BackupFile): Promise<Map<string, unknown[]>> {
  const decoded = backup.rows;
  if (backup.schemaVersion === LATEST_VERSION) return decoded;
  // Older backup: write it into a scratch database at its own version, then let the
  // schema history upgrade it, exactly as an officer's store is upgraded.
  const scratchName = `ledger-restore-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const older = createRawLedgerDb(scratchName, SCHEMA_HISTORY.filter((s) => s.version <= backup.schemaVersion));
  try {
    await older.open();
    await older.transaction('rw', older.tables, async () => {
      for (const [name, rows] of decoded) await older.table(name).bulkAdd(rows);
    });
    older.close();
    const latest = createRawLedgerDb(scratchName);
    await latest.open();
    const out = new Map<string, unknown[]>();
    for (const t of latest.tables) out.set(t.name, await t.toArray());
    latest.close();
    return out;
  } finally {
    await Dexie.delete(scratchName);
  }
}

/** Rows written per request while restoring. */
const RESTORE_PAGE = 2000;

/** What a restore did. */
export interface RestoreResult {
  /** The safety backup of the state before the restore. */
  safety: TakenBackup;
  counts: Record<string, number>;
}

/**
 * Restore a verified backup: first a safety backup of the current state (refuses to go on
 * if that fails), then every table replaced in one transaction; audit rows are merged
 * (the trail is append-only) and the restore itself is recorded.
 *
 * `file` is the verified backup, or a loader that reads and verifies it once the safety backup
 * is taken (the backup page: its preview kept no rows), so that the file's rows and the whole
 * safety backup are never in memory together. A loader that fails (the file changed or went
 * since it was checked) stops the restore before anything is changed; its message is the
 * officer's.
 */
export async function restoreBackup(db: LedgerDb, file: BackupFile | (() => Promise<BackupFile>), opts: { sink?: BackupSink; by?: string } = {}): Promise<RestoreResult> {
  let safety: TakenBackup;
  try {
    safety = await takeBackup(db, 'before-restore', opts.sink);
  } catch (e) {
    throw new Error(BACKUP_TEXT.safetyFailed(e instanceof Error ? e.message : String(e)));
  }
  const backup = typeof file === 'function' ? await file() : file;
  const counts: Record<string, number> = {};
  try {
    const rows = await rowsAtLatest(backup);
    const names = db.tables.map((t) => t.name);
    await runUnguarded(db, names, async () => {
      for (const name of names) {
        // progressSummary follows the progress rows written here (progressSummaryMiddleware).
        if (LOCAL_TABLES.has(name)) await db.table(name).clear();
        if (name === 'audit' || DERIVED_TABLES.has(name)) continue;
        const table = db.table(name);
        await table.clear();
        const incoming = rows.get(name) ?? [];
        // In pages: each page's copies go to the database before the next is made.
        for (let i = 0; i < incoming.length; i += RESTORE_PAGE) await table.bulkAdd(incoming.slice(i, i + RESTORE_PAGE));
        counts[name] = incoming.length;
      }
      const current = await db.audit.toArray();
      const bySeq = new Map(current.map((a) => [a.seq, JSON.stringify(a)]));
      const incoming = (rows.get('audit') ?? []) as AuditEntry[];
      const missing = incoming.filter((a) => bySeq.get(a.seq) !== JSON.stringify(a));
      const keepSeq = missing.filter((a) => !bySeq.has(a.seq));
      const reSeq = missing.filter((a) => bySeq.has(a.seq)).map(({ seq: _seq, ...rest }) => rest);
      await db.audit.bulkAdd([...keepSeq, ...reSeq]);
      await db.audit.add({
        at: new Date().toISOString(),
        entity: 'import',
        entityId: 'restore',
        field: WHOLE_STORE,
        oldValue: { safetyBackup: safety.fileName, counts: safety.header.counts },
        newValue: { backupCreatedAt: backup.createdAt, counts: backup.counts },
        by: opts.by ?? '',
        reason: 'restore',
      });
      counts.audit = await db.audit.count();
    });
  } catch (e) {
    // IndexedDB's own (English) text goes to the log; the officer gets what happened and what to do.
    console.error('restore failed', e);
    throw new Error(BACKUP_TEXT.writeFailed);
  }
  return { safety, counts };
}
