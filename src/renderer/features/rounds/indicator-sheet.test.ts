/**
 * The indicator sheet // 指标填报 of a round (Z6): the real default data (the five seed documents
 * and their parsed targets, as the app holds them on first start) sent to 汉阳区's departments;
 * the workbooks read by openpyxl, filled there as a department would, one re-saved by
 * LibreOffice; read back by the app, merged, written into a real store and undone.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePeriod } from '@core/period';
import { progressId, type Target, type Task } from '@core/model';
import { isCountUnit } from '@core/numbers';
import { INDICATOR_COLUMNS, INDICATOR_SHEET, chooseIndicator, mergedIndicatorValues, planMerges, planReturns, roundBoard, type ReturnedFile } from '@core/rounds';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';
import { printToolsPresent } from '../../../../test/builders/print-check';
import type { LedgerDb } from '../../storage/db';
import { ensureSeeded } from '../../storage/seed';
import { applyRoundReturn, changeAssignments, undoRoundReturn } from '../../storage/rounds';
import { saveProgress } from '../../storage';
import { readWorkbook } from '../../spreadsheet/read-sheet';
import { loadCollectContext } from './collect-flow';
import { produceRound } from './send-flow';

let db: LedgerDb;
freshStoreEachTest('indicator-sheet', (d) => (db = d));

const PY = '/usr/bin/python3';
const tools = printToolsPresent();
const VALUE = INDICATOR_COLUMNS.findIndex((c) => c.key === 'value');
const ID = INDICATOR_COLUMNS.findIndex((c) => c.key === 'targetId');

/** Two seed tasks with targets (the first with two or more), sent: 区科技局 leads both, 区经信局 assists on the second. */
async function sendRound() {
  await ensureSeeded(db);
  const targets = await db.targets.toArray();
  const byTask = new Map<string, Target[]>();
  for (const t of targets) if (t.taskKey) byTask.set(t.taskKey, [...(byTask.get(t.taskKey) ?? []), t]);
  const tasks = await db.tasks.toArray();
  const first = tasks.find((t) => (byTask.get(t.key)?.length ?? 0) >= 2)!;
  const second = tasks.find((t) => t !== first && (byTask.get(t.key)?.length ?? 0) >= 1)!;
  await changeAssignments(db, '汉阳区', [first.key, second.key], { kind: 'setLead', unit: '区科技局' });
  await changeAssignments(db, '汉阳区', [second.key], { kind: 'addAssist', unit: '区经信局' });
  const period = makePeriod('quarter', 2026, 4);
  // Last quarter's value of one target: shown as 上期实际值.
  const prevTarget = byTask.get(first.key)![0]!;
  await db.progress.put({ id: progressId('汉阳区', first.key, '2026-Q3'), district: '汉阳区', taskKey: first.key, periodId: '2026-Q3', progress: '', problems: '', nextSteps: '', indicatorValues: { [prevTarget.id]: 7 }, filledBy: '', updatedAt: '2026-10-05T00:00:00.000Z' });
  const sent = await produceRound(db, { district: '汉阳区', period, dueDate: '2027-01-08', units: ['区科技局', '区经信局'], prefill: false, tasks: [first, second] as Task[], now: '2026-11-29T00:00:00.000Z' });
  return { ...sent, first, second, targetsOf: (k: string) => byTask.get(k)!, prevTarget };
}

/** Run a Python script with openpyxl on a file; its JSON output. */
function python(script: string, ...args: string[]): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'indicator-sheet-'));
  const file = join(dir, 'run.py');
  writeFileSync(file, script);
  return JSON.parse(execFileSync(PY, [file, ...args], { encoding: 'utf8' }));
}

const READ_SHEET = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['${INDICATOR_SHEET.name}']
rows = [[('' if c.value is None else str(c.value)) for c in r] for r in ws.iter_rows()]
locked = [[c.protection.locked for c in r] for r in ws.iter_rows(min_row=${INDICATOR_SHEET.firstRow})]
dv = [(str(v.sqref), v.type) for v in ws.data_validations.dataValidation]
print(json.dumps({'sheets': wb.sheetnames, 'states': [s.sheet_state for s in wb.worksheets], 'rows': rows, 'locked': locked, 'protected': ws.protection.sheet, 'validations': dv}, ensure_ascii=False))
`;

/** Fill the value cells by 指标编号 as a department does in Excel: {targetId: text}. */
const FILL = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['${INDICATOR_SHEET.name}']
values = json.loads(sys.argv[3])
for r in ws.iter_rows(min_row=${INDICATOR_SHEET.firstRow}):
    tid = r[${ID}].value
    if tid in values:
        v = values[tid]
        r[${VALUE}].value = v
wb.save(sys.argv[2])
print(json.dumps(True))
`;

