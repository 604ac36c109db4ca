/**
 * Migration test of schema step 4 (collection rounds): a store filled at step 2 upgrades to
 * step 4 with every record intact, gains the three empty round tables, and takes rows in
 * them; a store filled at step 4 reopens with them.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createRawLedgerDb } from './db';
import { SCHEMA_HISTORY } from './schema';
import { seedStore } from '../../../test/builders/seeded-store';

const opened: string[] = [];
let n = 0;
afterEach(async () => {
  for (const name of opened.splice(0)) await Dexie.delete(name);
});

describe('schema step 4: assignments, rounds, roundApplies', () => {
  it('is published with its three stores and no upgrade function (new empty tables only)', () => {
    const step = SCHEMA_HISTORY.find((s) => s.version === 4)!;
    expect(step.stores).toEqual({ assignments: 'id, district', rounds: 'id, district, periodId', roundApplies: 'id, roundId, at' });
    expect(step.upgrade).toBeUndefined();
  });

  it('a store filled at step 2 opens at step 4 with its data and the new tables empty and usable', async () => {
    const name = `schema-rounds-${++n}`;
    opened.push(name);
    const old = createRawLedgerDb(name, SCHEMA_HISTORY.filter((s) => s.version <= 2));
    await old.open();
    await seedStore(old);
    const tasksBefore = await old.tasks.toArray();
    const progressBefore = await old.progress.toArray();
    expect(old.tables.map((t) => t.name)).not.toContain('rounds');
    old.close();

    const db = createRawLedgerDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.tasks.toArray()).toEqual(tasksBefore);
    expect(await db.progress.toArray()).toEqual(progressBefore);
    expect(await db.assignments.count()).toBe(0);
    expect(await db.rounds.count()).toBe(0);
    expect(await db.roundApplies.count()).toBe(0);
    await db.assignments.put({ id: '汉阳区|2023YD-01', district: '汉阳区', taskKey: '2023YD-01', lead: '区科技局', assist: [], updatedAt: '2025-10-01T00:00:00.000Z' });
    await db.rounds.put({ id: 'R2025Q3-x', district: '汉阳区', periodId: '2025-Q3', dueDate: '2025-10-08', createdAt: '2025-09-25T00:00:00.000Z', prefilled: false, units: [] });
    expect(await db.assignments.where('district').equals('汉阳区').count()).toBe(1);
    expect(await db.rounds.where('periodId').equals('2025-Q3').count()).toBe(1);
    db.close();

    const again = createRawLedgerDb(name);
    await again.open();
    expect((await again.rounds.get('R2025Q3-x'))?.dueDate).toBe('2025-10-08');
    again.close();
  });
});
