/** A malformed row already stored is left out of reads (logged, reported), kept in backups, and replaced by a restore. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRawLedgerDb, type LedgerDb } from './db';
import { installRowGuard, clearSkippedRows, onSkippedRows, skippedRows } from './row-guard';
import { createBackup, readBackupFile } from './backup';
import { seedStore } from '../../../test/builders/seeded-store';
import { progressRepo } from './repositories';

let db: LedgerDb;
let raw: LedgerDb;
let n = 0;
beforeEach(async () => {
  const name = `row-guard-${++n}`;
  raw = createRawLedgerDb(name);
  await seedStore(raw);
  db = createRawLedgerDb(name);
  installRowGuard(db);
  await db.open();
  clearSkippedRows();
});
afterEach(async () => {
  raw.close();
  db.close();
  await db.delete();
});

describe('malformed rows already stored', () => {
  it('are left out of toArray, where(), get and bulkGet, with a warning and a report naming table and key', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: number[] = [];
    const off = onSkippedRows((rows) => seen.push(rows.length));
    const [task] = await raw.tasks.toArray();
    await raw.tasks.put({ ...task!, title: 42 as unknown as string });
    const progress = (await raw.progress.toArray())[0]!;
    await raw.progress.put({ ...progress, indicatorValues: undefined as unknown as Record<string, number> });

    expect((await db.tasks.toArray()).map((t) => t.key)).not.toContain(task!.key);
    expect(await db.tasks.count()).toBe(22); // still stored
    expect(await db.tasks.get(task!.key)).toBeUndefined();
    expect((await db.tasks.bulkGet([task!.key]))[0]).toBeUndefined();
    expect(await db.tasks.where('documentId').equals(task!.documentId).filter((t) => t.key === task!.key).count()).toBe(0);
    expect(await progressRepo.get(db, progress.district, progress.taskKey, progress.periodId)).toBeUndefined();
    expect(skippedRows()).toEqual([
      { table: 'tasks', key: task!.key, problem: '字段“title”缺失或类型不对' },
      { table: 'progress', key: progress.id, problem: '字段“indicatorValues”的值不正确' },
    ]);
    expect(seen).toEqual([1, 2]);
    expect(warn).toHaveBeenCalled();
    off();
    warn.mockRestore();
  });

  it('are still written to a backup exactly as stored (nothing is lost), which restore then refuses by name', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [task] = await raw.tasks.toArray();
    await raw.tasks.put({ ...task!, title: 42 as unknown as string });
    const { header, bytes } = await createBackup(db, 'manual');
    expect(header.counts.tasks).toBe(22);
    const check = await readBackupFile(bytes);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('“重点任务”表的第');
  });
});
