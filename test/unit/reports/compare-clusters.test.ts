/**
 * 本期与上期对比 for the 产业集群 (on the production database, fake-indexeddb): a 报送 keeps the
 * clusters as the sealed 产业集群推进情况表 printed them; after 解锁 a changed 本期进展 or indicator
 * value is listed, read as the cluster report reads them; a submission of an older version (no
 * clusters kept) lists nothing for them.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildClusterSnapshots, isoDateWords } from '@core/report';
import { createLedgerDb } from '@renderer/storage/db';
import { unlockPeriod } from '@renderer/storage/locks';
import { clustersRepo } from '@renderer/storage';
import { loadReportSource } from '@renderer/features/reports/report-source';
import { DEFAULT_SUBMISSION_KINDS, submitReports } from '@renderer/features/reports/submit-flow';
import { compareClusters, compareWithSubmission, latestClusterSubmission, latestTaskSubmission } from '@renderer/features/reports/compare';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';

const TODAY = new Date(2025, 9, 8);

describe('本期与上期对比: 产业集群', () => {
  it('lists a cluster’s 本期进展 and indicator value changed after 报送, as the cluster report prints them', async () => {
    const db = createLedgerDb(`compare-clusters-${Date.now()}`);
    await seedFixture(db);
    const outcome = await submitReports(db, { district: DISTRICT, period: PERIOD, kinds: DEFAULT_SUBMISSION_KINDS, today: TODAY, save: async (f) => ({ status: 'saved', name: f.fileName }) });
    expect(outcome.status).toBe('submitted');
    const [sealed] = await db.submissions.toArray();
    const now = async () => buildClusterSnapshots(await loadReportSource(db, DISTRICT, PERIOD));
    // The task rows are still found and compared as before; nothing has changed yet.
    expect(latestTaskSubmission([sealed!])).toBe(sealed);
    expect(latestClusterSubmission([sealed!])).toBe(sealed);
    expect(compareWithSubmission(sealed!, await db.progress.where({ district: DISTRICT }).toArray())).toEqual([]);
    expect(compareClusters(sealed!, await now())).toEqual([]);

    await unlockPeriod(db, DISTRICT, PERIOD.id, '李明');
    const own = (await clustersRepo.progress(db, 'c-1', PERIOD.id))!;
    await clustersRepo.putProgress(db, { ...own, progress: '新引进医疗器械企业5家', updatedAt: '2025-10-09T08:00:00.000Z' });
    await clustersRepo.putIndicatorValue(db, { id: `ci-1|${PERIOD.id}`, indicatorId: 'ci-1', periodId: PERIOD.id, value: 15, updatedAt: '2025-10-09T08:00:00.000Z' });
    await clustersRepo.putIndicator(db, { id: 'ci-2', clusterId: 'c-1', name: '规上工业产值', unit: '亿元' });
    expect(compareClusters(sealed!, await now())).toEqual([
      {
        taskKey: 'c-1',
        title: '大健康产业集群',
        cluster: true,
        kind: 'changed',
        fields: [
          { field: 'progress', submitted: '新引进医疗器械企业3家', current: '新引进医疗器械企业5家' },
          { field: 'indicator', label: '研发型企业数量', submitted: '12家', current: '15家' },
          // An indicator added since: printed 未填报 now, absent from the sealed file.
          { field: 'indicator', label: '规上工业产值', submitted: '', current: '未填报' },
        ],
      },
    ]);
  });

  it('a submission that kept no clusters (an older version, or a 报送 of the 重点任务推进情况表 alone) compares none', async () => {
    const db = createLedgerDb(`compare-clusters-old-${Date.now()}`);
    await seedFixture(db);
    await submitReports(db, { district: DISTRICT, period: PERIOD, kinds: ['tasks'], today: TODAY, save: async (f) => ({ status: 'saved', name: f.fileName }) });
    const [sealed] = await db.submissions.toArray();
    expect(latestClusterSubmission([sealed!])).toBeUndefined();
    expect(compareClusters(sealed!, buildClusterSnapshots(await loadReportSource(db, DISTRICT, PERIOD)))).toEqual([]);
  });

  it('a deadline sealed as 2026-12-31 by an older version reads as the report prints it now', () => {
    expect(isoDateWords('2026-12-31')).toBe('2026年12月31日');
    expect(isoDateWords('2026年12月底前')).toBe('2026年12月底前');
  });
});
