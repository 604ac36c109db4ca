/** The benchmark steps. Each returns rows for the results table. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIRS, serveDirs } from './lib/serve';
import { BROWSER_FLAGS } from '../test/e2e/browser-flags';
import { MemoryWatch, findBrowserPid, maxPeak, memoryText, pageRendererPid, peakRssDuring as peakDuring, procMemory, rendererPids, type MemoryPeak } from './lib/memory';
import { fmt, summarise, type Measurement } from './lib/stats';
import { keptStoreStarts } from './lib/kept-start';

export interface BenchContext {
  root: string;
  /** The five seed texts. */
  seeds: string[];
}

export interface BenchRow {
  step: string;
  what: string;
  result: string;
  budget: string;
  met?: boolean;
  /** Peak JS heap and renderer RSS while it was measured (memoryText); '—' when not measured. */
  memory?: string;
}

export interface BenchStep {
  id: string;
  title: string;
  run: (ctx: BenchContext) => Promise<BenchRow[]>;
}

/** How the bench launches Debian's Chromium: the way the e2e tests do. */
const LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [...BROWSER_FLAGS, '--disable-quic'],
};

/** Launch Debian's Chromium the way the e2e tests do. */
export function launch(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}

/**
 * Launch it on a profile kept on disk in `dir` (as the desktop app's store is; a fresh context of
 * launch() keeps IndexedDB in memory), at the bench's window size.
 */
