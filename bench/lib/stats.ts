/** Repeated measurement with median and spread. */
export interface Measurement {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Run `fn` `runs` times (after `warmup` unmeasured runs) and summarise the wall time in ms. */
export async function measure(fn: () => unknown | Promise<unknown>, runs = 5, warmup = 1): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarise(times);
}

/** Median, min and max of samples. */
export function summarise(times: number[]): Measurement {
  const s = [...times].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** `123.4 ms (min 120.1, max 130.2, n=5)` */
export function fmt(m: Measurement): string {
  return `${m.median.toFixed(1)} ms (${m.min.toFixed(1)}–${m.max.toFixed(1)}, n=${m.runs})`;
}
