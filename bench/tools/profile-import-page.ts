/**
 * Profile the app's import in Chromium (the bench page's officeImportOnce, 10,000 rows by default):
 * `npx tsx bench/tools/profile-import-page.ts [rows] [runs]`. One warm-up unprofiled, then `runs`
 * imports under the profiler; prints each run's stages, the functions with the most self time and
 * the inclusive time of the import's own functions. Build the page with `--minify false` for names.
 */
import { writeFile } from 'node:fs/promises';
import { launch, openBenchPage } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { topSelf, topInclusive } from './cpu-profile';

const [rows = '10000', runs = '3'] = process.argv.slice(2);
const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await openBenchPage(context, server.url);
  await page.evaluate((n) => window.__bench.officeListPrepare!(n as never), Number(rows));
  console.log('warm-up', JSON.stringify(await page.evaluate(() => window.__bench.officeImportOnce!())));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  for (let i = 0; i < Number(runs); i++) console.log(JSON.stringify(await page.evaluate(() => window.__bench.officeImportOnce!())));
  const { profile } = await cdp.send('Profiler.stop');
  console.log(topSelf(profile as never, 30).join('\n'));
  console.log('--- inclusive');
  console.log(topInclusive(profile as never, 45).join('\n'));
  // PROFILE_OUT=file.cpuprofile keeps the whole profile (open it in Chromium's DevTools).
  if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
} finally {
  await browser.close();
  await server.close();
}
