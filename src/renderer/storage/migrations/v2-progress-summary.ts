/**
 * FROZEN upgrade of schema step 2 (progressSummary), as published. Never edit, never import
 * live code here: a published step must upgrade an old store the same way forever, whatever
 * later becomes of core's summary rules (the live rules keep new writes in step, see
 * progress-summary.ts). Only `dexie` types may be imported.
 */
import type { Transaction } from 'dexie';

type Status = string;
interface V2Progress {
  district: string;
  taskKey: string;
  periodId: string;
  status?: Status;
  percent?: number;
  progress?: unknown;
  indicatorValues?: Record<string, unknown>;
  updatedAt: string;
}
interface V2Cell {
  status?: Status;
  percent?: number;
  filled: 0 | 1;
  values?: Record<string, number>;
  updatedAt: string;
}
interface V2Row {
  id: string;
  district: string;
  periodId: string;
  start: string;
  cells: Record<string, V2Cell>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First day of a period id (`2025-11`, `2025-Q3`, `2025-H1`, `2025`), '' when unreadable. */
function periodStart(id: string): string {
  let m: RegExpExecArray | null;
  const ok = (y: number) => Number.isInteger(y) && y >= 1900 && y <= 2999;
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return ok(y) && mo >= 1 && mo <= 12 ? `${y}-${pad(mo)}-01` : '';
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) return ok(Number(m[1])) ? `${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01` : '';
  if ((m = /^(\d{4})-H([12])$/.exec(id))) return ok(Number(m[1])) ? `${m[1]}-${pad((Number(m[2]) - 1) * 6 + 1)}-01` : '';
  if ((m = /^(\d{4})$/.exec(id))) return ok(Number(m[1])) ? `${m[1]}-01-01` : '';
  return '';
}

function cellOf(e: V2Progress): V2Cell {
  const filled = !!e.status || e.percent !== undefined || (typeof e.progress === 'string' && e.progress.trim() !== '');
  const cell: V2Cell = { filled: filled ? 1 : 0, updatedAt: e.updatedAt };
  if (e.status !== undefined) cell.status = e.status;
  if (e.percent !== undefined) cell.percent = e.percent;
  for (const id in e.indicatorValues ?? {}) {
    const v = e.indicatorValues![id];
    if (typeof v === 'number' && Number.isFinite(v)) (cell.values ??= {})[id] = v;
  }
  return cell;
}

/** Step 2: one summary row per district and period, built from the stored progress. */
export async function upgradeV2ProgressSummary(tx: Transaction): Promise<void> {
  const rows = (await tx.table('progress').toArray()) as V2Progress[];
  const out = new Map<string, V2Row>();
  for (const e of rows) {
    const id = `${e.district}|${e.periodId}`;
    let row = out.get(id);
    if (!row) out.set(id, (row = { id, district: e.district, periodId: e.periodId, start: periodStart(e.periodId), cells: {} }));
    row.cells[e.taskKey] = cellOf(e);
  }
  await tx.table('progressSummary').bulkPut([...out.values()]);
}
