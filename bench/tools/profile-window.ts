/**
 * The page's own work between IndexedDB's answer of the tasks and the first painted row, by function: one
 * cold start of step 4's store with the CPU profiler on; the window starts at the first sample of the
 * answer's handler (Dexie's `req.onsuccess` of the tasks' getAll, the first one that runs over 10 ms).
 * Self time per function in the window (to the profile's stop, just after the row), the 30 largest. Build the app unminified for names:
 * `npx vite build --config vite.web.config.ts --outDir /tmp/nomin --minify false`, then
 * `RENDERER_DIR=/tmp/nomin npx tsx bench/tools/profile-window.ts`.
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { startProfiler } from './cpu-profile';
import { WATCH_FIRST_ROW } from './first-row-watch';

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
try {
  const context = await seededAppContext(browser, server.url);
  await context.addInitScript({ content: WATCH_FIRST_ROW });
  const page = await context.newPage();
  const profiler = await startProfiler(context, page);
  await page.goto(`${server.url}#/ledger`);
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
  const firstRow = await page.evaluate(() => window.__firstRowAt!);
  const profile = await profiler.stop();
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  // Sample times in ms from the profile's start; the page's clock starts at navigation, a little later.
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    return { at: (t - profile.startTime) / 1000, dt: (profile.timeDeltas[i + 1] ?? 0) / 1000, f: byId.get(id)!.callFrame };
  });
  const name = (f: (typeof samples)[number]['f']) => `${f.functionName || '(anon)'} ${(f.url.split('/').pop() || '').replace(/-[\w-]{8}\.js$/, '')}:${f.lineNumber + 1}`;
  let from = -1;
  let run = 0;
  for (const s of samples) {
    run = /onsuccess/.test(s.f.functionName) ? run + s.dt : 0;
    if (run > 10) {
      from = s.at - run;
      break;
    }
  }
  // To the profile's end: it is stopped as soon as the first row is seen (within the watch's polling).
  const to = samples[samples.length - 1]!.at;
  const self = new Map<string, number>();
  let total = 0;
  for (const s of samples) {
    if (s.at < from || s.at > to || s.f.functionName === '(idle)') continue;
    self.set(name(s.f), (self.get(name(s.f)) ?? 0) + s.dt);
    total += s.dt;
  }
  console.log(`first row at ${firstRow.toFixed(0)} ms (page clock); window from ${from.toFixed(0)} ms (profile clock) to the end: ${total.toFixed(0)} ms busy`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(1).padStart(7)} ms  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
