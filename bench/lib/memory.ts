/**
 * Peak memory of a bench page during a measured call: the renderer's resident set (RSS, from
 * /proc: the kernel's high-water mark VmHWM, reset before the call) and the page's JS heap
 * (V8's used heap, sampled through the DevTools protocol every SAMPLE_MS during the call).
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import type { CDPSession, Page } from 'playwright-core';

/** How often the JS heap is sampled during a call. */
const SAMPLE_MS = 50;

/** Peak memory during one or more calls, in MiB. */
export interface MemoryPeak {
  /** Peak used JS heap of the page (sampled). */
  heapMb: number;
  /** Peak resident memory of the page's renderer process (exact high-water mark). */
  rssMb: number;
}

/** `heap 412 MB · RSS 1,020 MB` */
export function memoryText(m: MemoryPeak | undefined): string {
  if (!m) return '—';
  const mb = (x: number) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en')} MB` : '?');
  return `heap ${mb(m.heapMb)} · RSS ${mb(m.rssMb)}`;
}

/** The larger of two peaks, field by field. */
export function maxPeak(a: MemoryPeak | undefined, b: MemoryPeak | undefined): MemoryPeak | undefined {
  if (!a || !b) return a ?? b;
  return { heapMb: Math.max(a.heapMb, b.heapMb), rssMb: Math.max(a.rssMb, b.rssMb) };
}

/** Memory of a process from /proc (kB): resident now and the peak since the last reset. */
export async function procMemory(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

function processTable(): string[][] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((r) => r.length > 2);
}

/** The browser process of the most recent Chromium started by this process. */
export function findBrowserPid(): number {
  const mine = processTable().filter((r) => Number(r[1]) === process.pid && r.slice(2).join(' ').includes('chromium'));
  return Number(mine.at(-1)?.[0] ?? NaN);
}

/** The renderer processes of a browser (its descendants started with `--type=renderer`). */
export function rendererPids(browserPid: number): number[] {
  const rows = processTable();
  const children = (pid: number): number[] => rows.filter((r) => Number(r[1]) === pid).map((r) => Number(r[0]));
  const all: number[] = [];
  const walk = (pid: number) => children(pid).forEach((c) => (all.push(c), walk(c)));
  walk(browserPid);
  return all.filter((pid) => rows.find((r) => Number(r[0]) === pid)!.join(' ').includes('--type=renderer'));
}

/** The biggest renderer of the browser just started by this process: the bench page's. */
export async function pageRendererPid(): Promise<number | undefined> {
  const browserPid = findBrowserPid();
  if (!Number.isFinite(browserPid)) return undefined;
  const sizes = await Promise.all(rendererPids(browserPid).map(async (p) => ({ p, rss: (await procMemory(p).catch(() => ({ rss: 0 }))).rss })));
  return sizes.sort((a, b) => b.rss - a.rss)[0]?.p;
}

/**
 * Peak memory of the renderer `pid` during `op`: the kernel's high-water mark (VmHWM) is reset
 * before (`/proc/<pid>/clear_refs` 5) and read after.
 */
export async function peakRssDuring<T>(pid: number, op: () => Promise<T>): Promise<{ value: T; baseMb: number; peakMb: number }> {
  const before = await procMemory(pid);
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const value = await op();
  const after = await procMemory(pid);
  return { value, baseMb: before.rss / 1024, peakMb: Math.max(after.hwm, before.rss) / 1024 };
}

/** Watches one bench page: the peak JS heap and renderer RSS of each call made through it. */
export class MemoryWatch {
  private constructor(private readonly cdp: CDPSession) {}

  /** A watch on `page` (its renderer: the biggest of the browser this process started, found at each call). */
  static async of(page: Page): Promise<MemoryWatch> {
    return new MemoryWatch(await page.context().newCDPSession(page));
  }

  private async heapMb(): Promise<number> {
    const h = (await this.cdp.send('Runtime.getHeapUsage').catch(() => undefined)) as { usedSize: number } | undefined;
    return h ? h.usedSize / 2 ** 20 : NaN;
  }

  /** Run `op` and report its peak memory. */
  async during<T>(op: () => Promise<T>): Promise<{ value: T; peak: MemoryPeak }> {
    let heap = await this.heapMb();
    let running = true;
    const sampler = (async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
        const h = await this.heapMb();
        if (h > heap || !Number.isFinite(heap)) heap = h;
      }
    })();
    const pid = await pageRendererPid();
    const before = pid === undefined ? undefined : await procMemory(pid).catch(() => undefined);
    if (before) await writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => undefined);
    let value: T;
    try {
      value = await op();
    } finally {
      running = false;
      await sampler;
    }
    const after = before ? await procMemory(pid!).catch(() => undefined) : undefined;
    heap = Math.max(heap, await this.heapMb());
    return { value, peak: { heapMb: heap, rssMb: before && after ? Math.max(after.hwm, before.rss) / 1024 : NaN } };
  }
}
