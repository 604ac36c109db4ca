/**
 * `npm run bench`: measures the app's costs as its work grows and compares each step with
 * the bare library floor, then prints a table and writes bench/results.md.
 * Not part of `npm test`. First builds the app (vite.web.config.ts) and the bench page into a temporary
 * folder (BUILD_DIRS; RENDERER_DIR measures another build of the app instead).
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { BUILD_DIRS } from './lib/serve';
import { STEPS, type BenchContext, type BenchRow } from './steps';

const root = resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (!process.env.RENDERER_DIR)
    execFileSync('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--outDir', BUILD_DIRS.app, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts', '--outDir', BUILD_DIRS.page], { cwd: root, stdio: 'inherit' });
  const seedDir = resolve(root, 'seeds');
  const seeds = await Promise.all(['000', '001', '002', '003', '004'].map(async (p) => {
    const { readdir } = await import('node:fs/promises');
    const f = (await readdir(seedDir)).find((n) => n.startsWith(p) && n.endsWith('.txt'))!;
    return readFile(resolve(seedDir, f), 'utf8');
  }));
  const ctx: BenchContext = { root, seeds };
  const rows: BenchRow[] = [];
  // The 1-minute load average when each step starts and when the run ends, for the run line.
  const loads: number[] = [];
  const started = new Date();
  for (const step of STEPS) {
    // An exact step id runs that step alone (`backup` without `backup-memory`); otherwise a part of one.
    const exact = only.filter((o) => STEPS.some((s) => s.id === o));
    if (only.length && !exact.includes(step.id) && !only.some((o) => !exact.includes(o) && step.id.includes(o))) continue;
    loads.push(loadavg()[0]!);
    process.stdout.write(`\n== ${step.title} (load ${loads.at(-1)!.toFixed(2)})\n`);
    try {
      const got = await step.run(ctx);
      for (const r of got) {
        rows.push(r);
        process.stdout.write(`  ${r.what} | ${r.result} | ${r.memory ?? '—'} | ${r.budget} | ${r.met === undefined ? '—' : r.met ? '达标 met' : '未达标 MISSED'}\n`);
      }
    } catch (e) {
      rows.push({ step: step.title, what: '(failed)', result: String(e instanceof Error ? e.stack : e), budget: '', met: false });
      process.stdout.write(`  FAILED: ${String(e)}\n`);
    }
  }
  const chromium = (() => {
    try {
      return execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      return 'chromium not found';
    }
  })();
  const machine = `${type()} · ${cpus().length} × ${cpus()[0]?.model ?? '?'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · ${chromium}`;
  const lines = rows.map((r) => `| ${r.step} | ${r.what} | ${r.result.replace(/\n/g, ' ')} | ${r.memory ?? '—'} | ${r.budget} | ${r.met === undefined ? '—' : r.met ? 'yes' : '**no**'} |`);
  loads.push(loadavg()[0]!);
  const hm = (d: Date) => d.toISOString().slice(11, 16);
  const stamp = `${started.toISOString()} (to ${hm(new Date())} UTC; load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}) on ${machine}`;
  let runLine = `Run ${stamp}.`;
  if (only.length) {
    // A partial run (`npm run bench import`) replaces only its own steps' rows in results.md.
    const old = await readFile(resolve(root, 'bench/results.md'), 'utf8').catch(() => '');
    const fresh = new Set(rows.map((r) => r.step));
    // Only the results table and the run lines above it: the notes below it have tables and
    // lines starting with "Run" of their own.
    const head = old.split('\n');
    const tableStart = head.findIndex((l) => l.startsWith('| step |'));
    const tableEnd = tableStart < 0 ? -1 : head.findIndex((l, i) => i > tableStart && !l.startsWith('|'));
    const oldTable = tableStart < 0 ? [] : head.slice(tableStart + 2, tableEnd < 0 ? undefined : tableEnd);
    const kept = oldTable
      .filter((l) => /^\| \S/.test(l) && !fresh.has(l.split(' | ')[0]!.slice(2)))
      // Rows kept from a table without the memory column get '—' in it.
      .map((l) => {
        const cells = l.split(' | ');
        if (cells.length === 5) cells.splice(3, 0, '—');
        return cells.join(' | ');
      });
    lines.push(...kept);
    const order = ['1.', '2.', '3.', '4.', '5.', '5m.', 'Dashboard', '6.'];
    const rank = (l: string) => order.findIndex((p) => l.startsWith(`| ${p}`));
    lines.sort((a, b) => rank(a) - rank(b));
    const runLines = tableStart < 0 ? [] : head.slice(0, tableStart).filter((l) => /^(Run \d{4}-\d\d-\d\dT|Steps .* re-run \d{4}-\d\d-\d\dT)/.test(l));
    const previous = runLines.filter((l) => !l.startsWith(`Steps ${only.join(', ')} re-run`));
    runLine = [...previous, `Steps ${only.join(', ')} re-run ${stamp}.`].join('\n');
  }
  const table = ['| step | measurement | result (median, min–max, runs) | peak memory (JS heap · renderer RSS) | budget | met |', '|---|---|---|---|---|---|', ...lines].join('\n');
  const notes = await readFile(resolve(root, 'bench/NOTES.md'), 'utf8').catch(() => '');
  const md = `# Benchmark results\n\n${runLine}\n\n${table}\n\n${notes}`;
  await writeFile(resolve(root, 'bench/results.md'), md);
  process.stdout.write(`\n${table}\n\nwritten to bench/results.md\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
