/**
 * The ledger's start from the tasks' heads (storage/task-heads.ts): after a first start the app
 * keeps each task's relevance and clusters with its head; the next start draws its first rows
 * from the heads, then the whole tasks replace them. Seen as 汉阳区 on the default data, at
 * 1366×650 and 1920×1080: the same rows and reasons, the task pane with its whole text, a search
 * in the texts, and a cluster changed beside the app taken into account at the next start.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_DATA } from '../../src/renderer/storage/seed';
import { taskRelevance } from '../../src/core/policy/relevance';
import type { Cluster, Task } from '../../src/core/model';
import { openAppAs, pageAt, putStoreRows, readStore, screenshot, useServedApp } from './harness';
import { shownCount } from './ledger-fixture';

/** Records whether the ledger ever drew its rows from the heads (the attribute may last only a moment). */
const WATCH_HEADS = `
  window.__rowsFrom = [];
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="ledger"]');
    const from = el && el.getAttribute('data-rows-from');
    if (from && window.__rowsFrom[window.__rowsFrom.length - 1] !== from) window.__rowsFrom.push(from);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rows-from'] });
`;

const DISTRICT = '汉阳区';
const own = DEFAULT_DATA.clusters.filter((c) => c.district === DISTRICT);
const task = (key: string) => DEFAULT_DATA.tasks.find((t) => t.key === key)!;

/** Six characters of a task's text found in no title and in no other task's text (a search only the whole text answers). */
function textOnlyWords(t: Task): string {
  for (let i = 0; i + 6 <= t.text.length; i++) {
    const w = t.text.slice(i, i + 6);
    if (/[\s，。、；：（）]/u.test(w)) continue;
    if (DEFAULT_DATA.tasks.every((o) => !o.title.includes(w) && (o.key === t.key || !o.text.includes(w)))) return w;
  }
  throw new Error(`no words of ${t.key} found only in its text`);
}

async function rowsFrom(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __rowsFrom: string[] }).__rowsFrom);
}

async function startLedger(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '任务台账' }).click();
  await page.getByTestId('ledger').waitFor();
}

describe('the ledger starts from the tasks’ heads', () => {
  const app = useServedApp();

  for (const [w, h] of [
    [1366, 650],
    [1920, 1080],
  ] as const)
    it(`at ${w}×${h}: the same rows and reasons, then the whole tasks; a cluster changed is seen at the next start`, async () => {
      const expected = DEFAULT_DATA.tasks.filter((t) => !t.archived && taskRelevance(t, DISTRICT, own).relevant).length;
      const { context, page, errors } = await pageAt(app.browser, w, h);
      await context.addInitScript({ content: WATCH_HEADS });
      await openAppAs(page, app.url, DISTRICT);
      await startLedger(page);
      await expect.poll(() => shownCount(page)).toBe(expected);
      // The first start reads the whole tasks (nothing kept yet), then keeps each one's infos with its head.
      expect(await rowsFrom(page)).toEqual(['tasks']);
      const active = DEFAULT_DATA.tasks.filter((t) => !t.archived).length;
      await expect
        .poll(async () => (await readStore<{ kept?: unknown }>(page, 'taskHeads')).filter((x) => x.kept).length, { timeout: 15_000 })
        .toBe(active);

      // The next start: drawn from the heads first, the same rows and reasons, then the whole tasks.
      await page.reload();
      await startLedger(page);
      await expect.poll(() => rowsFrom(page)).toEqual(['heads', 'tasks']);
      expect(await shownCount(page)).toBe(expected);
      const named = page.locator('[data-testid="task-grid"] [role="row"][data-task-key="SSWGH-41"]');
      await page.getByTestId('ledger-search').fill('全城创新');
      await expect(named.textContent()).resolves.toContain('点名：汉阳区');
      // A search in the whole texts, and the task pane with the whole text.
      const t41 = task('SSWGH-41');
      await page.getByTestId('ledger-search').fill(textOnlyWords(t41));
      await expect.poll(() => shownCount(page)).toBe(1);
      await named.dblclick();
      const detail = page.getByTestId('task-detail');
      await detail.getByText('点名：汉阳区').waitFor();
      await expect(detail.textContent()).resolves.toContain(t41.text.slice(0, 30));
      await screenshot(page, `ledger-start-heads-${w}`);
      await detail.getByRole('button', { name: '关闭' }).click();
      await detail.waitFor({ state: 'detached' });

      // A task linked to the district's cluster; the cluster changed beside the app (the task moved
      // out): the next start does not draw that row from what was kept.
      await page.getByTestId('ledger-search').fill('智能建造');
      const clustered = page.locator('[data-task-key="SSWGH-17"]');
      await expect(clustered.textContent()).resolves.toContain('产业集群：工程设计建造');
      const [cluster] = await readStore<Cluster>(page, 'clusters').then((cs) => cs.filter((c) => c.district === DISTRICT));
      await putStoreRows(page, { clusters: [{ ...cluster!, excludedTaskKeys: [...cluster!.excludedTaskKeys, 'SSWGH-17'] }] });
      await page.evaluate(() => ((window as unknown as { __rowsFrom: string[] }).__rowsFrom = []));
      await page.reload();
      await startLedger(page);
      await page.getByTestId('filter-relevant').click();
      await page.getByTestId('ledger-search').fill('智能建造');
      await expect(clustered.textContent()).resolves.not.toContain('产业集群：工程设计建造');
      expect(await rowsFrom(page)).toEqual(['tasks']);
      // The tasks themselves were never written by the start: every one still has its text.
      const tasks = await readStore<Task>(page, 'tasks');
      expect(tasks.length).toBe(DEFAULT_DATA.tasks.length);
      expect(tasks.every((t) => typeof t.text === 'string' && t.text.length > 0)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
});
