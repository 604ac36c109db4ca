/**
 * 回收 on the walk6 probe's returned forms (test/fixtures/rounds/walk6, made by make_returns.py
 * there from the forms the app sent): 硚口区, 2026年第四季度. 区发改局 re-saved by LibreOffice, 区经信局
 * typed into a sheet of its own, 区科技局 with typos in 完成进度 and 本期状态, 区教育局 late. Read by the
 * app's reader, planned and written into a real store (fake-indexeddb, production factory).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressId } from '@core/model';
import { BINDING_SHEET, ROUND_SHEET, planMerges, planReturns, readBinding, type ReturnedFile, type Round } from '@core/rounds';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';
import { readWorkbook } from '../../spreadsheet/read-sheet';
import type { LedgerDb } from '../../storage/db';
import { emptyProgress } from '../../storage/repositories';
import { applyRoundReturn } from '../../storage/rounds';
import { loadCollectContext } from './collect-flow';

const DIR = resolve(__dirname, '../../../../test/fixtures/rounds/walk6');
const P = '硚口区2026年第四季度任务填报表_';
const NAMES = { fagai: '区发改局报回.xlsx', jiaoyu: `${P}区教育局.xlsx`, keji: `${P}区科技局（已填）.xlsx`, jingxin: `${P}区经信局.xlsx` };

async function file(name: string): Promise<ReturnedFile> {
  const r = await readWorkbook(new Uint8Array(readFileSync(resolve(DIR, name))), name);
  if (!r.ok) throw new Error(r.message);
  return { fileName: name, hash: name, sheets: r.sheets };
}
const files = await Promise.all(Object.values(NAMES).map(file));

/** The round as sent: each unit's binding, its 牵头 rows from the form's 承办方式 column. */
const units = files.map((f) => {
  const read = readBinding(f.sheets.find((s) => s.name === BINDING_SHEET)?.rows);
  if (!read.ok) throw new Error(`no binding in ${f.fileName}`);
  const form = f.sheets.find((s) => s.name === ROUND_SHEET.name)!;
  const leadKeys = form.rows.filter((r) => r[4] === '牵头').map((r) => r[1]!);
  return { binding: read.binding, leadKeys, titles: form.rows.slice(ROUND_SHEET.headerRow).map((r) => ({ key: r[1]!, title: r[2]! })) };
});
const b0 = units[0]!.binding;
const round: Round = {
  id: b0.roundId,
  district: b0.district,
  periodId: b0.periodId,
  dueDate: '2027-01-08',
  createdAt: '2026-11-27T00:00:00.000Z',
  prefilled: false,
  units: units.map((u) => ({ unit: u.binding.unit, taskKeys: u.binding.taskKeys, leadKeys: u.leadKeys, fileName: '', checksum: u.binding.checksum })),
};

let db: LedgerDb;
freshStoreEachTest('collect-walk6', (d) => (db = d));

/** Plan the drop the way the 回收 tab does, against the store. */
async function plan(drop: ReturnedFile[]) {
  const { ctx, ledger, history } = await loadCollectContext(db, round);
  const tasks = new Map(units.flatMap((u) => u.titles).map((t) => [t.key, { key: t.key, number: '', title: t.title }]));
  const fp = planReturns(drop, { ...ctx, tasks: [...tasks.values()] });
  return { fp, merges: planMerges(fp, round, ledger, history) };
}
const entry = (key: string) => db.progress.get(progressId('硚口区', key, '2026-Q4'));

describe('walk6 W2: two units give the same status and different percents (empty ledger)', () => {
  it('the agreeing status is no conflict and is written; the percent disagreement defaults to a unit’s answer, said in the plan', async () => {
    const { fp, merges } = await plan([await file(NAMES.fagai), await file(NAMES.jiaoyu)]);
    const m = merges.find((x) => x.taskKey === '2023GZYD-04')!;
    const status = m.fields.find((f) => f.field === 'status')!;
    const percent = m.fields.find((f) => f.field === 'percent')!;
    expect([status.conflict, status.disagree, status.action, status.combined]).toEqual([false, undefined, 'replace', '序时推进']);
    expect([percent.conflict, percent.disagree, percent.action, percent.combined, percent.from]).toEqual([true, true, 'replace', '50', '区发改局']);
    expect((await applyRoundReturn(db, round, fp, merges, '王芳', '2026-11-27T08:00:00.000Z')).ok).toBe(true);
    const e = await entry('2023GZYD-04');
    expect([e?.status, e?.percent]).toEqual(['on_track', 50]);
  });
});

