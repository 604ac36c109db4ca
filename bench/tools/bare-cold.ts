/**
 * The floor of the cold start (bench step 4) on this machine: a bare page with no framework, on
 * the app's origin and its store of 10,000 tasks, that reads the tasks, documents and sections the
 * ledger reads (one `getAll` each, as Dexie asks), sorts the active tasks in document order and
 * writes the first 30 as table rows, timed as step 4 times the app (navigation to the first row
 * painted). Started interleaved with the app's own starts, fresh profile each.
 * `npx tsx bench/tools/bare-cold.ts <rounds>` after `npm run bench app` (it uses that run's builds).
 */
import { launch, seededAppContext } from '../steps';
import { BUILD_DIRS, serveDirs } from '../lib/serve';
import { WATCH_FIRST_ROW } from './first-row-watch';
import { DB_NAME } from '../../src/renderer/storage/schema';

const rounds = Number(process.argv[2] ?? 4);
const BARE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title></head><body>
<table data-testid="task-grid"><tbody id="rows"></tbody></table>
<script>
const req = indexedDB.open(${JSON.stringify(DB_NAME)});
req.onsuccess = () => {
  const db = req.result;
  const tx = db.transaction(['tasks', 'documents', 'sections'], 'readonly');
  const all = (name) => new Promise((res) => { const q = tx.objectStore(name).getAll(); q.onsuccess = () => res(q.result); });
  Promise.all([all('tasks'), all('documents'), all('sections')]).then(([tasks, documents]) => {
    const docOrder = new Map(documents.map((d, i) => [d.id, i]));
    const active = tasks.filter((t) => !t.archived).sort((a, b) => (docOrder.get(a.documentId) ?? 0) - (docOrder.get(b.documentId) ?? 0) || (a.order ?? 0) - (b.order ?? 0));
    const body = document.getElementById('rows');
    for (const t of active.slice(0, 30)) {
      const tr = document.createElement('tr');
      tr.setAttribute('role', 'row');
      tr.dataset.taskKey = t.key;
      for (const text of [t.key, t.title, (t.leadUnits || []).join('、'), t.deadlineText || t.deadline || '']) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      body.append(tr);
    }
  });
};
</script></body></html>`;

const server = await serveDirs(BUILD_DIRS.app, BUILD_DIRS.page);
const browser = await launch();
const times: Record<'app' | 'bare', number[]> = { app: [], bare: [] };
try {
  for (let round = 0; round < rounds; round++)
    for (const which of round % 2 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
      const context = await seededAppContext(browser, server.url);
      await context.addInitScript({ content: WATCH_FIRST_ROW });
      const page = await context.newPage();
      if (which === 'bare') {
        await page.route(`${server.url}bare.html`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: BARE }));
        await page.goto(`${server.url}bare.html`);
      } else await page.goto(`${server.url}#/ledger`);
      await page.waitForFunction(() => window.__firstRowAt !== undefined, null, { timeout: 60_000 });
      const t = await page.evaluate(() => window.__firstRowAt!);
      times[which].push(t);
      console.log(`round ${round + 1} ${which}: ${t.toFixed(0)} ms`);
      await context.close();
    }
} finally {
  await browser.close();
  await server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [which, xs] of Object.entries(times)) console.log(`${which}: median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}), ${xs.length} starts`);
