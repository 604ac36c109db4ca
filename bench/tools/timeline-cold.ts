/**
 * Where one cold start's time goes, as a timeline: when each script arrived, when the spinner,
 * the shell and the first grid row appeared, any performance marks the build made, and the
 * CPU profile's top functions in each 100 ms. Run after `npm run bench app` (it uses that run's
 * builds; RENDERER_DIR another build): `npx tsx bench/tools/timeline-cold.ts`.
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { startProfiler } from './cpu-profile';

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
try {
  const context = await seededAppContext(browser, server.url);
  await context.addInitScript({
    content: `
    window.__marks = [];
    const seen = new Set();
    const probes = { spinner: '.ant-spin', shell: '.ant-layout', ledger: '[data-testid="ledger"]', grid: '[data-testid="task-grid"]', row: '[data-testid="task-grid"] [role="row"][data-task-key]' };
    const mo = new MutationObserver(() => {
      for (const [k, sel] of Object.entries(probes)) if (!seen.has(k) && document.querySelector(sel)) { seen.add(k); window.__marks.push([k, performance.now()]); }
    });
    mo.observe(document, { childList: true, subtree: true });
    `,
  });
  const page = await context.newPage();
  const profiler = await startProfiler(context, page);
  await page.goto(`${server.url}#/ledger`);
  await page.locator('[data-testid="task-grid"] [role="row"][data-task-key]').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(100);
  const profile = await profiler.stop();
  console.log(await page.evaluate(`performance.getEntriesByType('mark').map(m => m.name + ' ' + Math.round(m.startTime)).join(', ')`));
  const res = await page.evaluate(`performance.getEntriesByType('resource').map(e => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)])`);
  const nav = await page.evaluate(`(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: Math.round(n.responseEnd), dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) }; })()`);
  const marks = await page.evaluate(`window.__marks.map(([k, t]) => k + ' ' + Math.round(t))`);
  console.log('nav', nav);
  console.log('resources', res);
  console.log('marks', marks);
  // CPU by 100 ms from the profiler's start (just before the navigation), top five functions each.
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  let t = profile.startTime;
  const buckets = new Map<number, Map<string, number>>();
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const f = byId.get(id)!.callFrame;
    const file = (f.functionName || '(anon)') + '@' + (f.url.split('/').pop() || '').slice(0, 12) + ':' + (f.lineNumber + 1);
    const b = Math.floor((t - profile.startTime) / 100_000);
    const m = buckets.get(b) ?? new Map<string, number>();
    m.set(file, (m.get(file) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    buckets.set(b, m);
  });
  for (const [b, m] of [...buckets].sort((a, c) => a[0] - c[0]))
    console.log(`${String(b * 100).padStart(5)} ms  ` + [...m].sort((a, c) => c[1] - a[1]).slice(0, 5).map(([k, v]) => `${k}:${v.toFixed(0)}`).join('  '));
} finally {
  await browser.close();
  await server.close();
}
