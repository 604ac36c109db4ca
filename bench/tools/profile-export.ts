/**
 * Profile the app's export in Chromium: `npx tsx bench/tools/profile-export.ts <rows> [app|bare] [runs]`.
 * Builds the bench page with exceljs unminified (vite.profile.config.ts, so its functions have
 * names), runs one warm-up, then `runs` exports (3) under the CPU profiler, and prints self time
 * and the inclusive time of every function (template read, fill, XML, zip).
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { launch, openBenchPage } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { startProfiler, topInclusive, topSelf } from './cpu-profile';

const [rowsArg = '5000', which = 'app', runsArg = '3'] = process.argv.slice(2);
const pageDir = join(BUILD_DIRS.page, '..', 'page-profile');
const root = resolve(import.meta.dirname, '../..');
execFileSync('npx', ['vite', 'build', '--config', 'bench/tools/vite.profile.config.ts', '--outDir', pageDir], { cwd: root, stdio: 'inherit' });
const server = await serveDirs(BUILD_DIRS.app, pageDir);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await openBenchPage(context, server.url);
  await page.evaluate(([n, w]) => window.__bench.exportProfilePrepare!(Number(n) as never, w as never), [rowsArg, which] as const);
  await page.evaluate(() => window.__bench.exportProfileRun!());
  const profiler = await startProfiler(context, page);
  const ms: unknown[] = [];
  for (let i = 0; i < Number(runsArg); i++) ms.push(await page.evaluate(() => window.__bench.exportProfileRun!()));
  const profile = await profiler.stop();
  console.log(`${which} ${rowsArg}: ${JSON.stringify(ms)}`);
  console.log(topSelf(profile, 40).join('\n'));
  console.log('\ninclusive:');
  console.log(topInclusive(profile, 60).join('\n'));
} finally {
  await browser.close();
  await server.close();
}
