import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { progressId } from '@core/model';
import { INDICATOR_COLUMNS, INDICATOR_SHEET, planMerges, planReturns } from '@core/rounds';
import { HANYANG_ROUND, returnedFile } from '../../../test/builders/rounds';
import { freshStoreEachTest } from '../../../test/builders/fresh-store';
import { seedStore } from '../../../test/builders/seeded-store';
import type { LedgerDb } from './db';
import { applyRoundReturn, changeAssignments, listAssignments, loadLeadMapping, loadUnits, saveLeadMapping, saveUnits, undoRoundReturn } from './rounds';

let db: LedgerDb;
freshStoreEachTest('rounds', (d) => (db = d));
beforeEach(() => seedStore(db));

const round = HANYANG_ROUND;

/** A unit's returned file: rows of [task key, 本期状态, 进展情况]. */
function returned(unit: string, rows: [string, string, string][], hash: string) {
  return returnedFile(round, unit, rows.map(([key, status, progress]) => ({ key, status, progress })), hash);
}

async function plan(files: ReturnType<typeof returned>[]) {
  const tasks = (await db.tasks.toArray()).map((t) => ({ key: t.key, number: t.number, title: t.title }));
  const fp = planReturns(files, { round, periodName: '2026年第一季度', tasks, earlier: [] });
  const ledger = new Map((await db.progress.where('[district+periodId]').equals(['汉阳区', '2026-Q1']).toArray()).map((p) => [p.taskKey, p]));
  return { fp, merges: planMerges(fp, round, ledger) };
}

describe('units and mapping', () => {
  it('start from the starter list and keep the office’s edits', async () => {
    expect(await loadUnits(db, '汉阳区')).toContain('区科技局');
    expect(await saveUnits(db, '汉阳区', ['区科经局', ' 区科经局 ', '', '四新管委会'])).toEqual(['区科经局', '四新管委会']);
    expect(await loadUnits(db, '汉阳区')).toEqual(['区科经局', '四新管委会']);
    expect(await loadUnits(db, '江岸区')).toContain('区科技局');
    expect((await loadLeadMapping(db))['市科技创新局']).toBe('区科技局');
    await saveLeadMapping(db, { 市科技创新局: '区科经局', ' ': 'x' });
    expect(await loadLeadMapping(db)).toEqual({ 市科技创新局: '区科经局' });
  });
  it('bulk assignment changes every selected task in one go', async () => {
    await changeAssignments(db, '汉阳区', ['2023YD-01', '2023YD-02', '2023YD-03'], { kind: 'setLead', unit: '区科技局' });
    await changeAssignments(db, '汉阳区', ['2023YD-02', '2023YD-03'], { kind: 'addAssist', unit: '区经信局' });
    const a = (await listAssignments(db, '汉阳区')).sort((x, y) => (x.taskKey < y.taskKey ? -1 : 1));
    expect(a.map((x) => [x.taskKey, x.lead, x.assist])).toEqual([
      ['2023YD-01', '区科技局', []],
      ['2023YD-02', '区科技局', ['区经信局']],
      ['2023YD-03', '区科技局', ['区经信局']],
    ]);
  });
});

