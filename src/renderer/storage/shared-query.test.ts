import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { getDb, type LedgerDb } from './db';
import { endPrefetch, isQueryRunning, ledgerQueryKeys, prefetchLedger, prefetchQuery, watchQuery } from './shared-query';
import { ledgerBase, type LedgerStart } from './queries';
import { headsKeptFor } from './task-heads';
import { isWhole } from '../features/common/task-rows';
import { seedTasks } from '../../../test/builders/seeded-store';
import { keepEveryInfo } from '../../../test/builders/keep-infos';

const db = getDb();
afterAll(async () => {
  db.close();
  await db.delete();
});

/** A query that counts how often IndexedDB is read for it. */
function counted() {
  const calls = { n: 0 };
  const query = async (d: LedgerDb) => {
    calls.n++;
    return (await d.tasks.toArray()).map((t) => t.key).sort();
  };
  return { calls, query };
}

const settle = () => new Promise((r) => setTimeout(r, 30));
async function until(ok: () => boolean) {
  for (let i = 0; i < 200 && !ok(); i++) await settle();
  expect(ok()).toBe(true);
}

describe('a live query started early and taken over by the page (the ledger at start)', () => {
  it('the page takes the early answer without reading again, and sees later changes', async () => {
    const tasks = seedTasks();
    await db.tasks.bulkPut(tasks.slice(0, 5));
    const { calls, query } = counted();
    prefetchQuery('t1', query, 60_000);
    expect(isQueryRunning('t1')).toBe(true);
    await settle();
    expect(calls.n).toBe(1);

    let changes = 0;
    const watch = watchQuery('t1', query, () => changes++);
    // Already answered: the watcher starts with the data, IndexedDB was read once.
    expect(watch.current()).toMatchObject({ loading: false, error: undefined });
    expect(watch.current().data).toEqual(tasks.slice(0, 5).map((t) => t.key).sort());
    expect(calls.n).toBe(1);

    // Live: a task written later is in the next answer.
    await db.tasks.put(tasks[5]!);
    await until(() => changes > 0 && (watch.current().data?.length ?? 0) === 6);
    watch.release();
  });

  it('a watch that starts before the answer is told when it comes; the query stops once nobody holds it', async () => {
    const { calls, query } = counted();
    let changes = 0;
    const watch = watchQuery('t2', query, () => changes++);
    expect(watch.current().loading).toBe(true);
    await until(() => changes > 0);
    expect(watch.current().loading).toBe(false);
    watch.release();
    watch.release(); // twice is once
    await settle();
    expect(isQueryRunning('t2')).toBe(false);
    // Stopped: a write no longer runs it.
    const before = calls.n;
    await db.tasks.put({ ...seedTasks()[0]!, title: '改过的标题' });
    await settle();
    expect(calls.n).toBe(before);
  });

  it('an early start nobody takes up stops after its time; a watcher released and back at once keeps it', async () => {
    const { query } = counted();
    prefetchQuery('t3', query, 20);
    await until(() => !isQueryRunning('t3'));

    const { calls, query: q4 } = counted();
    const a = watchQuery('t4', q4, () => undefined);
    await until(() => !a.current().loading);
    a.release();
    const b = watchQuery('t4', q4, () => undefined); // React's development re-mount
    expect(b.current().loading).toBe(false);
    await settle();
    expect(isQueryRunning('t4')).toBe(true);
    expect(calls.n).toBe(1);
    b.release();
    await settle();
    expect(isQueryRunning('t4')).toBe(false);
  });

  it('the early start running out while the page watches does not stop the page’s live query', async () => {
    const { calls, query } = counted();
    prefetchQuery('t6', query, 20);
    let changes = 0;
    const watch = watchQuery('t6', query, () => changes++);
    await until(() => !watch.current().loading);
    await new Promise((r) => setTimeout(r, 80)); // the early start's 20 ms are over
    expect(isQueryRunning('t6')).toBe(true);
    expect(calls.n).toBe(1);
    const seen = changes;
    await db.tasks.put({ ...seedTasks()[1]!, title: '页面仍然看得到的修改' });
    await until(() => changes > seen);
    expect(calls.n).toBe(2);
    // And a second early start while the page holds it starts nothing.
    prefetchQuery('t6', query, 20);
    await settle();
    expect(calls.n).toBe(2);
    watch.release();
    await new Promise((r) => setTimeout(r, 80));
    expect(isQueryRunning('t6')).toBe(false);
  });

  it('an early start ended before its time stops at once, unless a page watches it', async () => {
    const { calls, query } = counted();
    prefetchQuery('t7', query, 60_000);
    await until(() => calls.n === 1);
    endPrefetch('t7');
    await settle();
    expect(isQueryRunning('t7')).toBe(false);
    // Stopped: a write no longer runs it.
    await db.tasks.put({ ...seedTasks()[2]!, title: '提前结束之后的修改' });
    await settle();
    expect(calls.n).toBe(1);

    prefetchQuery('t8', query, 60_000);
    const watch = watchQuery('t8', query, () => undefined);
    await until(() => !watch.current().loading);
    endPrefetch('t8');
    endPrefetch('t8'); // twice is once
    await settle();
    expect(isQueryRunning('t8')).toBe(true);
    watch.release();
    await settle();
    expect(isQueryRunning('t8')).toBe(false);
  });

  it('a failing read is an answer with its error, not a thrown render', async () => {
    let changes = 0;
    const watch = watchQuery('t5', async () => {
      throw new Error('DatabaseClosedError');
    }, () => changes++);
    await until(() => changes > 0);
    expect(watch.current()).toMatchObject({ loading: false, data: undefined });
    expect(String(watch.current().error)).toContain('DatabaseClosedError');
    watch.release();
  });
});

