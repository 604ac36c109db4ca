import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { progressId } from '@core/model';
import { chooseAnswer, planMerges, planReturns } from '@core/rounds';
import { HANYANG_ROUND, returnedFile } from '../../../../test/builders/rounds';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';
import { seedStore } from '../../../../test/builders/seeded-store';
import type { LedgerDb } from '../../storage/db';
import { applyRoundReturn } from '../../storage/rounds';
import { loadCollectContext } from './collect-flow';

let db: LedgerDb;
freshStoreEachTest('collect-flow', (d) => (db = d));
beforeEach(() => seedStore(db));

const round = HANYANG_ROUND;

/** A unit's returned file: rows of [task key, 本期状态, 完成进度, 进展情况]. */
function returned(rows: [string, string, string, string][], hash: string, unit = '区科技局') {
  return returnedFile(round, unit, rows.map(([key, status, percent, progress]) => ({ key, status, percent, progress })), hash);
}

/** Plan a drop the way the 回收 tab does: the context, the files, the merges. */
async function plan(files: ReturnType<typeof returned>[]) {
  const { ctx, ledger, history } = await loadCollectContext(db, round);
  const fp = planReturns(files, ctx);
  return { fp, merges: planMerges(fp, round, ledger, history) };
}

describe('a unit sends its file again after the office changed what the first one wrote', () => {
  it('keeps the office’s own status and percent by default, and says so; replaces what the office did not touch', async () => {
    const first = await plan([returned([['2023YD-01', '序时推进', '60', '平台建成2家'], ['2023YD-02', '序时推进', '50', '认定8家']], 'h1')]);
    expect((await applyRoundReturn(db, round, first.fp, first.merges, '王芳', '2026-04-02T01:00:00.000Z')).ok).toBe(true);
    // The office judges 2023YD-01 behind and corrects its percent; 2023YD-02 it leaves alone.
    await db.progress.update(progressId('汉阳区', '2023YD-01', '2026-Q1'), { status: 'behind', percent: 40 });

    const again = await plan([returned([['2023YD-01', '超序时推进', '80', '平台建成3家'], ['2023YD-02', '已完成', '100', '认定10家']], 'h2')]);
    const byTask = new Map(again.merges.map((m) => [m.taskKey, new Map(m.fields.map((f) => [f.field, f]))]));
    const t1 = byTask.get('2023YD-01')!;
    expect([t1.get('status')!.action, t1.get('status')!.officeEdited, t1.get('percent')!.action, t1.get('percent')!.officeEdited]).toEqual(['keep', true, 'keep', true]);
    const t2 = byTask.get('2023YD-02')!;
    expect([t2.get('status')!.action, t2.get('status')!.officeEdited, t2.get('percent')!.action]).toEqual(['replace', undefined, 'replace']);
    // Written with the defaults: the office's judgement stands, the unit's new text is added.
    expect((await applyRoundReturn(db, round, again.fp, again.merges, '王芳', '2026-04-04T01:00:00.000Z')).ok).toBe(true);
    const p1 = await db.progress.get(progressId('汉阳区', '2023YD-01', '2026-Q1'));
    expect([p1!.status, p1!.percent]).toEqual(['behind', 40]);
    expect(p1!.progress).toContain('平台建成3家');
    expect((await db.progress.get(progressId('汉阳区', '2023YD-02', '2026-Q1')))!.status).toBe('done');
  });
});