describe('applyRoundReturn / undoRoundReturn', () => {
  it('writes the merged texts in one go and undoes the whole drop', async () => {
    const { fp, merges } = await plan([returned('区科技局', [['2023YD-01', '序时推进', '平台建成'], ['2023YD-02', '滞后', '认定8家']], 'h1'), returned('区经信局', [['2023YD-02', '', '配合认定3家']], 'h2')]);
    const r = await applyRoundReturn(db, round, fp, merges, '王芳', '2026-04-02T01:00:00.000Z');
    expect(r.ok).toBe(true);
    const p2 = await db.progress.get(progressId('汉阳区', '2023YD-02', '2026-Q1'));
    expect(p2).toMatchObject({ status: 'behind', progress: '认定8家\n配合认定3家', filledBy: '王芳', paragraphSources: { progress: ['区科技局', '区经信局'] } });
    if (!r.ok) return;
    expect(r.record.returns.map((x) => [x.unit, x.taskKeys])).toEqual([['区科技局', ['2023YD-01', '2023YD-02']], ['区经信局', ['2023YD-02']]]);
    const u = await undoRoundReturn(db, r.record.id);
    expect(u).toEqual({ ok: true, restored: 2 });
    expect(await db.progress.get(progressId('汉阳区', '2023YD-02', '2026-Q1'))).toBeUndefined();
    expect(await undoRoundReturn(db, r.record.id)).toMatchObject({ ok: false });
  });

  it('a unit’s 完成进度 with decimals is left out in the plan (the row’s texts taken), and an entry storage would hide is never written', async () => {
    const file = returnedFile(round, '区科技局', [{ key: '2023YD-01', percent: '12.5', progress: '平台建成' }, { key: '2023YD-02', percent: '６０％', progress: '认定8家' }], 'h1');
    const { fp, merges } = await plan([file]);
    expect(fp[0]!.refusedRows).toEqual([]);
    expect(fp[0]!.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.message])).toEqual([[4, expect.stringMatching(/完成进度“12.5”不是 0–100 之间的整数/u)]]);
    expect(fp[0]!.rows.map((r) => [r.taskKey, r.percent, r.progress])).toEqual([['2023YD-01', undefined, '平台建成'], ['2023YD-02', 60, '认定8家']]);
    // Were a merge ever to carry such a value, nothing of the drop is written and the task is named.
    const bad = merges.map((m) => ({ ...m, fields: m.fields.map((f) => (f.field === 'percent' ? { ...f, incoming: [{ unit: '区科技局', role: 'lead' as const, value: '12.5' }], combined: '12.5', action: 'replace' as const } : f)) }));
    const r = await applyRoundReturn(db, round, fp, bad, '王芳');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/任务 2023YD-02 回收的内容不正确.*没有写入任何内容/u) });
    expect(await db.progress.get(progressId('汉阳区', '2023YD-02', '2026-Q1'))).toBeUndefined();
    expect(await db.roundApplies.count()).toBe(0);
  });

  it('keeps what the ledger held when the officer chooses keep, appends when append', async () => {
    const id = progressId('汉阳区', '2023YD-01', '2026-Q1');
    await db.progress.put({ id, district: '汉阳区', taskKey: '2023YD-01', periodId: '2026-Q1', progress: '科室已写', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '李', updatedAt: '2026-03-30T00:00:00.000Z' });
    const { fp, merges } = await plan([returned('区科技局', [['2023YD-01', '', '平台建成']], 'h1')]);
    expect(merges[0]!.fields[0]).toMatchObject({ field: 'progress', conflict: true, action: 'append' });
    await applyRoundReturn(db, round, fp, merges, '王芳');
    expect((await db.progress.get(id))?.progress).toBe('科室已写\n平台建成');
  });

  it('undoes over an indicator value typed since, keeping it; refuses over an edit of what it wrote, naming the task', async () => {
    const id = progressId('汉阳区', '2023YD-01', '2026-Q1');
    await db.progress.put({ id, district: '汉阳区', taskKey: '2023YD-01', periodId: '2026-Q1', status: 'on_track', percent: 40, progress: '科室已写', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '李', updatedAt: '2026-03-30T00:00:00.000Z' });
    const { fp, merges } = await plan([returned('区科技局', [['2023YD-01', '', '平台建成']], 'h1')]);
    const r = await applyRoundReturn(db, round, fp, merges, '王芳', '2026-04-02T01:00:00.000Z');
    if (!r.ok) throw new Error(r.message);
    await db.progress.update(id, { indicatorValues: { 't-1': 12 }, updatedAt: '2026-04-03T00:00:00.000Z' });
    expect(await undoRoundReturn(db, r.record.id)).toMatchObject({ ok: true });
    expect(await db.progress.get(id)).toMatchObject({ status: 'on_track', percent: 40, progress: '科室已写', indicatorValues: { 't-1': 12 } });

    const again = await plan([returned('区科技局', [['2023YD-01', '', '平台建成']], 'h2')]);
    const r2 = await applyRoundReturn(db, round, again.fp, again.merges, '王芳', '2026-04-04T01:00:00.000Z');
    if (!r2.ok) throw new Error(r2.message);
    await db.progress.update(id, { problems: '用地紧张', updatedAt: '2026-04-05T00:00:00.000Z' });
    expect(await undoRoundReturn(db, r2.record.id)).toMatchObject({ ok: false, message: expect.stringContaining('2023YD-01的进展之后又被修改过') });
  });

  it('refuses to undo over later edits, and writes nothing into a submitted (locked) period', async () => {
    const { fp, merges } = await plan([returned('区科技局', [['2023YD-01', '', '平台建成']], 'h1')]);
    const r = await applyRoundReturn(db, round, fp, merges, '王芳', '2026-04-02T01:00:00.000Z');
    if (!r.ok) throw new Error(r.message);
    const id = progressId('汉阳区', '2023YD-01', '2026-Q1');
    await db.progress.update(id, { progress: '改过', updatedAt: '2026-04-03T00:00:00.000Z' });
    expect(await undoRoundReturn(db, r.record.id)).toMatchObject({ ok: false, message: expect.stringMatching(/之后又被修改过/) });
    expect((await db.progress.get(id))?.progress).toBe('改过');

    await db.submissions.put({ id: 's', district: '汉阳区', periodId: '2026-Q1', report: 'tasks', fileName: 'x.xlsx', sha256: '', rows: [], at: '2026-04-05T00:00:00.000Z' });
    const before = await db.progress.toArray();
    const again = await plan([returned('区经信局', [['2023YD-02', '', '配合']], 'h3')]);
    const locked = await applyRoundReturn(db, round, again.fp, again.merges, '王芳');
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/已报送，已锁定/) });
    expect(await db.progress.toArray()).toEqual(before);
    expect(await db.roundApplies.count()).toBe(1);
  });
});

