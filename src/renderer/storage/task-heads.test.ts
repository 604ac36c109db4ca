/**
 * taskHeads follows every write to tasks, in the same transaction, whatever writes it; a start
 * draws the ledger's rows from the heads and what was kept of each task, and those rows are the
 * rows the whole tasks give (the real default data: the five seed documents, 汉阳区's clusters).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { scratchDbs } from '../../../test/builders/scratch-dbs';
import { keepEveryInfo } from '../../../test/builders/keep-infos';
import type { BackupFileInfo, BackupWriteRequest } from '@shared/bridge';
import type { Task } from '@core/model';
import { createLedgerDb, type LedgerDb } from './db';
import { ensureSeeded } from './seed';
import { ledgerBase, ledgerStart } from './queries';
import { dropHeadsWithoutTask, headOf, keepTaskInfos } from './task-heads';
import { afterWhole, drawnFromHeads } from '../features/ledger/use-keep-start-infos';
import { readBackupFile, restoreBackup, takeBackup, type BackupSink } from './backup';
import { clustersRepo } from './repositories';
import { buildTaskInfos, isWhole } from '../features/common/task-rows';

const keep = scratchDbs();
let n = 0;

function fresh(): LedgerDb {
  const db = createLedgerDb(`task-heads-${++n}`);
  keep(db);
  return db;
}

function memorySink(): BackupSink & { files: Uint8Array[] } {
  const files: Uint8Array[] = [];
  return {
    files,
    async writeBackup(req: BackupWriteRequest): Promise<BackupFileInfo> {
      files.push(req.data);
      return { name: `b-${files.length}.json`, reason: req.reason, at: new Date().toISOString(), size: req.data.length };
    },
  };
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);

/** Every head is its task without the text (kept parts aside), and there is no other head. */
async function expectInStep(db: LedgerDb): Promise<void> {
  const tasks = (await db.tasks.toArray()).sort(byKey);
  const heads = (await db.taskHeads.toArray()).sort(byKey).map(({ kept: _k, ...h }) => h);
  expect(heads.every((h) => !('text' in h))).toBe(true);
  expect(heads).toEqual(tasks.map(headOf));
}

const DISTRICT = '汉阳区';

/** The ledger's infos of the whole tasks, kept with their heads as the page does after a start. */
const keepAll = (db: LedgerDb) => keepEveryInfo(db, DISTRICT);

/** What a row shows but the task's text, for comparing rows drawn from heads with rows of whole tasks. */
function shown(infos: ReturnType<typeof buildTaskInfos>) {
  return infos.map(({ task, search: _s, ...rest }) => {
    const { kept: _k, ...fields } = task as Task & { kept?: unknown };
    return { ...rest, task: headOf({ ...fields, text: '' }) };
  });
}

describe('taskHeads: kept in step with tasks', () => {
  it('the seeds, and every kind of write after them: put, add, update, modify, delete, clear', async () => {
    const db = fresh();
    const seeded = await ensureSeeded(db);
    expect(seeded.tasks).toBeGreaterThan(100);
    await expectInStep(db);
    const [a, b, c] = (await db.tasks.toArray()).slice(0, 3) as [Task, Task, Task];
    await db.tasks.put({ ...a, title: `${a.title}（改）`, text: `${a.text}又一句。` });
    await db.tasks.add({ ...b, key: 'NEW-01', number: '99' });
    await db.tasks.update(c.key, { leadUnits: ['市发改委'] });
    await db.tasks.where('documentId').equals(a.documentId).modify((t) => {
      t.deadlineText = '长期坚持';
    });
    await db.tasks.bulkDelete([b.key]);
    await expectInStep(db);
    expect((await db.taskHeads.get(c.key))?.leadUnits).toEqual(['市发改委']);
    expect(await db.taskHeads.get(b.key)).toBeUndefined();
    await db.tasks.clear();
    expect(await db.taskHeads.count()).toBe(0);
  });

  it('a transaction that fails writes neither the task nor its head', async () => {
    const db = fresh();
    await ensureSeeded(db);
    const before = await db.taskHeads.count();
    const t = (await db.tasks.toArray())[0]!;
    await expect(
      db.transaction('rw', db.tasks, async () => {
        await db.tasks.put({ ...t, key: 'GONE-01' });
        await db.tasks.add({ ...t }); // the key exists: the add fails and the transaction is aborted
      }),
    ).rejects.toThrow();
    expect(await db.taskHeads.get('GONE-01')).toBeUndefined();
    expect(await db.taskHeads.count()).toBe(before);
    await expectInStep(db);
  });

  it('a backup holds no heads, and a restore makes them again from the restored tasks', async () => {
    const db = fresh();
    await ensureSeeded(db);
    const sink = memorySink();
    await takeBackup(db, 'manual', sink);
    const text = new TextDecoder().decode(sink.files[0]!);
    expect(text).not.toContain('taskHeads');
    // Changed after the backup: the restore must bring the heads back to the backup's tasks.
    const t = (await db.tasks.toArray())[0]!;
    await db.tasks.put({ ...t, title: '备份之后改的标题' });
    await db.tasks.add({ ...t, key: 'AFTER-01' });
    const check = await readBackupFile(sink.files[0]!);
    if (!check.ok) throw new Error(check.message);
    await restoreBackup(db, check.backup, { sink });
    await expectInStep(db);
    expect(await db.taskHeads.get('AFTER-01')).toBeUndefined();
    expect((await db.taskHeads.get(t.key))?.title).toBe(t.title);
  });
});

