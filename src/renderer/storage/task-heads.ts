/**
 * The taskHeads table: every task without its long text (具体内容), so that the ledger's first
 * rows can be drawn from half the bytes (IndexedDB's read of 10,000 tasks is most of a start:
 * bench/NOTES.md, twentieth and twenty-third sessions). A head may also keep what the ledger
 * worked out from the whole task (relevance and clusters, `kept`), with the stamp it was worked
 * out under; a start uses it only while that stamp is still the one in force.
 *
 * Kept in step with tasks by a DBCore middleware installed by createRawLedgerDb (db.ts), in the
 * same transaction as every put, add or delete of a task, as progressSummary is kept with
 * progress: no feature, restore or test can write a task and forget its head. A task written
 * again loses its kept part (its head is made again from the task). Derived: never in a backup.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import type { Cluster, Task, TaskHead as ModelTaskHead } from '@core/model';
import { relevanceStamp } from '@core/policy/relevance';
import { rowProblem } from '@core/records/schemas';
import { derivedTableMiddleware } from './derived-middleware';
import type { LedgerDb } from './ledger-db';

/** Name of the heads table. */
export const HEADS_TABLE = 'taskHeads';
const TASKS = 'tasks';

/** What the ledger worked out from a whole task, and under which stamp (relevance rules, district, clusters). */
export interface KeptTaskInfo {
  stamp: string;
  relevant: boolean;
  reasons: string[];
  clusterNames: string[];
}

/** A task without its text, and what was kept of it. */
export type TaskHead = ModelTaskHead & { kept?: KeptTaskInfo };

/** The head of a task: every field but the text (and nothing kept). */
export function headOf(task: Task): TaskHead {
  const { text: _text, ...head } = task;
  return head;
}

/** The build of the app (a new version works relevance out again: its rules may have changed). */
const BUILD: string = import.meta.env?.VITE_LEDGER_BUILD ?? 'dev';

/** The stamp kept infos must carry to be used: this build, the district and its clusters. */
export function keptStamp(district: string, clusters: readonly Cluster[]): string {
  return `${BUILD}|${relevanceStamp(district, clusters)}`;
}

/**
 * A note beside the store (the window's localStorage) of the build and district the heads' infos
 * were last kept under, read without waiting for IndexedDB. A start that finds it naming this
 * build and district asks the heads at once, beside its other small reads; one that does not (the
 * first start of a new version, another district, nothing kept yet) asks the whole tasks at once,
 * as before heads were kept. It is only a guide: each head's own stamp still decides what is drawn
 * from it (ledgerStart), so a wrong note costs a read, never a wrong row.
 */
const KEPT_NOTE = 'ledger.taskHeads.keptFor';

/** The window's localStorage, where there is one (not in Node's tests; a locked-down profile may refuse it). */
function noteStore(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Whether the last keeping was under this build for `district` (so the heads are worth asking first). */
export function headsKeptFor(district: string): boolean {
  try {
    return noteStore()?.getItem(KEPT_NOTE) === `${BUILD}|${district}`;
  } catch {
    return false;
  }
}

function noteKept(district: string): void {
  try {
    noteStore()?.setItem(KEPT_NOTE, `${BUILD}|${district}`);
  } catch {
    // Only a guide: without it the next start reads the whole tasks, as before.
  }
}

/** Whether a stored head is a well-formed task but for its text (the row guard's rule for tasks). */
export function headProblem(head: TaskHead): string | undefined {
  return rowProblem('tasks', { ...head, text: '' });
}

/** What the ledger worked out of one whole task, to keep with its head. */
export interface TaskInfoToKeep {
  /** The task as it was read when the info was worked out. */
  task: Task;
  relevant: boolean;
  reasons: string[];
  clusterNames: string[];
}

/**
 * Keep with each task's head what the ledger worked out of the whole task for `district` and its
 * `clusters`, so that the next start draws those rows from the head alone. A task changed since it
 * was read (its stored record differs) is left without: its head was made again with the change.
 * A task missing its head (written past storage) gets one.
 */
export async function keepTaskInfos(db: LedgerDb, district: string, clusters: readonly Cluster[], infos: readonly TaskInfoToKeep[]): Promise<number> {
  const stamp = keptStamp(district, clusters);
  let kept = 0;
  for (let at = 0; at < infos.length; at += KEEP_CHUNK) kept += await keepChunk(db, stamp, infos.slice(at, at + KEEP_CHUNK));
  if (kept > 0) noteKept(district);
  return kept;
}

/**
 * Infos kept per transaction. The comparison and the copies of the written heads are the page's
 * own work: 10,000 in one transaction held the page's thread 0.5–1.5 s in one piece (an officer
 * typing then would feel it), 500 at a time 60–150 ms, 200 at a time under 50 ms, for the same
 * total time (bench/tools/keep-infos.ts, bench/NOTES.md twenty-sixth session).
 */
const KEEP_CHUNK = 200;

function keepChunk(db: LedgerDb, stamp: string, infos: readonly TaskInfoToKeep[]): Promise<number> {
  return db.transaction('rw', [db.tasks, db.taskHeads], async () => {
    const keys = infos.map((i) => i.task.key);
    const [tasks, heads] = await Promise.all([db.tasks.bulkGet(keys), db.taskHeads.bulkGet(keys)]);
    const out: TaskHead[] = [];
    infos.forEach((info, i) => {
      const now = tasks[i];
      if (!now || JSON.stringify(now) !== JSON.stringify(info.task)) return;
      // A task without a head (written past storage, as a test's raw rows) is given one.
      out.push({ ...(heads[i] ?? headOf(now)), kept: { stamp, relevant: info.relevant, reasons: info.reasons, clusterNames: info.clusterNames } });
    });
    if (out.length > 0) await db.taskHeads.bulkPut(out);
    return out.length;
  });
}

/** Drop the heads of `keys` whose task is gone (a task deleted beside storage, so that its head was left). */
export async function dropHeadsWithoutTask(db: LedgerDb, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  return db.transaction('rw', [db.tasks, db.taskHeads], async () => {
    const tasks = await db.tasks.bulkGet([...keys]);
    const gone = keys.filter((_, i) => !tasks[i]);
    if (gone.length > 0) await db.taskHeads.bulkDelete(gone);
    return gone.length;
  });
}

// Promise chains, not async/await: the promises must stay Dexie's, so that the middlewares
// above (audit trail, hooks) keep the transaction's zone.
function tasksTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  const heads = down.table(HEADS_TABLE);
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
      const trans = req.trans;
      return table.mutate(req).then((res) => {
        if (req.type === 'delete') return heads.mutate({ type: 'delete', trans, keys: req.keys }).then(() => res);
        if (req.type === 'deleteRange') return heads.mutate({ type: 'deleteRange', trans, range: req.range }).then(() => res);
        const values = (req.values as Task[]).filter((_, i) => !res.failures[i]).map(headOf);
        if (values.length === 0) return res;
        return heads.mutate({ type: 'put', trans, values }).then(() => res);
      });
    },
  };
}

/** The middleware: task writes also write their heads (when the schema has the table). */
export const taskHeadsMiddleware: Middleware<DBCore> = derivedTableMiddleware('taskHeads', TASKS, HEADS_TABLE, tasksTable);