describe('values from 指标填报 (no second program needed)', () => {
  /** 区科技局's file with its 指标填报 sheet: [任务编号, 指标名称, 本期实际值, 指标编号]. */
  const withValues = (rows: [string, string, string, string][], hash: string) => {
    const f = returned('区科技局', [], hash);
    const grid = [['指标填报表'], [''], INDICATOR_COLUMNS.map((c) => c.header), ...rows.map(([k, n, v, id], i) => [String(i + 1), k, n, '', '', v, id])];
    return { ...f, sheets: [f.sheets[0]!, { name: INDICATOR_SHEET.name, rows: grid }, ...f.sheets.slice(1)] };
  };
  const planValues = async (file: ReturnType<typeof withValues>) => {
    const tasks = (await db.tasks.toArray()).map((t) => ({ key: t.key, number: t.number, title: t.title }));
    const targets = (await db.targets.toArray()).filter((t) => t.taskKey).map((t) => ({ ...t, taskKey: t.taskKey! }));
    const fp = planReturns([file], { round, periodName: '2026年第一季度', tasks, targets, earlier: [] });
    const ledger = new Map((await db.progress.where('[district+periodId]').equals(['汉阳区', '2026-Q1']).toArray()).map((p) => [p.taskKey, p]));
    return { fp, merges: planMerges(fp, round, ledger) };
  };

  it('a value written over the ledger’s comes back to it on undo; the entry’s texts and other values stay', async () => {
    // The seeded store's target t-1 belongs to 2023YD-01 (区科技局's). The office holds 10 and a text.
    const id = progressId('汉阳区', '2023YD-01', '2026-Q1');
    await db.progress.put({ id, district: '汉阳区', taskKey: '2023YD-01', periodId: '2026-Q1', progress: '本办已写', problems: '', nextSteps: '', indicatorValues: { 't-1': 10, 'other': 3 }, filledBy: '李', updatedAt: '2026-03-30T00:00:00.000Z' });
    const { fp, merges } = await planValues(withValues([['2023YD-01', '全国重点实验室', '15', 't-1']], 'v1'));
    expect(merges[0]!.indicators![0]).toMatchObject({ before: 10, combined: 15, action: 'replace', conflict: true });
    const applied = await applyRoundReturn(db, round, fp, merges, '张三', '2026-04-01T00:00:00.000Z');
    if (!applied.ok) throw new Error(applied.message);
    expect((await db.progress.get(id))!.indicatorValues).toEqual({ 't-1': 15, other: 3 });
    const undone = await undoRoundReturn(db, applied.record.id, '2026-04-02T00:00:00.000Z');
    expect(undone.ok).toBe(true);
    expect(await db.progress.get(id)).toMatchObject({ progress: '本办已写', indicatorValues: { 't-1': 10, other: 3 } });
  });
});
