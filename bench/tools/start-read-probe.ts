/**
 * How the start's read of the 10,000 tasks could be asked of IndexedDB, timed as the first read of
 * a fresh profile (as at a cold start; bench step 4's store): one `getAll` (as Dexie asks), the
 * tasks of each document through the documentId index, the keys first then pages cut from them
 * all asked at once, and pages asked one after another from the last key. A bare page on the
 * app's origin, no app code; strategies interleaved round by round.
 * `npx tsx bench/tools/start-read-probe.ts <rounds> [pageRows]` after `npm run bench app`.
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { DB_NAME } from '../../src/renderer/storage/schema';

const rounds = Number(process.argv[2] ?? 3);
const pageRows = Number(process.argv[3] ?? 150);
const STRATEGIES = ['one', 'bydoc', 'keys', 'chain'] as const;
type Strategy = (typeof STRATEGIES)[number];

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
const times = new Map<Strategy, number[]>(STRATEGIES.map((s) => [s, []]));
try {
  for (let round = 0; round < rounds; round++)
    for (const strategy of round % 2 ? [...STRATEGIES].reverse() : STRATEGIES) {
      const context = await seededAppContext(browser, server.url);
      const page = await context.newPage();
      await page.route(`${server.url}probe.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<html><body>probe</body></html>' }));
      await page.goto(`${server.url}probe.html`);
      const got = await page.evaluate(
        async ([name, strategy, size]) => {
          const db = await new Promise<IDBDatabase>((res, rej) => {
            const r = indexedDB.open(name);
            r.onsuccess = () => res(r.result);
            r.onerror = () => rej(r.error);
          });
          const ask = <T>(q: IDBRequest<T>) => new Promise<T>((res, rej) => ((q.onsuccess = () => res(q.result)), (q.onerror = () => rej(q.error))));
          const t0 = performance.now();
          const tx = db.transaction(['tasks', 'documents'], 'readonly');
          const tasks = tx.objectStore('tasks');
          let rows: unknown[] = [];
          if (strategy === 'one') rows = await ask(tasks.getAll());
          else if (strategy === 'bydoc') {
            const ids = (await ask(tx.objectStore('documents').getAllKeys())) as string[];
            const index = tasks.index('documentId');
            rows = (await Promise.all(ids.map((id) => ask(index.getAll(id))))).flat();
          } else if (strategy === 'keys') {
            const keys = (await ask(tasks.getAllKeys())) as string[];
            const pages: Promise<unknown[]>[] = [];
            for (let i = 0; i < keys.length; i += size) pages.push(ask(tasks.getAll(IDBKeyRange.bound(keys[i], keys[Math.min(i + size, keys.length) - 1]))));
            rows = (await Promise.all(pages)).flat();
          } else {
            let after: IDBValidKey | undefined;
            for (;;) {
              const page = (await ask(tasks.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), size))) as { key: string }[];
              rows.push(...page);
              if (page.length < size) break;
              after = page[page.length - 1]!.key;
            }
          }
          const ms = performance.now() - t0;
          db.close();
          return { ms, n: rows.length };
        },
        [DB_NAME, strategy, pageRows] as const,
      );
      times.get(strategy)!.push(got.ms);
      console.log(`round ${round + 1} ${strategy}: ${got.ms.toFixed(0)} ms (${got.n} rows)`);
      await context.close();
    }
} finally {
  await browser.close();
  await server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [s, xs] of times) console.log(`${s}: median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}), ${xs.length} reads`);
