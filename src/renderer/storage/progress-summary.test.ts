/** progressSummary follows every write to progress, in the same transaction, whatever writes it. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { scratchDbs } from '../../../test/builders/scratch-dbs';
import { periodRowsOf } from '@core/dashboard';
import { createRawLedgerDb, type LedgerDb } from './db';
import { installAuditTrail } from './audit';
import { installPeriodLocks } from './locks';
import { seedStore } from '../../../test/builders/seeded-store';

const keep = scratchDbs();
let n = 0;

function fresh(guarded = false): LedgerDb {
  const db = createRawLedgerDb(`progress-summary-${++n}`);
  if (guarded) {
    installPeriodLocks(db);
    installAuditTrail(db);
  }
  keep(db);
  return db;
}

async function expectInStep(db: LedgerDb): Promise<void> {
  const progress = await db.progress.toArray();
  const summaries = (await db.progressSummary.toArray()).filter((r) => Object.keys(r.cells).length > 0);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  expect(summaries.sort(byId)).toEqual(periodRowsOf(progress).sort(byId));
}

describe('progressSummary', () => {
  it('holds the compact form of each entry, one row per district and period: no texts', async () => {
    const db = fresh();
    const { progress } = await seedStore(db);
    const e = progress.find((p) => Object.keys(p.indicatorValues).length > 0)!;
    const row = (await db.progressSummary.get(`汉阳区|${e.periodId}`))!;
    expect(row).toMatchObject({ district: '汉阳区', periodId: e.periodId, start: '2025-01-01' });
    expect(Object.keys(row.cells)).toHaveLength(22);
    expect(row.cells[e.taskKey]).toEqual({ status: e.status, percent: e.percent, filled: 1, values: e.indicatorValues, updatedAt: e.updatedAt });
    expect(JSON.stringify(row)).not.toContain('已完成阶段性工作');
    expect(await db.progressSummary.count()).toBe(3);
    await db.progress.put({ ...e, status: undefined, percent: undefined, progress: '  ', indicatorValues: { x: null } });
    expect((await db.progressSummary.get(`汉阳区|${e.periodId}`))!.cells[e.taskKey]).toEqual({ filled: 0, updatedAt: e.updatedAt });
  });

  it('keeps every write of parallel puts in one transaction', async () => {
    const db = fresh();
    const { progress } = await seedStore(db);
    await db.transaction('rw', db.progress, () => Promise.all(progress.map((p) => db.progress.put({ ...p, status: 'done' }))));
    const rows = await db.progressSummary.toArray();
    expect(rows.flatMap((r) => Object.values(r.cells).map((c) => c.status))).toEqual(progress.map(() => 'done'));
  });

  it('follows put, modify, delete and clear, also in transactions that did not name it', async () => {
    const db = fresh(true);
    const { progress } = await seedStore(db);
    await db.transaction('rw', db.progress, async () => {
      await db.progress.where('periodId').equals('2025-Q2').modify({ status: 'done' });
      await db.progress.delete(progress[0]!.id);
    });
    const q2 = (await db.progressSummary.get('汉阳区|2025-Q2'))!;
    expect(Object.values(q2.cells).every((c) => c.status === 'done')).toBe(true);
    expect((await db.progressSummary.get(`汉阳区|${progress[0]!.periodId}`))!.cells[progress[0]!.taskKey]).toBeUndefined();
    await expectInStep(db);
    await db.progress.where('periodId').equals('2025-Q1').delete();
    await expectInStep(db);
    await db.progress.clear();
    expect((await db.progressSummary.toArray()).every((r) => Object.keys(r.cells).length === 0)).toBe(true);
  });

  it('writes nothing when the progress write is refused (已报送 period) or the transaction fails', async () => {
    const db = fresh(true);
    const { progress } = await seedStore(db);
    const e = progress.find((p) => p.periodId === '2025-Q3')!;
    await db.submissions.put({ id: 's1', district: '汉阳区', periodId: '2025-Q3', report: 'tasks', fileName: 'a.xlsx', sha256: 'ab', rows: [], at: '2025-10-08T00:00:00.000Z' });
    await expect(db.progress.put({ ...e, status: 'done' })).rejects.toThrow(/已锁定/);
    await expect(
      db.transaction('rw', db.progress, async () => {
        await db.progress.put({ ...progress[0]!, status: 'ahead' });
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    await expectInStep(db);
  });
});
