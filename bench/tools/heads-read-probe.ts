/**
 * Prototype of the start's last lever: read fewer bytes. What the first read of the 10,000 tasks
 * costs when the tasks' long texts (具体内容) are kept in a store of their own and the start reads
 * only the rest ("heads"): the bench's seeded store (step 4's) is given a `heads` store (every task
 * without `text`), a `texts` store (key → text) and a `copy` of the whole tasks (written with the
 * heads, so as fresh in LevelDB) by an upgrade, untimed; then, on a fresh page as at a cold start,
 * one `getAll` of the tasks, of the copy and of the heads are timed (and the heads then the texts). A bare page on the app's origin, no app code; interleaved.
 * `npx tsx bench/tools/heads-read-probe.ts <rounds>` after `npm run bench app` (the builds).
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { DB_NAME } from '../../src/renderer/storage/schema';

const rounds = Number(process.argv[2] ?? 5);
const STRATEGIES = ['tasks', 'copy', 'heads', 'heads+texts'] as const;
type Strategy = (typeof STRATEGIES)[number];

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
const times = new Map<Strategy, number[]>(STRATEGIES.map((s) => [s, []]));
let sizes = '';
try {
  for (let round = 0; round < rounds; round++)
    for (const strategy of round % 2 ? [...STRATEGIES].reverse() : STRATEGIES) {
      const context = await seededAppContext(browser, server.url);
      await context.route(`${server.url}probe.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: '<html><body>probe</body></html>' }));
      // The upgrade, on a page of its own (untimed): heads and texts beside the tasks.
      const setup = await context.newPage();
      await setup.goto(`${server.url}probe.html`);
      const made = await setup.evaluate(async (name) => {
        const open = (version?: number, upgrade?: (db: IDBDatabase, tx: IDBTransaction) => void) =>
          new Promise<IDBDatabase>((res, rej) => {
            const r = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
            r.onupgradeneeded = () => upgrade?.(r.result, r.transaction!);
            r.onsuccess = () => res(r.result);
            r.onerror = () => rej(r.error);
          });
        const first = await open();
        const version = first.version;
        first.close();
        let bytes = { all: 0, heads: 0 };
        const db = await open(version + 1, (db, tx) => {
          const heads = db.createObjectStore('heads', { keyPath: 'key' });
          // The whole tasks written again beside them, as fresh in the store as the heads (the seeded tasks are older).
          const copy = db.createObjectStore('copy', { keyPath: 'key' });
          const texts = db.createObjectStore('texts', { keyPath: 'key' });
          const q = tx.objectStore('tasks').getAll();
          q.onsuccess = () => {
            for (const t of q.result as { key: string; text: string }[]) {
              const { text, ...head } = t;
              heads.put(head);
              copy.put(t);
              texts.put({ key: t.key, text });
              bytes = { all: bytes.all + JSON.stringify(t).length, heads: bytes.heads + JSON.stringify(head).length };
            }
          };
        });
        db.close();
        return bytes;
      }, DB_NAME);
      sizes = `tasks ${(made.all / 1e6).toFixed(1)} M characters as JSON, heads ${(made.heads / 1e6).toFixed(1)} M`;
      await setup.close();
      const page = await context.newPage();
      await page.goto(`${server.url}probe.html`);
      const got = await page.evaluate(
        async ([name, strategy]) => {
          const db = await new Promise<IDBDatabase>((res, rej) => {
            const r = indexedDB.open(name);
            r.onsuccess = () => res(r.result);
            r.onerror = () => rej(r.error);
          });
          const ask = <T>(q: IDBRequest<T>) => new Promise<T>((res, rej) => ((q.onsuccess = () => res(q.result)), (q.onerror = () => rej(q.error))));
          const t0 = performance.now();
          const store = strategy === 'tasks' || strategy === 'copy' ? strategy : 'heads';
          const rows = (await ask(db.transaction(store, 'readonly').objectStore(store).getAll())) as unknown[];
          const first = performance.now() - t0;
          let texts = 0;
          if (strategy === 'heads+texts') texts = ((await ask(db.transaction('texts', 'readonly').objectStore('texts').getAll())) as unknown[]).length;
          const ms = strategy === 'heads+texts' ? performance.now() - t0 : first;
          db.close();
          return { ms, n: rows.length, texts };
        },
        [DB_NAME, strategy] as const,
      );
      times.get(strategy)!.push(got.ms);
      console.log(`round ${round + 1} ${strategy}: ${got.ms.toFixed(0)} ms (${got.n} rows${got.texts ? `, ${got.texts} texts` : ''})`);
      await context.close();
    }
} finally {
  await browser.close();
  await server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(sizes);
for (const [s, xs] of times) console.log(`${s}: median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}), ${xs.length} reads`);