export function launchOnDisk(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { ...LAUNCH_OPTIONS, viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
}

/** A new page of `context` on the bench page, ready to call window.__bench. */
export async function openBenchPage(context: BrowserContext, serverUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${serverUrl}bench/`);
  await page.waitForFunction(() => window.__benchReady === true);
  return page;
}

/**
 * A store kept on disk in the profile `dir`, as the desktop app keeps its own: `open` launches a
 * browser on it, `call` runs a window.__bench function in a new bench page of that browser.
 */
export function onDiskBench(dir: string, serverUrl: string) {
  return {
    open: () => launchOnDisk(dir),
    call: async <T>(context: BrowserContext, name: string, ...args: unknown[]): Promise<T> => {
      const page = await openBenchPage(context, serverUrl);
      return page.evaluate(([n, a]) => (window.__bench[n as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [name, args] as const) as Promise<T>;
    },
  };
}

/**
 * A fresh browser profile (empty HTTP cache) whose IndexedDB holds the app's store with 10,000
 * tasks of 汉阳区, as step 4 starts the app: the context at 1366×768, its seeding page closed.
 */
export async function seededAppContext(browser: Browser, serverUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  // tsx names inner functions with esbuild's __name helper; functions sent to the page need it too.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const seed = await openBenchPage(context, serverUrl);
  await seed.evaluate(() => window.__bench.seedApp!(10_000 as never, '汉阳区' as never));
  await seed.close();
  return context;
}

/**
 * Open the bench page in a fresh context and call window.__bench[name](...args) through `call`.
 * Every call's peak memory is recorded: `peak()` gives the peak of the calls since it was last
 * asked (for a row's `memory`); rows left without one get the peak of the whole step.
 */
export async function inBrowser<T>(
  ctx: BenchContext,
  fn: (call: (name: string, ...args: unknown[]) => Promise<T>, peak: () => string) => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
  const browser = await launch();
  try {
    const page = await openBenchPage(await browser.newContext(), server.url);
    const watch = await MemoryWatch.of(page);
    let sinceAsked: MemoryPeak | undefined;
    let whole: MemoryPeak | undefined;
    const call = async (name: string, ...args: unknown[]) => {
      const { value, peak } = await watch.during(
        () => page.evaluate(([n, a]) => (window.__bench[n as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [name, args] as const) as Promise<T>,
      );
      sinceAsked = maxPeak(sinceAsked, peak);
      whole = maxPeak(whole, peak);
      return value;
    };
    const peak = () => {
      const text = memoryText(sinceAsked);
      sinceAsked = undefined;
      return text;
    };
    const rows = await fn(call, peak);
    return rows.map((r) => (r.memory ? r : { ...r, memory: `${memoryText(whole)} (whole step)` }));
  } finally {
    await browser.close();
    await server.close();
  }
}

const dexieStep: BenchStep = {
  id: 'dexie',
  title: '3. Dexie: load progress, query one period of one district',
  run: (ctx) =>
    inBrowser<{ loadMs: number; queryMs: number; rows: number }>(ctx, async (call) => {
      const rows: BenchRow[] = [];
      for (const n of [10_000, 50_000, 200_000]) {
        const loads: number[] = [];
        const queries: number[] = [];
        let found = 0;
        const runs = n >= 200_000 ? 3 : 5;
        for (let i = 0; i < runs; i++) {
          const r = await call('progressLoadAndQuery', n);
          loads.push(r.loadMs);
          queries.push(r.queryMs);
          found = r.rows;
        }
        rows.push({ step: '3. Dexie', what: `load ${n.toLocaleString('en')} progress entries`, result: fmt(summarise(loads)), budget: '—' });
        rows.push({ step: '3. Dexie', what: `query 1 period × 1 district at ${n.toLocaleString('en')} (${found} rows)`, result: fmt(summarise(queries)), budget: '≤ 50 ms', met: summarise(queries).median <= 50 });
      }
      return rows;
    }),
};

const n = (x: number) => x.toLocaleString('en');
const ratioText = (m: Measurement) => `${m.median.toFixed(2)}× (${m.min.toFixed(2)}–${m.max.toFixed(2)}, n=${m.runs})`;

type AppImport = { readMs: number; tableMs: number; planMs: number; totalMs: number; added: number; updated: number; unchanged: number; ambiguous: number };

const importStep: BenchStep = {
  id: 'import',
  title: '1. Import a city task list (.xlsx): app vs bare SheetJS',
  run: (ctx) =>
    inBrowser<{ app: AppImport[]; bare: number[]; megabytes: number }>(ctx, async (call) => {
      const rows: BenchRow[] = [];
      for (const size of [1_000, 10_000, 50_000]) {
        const r = await call('importCompare', size, size >= 50_000 ? 2 : 5);
        const app = summarise(r.app.map((a) => a.totalMs));
        const ratio = summarise(r.app.map((a, i) => a.totalMs / r.bare[i]!));
        const last = r.app[r.app.length - 1]!;
        const stage = (k: 'readMs' | 'tableMs' | 'planMs') => summarise(r.app.map((a) => a[k])).median.toFixed(0);
        const step = '1. Import';
        rows.push({ step, what: `bare SheetJS read + sheet_to_json, ${n(size)} rows (${r.megabytes.toFixed(1)} MB)`, result: fmt(summarise(r.bare)), budget: '—' });
        rows.push({
          step,
          what: `app import ${n(size)} rows (read ${stage('readMs')} + table ${stage('tableMs')} + plan ${stage('planMs')} ms; ${last.unchanged} unchanged, ${last.updated} updated, ${last.added} added, ${last.ambiguous} to confirm)`,
          result: fmt(app),
          budget: '—',
        });
        rows.push({ step, what: `ratio app / bare at ${n(size)} rows`, result: ratioText(ratio), budget: size === 10_000 ? '≤ 1.5×' : '(1.5× at 10k)', met: size === 10_000 ? ratio.median <= 1.5 : undefined });
      }
      return rows;
    }),
};

type OfficeImport = AppImport & { heapBeforeMb: number; heapMaxMb: number };

/** LibreOffice headless opening `file` and saving it again as .xlsx into `outDir`, in ms (its own profile, so parallel runs don't clash). */
async function officeResave(file: string, outDir: string, profile: string): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) =>
    execFile('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', outDir, file], { timeout: 600_000 }, (e) => (e ? reject(e) : resolve())),
  );
  return performance.now() - t0;
}

const officeStep: BenchStep = {
  id: 'import-office',
  title: '1o. Import vs an office suite (LibreOffice headless open + re-save), with memory',
  run: async () => {
    const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...BROWSER_FLAGS, '--js-flags=--expose-gc', '--enable-precise-memory-info', '--renderer-process-limit=1'],
    });
    const dir = await mkdtemp(join(tmpdir(), 'bench-office-'));
    const rows: BenchRow[] = [];
    try {
      const page = await openBenchPage(await browser.newContext(), server.url);
      const call = <T>(name: string, ...args: unknown[]) =>
        page.evaluate(([n, a]) => (window.__bench[n as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [name, args] as const) as Promise<T>;
      const browserPid = (browser as unknown as { process?: () => { pid: number } }).process?.()?.pid;
      const size = 10_000;
      const file = join(dir, 'city-list.xlsx');
      await writeFile(file, Buffer.from(await call<string>('officeListPrepare', size), 'base64'));
      // The page's renderer: the largest once it holds the list and its 10,000 tasks (a spare renderer may exist).
      const pids = rendererPids(browserPid ?? findBrowserPid());
      const pid = (await Promise.all(pids.map(async (p) => ({ p, rss: (await procMemory(p)).rss })))).sort((a, b) => b.rss - a.rss)[0]?.p;
      const measure = async <T>(op: () => Promise<T>) => (pid ? peakDuring(pid, op) : { value: await op(), baseMb: NaN, peakMb: NaN });
      const outDir = join(dir, 'out');
      const profile = join(dir, 'profile');
      await officeResave(file, outDir, profile); // warm-up: creates the profile
      await call('officeImportOnce');
      const office: number[] = [];
      const app: { r: OfficeImport; baseMb: number; peakMb: number }[] = [];
      for (let i = 0; i < 3; i++)
        for (const which of i % 2 ? ['office', 'app'] : ['app', 'office']) {
          if (which === 'office') office.push(await officeResave(file, outDir, profile));
          else {
            const m = await measure(() => call<OfficeImport>('officeImportOnce'));
            app.push({ r: m.value, baseMb: m.baseMb, peakMb: m.peakMb });
          }
        }
      const step = '1. Import vs office suite';
      const med = (xs: number[]) => summarise(xs).median.toFixed(0);
      rows.push({ step, what: `LibreOffice headless opens and re-saves the ${n(size)}-row city list (soffice --convert-to xlsx, process start included)`, result: fmt(summarise(office)), budget: '—' });
      rows.push({
        step,
        what: `app import of the same file (read + table + plan), interleaved; JS heap ${med(app.map((a) => a.r.heapBeforeMb))} → ${med(app.map((a) => a.r.heapMaxMb))} MB after the plan; renderer ${med(app.map((a) => a.baseMb))} → peak ${med(app.map((a) => a.peakMb))} MB`,
        result: fmt(summarise(app.map((a) => a.r.totalMs))),
        budget: '—',
      });
      const ratio = summarise(app.map((a, i) => a.r.totalMs / office[i]!));
      rows.push({ step, what: `ratio app import / office suite at ${n(size)} rows`, result: ratioText(ratio), budget: '< 1×', met: ratio.median < 1 });
      const exp: { r: { totalMs: number; heapBeforeMb: number; heapMaxMb: number; rows: number }; baseMb: number; peakMb: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const m = await measure(() => call<{ totalMs: number; heapBeforeMb: number; heapMaxMb: number; rows: number }>('exportMemory', 5_000));
        if (i > 0) exp.push({ r: m.value, baseMb: m.baseMb, peakMb: m.peakMb });
      }
      rows.push({
        step: '2. Export memory',
        what: `app export ${n(exp[0]!.r.rows)} rows: JS heap ${med(exp.map((a) => a.r.heapBeforeMb))} → ${med(exp.map((a) => a.r.heapMaxMb))} MB after writing; renderer ${med(exp.map((a) => a.baseMb))} → peak ${med(exp.map((a) => a.peakMb))} MB`,
        result: fmt(summarise(exp.map((a) => a.r.totalMs))),
        budget: '—',
      });
    } finally {
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

type AppExport = { buildMs: number; fillMs: number; totalMs: number; bytes: number; rows: number };

const exportStep: BenchStep = {
  id: 'export',
  title: '2. Export 重点任务推进情况表: app (template fill) vs bare exceljs',
  run: (ctx) =>
    inBrowser<{ app: AppExport[]; bare: number[]; bareNative: number[] }>(ctx, async (call) => {
      const rows: BenchRow[] = [];
      for (const size of [1_000, 5_000, 10_000]) {
        const r = await call('exportCompare', size, size >= 10_000 ? 3 : 5);
        const ratio = summarise(r.app.map((a, i) => a.totalMs / r.bare[i]!));
        const last = r.app[r.app.length - 1]!;
        const stage = (k: 'buildMs' | 'fillMs') => summarise(r.app.map((a) => a[k])).median.toFixed(0);
        const step = '2. Export';
        rows.push({ step, what: `bare exceljs, ${n(size)} rows, no template`, result: fmt(summarise(r.bare)), budget: '—' });
        rows.push({ step, what: `app export ${n(last.rows)} rows (rows ${stage('buildMs')} + fill & write ${stage('fillMs')} ms; ${(last.bytes / 2 ** 20).toFixed(1)} MB; deflated by the platform's zlib)`, result: fmt(summarise(r.app.map((a) => a.totalMs))), budget: '—' });
        rows.push({ step, what: `ratio app / bare at ${n(size)} rows`, result: ratioText(ratio), budget: size === 5_000 ? '≤ 1.3×' : '(1.3× at 5k)', met: size === 5_000 ? ratio.median <= 1.3 : undefined });
        // The same floor zipped the app's way: what the template fill itself costs.
        rows.push({ step, what: `bare exceljs zipped as the app zips (native deflate), ${n(size)} rows`, result: fmt(summarise(r.bareNative)), budget: '—' });
        rows.push({ step, what: `ratio app / bare zipped as the app zips at ${n(size)} rows (the fill's own cost)`, result: ratioText(summarise(r.app.map((a, i) => a.totalMs / r.bareNative[i]!))), budget: '—' });
      }
      return rows;
    }),
};

