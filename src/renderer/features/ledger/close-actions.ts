/** Writes of 办结销号: close tasks (one or many, in one transaction) and reopen them. Audited by the storage middleware. */
import { closeTask, reopenTask } from '@core/closure';
import type { IsoDate } from '@core/model';
import { type LedgerDb, updateTasks } from '../../storage';

/** What the officer gives when closing: the date, a note, who closes. */
export interface CloseInput {
  date: IsoDate;
  note: string;
  by: string;
}

/** Close every open task of `keys` in one transaction; returns how many were closed (already closed ones are left as they are). */
export async function closeTasks(db: LedgerDb, keys: readonly string[], close: CloseInput): Promise<number> {
  const now = new Date().toISOString();
  return updateTasks(db, keys, (t) => (t.closedAt ? undefined : closeTask(t, close, now)));
}

/** Reopen a closed task: it is back in every period's lists. */
export async function reopenClosedTask(db: LedgerDb, key: string): Promise<boolean> {
  const now = new Date().toISOString();
  return (await updateTasks(db, [key], (t) => (t.closedAt ? reopenTask(t, now) : undefined))) > 0;
}
