/**
 * Filling in the quarter at Excel speed on a 1366×768 laptop (≈650 px of page): the ledger opens
 * on the district's tasks with the reason; the open task shows 状态, 完成进度 and 进展情况
 * without scrolling; ten tasks are filled by keyboard alone; refused values change nothing
 * (typed over, pasted, full-width, through the input method); 办结销号 one by one and in bulk.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_DATA } from '../../src/renderer/storage/seed';
import { taskRelevance } from '../../src/core/policy/relevance';
import { openAppAs, openPicker, screenshot, watchErrors, useServedApp } from './harness';
import { putRows, shownCount } from './ledger-fixture';

const D = '汉阳区';
const rowsIn = (page: Page) => page.locator('[data-testid="task-grid"] [role="row"][data-task-key]');
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? '');
const percentInput = (page: Page) => page.locator('input[data-testid="field-percent"], [data-testid="field-percent"] input').first();
const checkbox = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function openContext(browser: Browser, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return context;
}

async function openLedger(page: Page) {
  await page.getByRole('menuitem', { name: '任务台账' }).click();
  await page.getByTestId('ledger').waitFor();
  await rowsIn(page).first().waitFor();
}

type StoredEntry = { periodId: string; taskKey: string; status?: string; percent?: number; progress: string; problems: string; nextSteps: string };

/** Progress entries as stored in IndexedDB (read past the app). */
function storedProgress(page: Page): Promise<StoredEntry[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('district-innovation-ledger');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const rows = await new Promise<StoredEntry[]>((ok) => {
      const r = db.transaction('progress').objectStore('progress').getAll();
      r.onsuccess = () => ok(r.result as StoredEntry[]);
    });
    db.close();
    return rows;
  });
}

/** Every value the audit trail recorded for a field. */
function auditedValues(page: Page, field: string): Promise<unknown[]> {
  return page.evaluate(async (field) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('district-innovation-ledger');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const rows = await new Promise<{ field: string; newValue: unknown }[]>((ok) => {
      const r = db.transaction('audit').objectStore('audit').getAll();
      r.onsuccess = () => ok(r.result as { field: string; newValue: unknown }[]);
    });
    db.close();
    return rows.filter((r) => r.field === field).map((r) => r.newValue);
  }, field);
}

/** The top and bottom of an element relative to the viewport. */
function box(page: Page, testId: string) {
  return page.getByTestId(testId).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });
}

const SIZES = [
  { width: 1366, height: 650, name: '1366' },
  { width: 1920, height: 1080, name: '1920' },
] as const;

