/**
 * Where a cold start's main-thread time goes by kind of work (the CPU profile calls most of it
 * "(program)"): one start of step 4's store with Chromium's tracing on, and the renderer main
 * thread's events summed by name (self time), in 250 ms windows up to the first row.
 * `npx tsx bench/tools/trace-cold.ts` after `npm run bench app` (RENDERER_DIR another build). Also:
 * SHOW=<event name> lists that event's occurrences over 20 ms; LIST=<regex> every event of any
 * thread whose name matches, in time order (LIST=IDB: the IndexedDB requests); SPAN=<from>-<to>
 * the main thread's events over 3 ms in that span (ms from navigation).
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { WATCH_FIRST_ROW } from './first-row-watch';

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
const file = join(tmpdir(), `trace-cold-${Date.now()}.json`);
try {
  const context = await seededAppContext(browser, server.url);
  await context.addInitScript({
    content:
      WATCH_FIRST_ROW +
      `;performance.mark('init-script');
      const seen = new Set();
      const probes = { shell: '.ant-layout', row: '[data-testid="task-grid"] [role="row"][data-task-key]' };
      new MutationObserver(() => { for (const [k, sel] of Object.entries(probes)) if (!seen.has(k) && document.querySelector(sel)) { seen.add(k); performance.mark(k); } }).observe(document, { childList: true, subtree: true });`,
  });
  const page = await context.newPage();
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'IndexedDB', 'toplevel', 'blink.user_timing'] });
  await page.goto(`${server.url}#/ledger`);
  await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
  const firstRow = await page.evaluate(() => window.__firstRowAt!);
  await browser.stopTracing();
  type Ev = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: { frame?: string } } };
  const { traceEvents } = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: Ev[] };
  // The renderer main thread: the thread named CrRendererMain with the most events.
  const names = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (pid: number, tid: number) => traceEvents.filter((e) => e.pid === pid && e.tid === tid).length;
  const main = names.sort((a, b) => count(b.pid, b.tid) - count(a.pid, a.tid))[0]!;
  const onMain = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  // Time 0 as the page's performance.now() has it: the init script's mark, less its performance.now().
  const mark = (name: string) => traceEvents.find((e) => e.pid === main.pid && e.name === name && e.ph !== 'e');
  const initAt = await page.evaluate(() => performance.getEntriesByName('init-script')[0]!.startTime);
  const nav = mark('init-script')!.ts - initAt * 1000;
  for (const m of ['shell', 'row']) console.log(`mark ${m} at ${((mark(m)!.ts - nav) / 1000).toFixed(0)} ms`);
  // Self time of each event (its duration less its children's), summed by name in 250 ms windows.
  onMain.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<Ev, number>(onMain.map((e) => [e, e.dur!]));
  const stack: Ev[] = [];
  for (const e of onMain) {
    while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent, self.get(parent)! - e.dur!);
    stack.push(e);
  }
  if (process.env.SHOW) for (const e of onMain) if (e.name === process.env.SHOW && e.dur! > 20000) console.log(`${process.env.SHOW} at ${((e.ts - nav) / 1000).toFixed(0)} ms: ${(e.dur! / 1000).toFixed(1)} ms ${JSON.stringify(e.args ?? {}).slice(0, 300)}`);
  // LIST=<regex>: every event of any thread whose name matches, in time order (the IndexedDB requests: LIST=IDB).
  if (process.env.LIST) {
    const re = new RegExp(process.env.LIST);
    const threadName = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
    for (const e of traceEvents.filter((x) => re.test(x.name) && x.ph !== 'E').sort((a, b) => a.ts - b.ts))
      console.log(`${((e.ts - nav) / 1000).toFixed(0).padStart(6)} ms ${e.ph} ${(e.dur ? (e.dur / 1000).toFixed(1) : '').padStart(6)} ${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid} ${e.name}`);
  }
  // SPAN=from-to: the main thread's events over 3 ms in that span (ms), with their self time.
  if (process.env.SPAN) {
    const [from, to] = process.env.SPAN.split('-').map(Number) as [number, number];
    for (const e of onMain) {
      const at = (e.ts - nav) / 1000;
      if (at >= from && at <= to && e.dur! > 3000) console.log(`${at.toFixed(0).padStart(6)} ms ${(e.dur! / 1000).toFixed(1).padStart(7)} self ${(self.get(e)! / 1000).toFixed(1).padStart(6)} ${e.name} ${JSON.stringify(e.args?.data ?? {}).slice(0, 120)}`);
    }
  }
  const windows = new Map<number, Map<string, number>>();
  for (const e of onMain) {
    const at = (e.ts - nav) / 1000;
    if (at > firstRow + 50 || at < 0) continue;
    const w = Math.floor(at / 250) * 250;
    const m = windows.get(w) ?? new Map<string, number>();
    m.set(e.name, (m.get(e.name) ?? 0) + self.get(e)! / 1000);
    windows.set(w, m);
  }
  console.log(`first row at ${firstRow.toFixed(0)} ms`);
  const total = new Map<string, number>();
  for (const [w, m] of [...windows].sort((a, b) => a[0] - b[0])) {
    console.log(`${String(w).padStart(5)} ms  ` + [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k}:${v.toFixed(0)}`).join('  '));
    for (const [k, v] of m) total.set(k, (total.get(k) ?? 0) + v);
  }
  console.log('whole start: ' + [...total].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k}:${v.toFixed(0)}`).join('  '));
} finally {
  await browser.close();
  await server.close();
  await rm(file, { force: true });
}