describe('a unit sends its file again with revised texts', () => {
  it('its earlier paragraphs are replaced where they stood; the other unit’s and the office’s stay', async () => {
    const first = await plan([returned([['2023YD-01', '序时推进', '60', '平台建成2家'], ['2023YD-02', '序时推进', '50', '认定8家']], 'h1'), returned([['2023YD-02', '', '', '配合认定3家']], 'h2', '区经信局')]);
    expect((await applyRoundReturn(db, round, first.fp, first.merges, '王芳', '2026-04-02T01:00:00.000Z')).ok).toBe(true);
    const id1 = progressId('汉阳区', '2023YD-01', '2026-Q1');
    // The office adds a paragraph of its own under 2023YD-01.
    await db.progress.update(id1, { progress: '平台建成2家\n区里另行配套资金500万元' });
    expect((await db.progress.get(progressId('汉阳区', '2023YD-02', '2026-Q1')))!.progress).toBe('认定8家\n配合认定3家');

    const again = await plan([returned([['2023YD-01', '序时推进', '60', '平台建成3家'], ['2023YD-02', '序时推进', '50', '认定10家']], 'h3')]);
    const progressOf = (k: string) => again.merges.find((m) => m.taskKey === k)!.fields.find((f) => f.field === 'progress')!;
    expect(progressOf('2023YD-01')).toMatchObject({ action: 'replace', revises: ['区科技局'], combined: '平台建成3家\n区里另行配套资金500万元' });
    expect(progressOf('2023YD-02')).toMatchObject({ action: 'replace', revises: ['区科技局'], combined: '认定10家\n配合认定3家' });
    expect((await applyRoundReturn(db, round, again.fp, again.merges, '王芳', '2026-04-04T01:00:00.000Z')).ok).toBe(true);
    expect((await db.progress.get(id1))!.progress).toBe('平台建成3家\n区里另行配套资金500万元');
    expect((await db.progress.get(progressId('汉阳区', '2023YD-02', '2026-Q1')))!.progress).toBe('认定10家\n配合认定3家');
  });

  it('a paragraph of it the office rewrote is not touched: the new text is added as before', async () => {
    const first = await plan([returned([['2023YD-01', '序时推进', '60', '平台建成2家']], 'h1')]);
    await applyRoundReturn(db, round, first.fp, first.merges, '王芳', '2026-04-02T01:00:00.000Z');
    await db.progress.update(progressId('汉阳区', '2023YD-01', '2026-Q1'), { progress: '平台已建成2家，均通过验收' });
    const again = await plan([returned([['2023YD-01', '序时推进', '60', '平台建成3家']], 'h2')]);
    const f = again.merges[0]!.fields.find((x) => x.field === 'progress')!;
    expect(f).toMatchObject({ action: 'append', combined: '平台建成3家' });
    expect(f.revises).toBeUndefined();
  });
});

describe('a unit of a later drop disagrees with the answer an earlier drop wrote', () => {
  it('is marked 单位间不一致 beside the earlier unit’s answer (recorded with the 回收); the officer’s choice is written', async () => {
    const first = await plan([returned([['2023YD-02', '序时推进', '50', '认定8家']], 'h1')]);
    expect((await applyRoundReturn(db, round, first.fp, first.merges, '王芳', '2026-04-02T01:00:00.000Z')).ok).toBe(true);
    const second = await plan([returned([['2023YD-02', '滞后', '30', '配合认定3家']], 'h2', '区经信局')]);
    const m = second.merges.find((x) => x.taskKey === '2023YD-02')!;
    const status = m.fields.find((f) => f.field === 'status')!;
    expect([status.disagree, status.action, status.from]).toEqual([true, 'replace', '区科技局']);
    expect(status.incoming.map((x) => [x.unit, x.value, x.earlier ?? false])).toEqual([
      ['区科技局', '序时推进', true],
      ['区经信局', '滞后', false],
    ]);
    const chosen = { ...m, ...chooseAnswer(m, 'status', { unit: '区经信局' }) };
    const merges = second.merges.map((x) => (x.taskKey === m.taskKey ? chosen : x));
    expect((await applyRoundReturn(db, round, second.fp, merges, '王芳', '2026-04-04T01:00:00.000Z')).ok).toBe(true);
    const p = await db.progress.get(progressId('汉阳区', '2023YD-02', '2026-Q1'));
    expect([p!.status, p!.percent, p!.progress]).toEqual(['behind', 30, '认定8家\n配合认定3家']);
  });
});
