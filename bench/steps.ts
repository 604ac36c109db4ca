/** The benchmark steps. Each returns rows for the results table. */
import { chromium, type Browser } from 'playwright-core';
import { resolve } from 'node:path';
import { serveDirs } from './lib/serve';
import { fmt, summarise } from './lib/stats';

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
}

export interface BenchStep {
  id: string;
  title: string;
  run: (ctx: BenchContext) => Promise<BenchRow[]>;
}

/** Launch Debian's Chromium the way the e2e tests do. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Open the bench page in a fresh context and call window.__bench[name](...args) `runs` times. */
export async function inBrowser<T>(ctx: BenchContext, fn: (call: (name: string, ...args: unknown[]) => Promise<T>) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  const server = await serveDirs(resolve(ctx.root, 'out/renderer'), resolve(ctx.root, 'out/bench'));
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}bench/`);
    await page.waitForFunction(() => window.__benchReady === true);
    return await fn((name, ...args) =>
      page.evaluate(([n, a]) => (window.__bench[n as string] as (...x: unknown[]) => Promise<unknown>)(...(a as unknown[])), [name, args] as const) as Promise<T>,
    );
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

/** Every step, in the order of issue 10. */
export const STEPS: BenchStep[] = [dexieStep];
