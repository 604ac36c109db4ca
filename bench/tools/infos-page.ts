/**
 * The ledger's row preparation at a start (relevance of 10,000 tasks, buildTaskInfos, attachProgress), in
 * Chromium, as the first call in a fresh page (nothing warmed up, as at a start):
 * `npx tsx bench/tools/in-page.ts bench/tools/infos-page.ts`. With `again`: relevance of four fresh
 * sets of 10,000 tasks in the same page (the engine warmed up).
 */
import { attachProgress, buildTaskInfos } from '@renderer/features/common/task-rows';
import { taskRelevance } from '@core/policy/relevance';
import type { Cluster } from '@core/model';
import { generateData, sentencesOf } from '../lib/synthetic';

/** The bench's district has no cluster (as in step 4); one array, as the ledger's query gives. */
const CLUSTERS: Cluster[] = [];

export default function (texts: string[], args: string[]): string {
  const data = generateData({ sentences: sentencesOf(texts), taskCount: 10_000, periodCount: 1, progressCount: 0 });
  const ms: string[] = [];
  for (let round = 0; round < (args[0] === 'again' ? 4 : 1); round++) {
    const tasks = structuredClone(data.tasks).map((t) => ({ ...t, key: `${t.key}-${round}` }));
    const t0 = performance.now();
    for (const t of tasks) taskRelevance(t, '汉阳区', CLUSTERS);
    const t1 = performance.now();
    const infos = buildTaskInfos({ tasks, documents: [], sections: [], clusters: CLUSTERS, district: '汉阳区' });
    const t2 = performance.now();
    // As at a start: the period's progress (none in step 4), then again once the earlier periods' are known.
    attachProgress(infos, [], '2026-12-31', '2026-11-28');
    attachProgress(infos, [], '2026-12-31', '2026-11-28', new Map());
    const t3 = performance.now();
    ms.push(`relevance ${(t1 - t0).toFixed(1)} ms, then the infos ${(t2 - t1).toFixed(1)} ms, the progress attached twice ${(t3 - t2).toFixed(1)} ms`);
  }
  return ms.join('\n');
}
