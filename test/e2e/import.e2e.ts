/**
 * Import in Chromium: the seeded ledger, progress entered on two tasks, then the city's
 * updated list of one document (3 added, 2 reworded, 1 dropped) dropped on the window.
 * The preview shows exactly that; apply; the reworded tasks keep their progress; undo restores.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { taskCode, type Cluster, type PolicyDocument, type Task } from '../../src/core/model';
import { taskRelevance } from '../../src/core/policy/relevance';
import { canonicaliseUnit, unitRenameTable } from '../../src/core/unit-names';
import { reportingPeriod } from '../../src/core/period';
import { SCREENSHOT_DIR, exportReport, newContext, openAppAs, readStore, screenshot, watchErrors, useServedApp } from './harness';
import { putRows } from './ledger-fixture';

/** Put progress rows straight into the store (the progress form is another page's test). */
function putProgress(page: Page, rows: object[]): Promise<void> {
  return page.evaluate(
    (rs) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('district-innovation-ledger');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('progress', 'readwrite');
          for (const r of rs) tx.objectStore('progress').put(r);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** The city's list as a real .xlsx: merged title row, a date row, then the table. */
async function cityList(doc: PolicyDocument, tasks: Task[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单');
  ws.addRow([`${doc.shortTitle}重点任务清单（修订）`]);
  ws.mergeCells(1, 1, 1, 7);
  ws.addRow(['2025年10月']);
  ws.addRow(['序号', '文件', '编号', '重点任务', '工作内容', '牵头部门', '完成时限']);
  tasks.forEach((t, i) => ws.addRow([i + 1, doc.shortTitle, t.number, t.title, t.text, t.leadUnits.join('、'), t.deadlineText ?? t.deadline ?? '']));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Drop a file on the window the way the officer drags it from the desktop. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(
    ({ name, b64 }) => {
      const bin = atob(b64);
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, b64: bytes.toString('base64') },
  );
}

const count = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());

/** 汉阳区 at 1366×650 (null: the context's own size), once its seed tasks are in the store. */
async function seededHanyang(app: ReturnType<typeof useServedApp>, viewport: { width: number; height: number } | null = { width: 1366, height: 650 }) {
  const context = await newContext(app.browser);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = watchErrors(page);
  await openAppAs(page, app.url, '汉阳区');
  await page.waitForFunction(async () => {
    const req = indexedDB.open('district-innovation-ledger');
    const db: IDBDatabase = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    const n: number = await new Promise((r) => {
      const c = db.transaction('tasks').objectStore('tasks').count();
      c.onsuccess = () => r(c.result);
    });
    db.close();
    return n > 50;
  }, undefined, { timeout: 60_000 });
  return { context, page, errors };
}

/** The document with the most tasks whose numbers are unique (the city revises it), its tasks in order. */
async function revisableDocument(page: Page) {
  const tasksBefore = await readStore<Task>(page, 'tasks');
  const docs = await readStore<PolicyDocument>(page, 'documents');
  const byDoc = new Map<string, Task[]>();
  for (const t of tasksBefore) if (!t.archived) byDoc.set(t.documentId, [...(byDoc.get(t.documentId) ?? []), t]);
  const [docId, docTasks] = [...byDoc.entries()]
    .filter(([, ts]) => ts.length >= 8 && new Set(ts.map((t) => t.number)).size === ts.length && ts.every((t) => t.number))
    .sort((a, b) => b[1].length - a[1].length)[0]!;
  return { tasksBefore, doc: docs.find((d) => d.id === docId)!, ordered: [...docTasks].sort((a, b) => a.order - b.order) };
}

describe('import the city updated list', () => {
  const app = useServedApp();

  it('previews 3 added / 2 reworded / 1 dropped, applies without touching progress, and undoes', async () => {
    const { context, page, errors } = await seededHanyang(app, null);

    const { tasksBefore, doc, ordered } = await revisableDocument(page);
    const [reworded1, reworded2, dropped] = [ordered[1]!, ordered[3]!, ordered[5]!];
    await putProgress(
      page,
      [reworded1, reworded2].map((t) => ({
        id: `汉阳区|${t.key}|2025-Q3`, district: '汉阳区', taskKey: t.key, periodId: '2025-Q3', status: 'on_track', percent: 60,
        progress: `本区已推进：${t.title}（测试进展）`, problems: '资金到位较慢', nextSteps: '加快推进', indicatorValues: {}, filledBy: '王芳', updatedAt: '2025-09-30T08:00:00.000Z',
      })),
    );
    const progressBefore = await readStore<{ id: string }>(page, 'progress');

    const maxNumber = Math.max(...ordered.map((t) => Number.parseInt(t.number, 10)).filter(Number.isFinite), ordered.length);
    const updatedList: Task[] = ordered
      .filter((t) => t.key !== dropped.key)
      .map((t) => (t === reworded1 || t === reworded2 ? { ...t, text: `${t.text}并建立季度调度机制，确保按期完成。` } : t));
    const newTitles = ['建设未来产业先导区', '实施概念验证中心培育计划', '开展科技成果转化专项行动'];
    newTitles.forEach((title, i) =>
      updatedList.push({ ...ordered[0]!, key: '', number: String(maxNumber + 1 + i), title, text: `${title}，由市科技局牵头推进，2026年底前完成。`, leadUnits: ['市科技局'], deadlineText: '2026年底前' }),
    );
    const file = await cityList(doc, updatedList);

    await dropFile(page, '市级任务清单（修订）.xlsx', file);
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    expect(await count(page, 'count-added')).toBe(3);
    expect(await count(page, 'count-updated')).toBe(2);
    expect(await count(page, 'count-removed')).toBe(1);
    expect(await count(page, 'count-ambiguous')).toBe(0);
    expect(await count(page, 'count-unchanged')).toBe(ordered.length - 3);
    // 修改: field by field, old and new.
    const updatedTable = page.getByTestId('table-updated');
    await expect(updatedTable.getByText(reworded1.key).count()).resolves.toBe(1);
    await expect(updatedTable.getByTestId('new-value').first().textContent()).resolves.toContain('并建立季度调度机制');
    await screenshot(page, 'import-preview-updated');
    await page.getByRole('tab', { name: /新增/ }).click();
    for (const t of newTitles) await expect(page.getByTestId('table-added').getByText(t).count()).resolves.toBe(1);
    await page.getByRole('tab', { name: /删除/ }).click();
    await expect(page.getByTestId('table-removed').getByText(dropped.key).count()).resolves.toBe(1);
    await screenshot(page, 'import-preview-removed');

    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-done-detail').textContent()).resolves.toContain('新增 3 项，修改 2 项，归档 1 项');
    await screenshot(page, 'import-applied');

    const tasksAfter = new Map((await readStore<Task>(page, 'tasks')).map((t) => [t.key, t]));
    expect(tasksAfter.size).toBe(tasksBefore.length + 3);
    expect(tasksAfter.get(reworded1.key)!.text).toContain('并建立季度调度机制');
    expect(tasksAfter.get(reworded2.key)!.text).toContain('并建立季度调度机制');
    expect(tasksAfter.get(dropped.key)!.archived).toBe(true);
    expect(await readStore(page, 'progress')).toEqual(progressBefore);

    await page.getByTestId('import-undo').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '撤销本次导入' }).click();
    await page.getByText('已撤销，台账恢复到导入之前的样子').waitFor();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await screenshot(page, 'import-undone');
    const tasksUndone = (await readStore<Task>(page, 'tasks')).sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(tasksUndone).toEqual([...tasksBefore].sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(await readStore(page, 'progress')).toEqual(progressBefore);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in 删除 that a dropped task holds this period’s progress, keeps it under 已归档的任务 to read, and restores it to the ledger', async () => {
    const { context, page, errors } = await seededHanyang(app);
    const { doc, ordered } = await revisableDocument(page);
    const P = reportingPeriod('quarter', new Date(), new Set());
    const dropped = ordered.find((t) => t.responsibleUnits.includes('各区人民政府')) ?? ordered[2]!;
    await putProgress(page, [
      {
        id: `汉阳区|${dropped.key}|${P.id}`, district: '汉阳区', taskKey: dropped.key, periodId: P.id, status: 'on_track', percent: 40,
        progress: '已完成选址，正在报批', problems: '资金未到位', nextSteps: '下月开工', indicatorValues: {}, filledBy: '王芳', updatedAt: new Date().toISOString(),
      },
    ]);
    // Written beside the app's Dexie: reload before the app reads it (see putRows).
    await page.reload();
    await page.getByTestId('current-district').waitFor();
    const progressBefore = await readStore(page, 'progress');

    await dropFile(page, '市级任务清单（修订）.xlsx', await cityList(doc, ordered.filter((t) => t.key !== dropped.key)));
    await page.getByTestId('count-removed').waitFor({ timeout: 60_000 });
    expect(await count(page, 'count-removed')).toBe(1);
    await page.getByRole('tab', { name: /删除/ }).click();
    await expect(page.getByTestId('removed-filled').textContent()).resolves.toContain(`其中 1 项本区已填写了${P.name}的进展`);
    await expect(page.getByTestId('table-removed').getByText('本期已填写').count()).resolves.toBe(1);
    await screenshot(page, 'import-removed-filled-1366x650');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^完\s?成$/ }).click();

    // 已归档的任务: the officer reads what was written, then puts the task back.
    const card = page.getByTestId('archived-tasks');
    await card.waitFor({ timeout: 30_000 });
    await expect(card.textContent()).resolves.toContain(dropped.title);
    await card.getByTestId(`archived-view-${dropped.key}`).click();
    const entries = page.getByTestId('archived-entries');
    await entries.waitFor();
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave'));
    await expect(entries.textContent()).resolves.toContain('已完成选址，正在报批');
    await expect(entries.textContent()).resolves.toContain('资金未到位');
    await screenshot(page, 'import-archived-entries-1366x650');
    await page.getByRole('button', { name: '关 闭', exact: true }).click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'import-archived-1920x1080');
    await page.setViewportSize({ width: 1366, height: 650 });
    await card.getByTestId(`archived-restore-${dropped.key}`).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^恢\s?复$/ }).click();
    await page.getByText(`已恢复任务 ${taskCode(dropped)}`).waitFor();
    await card.waitFor({ state: 'detached', timeout: 30_000 });
    expect((await readStore<Task>(page, 'tasks')).find((t) => t.key === dropped.key)!.archived).toBeUndefined();
    expect(await readStore(page, 'progress')).toEqual(progressBefore);

    // Back in the ledger with its text.
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger-search').fill(dropped.title);
    await page.locator(`[data-task-key="${dropped.key}"]`).first().waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("applies the city's revised 2023 分解表 (LibreOffice .xlsx): renames are no change, relevance kept, progress attached", async () => {
    const { context, page, errors } = await seededHanyang(app);
    const tasksBefore = await readStore<Task>(page, 'tasks');
    const clusters = (await readStore<Cluster>(page, 'clusters')).filter((c) => c.district === '汉阳区');
    const relevantBefore = tasksBefore.filter((t) => taskRelevance(t, '汉阳区', clusters).relevant).map((t) => t.key);
    // Five tasks filled in for 2026年第四季度: reworded (9), reassigned (18), with the 〈含…〉 note (4), '—' cell (12), dropped (17).
    const filledKeys = ['04', '09', '12', '17', '18'].map((n) => `2023GZYD-${n}`);
    await putProgress(
      page,
      filledKeys.map((k) => ({
        id: `汉阳区|${k}|2026-Q4`, district: '汉阳区', taskKey: k, periodId: '2026-Q4', status: 'on_track', percent: 75,
        progress: `汉阳区已推进（${k}）`, problems: '', nextSteps: '年底前完成', indicatorValues: {}, filledBy: '王芳', updatedAt: '2026-11-20T08:00:00.000Z',
      })),
    );
    const progressBefore = await readStore<{ id: string }>(page, 'progress');
    // 2026年第四季度 was sent (已报送, locked) with those five tasks.
    const title = (k: string) => tasksBefore.find((t) => t.key === k)!.title;
    await putRows(page, {
      submissions: [
        {
          id: 'sub-2026-Q4', district: '汉阳区', periodId: '2026-Q4', report: 'tasks', fileName: '汉阳区_2026年第四季度_重点任务推进情况表.xlsx', sha256: '0'.repeat(64), at: '2026-11-21T08:00:00.000Z',
          rows: filledKeys.map((k) => ({ key: k, title: title(k), status: '序时推进', percent: 75, progress: `汉阳区已推进（${k}）`, problems: '', nextSteps: '年底前完成' })),
        },
      ],
    });
    // Written beside the app's Dexie, which keeps live answers (the shell's 已报送 periods) in its cache: the page reloads, as the app would after a restore.
    await page.reload();
    await page.getByTestId('current-district').waitFor();

    await dropFile(page, 'revised-2023-list.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/revised-2023-list.xlsx')));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    expect([await count(page, 'count-added'), await count(page, 'count-updated'), await count(page, 'count-removed'), await count(page, 'count-unchanged'), await count(page, 'count-ambiguous')]).toEqual([3, 3, 1, 18, 0]);
    await expect(page.getByTestId('filled-header').textContent()).resolves.toContain('补充（21 项）');
    // The officer is told before confirming that a period already sent will list other tasks.
    await expect(page.getByTestId('import-submitted-periods').textContent()).resolves.toContain('2026年第四季度已报送并锁定');
    await expect(page.getByTestId('renamed-header').textContent()).resolves.toContain('名称统一（4 对）');
    const relevance = page.getByTestId('relevance-changes');
    await expect(relevance.textContent()).resolves.toContain('与本区相关的变化（3 项）');
    await expect(relevance.getByText('做好外国专家服务工作').count()).resolves.toBe(1);
    await expect(relevance.getByText('不再与本区相关').count()).resolves.toBe(1);
    await expect(relevance.getByText('开始与本区相关').count()).resolves.toBe(2);
    // 修改: the two rewordings and the real reassignment, nothing else; no rename among them.
    const updated = page.getByTestId('table-updated');
    await expect(updated.getByTestId('new-value').allTextContents()).resolves.toEqual(['大力培育科技型企业梯队', '更好融入全球创新网络，深化国际科技交流合作', '市发改委']);
    await expect(updated.getByText('市科技局').count()).resolves.toBe(0);
    await screenshot(page, 'import-revised-preview-1366x650');
    await page.getByTestId('renamed-header').click();
    await page.getByTestId('renamed-pairs').waitFor();
    await expect(page.getByTestId('renamed-pairs').textContent()).resolves.toContain('市科技局 → 市科技创新局');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'import-revised-preview-1920x1080');
    await page.getByRole('tab', { name: /新增/ }).click();
    await expect(page.getByTestId('table-added').getByText('建设未来产业先导区').count()).resolves.toBe(1);
    await screenshot(page, 'import-revised-added-1920x1080');
    await page.setViewportSize({ width: 1366, height: 650 });

    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-done-detail').textContent()).resolves.toContain('新增 3 项，修改 3 项，归档 1 项');
    const after = await readStore<Task>(page, 'tasks');
    for (const t of after) for (const u of [...t.leadUnits, ...t.responsibleUnits]) expect(canonicaliseUnit(u), `${t.key}: ${u}`).toBe(u);
    const byKey = new Map(after.map((t) => [t.key, t]));
    for (const k of relevantBefore) expect(taskRelevance(byKey.get(k)!, '汉阳区', clusters).relevant, k).toBe(true);
    expect(byKey.get('2023GZYD-04')!.responsibleUnits).toContain('各区人民政府');
    expect(byKey.get('2023GZYD-12')!.responsibleUnits).toEqual(['武汉产业创新发展研究院', '各区人民政府']);
    expect(byKey.get('2023GZYD-18')!.leadUnits).toEqual(['市发改委']);
    expect(byKey.get('2023GZYD-17')!.archived).toBe(true);
    // The added tasks are keyed as the document's own (2023GZYD-23), so they print like their neighbours.
    expect(after.filter((t) => t.origin === 'import').map((t) => taskCode(t)).sort()).toEqual(['2023GZYD-23', '2023GZYD-24', '2023GZYD-25']);
    expect(await readStore(page, 'progress')).toEqual(progressBefore);

    // The ledger finds the new task by the list's number, and a task by its bureau's former name.
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    const search = page.getByTestId('ledger-search');
    await search.fill('市环保局');
    await page.getByText('巩固提升区域科技合作水平').first().waitFor({ timeout: 30_000 });
    await search.fill('23 先导区');
    await page.getByText('建设未来产业先导区').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'import-revised-ledger-search');

    // The exported 重点任务推进情况表 prints the document's codes as 任务编号 and only current unit names.
    await page.getByRole('menuitem', { name: '报表导出' }).click();
    await page.getByTestId('report-check').getByText(/本期 \d+ 项任务/).waitFor({ timeout: 30_000 });
    // 本期与上期对比: the task the import dropped is no longer in the list sent, though its progress is untouched.
    const changes = page.getByTestId('submission-changes');
    await changes.getByText('已不在清单').first().waitFor({ timeout: 30_000 });
    await expect(changes.locator('tr', { hasText: '2023GZYD-17' }).textContent()).resolves.toContain('已不在清单');
    await changes.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-revised-compare-1366x650');
    const download = await exportReport(page);
    const bytes = readFileSync((await download.path())!);
    writeFileSync(resolve(SCREENSHOT_DIR, 'import-revised-report.xlsx'), bytes);
    const x = XLSX.read(bytes, { type: 'array' });
    const grid = XLSX.utils.sheet_to_json<unknown[]>(x.Sheets['重点任务推进情况表']!, { header: 1, defval: '' });
    const printed = grid.slice(3).map((r) => String(r[1]));
    expect(printed).toEqual(expect.arrayContaining(['2023GZYD-23', '2023GZYD-25', '2023GZYD-04']));
    expect(printed.some((k) => k.startsWith('IMP'))).toBe(false);
    expect(printed).not.toContain('2023GZYD-24'); // 24 does not concern 汉阳区
    const text = JSON.stringify(grid);
    for (const old of ['市科技局', '市自然资源规划局', '市环保局']) expect(text).not.toContain(old);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a rename the office adds in 设置 → 单位名称对照 unifies the ledger at once and applies to the next import', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 650 });
    const errors = watchErrors(page);
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '设置' }).click();
    const section = page.getByTestId('settings-unit-renames');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByText('市自然资源规划局').count()).resolves.toBe(1); // built-in pairs are shown
    await page.getByTestId('unit-rename-from').fill('市经信局');
    await page.getByTestId('unit-rename-to').fill('市经信局');
    await page.getByTestId('unit-rename-add').click();
    await expect(page.getByTestId('unit-rename-problem').textContent()).resolves.toContain('不需要对照');
    await page.getByTestId('unit-rename-to').fill('市经济和信息化局');
    await page.getByTestId('unit-rename-add').click();
    await page.getByText(/项任务里的“市经信局”已统一为“市经济和信息化局”/).waitFor({ timeout: 30_000 });
    await expect(section.getByText('本单位添加').count()).resolves.toBe(1);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-unit-renames-1366x650');
    const pairs = [{ from: '市经信局', to: '市经济和信息化局' }];
    const units = (ts: Task[]) => ts.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits]);
    const stored = await readStore<Task>(page, 'tasks');
    expect(units(stored)).not.toContain('市经信局');
    // The ledger still finds those tasks by the name the office knew them under.
    const renamed = stored.find((t) => !t.archived && t.leadUnits.includes('市经济和信息化局') && t.responsibleUnits.includes('各区人民政府'))!;
    await page.getByRole('menuitem', { name: '任务台账' }).click();
    await page.getByTestId('ledger-search').fill(`市经信局 ${renamed.title}`);
    await page.locator(`[data-task-key="${renamed.key}"]`).first().waitFor({ timeout: 30_000 });

    await page.getByRole('menuitem', { name: '导入更新' }).click();
    await dropFile(page, 'revised-2023-list.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/revised-2023-list.xlsx')));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    expect([await count(page, 'count-added'), await count(page, 'count-updated'), await count(page, 'count-unchanged')]).toEqual([3, 3, 18]);
    await expect(page.getByTestId('renamed-header').textContent()).resolves.toContain('名称统一（5 对）');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    const all = units(await readStore<Task>(page, 'tasks'));
    expect(all).toContain('市经济和信息化局');
    for (const u of all) expect(canonicaliseUnit(u, unitRenameTable(pairs)), u).toBe(u);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says in 删除 why a list keeping under half of a document archives none of it, and how to archive them', async () => {
    const { context, page, errors } = await seededHanyang(app);
    await dropFile(page, 'fewer-than-half-kept.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/fewer-than-half-kept.xlsx')));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    expect([await count(page, 'count-removed'), await count(page, 'count-unchanged')]).toEqual([0, 9]);
    // Not "完全一致": 11 of the document's tasks are missing from the list.
    await expect(page.getByText('导入的清单与台账完全一致').count()).resolves.toBe(0);
    await expect(page.getByText('清单里没有的任务本次不归档，原因见“删除（归档）”').count()).resolves.toBe(1);
    await page.getByRole('tab', { name: /删除/ }).click();
    const note = page.getByTestId('scope-note');
    await expect(note.textContent()).resolves.toContain('只列了“研发中心城市三年行动”20 个任务中的 9 个（不到一半）');
    await expect(note.textContent()).resolves.toContain('请在清单中加一列“文件”');
    await screenshot(page, 'import-partial-list-removed-1366x650');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('of a sheet per district, offers the officer’s own first; a 汇总 sheet first is passed over', async () => {
    const { context, page, errors } = await seededHanyang(app);
    await dropFile(page, 'sheet-per-district.xls', readFileSync(resolve(__dirname, '../fixtures/import/sheet-per-district.xls')));
    await page.getByText('这个文件有多个工作表').waitFor({ timeout: 60_000 });
    await expect(page.getByRole('radio', { name: /汉阳区/ }).isChecked()).resolves.toBe(true);
    await screenshot(page, 'import-sheet-per-district-1366x650');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    await expect(page.getByText('“sheet-per-district.xls”（工作表“汉阳区”）').count()).resolves.toBe(1);
    expect([await count(page, 'count-updated'), await count(page, 'count-removed'), await count(page, 'count-unchanged')]).toEqual([0, 1, 14]);
    await page.getByRole('tab', { name: /问题/ }).click();
    await expect(page.getByText('D列（区级责任单位）写的是区里的承办单位').count()).resolves.toBe(1);
    await screenshot(page, 'import-district-level-column-1366x650');
    // A 汇总 sheet before the list: straight to the list's preview, no sheet to choose.
    await page.getByRole('button', { name: /^取\s*消$/ }).last().click();
    await dropFile(page, 'summary-sheet-first.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/summary-sheet-first.xlsx')));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    await expect(page.getByText('（工作表“任务清单”）').count()).resolves.toBe(1);
    expect(await count(page, 'count-unchanged')).toBe(15);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the visible sheet before a hidden old one, and says which is hidden', async () => {
    const { context, page, errors } = await seededHanyang(app, { width: 1920, height: 1080 });
    await dropFile(page, 'hidden-old-sheet.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/hidden-old-sheet.xlsx')));
    await page.getByText('这个文件有多个工作表').waitFor({ timeout: 60_000 });
    await expect(page.getByRole('radio', { name: /新清单/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('radio', { name: /原清单.*（隐藏的工作表）/ }).count()).resolves.toBe(1);
    await screenshot(page, 'import-hidden-old-sheet-1920x1080');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    expect([await count(page, 'count-updated'), await count(page, 'count-unchanged')]).toEqual([0, 22]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('archives the rows the city struck through (删除线, a LibreOffice file) and says so in 删除', async () => {
    const { context, page, errors } = await seededHanyang(app);
    await dropFile(page, 'struck-rows-libreoffice.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/struck-rows-libreoffice.xlsx')));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    expect([await count(page, 'count-added'), await count(page, 'count-updated'), await count(page, 'count-removed')]).toEqual([0, 0, 2]);
    await page.getByRole('tab', { name: /删除/ }).click();
    const removed = page.getByTestId('table-removed');
    await expect(removed.getByText('清单第 8 行标注“删除线”').count()).resolves.toBe(1);
    await expect(removed.getByText('清单第 12 行标注“删除线”').count()).resolves.toBe(1);
    await removed.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-struck-rows-removed-1366x650');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect((await readStore<Task>(page, 'tasks')).filter((t) => t.archived).map((t) => t.key).sort()).toEqual(['2024KJRC-05', '2024KJRC-09']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('archives what the city marked 删除 / 已取消 and says why in 删除; the （新增） task is named without its mark', async () => {
    for (const size of [
      { width: 1366, height: 650 },
      { width: 1920, height: 1080 },
    ]) {
      const { context, page, errors } = await seededHanyang(app, size);
      await dropFile(page, 'revision-marks.xlsx', readFileSync(resolve(__dirname, '../fixtures/import/revision-marks.xlsx')));
      await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
      expect([await count(page, 'count-added'), await count(page, 'count-updated'), await count(page, 'count-removed')]).toEqual([1, 0, 2]);
      await expect(page.getByText('建设青年科技人才驿站', { exact: true }).count()).resolves.toBeGreaterThan(0);
      await expect(page.getByText('建设青年科技人才驿站（新增）').count()).resolves.toBe(0);
      await page.getByRole('tab', { name: /删除/ }).click();
      const removed = page.getByTestId('table-removed');
      await expect(removed.getByText('清单第 7 行标注“删除”').count()).resolves.toBe(1);
      await expect(removed.getByText('清单第 12 行标注“已取消”').count()).resolves.toBe(1);
      await expect(page.getByText('市里在清单第 7 行标注“删除”，将归档（已填写的进展保留）。').count()).resolves.toBe(1);
      await removed.scrollIntoViewIfNeeded();
      await screenshot(page, `import-revision-marks-removed-${size.width}x${size.height}`);
      await page.getByTestId('import-apply').click();
      await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
      const archived = (await readStore<Task>(page, 'tasks')).filter((t) => t.archived).map((t) => t.key);
      expect(archived.sort()).toEqual(['2024KJRC-05', '2024KJRC-09']);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('a list of changes only (调整 / 新增 / 删除 sections) archives only what it deletes; an error value stops the import only in a cell it reads', async () => {
    const { context, page, errors } = await seededHanyang(app);
    const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/import', name));
    await dropFile(page, 'changes-only.xlsx', fixture('changes-only.xlsx'));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    expect([await count(page, 'count-added'), await count(page, 'count-updated'), await count(page, 'count-removed')]).toEqual([1, 2, 1]);
    await page.getByRole('tab', { name: /删除/ }).click();
    await expect(page.getByTestId('table-removed').getByText('2024KJRC-09').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(/是一份调整清单.*其余 12 个任务照常保留，不归档/u).count()).resolves.toBe(1);
    await screenshot(page, 'import-changes-only-removed-1366x650');
    await page.getByRole('button', { name: /^取\s*消$/ }).last().click();

    // #REF! where the 重点任务 should be: nothing can be applied, the cell named.
    await dropFile(page, 'error-values.xlsx', fixture('error-values.xlsx'));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    await expect(page.getByText(/B6 单元格（第 6 行 B列）是错误值“#REF!”/).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('import-apply').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'import-error-value-1366x650');
    await page.getByRole('button', { name: /^取\s*消$/ }).last().click();

    // #DIV/0! in a 完成率 column the import does not read: said, and the list applies.
    await dropFile(page, 'error-unread-column.xlsx', fixture('error-unread-column.xlsx'));
    await page.getByTestId('count-added').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /问题/ }).click();
    await expect(page.getByText(/F4 单元格是错误值“#DIV\/0!”.*不影响导入/).count()).resolves.toBe(1);
    await screenshot(page, 'import-error-unread-column-1366x650');
    await page.getByRole('button', { name: /^取\s*消$/ }).last().click();

    // A sheet cut off in the middle of a row: refused, the sheet and the last whole cell named.
    await dropFile(page, 'cut-sheet.xlsx', fixture('cut-sheet.xlsx'));
    await page.getByTestId('import-error').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-error').textContent()).resolves.toMatch(/“cut-sheet\.xlsx”已损坏或不完整：工作表“任务清单”的内容在第 10 行 C列之后就断了/u);
    await screenshot(page, 'import-cut-sheet-1366x650');
    expect((await readStore<Task>(page, 'tasks')).filter((t) => t.archived)).toEqual([]);
    // The reader's own words go to the log only (the officer reads the Chinese message above).
    expect(errors).toEqual(['import read refused cut-sheet.xlsx: xl/worksheets/sheet1.xml ends before </worksheet>']);
    await context.close();
  });

  it('refuses a file that is not a spreadsheet with a Chinese message and changes nothing', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await openAppAs(page, app.url, '汉阳区');
    await page.getByRole('menuitem', { name: '导入更新' }).click();
    await dropFile(page, '通知.xlsx', Buffer.from('%PDF-1.6\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\u0000\u0001', 'latin1'));
    await page.getByTestId('import-error').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('import-error').textContent()).resolves.toContain('不是电子表格');
    await screenshot(page, 'import-refused');
    await context.close();
  });
});
