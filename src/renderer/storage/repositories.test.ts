import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Cluster, PolicyDocument, ProgressEntry, Target, Task } from '@core/model';
import { createRawLedgerDb, type LedgerDb } from './db';
import {
  clustersRepo,
  documentsRepo,
  emptyProgress,
  getDistrict,
  getPeriodKind,
  progressRepo,
  setDistrict,
  setSetting,
  targetsRepo,
  tasksRepo,
} from './repositories';
import { freshStoreEachTest } from '../../../test/builders/fresh-store';

let db: LedgerDb;
freshStoreEachTest('repo-test', (d) => (db = d), createRawLedgerDb);

const doc: PolicyDocument = {
  id: 'doc-002',
  title: '2023年武汉市科技创新工作要点',
  shortTitle: '2023年工作要点',
  docNumber: '武政办〔2023〕4号',
  issuer: '武汉市人民政府办公厅',
  issueDate: '2023-01-28',
  planStartYear: 2023,
  planEndYear: 2023,
  kind: 'work-points',
  source: '002_1acd154d68766c87.txt',
  addedAt: '2025-01-01T00:00:00.000Z',
};
const task = (key: string, order: number, documentId = 'doc-002'): Task => ({
  key,
  documentId,
  sectionId: 'sec-1',
  number: String(order),
  order,
  title: `任务${order}`,
  text: `任务${order}全文`,
  leadUnits: ['市科技局'],
  responsibleUnits: ['各区人民政府'],
  deadline: '2023-12-31',
  origin: 'seed',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('repositories on fake-indexeddb', () => {
  it('remember the district and default to quarterly reporting', async () => {
    await expect(getDistrict(db)).resolves.toBeUndefined();
    await setDistrict(db, '汉阳区');
    await expect(getDistrict(db)).resolves.toBe('汉阳区');
    await expect(getPeriodKind(db)).resolves.toBe('quarter');
    await setSetting(db, 'periodKind', 'month');
    await expect(getPeriodKind(db)).resolves.toBe('month');
  });

  it('write and read documents, tasks and targets', async () => {
    await documentsRepo.put(db, doc);
    await tasksRepo.put(db, task('K-2', 2));
    await tasksRepo.put(db, task('K-1', 1));
    await tasksRepo.put(db, { ...task('K-3', 3), archived: true });
    const target: Target = {
      id: 't-1',
      documentId: 'doc-002',
      taskKey: 'K-1',
      name: '高新技术企业',
      unit: '家',
      comparator: '突破',
      value: 13000,
      year: 2023,
      kind: 'goal',
      sourceText: '高新技术企业突破 13000 家',
    };
    await targetsRepo.put(db, target);

    expect(await documentsRepo.get(db, 'doc-002')).toEqual(doc);
    expect((await tasksRepo.active(db)).map((t) => t.key)).toEqual(['K-1', 'K-2']);
    expect((await tasksRepo.byDocument(db, 'doc-002')).map((t) => t.key)).toEqual(['K-1', 'K-2', 'K-3']);
    expect(await targetsRepo.byTask(db, 'K-1')).toEqual([target]);
  });

  it('write and read clusters with indicators, values and progress', async () => {
    const c: Cluster = {
      id: 'c-1',
      district: '汉阳区',
      name: '工程设计建造',
      keywords: ['工程设计', '建造'],
      includedTaskKeys: [],
      excludedTaskKeys: [],
      origin: 'seed',
      order: 1,
    };
    await clustersRepo.put(db, c);
    await clustersRepo.put(db, { ...c, id: 'c-2', district: '武昌区', name: '北斗应用' });
    await clustersRepo.putIndicator(db, { id: 'i-1', clusterId: 'c-1', name: '研发型企业数量', unit: '家', target: 50, targetYear: 2027 });
    await clustersRepo.putIndicatorValue(db, { id: 'i-1|2025-Q3', indicatorId: 'i-1', periodId: '2025-Q3', value: 31, updatedAt: 'x' });
    await clustersRepo.putProgress(db, { id: 'c-1|2025-Q3', clusterId: 'c-1', periodId: '2025-Q3', progress: '推进中', problems: '', nextSteps: '', updatedAt: 'x' });
    expect((await clustersRepo.byDistrict(db, '汉阳区')).map((x) => x.name)).toEqual(['工程设计建造']);
    expect((await clustersRepo.indicators(db, 'c-1'))[0]?.name).toBe('研发型企业数量');
    expect((await clustersRepo.indicatorValues(db, 'i-1'))[0]?.value).toBe(31);
    expect((await clustersRepo.progress(db, 'c-1', '2025-Q3'))?.progress).toBe('推进中');
    await clustersRepo.remove(db, 'c-1');
    expect(await clustersRepo.byDistrict(db, '汉阳区')).toEqual([]);
  });

  it('key progress by district, task and period and query a period', async () => {
    const p: ProgressEntry = { ...emptyProgress('汉阳区', 'K-1', '2025-Q3'), status: 'on_track', percent: 60, progress: '已完成立项' };
    await progressRepo.put(db, p);
    await progressRepo.put(db, { ...emptyProgress('汉阳区', 'K-1', '2025-Q2'), progress: '前期调研' });
    await progressRepo.put(db, { ...emptyProgress('武昌区', 'K-1', '2025-Q3'), progress: '别区' });
    const got = await progressRepo.get(db, '汉阳区', 'K-1', '2025-Q3');
    expect(got?.id).toBe('汉阳区|K-1|2025-Q3');
    expect(got?.progress).toBe('已完成立项');
    expect(got?.updatedAt).not.toBe(new Date(0).toISOString());
    expect((await progressRepo.byPeriod(db, '汉阳区', '2025-Q3')).map((x) => x.progress)).toEqual(['已完成立项']);
    expect((await progressRepo.byTask(db, '汉阳区', 'K-1')).map((x) => x.periodId)).toEqual(['2025-Q2', '2025-Q3']);
  });
});