describe('a start drawn from the heads', () => {
  it('with nothing kept yet, the start says so (the ledger reads the whole tasks, as before)', async () => {
    const db = fresh();
    await ensureSeeded(db);
    expect(await ledgerStart(db, DISTRICT)).toBeUndefined();
  });

  it('once kept, gives every active task as a head (no text) whose relevance and clusters are the whole task’s', async () => {
    const db = fresh();
    await ensureSeeded(db);
    expect((await clustersRepo.byDistrict(db, DISTRICT)).length).toBeGreaterThan(0);
    const kept = await keepAll(db);
    const base = await ledgerBase(db, DISTRICT);
    expect(kept).toBe(base.tasks.length);
    const start = await ledgerStart(db, DISTRICT);
    expect(start).toBeDefined();
    expect(start!.staleKeys).toEqual([]);
    expect(start!.tasks.every((t) => !isWhole(t))).toBe(true);
    const fromHeads = buildTaskInfos({ ...start!, district: DISTRICT });
    const fromWhole = buildTaskInfos({ ...base, district: DISTRICT });
    // The district has tasks of each kind: relevant through a cluster, named, all districts, and not its own.
    expect(fromWhole.some((i) => i.clusterNames.length > 0)).toBe(true);
    expect(fromWhole.some((i) => !i.relevant)).toBe(true);
    expect(shown(fromHeads)).toEqual(shown(fromWhole));
  });

  it('a task written since is read whole; a task changed after it was read is not kept with the old infos', async () => {
    const db = fresh();
    await ensureSeeded(db);
    const base = await ledgerBase(db, DISTRICT);
    const infos = buildTaskInfos({ ...base, district: DISTRICT });
    const [first, second] = base.tasks as [Task, Task];
    // Changed between the ledger's read and the keeping: its head keeps nothing.
    await db.tasks.put({ ...second, text: `${second.text}汉阳区负责。` });
    const n = await keepTaskInfos(db, DISTRICT, base.clusters, afterWhole('all', infos).keep);
    expect(n).toBe(base.tasks.length - 1);
    expect((await db.taskHeads.get(second.key))?.kept).toBeUndefined();
    // Written after the keeping: its kept part goes with the rewrite.
    await db.tasks.put({ ...first, title: `${first.title}（修订）` });
    expect((await db.taskHeads.get(first.key))?.kept).toBeUndefined();
    const start = await ledgerStart(db, DISTRICT);
    expect(start!.staleKeys.sort()).toEqual([first.key, second.key].sort());
    const whole = start!.tasks.filter(isWhole);
    expect(whole.map((t) => t.key).sort()).toEqual([first.key, second.key].sort());
    expect(whole.find((t) => t.key === second.key)!.text).toContain('汉阳区负责');
    // And the rows are still the whole tasks' rows, in document order.
    const now = await ledgerBase(db, DISTRICT);
    expect(shown(buildTaskInfos({ ...start!, district: DISTRICT }))).toEqual(shown(buildTaskInfos({ ...now, district: DISTRICT })));
  });

  it('a store of more tasks than one keeping transaction takes is kept whole, a task changed meanwhile left out', async () => {
    const db = fresh();
    await ensureSeeded(db);
    const seeded = await db.tasks.toArray();
    // Five times the seeds (555 tasks): the keeping goes in several transactions.
    await db.tasks.bulkPut([1, 2, 3, 4].flatMap((c) => seeded.map((t) => ({ ...t, key: `${t.key}-copy${c}`, order: t.order + c * 1000 }))));
    const base = await ledgerBase(db, DISTRICT);
    expect(base.tasks.length).toBeGreaterThan(500);
    const infos = buildTaskInfos({ ...base, district: DISTRICT });
    const late = base.tasks[base.tasks.length - 3]!; // in the last transaction
    await db.tasks.put({ ...late, title: `${late.title}（改）` });
    const transactions = vi.spyOn(db, 'transaction');
    const kept = await keepTaskInfos(db, DISTRICT, base.clusters, afterWhole('all', infos).keep);
    // In several transactions (each a short task on the page's thread), not one.
    expect(transactions.mock.calls.length).toBeGreaterThanOrEqual(3);
    transactions.mockRestore();
    expect(kept).toBe(base.tasks.length - 1);
    const start = await ledgerStart(db, DISTRICT);
    expect(start!.staleKeys).toEqual([late.key]);
    expect(start!.tasks.length).toBe(base.tasks.length);
    await expectInStep(db);
  });

  it('a cluster changed, or another district, makes what was kept stale: the start says so', async () => {
    const db = fresh();
    await ensureSeeded(db);
    await keepAll(db);
    expect(await ledgerStart(db, '武昌区')).toBeUndefined();
    const [cluster] = await clustersRepo.byDistrict(db, DISTRICT);
    await db.clusters.put({ ...cluster!, keywords: [...cluster!.keywords, '新增关键词'] });
    expect(await ledgerStart(db, DISTRICT)).toBeUndefined();
  });

  it('an archived task is not among the start’s rows, as it is not among the ledger’s', async () => {
    const db = fresh();
    await ensureSeeded(db);
    const t = (await db.tasks.toArray())[5]!;
    await db.tasks.put({ ...t, archived: true });
    await keepAll(db);
    const start = await ledgerStart(db, DISTRICT);
    expect(start!.tasks.some((x) => x.key === t.key)).toBe(false);
    expect(start!.tasks.length).toBe((await ledgerBase(db, DISTRICT)).tasks.length);
  });
});

