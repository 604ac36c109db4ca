/**
 * Step 3's query on a store as an office has it: on disk (a persistent profile, not the in-memory
 * store of the bench's fresh contexts), written once and read later, by another launch of the
 * browser. `count` progress entries are written into a profile of their own, the browser is
 * closed, and then `2 × rounds` times a fresh browser is launched on that profile and the ledger's
 * query (one period of one district) is timed after the store's open: in every other launch as the
 * first read, in the others after the settings' read (as the app's boot reads them first).
 * `npx tsx bench/tools/kept-store-query.ts <count> <rounds>` after `npm run bench` (its bench page).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { onDiskBench } from '../steps';
import { fmt, summarise } from '../lib/stats';

const count = Number(process.argv[2] ?? 200_000);
const rounds = Number(process.argv[3] ?? 5);
if (!(count > 0) || !(rounds > 0)) throw new Error('usage: kept-store-query.ts <count> <rounds>');
const profile = await mkdtemp(join(tmpdir(), 'kept-store-'));
const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const { open, call } = onDiskBench(profile, server.url);
const load = () => loadavg()[0]!.toFixed(2);
try {
  const name = `bench-kept-${count}`;
  let context = await open();
  const seeded = await call<{ loadMs: number; period: string }>(context, 'progressSeedKeep', count, name);
  await context.close();
  console.log(`${new Date().toISOString()} wrote ${count.toLocaleString('en')} entries in ${(seeded.loadMs / 1000).toFixed(1)} s (on disk), load ${load()}`);
  const opens: number[] = [];
  const queries: number[] = [];
  const afterBoot: number[] = [];
  // Launches alternate: the query as the first read after the open, then after the settings' read (as in the app).
  for (let i = 0; i < 2 * rounds; i++) {
    const readFirst = i % 2 === 1;
    context = await open();
    const r = await call<{ openMs: number; queryMs: number; rows: number; againMs: number; keysMs: number; rawMs: number; sideBySideMs: number }>(context, 'progressQueryKept', name, seeded.period, readFirst);
    await context.close();
    opens.push(r.openMs);
    (readFirst ? afterBoot : queries).push(r.queryMs);
    console.log(`${new Date().toISOString()} launch ${i + 1}${readFirst ? ' (settings read first)' : ''}: open ${r.openMs.toFixed(1)} ms, query ${r.queryMs.toFixed(1)} ms (${r.rows} rows), again ${r.againMs.toFixed(1)}, keys ${r.keysMs.toFixed(1)}, raw ${r.rawMs.toFixed(1)}, side by side ${r.sideBySideMs.toFixed(1)}, load ${load()}`);
  }
  console.log(`open: ${fmt(summarise(opens))}`);
  console.log(`query 1 period × 1 district at ${count.toLocaleString('en')}, store on disk, another launch: ${fmt(summarise(queries))}`);
  console.log(`the same after the settings' read, as the app's boot reads them first: ${fmt(summarise(afterBoot))}`);
} finally {
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
