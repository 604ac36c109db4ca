/**
 * Step 5: backup and restore of the whole store (storage/backup.ts) with N progress entries,
 * 10,000 tasks and their targets, in real IndexedDB.
 */
import { LedgerDb } from '@renderer/storage/db';
import { createBackup, readBackupFile, readBackupStream, restoreBackup, type BackupSink, type ChunkSource } from '@renderer/storage/backup';
import { readBackupRows } from '@renderer/storage/backup/write';
import { setDistrict } from '@renderer/storage/repositories';
import { generateData } from '../lib/synthetic';

/** The browser has no backup folder: the safety backup before a restore stays in memory. */
const MEMORY_SINK: BackupSink = { writeBackup: async () => null };

/** Times of one backup → read → restore round, and the file size. */
export interface BackupTimes {
  seedMs: number;
  backupMs: number[];
  /** The floor: every row of every backed-up table read from IndexedDB, nothing else. */
  floorMs: number[];
  readMs: number[];
  restoreMs: number[];
  megabytes: number;
  restoredProgress: number;
}

/** A fresh store named `name` with 10,000 tasks and `progressCount` progress entries (for profiling). */
export async function seedStore(sentences: string[], name: string, progressCount: number): Promise<LedgerDb> {
  const db = new LedgerDb(name);
  const data = generateData({ sentences, taskCount: 10_000, periodCount: 20, progressCount });
  await db.tasks.bulkPut(data.tasks);
  await db.targets.bulkPut(data.targets);
  for (let i = 0; i < data.progress.length; i += 10_000) await db.progress.bulkPut(data.progress.slice(i, i + 10_000));
  await setDistrict(db, '汉阳区');
  return db;
}

/**
 * The floor of a backup: every row of every table it writes, read from IndexedDB exactly as the
 * writer reads them (storage/backup/write.ts readBackupRows: one read-only transaction, the
 * same pages and requests), the rows not encoded, hashed or kept.
 */
export const readEveryRow = (db: LedgerDb): Promise<number> => readBackupRows(db);

/** Fill a fresh store with `progressCount` entries, then back it up `runs` times and restore it `restoreRuns` times. */
export async function backupRestore(sentences: string[], progressCount: number, runs: number, restoreRuns: number): Promise<BackupTimes> {
  const t0 = performance.now();
  const db = await seedStore(sentences, `bench-backup-${progressCount}-${Date.now()}`, progressCount);
  const seedMs = performance.now() - t0;
  const out: BackupTimes = { seedMs, backupMs: [], floorMs: [], readMs: [], restoreMs: [], megabytes: 0, restoredProgress: 0 };
  // Warm-up (not counted), then the app's backup and the floor interleaved.
  await readEveryRow(db);
  let backup = await createBackup(db, 'manual');
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['floor', 'app'] : ['app', 'floor']) {
      if (which === 'app') backup = undefined as never; // the previous file may be collected
      const t = performance.now();
      if (which === 'app') {
        backup = await createBackup(db, 'manual');
        out.backupMs.push(performance.now() - t);
      } else {
        await readEveryRow(db);
        out.floorMs.push(performance.now() - t);
      }
    }
  }
  // The whole file in one array for reading it back (the app hands the pieces to main or a Blob).
  const bytes = backup.bytes;
  backup = undefined as never;
  out.megabytes = bytes.length / 2 ** 20;
  for (let i = 0; i < Math.max(runs, restoreRuns); i++) {
    let t = performance.now();
    const check = await readBackupFile(bytes);
    if (!check.ok) throw new Error(check.message);
    if (i < runs) out.readMs.push(performance.now() - t);
    if (i >= restoreRuns) continue;
    t = performance.now();
    const r = await restoreBackup(db, check.backup, { sink: MEMORY_SINK, by: 'bench' });
    out.restoreMs.push(performance.now() - t);
    out.restoredProgress = r.counts.progress ?? 0;
  }
  db.close();
  await db.delete();
  return out;
}

// ---------------------------------------------------------------- memory (step 5m)

/** State kept between the calls of the memory step (each call is measured from outside). */
let memDb: LedgerDb | undefined;
let memFile: Blob | undefined;

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A Blob read piece by piece, as the browser build reads a picked file (File.slice). */
function blobSource(blob: Blob): ChunkSource {
  let at = 0;
  return {
    size: blob.size,
    read: async () => {
      if (at >= blob.size) return null;
      const piece = new Uint8Array(await blob.slice(at, at + (1 << 20)).arrayBuffer());
      at += piece.length;
      return piece;
    },
  };
}

/** Fill the store for the memory step. */
export async function memSeed(sentences: string[], progressCount: number): Promise<{ ms: number }> {
  const t = performance.now();
  memDb = await seedStore(sentences, `bench-mem-${progressCount}-${Date.now()}`, progressCount);
  collect();
  return { ms: performance.now() - t };
}

/**
 * Collect garbage and give the allocator a moment to hand freed pages back, so that the next
 * call's peak is measured from what the page really holds (after a backup, the file's buffer is
 * garbage but still resident until collected: a restore measured from there showed +0 MB).
 */
export async function memSettle(): Promise<void> {
  collect();
  await new Promise((r) => setTimeout(r, 500));
  collect();
}

/** Take a backup (its pieces end up in a Blob, as the browser build's download does). */
export async function memBackup(): Promise<{ ms: number; bytes: number }> {
  collect();
  const t = performance.now();
  const b = await createBackup(memDb!, 'manual');
  const ms = performance.now() - t;
  memFile = new Blob(b.chunks as unknown as BlobPart[]);
  return { ms, bytes: b.size };
}

/** Read, verify and restore the file (safety backup first), the whole restore as the officer runs it. */
export async function memRestore(): Promise<{ ms: number; restored: number }> {
  collect();
  const t = performance.now();
  const check = await readBackupStream(blobSource(memFile!));
  if (!check.ok) throw new Error(check.message);
  const r = await restoreBackup(memDb!, check.backup, { sink: MEMORY_SINK, by: 'bench' });
  return { ms: performance.now() - t, restored: r.counts.progress ?? 0 };
}

/** Drop the store of the memory step. */
export async function memDone(): Promise<void> {
  memFile = undefined;
  memDb?.close();
  await memDb?.delete();
  memDb = undefined;
  collect();
}
