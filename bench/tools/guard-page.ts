/**
 * What the malformed-row guard costs in Chromium, as the app runs it (zod without its compiled
 * fast path: the app's Content-Security-Policy forbids `new Function`): 10,000 tasks and 50,000
 * progress entries checked by zod alone, and by the schema's acceptor first (core/records/fast-accept.ts).
 * Interleaved, 9 rounds, medians with the spread: `npx tsx bench/tools/in-page.ts bench/tools/guard-page.ts`;
 * with a way's first words after it (`zod` or `acceptor`), that way's first call alone, as at a start.
 */
import './jitless';
import { ROW_SCHEMAS, rowProblem } from '@core/records/schemas';
import { acceptorOf } from '@core/records/fast-accept';
import { generateData, sentencesOf } from '../lib/synthetic';

export default function (texts: string[], args: string[]): string {
  const data = generateData({ sentences: sentencesOf(texts), taskCount: 10_000, periodCount: 20, progressCount: 50_000 });
  // Rows as IndexedDB hands them over: structured clones, not the generator's objects.
  const tasks = structuredClone(data.tasks) as unknown[];
  const progress = structuredClone(data.progress) as unknown[];
  const accept = { tasks: acceptorOf(ROW_SCHEMAS.tasks!)!, progress: acceptorOf(ROW_SCHEMAS.progress!)! };
  const ways: Record<string, () => number> = {
    'zod alone, 10,000 tasks': () => tasks.filter((r) => !ROW_SCHEMAS.tasks!.safeParse(r).success).length,
    'acceptor, then zod, 10,000 tasks': () => tasks.filter((r) => !accept.tasks(r) && rowProblem('tasks', r)).length,
    'zod alone, 50,000 progress entries': () => progress.filter((r) => !ROW_SCHEMAS.progress!.safeParse(r).success).length,
    'acceptor, then zod, 50,000 progress entries': () => progress.filter((r) => !accept.progress(r) && rowProblem('progress', r)).length,
  };
  // One way, once, in a fresh page: the first call, as at the app's start (no code warmed up yet).
  if (args[0]) {
    const name = Object.keys(ways).find((k) => k.startsWith(args[0]!))!;
    const t0 = performance.now();
    const bad = ways[name]!();
    return `${name}, first call: ${(performance.now() - t0).toFixed(1)} ms (${bad} refused)`;
  }
  const times = new Map<string, number[]>(Object.keys(ways).map((k) => [k, []]));
  for (let round = 0; round < 10; round++)
    for (const [name, run] of Object.entries(ways)) {
      const t0 = performance.now();
      const bad = run();
      const ms = performance.now() - t0;
      if (bad !== 0) throw new Error(`${name}: ${bad} rows refused`);
      if (round > 0) times.get(name)!.push(ms);
    }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [...times].map(([k, xs]) => `${k}: ${med(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`).join('\n');
}
