/**
 * In-browser benchmark steps, run by bench/run.ts through playwright-core in Chromium
 * against real IndexedDB. Each step is exposed on window.__bench and returns timings in ms.
 */
import { createRawLedgerDb, LedgerDb } from '@renderer/storage/db';
import { DB_NAME } from '@renderer/storage/schema';
import { progressRepo, setDistrict, setSetting } from '@renderer/storage/repositories';
import { SETTING_KEYS } from '@core/model';
import { generateData, sentencesOf } from '../lib/synthetic';
import { appImport, bareSheetJs, cityListXlsx, cityTasks, heapMb, officeImportOnce, officeListPrepare, type AppImportTimes } from './import-bench';
import { appExport, bareExcelJs, exportSource, reportRows, templateTaskFields } from './export-bench';
import { backupKept, backupRestore, backupSeedKeep, memBackup, memCheck, memConfirm, memDone, memSeed, memSettle, seedStore } from './backup-bench';
import { createBackup } from '@renderer/storage/backup';
import { ledgerBase } from '@renderer/storage/queries';
import { keepTaskInfos } from '@renderer/storage/task-heads';
import { buildTaskInfos } from '@renderer/features/common/task-rows';
import { afterWhole } from '@renderer/features/ledger/use-keep-start-infos';
import { loadDashboardSource, shownPeriod, summariesFor } from '@renderer/features/dashboard/dashboard-data';
import type { PeriodSummaryRow } from '@core/dashboard';
import { DASHBOARD_DISTRICT, dashboardCompute, dashboardData } from './dashboard-bench';
import { appRecognise, bareRead, roundDrop, type RoundScenario } from './rounds-bench';

