import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb, type LedgerDb } from './db';
import { isQueryRunning, prefetchQuery, watchQuery } from './shared-query';
import { seedTasks } from '../../../test/builders/seeded-store';

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
