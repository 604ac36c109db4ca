/** Writes of 办结销号: close tasks (one or many, in one transaction) and reopen them. Audited by the storage middleware. */
import { closeTask, reopenTask } from '@core/closure';
import type { IsoDate, Task } from '@core/model';
import type { LedgerDb } from '../../storage/db';

/** What the officer gives when closing: the date, a note, who closes. */
export interface CloseInput {
  date: IsoDate;
  note: string;
  by: string;
}

/** Close every open task of `keys` in one transaction; returns how many were closed (already closed ones are left as they are). */
export async function closeTasks(db: LedgerDb, keys: readonly string[], close: CloseInput): Promise<number> {
  const now = new Date().toISOString();
  return db.transaction('rw', db.tasks, async () => {
    const found = (await db.tasks.bulkGet([...keys])).filter((t): t is Task => Boolean(t && !t.closedAt));
    // put one by one (not bulkPut of a query) so the audit trail records each task's fields.
    for (const t of found) await db.tasks.put(closeTask(t, close, now));
    return found.length;
  });
}

/** Reopen a closed task: it is back in every period's lists. */
export async function reopenClosedTask(db: LedgerDb, key: string): Promise<boolean> {
  return db.transaction('rw', db.tasks, async () => {
    const t = await db.tasks.get(key);
    if (!t?.closedAt) return false;
    await db.tasks.put(reopenTask(t, new Date().toISOString()));
    return true;
  });
}
