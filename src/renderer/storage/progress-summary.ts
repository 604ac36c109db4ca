/**
 * The progressSummary table: for each district and period one row holding a compact cell per
 * task (status, percent, filled, indicator values; no texts), for the 工作台, which would
 * otherwise read every entry with its long texts (IndexedDB costs ~17 µs per row read here, so
 * even one small row per entry is too slow at 200,000 entries). Kept in step with progress by a
 * DBCore middleware installed by createLedgerDb (db.ts), in the same transaction as every put, add or
 * delete of progress, so no feature (nor restore, nor a test) can forget it.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { ProgressEntry } from '@core/model';
import { derivedTableMiddleware } from './derived-middleware';
import { emptyPeriodRow, periodSummaryId, summaryCellOf, type PeriodSummaryRow, type SummaryCell } from '@core/dashboard/progress-summary';

/** Name of the summary table. */
export const SUMMARY_TABLE = 'progressSummary';
const PROGRESS = 'progress';

/** Changes to cells: `undefined` removes the task's cell. */
type CellChange = { district: string; periodId: string; taskKey: string; cell: SummaryCell | undefined };

/** Apply cell changes to their period rows (read, change, write). */
function applyChanges(summaries: DBCoreTable, trans: DBCoreTransaction, changes: CellChange[]) {
  const byRow = new Map<string, CellChange[]>();
  for (const c of changes) {
    const id = periodSummaryId(c.district, c.periodId);
    const list = byRow.get(id);
    if (list) list.push(c);
    else byRow.set(id, [c]);
  }
  const ids = [...byRow.keys()];
  return summaries.getMany({ trans, keys: ids }).then((found) => {
    const values = ids.map((id, i) => {
      const list = byRow.get(id)!;
      const row = (found[i] as PeriodSummaryRow | undefined) ?? emptyPeriodRow(list[0]!.district, list[0]!.periodId);
      for (const c of list) {
        if (c.cell) row.cells[c.taskKey] = c.cell;
        else delete row.cells[c.taskKey];
      }
      return row;
    });
    return summaries.mutate({ type: 'put', trans, values });
  });
}

/** Per transaction, the last summary update: updates run one after another (each reads then writes rows). */
const queues = new WeakMap<object, Promise<unknown>>();

// Promise chains, not async/await: the promises must stay Dexie's, so that the middlewares
// above (audit trail, hooks) keep the transaction's zone.
function summaryTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  const summaries = down.table(SUMMARY_TABLE);
  const after = (trans: DBCoreTransaction, step: () => PromiseLike<unknown>) => {
    const prev = queues.get(trans);
    const next = prev ? prev.then(step, step) : step();
    queues.set(trans, next as Promise<unknown>);
    return next;
  };
  return {
    ...table,
    mutate: (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
      const trans = req.trans;
      if (req.type === 'deleteRange' || req.type === 'delete') {
        // Read what goes away first: its district and period say which rows change.
        const olds =
          req.type === 'delete'
            ? table.getMany({ trans, keys: req.keys })
            : table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result);
        return olds.then((rows) =>
          table.mutate(req).then((res) =>
            after(trans, () =>
              applyChanges(
                summaries,
                trans,
                (rows as (ProgressEntry | undefined)[]).filter((r): r is ProgressEntry => !!r).map((r) => ({ district: r.district, periodId: r.periodId, taskKey: r.taskKey, cell: undefined })),
              ),
            ).then(() => res),
          ),
        );
      }
      return table.mutate(req).then((res) => {
        const changes = (req.values as ProgressEntry[])
          .filter((_, i) => !res.failures[i])
          .map((e) => ({ district: e.district, periodId: e.periodId, taskKey: e.taskKey, cell: summaryCellOf(e) }));
        if (changes.length === 0) return res;
        return after(trans, () => applyChanges(summaries, trans, changes)).then(() => res);
      });
    },
  };
}

/** The middleware: progress writes also write their summaries (when the schema has the table). */
export const progressSummaryMiddleware: Middleware<DBCore> = derivedTableMiddleware('progressSummary', PROGRESS, SUMMARY_TABLE, summaryTable);
