import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BackupFileInfo, BackupWriteRequest } from '@shared/bridge';
import type { LedgerDb } from '../../storage/db';
import { bytesSource, BACKUP_TEXT, WHOLE_STORE, type BackupSink, type ChunkSource, type TakenBackup } from '../../storage/backup';
import { seedStore } from '../../../../test/builders/seeded-store';
import { backUpNow, checkBackup, confirmRestore } from './backup-flow';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';

/** The platform bridge is the one thing replaced: main's backup folder, in memory. */
function folder() {
  const files: (BackupFileInfo & { data: Uint8Array })[] = [];
  const sink: BackupSink = {
    async writeBackup(req: BackupWriteRequest) {
      const info = { name: `backup-${files.length}-${req.reason}.json`, reason: req.reason, at: new Date().toISOString(), size: req.data.length };
      files.push({ ...info, data: req.data });
      return info;
    },
  };
  return { sink, files };
}
/** The browser build: no disk, the file is offered as a download. */
const NO_DISK: BackupSink = { writeBackup: async () => null };

let db: LedgerDb;
freshStoreEachTest('backup-flow', (d) => (db = d));

describe('backup flow', () => {
  it('backs up now into the folder, or offers the file as a download without one', async () => {
    await seedStore(db);
    const { sink, files } = folder();
    expect(await backUpNow(db, { sink })).toEqual({ kind: 'written', name: 'backup-0-manual.json' });
    expect(files).toHaveLength(1);
    const offered: TakenBackup[] = [];
    const done = await backUpNow(db, { sink: NO_DISK, offer: (t) => offered.push(t) });
    expect(done).toMatchObject({ kind: 'downloaded' });
    expect(done.kind === 'downloaded' && done.fileName).toMatch(/^台账备份_汉阳区_.*\.json$/);
    expect(offered).toHaveLength(1);
    expect(offered[0]!.blob!.size).toBe(files[0]!.data.length);
  });

  it('checks a file, restores it under the 填报人 name and offers the safety backup when there is no disk', async () => {
    const { tasks } = await seedStore(db);
    const { sink, files } = folder();
    await backUpNow(db, { sink });
    const file = files[0]!.data;
    await db.tasks.clear();
    await db.settings.put({ key: 'filledBy', value: '李明' });

    const checked = await checkBackup(bytesSource(file), '备份.json');
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.pending.source).toBe('备份.json');
    expect(checked.pending.preview.counts.tasks).toBe(tasks.length);

    const offered: TakenBackup[] = [];
    const done = await confirmRestore(db, checked.pending, { sink: NO_DISK, offer: (t) => offered.push(t) });
    expect(await db.tasks.count()).toBe(tasks.length);
    expect(done.counts.tasks).toBe(tasks.length);
    expect(offered.map((t) => t.fileName)).toEqual([done.safetyName]);
    expect(offered[0]!.header.counts.tasks).toBe(0); // the state just before: tasks cleared
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ field: WHOLE_STORE, reason: 'restore', by: '李明' });
  });

  it('keeps no rows while the preview waits: the rows are read again after the safety backup', async () => {
    const { tasks } = await seedStore(db);
    const { sink, files } = folder();
    await backUpNow(db, { sink });
    await db.tasks.clear();
    const reads: string[] = [];
    const source = (): ChunkSource => {
      const inner = bytesSource(files[0]!.data);
      return { size: inner.size, read: () => inner.read(), reopen: async () => (reads.push('again'), source()) };
    };
    const checked = await checkBackup(source(), '备份.json');
    if (!checked.ok) throw new Error(checked.message);
    expect(typeof checked.pending.file).toBe('function');
    expect(reads).toEqual([]);
    const order: string[] = [];
    const watching: BackupSink = { writeBackup: async (req) => (order.push(`safety:${reads.length}`), sink.writeBackup(req)) };
    await confirmRestore(db, checked.pending, { sink: watching });
    expect(order).toEqual(['safety:0']);
    expect(reads).toEqual(['again']);
    expect(await db.tasks.count()).toBe(tasks.length);
  });

  it('refuses a file changed between the check and the restore, and changes nothing', async () => {
    await seedStore(db);
    const { sink, files } = folder();
    await backUpNow(db, { sink });
    await db.progress.clear();
    await backUpNow(db, { sink });
    const [first, second] = [files[0]!.data, files[1]!.data];
    let now = first;
    const source = (): ChunkSource => {
      const inner = bytesSource(now);
      return { size: inner.size, read: () => inner.read(), reopen: async () => source() };
    };
    const checked = await checkBackup(source(), '备份.json');
    if (!checked.ok) throw new Error(checked.message);
    // Another copy put in its place after the preview (the same name, another backup).
    now = second;
    const before = { tasks: await db.tasks.count(), progress: await db.progress.count(), audit: await db.audit.count() };
    await expect(confirmRestore(db, checked.pending, { sink })).rejects.toThrow(BACKUP_TEXT.changedSinceCheck('备份.json'));
    expect({ tasks: await db.tasks.count(), progress: await db.progress.count(), audit: await db.audit.count() }).toEqual(before);
    // A file cut short after the check: refused with its own reason.
    now = first.subarray(0, first.length - 100);
    await expect(confirmRestore(db, checked.pending, { sink })).rejects.toThrow(BACKUP_TEXT.truncated);
    expect(await db.tasks.count()).toBe(before.tasks);
  });

  it('refuses a damaged file with the reason and changes nothing', async () => {
    await seedStore(db);
    const { sink, files } = folder();
    await backUpNow(db, { sink });
    const cut = files[0]!.data.subarray(0, files[0]!.data.length - 100);
    const before = await db.tasks.count();
    expect(await checkBackup(bytesSource(cut), 'cut.json')).toEqual({ ok: false, message: BACKUP_TEXT.truncated });
    expect(await db.tasks.count()).toBe(before);
  });
});