const seedTexts = Object.values(import.meta.glob('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true })) as string[];
const sentences = sentencesOf(seedTexts);

function now(): number {
  return performance.now();
}

/**
 * Put `taskCount` tasks into the app's own database (same origin), as a city list would: through
 * the store's derived tables (the tasks' heads), as the app's own writes make them.
 */
async function seedApp(taskCount: number, district: string): Promise<{ ms: number }> {
  const db = createRawLedgerDb(DB_NAME);
  const data = generateData({ sentences, taskCount, periodCount: 1, progressCount: 0 });
  const t0 = now();
  await db.tasks.bulkPut(data.tasks);
  await db.targets.bulkPut(data.targets);
  await setDistrict(db, district);
  // The worst case for search: every task listed and searched, not only the district's.
  await setSetting(db, SETTING_KEYS.ledgerRelevantOnly, false);
  db.close();
  return { ms: now() - t0 };
}

/**
 * The keeping after a first start (a new version: every task's infos kept with its head): a store
 * of `taskCount` tasks written through the production factory, the ledger's infos of them, then
 * `runs` keepings of all of them timed, each with the main thread's long tasks (> 50 ms) during it.
 */
async function keepInfosTimed(taskCount: number, runs: number): Promise<{ ms: number; longMs: number; longestMs: number; kept: number }[]> {
  const name = `bench-keep-${taskCount}-${Date.now()}`;
  const db = createRawLedgerDb(name);
  const data = generateData({ sentences, taskCount, periodCount: 1, progressCount: 0 });
  await db.tasks.bulkPut(data.tasks);
  const base = await ledgerBase(db, '汉阳区');
  const infos = afterWhole('all', buildTaskInfos({ ...base, district: '汉阳区' })).keep;
  const out = [];
  for (let r = 0; r < runs; r++) {
    const long: PerformanceEntry[] = [];
    const watch = new PerformanceObserver((list) => long.push(...list.getEntries()));
    watch.observe({ type: 'longtask' });
    const t0 = now();
    const kept = await keepTaskInfos(db, '汉阳区', base.clusters, infos);
    const ms = now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    watch.disconnect();
    const during = long.filter((e) => e.startTime >= t0 && e.startTime < t0 + ms);
    out.push({ ms, longMs: during.reduce((n, e) => n + e.duration, 0), longestMs: Math.max(0, ...during.map((e) => e.duration)), kept });
  }
  db.close();
  await db.delete();
  return out;
}

/** Write `count` synthetic progress entries (10,000 tasks × 20 quarters) into `db`, timed; `period` is the last quarter. */
async function writeProgress(db: LedgerDb, count: number): Promise<{ loadMs: number; period: string }> {
  const data = generateData({ sentences, taskCount: 10_000, periodCount: 20, progressCount: count });
  const t0 = now();
  for (let i = 0; i < data.progress.length; i += 10_000) await db.progress.bulkPut(data.progress.slice(i, i + 10_000));
  return { loadMs: now() - t0, period: data.periodIds[data.periodIds.length - 1]! };
}

/** Load `count` progress entries into a fresh database and query one period of one district. */
async function progressLoadAndQuery(count: number): Promise<{ loadMs: number; queryMs: number; rows: number }> {
  const name = `bench-progress-${count}-${Date.now()}`;
  const db = new LedgerDb(name);
  const { loadMs, period } = await writeProgress(db, count);
  const t1 = now();
  const rows = await progressRepo.byPeriod(db, '汉阳区', period);
  const queryMs = now() - t1;
  db.close();
  await db.delete();
  return { loadMs, queryMs, rows: rows.length };
}

/**
 * The store an office has: `count` progress entries written into the database `name` and kept
 * (not deleted), for a later page (another browser launch on the same profile) to query.
 */
async function progressSeedKeep(count: number, name: string): Promise<{ loadMs: number; period: string }> {
  const db = new LedgerDb(name);
  const written = await writeProgress(db, count);
  db.close();
  return written;
}

/**
 * One period of one district read from the kept database `name`, as the ledger reads it at a start:
 * the open, then the query; then where its time goes (the same query again, the index's keys alone,
 * a bare IndexedDB getAll on the index). With `readFirst`, the settings are read before the query,
 * as the app's boot reads them before the ledger asks for the period's entries.
 */
async function progressQueryKept(name: string, period: string, readFirst = false): Promise<{ openMs: number; queryMs: number; rows: number; againMs: number; keysMs: number; rawMs: number; sideBySideMs: number }> {
  const t0 = now();
  const db = new LedgerDb(name);
  await db.open();
  const openMs = now() - t0;
  // As in the app, where the boot's reads (settings first) come before the ledger's query.
  if (readFirst) await db.settings.toArray();
  const t1 = now();
  const rows = await progressRepo.byPeriod(db, '汉阳区', period);
  const queryMs = now() - t1;
  const t2 = now();
  await progressRepo.byPeriod(db, '汉阳区', period);
  const againMs = now() - t2;
  const t3 = now();
  await db.progress.where('[district+periodId]').equals(['汉阳区', period]).primaryKeys();
  const keysMs = now() - t3;
  const idb = db.backendDB();
  const t4 = now();
  await new Promise((res) => {
    const q = idb.transaction('progress', 'readonly').objectStore('progress').index('[district+periodId]').getAll(IDBKeyRange.only(['汉阳区', period]));
    q.onsuccess = res;
  });
  const rawMs = now() - t4;
  // The same number of entries stored side by side (one primary-key range from the district's
  // first key), as a key format that put a period's entries together would read them.
  const t5 = now();
  await new Promise((res) => {
    const q = idb.transaction('progress', 'readonly').objectStore('progress').getAll(IDBKeyRange.lowerBound('汉阳区|'), rows.length);
    q.onsuccess = res;
  });
  const sideBySideMs = now() - t5;
  db.close();
  return { openMs, queryMs, rows: rows.length, againMs, keysMs, rawMs, sideBySideMs };
}

/** Step 1: the app's import vs bare SheetJS on the same file, interleaved `runs` times (after one warm-up each). */
async function importCompare(n: number, runs: number): Promise<{ app: AppImportTimes[]; bare: number[]; megabytes: number }> {
  const tasks = cityTasks(sentences, n);
  const bytes = await cityListXlsx(tasks, sentences);
  await appImport(bytes, tasks);
  bareSheetJs(bytes);
  const app: AppImportTimes[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['bare', 'app'] : ['app', 'bare'];
    for (const which of order) {
      if (which === 'app') app.push(await appImport(bytes, tasks));
      else {
        const t0 = now();
        bareSheetJs(bytes);
        bare.push(now() - t0);
      }
    }
  }
  return { app, bare, megabytes: bytes.length / 2 ** 20 };
}

/** The app's export of n rows with the JS heap before and after (MB): the renderer's peak is read outside the page. */
async function exportMemory(n: number): Promise<{ totalMs: number; heapBeforeMb: number; heapMaxMb: number; rows: number }> {
  const src = exportSource(sentences, n);
  const heapBeforeMb = heapMb(true);
  const r = await appExport(src);
  return { totalMs: r.totalMs, heapBeforeMb, heapMaxMb: heapMb(), rows: r.rows };
}

let exportProfiled: (() => Promise<number>) | undefined;
/** For bench/tools/profile-export.ts: the export of n rows, the app's or the bare floor's, to run under the profiler. */
async function exportProfilePrepare(n: number, which: 'app' | 'bare'): Promise<void> {
  const src = exportSource(sentences, n);
  const rows = reportRows(src);
  const fields = await templateTaskFields();
  exportProfiled = async () => {
    const t0 = now();
    if (which === 'app') await appExport(src);
    else await bareExcelJs(rows, fields);
    return now() - t0;
  };
}

/**
 * Step 2: the app's export vs bare exceljs on the same rows, interleaved `runs` times (after one
 * warm-up each); also bare exceljs zipped the app's way (native deflate), to show the fill's own cost.
 */
async function exportCompare(n: number, runs: number): Promise<{ app: { buildMs: number; fillMs: number; totalMs: number; bytes: number; rows: number }[]; bare: number[]; bareNative: number[] }> {
  const src = exportSource(sentences, n);
  const rows = reportRows(src);
  const fields = await templateTaskFields();
  await appExport(src);
  await bareExcelJs(rows, fields);
  await bareExcelJs(rows, fields, true);
  const app = [];
  const bare: number[] = [];
  const bareNative: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['native', 'bare', 'app'] : ['app', 'bare', 'native'];
    for (const which of order) {
      if (which === 'app') app.push(await appExport(src));
      else {
        const t0 = now();
        await bareExcelJs(rows, fields, which === 'native');
        (which === 'native' ? bareNative : bare).push(now() - t0);
      }
    }
  }
  return { app, bare, bareNative };
}

/** Put N tasks and the district's progress for the last P quarters into the app's database (for the 工作台 page). */
async function seedAppDashboard(taskCount: number, periodCount: number): Promise<{ ms: number; progress: number }> {
  const db = new LedgerDb(DB_NAME);
  const data = dashboardData(sentences, taskCount, periodCount);
  const t0 = now();
  await db.documents.bulkPut(data.documents);
  await db.tasks.bulkPut(data.tasks);
  await db.targets.bulkPut(data.targets);
  for (let i = 0; i < data.progress.length; i += 10_000) await db.progress.bulkPut(data.progress.slice(i, i + 10_000));
  await setDistrict(db, DASHBOARD_DISTRICT);
  db.close();
  return { ms: now() - t0, progress: data.progress.length };
}

/** The 工作台's store read (loadDashboardSource for the current quarter), `runs` times, and its parts once. */
async function dashboardLoad(runs: number): Promise<{ ms: number[]; parts: Record<string, number> }> {
  const db = new LedgerDb(DB_NAME);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await loadDashboardSource(db, { periodId: undefined });
    ms.push(now() - t0);
  }
  const parts: Record<string, number> = {};
  const time = async (name: string, f: () => Promise<unknown>) => {
    const t0 = now();
    const r = await f();
    parts[`${name} (${Array.isArray(r) ? r.length : 1})`] = Math.round(now() - t0);
    return r;
  };
  const period = shownPeriod('quarter', undefined, new Date().toISOString().slice(0, 10));
  await time('tasks', () => db.tasks.toArray());
  const rows = (await time('period rows', () => db.progressSummary.where('district').equals(DASHBOARD_DISTRICT).toArray())) as PeriodSummaryRow[];
  await time('summariesFor', async () => summariesFor(rows, period));
  db.close();
  return { ms, parts };
}

