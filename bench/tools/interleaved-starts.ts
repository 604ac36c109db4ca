/**
 * Cold starts of two or more builds of the app, interleaved start by start, as bench step 4 starts
 * it: a fresh context holding 10,000 tasks of 汉阳区, #/ledger, until the first grid row is painted;
 * then `measure` reads what the tool wants from that page. Returns each build's readings, and logs
 * each one as it comes. Used by compare-cold.ts and heap-after-start.ts.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { WATCH_FIRST_ROW } from './first-row-watch';

export async function interleavedStarts(
  rounds: number,
  dirs: readonly string[],
  measure: (page: Page, context: BrowserContext) => Promise<number>,
  unit: string,
): Promise<number[][]> {
  const servers = await Promise.all(dirs.map((d) => serveDirs(d, BUILD_DIRS.page)));
  const browser = await launch();
  const readings: number[][] = dirs.map(() => []);
  try {
    for (let round = 0; round < rounds; round++)
      for (let i = 0; i < dirs.length; i++) {
        const url = servers[i]!.url;
        const context = await seededAppContext(browser, url);
        await context.addInitScript({ content: WATCH_FIRST_ROW });
        const page = await context.newPage();
        await page.goto(`${url}#/ledger`);
        await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
        const value = await measure(page, context);
        readings[i]!.push(value);
        console.log(`round ${round + 1} ${dirs[i]}: ${value.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`);
        await context.close();
      }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  return readings;
}

/** Each build's median with its spread. */
export function printMedians(dirs: readonly string[], readings: readonly number[][], what: string, unit: string): void {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const digits = unit === 'ms' ? 0 : 1;
  for (let i = 0; i < dirs.length; i++) {
    const xs = [...readings[i]!];
    console.log(`${dirs[i]}: ${what} median ${median(xs).toFixed(digits)} ${unit} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}), ${xs.length} starts`);
  }
}
