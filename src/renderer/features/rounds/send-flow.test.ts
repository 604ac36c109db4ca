/**
 * 下发 as a flow on the real store: the assignments decide which unit gets which tasks, last
 * period's words are prefilled only when asked, the round is recorded with its bindings.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePeriod } from '@core/period';
import { progressId } from '@core/model';
import { readBinding } from '@core/rounds';
import { seedStore, seedTasks } from '../../../../test/builders/seeded-store';
import { createLedgerDb, type LedgerDb } from '../../storage/db';
import { changeAssignments, listAssignments, listRounds } from '../../storage/rounds';
import { readWorkbook } from '../../spreadsheet/read-sheet';
import { produceRound } from './send-flow';

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  db = createLedgerDb(`send-flow-${++n}-${Date.now()}`);
  await db.open();
  await seedStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('produceRound', () => {
  it('one workbook per unit with only its tasks; prefill from last period on request; the round recorded', async () => {
    const tasks = seedTasks().slice(0, 4);
    await changeAssignments(db, '汉阳区', [tasks[0]!.key, tasks[1]!.key], { kind: 'setLead', unit: '区科技局' });
    await changeAssignments(db, '汉阳区', [tasks[1]!.key], { kind: 'addAssist', unit: '区经信局' });
    await changeAssignments(db, '汉阳区', [tasks[2]!.key], { kind: 'setLead', unit: '区经信局' });
    const period = makePeriod('quarter', 2026, 1);
    await db.progress.put({ id: progressId('汉阳区', tasks[0]!.key, '2025-Q4'), district: '汉阳区', taskKey: tasks[0]!.key, periodId: '2025-Q4', status: 'on_track', percent: 40, progress: '上期：已建成1家', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '', updatedAt: '2026-01-05T00:00:00.000Z' });

    for (const prefill of [false, true]) {
      const { round, files } = await produceRound(db, { district: '汉阳区', period, dueDate: '2026-04-08', units: ['区科技局', '区经信局', '区教育局'], prefill, tasks, now: `2026-03-2${prefill ? 6 : 5}T00:00:00.000Z` });
      expect(files.map((f) => f.unit)).toEqual(['区科技局', '区经信局']); // 区教育局 has no task: no file
      expect(round.units.map((u) => [u.unit, u.taskKeys, u.leadKeys])).toEqual([
        ['区科技局', [tasks[0]!.key, tasks[1]!.key], [tasks[0]!.key, tasks[1]!.key]],
        ['区经信局', [tasks[1]!.key, tasks[2]!.key], [tasks[2]!.key]],
      ]);
      const r = await readWorkbook(files[0]!.data, files[0]!.name);
      if (!r.ok) throw new Error(r.message);
      const rows = r.sheets[0]!.rows;
      expect(rows.slice(3).map((x) => x[1])).toEqual([tasks[0]!.key, tasks[1]!.key]);
      expect(rows[3]![7]).toBe(prefill ? '上期：已建成1家' : '');
      expect(rows[3]![5]).toBe(prefill ? '序时推进' : '');
      const b = readBinding(r.sheets.find((s) => s.name === '_binding')!.rows);
      expect(b.ok && b.binding.roundId).toBe(round.id);
    }
    expect((await listRounds(db, '汉阳区')).map((r) => r.prefilled)).toEqual([true, false]);
  });

  it('an office that changed its level to 市级 sends to the districts only, never to the departments it assigned before (walk9 Z1)', async () => {
    const tasks = seedTasks().slice(0, 3);
    // As 东西湖区: two tasks to 区科技局, one with 区经信局 as 协办.
    await changeAssignments(db, '东西湖区', [tasks[0]!.key, tasks[1]!.key], { kind: 'setLead', unit: '区科技局' });
    await changeAssignments(db, '东西湖区', [tasks[1]!.key], { kind: 'addAssist', unit: '区经信局' });
    // Then, as the city, task 2 to 江岸区 as well.
    await changeAssignments(db, '东西湖区', [tasks[1]!.key], { kind: 'addAssist', unit: '江岸区' });
    const period = makePeriod('quarter', 2026, 4);
    const city = await produceRound(db, { district: '东西湖区', period, dueDate: '2027-01-08', units: ['江岸区', '区科技局', '区经信局'], prefill: false, tasks, city: true, now: '2026-11-28T00:00:00.000Z' });
    expect(city.files.map((f) => f.unit)).toEqual(['江岸区']);
    expect(city.round.units.map((u) => [u.unit, u.taskKeys])).toEqual([['江岸区', [tasks[1]!.key]]]);
    // Back at the district level, its own departments again, and no district.
    const own = await produceRound(db, { district: '东西湖区', period, dueDate: '2027-01-08', units: ['江岸区', '区科技局', '区经信局'], prefill: false, tasks, now: '2026-11-28T01:00:00.000Z' });
    expect(own.round.units.map((u) => [u.unit, u.taskKeys])).toEqual([
      ['区科技局', [tasks[0]!.key, tasks[1]!.key]],
      ['区经信局', [tasks[1]!.key]],
    ]);
    // What was assigned at either level is kept.
    expect((await listAssignments(db, '东西湖区')).find((a) => a.taskKey === tasks[1]!.key)).toMatchObject({ lead: '区科技局', assist: ['区经信局', '江岸区'] });
    expect(await listAssignments(db, '东西湖区', 'city')).toEqual([expect.objectContaining({ taskKey: tasks[1]!.key, assist: ['江岸区'] })]);
  });
});
