import { describe, expect, it } from 'vitest';
import type { Cluster, Task } from '../model';
import { clusterMembership, type ClusterMembership } from './clusters';
import { taskRelevance } from './relevance';

const cluster = (over: Partial<Cluster> = {}): Cluster => ({
  id: 'cluster-汉阳区-工程设计建造',
  district: '汉阳区',
  name: '工程设计建造',
  keywords: ['工程设计', '智能建造'],
  includedTaskKeys: [],
  excludedTaskKeys: [],
  origin: 'seed',
  order: 1,
  ...over,
});

const task = (over: Partial<Task> = {}): Task =>
  ({
    key: 'T-1',
    documentId: 'doc',
    number: '1',
    title: '推进产业发展',
    text: '推进产业发展。',
    leadUnits: ['市发改委'],
    responsibleUnits: [],
    ...over,
  }) as Task;

// The one cluster membership rule, asked by the ledger, the 工作台, reports, import and the clusters page.
describe('clusterMembership', () => {
  it.each<[string, Cluster, Task, string, ClusterMembership | undefined]>([
    ['keyword in the title', cluster(), task({ title: '发展工程设计产业' }), '汉阳区', { kind: 'keyword', keyword: '工程设计' }],
    ['keyword in the text', cluster(), task({ text: '推广智能建造。' }), '汉阳区', { kind: 'keyword', keyword: '智能建造' }],
    ['the cluster name itself', cluster(), task({ text: '壮大工程设计建造集群。' }), '汉阳区', { kind: 'keyword', keyword: '工程设计建造' }],
    ['no keyword', cluster(), task(), '汉阳区', undefined],
    // Issue 13: taskRelevance searched title and text joined, so a word cut by the boundary matched there only.
    ['a keyword cut by the title/text boundary is no match', cluster(), task({ title: '推进工程', text: '设计企业集聚。' }), '汉阳区', undefined],
    // Issue 13: the clusters page ignored the cluster's district.
    ["another district's cluster has no members", cluster({ district: '江夏区' }), task({ title: '发展工程设计产业' }), '汉阳区', undefined],
    ['added by hand without a keyword', cluster({ includedTaskKeys: ['T-1'] }), task(), '汉阳区', { kind: 'manual' }],
    ['removed by hand despite a keyword', cluster({ excludedTaskKeys: ['T-1'] }), task({ title: '发展工程设计产业' }), '汉阳区', undefined],
    ['removed wins over added', cluster({ includedTaskKeys: ['T-1'], excludedTaskKeys: ['T-1'] }), task(), '汉阳区', undefined],
    ['an empty keyword matches nothing', cluster({ name: '', keywords: [''] }), task(), '汉阳区', undefined],
  ])('%s', (_name, c, t, district, expected) => {
    expect(clusterMembership(c, t, district)).toEqual(expected);
    // taskRelevance gives a cluster reason exactly when the rule says the task is a member.
    const reasons = taskRelevance(t, district, [c]).reasons.filter((r) => r.startsWith('产业集群'));
    expect(reasons.length > 0).toBe(expected !== undefined);
  });
});
