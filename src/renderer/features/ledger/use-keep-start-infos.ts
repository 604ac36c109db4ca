/**
 * After a start that found the kept infos of some heads missing or stale (storage's ledgerStart:
 * a new build, a cluster changed, tasks imported), keep what the ledger worked out of the whole
 * tasks (relevance, clusters) with their heads, so that the next start draws them from the heads.
 * Done a moment after the whole tasks are in, away from the first rows and the first keystrokes.
 */
import { useEffect, useRef } from 'react';
import type { Cluster } from '@core/model';
import { getDb, keepTaskInfos, keptStamp, type LedgerStart, type QueryState } from '../../storage';
import { isWhole, type TaskInfo } from '../common/task-rows';

/** How long after the whole tasks are in the infos are kept (ms). */
const KEEP_AFTER_MS = 2000;

/** Keep the whole tasks' infos with their heads when the start said they were missing or stale. */
export function useKeepStartInfos(district: string, start: QueryState<LedgerStart | undefined>, whole: { infos: readonly TaskInfo[]; clusters: readonly Cluster[] } | undefined): void {
  // What the start said, remembered once it answered (the start is no longer watched once the whole tasks are in).
  const stale = useRef<'all' | ReadonlySet<string> | undefined>(undefined);
  useEffect(() => {
    if (start.loading) return;
    stale.current = start.data ? new Set(start.data.staleKeys) : 'all';
  }, [start]);
  useEffect(() => {
    const which = stale.current;
    if (!whole || !which || (which !== 'all' && which.size === 0)) return;
    const timer = setTimeout(() => {
      stale.current = undefined;
      const stamp = keptStamp(district, whole.clusters);
      const keep = [];
      for (const i of whole.infos) if (isWhole(i.task) && (which === 'all' || which.has(i.task.key))) keep.push({ task: i.task, relevant: i.relevant, reasons: i.reasons, clusterNames: i.clusterNames });
      keepTaskInfos(getDb(), stamp, keep).catch((e: unknown) => console.warn('keeping the tasks’ infos for the next start failed:', e));
    }, KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [whole, district]);
}