const backupStep: BenchStep = {
  id: 'backup',
  title: '5. Backup and restore the whole store',
  run: (ctx) =>
    inBrowser<{ seedMs: number; backupMs: number[]; floorMs: number[]; readMs: number[]; restoreMs: number[]; megabytes: number; restoredProgress: number }>(ctx, async (call, peak) => {
      const rows: BenchRow[] = [];
      for (const size of [10_000, 50_000, 200_000]) {
        const r = await call('backupRestore', size, 3, size >= 200_000 ? 1 : size >= 50_000 ? 2 : 3);
        const memory = peak();
        const step = '5. Backup';
        const backup = summarise(r.backupMs);
        const ratio = summarise(r.backupMs.map((ms, i) => ms / r.floorMs[i]!));
        rows.push({ step, what: `floor: every row read from IndexedDB (primary-key pages, nothing encoded), 10,000 tasks + ${n(size)} progress entries`, result: fmt(summarise(r.floorMs)), budget: '—', memory });
        rows.push({ step, what: `backup (createBackup) of 10,000 tasks + ${n(size)} progress entries (${r.megabytes.toFixed(0)} MB)`, result: fmt(backup), budget: size === 200_000 ? '≤ 5000 ms' : '—', met: size === 200_000 ? backup.median <= 5000 : undefined, memory });
        rows.push({ step, what: `ratio backup / floor at ${n(size)}`, result: ratioText(ratio), budget: '—', memory });
        rows.push({ step, what: `read + verify the backup file (readBackupFile) at ${n(size)}`, result: fmt(summarise(r.readMs)), budget: '—', memory });
        rows.push({ step, what: `restore (safety backup + replace every table) at ${n(size)} (${n(r.restoredProgress)} restored)`, result: fmt(summarise(r.restoreMs)), budget: '—', memory });
      }
      return rows;
    }),
};

