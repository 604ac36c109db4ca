/**
 * The 工作台 (issue 9): buildDashboard over N tasks × P quarters of one district's progress,
 * the way DashboardPage calls it (relevance per task included).
 */
import { buildDashboard } from '@core/dashboard';
import { taskRelevance } from '@core/policy/relevance';
import { progressId, type PolicyDocument, type ProgressEntry } from '@core/model';
import { currentPeriod, shiftPeriod } from '@core/period';
import { generateData, type SyntheticData } from '../lib/synthetic';

export const DASHBOARD_DISTRICT = '汉阳区';

/** Today as `YYYY-MM-DD` (the page uses the real date too). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** N tasks and the district's progress for every task in each of the last P quarters up to now. */
export function dashboardData(sentences: string[], taskCount: number, periodCount: number): SyntheticData & { documents: PolicyDocument[] } {
  const data = generateData({ sentences, taskCount, periodCount: 1, progressCount: 0, seed: 9 });
  const pool = generateData({ sentences, taskCount: 1, periodCount: 1, progressCount: 500, seed: 10 }).progress;
  const now = currentPeriod('quarter', todayIso());
  const periods = Array.from({ length: periodCount }, (_, k) => shiftPeriod(now, k - periodCount + 1));
  const progress: ProgressEntry[] = [];
  for (const p of periods)
    data.tasks.forEach((t, i) => {
      const f = pool[(i * 31 + p.index) % pool.length]!;
      progress.push({ ...f, id: progressId(DASHBOARD_DISTRICT, t.key, p.id), district: DASHBOARD_DISTRICT, taskKey: t.key, periodId: p.id });
    });
  const documents = [...new Set(data.tasks.map((t) => t.documentId))].map(
    (id) => ({ id, title: `文件${id}`, shortTitle: `文件${id.slice(-2)}`, kind: 'other', addedAt: '2025-01-01T00:00:00.000Z' }) as PolicyDocument,
  );
  return { ...data, progress, periodIds: periods.map((p) => p.id), documents };
}

/** Time buildDashboard over the history of `periodCount` quarters, `runs` times. */
export function dashboardCompute(sentences: string[], taskCount: number, periodCount: number, runs: number): { ms: number[]; tasks: number } {
  const d = dashboardData(sentences, taskCount, periodCount);
  const now = currentPeriod('quarter', todayIso());
  const periods = Array.from({ length: periodCount }, (_, k) => shiftPeriod(now, k - periodCount + 1));
  const ms: number[] = [];
  let tasks = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const out = buildDashboard({
      district: DASHBOARD_DISTRICT,
      periods,
      today: todayIso(),
      documents: d.documents,
      tasks: d.tasks,
      progress: d.progress,
      targets: d.targets,
      clusters: [],
      isRelevant: (t) => taskRelevance(t, DASHBOARD_DISTRICT, []).relevant,
    });
    if (i > 0) ms.push(performance.now() - t0); // the first run warms the JIT
    tasks = out.totals.tasks;
  }
  return { ms, tasks };
}
