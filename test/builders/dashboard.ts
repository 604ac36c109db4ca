/** Builders of domain rows for the dashboard tests and the benchmark. */
import type { Cluster, PolicyDocument, ProgressEntry, Target, Task, TaskStatus } from '../../src/core/model';
import { progressId } from '../../src/core/model';

/** A policy document with sensible defaults. */
export function aDocument(id: string, over: Partial<PolicyDocument> = {}): PolicyDocument {
  return { id, title: `文件${id}`, shortTitle: `文件${id}`, kind: 'action-plan', source: 'test', addedAt: '2025-01-01T00:00:00.000Z', ...over };
}

/** A task of a document. */
export function aTask(key: string, documentId: string, over: Partial<Task> = {}): Task {
  return {
    key,
    documentId,
    number: key.split('-').pop() ?? key,
    order: Number(key.replace(/\D/g, '')) || 0,
    title: `任务${key}`,
    text: `任务${key}的具体内容`,
    leadUnits: ['市科创局'],
    responsibleUnits: ['各区人民政府'],
    origin: 'seed',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

/** A progress entry of a district for a task in a period. */
export function anEntry(district: string, taskKey: string, periodId: string, status: TaskStatus | undefined, over: Partial<ProgressEntry> = {}): ProgressEntry {
  return {
    id: progressId(district, taskKey, periodId),
    district,
    taskKey,
    periodId,
    status,
    progress: status ? '按计划推进' : '',
    problems: '',
    nextSteps: '',
    indicatorValues: {},
    filledBy: '张三',
    updatedAt: '2025-09-01T00:00:00.000Z',
    ...over,
  };
}

/** A target of a document. */
export function aTarget(id: string, documentId: string, over: Partial<Target> = {}): Target {
  return { id, documentId, name: `指标${id}`, unit: '家', comparator: '达到', value: 100, year: 2027, kind: 'goal', sourceText: '', ...over };
}

/** A cluster of a district. */
export function aCluster(id: string, district: string, over: Partial<Cluster> = {}): Cluster {
  return { id, district, name: `集群${id}`, keywords: [], includedTaskKeys: [], excludedTaskKeys: [], origin: 'seed', order: 0, ...over };
}