/** One backup and one restore of a store of `size` entries in a fresh browser: the renderer's peaks. */
async function memoryRound(serverUrl: string, size: number) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...BROWSER_FLAGS, '--js-flags=--expose-gc', '--renderer-process-limit=1'],
  });
  try {
    const page = await openBenchPage(await browser.newContext(), serverUrl);
    const call = <T>(name: string, ...args: unknown[]) =>
      page.evaluate(([n, a]) => (window.__bench[n as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [name, args] as const) as Promise<T>;
    const browserPid = (browser as unknown as { _connection?: unknown; process?: () => { pid: number } }).process?.()?.pid;
    await call('memSeed', size);
    const pids = rendererPids(browserPid ?? findBrowserPid());
    const sizesNow = await Promise.all(pids.map(async (p) => ({ p, rss: (await procMemory(p)).rss })));
    const pid = sizesNow.sort((a, b) => b.rss - a.rss)[0]!.p;
    await call('memSettle');
    const backup = await peakDuring(pid, () => call<{ ms: number; bytes: number }>('memBackup'));
    // The restore as on the backup page: the file checked for the preview, a pause while the
    // officer reads it (the page idle: collected here), then confirmed. Its peak is the higher of
    // the two parts', above the page's memory before the check.
    await call('memSettle');
    const check = await peakDuring(pid, () => call<{ ms: number }>('memCheck'));
    await call('memSettle');
    const confirm = await peakDuring(pid, () => call<{ ms: number; restored: number }>('memConfirm'));
    await call('memDone');
    const dataMb = backup.value.bytes / 2 ** 20;
    const restore = { baseMb: check.baseMb, peakMb: Math.max(check.peakMb, confirm.peakMb), checkMs: check.value.ms, value: confirm.value };
    return { backup, restore, dataMb, backupRatio: (backup.peakMb - backup.baseMb) / dataMb, restoreRatio: (restore.peakMb - restore.baseMb) / dataMb };
  } finally {
    await browser.close();
  }
}

const backupMemoryStep: BenchStep = {
  id: 'backup-memory',
  title: '5m. Backup and restore: peak memory of the page',
  run: async () => {
    const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
    const rows: BenchRow[] = [];
    try {
      const sizes = (process.env.BENCH_BACKUP_SIZES ?? '200000').split(',').map(Number);
      // Each round in a fresh browser: a renderer keeps pages it freed, so a second backup in the
      // same page would start from a higher base and show less than it takes.
      const rounds = Number(process.env.BENCH_MEMORY_ROUNDS ?? 3);
      for (const size of sizes) {
        const all: Awaited<ReturnType<typeof memoryRound>>[] = [];
        for (let i = 0; i < rounds; i++) all.push(await memoryRound(server.url, size));
        const step = '5m. Backup memory';
        const backup = summarise(all.map((a) => a.backupRatio));
        const restore = summarise(all.map((a) => a.restoreRatio));
        // The round whose backup is the median, for the sizes and times in the row's text.
        const mid = [...all].sort((a, b) => a.backupRatio - b.backupRatio)[Math.floor(all.length / 2)]!;
        const peaks = (f: (a: (typeof all)[number]) => number) => all.map((a) => f(a).toFixed(0)).join(' / ');
        rows.push({ step, what: `backup of 10,000 tasks + ${n(size)} progress entries: ${mid.dataMb.toFixed(0)} MB file in ${(mid.backup.value.ms / 1000).toFixed(1)} s; renderer peaks ${peaks((a) => a.backup.peakMb)} MB over ${peaks((a) => a.backup.baseMb)} MB, each in a fresh browser`, result: `${ratioText(backup)} the file`, budget: '≤ 2.5×', met: backup.median <= 2.5, memory: `RSS ${peaks((a) => a.backup.peakMb)} MB` });
        rows.push({ step, what: `restore of that file as on the backup page: checked for the preview (stream read + verify, no rows kept) in ${(mid.restore.checkMs / 1000).toFixed(1)} s, then confirmed (safety backup, the file read and verified again, ${n(mid.restore.value.restored)} entries written) in ${(mid.restore.value.ms / 1000).toFixed(1)} s; renderer peaks ${peaks((a) => a.restore.peakMb)} MB over ${peaks((a) => a.restore.baseMb)} MB`, result: `${ratioText(restore)} the file`, budget: '≤ 2.5×', met: restore.median <= 2.5, memory: `RSS ${peaks((a) => a.restore.peakMb)} MB` });
      }
    } finally {
      await server.close();
    }
    return rows;
  },
};

/** Runs in every page of the context before the app: notes when the 工作台 is painted. */
function watchDashboard(): void {
  const mo = new MutationObserver(() => {
    if (window.__firstRowAt !== undefined || !document.querySelector('[data-testid="dashboard"]')) return;
    mo.disconnect();
    requestAnimationFrame(() => (window.__firstRowAt = performance.now()));
  });
  mo.observe(document, { childList: true, subtree: true });
}

/** Runs in an open app page: go to 设置, settle, then ms from the hash change to the frame after the 工作台 appeared. */
function navigateToDashboard(): Promise<number> {
  return new Promise((resolve) => {
    location.hash = '#/settings';
    setTimeout(() => {
      const t0 = performance.now();
      const mo = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="dashboard"]')) return;
        mo.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
      mo.observe(document, { childList: true, subtree: true });
      location.hash = '#/dashboard';
    }, 1500);
  });
}

