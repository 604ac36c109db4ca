/**
 * Step 5's backup on a store as an office has it: on disk (a persistent profile, not the in-memory
 * store of the bench's fresh contexts), written once and backed up later, by another launch of the
 * browser. 10,000 tasks and `count` progress entries are written into a profile of their own, the
 * browser is closed, and then `launches` times a fresh browser is launched on that profile: the
 * first backup after the launch, then `runs` backups and floors (every row read) interleaved.
 * `npx tsx bench/tools/kept-store-backup.ts <count> <launches> <runs>` after `npm run bench` (its bench page).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { onDiskBench } from '../steps';
import { fmt, summarise } from '../lib/stats';

const count = Number(process.argv[2] ?? 200_000);
const launches = Number(process.argv[3] ?? 3);
const runs = Number(process.argv[4] ?? 2);
if (!(count > 0) || !(launches > 0) || !(runs >= 0)) throw new Error('usage: kept-store-backup.ts <count> <launches> <runs>');
const profile = await mkdtemp(join(tmpdir(), 'kept-backup-'));
const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const { open, call } = onDiskBench(profile, server.url);
const load = () => loadavg()[0]!.toFixed(2);
try {
  const name = `bench-kept-backup-${count}`;
  let context = await open();
  const seeded = await call<{ seedMs: number }>(context, 'backupSeedKeep', count, name);
  await context.close();
  console.log(`${new Date().toISOString()} wrote 10,000 tasks + ${count.toLocaleString('en')} entries in ${(seeded.seedMs / 1000).toFixed(1)} s (on disk), load ${load()}`);
  const firsts: number[] = [];
  const backups: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < launches; i++) {
    context = await open();
    const r = await call<{ firstMs: number; backupMs: number[]; floorMs: number[]; megabytes: number }>(context, 'backupKept', name, runs);
    await context.close();
    firsts.push(r.firstMs);
    backups.push(...r.backupMs);
    floors.push(...r.floorMs);
    console.log(`${new Date().toISOString()} launch ${i + 1}: first backup ${r.firstMs.toFixed(0)} ms (${r.megabytes.toFixed(0)} MB), then backups ${r.backupMs.map((x) => x.toFixed(0)).join(', ')} ms, floors ${r.floorMs.map((x) => x.toFixed(0)).join(', ')} ms, load ${load()}`);
  }
  console.log(`first backup after a launch, store on disk: ${fmt(summarise(firsts))}`);
  if (backups.length) console.log(`later backups: ${fmt(summarise(backups))}; floor (every row read): ${fmt(summarise(floors))}`);
} finally {
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
