/**
 * How fast Chromium's IndexedDB answers a whole table read in pages of different sizes, with no
 * code of the app: about 20 MB of rows of 300, 1,000 and 3,000 bytes (as labelled: the strings are
 * two bytes a character in the store), each read in pages of 16 KB to 2 MB (one read-only
 * transaction, the next page asked for with the last key of the one in hand), three times each,
 * times sorted. `npx tsx bench/tools/idb-page-probe.ts`. What it found is in bench/NOTES.md
 * (thirteenth session) and storage/backup/write.ts READ_PAGE_ROWS.
 */
import { launch } from '../steps';

const browser = await launch();
try {
  const context = await browser.newContext();
  // tsx names inner functions with esbuild's __name helper; functions sent to the page need it too.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  await page.route('http://probe.local/**', (r) => r.fulfill({ contentType: 'text/html', body: '<html><body>probe</body></html>' }));
  await page.goto('http://probe.local/');
  for (const rowBytes of [300, 1000, 3000]) {
    const got = await page.evaluate(async ([rb]) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(`probe-${rb}`, 1);
        r.onupgradeneeded = () => r.result.createObjectStore('s', { keyPath: 'k' });
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const n = Math.round(20_000_000 / rb);
      const pad = '进'.repeat(Math.round(rb / 3));
      await new Promise<void>((res) => {
        const tx = db.transaction(['s'], 'readwrite');
        const s = tx.objectStore('s');
        for (let i = 0; i < n; i++) s.put({ k: `k${String(i).padStart(7, '0')}`, t: pad + i });
        tx.oncomplete = () => res();
      });
      const readAll = (size: number) =>
        new Promise<number>((res) => {
          const t = performance.now();
          const store = db.transaction('s').objectStore('s');
          const step = (after?: string) => {
            const q = store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), size);
            q.onsuccess = () => {
              const rows = q.result as { k: string }[];
              if (rows.length < size) res(performance.now() - t);
              else step(rows[rows.length - 1]!.k);
            };
          };
          step();
        });
      const out: Record<string, string> = { rows: String(n) };
      for (const kb of [16, 32, 64, 128, 256, 512, 1024, 2048]) {
        const size = Math.max(1, Math.round((kb * 1024) / rb));
        const times: number[] = [];
        for (let i = 0; i < 3; i++) times.push(await readAll(size));
        out[`${kb} KB (${size} rows)`] = times.sort((a, c) => a - c).map((x) => `${Math.round(x)} ms`).join(' / ');
      }
      out[`one request (${n} rows)`] = `${Math.round(await readAll(n + 1))} ms`;
      db.close();
      return out;
    }, [rowBytes] as const);
    console.log(`rows of ${rowBytes} bytes`, got);
  }
} finally {
  await browser.close();
}
