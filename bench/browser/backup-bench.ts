/**
 * Step 5: backup and restore of the whole store (storage/backup.ts) with N progress entries,
 * 10,000 tasks and their targets, in real IndexedDB.
 */
import { LedgerDb } from '@renderer/storage/db';
import { createBackup, readBackupFile, restoreBackup, takeBackup, type BackupSink, type ChunkSource } from '@renderer/storage/backup';
import { readBackupRows } from '@renderer/storage/backup/write';
import { setDistrict } from '@renderer/storage/repositories';
import { checkBackup, confirmRestore, type PendingRestore } from '@renderer/features/backup/backup-flow';
import type { BackupReason } from '@shared/bridge';
import { generateData } from '../lib/synthetic';

/**
 * Main's side of a streamed backup write, as the desktop app has it (`writeToSink`: begin, each
 * piece, finish): every piece leaves the page, nothing of the file stays in it. Here the pieces
 * go into Blobs (kept by the browser outside the page, as main keeps them in a file) when `keep`
 * is given, and are dropped otherwise. (A sink with only `writeBackup` would be handed the whole
 * file joined into one more array, which neither the desktop app nor the browser build does.)
 */
function mainLikeSink(keep?: Blob[]): BackupSink {
  let size = 0;
  let reason: BackupReason = 'manual';
  return {
    writeBackup: () => Promise.reject(new Error('the bench writes backups piece by piece')),
    beginBackupWrite: async (r) => {
      reason = r;
      return 'bench';
    },
    appendBackupChunk: async (_id, data) => {
      size += data.length;
      keep?.push(new Blob([data as unknown as BlobPart]));
    },
    finishBackupWrite: async () => ({ name: 'bench.json', reason, at: new Date().toISOString(), size }),
  };
}

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
    const r = await restoreBackup(db, check.backup, { sink: mainLikeSink(), by: 'bench' });
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

/** A Blob read piece by piece, as the browser build reads a picked file (File.slice); it can be opened again. */
function blobSource(blob: Blob): ChunkSource {
  let at = 0;
  return {
    size: blob.size,
    reopen: async () => blobSource(blob),
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

/** Take a backup as the desktop app does: its pieces handed one by one to main (here: Blobs, the file for the restore). */
export async function memBackup(): Promise<{ ms: number; bytes: number }> {
  collect();
  const parts: Blob[] = [];
  const t = performance.now();
  const b = await takeBackup(memDb!, 'manual', mainLikeSink(parts));
  const ms = performance.now() - t;
  memFile = new Blob(parts);
  return { ms, bytes: b.size };
}

/** The file checked on the backup page, waiting for its confirmation (between memCheck and memConfirm). */
let memPending: PendingRestore | undefined;

/** The restore as the officer runs it on the backup page, part 1: the file checked for the preview (no rows kept). */
export async function memCheck(): Promise<{ ms: number }> {
  collect();
  const t = performance.now();
  const check = await checkBackup(blobSource(memFile!), 'bench.json');
  if (!check.ok) throw new Error(check.message);
  memPending = check.pending;
  return { ms: performance.now() - t };
}

/** Part 2, once the preview is confirmed: safety backup, the file read again, every table replaced. */
export async function memConfirm(): Promise<{ ms: number; restored: number }> {
  collect();
  const t = performance.now();
  const r = await confirmRestore(memDb!, memPending!, { sink: mainLikeSink() });
  memPending = undefined;
  return { ms: performance.now() - t, restored: r.counts.progress ?? 0 };
}

/** Drop the store of the memory step. */
export async function memDone(): Promise<void> {
  memFile = undefined;
  memPending = undefined;
  memDb?.close();
  await memDb?.delete();
  memDb = undefined;
  collect();
}

// ---------------------------------------------------------------- the store on disk (tools/kept-store-backup.ts)

/** The store an office has, written once into the database `name` and kept for a later browser launch on the same profile. */
export async function backupSeedKeep(sentences: string[], progressCount: number, name: string): Promise<{ seedMs: number }> {
  const t = performance.now();
  const db = await seedStore(sentences, name, progressCount);
  const seedMs = performance.now() - t;
  db.close();
  return { seedMs };
}

/**
 * The backup of the kept database `name` in a page of a fresh launch: the first backup after the
 * launch (as an officer takes it), then `runs` backups and floors interleaved.
 */
export async function backupKept(name: string, runs: number): Promise<{ firstMs: number; backupMs: number[]; floorMs: number[]; megabytes: number }> {
  const db = new LedgerDb(name);
  await db.open();
  let t = performance.now();
  let backup = await createBackup(db, 'manual');
  const firstMs = performance.now() - t;
  const megabytes = backup.bytes.length / 2 ** 20;
  const backupMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const which of i % 2 ? ['floor', 'app'] : ['app', 'floor']) {
      backup = undefined as never;
      t = performance.now();
      if (which === 'app') {
        backup = await createBackup(db, 'manual');
        backupMs.push(performance.now() - t);
      } else {
        await readEveryRow(db);
        floorMs.push(performance.now() - t);
      }
    }
  }
  db.close();
  return { firstMs, backupMs, floorMs, megabytes };
}