describe('walk6 W3: 已完成 with a blank 完成进度 over a ledger at 未启动 0%', () => {
  it('takes 已完成 with 100%, and says the percent follows the status', async () => {
    await db.progress.put({ ...emptyProgress('硚口区', '2025YFZX-08', '2026-Q4'), status: 'not_started', percent: 0, updatedAt: '2026-11-20T00:00:00.000Z' });
    const { fp, merges } = await plan([await file(NAMES.keji)]);
    const m = merges.find((x) => x.taskKey === '2025YFZX-08')!;
    const percent = m.fields.find((f) => f.field === 'percent')!;
    expect([percent.before, percent.combined, percent.action, percent.implied]).toEqual(['0', '100', 'replace', true]);
    expect((await applyRoundReturn(db, round, fp, merges, '王芳', '2026-11-27T08:00:00.000Z')).ok).toBe(true);
    const e = await entry('2025YFZX-08');
    expect([e?.status, e?.percent]).toEqual(['done', 100]);
  });

  it('a unit’s 已完成 with its own 80 is taken as written but marked as contradicting; 序时推进 over a ledger at 100 % too', async () => {
    await db.progress.put({ ...emptyProgress('硚口区', '2025YFZX-08', '2026-Q4'), status: 'done', percent: 100, updatedAt: '2026-11-20T00:00:00.000Z' });
    const { fp, merges } = await plan([await file(NAMES.keji)]);
    // 2025YFZX-08 says 已完成 again, the other rows fit their percents: nothing to say.
    expect(merges.filter((m) => m.fields.some((f) => f.clash)).map((m) => m.taskKey)).toEqual([]);
    const { ledger } = await loadCollectContext(db, round);
    const row = fp[0]!.rows.find((r) => r.taskKey === '2025YFZX-08')!;
    const on = planMerges([{ ...fp[0]!, rows: [{ ...row, status: 'on_track' }] }], round, ledger).find((m) => m.taskKey === '2025YFZX-08')!;
    expect(on.fields.find((f) => f.field === 'status')).toMatchObject({ combined: '序时推进', conflict: true, clash: { status: '序时推进', percent: '100' } });
    const eighty = planMerges([{ ...fp[0]!, rows: [{ ...row, percent: 80 }] }], round, ledger).find((m) => m.taskKey === '2025YFZX-08')!;
    expect(eighty.fields.find((f) => f.field === 'percent')).toMatchObject({ combined: '80', action: 'replace', clash: { status: '已完成', percent: '80' } });
  });
});

describe('walk6 W4: 区经信局 typed its rows into a sheet of its own', () => {
  it('reads the sheet with the form’s header, and says which sheet and why', async () => {
    const [p] = (await plan([await file(NAMES.jingxin)])).fp;
    expect(p!.rows.filter((r) => !r.empty).map((r) => r.percent)).toEqual([50, 55, 60, 65, 70, 75]);
    expect(p!.issues).toContainEqual(expect.objectContaining({ severity: 'warning', sheet: '经信局填报', message: expect.stringMatching(/“任务填报”.*没有填写.*“经信局填报”.*6 项/u) }));
  });

  it('the same sheet without the form’s header: nothing read from it, but its task codes are named with what to do', async () => {
    const [p] = (await plan([await file('区经信局报回（自建表无表头）.xlsx')])).fp;
    expect(p!.rows.filter((r) => !r.empty)).toEqual([]);
    expect(p!.issues).toContainEqual(expect.objectContaining({ severity: 'warning', sheet: '经信局填报', message: expect.stringMatching(/“任务填报”没有填写，但工作表“经信局填报”中写有 6 项下发的任务编号.*没有读取。请让该单位把内容填到“任务填报”中/u) }));
  });
});

describe('rounds7: 区经信局 filled the form and a sheet of its own', () => {
  it('reads the form’s sheet, and names the other sheet with its rows and what to do', async () => {
    const [p] = (await plan([await file('区经信局报回（两张表都填了）.xlsx')])).fp;
    const filled = p!.rows.filter((r) => !r.empty);
    expect(filled.map((r) => [r.taskKey, r.status, r.percent])).toEqual([
      ['2023GZYD-05', 'on_track', 40],
      ['2023GZYD-06', 'behind', 20],
    ]);
    expect(p!.issues).toContainEqual(
      expect.objectContaining({ severity: 'warning', sheet: '经信局填报', message: expect.stringMatching(/工作表“经信局填报”也填写了 6 项.*没有读取：已按下发的“任务填报”读取/u) }),
    );
  });

  it('says nothing of a hidden sheet, of a plain copy of the filled form, nor when the form is blank and the own sheet is read', async () => {
    for (const name of ['区经信局报回（自建表已隐藏）.xlsx', '区经信局报回（表格另存一份）.xlsx', NAMES.jingxin]) {
      const [p] = (await plan([await file(name)])).fp;
      expect(p!.rows.some((r) => !r.empty), name).toBe(true);
      expect(p!.issues.filter((i) => /也填写了/u.test(i.message)), name).toEqual([]);
    }
  });
});

describe('walk6 W9: a bad 完成进度 or 本期状态 cell leaves out only that cell', () => {
  it('约30, 正常推进 and 65.5 are named by cell; the rows’ texts are merged', async () => {
    const { fp, merges } = await plan([await file(NAMES.keji)]);
    const p = fp[0]!;
    expect(p.refusedRows).toEqual([]);
    const bad = p.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column?.slice(0, 1)]);
    expect(bad).toEqual([
      [4, 'G'],
      [10, 'F'],
      [15, 'G'],
    ]);
    const rowAt = (n: number) => p.rows.find((r) => r.row === n)!;
    expect([rowAt(4).status, rowAt(4).percent, rowAt(4).progress, rowAt(4).problems]).toEqual(['on_track', undefined, '区科技局：对接高校院所12家。\n签约合作项目3个。', '经费紧张']);
    expect([rowAt(10).status, rowAt(10).percent, rowAt(10).progress]).toEqual([undefined, 70, '区科技局：正常推进（非标准状态）。']);
    expect([rowAt(15).status, rowAt(15).percent, rowAt(15).progress]).toEqual(['on_track', undefined, '区科技局：小数进度。']);
    const m = merges.find((x) => x.taskKey === rowAt(4).taskKey)!;
    expect(m.fields.find((f) => f.field === 'problems')?.combined).toBe('经费紧张');
  });
});
