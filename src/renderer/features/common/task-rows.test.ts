import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPinyin } from '@core/search';
import { unitRenameTable } from '@core/unit-names';
import type { DefaultData } from '@core/policy/seed-data';
import { emptyProgress } from '../../storage/repositories';
import { NO_FILTERS } from '../../state/ledger';
import { actionPlanFixture, bulkTasks } from '../../../../test/builders/tasks';
import { attachProgress, buildRows, buildSearchIndex, buildTaskInfos, filterRows, type LedgerRow } from './task-rows';

const fx = actionPlanFixture();
const src = { ...fx, progress: [], district: '汉阳区', periodEnd: '2025-09-30' };

beforeAll(() => loadPinyin());

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

  it("finds a task by a unit's former name under the office's own renames (设置 → 单位名称对照), and forgets it when the pair is removed", () => {
    const tasks = fx.tasks.map((t, i) => (i === 2 ? { ...t, leadUnits: ['市数据局'], updatedAt: '2026-11-27T09:00:00.000Z' } : t));
    const hits = (renames?: ReturnType<typeof unitRenameTable>) => filterRows(buildRows({ ...src, tasks, renames }), NO_FILTERS, '市政务服务和大数据管理局').map((r) => r.task.key);
    expect(hits()).toEqual([]);
    expect(hits(unitRenameTable([{ from: '市政务服务和大数据管理局', to: '市数据局' }]))).toEqual([tasks[2]!.key]);
    // The same tasks searched again after the office removes its pair: the cached key is made again.
    expect(hits(unitRenameTable([]))).toEqual([]);
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
    // …and any task filled in the period, as the report and the 工作台 list it (reportTasks).
    expect(relevant.every((r) => r.reasons.length > 0 || r.filled)).toBe(true);
    expect(rows.some((r) => r.filled && !r.relevant)).toBe(true);
    expect(relevant.filter((r) => !r.relevant).map((r) => r.task.key).sort()).toEqual(rows.filter((r) => r.filled && !r.relevant).map((r) => r.task.key).sort());
    expect(rows[0]!.clusterNames).toEqual(['工程设计建造']);
    // Deadline 2027: nothing overdue in 2025, everything unfinished is overdue in 2028.
    expect(filterRows(rows, { ...NO_FILTERS, overdueOnly: true }, '')).toHaveLength(0);
    expect(filterRows(buildRows({ ...src, periodEnd: '2028-03-31' }), { ...NO_FILTERS, overdueOnly: true }, '')).toHaveLength(20);
  });

  // Speed is measured by the bench (npm run bench app), not here: this checks the result at 10,000 tasks.
  it('builds and searches 10,000 tasks', () => {
    const tasks = bulkTasks(10_000);
    const rows = buildRows({ ...src, tasks });
    const hits = filterRows(rows, NO_FILTERS, 'jjgdyf');
    expect(rows).toHaveLength(10_000);
    expect(hits.length).toBe(500); // 聚集高端研发人才: every 20th task
    // An autosave only re-attaches progress and re-filters, from the same task infos.
    const infos = buildTaskInfos({ ...src, tasks });
    expect(filterRows(attachProgress(infos, [], '2025-09-30'), { ...NO_FILTERS, unfilledOnly: true }, 'jjgdyf')).toHaveLength(500);
  });
});

