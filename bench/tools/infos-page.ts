/**
 * The ledger's row preparation at a start (relevance of 10,000 tasks, then buildTaskInfos), in
 * Chromium, as the first call in a fresh page (nothing warmed up, as at a start):
 * `npx tsx bench/tools/in-page.ts bench/tools/infos-page.ts`. With `again`: relevance of four fresh
 * sets of 10,000 tasks in the same page (the engine warmed up).
 */
import { buildTaskInfos } from '@renderer/features/common/task-rows';
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
    buildTaskInfos({ tasks, documents: [], sections: [], clusters: CLUSTERS, district: '汉阳区' });
    ms.push(`relevance ${(t1 - t0).toFixed(1)} ms, then the infos ${(performance.now() - t1).toFixed(1)} ms`);
  }
  return ms.join('\n');
}
