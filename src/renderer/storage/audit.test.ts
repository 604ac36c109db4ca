import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Submission } from '@core/model';
import type { LedgerDb } from './db';
import { readAuditTrail, readTaskTrail, WHOLE_RECORD } from './audit';
import { isPeriodLocked, PeriodLockedError, unlockPeriod } from './locks';
import { clustersRepo, progressRepo, setSetting } from './repositories';
import { clusterIndicatorValueId, clusterProgressId } from '@core/ids';
import { seedStore, SEED_CLUSTER, SEED_INDICATOR } from '../../../test/builders/seeded-store';
import { freshStoreEachTest } from '../../../test/builders/fresh-store';

let db: LedgerDb;
freshStoreEachTest('audit-test', (d) => (db = d));

describe('audit trail', () => {
  it('records a created task once and then one row per changed field, with the 填报人 setting', async () => {
    await setSetting(db, 'filledBy', '李明');
    const { tasks } = await seedStore(db);
    const t = tasks[0]!;
    const created = await readAuditTrail(db, 'task', t.key);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ field: WHOLE_RECORD, oldValue: null, entity: 'task' });
    expect((created[0]!.newValue as { title: string }).title).toBe(t.title);

    await db.tasks.put({ ...t, title: '新标题', leadUnits: ['市科技局', '市发改委'], updatedAt: '2025-10-01T00:00:00.000Z' });
    await db.tasks.update(t.key, { deadline: '2024-06-30' });
    // updatedAt alone is not a change worth recording
    await db.tasks.update(t.key, { updatedAt: '2030-01-01T00:00:00.000Z' });
    const trail = await readAuditTrail(db, 'task', t.key);
    expect(trail.slice(1).map((e) => [e.field, e.oldValue, e.newValue])).toEqual([
      ['title', t.title, '新标题'],
      ['leadUnits', ['市科技局'], ['市科技局', '市发改委']],
      ['deadline', '2023-12-31', '2024-06-30'],
    ]);
    // seedStore set the 填报人 to 王芳 before the edits
    expect(trail.slice(1).every((e) => e.by === '王芳')).toBe(true);
    expect(trail.every((e) => typeof e.at === 'string' && e.at.length > 10)).toBe(true);
  });

  it('records progress edits with the entry’s own 填报人 and shows them per task', async () => {
    const { progress } = await seedStore(db);
    const p = progress.find((x) => x.periodId === '2025-Q3' && x.taskKey === '2023YD-02')!;
    await progressRepo.put(db, { ...p, progress: '已签约3个项目', percent: 75, filledBy: '赵强' });
    const trail = await readAuditTrail(db, 'progress', p.id);
    const edits = trail.filter((e) => e.field !== WHOLE_RECORD);
    expect(edits.map((e) => e.field).sort()).toEqual(['filledBy', 'percent', 'progress']);
    expect(edits.find((e) => e.field === 'progress')).toMatchObject({ oldValue: p.progress, newValue: '已签约3个项目', by: '赵强' });
    const perTask = await readTaskTrail(db, '2023YD-02', '汉阳区');
    // created task + 3 created progress entries + 3 field edits
    expect(perTask).toHaveLength(1 + 3 + 3);
    expect(perTask.map((e) => e.seq)).toEqual([...perTask.map((e) => e.seq)].sort((a, b) => a! - b!));
  });

  it('records clusters, their indicators, values and reports, settings and deletions', async () => {
    await seedStore(db);
    await db.clusters.update(SEED_CLUSTER.id, { keywords: ['工程设计', '建造', '智能建造'] });
    await db.clusterIndicatorValues.update('ci-1|2025-Q3', { value: 35 });
    await db.clusterProgress.update(`${SEED_CLUSTER.id}|2025-Q3`, { problems: '人才缺口' });
    await db.clusterIndicators.update('ci-1', { target: 60 });
    const trail = await readAuditTrail(db, 'cluster', SEED_CLUSTER.id);
    const fields = trail.filter((e) => !e.field.endsWith(WHOLE_RECORD)).map((e) => [e.field, e.oldValue, e.newValue]);
    expect(fields).toEqual([
      ['keywords', ['工程设计', '建造'], ['工程设计', '建造', '智能建造']],
      ['indicatorValue:ci-1:2025-Q3:value', 32, 35],
      ['clusterProgress:2025-Q3:problems', '', '人才缺口'],
      ['indicator:ci-1:target', 50, 60],
    ]);

    await setSetting(db, 'periodKind', 'month');
    const setting = await readAuditTrail(db, 'setting', 'periodKind');
    expect(setting.at(-1)).toMatchObject({ field: 'value', oldValue: 'quarter', newValue: 'month', by: '王芳' });

    await db.clusters.delete(SEED_CLUSTER.id);
    const after = await readAuditTrail(db, 'cluster', SEED_CLUSTER.id);
    expect(after.at(-1)).toMatchObject({ field: WHOLE_RECORD, newValue: null });
    expect((after.at(-1)!.oldValue as { name: string }).name).toBe('工程设计建造');

    // clear() (a range delete) is recorded too
    const before = await db.audit.count();
    await db.settings.clear();
    expect(await db.audit.count()).toBe(before + 3);
  });

  it('writes nothing when a write changes nothing, and an aborted change leaves no record', async () => {
    const { tasks } = await seedStore(db);
    const count = await db.audit.count();
    await db.tasks.put({ ...tasks[1]! });
    expect(await db.audit.count()).toBe(count);
    await expect(
      db.transaction('rw', db.tasks, async () => {
        await db.tasks.update(tasks[1]!.key, { title: '不会保存' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.audit.count()).toBe(count);
    expect((await db.tasks.get(tasks[1]!.key))?.title).toBe(tasks[1]!.title);
  });
});

describe('period locks', () => {
  const submission = (over: Partial<Submission> = {}): Submission => ({
    id: 's-2025-Q3',
    district: '汉阳区',
    periodId: '2025-Q3',
    report: 'tasks',
    fileName: '汉阳区_2025年第三季度_重点任务推进情况表.xlsx',
    sha256: 'a'.repeat(64),
    rows: [],
    at: '2025-10-08T09:30:00.000Z',
    ...over,
  });

  it('refuses edits of a submitted period until it is unlocked, and records the unlock', async () => {
    const { progress } = await seedStore(db);
    await db.submissions.put(submission());
    expect(await isPeriodLocked(db, '汉阳区', '2025-Q3')).toBe(true);
    expect(await isPeriodLocked(db, '汉阳区', '2025-Q2')).toBe(false);
    const p = progress.find((x) => x.periodId === '2025-Q3')!;

    const err = await progressRepo.put(db, { ...p, progress: '改动' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PeriodLockedError);
    expect((err as Error).message).toContain('汉阳区2025年第三季度的进展已报送');
    await expect(db.progress.delete(p.id)).rejects.toThrow(/已报送/);
    await expect(db.progress.put({ ...p, id: '汉阳区|新任务|2025-Q3', taskKey: '新任务' })).rejects.toThrow(/解锁/);
    await expect(db.progress.update(p.id, { status: 'done' })).rejects.toThrow(/已锁定/);
    expect(await db.progress.get(p.id)).toEqual(p);
    // a re-save that changes nothing but the time is harmless and allowed
    await progressRepo.put(db, p);
    // another period and another district stay editable
    const q2 = progress.find((x) => x.periodId === '2025-Q2')!;
    await progressRepo.put(db, { ...q2, progress: '补充' });
    await progressRepo.put(db, { ...p, id: '武昌区|x|2025-Q3', district: '武昌区', taskKey: 'x' });

    expect(await unlockPeriod(db, '汉阳区', '2025-Q3', '王芳')).toBe(true);
    expect(await isPeriodLocked(db, '汉阳区', '2025-Q3')).toBe(false);
    const unlock = await readAuditTrail(db, 'submission', '汉阳区|2025-Q3');
    expect(unlock).toHaveLength(1);
    expect(unlock[0]).toMatchObject({ field: 'unlockedAt', by: '王芳', reason: 'unlock' });
    await progressRepo.put(db, { ...p, progress: '解锁后修改' });
    expect((await db.progress.get(p.id))?.progress).toBe('解锁后修改');
    expect(await unlockPeriod(db, '汉阳区', '2025-Q3', '王芳')).toBe(false);

    // submitting again locks again
    await db.submissions.put(submission({ id: 's-2025-Q3-b', at: '2025-10-09T09:00:00.000Z' }));
    await expect(progressRepo.put(db, { ...p, progress: '再次修改' })).rejects.toThrow(PeriodLockedError);
  });

  it("locks a cluster's 进展 and indicator values of a submitted period too: the 产业集群推进情况表 printed them", async () => {
    await seedStore(db);
    await clustersRepo.putProgress(db, { id: clusterProgressId(SEED_CLUSTER.id, '2025-Q3'), clusterId: SEED_CLUSTER.id, periodId: '2025-Q3', progress: '已报送的集群进展', problems: '', nextSteps: '', updatedAt: '2025-10-01T00:00:00.000Z' });
    await clustersRepo.putIndicatorValue(db, { id: clusterIndicatorValueId(SEED_INDICATOR.id, '2025-Q3'), indicatorId: SEED_INDICATOR.id, periodId: '2025-Q3', value: 30, updatedAt: '2025-10-01T00:00:00.000Z' });
    await db.submissions.put(submission());
    const before = await clustersRepo.progress(db, SEED_CLUSTER.id, '2025-Q3');
    await expect(clustersRepo.putProgress(db, { ...before!, progress: '报送后改的' })).rejects.toThrow(PeriodLockedError);
    await expect(clustersRepo.putIndicatorValue(db, { id: clusterIndicatorValueId(SEED_INDICATOR.id, '2025-Q3'), indicatorId: SEED_INDICATOR.id, periodId: '2025-Q3', value: 45, updatedAt: '2025-10-09T00:00:00.000Z' })).rejects.toThrow(/已报送/);
    expect(await clustersRepo.progress(db, SEED_CLUSTER.id, '2025-Q3')).toEqual(before);
    expect((await db.clusterIndicatorValues.get(clusterIndicatorValueId(SEED_INDICATOR.id, '2025-Q3')))?.value).toBe(30);
    // Another period, and another district's cluster in the same period, stay editable.
    await clustersRepo.putProgress(db, { ...before!, id: clusterProgressId(SEED_CLUSTER.id, '2025-Q4'), periodId: '2025-Q4', progress: '下一季度' });
    await db.clusters.put({ ...SEED_CLUSTER, id: 'c-wuchang-1', district: '武昌区' });
    await clustersRepo.putProgress(db, { ...before!, id: clusterProgressId('c-wuchang-1', '2025-Q3'), clusterId: 'c-wuchang-1', progress: '武昌区的' });
    // Unlocked, the officer can correct it.
    await unlockPeriod(db, '汉阳区', '2025-Q3', '王芳');
    await clustersRepo.putProgress(db, { ...before!, progress: '解锁后改的' });
    expect((await clustersRepo.progress(db, SEED_CLUSTER.id, '2025-Q3'))?.progress).toBe('解锁后改的');
  });
});
