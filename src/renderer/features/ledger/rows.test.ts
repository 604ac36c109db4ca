import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../storage/repositories';
import { NO_FILTERS } from '../../state/ledger';
import { actionPlanFixture, bulkTasks } from '../../../../test/builders/tasks';
import { attachProgress, buildRows, buildTaskInfos, filterRows } from './rows';

const fx = actionPlanFixture();
const src = { ...fx, progress: [], district: '汉阳区', periodEnd: '2025-09-30' };

describe('ledger rows from the action plan seed', () => {
  it('joins tasks with document and section and numbers them', () => {
    const rows = buildRows(src);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ seq: 1, documentTitle: '国际研发中心城市行动方案', sectionTitle: '（一）实施高层次研发资源集聚行动', filled: false });
    expect(rows[0]!.task.title).toBe('引聚国际研发机构');
  });

  it('finds 引聚国际研发机构 by Chinese text and by pinyin initials', () => {
    const rows = buildRows(src);
    expect(filterRows(rows, NO_FILTERS, 'yjgjyf').map((r) => r.task.title)).toEqual(['引聚国际研发机构']);
    expect(filterRows(rows, NO_FILTERS, '国际研发机构').map((r) => r.task.title)).toEqual(['引聚国际研发机构']);
    expect(filterRows(rows, NO_FILTERS, '中非创新合作中心').map((r) => r.task.key)).toEqual(['2025XD-02']);
  });

  it("finds a task by a former name of its unit, and an imported task by the list's number", () => {
    const tasks = fx.tasks.map((t, i) =>
      i === 0 ? { ...t, leadUnits: ['市生态环境局'], updatedAt: '2026-11-26T09:00:00.000Z' } : i === 1 ? { ...t, key: 'IMP20261126-001', displayKey: '23', number: '23' } : t,
    );
    const rows = buildRows({ ...src, tasks });
    expect(filterRows(rows, NO_FILTERS, '市环保局').map((r) => r.task.key)).toEqual([tasks[0]!.key]);
    expect(filterRows(rows, NO_FILTERS, '市生态环境局').map((r) => r.task.key)).toEqual([tasks[0]!.key]);
    expect(filterRows(rows, NO_FILTERS, '23').map((r) => r.task.key)).toContain('IMP20261126-001');
  });

  it('本期未填报 shrinks as tasks are filled, and status/relevance/overdue filters apply', () => {
    const unfilled = { ...NO_FILTERS, unfilledOnly: true };
    expect(filterRows(buildRows(src), unfilled, '')).toHaveLength(20);
    const progress = [
      { ...emptyProgress('汉阳区', '2025XD-01', '2025-Q3'), progress: '已对接3家外资企业' },
      { ...emptyProgress('汉阳区', '2025XD-02', '2025-Q3'), status: 'behind' as const },
      { ...emptyProgress('汉阳区', '2025XD-03', '2025-Q3') }, // saved but empty: still unfilled
    ];
    const rows = buildRows({ ...src, progress });
    expect(filterRows(rows, unfilled, '')).toHaveLength(18);
    expect(filterRows(rows, { ...NO_FILTERS, statuses: ['behind'] }, '').map((r) => r.task.key)).toEqual(['2025XD-02']);
    // Relevant: 各区人民政府 (every third task) or the 研发机构 cluster keyword.
    const relevant = filterRows(rows, { ...NO_FILTERS, relevantOnly: true }, '');
    expect(relevant.length).toBeGreaterThan(5);
    expect(relevant.every((r) => r.reasons.length > 0)).toBe(true);
    expect(rows[0]!.clusterNames).toEqual(['工程设计建造']);
    // Deadline 2027: nothing overdue in 2025, everything unfinished is overdue in 2028.
    expect(filterRows(rows, { ...NO_FILTERS, overdueOnly: true }, '')).toHaveLength(0);
    expect(filterRows(buildRows({ ...src, periodEnd: '2028-03-31' }), { ...NO_FILTERS, overdueOnly: true }, '')).toHaveLength(20);
  });

  it('builds and searches 10,000 tasks quickly', () => {
    const tasks = bulkTasks(10_000);
    const t0 = performance.now();
    const rows = buildRows({ ...src, tasks });
    const hits = filterRows(rows, NO_FILTERS, 'jjgdyf');
    const ms = performance.now() - t0;
    expect(rows).toHaveLength(10_000);
    expect(hits.length).toBe(500); // 聚集高端研发人才: every 20th task
    expect(ms).toBeLessThan(8000);
    // An autosave only re-attaches progress and re-filters: well under a frame budget per keystroke batch.
    const infos = buildTaskInfos({ ...src, tasks });
    const t1 = performance.now();
    filterRows(attachProgress(infos, [], '2025-09-30'), { ...NO_FILTERS, unfilledOnly: true }, 'yjgj');
    expect(performance.now() - t1).toBeLessThan(300);
  });
});
