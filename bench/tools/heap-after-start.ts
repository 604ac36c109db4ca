/**
 * The JS heap of the open ledger (step 4's store: 10,000 tasks of 汉阳区) after a start, for one or
 * more builds, interleaved: the used heap once the first row is painted and the page has settled
 * (2 s), after a forced garbage collection, so that what is measured is what the page keeps.
 * `npx tsx bench/tools/heap-after-start.ts <rounds> <appDir> [appDir…]` after `npm run bench app`.
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { WATCH_FIRST_ROW } from './first-row-watch';
import { summarise } from '../lib/stats';

const [roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!rounds || dirs.length === 0) throw new Error('usage: heap-after-start.ts <rounds> <appDir> [appDir…]');
const servers = await Promise.all(dirs.map((d) => serveDirs(d, BUILD_DIRS.page)));
const browser = await launch();
const heaps: number[][] = dirs.map(() => []);
try {
  for (let round = 0; round < rounds; round++)
    for (let i = 0; i < dirs.length; i++) {
      const url = servers[i]!.url;
      const context = await seededAppContext(browser, url);
      await context.addInitScript({ content: WATCH_FIRST_ROW });
      const page = await context.newPage();
      await page.goto(`${url}#/ledger`);
      await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
      await page.waitForTimeout(2000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heaps[i]!.push(usedSize / 2 ** 20);
      console.log(`round ${round + 1} ${dirs[i]}: ${(usedSize / 2 ** 20).toFixed(1)} MB`);
      await context.close();
    }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
for (let i = 0; i < dirs.length; i++) {
  const m = summarise(heaps[i]!);
  console.log(`${dirs[i]}: heap kept ${m.median.toFixed(1)} MB (${m.min.toFixed(1)}–${m.max.toFixed(1)}, n=${m.runs})`);
}
