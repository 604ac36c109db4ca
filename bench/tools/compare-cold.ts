/**
 * The cold start of two or more builds of the app, interleaved start by start (bench step 4's
 * measure: a fresh profile holding 10,000 tasks, #/ledger to the first painted grid row).
 * `npx tsx bench/tools/compare-cold.ts <rounds> <appDir> [appDir…]` after `npm run bench app`
 * (it uses that run's bench page). Prints each start and each build's median with its spread.
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { WATCH_FIRST_ROW } from './first-row-watch';

const [roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!rounds || dirs.length === 0) throw new Error('usage: compare-cold.ts <rounds> <appDir> [appDir…]');

const servers = await Promise.all(dirs.map((d) => serveDirs(d, BUILD_DIRS.page)));
const browser = await launch();
const times: number[][] = dirs.map(() => []);
try {
  for (let round = 0; round < rounds; round++)
    for (let i = 0; i < dirs.length; i++) {
      const url = servers[i]!.url;
      const context = await seededAppContext(browser, url);
      await context.addInitScript({ content: WATCH_FIRST_ROW });
      const page = await context.newPage();
      await page.goto(`${url}#/ledger`);
      await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
      const t = await page.evaluate(() => window.__firstRowAt!);
      times[i]!.push(t);
      console.log(`round ${round + 1} ${dirs[i]}: ${t.toFixed(0)} ms`);
      await context.close();
    }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (let i = 0; i < dirs.length; i++) {
  const xs = times[i]!;
  console.log(`${dirs[i]}: median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}), ${xs.length} starts`);
}
