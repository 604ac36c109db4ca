/**
 * Starts of the app on a store kept on disk, as an office starts it every day: a fresh profile on
 * disk, 10,000 tasks of 汉阳区 written by the bench page (through the app's own store factory), a
 * first start (#/ledger to the first painted grid row, step 4's measure) left open a moment for
 * what the app keeps after a start, then `later` launches of the browser on the same profile, each
 * timed the same way. Used by bench step 4 and bench/tools/kept-start.ts.
 */
import type { BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOnDisk, memorySinceStart, openBenchPage } from '../steps';
import { maxPeak, type MemoryPeak } from './memory';
import { WATCH_FIRST_ROW } from '../tools/first-row-watch';

/** How many tasks' heads keep their infos in the store the page has open (0 when the build has no heads). */
export function countKeptHeads(): Promise<number> {
  return new Promise<number>((resolve) => {
    const open = indexedDB.open('district-innovation-ledger');
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('taskHeads')) return resolve(0);
      const all = db.transaction('taskHeads').objectStore('taskHeads').getAll();
      all.onsuccess = () => resolve((all.result as { kept?: unknown }[]).filter((h) => h.kept).length);
    };
  });
}

async function firstRow(context: BrowserContext, url: string, linger = 0): Promise<{ ms: number; keptHeads: number; memory: MemoryPeak }> {
  await context.addInitScript({ content: WATCH_FIRST_ROW });
  const page = await context.newPage();
  await page.goto(`${url}#/ledger`);
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__firstRowAt!);
  const memory = await memorySinceStart(page);
  if (linger === 0) return { ms, keptHeads: 0, memory };
  await page.waitForTimeout(linger);
  return { ms, keptHeads: await page.evaluate(countKeptHeads), memory };
}

/** Write the bench store (10,000 tasks of 汉阳区, through the app's store factory) into the profile on disk in `dir`, with the bench page at `url`. */
export async function seedDiskProfile(dir: string, url: string): Promise<void> {
  const seeding = await launchOnDisk(dir);
  await seeding.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const seed = await openBenchPage(seeding, url);
  await seed.evaluate(() => window.__bench.seedApp!(10_000 as never, '汉阳区' as never));
  await seeding.close();
}

/**
 * One fresh profile: its first start and `later` starts after it, in ms; how many heads the first
 * start kept; the later starts' peak memory at their first row (JS heap, renderer high-water mark).
 */
export async function keptStoreStarts(url: string, later: number): Promise<{ first: number; later: number[]; keptHeads: number; laterMemory: MemoryPeak | undefined }> {
  const dir = await mkdtemp(join(tmpdir(), 'kept-start-'));
  try {
    await seedDiskProfile(dir, url);
    let context = await launchOnDisk(dir);
    // Left open long enough for the keeping (2 s after the whole tasks, then 200 heads at a time).
    const first = await firstRow(context, url, 10_000);
    await context.close();
    const times: number[] = [];
    let laterMemory: MemoryPeak | undefined;
    for (let s = 0; s < later; s++) {
      context = await launchOnDisk(dir);
      const start = await firstRow(context, url);
      times.push(start.ms);
      laterMemory = maxPeak(laterMemory, start.memory);
      await context.close();
    }
    return { first: first.ms, later: times, keptHeads: first.keptHeads, laterMemory };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
