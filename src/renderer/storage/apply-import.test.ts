import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { finalizePlan, findTable, planImport, readRows } from '@core/import';
import { seedStore } from '../../../test/builders/seeded-store';
import { readWorkbook } from '../spreadsheet/read-sheet';
import { createLedgerDb, type LedgerDb } from './db';
import { APPLY_TEXT, applyImport, undoImport } from './apply-import';
import { emptyProgress } from './repositories';
import { saveProgress } from './progress-store';
import { archivedTasks, ledgerBase, readReportSource } from './queries';
import { restoreArchivedTask } from './commands';
import { readTaskTrail } from './audit';
import { parsePeriodId } from '@core/period';

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  db = createLedgerDb(`apply-import-${++n}-${Date.now()}`);
  await db.open();
  await seedStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Every table's rows, for "exactly as before" comparisons. */
async function snapshot(d: LedgerDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return out;
}

/** Plan the LibreOffice city list (1 reworded, 10 dropped) plus one new row, all accepted. */
async function acceptedCityList() {
  const bytes = new Uint8Array(readFileSync(resolve(__dirname, '../../../test/fixtures/import/city-list-libreoffice.xlsx')));
  const r = await readWorkbook(bytes, 'city-list.xlsx');
  if (!r.ok) throw new Error(r.message);
  const sheet = r.sheets[0]!;
  const { layout } = findTable(sheet);
  const { rows, issues } = readRows(sheet, layout!);
  rows.push({ row: 99, fields: { title: '建设未来产业先导区', leadUnits: '市发改委', deadline: '2025年底前' } });
  const plan = planImport({
    fileName: 'city-list.xlsx',
    sheet: sheet.name,
    rows,
    issues,
    existing: await db.tasks.toArray(),
    documents: await db.documents.toArray(),
    now: '2025-10-08T09:30:00.000Z',
  });
  expect([plan.added.length, plan.updated.length, plan.removed.length, plan.unchanged.length]).toEqual([1, 1, 10, 11]);
  return finalizePlan(plan, { skipped: new Set(), choices: {} }).accepted!;
}

describe('applyImport', () => {
  it('checks every row it writes with the restore schemas: a malformed task refuses the whole import, nothing written', async () => {
    const before = await snapshot(db);
    const accepted = await acceptedCityList();
    const bad = { ...accepted, tasks: accepted.tasks.map((t, i) => (i === 1 ? { ...t, leadUnits: '市发改委' as unknown as string[] } : t)) };
    const res = await applyImport(db, bad, '2025-10-08T09:31:00.000Z');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toBe(`任务“${accepted.tasks[1]!.key}”的内容不正确（字段“leadUnits”缺失或类型不对），本次导入没有写入任何内容。请检查文件中这一行后重新导入。`);
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes exactly the plan, archives dropped tasks, never touches progress, and undo restores the state before', async () => {
    const before = await snapshot(db);
    const accepted = await acceptedCityList();
    const res = await applyImport(db, accepted, '2025-10-08T09:31:00.000Z');
    expect(res.ok).toBe(true);
    const tasks = new Map((await db.tasks.toArray()).map((t) => [t.key, t]));
    expect(tasks.get('2023YD-04')!.text).toContain('同时加快建设重大科技基础设施配套工程');
    expect([...tasks.values()].filter((t) => t.archived).map((t) => t.key)).toEqual(accepted.archivedKeys);
    expect(accepted.archivedKeys).toHaveLength(10);
    expect(tasks.size).toBe((before.tasks as unknown[]).length + 1);
    expect(tasks.get(accepted.addedKeys[0]!)).toMatchObject({ title: '建设未来产业先导区', origin: 'import', deadline: '2025-12-31' });
    expect(accepted.filledKeys).toHaveLength(11);
    for (const key of [...accepted.updatedKeys, ...accepted.filledKeys]) expect(tasks.get(key)!.leadUnits).toEqual(['市科技创新局']);
    expect(await db.progress.toArray()).toEqual(before.progress);
    expect((await db.imports.get(res.ok ? res.record.id : ''))?.counts).toEqual({ added: 1, updated: 1, archived: 10 });

    const undo = await undoImport(db, res.ok ? res.record.id : '');
    // 1 changed + 10 archived + 11 unchanged whose stored 市科技局 became 市科技创新局 (名称统一).
    expect(undo).toMatchObject({ ok: true, restored: 22, removed: 1 });
    const after = await snapshot(db);
    expect(after.tasks).toEqual(before.tasks);
    expect(after.progress).toEqual(before.progress);
    expect(after.documents).toEqual(before.documents);
    expect(await undoImport(db, res.ok ? res.record.id : '')).toEqual({ ok: false, message: '这次导入已经撤销过了。' });
  });

  it.each([1, 5, 12])('leaves the database exactly as before when the %ith task write fails', async (nth) => {
    const accepted = await acceptedCityList();
    const before = await snapshot(db);
    let writes = 0;
    const fail = () => {
      if (++writes === nth) throw new Error('磁盘写入失败（测试注入）');
    };
    db.tasks.hook('creating', fail);
    db.tasks.hook('updating', fail);
    const res = await applyImport(db, accepted);
    expect(res).toEqual({ ok: false, message: expect.stringContaining('导入没有完成，台账没有任何改动') });
    expect(writes).toBeGreaterThanOrEqual(nth);
    db.tasks.hook('creating').unsubscribe(fail);
    db.tasks.hook('updating').unsubscribe(fail);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a full disk (QuotaExceededError) is named in Chinese with what to do, the English cause only logged, nothing written', async () => {
    const accepted = await acceptedCityList();
    const before = await snapshot(db);
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.tasks.hook('creating', full);
    db.tasks.hook('updating', full);
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a));
    const res = await applyImport(db, accepted);
    spy.mockRestore();
    db.tasks.hook('creating').unsubscribe(full);
    db.tasks.hook('updating').unsubscribe(full);
    expect(res).toEqual({ ok: false, message: APPLY_TEXT.diskFull });
    expect(APPLY_TEXT.diskFull).toContain('磁盘空间已满');
    expect(APPLY_TEXT.diskFull).toContain('清空回收站');
    expect(JSON.stringify(res)).not.toMatch(/quota|exceeded/i);
    expect(String(errors.flat().map(String))).toMatch(/quota/i);
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps an added task archived on undo when progress was entered for it since', async () => {
    const accepted = await acceptedCityList();
    const res = await applyImport(db, accepted);
    const key = accepted.addedKeys[0]!;
    await db.progress.put({ id: `汉阳区|${key}|2025-Q4`, district: '汉阳区', taskKey: key, periodId: '2025-Q4', progress: '已启动', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '王芳', updatedAt: 'x' });
    const undo = await undoImport(db, res.ok ? res.record.id : '');
    expect(undo).toMatchObject({ ok: true, keptArchived: [key] });
    expect((await db.tasks.get(key))?.archived).toBe(true);
    expect(await db.progress.where('taskKey').equals(key).count()).toBe(1);
  });
});