const dashboardStep: BenchStep = {
  id: 'dashboard',
  title: 'Dashboard (issue 9): buildDashboard over tasks × 20 quarters, and the page',
  run: async (ctx) => {
    const rows = await inBrowser<{ ms: number[]; tasks: number }>(ctx, async (call) => {
      const out: BenchRow[] = [];
      for (const size of [1_000, 10_000]) {
        const r = await call('dashboardCompute', size, 20, 5);
        const m = summarise(r.ms);
        out.push({ step: 'Dashboard', what: `buildDashboard, ${n(size)} tasks × 20 quarters (${n(size * 20)} progress entries, ${n(r.tasks)} tasks shown)`, result: fmt(m), budget: '≤ 1000 ms', met: m.median <= 1000 });
      }
      return out;
    });
    // The page: one store of 10,000 tasks × 20 quarters, opened fresh at #/dashboard three times.
    const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
    const browser = await launch();
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      const seedPage = await openBenchPage(context, server.url);
      await seedPage.evaluate(() => window.__bench.seedAppDashboard!(10_000 as never, 20 as never));
      const loaded = await (await MemoryWatch.of(seedPage)).during(() => seedPage.evaluate(() => window.__bench.dashboardLoad!(4 as never)));
      const load = loaded.value as unknown as { ms: number[]; parts: Record<string, number> };
      console.log('dashboard store read parts (ms):', JSON.stringify(load.parts));
      const lm = summarise(load.ms.slice(1));
      rows.push({ step: 'Dashboard', what: 'store read of the 工作台 (loadDashboardSource, current quarter and its history), 10,000 tasks × 20 quarters', result: fmt(lm), budget: '—', memory: memoryText(loaded.peak) });
      await seedPage.close();
      await context.addInitScript(watchDashboard);
      const times: number[] = [];
      const navs: number[] = [];
      let openMemory: MemoryPeak | undefined;
      let navMemory: MemoryPeak | undefined;
      for (let i = 0; i < 3; i++) {
        const page = await context.newPage();
        await page.goto(`${server.url}#/dashboard`);
        await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 120_000 });
        times.push(await page.evaluate(() => window.__firstRowAt!));
        openMemory = maxPeak(openMemory, await memorySinceStart(page));
        // In the open app: to 设置, then back to the 工作台 (what the officer waits for).
        const watch = await MemoryWatch.of(page);
        const navigated = await watch.during(async () => {
          for (let j = 0; j < 2; j++) navs.push(await page.evaluate(navigateToDashboard, null));
        });
        navMemory = maxPeak(navMemory, navigated.peak);
        await page.close();
      }
      const m = summarise(times);
      rows.push({ step: 'Dashboard', what: 'page open at #/dashboard to the painted 工作台 (app start included), 10,000 tasks × 20 quarters in the store', result: fmt(m), budget: '—', met: undefined, memory: `${memoryText(openMemory)} (peak since start)` });
      const nav = summarise(navs);
      rows.push({ step: 'Dashboard', what: 'navigation #/settings → painted 工作台 in the open app, 10,000 tasks × 20 quarters in the store', result: fmt(nav), budget: '≤ 1000 ms (issue 9)', met: nav.median <= 1000, memory: memoryText(navMemory) });
    } finally {
      await browser.close();
      await server.close();
    }
    return rows;
  },
};

