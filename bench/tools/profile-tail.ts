/**
 * The cold start's last stretch, by function: profiles one start (bench step 4's store) and sums,
 * inclusive and self, only the samples of its last TAIL_MS (700 by default) before the first painted
 * row (as bench step 4 times it): the ledger's read answered, the app's work to the row. With
 * FROM=answer the stretch starts instead at IndexedDB's answer of the tasks (the first handler
 * `…onsuccess` that runs over 10 ms). Use a build with `--minify false` for names:
 * `RENDERER_DIR=/tmp/app-x npx tsx bench/tools/profile-tail.ts` after `npm run bench app`.
 * With KEPT=1 the start profiled is a later start on a store kept on disk (bench/lib/kept-start.ts:
 * written, started once, the browser started again on it), as an office starts every day.
 */
import type { BrowserContext } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, launchOnDisk, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { countKeptHeads, seedDiskProfile } from '../lib/kept-start';
import { startProfiler, topInclusive, topSelf } from './cpu-profile';
import { WATCH_FIRST_ROW } from './first-row-watch';

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
/** A profile on disk holding the bench store, started once (what a start keeps is kept), then launched again. */
async function keptContext(): Promise<BrowserContext> {
  const dir = await mkdtemp(join(tmpdir(), 'profile-tail-'));
  await seedDiskProfile(dir, server.url);
  const once = await launchOnDisk(dir);
  const first = await once.newPage();
  await first.goto(`${server.url}#/ledger`);
  await first.locator('[data-testid="task-grid"] [role="row"][data-task-key]').first().waitFor({ timeout: 60_000 });
  await first.waitForTimeout(10_000);
  const kept = await first.evaluate(countKeptHeads);
  console.log(`after the first start: ${kept} heads keep their infos`);
  await once.close();
  return launchOnDisk(dir);
}
try {
  const context = process.env.KEPT ? await keptContext() : await seededAppContext(browser, server.url);
  await context.addInitScript({ content: WATCH_FIRST_ROW });
  const page = await context.newPage();
  const profiler = await startProfiler(context, page);
  await page.goto(`${server.url}#/ledger`);
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
  const [rowAt, now] = await page.evaluate(() => [window.__firstRowAt!, performance.now()]);
  const profile = await profiler.stop();
  console.log(`rows drawn from: ${await page.evaluate(() => document.querySelector('[data-testid="ledger"]')?.getAttribute('data-rows-from'))}`);
  // The tail: the last TAIL_MS (default 700) of the profile, which ends at the first painted row.
  // The profile runs on a little after the row was painted: cut what came after (now − rowAt, and the stop's own delay, ignored).
  const tailUs = Number(process.env.TAIL_MS ?? 700) * 1000;
  let to = profile.samples.length;
  for (let acc = 0; to > 0 && acc < (now - rowAt) * 1000; ) acc += profile.timeDeltas[--to] ?? 0;
  let from = to;
  for (let acc = 0; from > 0 && acc < tailUs; ) acc += profile.timeDeltas[--from] ?? 0;
  if (process.env.FROM === 'answer') {
    const byId = new Map(profile.nodes.map((x) => [x.id, x]));
    for (let i = 0, run = 0, start = 0; i < to; i++) {
      const onsuccess = /onsuccess/.test(byId.get(profile.samples[i]!)!.callFrame.functionName);
      if (onsuccess && run === 0) start = i;
      run = onsuccess ? run + (profile.timeDeltas[i] ?? 0) : 0;
      if (run > 10_000) {
        from = start;
        break;
      }
    }
  }
  console.log(`first row at ${rowAt.toFixed(0)} ms`);
  const tail = { nodes: profile.nodes, samples: profile.samples.slice(from, to), timeDeltas: profile.timeDeltas.slice(from, to) };
  const total = tail.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
  console.log(`tail: ${tail.samples.length} samples, ${total.toFixed(0)} ms`);
  console.log('--- inclusive');
  console.log(topInclusive(tail, Number(process.env.TOP ?? 60)).join('\n'));
  console.log('--- self');
  console.log(topSelf(tail, 30).join('\n'));
} finally {
  await browser.close();
  await server.close();
}
