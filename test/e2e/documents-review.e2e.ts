/**
 * 核对识别结果 on a real document the parser was not first written against (广州 人才集聚工程,
 * test/fixtures/policy/corpus): fix without retyping (units, deadline, split, merge, targets),
 * the unplaced text with its line, an automatic unique key prefix, at 1366×650 and 1920×1080.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { modalSettled, openAppAs, screenshot, watchErrors, useServedApp } from './harness';

const CORPUS = resolve(import.meta.dirname, '../fixtures/policy/corpus');
const GUANGZHOU = readFileSync(resolve(CORPUS, '01-guangzhou-rencai-2012.txt'), 'utf8');
const HANGZHOU = readFileSync(resolve(CORPUS, '03-hangzhou-hulianwang-2015.txt'), 'utf8');

async function readStore(page: Page, store: string, key: string): Promise<unknown> {
  return page.evaluate(
    ([s, k]) =>
      new Promise<unknown>((ok) => {
        const req = indexedDB.open('district-innovation-ledger');
        req.onsuccess = () => {
          const get = req.result.transaction(s!).objectStore(s!).get(k!);
          get.onsuccess = () => ok(get.result);
        };
      }),
    [store, key],
  );
}

async function paste(page: Page, text: string) {
  await page.getByTestId('add-document').click();
  await page.getByTestId('policy-text').fill(text);
  await page.getByTestId('parse-policy').click();
  await page.getByTestId('review-tasks').waitFor();
}

const row = (page: Page, key: string) => page.locator(`tr[data-key="${key}"]`);

describe.each([
  [1366, 650],
  [1920, 1080],
])('核对识别结果 at %i×%i', (width, height) => {
  const app = useServedApp();

  it('fixes a real document without retyping, lists what it could not place, and saves it', async () => {
    const context = await app.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    await page.getByTestId('document-list').getByText('2023年工作要点').waitFor();

    await paste(page, GUANGZHOU);
    const review = page.getByTestId('review-tasks');
    await expect(review.locator('tbody tr.ant-table-row').count()).resolves.toBe(44);
    await expect(page.getByTestId('doc-title').inputValue()).resolves.toBe('关于推进人才集聚工程的实施意见');
    // No 文号: a prefix is made from the year the parser found (if any) and the title's initials, unused in the store.
    const prefix = await page.getByTestId('key-prefix').inputValue();
    expect(prefix).toMatch(/^(?:\d{4})?[A-Z]{2,8}$/u);
    // 广州's excerpt names no issuer and no place: read as the office's own (nothing assumed).
    await expect(page.getByTestId('document-elsewhere').count()).resolves.toBe(0);
    // Task 2's units: 牵头 and 配合 apart, 各区、县级市 written out.
    await expect(row(page, `${prefix}-02`).getByTestId('task-lead').inputValue()).resolves.toBe('市发展改革委');
    await expect(row(page, `${prefix}-02`).getByTestId('task-responsible').inputValue()).resolves.toBe('市委组织部、市人力资源和社会保障局、各区人民政府、各县级市人民政府');
    await screenshot(page, `documents-review-corpus-${width}`);

    // Unplaced text, with its line.
    await page.getByTestId('unplaced').getByText(/未归入任务的文字（\d+ 段）/u).click();
    await page.getByTestId('unplaced').getByText('第4行').waitFor();
    await page.getByTestId('unplaced').getByText('已取出 3 个目标').waitFor();
    await screenshot(page, `documents-review-unplaced-${width}`);

    // Edit units and deadline inline.
    const t3 = row(page, `${prefix}-03`);
    await t3.getByTestId('task-responsible').fill('市国资委、市人力资源和社会保障局');
    await t3.getByTestId('task-responsible').blur();
    await t3.getByTestId('task-deadline').fill('下个月');
    await t3.getByTestId('task-deadline').blur();
    await expect(t3.getAttribute('data-doubtful')).resolves.toBe('true');
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-error').getByText(/完成时限.*请写成/u).waitFor();
    await t3.getByTestId('task-deadline').fill('2016年底前');
    await t3.getByTestId('task-deadline').blur();

    // Split task 3 before its second sentence: a new task 03b with the same units and the targets of that sentence.
    await t3.getByTestId('split-task').click();
    await page.getByTestId('split-sentence').nth(1).click();
    await screenshot(page, `documents-review-split-${width}`);
    await page.getByTestId('split-ok').click();
    const t3b = row(page, `${prefix}-03b`);
    await t3b.waitFor();
    await expect(t3b.getByTestId('target-editor').count()).resolves.toBe(4);
    await expect(t3b.getByTestId('task-responsible').inputValue()).resolves.toBe('市政府国资委、市人力资源和社会保障局');
    await expect(review.locator('tbody tr.ant-table-row').count()).resolves.toBe(45);

    // Merge 12 with 13.
    await row(page, `${prefix}-12`).getByTestId('merge-task').click();
    await expect(row(page, `${prefix}-13`).count()).resolves.toBe(0);
    await expect(row(page, `${prefix}-12`).getByTestId('task-lead').inputValue()).resolves.toBe('市人力资源和社会保障局、市科技和信息化局');

    // Targets: rename one, remove one, add one (an unnamed one blocks saving with a plain message).
    const t38 = row(page, `${prefix}-38`);
    await t38.getByTestId('target-name').first().fill('专家公寓套数');
    await t38.getByTestId('remove-target').nth(1).click();
    await expect(t38.getByTestId('target-editor').count()).resolves.toBe(1);
    await t38.getByTestId('add-target').click();
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-error').getByText(/有一个目标没有填写指标名称/u).waitFor();
    await t38.getByTestId('target-name').nth(1).fill('人才公寓入住率');
    await t38.getByTestId('target-value').nth(1).fill('90');
    await t38.getByTestId('target-unit').nth(1).fill('%');
    await screenshot(page, `documents-review-edited-${width}`);

    await page.getByTestId('save-document').click();
    await page.getByTestId('document-list').getByText('关于推进人才集聚工程的实施意见', { exact: true }).first().waitFor();
    expect(await readStore(page, 'tasks', `${prefix}-03`)).toMatchObject({ deadline: '2016-12-31', deadlineText: '2016年底前', responsibleUnits: ['市政府国资委', '市人力资源和社会保障局'] });
    expect(await readStore(page, 'tasks', `${prefix}-03b`)).toMatchObject({ number: '3之二', leadUnits: ['市委组织部'] });
    expect(await readStore(page, 'tasks', `${prefix}-13`)).toBeUndefined();
    const docId = `doc-${prefix}`;
    const targets = (await page.evaluate(
      (id) =>
        new Promise<{ name: string; value: number; unit: string; taskKey?: string }[]>((ok) => {
          const req = indexedDB.open('district-innovation-ledger');
          req.onsuccess = () => {
            const all = req.result.transaction('targets').objectStore('targets').getAll();
            all.onsuccess = () => ok((all.result as { documentId: string; name: string; value: number; unit: string; taskKey?: string }[]).filter((t) => t.documentId === id));
          };
        }),
      docId,
    )) as { name: string; value: number; unit: string; taskKey?: string }[];
    expect(targets.filter((t) => t.taskKey === `${prefix}-38`).map((t) => [t.name, t.value, t.unit]).sort()).toEqual([
      ['专家公寓套数', 1000, '套'],
      ['人才公寓入住率', 90, '%'],
    ]);

    // Two documents of the same year and issuer without 文号: the second gets its own prefix, nothing collides.
    await paste(page, HANGZHOU);
    const first = await page.getByTestId('key-prefix').inputValue();
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-list').getByText('杭州市推进“互联网+”行动实施意见', { exact: true }).first().waitFor();
    await paste(page, HANGZHOU.replace('杭州市推进“互联网+”行动实施意见', '杭州市推进“互联网+”行动实施意见（修订）'));
    const second = await page.getByTestId('key-prefix').inputValue();
    expect(second).not.toBe(first);
    expect(second.startsWith(first)).toBe(true);
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-list').getByText('杭州市推进“互联网+”行动实施意见（修订）', { exact: true }).first().waitFor();
    await expect(page.getByTestId('document-list').locator('tbody tr.ant-table-row').count()).resolves.toBe(8);
    await screenshot(page, `documents-review-saved-${width}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** 汉阳区 at 1366×650 on 政策文件, with 杭州's text pasted and read. */
