/**
 * The keeping of every task's infos with its head (what a first start after an update does in the
 * background, storage's keepTaskInfos), in the bench page of several builds, interleaved round by
 * round: its time and the page's long tasks (> 50 ms) during it, as an officer typing then would
 * feel them. `npx tsx bench/tools/keep-infos.ts <rounds> <tasks> <app:page> [app:page…]`
 */
import { loadavg } from 'node:os';
import { launch, openBenchPage } from '../steps';
import { serveDirs } from '../lib/serve';
import { fmt, summarise } from '../lib/stats';

const [roundsArg, tasksArg, ...builds] = process.argv.slice(2);
const rounds = Number(roundsArg);
const tasks = Number(tasksArg);
if (!(rounds > 0) || !(tasks > 0) || builds.length === 0 || builds.some((b) => !b.includes(':'))) throw new Error('usage: keep-infos.ts <rounds> <tasks> <app:page> [app:page…]');
type Run = { ms: number; longMs: number; longestMs: number; kept: number };
const servers = await Promise.all(builds.map((b) => serveDirs(b.split(':')[0]!, b.split(':')[1]!)));
const browser = await launch();
const runs: Run[][] = builds.map(() => []);
try {
  for (let round = 0; round < rounds; round++)
    for (let k = 0; k < builds.length; k++) {
      const i = round % 2 ? builds.length - 1 - k : k;
      const context = await browser.newContext();
      await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      const page = await openBenchPage(context, servers[i]!.url);
      const got = await page.evaluate(([n, r]) => window.__bench.keepInfosTimed!(n as never, r as never), [tasks, 3] as const) as Run[];
      await context.close();
      // The first keeping of a page is its warm-up.
      runs[i]!.push(...got.slice(1));
      console.log(`${new Date().toISOString()} round ${round + 1} ${builds[i]}: ${got.map((g) => `${g.ms.toFixed(0)} ms (long tasks ${g.longMs.toFixed(0)} ms, longest ${g.longestMs.toFixed(0)}; ${g.kept} kept)`).join(', ')}, load ${loadavg()[0]!.toFixed(2)}`);
    }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
for (let i = 0; i < builds.length; i++) {
  console.log(`${builds[i]}: keeping ${fmt(summarise(runs[i]!.map((r) => r.ms)))}; long tasks during it ${fmt(summarise(runs[i]!.map((r) => r.longMs)))}; longest ${fmt(summarise(runs[i]!.map((r) => r.longestMs)))}`);
}
