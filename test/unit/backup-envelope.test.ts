/**
 * The renderer's backups are exactly what main accepts: a real store exported by
 * storage/backup.ts passes main's envelope check piece by piece, and a file main would refuse
 * is refused by the renderer's reader too.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRawLedgerDb } from '../../src/renderer/storage/db';
import { createBackup, readBackupFile } from '../../src/renderer/storage/backup';
import { EnvelopeVerifier } from '../../src/main/backup-envelope';
import { BACKUP_ENVELOPE_FORMAT } from '../../src/shared/bridge';
import { BACKUP_FORMAT } from '../../src/renderer/storage/backup';
import { seedStore } from '../builders/seeded-store';

describe('one envelope format on both sides', () => {
  it('the persisted format name is the same constant', () => {
    expect(BACKUP_FORMAT).toBe('district-ledger-backup');
    expect(BACKUP_ENVELOPE_FORMAT).toBe(BACKUP_FORMAT);
  });

  it("main accepts the renderer's backup of a real store, piece by piece", async () => {
    const db = createRawLedgerDb(`envelope-${Date.now()}`);
    await seedStore(db, ['2025-Q2', '2025-Q3']);
    const backup = await createBackup(db, 'manual');
    expect(backup.chunks.length).toBeGreaterThanOrEqual(3);
    const v = new EnvelopeVerifier();
    for (const c of backup.chunks) v.update(c);
    expect(v.result()?.counts).toEqual(backup.header.counts);
    // A changed byte: main refuses, and so does the renderer.
    const bad = backup.bytes.slice();
    bad[bad.length - 40] = bad[bad.length - 40] === 0x31 ? 0x32 : 0x31;
    const v2 = new EnvelopeVerifier();
    v2.update(bad);
    expect(v2.result()).toBeUndefined();
    expect((await readBackupFile(bad)).ok).toBe(false);
    db.close();
    await db.delete();
  });
});