/**
 * A freshly opened page's memory: its used JS heap now, and its renderer's resident high-water mark,
 * which for a renderer started with the page is the peak since the start.
 */
export async function memorySinceStart(page: Page): Promise<MemoryPeak> {
  const cdp = await page.context().newCDPSession(page);
  const heap = (await cdp.send('Runtime.getHeapUsage').catch(() => undefined)) as { usedSize: number } | undefined;
  await cdp.detach();
  const pid = await pageRendererPid();
  const proc = pid === undefined ? undefined : await procMemory(pid).catch(() => undefined);
  return { heapMb: heap ? heap.usedSize / 2 ** 20 : NaN, rssMb: proc ? proc.hwm / 1024 : NaN };
}

/** p-th percentile (0–1) of samples. */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN;
}

declare global {
  interface Window {
    /** Set by the init script: ms from navigation start to the frame after the first grid row appeared. */
    __firstRowAt?: number;
    /** Keystroke meter installed by installKeyMeter. */
    __keys?: { reset: () => void; last: () => { settledMs: number | null; quietFor: number } };
  }
}

/** Runs in every page of the context before the app: notes when the ledger's first row is painted. */
function watchFirstRow(): void {
  const mo = new MutationObserver(() => {
    if (window.__firstRowAt !== undefined || !document.querySelector('[data-testid="task-grid"] [role="row"][data-task-key]')) return;
    mo.disconnect();
    requestAnimationFrame(() => (window.__firstRowAt = performance.now()));
  });
  mo.observe(document, { childList: true, subtree: true });
}

/**
 * Installs in the page: t0 at the keystroke (keydown or input, whichever comes first), and
 * after every change in the grid or its count, the time of the next animation frame.
 * `last()` gives the time to the frame after the last change and how long the page has been quiet.
 */
function installKeyMeter(): void {
  const root = document.querySelector('[data-testid="ledger"]')!;
  const input = document.querySelector<HTMLInputElement>('input[data-testid="ledger-search"], [data-testid="ledger-search"] input')!;
  let t0: number | null = null;
  let settled: number | null = null;
  let lastChange = performance.now();
  const start = () => {
    if (t0 === null) t0 = performance.now();
  };
  input.addEventListener('keydown', start, true);
  input.addEventListener('input', start, true);
  const inGrid = (n: Node) => {
    const el = n instanceof Element ? n : n.parentElement;
    return !!el?.closest('[data-testid="task-grid"], [data-testid="ledger-count"]');
  };
  new MutationObserver((records) => {
    if (t0 === null || !records.some((r) => inGrid(r.target))) return;
    lastChange = performance.now();
    const began = t0;
    requestAnimationFrame(() => {
      if (t0 === began) settled = performance.now() - began;
    });
  }).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  window.__keys = {
    reset: () => {
      t0 = null;
      settled = null;
      lastChange = performance.now();
    },
    last: () => ({ settledMs: settled, quietFor: performance.now() - lastChange }),
  };
}