describe('已归档的任务', () => {
  it("lists what the district wrote for a task the city dropped, and restoring it puts it back in the ledger and the period's report", async () => {
    const accepted = await acceptedCityList();
    const dropped = accepted.archivedKeys[0]!;
    const period = parsePeriodId('2025-Q3')!;
    const entry = { ...emptyProgress('汉阳区', dropped, period.id), status: 'on_track' as const, progress: '已完成选址，\n正在报批', problems: '资金未到位', filledBy: '王芳' };
    await saveProgress(db, entry);
    await saveProgress(db, { ...emptyProgress('汉阳区', dropped, '2025-Q2'), progress: '启动前期研究' });
    await saveProgress(db, { ...emptyProgress('江岸区', dropped, period.id), progress: '另一区的进展' });
    const progressBefore = await db.progress.toArray();
    expect((await applyImport(db, accepted, '2025-10-08T09:31:00.000Z')).ok).toBe(true);

    // Gone from the ledger and the report source's active tasks, kept in the store.
    expect((await ledgerBase(db, '汉阳区')).tasks.some((t) => t.key === dropped)).toBe(false);
    expect(await db.progress.toArray()).toEqual(progressBefore);
    const listed = await archivedTasks(db, '汉阳区');
    expect(new Set(listed.map((a) => a.task.key))).toEqual(new Set(accepted.archivedKeys));
    const mine = listed.find((a) => a.task.key === dropped)!;
    // Only the district's own entries, newest period first.
    expect(mine.entries.every((e) => e.district === '汉阳区')).toBe(true);
    expect(mine.entries.map((e) => e.periodId)).toEqual([...mine.entries.map((e) => e.periodId)].sort().reverse());
    expect(mine.entries.filter((e) => e.periodId >= '2025-Q2').map((e) => [e.periodId, e.progress])).toEqual([
      ['2025-Q3', '已完成选址，\n正在报批'],
      ['2025-Q2', '启动前期研究'],
    ]);

    expect(await restoreArchivedTask(db, dropped)).toBe(true);
    expect(await restoreArchivedTask(db, dropped)).toBe(false);
    const back = await db.tasks.get(dropped);
    expect(back!.archived).toBeUndefined();
    expect((await ledgerBase(db, '汉阳区')).tasks.some((t) => t.key === dropped)).toBe(true);
    const source = await readReportSource(db, '汉阳区', period);
    expect(source.tasks.find((t) => t.key === dropped)!.archived).toBeUndefined();
    expect(source.progress.find((p) => p.taskKey === dropped)!.problems).toBe('资金未到位');
    expect((await archivedTasks(db, '汉阳区')).some((a) => a.task.key === dropped)).toBe(false);
    // The restore is in the task's trail, as every other change of a task is.
    const trail = await readTaskTrail(db, dropped);
    expect(trail.some((a) => a.entity === 'task' && JSON.stringify(a).includes('archived'))).toBe(true);
    expect(await db.progress.toArray()).toEqual(progressBefore);
  });
});