describe('a store written past storage', () => {
  it('a task without a head is not among the first rows; after the whole tasks the keeping gives it one, and a head left without its task is dropped', async () => {
    const db = fresh();
    await ensureSeeded(db);
    await keepAll(db);
    // As a test's raw rows or a store mended by hand: a task whose head is gone, and a head whose task is gone.
    const [t, u, w] = await db.tasks.toArray();
    await db.taskHeads.bulkDelete([t!.key]);
    await db.transaction('rw', db.tasks, () => db.tasks.delete(u!.key)); // its head goes with it (the middleware) …
    await db.taskHeads.put({ ...headOf(u!), kept: (await db.taskHeads.get(w!.key))?.kept }); // … so put one back beside it, kept under today’s stamp
    const start = await ledgerStart(db, DISTRICT);
    expect(start!.tasks.some((x) => x.key === t!.key)).toBe(false);
    expect(start!.tasks.some((x) => x.key === u!.key)).toBe(true);
    // The whole tasks come in; what the page does after them (useKeepStartInfos).
    const base = await ledgerBase(db, DISTRICT);
    const { keep, strays } = afterWhole(drawnFromHeads(start), buildTaskInfos({ ...base, district: DISTRICT }));
    expect(keep.map((k) => k.task.key)).toEqual([t!.key]);
    expect(strays).toEqual([u!.key]);
    await keepTaskInfos(db, DISTRICT, base.clusters, keep);
    expect(await dropHeadsWithoutTask(db, strays)).toBe(1);
    const next = await ledgerStart(db, DISTRICT);
    expect(next!.tasks.map((x) => x.key)).toEqual(base.tasks.map((x) => x.key));
    expect(next!.tasks.some(isWhole)).toBe(false);
    await expectInStep(db);
  });
});

describe('a damaged head', () => {
  it('is not drawn from: the start gives that task whole, as the ledger reads it', async () => {
    const db = keep(createLedgerDb(`task-heads-${++n}`));
    await ensureSeeded(db);
    await keepAll(db);
    const [t] = await db.tasks.toArray();
    const head = (await db.taskHeads.get(t!.key))!;
    // Kept under today's stamp, but its units are no list any more (a store mended by hand, a broken write).
    await db.taskHeads.put({ ...head, leadUnits: '市科技局' as unknown as string[] });
    const start = await ledgerStart(db, DISTRICT);
    expect(start!.staleKeys).toEqual([t!.key]);
    const drawn = start!.tasks.find((x) => x.key === t!.key)!;
    expect(isWhole(drawn)).toBe(true);
    expect(drawn.leadUnits).toEqual(t!.leadUnits);
  });
});
