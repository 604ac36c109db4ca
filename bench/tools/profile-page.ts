/**
 * Profile one bench-page call in Chromium: `npx tsx bench/tools/profile-page.ts <prepare> <arg> <measure>`,
 * e.g. `seedForProfile 200000 backupForProfile`. Runs `prepare(arg)` unprofiled, then `measure()` with the
 * CPU profiler on, and prints the functions with the most self time. Uses the builds of the last bench run.
 */
import { writeFile } from 'node:fs/promises';
import { launch, openBenchPage } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { topSelf } from './cpu-profile';

const [prepare, arg, measure] = process.argv.slice(2);
const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await openBenchPage(context, server.url);
  if (prepare) await page.evaluate(([n, a]) => window.__bench[n!]!(Number(a) as never), [prepare, arg] as const);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const ms = await page.evaluate((n) => window.__bench[n!]!(), measure);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`${measure}: ${JSON.stringify(ms)}`);
  console.log(topSelf(profile as never).join('\n'));
  // PROFILE_OUT=file.cpuprofile keeps the whole profile (open it in Chromium's DevTools).
  if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
} finally {
  await browser.close();
  await server.close();
}