describe.each(SIZES)('filling in the quarter by keyboard at $width×$height', ({ width, height, name }) => {
  const app = useServedApp();
  const own = DEFAULT_DATA.clusters.filter((c) => c.district === D);
  const relevant = DEFAULT_DATA.tasks.filter((t) => taskRelevance(t, D, own).relevant);

  it('opens on the district’s tasks with the reason; the open task fits; ten tasks filled by keyboard alone', async () => {
    const context = await openContext(app.browser, width, height);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, D);
    await openLedger(page);

    // The district's tasks, with 与本区相关 ticked and the reason column shown.
    await expect.poll(() => shownCount(page)).toBe(relevant.length);
    expect(relevant.length).toBeLessThan(DEFAULT_DATA.tasks.length);
    expect(await checkbox(page, 'filter-relevant').isChecked()).toBe(true);
    await page.locator('[data-testid="task-grid"] [role="columnheader"]', { hasText: '与本区关系' }).waitFor();
    await screenshot(page, `ledger-fill-${name}-grid`);

    // From the search box, keyboard only: ↓ into the list, Enter opens, Tab goes into 状态.
    await page.getByTestId('ledger-search').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('progress-form').waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedLabel(page)).toBe('本期状态');

    // The open task shows 状态, 完成进度 and the start of 进展情况 without scrolling.
    const detail = page.getByTestId('task-detail');
    expect(await detail.evaluate((el) => el.scrollTop)).toBe(0);
    for (const id of ['field-status', 'field-percent']) expect((await box(page, id)).bottom).toBeLessThanOrEqual(height);
    expect((await box(page, 'field-progress')).top + 40).toBeLessThanOrEqual(height);
    // The grid keeps useful columns beside it.
    for (const h of ['任务', '完成时限', '本期状态', '完成进度'])
      await page.locator('[data-testid="task-grid"] [role="columnheader"]', { hasText: h }).first().waitFor();
    await screenshot(page, `ledger-fill-${name}-open`);

    // Ten tasks, keyboard alone.
    const filled: string[] = [];
    for (let i = 0; i < 10; i++) {
      const key = await page.locator('[data-testid="task-grid"] [role="row"][data-task-key][aria-selected="true"]').getAttribute('data-task-key');
      expect(key).toBeTruthy();
      filled.push(key!);
      await expect.poll(() => focusedLabel(page)).toBe('本期状态');
      const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      await page.keyboard.press('ArrowDown');
      await openList.first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => openList.count()).toBe(0);
      // The fixed order: 状态 → 完成进度 → 进展情况 → 存在问题 → 下步计划 → indicator values → 填报人.
      // Enter on the chosen 状态 moves on, as Tab does.
      await page.keyboard.press(i % 2 ? 'Tab' : 'Enter');
      await expect.poll(() => focusedLabel(page)).toBe('完成进度（%）');
      await page.keyboard.type(i % 2 ? `${40 + i}` : `６${i}`);
      // Enter moves on in a single-line field, as Tab does.
      await page.keyboard.press(i % 2 ? 'Tab' : 'Enter');
      await expect.poll(() => focusedLabel(page)).toBe('进展情况');
      await page.keyboard.type(`第${i + 1}项任务本季度推进顺利。`);
      await page.keyboard.press('Tab');
      expect(await focusedLabel(page)).toBe('存在问题');
      await page.keyboard.type('无');
      await page.keyboard.press('Tab');
      expect(await focusedLabel(page)).toBe('下步计划');
      await page.keyboard.type('继续推进。');
      const targets = await page.locator('input[data-testid^="field-target-"], [data-testid^="field-target-"] input').count();
      for (let k = 0; k < targets; k++) {
        await page.keyboard.press('Tab');
        expect(await focusedLabel(page)).toMatch(/本期实际值$/);
      }
      await page.keyboard.press('Tab');
      expect(await focusedLabel(page)).toBe('填报人');
      if (i === 0) {
        await page.keyboard.type('王芳');
        await screenshot(page, `ledger-fill-${name}-first-filled`);
      }
      // Ctrl+Enter saves and opens the next unfilled task, the cursor in its 状态.
      await page.keyboard.press('Control+Enter');
      if (i < 9) await expect.poll(() => page.locator('[data-testid="task-grid"] [role="row"][aria-selected="true"]').getAttribute('data-task-key')).not.toBe(key);
    }
    await expect.poll(async () => (await storedProgress(page)).filter((e) => filled.includes(e.taskKey) && e.progress.startsWith('第') && e.percent !== undefined && e.status).length).toBe(10);
    const stored = await storedProgress(page);
    expect(new Set(filled).size).toBe(10);
    expect(stored.find((e) => e.taskKey === filled[0])).toMatchObject({ percent: 60, problems: '无', nextSteps: '继续推进。' });
    expect(stored.find((e) => e.taskKey === filled[1])).toMatchObject({ percent: 41 });
    await checkbox(page, 'filter-unfilled').check();
    await expect.poll(() => shownCount(page)).toBe(relevant.length - 10);
    await screenshot(page, `ledger-fill-${name}-after-ten`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a refused 完成进度 changes nothing: typed over a selected value, pasted, full-width, through the input method; texts beyond an Excel cell are refused', async () => {
    const context = await openContext(app.browser, width, height);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, D);
    await openLedger(page);
    await page.getByTestId('ledger-search').focus();
    await page.keyboard.type('yjgjyf');
    await expect.poll(() => shownCount(page)).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByTestId('progress-form').waitFor();
    const mine = async () => (await storedProgress(page)).find((e) => e.taskKey === relevant.find((t) => t.title === '引聚国际研发机构')!.key);
    const percent = percentInput(page);
    const refused = page.getByTestId('percent-error');

    // 60 is saved when the field is left.
    await percent.focus();
    await page.keyboard.type('60');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await mine())?.percent).toBe(60);

    // Typed over the selected value: 150 (passing through 1 and 15) is refused; 60 stays, in the field and stored.
    await percent.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('150');
    await page.waitForTimeout(1200); // longer than the autosave delay: nothing typed so far may be saved
    expect((await mine())?.percent).toBe(60);
    await page.keyboard.press('Tab');
    await refused.getByText('完成进度应在 0 到 100 之间，“150”没有保存').waitFor();
    await expect.poll(() => percent.inputValue()).toBe('60');
    await screenshot(page, `ledger-fill-${name}-refused-typed`);

    // Pasted: 150 refused, ８０ (full-width) accepted.
    await page.evaluate(() => navigator.clipboard.writeText('150'));
    await percent.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Enter');
    await expect.poll(() => percent.inputValue()).toBe('60');
    await page.evaluate(() => navigator.clipboard.writeText('８０'));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await mine())?.percent).toBe(80);
    await refused.waitFor({ state: 'detached' });

    // Full-width digits typed: ６５ is 65; ６５０ is refused.
    await percent.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('６５');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await mine())?.percent).toBe(65);
    await percent.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('６５０');
    await page.keyboard.press('Tab');
    await refused.waitFor();
    await expect.poll(() => percent.inputValue()).toBe('65');

    // Through the input method (composition, then commit): 一五〇 composed as １５０ is refused, ７０ accepted.
    const cdp = await context.newCDPSession(page);
    await percent.focus();
    await page.keyboard.press('Control+A');
    for (const text of ['１', '１５', '１５０']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await page.keyboard.press('Enter'); // Enter while composing belongs to the input method: nothing is committed
    await cdp.send('Input.insertText', { text: '１５０' });
    await page.waitForTimeout(1200);
    expect((await mine())?.percent).toBe(65);
    await page.keyboard.press('Tab');
    await refused.getByText('“１５０”没有保存').waitFor();
    await expect.poll(() => percent.inputValue()).toBe('65');
    await percent.focus();
    await page.keyboard.press('Control+A');
    for (const text of ['７', '７０']) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await cdp.send('Input.insertText', { text: '７０' });
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await mine())?.percent).toBe(70);

    // Links are out of the Tab path, on the shortcut their tooltip names: Alt+A adopts the suggestion, Alt+Z unfolds the text.
    const adopt = page.getByTestId('status-suggestion').getByRole('button', { name: '采用建议' });
    await expect(adopt.getAttribute('title')).resolves.toContain('Alt+A');
    await expect(adopt.getAttribute('tabindex')).resolves.toBe('-1');
    await expect(page.getByRole('button', { name: '关闭' }).getAttribute('tabindex')).resolves.toBe('-1');
    await expect(page.getByTestId('detail-expand').getAttribute('title')).resolves.toContain('Alt+Z');
    await percent.focus();
    await page.keyboard.press('Alt+A');
    await expect.poll(() => page.getByTestId('field-status').textContent()).not.toContain('请选择');
    await expect.poll(async () => (await mine())?.status).toBeTruthy();
    await page.keyboard.press('Alt+Z');
    await expect.poll(() => page.getByTestId('detail-expand').textContent()).toBe('收起');
    await page.keyboard.press('Alt+Z');
    await expect.poll(() => page.getByTestId('detail-expand').textContent()).toBe('展开');

    // Not a number: refused, the field back to 70.
    await percent.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('七十');
    await page.keyboard.press('Tab');
    await refused.getByText('不是数字').waitFor();
    await expect.poll(() => percent.inputValue()).toBe('70');

    // No partial or refused value ever reached the store: the audit trail of 完成进度 is 60, 80, 65, 70.
    await page.waitForTimeout(1000);
    expect(await auditedValues(page, 'percent')).toEqual([80, 65, 70]);
    expect(await auditedValues(page, 'status')).toHaveLength(1); // Alt+A
    expect((await auditedValues(page, '*')).some((v) => (v as { percent?: number } | null)?.percent === 60)).toBe(true);

    // A valid number typed and the window closed (reloaded) before leaving the field: kept, as typed text is.
    await percent.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('75');
    await page.reload();
    await page.getByTestId('progress-form').waitFor();
    await expect.poll(async () => (await mine())?.percent).toBe(75);
    await expect.poll(() => percentInput(page).inputValue()).toBe('75');

    // A text longer than an Excel cell (32,767) is refused at entry with a message; what was there stays.
    await page.getByTestId('field-progress').focus();
    await page.keyboard.type('本季度完成调研。');
    await page.evaluate((n) => navigator.clipboard.writeText('长'.repeat(n)), 32_768);
    await page.keyboard.press('Control+V');
    await page.getByTestId('text-error').getByText('超过 32767 字').waitFor();
    await expect.poll(() => page.getByTestId('field-progress').inputValue()).toBe('本季度完成调研。');
    await expect.poll(async () => (await mine())?.progress).toBe('本季度完成调研。');
    await screenshot(page, `ledger-fill-${name}-refused-text`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('办结销号 one by one and in bulk; closed tasks leave the lists and the 工作台 reminders, stay findable, are audited in Chinese and reopen', async () => {
    const context = await openContext(app.browser, width, height);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, D);
    // The city's list gave the 2023 tasks their deadline: all overdue in 2026.
    const y2023 = DEFAULT_DATA.tasks.filter((t) => t.documentId === 'doc-002').map((t) => ({ ...t, deadline: '2023-12-31', deadlineText: '2023年12月底前' }));
    await putRows(page, { tasks: y2023 });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    const keys2023 = new Set(y2023.map((t) => t.key));
    const relevant2023 = relevant.filter((t) => keys2023.has(t.key));
    expect(relevant2023.length).toBeGreaterThan(0);
    const overdue2023 = async () => (await page.locator('[data-testid="list-overdue-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-task-key')))).filter((k) => keys2023.has(k!)).length;
    await expect.poll(overdue2023).toBe(relevant2023.length);
    await screenshot(page, `ledger-close-${name}-dashboard-before`);

    await openLedger(page);
    await expect.poll(() => shownCount(page)).toBe(relevant.length);

    // One by one: a task of the 十四五 plan, closed with a date and a note.
    const one = relevant.find((t) => t.documentId === 'doc-003')!;
    await page.getByTestId('ledger-search').fill(one.key);
    await page.locator(`[data-task-key="${one.key}"]`).click();
    await page.getByTestId('ledger-search').fill('');
    await page.getByTestId('progress-form').waitFor();
    await screenshot(page, `ledger-close-${name}-open`);
    await page.getByTestId('close-task').click();
    await page.getByTestId('close-dialog').waitFor();
    // The date picker speaks the app's Chinese (antd zh_CN), not the browser's locale.
    const dateInput = page.getByTestId('close-dialog').locator('input[aria-labelledby="close-date-label"], [data-testid="close-date"] input, input[data-testid="close-date"]').first();
    await openPicker(page, dateInput, '今天');
    await screenshot(page, `ledger-close-${name}-date-picker`);
    await dateInput.fill('2026-11-20');
    await dateInput.press('Enter');
    await expect.poll(() => dateInput.inputValue()).toBe('2026-11-20');
    await page.getByTestId('close-note').fill('已按规划完成，市里确认销号');
    await page.getByRole('button', { name: '确认销号' }).click();
    await page.getByTestId('closed-banner').getByText('已于 2026年11月20日 办结销号').waitFor();
    // A closed task is not filled in for the period: the form is read-only and says why.
    await page.getByTestId('period-locked').getByText(/本期不再填报/).waitFor();
    expect(await page.getByTestId('field-progress').isDisabled()).toBe(true);
    await expect.poll(() => shownCount(page)).toBe(relevant.length - 1);
    await screenshot(page, `ledger-close-${name}-closed-one`);

    // In bulk: every open task of the 2023 document (its year has passed).
    await page.getByTestId('bulk-close').click();
    const dialog = page.getByTestId('close-dialog');
    await dialog.getByText('2023年工作要点（2023年，未销号 22 项）').click();
    await expect.poll(() => dialog.getByTestId('close-summary').textContent()).toBe('将销号 22 项任务');
    await expect.poll(() => dialog.getByTestId('close-note').inputValue()).toContain('2023年度任务');
    await screenshot(page, `ledger-close-${name}-bulk`);
    await page.getByRole('button', { name: /确认销号（22 项）/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => shownCount(page)).toBe(relevant.length - 1 - relevant2023.length);

    // Closed tasks stay findable with 显示已销号, marked, and can be reopened.
    await page.keyboard.press('Escape');
    await checkbox(page, 'filter-closed').check();
    await expect.poll(() => shownCount(page)).toBe(relevant.length);
    const back = relevant2023[0]!;
    await page.getByTestId('ledger-search').fill(back.title.slice(0, 8));
    await expect(page.locator(`[data-task-key="${back.key}"] [data-testid="closed-mark"]`).textContent()).resolves.toBe('已销号');
    await page.locator(`[data-task-key="${back.key}"]`).click();
    await page.getByTestId('closed-banner').waitFor();
    await page.getByText('修改记录（本任务及本区各期进展）').click();
    const trail = page.getByTestId('audit-trail');
    await trail.getByText('销号日期').waitFor();
    await expect(trail.textContent()).resolves.toMatch(/2026年11月\d+日/);
    await expect(trail.textContent()).resolves.toContain('2023年度任务，年度已过，办结销号');
    expect(await trail.textContent()).not.toMatch(/共 \d+ 项|T\d{2}:\d{2}/);
    await trail.scrollIntoViewIfNeeded();
    await screenshot(page, `ledger-close-${name}-audit`);
    await page.getByTestId('reopen-task').click();
    await page.getByTestId('closed-banner').waitFor({ state: 'detached' });
    await page.getByTestId('period-locked').waitFor({ state: 'detached' });
    expect(await page.getByTestId('field-progress').isDisabled()).toBe(false);
    await checkbox(page, 'filter-closed').uncheck();
    await page.getByTestId('ledger-search').fill('');
    await expect.poll(() => shownCount(page)).toBe(relevant.length - relevant2023.length);

    // The 工作台 no longer reminds of the closed 2023 tasks (the reopened one is back).
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(overdue2023).toBe(1);
    const unfilledKeys = await page.locator('[data-testid="list-unfilled-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-task-key')));
    expect(unfilledKeys.filter((k) => keys2023.has(k!) && k !== back.key)).toEqual([]);
    expect(unfilledKeys).not.toContain(one.key);
    await screenshot(page, `ledger-close-${name}-dashboard-after`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