async function hangzhouPasted(app: ReturnType<typeof useServedApp>) {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 650 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await openAppAs(page, app.url, '汉阳区');
  await page.getByRole('menuitem', { name: '政策文件' }).click();
  await paste(page, HANGZHOU);
  return { context, page, errors };
}

describe('a document being added is never lost', () => {
  const app = useServedApp();

  it('survives another page, a reload and 返回; is discarded only when the officer says so', async () => {
    const { context, page, errors } = await hangzhouPasted(app);
    // A correction in the review, then away to the ledger and back.
    await page.getByTestId('doc-title').fill('杭州市推进互联网+行动实施意见（核对后）');
    const firstTitle = page.getByTestId('task-title').first();
    await firstTitle.fill('改过的第一项任务名称');
    await page.waitForTimeout(600);
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger').waitFor();
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    await page.getByTestId('document-restored').waitFor();
    await expect(page.getByTestId('doc-title').inputValue()).resolves.toBe('杭州市推进互联网+行动实施意见（核对后）');
    await expect(page.getByTestId('task-title').first().inputValue()).resolves.toBe('改过的第一项任务名称');
    await screenshot(page, 'document-review-restored-1366x650');
    // The window reloaded (or closed and opened again): still there.
    await page.reload();
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    await expect(page.getByTestId('task-title').first().inputValue()).resolves.toBe('改过的第一项任务名称');
    // 返回 would drop the corrections: asked first; 继续编辑 keeps them.
    const backQuestion = page.locator('.ant-modal-confirm', { has: page.locator('.ant-modal-confirm-title', { hasText: '返回修改原文吗？' }) });
    await page.getByRole('button', { name: /^返\s*回$/ }).click();
    await backQuestion.waitFor();
    await backQuestion.getByRole('button', { name: '继续编辑' }).click();
    // The question gone (its closing animation over) before it is asked again: the next click is the new one's.
    await backQuestion.waitFor({ state: 'detached' });
    await expect(page.getByTestId('task-title').first().inputValue()).resolves.toBe('改过的第一项任务名称');
    // 返回原文, then 取消 → 放弃: the text is gone for good, also after a reload.
    await page.getByRole('button', { name: /^返\s*回$/ }).click();
    await backQuestion.waitFor();
    await backQuestion.getByRole('button', { name: '返回原文' }).click();
    await expect(page.getByTestId('policy-text').inputValue()).resolves.toContain('互联网');
    await page.getByRole('button', { name: /^取\s*消$/ }).click();
    await page.locator('.ant-modal-confirm-title', { hasText: '放弃这份政策文件吗？' }).waitFor();
    await page.getByRole('button', { name: /^放\s*弃$/ }).click();
    await page.getByTestId('document-list').waitFor();
    await page.reload();
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    await page.getByTestId('document-list').waitFor();
    await expect(page.getByTestId('policy-text').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks before saving a document the ledger already holds (same title or 文号)', async () => {
    const { context, page, errors } = await hangzhouPasted(app);
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-list').getByText('杭州市推进“互联网+”行动实施意见', { exact: true }).first().waitFor();
    const count = await page.getByTestId('document-list').locator('tbody tr.ant-table-row').count();
    expect(count).toBeGreaterThan(5);
    await paste(page, HANGZHOU);
    await page.getByTestId('save-document').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '台账里已有这份文件' }).waitFor();
    await modalSettled(page);
    await screenshot(page, 'document-duplicate-1366x650');
    await page.getByRole('button', { name: '不保存' }).click();
    await page.getByTestId('review-tasks').waitFor();
    await page.getByRole('button', { name: /^返\s*回$/ }).click();
    await page.getByRole('button', { name: /^取\s*消$/ }).click();
    await page.getByRole('button', { name: /^放\s*弃$/ }).click();
    await page.getByTestId('document-list').getByText('杭州市推进“互联网+”行动实施意见', { exact: true }).first().waitFor();
    await expect(page.getByTestId('document-list').locator('tbody tr.ant-table-row').count()).resolves.toBe(count);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a text in which no task was found', () => {
  const app = useServedApp();

  it('is saved only when the officer says so', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 650 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    // A cover notice copied without its plan: its 一、二、 instruct, they are no tasks.
    await paste(page, HANGZHOU.split('\n').slice(0, 3).join('\n'));
    await expect(page.getByTestId('review-tasks').locator('tbody tr.ant-table-row').count()).resolves.toBe(0);
    await page.getByTestId('save-document').click();
    const asked = page.locator('.ant-modal-confirm', { has: page.locator('.ant-modal-confirm-title', { hasText: '这份文件没有识别出任务' }) });
    await asked.waitFor();
    await modalSettled(page);
    await screenshot(page, 'document-no-tasks-1366x650');
    await asked.getByRole('button', { name: '继续编辑' }).click();
    await asked.waitFor({ state: 'detached' });
    await page.getByTestId('review-tasks').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a document issued elsewhere (外地文件)', () => {
  const app = useServedApp();
  const XIANNING = readFileSync(resolve(import.meta.dirname, '../fixtures/policy/elsewhere/xianning-kejifuneng-2025.txt'), 'utf8');

  it.each([
    [1366, 650],
    [1920, 1080],
  ])('咸宁市’s plan as 江夏区 at %i×%i: said, its 市科技局 kept as written, saved as 外地文件 and not listed as the district’s', async (width, height) => {
    const context = await app.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '江夏区');
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    await paste(page, XIANNING);
    const notice = page.getByTestId('document-elsewhere');
    await notice.getByText(/这份文件由咸宁市印发，不是武汉市的文件/u).waitFor();
    const units = page.getByTestId('review-tasks').locator('tbody tr.ant-table-row').first();
    const allUnits = async () => `${await units.getByTestId('task-lead').inputValue()}、${await units.getByTestId('task-responsible').inputValue()}`;
    expect(await allUnits()).toContain('市科技局');
    expect(await allUnits()).not.toContain('市科技创新局');
    await screenshot(page, `documents-elsewhere-${width}`);
    // Treated as Wuhan's: Wuhan's current names; and back.
    await page.getByTestId('treat-as-own').click();
    await notice.getByText(/已改为按本市文件处理/u).waitFor();
    expect(await allUnits()).toContain('市科技创新局');
    await page.getByTestId('treat-as-elsewhere').click();
    await notice.getByText(/这份文件由咸宁市印发/u).waitFor();
    expect(await allUnits()).toContain('市科技局');
    await page.getByTestId('save-document').click();
    const listed = page.getByTestId('document-list').locator('tr', { hasText: '咸宁市科技赋能行动2025年实施方案' });
    await listed.getByText('外地文件').waitFor();
    await screenshot(page, `documents-elsewhere-saved-${width}`);
    // The ledger does not list its task as the district's (a built-in task that names 离岸科创园 is);
    // shown with 与本区相关 off, it says why it is not.
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger').waitFor();
    await page.getByTestId('ledger-search').fill('离岸科创园');
    const grid = page.getByTestId('ledger');
    await grid.getByText('巩固提升区域科技合作水平').waitFor();
    await expect(grid.getByText('建好咸宁（武汉）离岸科创园').count()).resolves.toBe(0);
    await page.getByTestId('filter-relevant').click();
    await grid.getByText('建好咸宁（武汉）离岸科创园').waitFor();
    await grid.getByText(/外地文件：咸宁市印发/u).first().waitFor();
    // Saved as written: its 市科技局, not Wuhan's 市科技创新局.
    await grid.locator('[data-task-key]', { hasText: '离岸科创园' }).getByText('市科技局', { exact: true }).waitFor();
    await screenshot(page, `ledger-elsewhere-${width}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('another Wuhan district’s document', () => {
  const app = useServedApp();

  it('武汉经开区’s 分工方案 as 硚口区 at 1366×650: said to be 经开区’s, which the officer may overrule', async () => {
    const text = readFileSync(resolve(CORPUS, '58-wuhan-jingkaiqu-shisiwu-fengong-2022.txt'), 'utf8');
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 650 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '硚口区');
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    await paste(page, text);
    const notice = page.getByTestId('document-other-district');
    await notice.getByText(/这份文件由武汉经开区印发：其中的“区××局”是武汉经开区的部门/u).waitFor();
    await expect(page.getByTestId('document-elsewhere').count()).resolves.toBe(0);
    await screenshot(page, 'documents-other-district-1366');
    await page.getByTestId('treat-as-district').click();
    await notice.getByText(/已改为按本区文件处理/u).waitFor();
    await page.getByTestId('treat-as-other-district').click();
    await notice.getByText(/这份文件由武汉经开区印发/u).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
