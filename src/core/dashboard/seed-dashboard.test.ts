/** The dashboard on the default data set generated from the five seed documents. */
import { describe, expect, it } from 'vitest';
import type { ProgressEntry, Task } from '../model';
import type { DefaultData } from '../policy/seed-data';
import { taskRelevance } from '../policy/relevance';
import { makePeriod, periodRange } from '../period';
import { buildDashboard } from './build-dashboard';
import { summarizeProgress } from './progress-summary';
import { anEntry } from '../../../test/builders/dashboard';
import { indicatorKey } from '../indicators/names';
import seedJson from '../../../seeds/default-data.json';

const seed = seedJson as unknown as DefaultData;
const periods = periodRange(makePeriod('quarter', 2025, 1), makePeriod('quarter', 2027, 1));
/** The 十四五 table's row 高新技术企业数量 (found by name: ids follow the parser's order). */
const hiTechId = seed.targets.find((t) => t.documentId === 'doc-003' && t.kind === 'table' && t.name === '高新技术企业数量')!.id;

describe.each(['汉阳区', '江夏区', '东湖新技术开发区'])('the seeded dashboard of %s in 2027年第一季度', (district) => {
  const clusters = seed.clusters.filter((c) => c.district === district);
  const isRelevant = (t: Task) => taskRelevance(t, district, clusters).relevant;
  const relevant = seed.tasks.filter((t) => !t.archived && isRelevant(t));
  // The officer marks the first ten tasks 已完成 in 2025-Q2, the next five 滞后 this quarter,
  // and reports 高新技术企业数量 (6259 in 2020 → 12000 in 2025) as 9500 at the end of 2023.
  const done = relevant.slice(0, 10);
  const behind = relevant.slice(10, 15);
  const progress: ProgressEntry[] = [
    ...done.map((t) => anEntry(district, t.key, '2025-Q2', 'done')),
    ...behind.map((t) => anEntry(district, t.key, '2027-Q1', 'behind')),
    anEntry(district, relevant[20]!.key, '2023-Q4', undefined, { indicatorValues: { [hiTechId]: 9500 } }),
    anEntry('江岸区', relevant[16]!.key, '2027-Q1', 'done'), // another district: ignored
  ];
  // The district adopted the 十四五 table's line for 高新技术企业数量 as its own target (区级分解目标).
  const districtTargets = { [indicatorKey('高新技术企业数量', '家')]: { value: 12000, year: 2025, baseline: 6259, baselineYear: 2020 } };
  const data = buildDashboard({ district, periods, today: '2027-03-15', ...seed, progress, clusters, isRelevant, districtTargets });

  it('gives the same numbers from progress summaries (no texts) as from full entries', () => {
    const viaSummaries = buildDashboard({ district, periods, today: '2027-03-15', ...seed, progress: progress.map(summarizeProgress), clusters, isRelevant, districtTargets });
    expect(viaSummaries).toEqual(data);
    expect(viaSummaries.totals.filled).toBeGreaterThan(0);
  });

  it('shows every task that concerns the district, by document', () => {
    expect(relevant.length).toBeGreaterThan(20);
    expect(data.totals.tasks).toBe(relevant.length);
    for (const d of data.byDocument) expect(d.total).toBe(relevant.filter((t) => t.documentId === d.documentId).length);
    expect(data.byDocument.map((d) => d.title)).toEqual(
      seed.documents.filter((d) => relevant.some((t) => t.documentId === d.id)).map((d) => d.shortTitle || d.title),
    );
  });

  it('counts 已完成, 滞后 and 未填报 as filled in', () => {
    expect(data.totals).toMatchObject({ done: 10, behind: 5, filled: 15, unfilled: relevant.length - 15 });
    expect(data.history.find((h) => h.periodId === '2025-Q2')).toMatchObject({ newlyDone: 10, done: 10 });
    expect(data.history.at(-1)).toMatchObject({ periodId: '2027-Q1', done: 10, newlyDone: 0, filled: 15 });
  });

  it('lists as overdue exactly the tasks past their 2026 deadline that are not done', () => {
    const expected = relevant.filter((t) => t.deadline && t.deadline < '2027-03-15' && !done.includes(t)).map((t) => t.key);
    expect(data.overdue.map((t) => t.key).sort()).toEqual(expected.sort());
    for (const t of data.overdue) expect(t.daysOverdue).toBe(74); // 2026-12-31 → 2027-03-15
  });

  it('judges 高新技术企业数量 against the district target, one row for its five statements', () => {
    expect(data.indicators.filter((i) => i.name === '高新技术企业数量')).toHaveLength(1);
    const row = data.indicators.find((i) => i.name === '高新技术企业数量')!;
    expect(row).toMatchObject({ actual: 9500, actualPeriodId: '2023-Q4', verdict: 'behind' });
    // By 2027 the 2025 target year has passed, so anything short of 12000 is 滞后.
    expect(row.expectedShare).toBe(100);
  });

  it('judges the same value 序时 when the period shown is 2023年第四季度', () => {
    const at2023 = buildDashboard({ district, periods: periodRange(makePeriod('quarter', 2023, 1), makePeriod('quarter', 2023, 4)), today: '2023-12-20', ...seed, progress, clusters, isRelevant, districtTargets });
    const row = at2023.indicators.find((i) => i.name === '高新技术企业数量')!;
    // 3 of 5 years → 60% of the way expected; (9500 − 6259) / (12000 − 6259) = 56.5%: within 10 points.
    expect(row.verdict).toBe('on_track');
    expect(row.expectedShare).toBeCloseTo(60, 6);
    expect(row.completion).toBeCloseTo(56.45, 2);
  });
});
