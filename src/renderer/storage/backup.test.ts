import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupFileInfo, BackupWriteRequest } from '@shared/bridge';
import { createRawLedgerDb, type LedgerDb } from './db';
import { installAuditTrail } from './audit';
import { installPeriodLocks } from './locks';
import {
  BACKUP_TEXT,
  backupBeforeImport,
  backupBeforeUpgrade,
  bytesSource,
  createBackup,
  readBackupFile,
  readBackupStream,
  restoreBackup,
  WHOLE_STORE,
  type BackupSink,
  type ChunkSource,
} from './backup';
import { seedStore } from '../../../test/builders/seeded-store';
import Dexie from 'dexie';
import { readFile } from 'node:fs/promises';
import { periodRowsOf } from '@core/dashboard';
import { SCHEMA_HISTORY } from './schema';

/** The platform bridge is the one thing mocked: a sink that keeps files in memory like main does. */
function memorySink() {
  const files: (BackupFileInfo & { data: Uint8Array })[] = [];
  const sink: BackupSink & { listBackups(): Promise<BackupFileInfo[]> } = {
    async writeBackup(req: BackupWriteRequest) {
      const info = { name: `backup-${files.length}-${req.reason}.json`, reason: req.reason, at: new Date().toISOString(), size: req.data.length };
      files.push({ ...info, data: req.data });
      return info;
    },
    async listBackups() {
      return files.map(({ data: _d, ...info }) => info);
    },
  };
  return { sink, files };
}