describe('search on the default data: title, text, units under every name, relevance reason', () => {
  const data = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../seeds/default-data.json'), 'utf8')) as DefaultData;
  const rowsFor = (district: string) =>
    buildRows({ tasks: data.tasks, documents: data.documents, sections: data.sections, clusters: data.clusters.filter((c) => c.district === district), progress: [], district, periodEnd: '2026-12-31' });
  const hanyang = rowsFor('汉阳区');
  const keys = (rows: LedgerRow[]) => rows.map((r) => r.task.key).sort();

  it('"hy" finds every task that names 汉阳 in its title or text, for any district', () => {
    const naming = data.tasks.filter((t) => `${t.title}${t.text}`.includes('汉阳')).map((t) => t.key).sort();
    expect(naming.length).toBeGreaterThan(0);
    for (const rows of [hanyang, rowsFor('江岸区')]) expect(keys(filterRows(rows, NO_FILTERS, 'hy'))).toEqual(expect.arrayContaining(naming));
  });

  it('"gcsj" finds the tasks of the 工程设计建造 cluster (its name in the reason)', () => {
    const inCluster = hanyang.filter((r) => r.clusterNames.includes('工程设计建造'));
    expect(inCluster.length).toBeGreaterThan(0);
    expect(keys(filterRows(hanyang, NO_FILTERS, 'gcsj'))).toEqual(expect.arrayContaining(keys(inCluster)));
    expect(keys(filterRows(hanyang, NO_FILTERS, '工程设计建造'))).toEqual(expect.arrayContaining(keys(inCluster)));
  });

  it.each([
    ['市科技局', '市科技创新局'],
    ['市科创局', '市科技创新局'],
    ['skcj', '市科技创新局'],
    ['市国资委', '市政府国资委'],
  ])('an old or short unit name %s finds the tasks of %s', (old, canonical) => {
    const led = hanyang.filter((r) => [...r.task.leadUnits, ...r.task.responsibleUnits].includes(canonical));
    expect(led.length).toBeGreaterThan(0);
    expect(keys(filterRows(hanyang, NO_FILTERS, old))).toEqual(expect.arrayContaining(keys(led)));
  });

  it('the reason is searchable: 全部区参与 and dmhy (点名：汉阳区)', () => {
    const all = hanyang.filter((r) => r.reasons.some((x) => x.includes('全部区参与')));
    expect(keys(filterRows(hanyang, NO_FILTERS, '全部区参与'))).toEqual(keys(all));
    const named = hanyang.filter((r) => r.reasons.includes('点名：汉阳区'));
    expect(keys(filterRows(hanyang, NO_FILTERS, 'dmhy'))).toEqual(expect.arrayContaining(keys(named)));
  });
});

describe('销号 in the ledger', () => {
  it('a task closed by the period end leaves the list, stays findable with 显示已销号, and is never overdue', () => {
    const tasks = fx.tasks.map((t, i) => (i < 3 ? { ...t, closedAt: '2025-08-01' } : t));
    const rows = buildRows({ ...src, tasks, periodEnd: '2028-03-31' });
    expect(filterRows(rows, NO_FILTERS, '')).toHaveLength(17);
    expect(filterRows(rows, { ...NO_FILTERS, showClosed: true }, '')).toHaveLength(20);
    expect(filterRows(rows, { ...NO_FILTERS, showClosed: true }, 'yjgjyf').map((r) => r.closed)).toEqual([true]);
    expect(filterRows(rows, { ...NO_FILTERS, overdueOnly: true, showClosed: true }, '')).toHaveLength(17);
    // An earlier period (ending before the closing date) still lists it.
    expect(filterRows(buildRows({ ...src, tasks, periodEnd: '2025-06-30' }), NO_FILTERS, '')).toHaveLength(20);
  });
});

describe('the search index', () => {
  it('gives exactly what a full search gives, keystroke by keystroke (typing on, deleting, changing filters)', () => {
    const infos = buildTaskInfos({ ...src, tasks: bulkTasks(2_000) });
    const rows = attachProgress(infos, [], src.periodEnd);
    const index = buildSearchIndex(infos);
    const relevantOnly = { ...NO_FILTERS, relevantOnly: true };
    const steps: [string, typeof NO_FILTERS][] = [
      ['创', NO_FILTERS], ['创新', NO_FILTERS], ['创新平', NO_FILTERS], ['创新', NO_FILTERS], ['创新 ', NO_FILTERS], ['创新 k', NO_FILTERS],
      ['创新 kj', relevantOnly], ['', relevantOnly], ['j', relevantOnly], ['jj', relevantOnly], ['jjg', NO_FILTERS], ['jjgdyf', NO_FILTERS], ['x', NO_FILTERS],
      ['平台 创新', NO_FILTERS], ['新平', NO_FILTERS], ['hy', NO_FILTERS],
    ];
    for (const [search, f] of steps) {
      const scanned = filterRows(rows, f, search).map((r) => r.task.key);
      expect(filterRows(rows, f, search, index).map((r) => r.task.key), search).toEqual(scanned);
    }
    expect(filterRows(rows, NO_FILTERS, '创新', index).length).toBeGreaterThan(0);
  });
});
