/**
 * In-browser benchmark steps, run by bench/run.ts through playwright-core in Chromium
 * against real IndexedDB. Each step is exposed on window.__bench and returns timings in ms.
 */
import { LedgerDb } from '@renderer/storage/db';
import { DB_NAME } from '@renderer/storage/schema';
import { progressRepo, setDistrict } from '@renderer/storage/repositories';
import { generateData, sentencesOf } from '../lib/synthetic';

const seedTexts = Object.values(import.meta.glob('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true })) as string[];
const sentences = sentencesOf(seedTexts);

function now(): number {
  return performance.now();
}

/** Put `taskCount` tasks into the app's own database (same origin), as a city list would. */
async function seedApp(taskCount: number, district: string): Promise<{ ms: number }> {
  const db = new LedgerDb(DB_NAME);
  const data = generateData({ sentences, taskCount, periodCount: 1, progressCount: 0 });
  const t0 = now();
  await db.tasks.bulkPut(data.tasks);
  await db.targets.bulkPut(data.targets);
  await setDistrict(db, district);
  db.close();
  return { ms: now() - t0 };
}

/** Load `count` progress entries into a fresh database and query one period of one district. */
async function progressLoadAndQuery(count: number): Promise<{ loadMs: number; queryMs: number; rows: number }> {
  const name = `bench-progress-${count}-${Date.now()}`;
  const db = new LedgerDb(name);
  const data = generateData({ sentences, taskCount: 10_000, periodCount: 20, progressCount: count });
  const t0 = now();
  for (let i = 0; i < data.progress.length; i += 10_000) await db.progress.bulkPut(data.progress.slice(i, i + 10_000));
  const loadMs = now() - t0;
  const period = data.periodIds[data.periodIds.length - 1]!;
  const t1 = now();
  const rows = await progressRepo.byPeriod(db, '汉阳区', period);
  const queryMs = now() - t1;
  db.close();
  await db.delete();
  return { loadMs, queryMs, rows: rows.length };
}

declare global {
  interface Window {
    __bench: Record<string, (...args: never[]) => Promise<unknown>>;
    __benchReady: boolean;
  }
}

window.__bench = { seedApp, progressLoadAndQuery } as unknown as Window['__bench'];
window.__benchReady = true;