let n = 0;
let name: string;
let db: LedgerDb;
function openGuarded(dbName: string): LedgerDb {
  const d = createRawLedgerDb(dbName);
  installPeriodLocks(d);
  installAuditTrail(d);
  return d;
}
beforeEach(async () => {
  name = `backup-test-${++n}`;
  db = openGuarded(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function dumpTables(d: LedgerDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return out;
}

describe('backup and restore', () => {
  it('round trip: backup → wipe → restore gives identical tables (several periods, binary template)', async () => {
    await seedStore(db, ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    await db.submissions.put({ id: 's1', district: '汉阳区', periodId: '2025-Q3', report: 'tasks', fileName: 'a.xlsx', sha256: 'f'.repeat(64), rows: [{ taskKey: '2023YD-01', status: 'done' }], at: '2025-10-08T09:30:00.000Z' });
    const original = await dumpTables(db);
    expect(original.progress!.length).toBe(22 * 4);
    expect(original.audit!.length).toBeGreaterThan(100);

    const { bytes, header } = await createBackup(db, 'manual');
    expect(header.counts.progress).toBe(88);
    // Summaries are derived: not in the file, rebuilt from the progress rows on restore.
    expect(header.counts).not.toHaveProperty('progressSummary');
    expect(original.progressSummary).toHaveLength(4); // one row per period
    expect(header.district).toBe('汉阳区');
    expect(header.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The laptop loses IndexedDB.
    db.close();
    await db.delete();
    db = openGuarded(name);
    await db.open();
    expect(await db.tasks.count()).toBe(0);

    const check = await readBackupFile(bytes);
    if (!check.ok) throw new Error(check.message);
    expect(check.preview.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(check.preview.counts.tasks).toBe(22);
    // The backup page's check: the same verdict and preview, no row kept.
    const lean = await readBackupStream(bytesSource(bytes), { rows: false });
    if (!lean.ok) throw new Error(lean.message);
    expect(lean.preview).toEqual(check.preview);
    expect([...lean.backup.rows.values()].every((rows) => rows.length === 0)).toBe(true);
    expect([...check.backup.rows.values()].some((rows) => rows.length > 0)).toBe(true);
    const { sink, files } = memorySink();
    const result = await restoreBackup(db, check.backup, { sink, by: '王芳' });
    expect(files.map((f) => f.reason)).toEqual(['before-restore']);
    expect(result.safety.header.counts.tasks).toBe(0);

    const restored = await dumpTables(db);
    for (const t of Object.keys(original)) if (t !== 'audit') expect(restored[t], t).toEqual(original[t]);
    const tpl = (await db.templates.get('tpl-1'))!;
    expect(tpl.data).toBeInstanceOf(Uint8Array);
    expect([...tpl.data]).toEqual([0x50, 0x4b, 3, 4, 0, 255, 128]);
    // the trail is the original one plus the record of the restore
    expect(restored.audit!.slice(0, -1)).toEqual(original.audit);
    expect(restored.audit!.at(-1)).toMatchObject({ entity: 'import', field: WHOLE_STORE, reason: 'restore', by: '王芳' });
    // restoring did not bypass the guards afterwards: the submitted period is locked again
    const p = restored.progress!.find((x) => (x as { periodId: string }).periodId === '2025-Q3') as { id: string };
    await expect(db.progress.update(p.id, { progress: '改' })).rejects.toThrow(/已报送/);
  });

  it('restoring a backup from before the summaries (schema 1) builds them', async () => {
    const oldName = `${name}-v1`;
    const v1 = createRawLedgerDb(oldName, SCHEMA_HISTORY.filter((s) => s.version === 1));
    const { progress } = await seedStore(v1, ['2025-Q1', '2025-Q2']);
    const { bytes } = await createBackup(v1, 'manual');
    v1.close();
    await Dexie.delete(oldName);
    const check = await readBackupFile(bytes);
    if (!check.ok) throw new Error(check.message);
    expect(check.backup.schemaVersion).toBe(1);
    await restoreBackup(db, check.backup, { sink: memorySink().sink });
    const summaries = await db.progressSummary.toArray();
    expect(summaries.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(periodRowsOf(progress).sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(summaries).toHaveLength(2);
  });

  it('restore replaces the current data, keeps its audit rows and takes a safety backup that restores it', async () => {
    await seedStore(db);
    const first = await createBackup(db, 'manual');
    await db.tasks.update('2023YD-01', { title: '备份之后的修改' });
    await db.progress.put({ ...(await db.progress.toArray())[0]!, id: '汉阳区|新增|2025-Q3', taskKey: '新增' });
    // the current store has a submitted (locked) period: restore replaces it all the same
    await db.submissions.put({ id: 's-lock', district: '汉阳区', periodId: '2025-Q3', report: 'tasks', fileName: 'b.xlsx', sha256: 'b'.repeat(64), rows: [], at: '2025-10-09T00:00:00.000Z' });
    const changed = await dumpTables(db);
    const auditBefore = await db.audit.count();

    const check = await readBackupFile(first.bytes);
    if (!check.ok) throw new Error(check.message);
    const { sink, files } = memorySink();
    const { safety } = await restoreBackup(db, check.backup, { sink });
    // The safety backup is main's file; the page kept its name and header, not its bytes.
    expect(safety.fileName).toBe(files.at(-1)!.name);
    expect(safety.chunks).toEqual([]);
    expect(() => safety.bytes).toThrow();
    expect((await db.tasks.get('2023YD-01'))?.title).not.toBe('备份之后的修改');
    expect(await db.progress.get('汉阳区|新增|2025-Q3')).toBeUndefined();
    expect(await db.audit.count()).toBe(auditBefore + 1);

    const back = await readBackupFile(files.at(-1)!.data);
    if (!back.ok) throw new Error(back.message);
    await restoreBackup(db, back.backup, { sink });
    const again = await dumpTables(db);
    for (const t of Object.keys(changed)) if (t !== 'audit') expect(again[t], t).toEqual(changed[t]);
  });

  describe('refuses broken files and changes nothing', () => {
    const cases: [string, (good: Uint8Array) => Uint8Array, RegExp | string][] = [
      ['truncated', (g) => g.slice(0, Math.floor(g.length * 0.6)), BACKUP_TEXT.truncated],
      ['empty', () => new Uint8Array(), BACKUP_TEXT.empty],
      ['not UTF-8 text (an xlsx)', () => new Uint8Array([0x50, 0x4b, 3, 4, 0xff, 0xfe, 0x80, 0x81]), BACKUP_TEXT.notText],
      ['foreign JSON', () => new TextEncoder().encode(JSON.stringify({ name: 'other app', items: [1, 2, 3] })), BACKUP_TEXT.foreign],
      ['a plain dexie export of another database', () => new TextEncoder().encode(JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'x', data: [] } })), BACKUP_TEXT.foreign],
      ['wrong checksum (a value edited by hand)', (g) => edit(g, (f) => ((f.database as Db).data.data.find((t) => t.tableName === 'tasks')!.rows[0] as { title: string }).title = '被改过'), BACKUP_TEXT.checksum],
      ['counts edited', (g) => edit(g, (f) => ((f.counts as Record<string, number>).tasks = 1)), BACKUP_TEXT.checksum],
      ['newer format version', (g) => edit(g, (f) => (f.formatVersion = 2)), BACKUP_TEXT.newerFormat(2)],
      ['newer schema version', (g) => edit(g, (f) => (f.schemaVersion = 99)), BACKUP_TEXT.newerSchema(99)],
    ];
    type Db = { data: { data: { tableName: string; rows: unknown[] }[] } };
    function edit(good: Uint8Array, change: (f: Record<string, unknown>) => void): Uint8Array {
      const f = JSON.parse(new TextDecoder().decode(good)) as Record<string, unknown>;
      change(f);
      return new TextEncoder().encode(JSON.stringify(f));
    }
    for (const [label, breakIt, message] of cases)
      it(label, async () => {
        await seedStore(db);
        const { bytes } = await createBackup(db, 'manual');
        await db.tasks.update('2023YD-05', { title: '当前数据' });
        const before = await dumpTables(db);
        const check = await readBackupFile(breakIt(bytes));
        expect(check.ok).toBe(false);
        if (!check.ok) {
          expect(check.message).toBe(message);
          expect(check.message).toContain('未做任何改动');
        }
        expect(await dumpTables(db)).toEqual(before);
      });
  });

  it('a small file in another layout, read through a source that refuses a read after its end (as main and the browser build do), gets its own refusal', async () => {
    // Main's read closes at its end and throws on the next call; bytesSource answers null again.
    const closingSource = (bytes: Uint8Array): ChunkSource => {
      const inner = bytesSource(bytes, 4096);
      let ended = false;
      return {
        size: bytes.length,
        read: async () => {
          if (ended) throw new Error('这次读取已经结束或不存在，请重新选择备份文件。');
          const piece = await inner.read();
          ended = piece === null;
          return piece;
        },
      };
    };
    const xlsx = new Uint8Array(await readFile('test/fixtures/indicators/breakdown-2026.xlsx'));
    expect(await readBackupStream(closingSource(xlsx))).toEqual({ ok: false, message: BACKUP_TEXT.notText });
    const otherJson = new TextEncoder().encode(JSON.stringify({ name: '别的程序导出的数据', rows: [1, 2, 3] }, null, 2));
    expect(await readBackupStream(closingSource(otherJson), { rows: false })).toEqual({ ok: false, message: BACKUP_TEXT.foreign });
  });

  it('backs up before an import, through the platform sink', async () => {
    await seedStore(db);
    const { sink, files } = memorySink();
    await backupBeforeImport(db, sink);
    expect(files.map((f) => f.reason)).toEqual(['before-import']);
    const check = await readBackupFile(files[0]!.data);
    expect(check.ok && check.backup.reason).toBe('before-import');
  });

  it('backs up the store at its stored version before an upgrade, and not when it is current', async () => {
    await seedStore(db);
    db.close();
    const { sink, files } = memorySink();
    expect(await backupBeforeUpgrade(name, sink)).toBeNull();
    expect(await backupBeforeUpgrade(`${name}-does-not-exist`, sink)).toBeNull();
    expect(files).toEqual([]);
    await db.open();
  });
});
