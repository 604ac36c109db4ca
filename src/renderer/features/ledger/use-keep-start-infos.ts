/**
 * After a start that drew some rows from whole tasks rather than heads (storage's ledgerStart:
 * a new build, a cluster changed, tasks imported, a task without a head), keep what the ledger
 * worked out of the whole tasks (relevance, clusters) with their heads, so that the next start
 * draws them from the heads. Done a moment after the whole tasks are in, away from the first rows
 * and the first keystrokes.
 */
import { useEffect, useRef } from 'react';
import type { Cluster } from '@core/model';
import { dropHeadsWithoutTask, getDb, keepTaskInfos, type LedgerStart, type QueryState, type TaskInfoToKeep } from '../../storage';
import { isWhole, type TaskInfo } from '../common/task-rows';

/** How long after the whole tasks are in the infos are kept (ms). */
const KEEP_AFTER_MS = 2000;

/** What a start drew from heads: nothing (`'all'`: it read the whole tasks), or the keys of the tasks it drew from their heads. */
export type StartDrawn = 'all' | ReadonlySet<string>;

/** The keys a start's answer drew from heads (`'all'` when it had nothing to draw from). */
export function drawnFromHeads(start: LedgerStart | undefined): StartDrawn {
  if (!start) return 'all';
  const drawn = new Set<string>();
  for (const t of start.tasks) if (!isWhole(t)) drawn.add(t.key);
  return drawn;
}

/**
 * What to do once the whole tasks are in, after a start that drew `drawn`: keep the infos of every
 * whole task that was not drawn from a head (its head was stale, or it had none), and drop the
 * heads that were drawn but have no task (a store mended beside the app).
 */
export function afterWhole(drawn: StartDrawn, infos: readonly TaskInfo[]): { keep: TaskInfoToKeep[]; strays: string[] } {
  const keep: TaskInfoToKeep[] = [];
  const seen = new Set<string>();
  for (const i of infos) {
    if (!isWhole(i.task)) continue;
    seen.add(i.task.key);
    if (drawn === 'all' || !drawn.has(i.task.key)) keep.push({ task: i.task, relevant: i.relevant, reasons: i.reasons, clusterNames: i.clusterNames });
  }
  const strays = drawn === 'all' ? [] : [...drawn].filter((k) => !seen.has(k));
  return { keep, strays };
}

/** Keep the whole tasks' infos with their heads where the start could not draw from them. */
export function useKeepStartInfos(district: string, start: QueryState<LedgerStart | undefined>, whole: { infos: readonly TaskInfo[]; clusters: readonly Cluster[] } | undefined): void {
  // The start's answer, remembered once it came (the start is no longer watched once the whole tasks are in);
  // what it drew is worked out only later, with the whole tasks, off the first rows' path.
  const answer = useRef<{ start: LedgerStart | undefined } | undefined>(undefined);
  useEffect(() => {
    if (start.loading) return;
    answer.current = { start: start.data };
  }, [start]);
  useEffect(() => {
    const said = answer.current;
    if (!whole || !said) return;
    const timer = setTimeout(() => {
      answer.current = undefined;
      const { keep, strays } = afterWhole(drawnFromHeads(said.start), whole.infos);
      const warn = (e: unknown) => console.warn('keeping the tasks’ infos for the next start failed:', e);
      if (keep.length > 0) keepTaskInfos(getDb(), district, whole.clusters, keep).catch(warn);
      if (strays.length > 0) dropHeadsWithoutTask(getDb(), strays).catch(warn);
    }, KEEP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [whole, district]);
}
