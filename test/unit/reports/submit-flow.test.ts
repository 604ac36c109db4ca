/**
 * 导出 and 报送 are two acts, on the production database (fake-indexeddb) with the period
 * locks and the audit trail installed: exporting records nothing; 报送 shows the counts and
 * files, then records ONE submission for the set with each file's SHA-256 and locks the period;
 * a canceled save records nothing; unlocking is explicit and audited.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createLedgerDb, type LedgerDb } from '@renderer/storage/db';
import { isPeriodLocked, PeriodLockedError, unlockPeriod } from '@renderer/storage/locks';
import { saveProgress } from '@renderer/storage/progress-store';
import { setManifest, sha256Hex } from '@renderer/storage/submissions';
import { produceReport } from '@renderer/features/reports/report-produce';
import { DEFAULT_SUBMISSION_KINDS, previewSubmission, submitReports, type FileToSave } from '@renderer/features/reports/submit-flow';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';

let n = 0;
async function freshDb(): Promise<LedgerDb> {
  const db = createLedgerDb(`submit-flow-${Date.now()}-${n++}`);
  await seedFixture(db);
  return db;
}
const TODAY = new Date(2025, 9, 8);

describe('导出 and 报送', () => {
  it('exporting (预览/导出) records nothing and never locks', async () => {
    const db = await freshDb();
    for (const kind of ['tasks', 'indicators', 'clusters', 'all'] as const) await produceReport(db, DISTRICT, PERIOD, kind, TODAY);
    expect(await db.submissions.count()).toBe(0);
    expect(await isPeriodLocked(db, DISTRICT, PERIOD.id)).toBe(false);
  });

  it('shows what will be sent: filled and empty tasks, and the files', async () => {
    const db = await freshDb();
    const entry = (await db.progress.toArray()).find((p) => p.district === DISTRICT && p.taskKey === '2023YD-08')!;
    await db.progress.put({ ...entry, status: undefined, progress: '' }); // task 8 now empty
    const p = await previewSubmission(db, DISTRICT, PERIOD, DEFAULT_SUBMISSION_KINDS);
    expect(p).toEqual({
      tasks: 12,
      filled: 11,
      empty: 1,
      // Task 9 has a status but no 进展情况: written in part, as the 导出前检查 lists it.
      partial: 1,
      files: [
        { kind: 'tasks', fileName: '汉阳区_2025年第三季度_重点任务推进情况表.xlsx' },
        { kind: 'indicators', fileName: '汉阳区_2025年第三季度_指标完成情况表.xlsx' },
        { kind: 'clusters', fileName: '汉阳区_2025年第三季度_产业集群推进情况表.xlsx' },
      ],
      locked: false,
    });
  });

  it('报送 records one submission for the set of files with their SHA-256 and locks the period; unlocking is audited', async () => {
    const db = await freshDb();
    const saved: FileToSave[] = [];
    const outcome = await submitReports(db, {
      district: DISTRICT,
      period: PERIOD,
      kinds: DEFAULT_SUBMISSION_KINDS,
      today: TODAY,
      save: async (f) => {
        saved.push(f);
        return { status: 'saved', name: f.fileName };
      },
    });
    expect(outcome.status).toBe('submitted');
    const all = await db.submissions.toArray();
    expect(all).toHaveLength(1);
    const s = all[0]!;
    expect(s.files!.map((f) => f.fileName)).toEqual(saved.map((f) => f.fileName));
    for (const [i, f] of saved.entries()) expect(s.files![i]!.sha256).toBe(await sha256Hex(f.bytes));
    expect(s.sha256).toBe(await sha256Hex(new TextEncoder().encode(setManifest(s.files!))));
    expect(s.counts).toEqual({ tasks: 12, filled: 12, empty: 0 });
    expect((s.rows as { key: string }[]).map((r) => r.key)).toContain('2023YD-01');
    expect(await isPeriodLocked(db, DISTRICT, PERIOD.id)).toBe(true);

    // Locked: the progress cannot change, and a second 报送 is refused until unlocked.
    const entry = (await db.progress.toArray()).find((p) => p.district === DISTRICT && p.taskKey === '2023YD-01')!;
    await expect(saveProgress(db, { ...entry, progress: '报送后改动' })).rejects.toBeInstanceOf(PeriodLockedError);
    expect((await submitReports(db, { district: DISTRICT, period: PERIOD, kinds: ['tasks'], save: async () => ({ status: 'saved', name: 'x' }) })).status).toBe('locked');
    expect(await db.submissions.count()).toBe(1);

    expect(await unlockPeriod(db, DISTRICT, PERIOD.id, '李明')).toBe(true);
    const audit = await db.audit.where('entity').equals('submission').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ field: 'unlockedAt', by: '李明', reason: 'unlock' });
    expect(await isPeriodLocked(db, DISTRICT, PERIOD.id)).toBe(false);
  });

  it('a canceled save stops the 报送: nothing recorded, nothing locked', async () => {
    const db = await freshDb();
    let calls = 0;
    const outcome = await submitReports(db, {
      district: DISTRICT,
      period: PERIOD,
      kinds: DEFAULT_SUBMISSION_KINDS,
      today: TODAY,
      save: async (f) => (++calls === 2 ? { status: 'canceled' } : { status: 'saved', name: f.fileName }),
    });
    expect(outcome).toEqual({ status: 'canceled', savedBefore: ['汉阳区_2025年第三季度_重点任务推进情况表.xlsx'] });
    expect(await db.submissions.count()).toBe(0);
    expect(await isPeriodLocked(db, DISTRICT, PERIOD.id)).toBe(false);
  });
});