/** Scrolls the grid by `step` px each animation frame for `frames` frames; the frame deltas in ms. */
function scrollFrames([step, frames]: [number, number]): Promise<number[]> {
  const el = document.querySelector<HTMLElement>('[data-testid="task-grid"]')!;
  el.scrollTop = 0;
  return new Promise((resolve) => {
    const deltas: number[] = [];
    let prev: number | undefined;
    const tick = (t: number) => {
      if (prev !== undefined) deltas.push(t - prev);
      prev = t;
      el.scrollTop += step;
      if (deltas.length < frames) requestAnimationFrame(tick);
      else resolve(deltas);
    };
    requestAnimationFrame(tick);
  });
}

/** Keystrokes of one search run: narrowing Chinese text, clearing it, pinyin initials, clearing. */
const KEYS = ['创', '新', '平', '台', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'k', 'j', 'Backspace', 'Backspace'];

/** Step 4's starts on a kept store: profiles, and launches after each one's first start. */
const KEPT_PROFILES = 2;
const KEPT_LATER = 4;

const appStep: BenchStep = {
  id: 'app',
  title: '4. The app in Chromium: cold start, search, scrolling (10,000 tasks)',
  run: async () => {
    const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
    const browser = await launch();
    const rows: BenchRow[] = [];
    try {
      const cold: number[] = [];
      const keys: number[] = [];
      let noChange = 0;
      const frames: number[] = [];
      let shown = '';
      // Peak memory: at the first row (the renderer's high-water mark since it started), while typing, while scrolling.
      let startMemory: MemoryPeak | undefined;
      let keysMemory: MemoryPeak | undefined;
      let scrollMemory: MemoryPeak | undefined;
      const keysSorted: number[] = [];
      let keysSortedMemory: MemoryPeak | undefined;
      for (let run = 0; run < 3; run++) {
        // A fresh profile each run: empty HTTP cache and an IndexedDB holding only the 10,000 tasks.
        const context = await seededAppContext(browser, server.url);
        await context.addInitScript(watchFirstRow);
        const page = await context.newPage();
        await page.goto(`${server.url}#/ledger`);
        await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
        cold.push(await page.evaluate(() => window.__firstRowAt!));
        startMemory = maxPeak(startMemory, await memorySinceStart(page));
        shown = (await page.getByTestId('ledger-count').textContent()) ?? '';
        await page.waitForTimeout(500);

        await page.evaluate(installKeyMeter);
        const watch = await MemoryWatch.of(page);
        /** Type KEYS into the search box, each keystroke's time to the grid's last update into `into`; gives the keystrokes that changed nothing. */
        const typeKeys = (into: number[]) =>
          watch.during(async () => {
            let missed = 0;
            await page.getByTestId('ledger-search').focus();
            for (const key of KEYS) {
              await page.evaluate(() => window.__keys!.reset());
              if (key.length === 1 && key > '\u007f') await page.keyboard.insertText(key);
              else await page.keyboard.press(key);
              // Wait until the grid has been quiet for 300 ms, then read the time to its last update.
              await page.waitForFunction(() => window.__keys!.last().quietFor > 300, null, { timeout: 10_000, polling: 50 });
              const got = await page.evaluate(() => window.__keys!.last().settledMs);
              if (got === null) missed++;
              else into.push(got);
            }
            return missed;
          });
        const typed = await typeKeys(keys);
        noChange += typed.value;
        keysMemory = maxPeak(keysMemory, typed.peak);

        await page.waitForTimeout(300);
        const scrolled = await watch.during(() => page.evaluate(scrollFrames, [120, 180] as [number, number]));
        frames.push(...scrolled.value);
        scrollMemory = maxPeak(scrollMemory, scrolled.peak);

        // The same keystrokes with the grid sorted by 重点任务 (a sort is remembered across restarts).
        await page.locator('[data-testid="task-grid"] [role="columnheader"]', { hasText: '重点任务' }).first().click();
        await page.waitForTimeout(500);
        keysSortedMemory = maxPeak(keysSortedMemory, (await typeKeys(keysSorted)).peak);
        await context.close();
      }
      // The start an office has every day: the store kept on disk, the browser launched again on it.
      const kept = [];
      for (let profile = 0; profile < KEPT_PROFILES; profile++) kept.push(await keptStoreStarts(server.url, KEPT_LATER));
      const step = '4. App';
      const coldM = summarise(cold);
      rows.push({ step, what: `cold start at #/ledger to the first painted grid row, 10,000 tasks (${shown.trim()}), on a store just written (its first start)`, result: fmt(coldM), budget: '≤ 2000 ms', met: coldM.median <= 2000, memory: `${memoryText(startMemory)} (peak since start)` });
      const laterM = summarise(kept.flatMap((k) => k.later));
      const laterMemory = kept.reduce<MemoryPeak | undefined>((m, k) => maxPeak(m, k.laterMemory), undefined);
      rows.push({
        step,
        what: `start as every day: the same store kept on disk, the browser launched again on it (${KEPT_PROFILES} profiles × ${KEPT_LATER} launches; their first starts ${kept.map((k) => k.first.toFixed(0)).join(', ')} ms)`,
        result: fmt(laterM),
        budget: '≤ 2000 ms',
        met: laterM.median <= 2000,
        memory: `${memoryText(laterMemory)} (peak since start)`,
      });
      const keyM = summarise(keys);
      rows.push({
        step,
        what: `keystroke in the search box → grid updated and painted (${keys.length} keystrokes${noChange ? `, ${noChange} changed nothing` : ''}; p95 ${percentile(keys, 0.95).toFixed(1)} ms)`,
        result: fmt(keyM),
        budget: '≤ 50 ms',
        met: keyM.median <= 50,
        memory: memoryText(keysMemory),
      });
      const sortedM = summarise(keysSorted);
      rows.push({
        step,
        what: `keystroke, the grid sorted by 重点任务 (${keysSorted.length} keystrokes; p95 ${percentile(keysSorted, 0.95).toFixed(1)} ms)`,
        result: fmt(sortedM),
        budget: '≤ 50 ms',
        met: sortedM.median <= 50,
        memory: memoryText(keysSortedMemory),
      });
      const longFrames = frames.filter((f) => f > 34).length;
      rows.push({
        step,
        what: `scrolling frame time, 120 px per frame (p95 ${percentile(frames, 0.95).toFixed(1)} ms; ${longFrames} of ${frames.length} frames > 34 ms)`,
        result: fmt(summarise(frames)),
        budget: '≈ 16.7 ms (60 Hz)',
        met: percentile(frames, 0.95) <= 34,
        memory: memoryText(scrollMemory),
      });
    } finally {
      await browser.close();
      await server.close();
    }
    return rows;
  },
};