describe('the ledger’s start, guided by the note of what was kept (headsKeptFor)', () => {
  /** Keep the ledger's infos of every task for `district`, as the page does after a start. */
  const keepFor = (district: string) => keepEveryInfo(db, district);
  /** Start the ledger of `district` as the app does, and wait for the start's answer. */
  async function startOf(district: string) {
    prefetchLedger(district);
    const watch = watchQuery<LedgerStart | undefined>(ledgerQueryKeys.start(district), async () => undefined, () => undefined);
    await until(() => !watch.current().loading);
    const answer = watch.current();
    watch.release();
    expect(answer.error).toBeUndefined();
    return answer.data;
  }

  it('without the note the whole tasks are asked at once; with it the heads are drawn from; heads gone stale send the start to the whole tasks', async () => {
    const notes = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => notes.get(k) ?? null, setItem: (k: string, v: string) => void notes.set(k, v) });
    const headReads = vi.spyOn(db.taskHeads, 'toArray');
    try {
      await db.tasks.bulkPut(seedTasks());
      // Nothing kept yet (a first start, a new version): no head is read, the whole tasks are asked at once.
      expect(headsKeptFor('汉阳区')).toBe(false);
      expect(await startOf('汉阳区')).toBeUndefined();
      expect(headReads).not.toHaveBeenCalled();
      await until(() => isQueryRunning(ledgerQueryKeys.whole('汉阳区')));

      // Kept for 武昌区 by this build: the note names it (and no other district), and its start is drawn from the heads.
      expect(await keepFor('武昌区')).toBeGreaterThan(0);
      expect(headsKeptFor('武昌区')).toBe(true);
      expect(headsKeptFor('汉阳区')).toBe(false);
      const start = await startOf('武昌区');
      expect(headReads).toHaveBeenCalledTimes(1);
      expect(start!.staleKeys).toEqual([]);
      expect(start!.tasks.length).toBe((await ledgerBase(db, '武昌区')).tasks.length);
      expect(start!.tasks.some(isWhole)).toBe(false);
      await settle();
      expect(isQueryRunning(ledgerQueryKeys.whole('武昌区'))).toBe(false);
      // The page has its whole tasks: the early start ends, and no later write reads the heads for it again.
      endPrefetch(ledgerQueryKeys.start('武昌区'));
      await settle();
      expect(isQueryRunning(ledgerQueryKeys.start('武昌区'))).toBe(false);

      // The note names 江岸区, but a cluster of 江岸区 was written since: the heads are read, found stale, and the whole tasks asked.
      await keepFor('江岸区');
      await db.clusters.put({ id: 'jiangan-test', district: '江岸区', name: '测试集群', keywords: ['研发'], includedTaskKeys: [], excludedTaskKeys: [], origin: 'manual', order: 1 });
      await settle();
      expect(headReads).toHaveBeenCalledTimes(1); // 武昌区's start, ended, did not read them again after those writes
      expect(await startOf('江岸区')).toBeUndefined();
      expect(headReads).toHaveBeenCalledTimes(2);
      await until(() => isQueryRunning(ledgerQueryKeys.whole('江岸区')));
    } finally {
      headReads.mockRestore();
      vi.unstubAllGlobals();
      await db.clusters.delete('jiangan-test');
    }
  });
});