function fill(data: Uint8Array, values: Record<string, string | number>): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'indicator-fill-'));
  const src = join(dir, 'sent.xlsx');
  const out = join(dir, 'filled.xlsx');
  writeFileSync(src, data);
  python(FILL, src, out, JSON.stringify(values));
  return new Uint8Array(readFileSync(out));
}

/** Open and re-save in LibreOffice (as an office that uses it would). */
function resaveInLibreOffice(data: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'indicator-lo-'));
  const src = join(dir, 'in', 'book.xlsx');
  execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
  writeFileSync(src, data);
  execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), src], { stdio: 'pipe', timeout: 180_000 });
  return new Uint8Array(readFileSync(join(dir, 'out', 'book.xlsx')));
}

async function returned(name: string, data: Uint8Array): Promise<ReturnedFile> {
  const r = await readWorkbook(data, name);
  if (!r.ok) throw new Error(r.message);
  return { fileName: name, hash: `${name}-${data.length}`, sheets: r.sheets };
}

describe.skipIf(!tools)('the indicator sheet of a round', () => {
  it('is sent with one row per target of the unit’s tasks, only 本期实际值 open and validated, 上期实际值 shown (read by openpyxl)', async () => {
    const { files, first, second, targetsOf, prevTarget } = await sendRound();
    const dir = mkdtempSync(join(tmpdir(), 'indicator-sent-'));
    const path = join(dir, 'keji.xlsx');
    writeFileSync(path, files.find((f) => f.unit === '区科技局')!.data);
    const got = python(READ_SHEET, path) as { sheets: string[]; states: string[]; rows: string[][]; locked: boolean[][]; protected: boolean; validations: [string, string][] };
    expect(got.sheets).toEqual(['任务填报', INDICATOR_SHEET.name, '_binding']);
    expect(got.states).toEqual(['visible', 'visible', 'veryHidden']);
    expect(got.rows[0]![0]).toBe('汉阳区2026年第四季度任务指标填报表（区科技局）');
    expect(got.rows[INDICATOR_SHEET.headerRow - 1]).toEqual(INDICATOR_COLUMNS.map((c) => c.header));
    const body = got.rows.slice(INDICATOR_SHEET.firstRow - 1);
    const expected = [...targetsOf(first.key), ...targetsOf(second.key)];
    expect(files.map((f) => [f.unit, f.values])).toEqual([
      ['区科技局', expected.length],
      ['区经信局', targetsOf(second.key).length],
    ]);
    expect(body.map((r) => r[ID])).toEqual(expected.map((t) => t.id));
    expect(body.map((r) => r[1])).toEqual(expected.map((t) => t.taskKey));
    expect(body.map((r) => r[2])).toEqual(expected.map((t) => t.name));
    // The goal states the figure with its unit; 上期实际值 is last quarter's value where there is one.
    body.forEach((r, i) => expect(r[3]).toContain(`${expected[i]!.value}${expected[i]!.unit}`));
    expect(body.find((r) => r[ID] === prevTarget.id)![4]).toBe('7');
    expect(body.every((r) => r[VALUE] === '')).toBe(true);
    expect(got.protected).toBe(true);
    expect(got.locked.every((r) => r.every((locked, c) => locked === (c !== VALUE)))).toBe(true);
    expect(got.validations).toEqual([[`F${INDICATOR_SHEET.firstRow}:F${INDICATOR_SHEET.firstRow + expected.length - 1}`, 'decimal']]);
    // 区经信局 gets only the second task's targets.
    writeFileSync(path, files.find((f) => f.unit === '区经信局')!.data);
    const other = python(READ_SHEET, path) as { rows: string[][] };
    expect(other.rows.slice(INDICATOR_SHEET.firstRow - 1).map((r) => r[ID])).toEqual(targetsOf(second.key).map((t) => t.id));
  });

  it('filled outside the app and re-saved by LibreOffice: the values read, merged (the lead’s where units differ), written, and undone', async () => {
    const { round, files, first, second, targetsOf } = await sendRound();
    const [a, b] = targetsOf(first.key);
    const c = targetsOf(second.key)[0]!;
    // 区科技局 types a figure with separators, words that are no figure, and the figure with its unit.
    const keji = resaveInLibreOffice(fill(files.find((f) => f.unit === '区科技局')!.data, { [a!.id]: '1,520', [b!.id]: '约三十', [c.id]: `12${c.unit}` }));
    const jingxin = fill(files.find((f) => f.unit === '区经信局')!.data, { [c.id]: 15 });
    const drop = [await returned('区科技局报回.xlsx', keji), await returned('区经信局报回.xlsx', jingxin)];
    const { ctx, ledger, history } = await loadCollectContext(db, round);
    const plans = planReturns(drop, ctx);
    expect(plans.map((p) => [p.unit, p.matchedBy, p.refused])).toEqual([
      ['区科技局', 'binding', false],
      ['区经信局', 'binding', false],
    ]);
    expect(plans[0]!.indicators!.map((v) => [v.targetId, v.value])).toEqual([
      [a!.id, 1520],
      [c.id, 12],
    ]);
    // The words are named by file, sheet, row and column, and left out.
    const bad = plans[0]!.issues.filter((i) => i.severity === 'error');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ fileName: '区科技局报回.xlsx', sheet: INDICATOR_SHEET.name, row: INDICATOR_SHEET.firstRow + 1, column: 'F列（本期实际值）' });
    expect(bad[0]!.message).toContain('约三十');
    let merges = planMerges(plans, round, ledger, history);
    const m1 = merges.find((m) => m.taskKey === first.key)!;
    expect(m1.indicators!.map((x) => [x.targetId, x.combined, x.action])).toEqual([[a!.id, 1520, 'replace']]);
    // The second task: only values came back; the units differ, the lead's value is taken.
    const m2 = merges.find((m) => m.taskKey === second.key)!;
    expect(m2.fields).toEqual([]);
    expect(m2.indicators![0]).toMatchObject({ targetId: c.id, disagree: true, combined: 12, from: '区科技局', action: 'replace' });
    // The officer takes 区经信局's.
    merges = merges.map((m) => (m === m2 ? chooseIndicator(m, c.id, { unit: '区经信局' }) : m));
    const applied = await applyRoundReturn(db, round, plans, merges, '张三', '2026-12-20T00:00:00.000Z');
    if (!applied.ok) throw new Error(applied.message);
    const entry = (k: string) => db.progress.get(progressId('汉阳区', k, '2026-Q4'));
    expect((await entry(first.key))!.indicatorValues).toEqual({ [a!.id]: 1520 });
    expect((await entry(second.key))!.indicatorValues).toEqual({ [c.id]: 15 });
    // 区经信局 answered its one task with a value only: on the board it has returned it.
    const board = roundBoard(round, applied.record.returns, '2026-12-20');
    expect(board.find((u) => u.unit === '区经信局')).toMatchObject({ sent: 1, returned: 1, notReturned: 0 });
    // A value typed by the office afterwards for another target stays through the undo.
    const e1 = (await entry(first.key))!;
    await saveProgress(db, { ...e1, indicatorValues: { ...e1.indicatorValues, [b!.id]: 30 } });
    const undone = await undoRoundReturn(db, applied.record.id, '2026-12-21T00:00:00.000Z');
    expect(undone.ok).toBe(true);
    // The entry the 回收 created stays for that value, as an empty entry (no status, texts '').
    expect(await entry(first.key)).toMatchObject({ progress: '', problems: '', nextSteps: '', indicatorValues: { [b!.id]: 30 } });
    expect((await entry(first.key))!.status).toBeUndefined();
    expect(await entry(second.key)).toBeUndefined();
  }, 240_000);

  it('an undo is refused once the office changed a value the 回收 wrote', async () => {
    const { round, files, first, targetsOf } = await sendRound();
    const a = targetsOf(first.key)[0]!;
    const drop = [await returned('区科技局报回.xlsx', fill(files.find((f) => f.unit === '区科技局')!.data, { [a.id]: 40 }))];
    const { ctx, ledger, history } = await loadCollectContext(db, round);
    const plans = planReturns(drop, ctx);
    const applied = await applyRoundReturn(db, round, plans, planMerges(plans, round, ledger, history), '张三');
    if (!applied.ok) throw new Error(applied.message);
    const id = progressId('汉阳区', first.key, '2026-Q4');
    const e = (await db.progress.get(id))!;
    expect(e.indicatorValues[a.id]).toBe(40);
    await saveProgress(db, { ...e, indicatorValues: { [a.id]: 41 } });
    const undone = await undoRoundReturn(db, applied.record.id);
    expect(undone.ok).toBe(false);
    expect((await db.progress.get(id))!.indicatorValues[a.id]).toBe(41);
  });

  it('a unit sending again: its new value replaces its old one, but not a value the office changed since (kept, 本办改过)', async () => {
    const { round, files, first, targetsOf } = await sendRound();
    const [a, b] = targetsOf(first.key);
    const sent = files.find((f) => f.unit === '区科技局')!.data;
    const drop = async (name: string, values: Record<string, number>) => {
      const { ctx, ledger, history } = await loadCollectContext(db, round);
      const plans = planReturns([await returned(name, fill(sent, values))], ctx);
      return { plans, merges: planMerges(plans, round, ledger, history) };
    };
    const one = await drop('第一次.xlsx', { [a!.id]: 40, [b!.id]: 5 });
    const applied = await applyRoundReturn(db, round, one.plans, one.merges, '张三');
    if (!applied.ok) throw new Error(applied.message);
    // The office corrects one value by hand.
    const id = progressId('汉阳区', first.key, '2026-Q4');
    const e = (await db.progress.get(id))!;
    await saveProgress(db, { ...e, indicatorValues: { ...e.indicatorValues, [a!.id]: 41 } });
    const two = await drop('第二次.xlsx', { [a!.id]: 45, [b!.id]: 6 });
    const m = two.merges.find((x) => x.taskKey === first.key)!;
    expect(m.indicators!.find((x) => x.targetId === a!.id)).toMatchObject({ before: 41, combined: 41, action: 'keep', officeEdited: true, conflict: true });
    expect(m.indicators!.find((x) => x.targetId === b!.id)).toMatchObject({ before: 5, combined: 6, action: 'replace' });
    expect(m.indicators!.find((x) => x.targetId === b!.id)!.officeEdited).toBeUndefined();
    expect(mergedIndicatorValues(m)).toEqual({ [b!.id]: 6 });
    expect(mergedIndicatorValues(chooseIndicator(m, a!.id, { unit: '区科技局' }))).toEqual({ [a!.id]: 45, [b!.id]: 6 });
  });

  it('a row whose 指标编号 names no target of the unit is refused with what it said; a count cannot be negative', async () => {
    const { round, files, first, second, targetsOf } = await sendRound();
    const a = targetsOf(first.key)[0]!;
    const c = targetsOf(second.key)[0]!;
    const filled = fill(files.find((f) => f.unit === '区经信局')!.data, { [c.id]: -3 });
    const file = await returned('区经信局报回.xlsx', filled);
    // The department overwrote the grey 指标编号 with another task's target (not sent to it).
    const sheet = file.sheets.find((s) => s.name === INDICATOR_SHEET.name)!;
    sheet.rows[INDICATOR_SHEET.firstRow - 1]![ID] = a.id;
    const { ctx } = await loadCollectContext(db, round);
    const [plan] = planReturns([file], ctx);
    expect(plan!.indicators).toEqual([]);
    expect(plan!.refusedRows).toEqual([expect.objectContaining({ row: INDICATOR_SHEET.firstRow, texts: ['本期实际值：-3'] })]);
    expect(plan!.issues.find((i) => i.severity === 'error')).toMatchObject({ sheet: INDICATOR_SHEET.name, row: INDICATOR_SHEET.firstRow });
    // With its own id back, a negative count is named at its cell and left out.
    sheet.rows[INDICATOR_SHEET.firstRow - 1]![ID] = c.id;
    expect(isCountUnit(c.unit)).toBe(true);
    const [again] = planReturns([{ ...file, hash: 'other' }], ctx);
    expect(again!.indicators).toEqual([]);
    expect(again!.refusedRows).toEqual([]);
    const negative = again!.issues.find((i) => i.severity === 'error')!;
    expect(negative).toMatchObject({ sheet: INDICATOR_SHEET.name, row: INDICATOR_SHEET.firstRow, column: 'F列（本期实际值）' });
    expect(negative.message).toContain('不能是负数');
    expect(negative.message).toContain('这一格没有导入');
  });
});
