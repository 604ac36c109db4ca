/**
 * When each IndexedDB read of a start was asked and answered, against the first painted grid row,
 * on a store kept on disk (bench/lib/kept-start.ts's profile, after its first start), for several
 * builds (`app:page`). `npx tsx bench/tools/idb-timeline.ts <starts> <app:page> [app:page…]`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOnDisk } from '../steps';
import { serveDirs } from '../lib/serve';
import { seedDiskProfile } from '../lib/kept-start';
import { WATCH_FIRST_ROW } from './first-row-watch';

const WATCH_IDB = `
  window.__idb = [];
  for (const [proto, kind] of [[IDBObjectStore.prototype, 'store'], [IDBIndex.prototype, 'index']])
    for (const m of ['getAll', 'get', 'count', 'openCursor', 'getAllKeys']) {
      const orig = proto[m];
      proto[m] = function (...args) {
        const t0 = performance.now();
        const req = orig.apply(this, args);
        const name = kind === 'store' ? this.name : this.objectStore.name + '.' + this.name;
        req.addEventListener('success', () => window.__idb.push([name + ' ' + m, Math.round(t0), Math.round(performance.now()), Array.isArray(req.result) ? req.result.length : '']));
        return req;
      };
    }
`;
const [startsArg, ...builds] = process.argv.slice(2);
const starts = Number(startsArg);
for (const b of builds) {
  const server = await serveDirs(b.split(':')[0]!, b.split(':')[1]!);
  const dir = await mkdtemp(join(tmpdir(), 'idb-timeline-'));
  try {
    await seedDiskProfile(dir, server.url);
    for (let s = 0; s <= starts; s++) {
      const context = await launchOnDisk(dir);
      await context.addInitScript({ content: WATCH_FIRST_ROW });
      await context.addInitScript({ content: WATCH_IDB });
      const page = await context.newPage();
      await page.goto(`${server.url}#/ledger`);
      await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
      const row = await page.evaluate(() => window.__firstRowAt!);
      await page.waitForTimeout(s === 0 ? 5000 : 1500);
      const reads = (await page.evaluate(() => (window as unknown as { __idb: unknown[][] }).__idb)) as [string, number, number, number | string][];
      console.log(`${b} start ${s}: first row ${row.toFixed(0)} ms`);
      for (const [what, t0, t1, n] of reads) if (t1 - t0 > 5 || t0 < row) console.log(`   ${what.padEnd(32)} asked ${String(t0).padStart(5)} answered ${String(t1).padStart(5)} (${t1 - t0} ms) ${n}`);
      await context.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await server.close();
  }
}
