/**
 * A realistic store for storage tests: the numbered tasks of the seed document
 * 2023年武汉市科技创新工作要点 (seeds/002_…txt), progress of 汉阳区 for several quarters,
 * a cluster with an indicator, values and reports, settings, a stored template and a
 * submission. Writes through the ordinary tables (so guards see the writes).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Cluster, ClusterIndicator, PolicyDocument, ProgressEntry, Task, TaskStatus } from '../../src/core/model';
import { progressId, TASK_STATUSES } from '../../src/core/model';
import type { LedgerDb } from '../../src/renderer/storage/db';
import { makePeriod, periodRange } from '../../src/core/period';
import { anEntry } from './dashboard';

const SEED = resolve(__dirname, '../../seeds/002_1acd154d68766c87.txt');

/** The numbered task sentences of the 2023 work points, as tasks. */
export function seedTasks(): Task[] {
  const lines = readFileSync(SEED, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^\d+[.．、]/.test(l));
  return lines.map((line, i) => {
    const text = line.replace(/^\d+[.．、]\s*/, '');
    const title = text.split(/[。，,]/)[0]!.slice(0, 40);
    return {
      key: `2023YD-${String(i + 1).padStart(2, '0')}`,
      documentId: 'doc-002',
      number: String(i + 1),
      order: i + 1,
      title,
      text,
      leadUnits: ['市科技局'],
      responsibleUnits: ['各区人民政府'],
      deadline: '2023-12-31',
      deadlineText: '2023年底前',
      origin: 'seed',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
  });
}

export const SEED_DOCUMENT: PolicyDocument = {
  id: 'doc-002',
  title: '2023年武汉市科技创新工作要点',
  shortTitle: '2023年工作要点',
  docNumber: '武政办〔2023〕4号',
  issuer: '武汉市人民政府办公厅',
  issueDate: '2023-01-28',
  kind: 'work-points',
  source: '002_1acd154d68766c87.txt',
  addedAt: '2025-01-01T00:00:00.000Z',
};

/** Progress of a district for every task in every period given. */
export function seedProgress(tasks: Task[], district: string, periods: string[]): ProgressEntry[] {
  return periods.flatMap((periodId, p) =>
    tasks.map((t, i) => ({
      id: progressId(district, t.key, periodId),
      district,
      taskKey: t.key,
      periodId,
      status: TASK_STATUSES[(i + p) % TASK_STATUSES.length] as TaskStatus,
      percent: Math.min(100, 20 * (p + 1) + i),
      progress: `${periodId}：${t.title}，已完成阶段性工作。`,
      problems: i % 3 === 0 ? '资金到位较慢' : '',
      nextSteps: '按计划推进',
      indicatorValues: i % 4 === 0 ? { [`t-${t.key}`]: 10 + p } : {},
      filledBy: '王芳',
      updatedAt: `2025-0${p + 3}-15T08:00:00.000Z`,
    })),
  );
}

export const SEED_CLUSTER: Cluster = {
  id: 'c-hanyang-1',
  district: '汉阳区',
  name: '工程设计建造',
  focus: '智能建造、数字设计',
  keywords: ['工程设计', '建造'],
  includedTaskKeys: ['2023YD-03'],
  excludedTaskKeys: [],
  origin: 'seed',
  order: 1,
};

export const SEED_INDICATOR: ClusterIndicator = {
  id: 'ci-1',
  clusterId: SEED_CLUSTER.id,
  name: '研发型企业数量',
  unit: '家',
  target: 50,
  targetYear: 2027,
};

/** Fill `db` with the seeded store; returns what was written. */
export async function seedStore(db: LedgerDb, periods = ['2025-Q1', '2025-Q2', '2025-Q3']) {
  const tasks = seedTasks();
  const progress = seedProgress(tasks, '汉阳区', periods);
  await db.documents.put(SEED_DOCUMENT);
  await db.sections.put({ id: 'sec-1', documentId: 'doc-002', level: 1, label: '二', title: '重点任务', order: 1 });
  await db.tasks.bulkPut(tasks);
  await db.targets.put({ id: 't-1', documentId: 'doc-002', taskKey: '2023YD-01', name: '全国重点实验室', unit: '家', comparator: '以上', value: 10, year: 2023, kind: 'goal', sourceText: '获批建设 10 家以上全国重点实验室' });
  await db.progress.bulkPut(progress);
  await db.clusters.put(SEED_CLUSTER);
  await db.clusterIndicators.put(SEED_INDICATOR);
  for (const periodId of periods) {
    await db.clusterIndicatorValues.put({ id: `ci-1|${periodId}`, indicatorId: 'ci-1', periodId, value: 30 + periods.indexOf(periodId), updatedAt: '2025-09-01T00:00:00.000Z' });
    await db.clusterProgress.put({ id: `${SEED_CLUSTER.id}|${periodId}`, clusterId: SEED_CLUSTER.id, periodId, progress: `${periodId}集群推进`, problems: '', nextSteps: '', updatedAt: '2025-09-01T00:00:00.000Z' });
  }
  await db.settings.bulkPut([
    { key: 'district', value: '汉阳区' },
    { key: 'filledBy', value: '王芳' },
    { key: 'periodKind', value: 'quarter' },
  ]);
  await db.templates.put({ id: 'tpl-1', name: '重点任务推进情况表', fileName: '模板.xlsx', data: new Uint8Array([0x50, 0x4b, 3, 4, 0, 255, 128]), savedAt: '2025-01-02T00:00:00.000Z' });
  await db.imports.put({ id: 'imp-1', at: '2025-02-01T00:00:00.000Z', fileName: '市级任务清单.xlsx', before: [{ key: '2023YD-01', task: undefined }], after: ['2023YD-01'] });
  return { tasks, progress };
}

/**
 * Ten quarters (2023 Q1 – 2025 Q2) of 汉阳区 progress on the seed tasks (seedStore), with the
 * histories the 已完成 rules turn on: task a done in 2024 Q1 and nothing filled since; task b done
 * in 2023 Q3, then 滞后 in 2024 Q2. Gives the quarters and the tasks (the rest seeded as usual).
 */
export async function seedDoneHistories(db: LedgerDb): Promise<{ quarters: string[]; tasks: Task[] }> {
  const quarters = periodRange(makePeriod('quarter', 2023, 1), makePeriod('quarter', 2025, 2)).map((p) => p.id);
  const { tasks } = await seedStore(db, quarters);
  const [a, b] = tasks;
  const blankAfter = (key: string, from: string) => quarters.filter((q) => q > from).map((q) => anEntry('汉阳区', key, q, undefined, { progress: '' }));
  await db.progress.bulkPut([
    ...blankAfter(a!.key, '2024-Q1'),
    anEntry('汉阳区', a!.key, '2024-Q1', 'done'),
    ...blankAfter(b!.key, '2023-Q3'),
    anEntry('汉阳区', b!.key, '2023-Q3', 'done'),
    anEntry('汉阳区', b!.key, '2024-Q2', 'behind', { progress: '整改中' }),
  ]);
  return { quarters, tasks };
}