let profiled: LedgerDb | undefined;

/** For bench/tools/profile-page.ts: a store to back up, then one backup of it. */
async function seedForProfile(count: number): Promise<void> {
  profiled = await seedStore(sentences, `bench-profile-${Date.now()}`, count);
}
async function backupForProfile(): Promise<number> {
  const t0 = now();
  await createBackup(profiled!, 'manual');
  return now() - t0;
}

/** Step 6: recognise and plan one drop of returned round files vs bare SheetJS, interleaved `runs` times (after one warm-up each). */
async function roundsCompare(scenario: RoundScenario, runs: number) {
  const { files, ctx } = await roundDrop(scenario, sentences);
  await appRecognise(files, ctx);
  bareRead(files);
  const app: Awaited<ReturnType<typeof appRecognise>>[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(await appRecognise(files, ctx));
    bare.push(bareRead(files));
  }
  return { app, bare, files: files.length, megabytes: files.reduce((n, f) => n + f.data.length, 0) / 2 ** 20 };
}

declare global {
  interface Window {
    __bench: Record<string, (...args: never[]) => Promise<unknown>>;
    __benchReady: boolean;
  }
}

window.__bench = {
  seedApp,
  seedAppDashboard,
  keepInfosTimed,
  dashboardLoad,
  seedForProfile,
  backupForProfile,
  progressLoadAndQuery,
  progressSeedKeep,
  progressQueryKept,
  importCompare,
  officeListPrepare: (n: number) => officeListPrepare(sentences, n),
  officeImportOnce,
  exportMemory,
  exportCompare,
  exportProfilePrepare,
  exportProfileRun: () => exportProfiled!(),
  roundsCompare,
  backupRestore: (count: number, runs: number, restoreRuns: number) => backupRestore(sentences, count, runs, restoreRuns),
  backupSeedKeep: (count: number, name: string) => backupSeedKeep(sentences, count, name),
  backupKept,
  memSeed: (count: number) => memSeed(sentences, count),
  memBackup,
  memCheck,
  memConfirm,
  memSettle,
  memDone,
  dashboardCompute: (tasks: number, periods: number, runs: number) => dashboardCompute(sentences, tasks, periods, runs),
} as unknown as Window['__bench'];
window.__benchReady = true;
