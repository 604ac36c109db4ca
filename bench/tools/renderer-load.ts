/**
 * What else runs during a cold start (bench step 4's measure), and what fresh memory costs here.
 * `npx tsx bench/tools/renderer-load.ts [rounds=3]` after `npm run bench app` (its builds).
 *
 * 1. The first write to fresh memory: 200 MB touched page by page, in this process, against the
 *    same pages written again (the kernel maps a page at its first write; a VM may make that dear).
 * 2. Cold starts with the bench's browser flags and with Chromium's defaults for its own services
 *    (BROWSER_FLAGS without `--disable-features`), interleaved: the first row's time, and the CPU
 *    time and minor page faults of every renderer process while it started (from /proc), each
 *    named by its kind (`top-chrome-webui` is the browser's own interface, not the app).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { seededAppContext } from '../steps';
import { BROWSER_FLAGS } from '../../test/e2e/browser-flags';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { WATCH_FIRST_ROW } from './first-row-watch';

const rounds = Number(process.argv[2] ?? 3);
const TICK_MS = 10; // /proc/<pid>/stat counts CPU in clock ticks of 10 ms (USER_HZ 100)

// 1. Fresh memory against memory already written.
{
  const mb = 200;
  const fresh: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < 3; i++) {
    const b = new Uint8Array(mb * 2 ** 20);
    let t0 = performance.now();
    for (let k = 0; k < b.length; k += 4096) b[k] = 1;
    fresh.push(performance.now() - t0);
    t0 = performance.now();
    for (let k = 0; k < b.length; k += 4096) b[k] = 2;
    again.push(performance.now() - t0);
  }
  const pages = (mb * 2 ** 20) / 4096;
  const med = (x: number[]) => [...x].sort((a, b) => a - b)[1]!;
  console.log(`first write to ${mb} MB: ${med(fresh).toFixed(0)} ms (${((med(fresh) * 1000) / pages).toFixed(1)} µs a 4 KB page); written again: ${med(again).toFixed(1)} ms`);
}

/** Every renderer process now: pid, its kind, CPU ms and minor faults so far. */
function renderers(): { pid: number; kind: string; cpu: number; faults: number }[] {
  const out: { pid: number; kind: string; cpu: number; faults: number }[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      // Chromium rewrites a forked renderer's command line as one string: split on both.
      const args = readFileSync(`/proc/${d}/cmdline`, 'utf8').split(/[\0 ]/);
      if (!args.includes('--type=renderer')) continue;
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.push({ pid: Number(d), kind: args.includes('--top-chrome-webui') ? 'top-chrome-webui' : 'page', cpu: (Number(f[11]) + Number(f[12])) * TICK_MS, faults: Number(f[7]) });
    } catch {
      // The process ended while it was read.
    }
  }
  return out;
}

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const launchWith = (args: string[]) => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args });
const browsers: Record<'bench flags' | 'Chromium defaults', Browser> = {
  'bench flags': await launchWith(BROWSER_FLAGS),
  'Chromium defaults': await launchWith(BROWSER_FLAGS.filter((a) => !a.startsWith('--disable-features'))),
};
try {
  for (let round = 0; round < rounds; round++)
    for (const which of (round % 2 ? ['Chromium defaults', 'bench flags'] : ['bench flags', 'Chromium defaults']) as (keyof typeof browsers)[]) {
      const context = await seededAppContext(browsers[which], server.url);
      await context.addInitScript({ content: WATCH_FIRST_ROW });
      const before = new Map(renderers().map((r) => [r.pid, r]));
      const page = await context.newPage();
      await page.goto(`${server.url}#/ledger`);
      await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
      const row = await page.evaluate(() => window.__firstRowAt!);
      const busy = renderers()
        .map((r) => ({ ...r, cpu: r.cpu - (before.get(r.pid)?.cpu ?? 0), faults: r.faults - (before.get(r.pid)?.faults ?? 0) }))
        .filter((r) => r.cpu > 0 || r.faults > 100)
        .map((r) => `${r.kind} ${r.pid}: ${r.cpu} ms CPU, ${r.faults} faults (${((r.faults * 4) / 1024).toFixed(0)} MB)`);
      console.log(`round ${round + 1}, ${which}: first row at ${row.toFixed(0)} ms; renderers meanwhile: ${busy.join('; ')}`);
      await context.close();
    }
} finally {
  for (const b of Object.values(browsers)) await b.close();
  await server.close();
}
