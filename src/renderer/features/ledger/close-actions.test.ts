import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LedgerDb } from '../../storage/db';
import { readAuditTrail } from '../../storage/audit';
import { setSetting } from '../../storage/repositories';
import { seedStore } from '../../../../test/builders/seeded-store';
import { closeTasks, reopenClosedTask } from './close-actions';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';

let db: LedgerDb;
freshStoreEachTest('close-test', (d) => (db = d));

describe('办结销号 in the store', () => {
  it('closes tasks in one go, each audited field by field; an already closed task is left as it was; reopening removes the fields, audited', async () => {
    await setSetting(db, 'filledBy', '王芳');
    const { tasks } = await seedStore(db);
    const [a, b] = tasks;
    expect(await closeTasks(db, [a!.key], { date: '2026-11-20', note: '提前完成', by: '王芳' })).toBe(1);
    expect(await closeTasks(db, [a!.key, b!.key, 'no-such-task'], { date: '2026-11-26', note: '年度已过', by: '' })).toBe(1);
    expect(await db.tasks.get(a!.key)).toMatchObject({ closedAt: '2026-11-20', closedNote: '提前完成', closedBy: '王芳' });
    expect(await db.tasks.get(b!.key)).toMatchObject({ closedAt: '2026-11-26', closedNote: '年度已过' });
    expect((await db.tasks.get(b!.key))!.closedBy).toBeUndefined();

    const trail = await readAuditTrail(db, 'task', a!.key);
    expect(trail.filter((e) => e.field.startsWith('closed')).map((e) => [e.field, e.oldValue, e.newValue, e.by])).toEqual([
      ['closedAt', null, '2026-11-20', '王芳'],
      ['closedNote', null, '提前完成', '王芳'],
      ['closedBy', null, '王芳', '王芳'],
    ]);

    expect(await reopenClosedTask(db, a!.key)).toBe(true);
    expect(await reopenClosedTask(db, a!.key)).toBe(false);
    const back = (await db.tasks.get(a!.key))!;
    expect('closedAt' in back || 'closedNote' in back || 'closedBy' in back).toBe(false);
    const after = await readAuditTrail(db, 'task', a!.key);
    expect(after.filter((e) => e.field === 'closedAt').map((e) => e.newValue)).toEqual(['2026-11-20', null]);
  });
});
