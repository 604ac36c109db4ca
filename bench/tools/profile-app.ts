/**
 * Where the app's time goes (bench step 4): seeds 10,000 tasks, opens the ledger with Chromium's
 * CPU profiler on, types into the search box, and prints the functions with the most self time.
 * Run after `npm run bench app` (it uses that run's builds): `npx tsx bench/tools/profile-app.ts [cold|search]`.
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { topSelf } from './cpu-profile';

const mode = process.argv[2] ?? 'search';
const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
try {
  const context = await seededAppContext(browser, server.url);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (mode === 'cold') await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(`${server.url}#/ledger`);
  await page.locator('[data-testid="task-grid"] [role="row"][data-task-key]').first().waitFor({ timeout: 60_000 });
  console.log(`first row after ${Date.now() - t0} ms (wall, from goto)`);
  if (mode !== 'cold') {
    await page.waitForTimeout(500);
    // SORT=<header> sorts the grid by that column first (e.g. SORT=重点任务).
    if (process.env.SORT) {
      await page.locator('[data-testid="task-grid"] [role="columnheader"]', { hasText: process.env.SORT }).first().click();
      await page.waitForTimeout(500);
    }
    await page.getByTestId('ledger-search').focus();
    await cdp.send('Profiler.start');
    for (const k of ['创', '新', '平', '台']) {
      await page.keyboard.insertText(k);
      await page.waitForTimeout(400);
    }
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(400);
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  console.log(topSelf(profile as never).join('\n'));
} finally {
  await browser.close();
  await server.close();
}
