/**
 * Profile a bench-page call in Chromium: `npx tsx bench/tools/profile-page.ts <prepare> <arg> <measure> [runs]`,
 * e.g. `seedForProfile 200000 backupForProfile` or `officeListPrepare 10000 officeImportOnce 3` (the
 * import). Runs `prepare(arg)` unprofiled, then `measure()` with the CPU profiler on (given `runs`: once
 * unprofiled as a warm-up, then `runs` times profiled), and prints each result, the functions with the
 * most self time and those with the most inclusive time. Uses the builds of the last bench run (build the
 * page with `--minify false` for names).
 */
import { writeFile } from 'node:fs/promises';
import { launch, openBenchPage } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { topInclusive, topSelf } from './cpu-profile';

const [prepare, arg, measure, runs] = process.argv.slice(2);
const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await openBenchPage(context, server.url);
  if (prepare) await page.evaluate(([n, a]) => window.__bench[n!]!(Number(a) as never), [prepare, arg] as const);
  if (runs) console.log(`${measure} (warm-up): ${JSON.stringify(await page.evaluate((n) => window.__bench[n!]!(), measure))}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  for (let i = 0; i < Number(runs ?? 1); i++) console.log(`${measure}: ${JSON.stringify(await page.evaluate((n) => window.__bench[n!]!(), measure))}`);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(topSelf(profile as never).join('\n'));
  console.log('\ninclusive:');
  console.log(topInclusive(profile as never, 45).join('\n'));
  // PROFILE_OUT=file.cpuprofile keeps the whole profile (open it in Chromium's DevTools).
  if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
} finally {
  await browser.close();
  await server.close();
}
