/**
 * The cold start as an office has it from its second start on: the store kept on disk, written
 * and opened once already, the app started again. For each build (an app folder and the bench
 * page built from the same code, `app:page`), interleaved round by round: a fresh profile on disk,
 * 10,000 tasks of 汉阳区 written by that build's bench page, one first start (#/ledger to the first
 * painted grid row, step 4's measure), a pause for what the app keeps after a start, then `starts`
 * further launches on the same profile, each timed the same way.
 * `npx tsx bench/tools/kept-start.ts <rounds> <starts> <app:page> [app:page…]`
 */
import type { BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOnDisk, openBenchPage } from '../steps';
import { serveDirs } from '../lib/serve';
import { WATCH_FIRST_ROW } from './first-row-watch';
import { fmt, summarise } from '../lib/stats';

const [roundsArg, startsArg, ...builds] = process.argv.slice(2);
const rounds = Number(roundsArg);
const starts = Number(startsArg);
if (!(rounds > 0) || !(starts > 0) || builds.length === 0 || builds.some((b) => !b.includes(':'))) throw new Error('usage: kept-start.ts <rounds> <starts> <app:page> [app:page…]');
const servers = await Promise.all(builds.map((b) => serveDirs(b.split(':')[0]!, b.split(':')[1]!)));

/** Open the app at #/ledger in `context` and give the first painted row's time; the page stays `linger` ms. */
async function firstRow(context: BrowserContext, url: string, linger = 0): Promise<number> {
  await context.addInitScript({ content: WATCH_FIRST_ROW });
  const page = await context.newPage();
  await page.goto(`${url}#/ledger`);
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
  const t = await page.evaluate(() => window.__firstRowAt!);
  if (linger > 0) {
    await page.waitForTimeout(linger);
    // How many tasks' heads now keep their infos (a build without heads: none).
    keptHeads = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('district-innovation-ledger');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('taskHeads')) return resolve(0);
            const all = db.transaction('taskHeads').objectStore('taskHeads').getAll();
            all.onsuccess = () => resolve((all.result as { kept?: unknown }[]).filter((h) => h.kept).length);
          };
        }),
    );
  }
  return t;
}

let keptHeads = 0;
const first: number[][] = builds.map(() => []);
const kept: number[][] = builds.map(() => []);
try {
  for (let round = 0; round < rounds; round++)
    for (let k = 0; k < builds.length; k++) {
      const i = round % 2 ? builds.length - 1 - k : k;
      const url = servers[i]!.url;
      const dir = await mkdtemp(join(tmpdir(), 'kept-start-'));
      try {
        const seeding = await launchOnDisk(dir);
        await seeding.addInitScript({ content: 'globalThis.__name = (f) => f;' });
        const seed = await openBenchPage(seeding, url);
        await seed.evaluate(() => window.__bench.seedApp!(10_000 as never, '汉阳区' as never));
        await seeding.close();
        let context = await launchOnDisk(dir);
        const t0 = await firstRow(context, url, 5000);
        await context.close();
        first[i]!.push(t0);
        const line = [`first ${t0.toFixed(0)} (then ${keptHeads} heads kept)`];
        for (let s = 0; s < starts; s++) {
          context = await launchOnDisk(dir);
          const t = await firstRow(context, url);
          await context.close();
          kept[i]!.push(t);
          line.push(t.toFixed(0));
        }
        console.log(`${new Date().toISOString()} round ${round + 1} ${builds[i]}: ${line.join(' ')} ms, load ${loadavg()[0]!.toFixed(2)}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
for (let i = 0; i < builds.length; i++) {
  console.log(`${builds[i]}: first start ${fmt(summarise(first[i]!))}`);
  console.log(`${builds[i]}: later starts on the kept store ${fmt(summarise(kept[i]!))}`);
}