type RoundsRun = { app: { totalMs: number; perFileMs: number[]; accepted: number; refused: number; merges: number }[]; bare: number[]; files: number; megabytes: number };

const roundsStep: BenchStep = {
  id: 'rounds',
  title: '6. Rounds: recognise and plan one drop of returned files (issue 18) vs bare SheetJS',
  run: (ctx) =>
    inBrowser<RoundsRun>(ctx, async (call) => {
      const rows: BenchRow[] = [];
      const step = '6. Rounds';
      const scenarios = [
        ['districts-17x300', '17 districts × 300 tasks (city level)'],
        ['units-40x30', '40 units × 30 tasks'],
        ['drop-50', '50 files in one drop (40 units × 30 tasks + 5 second copies + 5 of last quarter)'],
      ] as const;
      for (const [id, label] of scenarios) {
        process.stdout.write(`  … ${label}\n`);
        const r = await call('roundsCompare', id, 5);
        const app = summarise(r.app.map((a) => a.totalMs));
        const perFile = summarise(r.app.map((a) => a.totalMs / r.files));
        const ratio = summarise(r.app.map((a, i) => a.totalMs / r.bare[i]!));
        const last = r.app[r.app.length - 1]!;
        rows.push({ step, what: `bare SheetJS read + sheet_to_json, ${label}: ${r.files} files, ${r.megabytes.toFixed(1)} MB`, result: fmt(summarise(r.bare)), budget: '—' });
        rows.push({ step, what: `app recognise + plan, ${label} (${last.accepted} taken, ${last.refused} refused, ${n(last.merges)} task merges)`, result: fmt(app), budget: '—' });
        rows.push({ step, what: `app per file, ${label}`, result: fmt(perFile), budget: '—' });
        rows.push({ step, what: `ratio app / bare, ${label}`, result: ratioText(ratio), budget: '—' });
      }
      return rows;
    }),
};

/** Every step, in the order of issue 10 (then issue 18's rounds). */
export const STEPS: BenchStep[] = [importStep, officeStep, exportStep, dexieStep, appStep, backupStep, backupMemoryStep, dashboardStep, roundsStep];
