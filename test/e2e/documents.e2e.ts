import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newContext, openAppAs, screenshot, watchErrors, useServedApp } from './harness';

const DOCX = resolve(import.meta.dirname, '../fixtures/policy/work-points-2026.docx');

const PASTED = `各区人民政府，市人民政府各部门：
为加快建设科技创新中心，提出如下意见。
一、总体要求
到2027年，研发型企业超过500家。
二、主要任务
（一）实施研发提升行动
1.推动数字建造研发。支持工程设计企业建设研发中心。（责任单位：市城建局、市科技局，汉阳区人民政府）
2.建设研发服务平台。新增中试平台20家。
武汉市人民政府办公厅
2026年3月1日`;

describe('政策文件: add a document by file and by pasted text', () => {
  const app = useServedApp();

  it('lists the seeded documents, then a .docx and a pasted text go through review and are saved', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '政策文件' }).click();
    const list = page.getByTestId('document-list');
    await list.getByText('2023年工作要点').waitFor();
    await expect(list.locator('tbody tr.ant-table-row').count()).resolves.toBe(5);
    await screenshot(page, 'documents-list');

    // 1. A .docx file
    await page.getByTestId('add-document').click();
    await page.getByRole('tab', { name: '打开文件' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-policy-file').click();
    await (await chooser).setFiles(DOCX);
    await page.getByText(/work-points-2026\.docx：\d+ 字/).waitFor();
    await page.getByTestId('parse-policy').click();
    const review = page.getByTestId('review-tasks');
    await review.waitFor();
    await expect(review.locator('tbody tr.ant-table-row').count()).resolves.toBe(3);
    await expect(page.getByTestId('doc-title').inputValue()).resolves.toBe('2026年武汉市科技创新工作要点');
    // A prefix nothing in the store uses yet, made from the title: the officer need not invent one.
    await expect(page.getByTestId('key-prefix').inputValue()).resolves.toMatch(/^2026[A-Z]+$/u);
    await expect(review.getByText('市科技创新局').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('key-prefix').fill('2026GZYD');
    await screenshot(page, 'documents-review-docx');
    await page.getByTestId('save-document').click();
    await list.getByText('2026年武汉市科技创新工作要点').waitFor();
    await expect(list.locator('tbody tr.ant-table-row').count()).resolves.toBe(6);

    // 2. Pasted text: no title and a task without units, both flagged for review
    await page.getByTestId('add-document').click();
    await page.getByTestId('policy-text').fill(PASTED);
    await page.getByTestId('parse-policy').click();
    await review.waitFor();
    await expect(review.locator('tbody tr.ant-table-row').count()).resolves.toBe(2);
    await expect(review.locator('tr[data-doubtful="true"]').count()).resolves.toBe(1);
    await page.getByText('没有找到文件标题').first().waitFor();
    await screenshot(page, 'documents-review-pasted');
    // Saving without a title is refused with a plain message, nothing written.
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-error').getByText('请填写文件标题').waitFor();
    await page.getByTestId('doc-title').fill('关于加快研发提升的意见');
    // A prefix already used by a seed document is refused too.
    await page.getByTestId('key-prefix').fill('2023GZYD');
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-error').getByText(/已被.*使用|已经存在/).waitFor();
    await page.getByTestId('key-prefix').fill('2026YFTS');
    // A task the parser did not find is added by hand; saving it without a name is refused.
    await page.getByTestId('add-task').click();
    await expect(review.locator('tbody tr.ant-table-row').count()).resolves.toBe(3);
    await page.getByTestId('save-document').click();
    await page.getByTestId('document-error').getByText(/任务 2026YFTS-03 还没有填写任务名称/).waitFor();
    await review.getByTestId('task-title').nth(2).fill('组织研发成果对接活动');
    await page.getByTestId('save-document').click();
    // The save says how many of its tasks the ledger shows for the district, and where the others are (walk10 Y1).
    const said = page.locator('.ant-message-notice').filter({ hasText: '其中与汉阳区相关' });
    await said.waitFor();
    await expect(said.textContent()).resolves.toBe('已保存，共 3 项任务，其中与汉阳区相关 1 项；其余 2 项在任务台账中取消勾选“与本区相关”可见。');
    await screenshot(page, 'documents-saved-concern');
    await list.getByText('关于加快研发提升的意见').first().waitFor(); // its 简称 too: a short title is its own 简称
    await expect(list.locator('tbody tr.ant-table-row').count()).resolves.toBe(7);
    await screenshot(page, 'documents-after-save');

    // Saved tasks are in the store with their keys and units.
    const saved = await page.evaluate(
      () =>
        new Promise<unknown>((ok) => {
          const req = indexedDB.open('district-innovation-ledger');
          req.onsuccess = () => {
            const tx = req.result.transaction('tasks');
            const get = tx.objectStore('tasks').get('2026YFTS-01');
            get.onsuccess = () => ok(get.result);
          };
        }),
    );
    expect(saved).toMatchObject({ key: '2026YFTS-01', title: '推动数字建造研发', leadUnits: ['市城乡建设局', '市科技创新局'], responsibleUnits: ['汉阳区人民政府'] });
    const added = await page.evaluate(
      () =>
        new Promise<unknown>((ok) => {
          const req = indexedDB.open('district-innovation-ledger');
          req.onsuccess = () => {
            const get = req.result.transaction('tasks').objectStore('tasks').get('2026YFTS-03');
            get.onsuccess = () => ok(get.result);
          };
        }),
    );
    expect(added).toMatchObject({ key: '2026YFTS-03', number: '3', title: '组织研发成果对接活动', origin: 'manual' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
