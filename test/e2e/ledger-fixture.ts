/**
 * Puts the action-plan fixture (test/builders/tasks.ts) into the browser's IndexedDB when the
 * app has no tasks yet (before the first-start seeding exists), then reloads.
 */
import type { Page } from 'playwright-core';
import { actionPlanFixture } from '../builders/tasks';

/** Ensure the ledger has tasks; returns whether the fixture was written. */
export async function ensureLedgerTasks(page: Page): Promise<boolean> {
  const empty = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('district-innovation-ledger');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const n = await new Promise<number>((res, rej) => {
      const r = db.transaction('tasks').objectStore('tasks').count();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    return n === 0;
  });
  if (!empty) return false;
  await putRows(page, { ...actionPlanFixture() });
  await page.reload();
  return true;
}

/** Write rows straight into the app's IndexedDB stores (bypassing the app), e.g. 10,000 tasks for a load test.
 * Reload the page before the app reads them: its Dexie serves live answers from a cache that writes made beside it do not reach. */
export async function putRows(page: Page, data: { [store: string]: readonly unknown[] }): Promise<void> {
  await page.evaluate(async (data) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('district-innovation-ledger');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const stores = Object.keys(data);
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) for (const row of data[s] ?? []) tx.objectStore(s).put(row);
    await new Promise<void>((res, rej) => {
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
  }, data);
}

/** The number of tasks the ledger says it shows (显示 N / M 项). */
export async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('ledger-count').textContent()) ?? '';
  return Number(/显示 (\d+) \//.exec(text)?.[1] ?? NaN);
}
