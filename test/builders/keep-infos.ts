/**
 * Keep every active task's infos for a district with its head, as the ledger page does after a
 * start that had nothing to draw from (useKeepStartInfos: the whole tasks' infos, then afterWhole).
 */
import { ledgerBase } from '../../src/renderer/storage/queries';
import { keepTaskInfos } from '../../src/renderer/storage/task-heads';
import type { LedgerDb } from '../../src/renderer/storage/db';
import { buildTaskInfos } from '../../src/renderer/features/common/task-rows';
import { afterWhole } from '../../src/renderer/features/ledger/use-keep-start-infos';

export async function keepEveryInfo(db: LedgerDb, district: string): Promise<number> {
  const base = await ledgerBase(db, district);
  return keepTaskInfos(db, district, base.clusters, afterWhole('all', buildTaskInfos({ ...base, district })).keep);
}
