/**
 * The cold start (step 4's measure: 10,000 tasks of 汉阳区, #/ledger to the first painted grid row)
 * on the two kinds of store, interleaved: the bench's fresh context (Chromium keeps a fresh
 * context's IndexedDB in memory) and a profile on disk as the desktop app has, written by one
 * launch of the browser and started by the next. `npx tsx bench/tools/cold-disk.ts <rounds>`
 * after `npm run bench app` (its builds).
 */
import type { BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, launchOnDisk, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { seedDiskProfile } from '../lib/kept-start';
import { WATCH_FIRST_ROW } from './first-row-watch';
import { fmt, summarise } from '../lib/stats';

const rounds = Number(process.argv[2] ?? 5);
if (!(rounds > 0)) throw new Error('usage: cold-disk.ts <rounds>');
const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
async function firstRow(context: BrowserContext): Promise<number> {
  await context.addInitScript({ content: WATCH_FIRST_ROW });
  const page = await context.newPage();
  await page.goto(`${server.url}#/ledger`);
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.__firstRowAt!);
}
const times = { memory: [] as number[], disk: [] as number[] };
try {
  for (let round = 0; round < rounds; round++)
    for (const kind of round % 2 ? (['disk', 'memory'] as const) : (['memory', 'disk'] as const)) {
      let t: number;
      if (kind === 'memory') {
        const browser = await launch();
        try {
          t = await firstRow(await seededAppContext(browser, server.url));
        } finally {
          await browser.close();
        }
      } else {
        const dir = await mkdtemp(join(tmpdir(), 'cold-disk-'));
        try {
          await seedDiskProfile(dir, server.url);
          const context = await launchOnDisk(dir);
          t = await firstRow(context);
          await context.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
      times[kind].push(t);
      console.log(`${new Date().toISOString()} round ${round + 1} ${kind}: ${t.toFixed(0)} ms, load ${loadavg()[0]!.toFixed(2)}`);
    }
} finally {
  await server.close();
}
console.log(`in memory (the bench's fresh context): ${fmt(summarise(times.memory))}`);
console.log(`on disk (a profile written by an earlier launch): ${fmt(summarise(times.disk))}`);
