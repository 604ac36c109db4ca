/**
 * Import parsing off the UI thread: reads the workbook (SheetJS), finds each sheet's table
 * and plans the import, posting progress as it goes. The grids stay here; the page gets
 * sheet summaries and the plan. Started with
 * `new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' })`.
 */
import { otherListSheets, planSheet, readIssuesBySheet, summariseSheets, type ImportIssue, type ImportPlan, type RememberedMapping, type SheetGrid, type SheetPlanRequest, type SheetSummary, type TableLayout } from '@core/import';
import { estimatePlanWork, PLAN_LIMITS } from '@core/limits';
import { readWorkbook } from '../spreadsheet/read-sheet';
import { IMPORT_STAGE_TEXT as S, IMPORT_WORKER_TEXT as T } from './texts';

export type { SheetSummary };

/** Messages to the worker. */
export type ImportWorkerRequest =
  | { type: 'read'; name: string; data: ArrayBuffer; remembered: RememberedMapping }
  | ({ type: 'plan'; sheetIndex: number } & SheetPlanRequest);

/** Messages from the worker. */
export type ImportWorkerResponse =
  | { type: 'progress'; stage: string; fraction: number }
  /** A technical cause (the library's words) for the log, never shown to the officer. */
  | { type: 'log'; message: string }
  | { type: 'read'; ok: true; sheets: SheetSummary[] }
  | { type: 'read'; ok: false; message: string }
  | { type: 'plan'; plan: ImportPlan; layout?: TableLayout };

let fileName = '';
let grids: SheetGrid[] = [];
let layouts: (TableLayout | undefined)[] = [];
/** The sheets as the page was told of them (to say the other sheets holding a list). */
let summaries: SheetSummary[] = [];
/** Warnings and errors found while reading (formula texts, over-long cells), per sheet. */
let readIssues: ImportIssue[][] = [];

const post = (m: ImportWorkerResponse) => (self as unknown as Worker).postMessage(m);

async function handle(req: ImportWorkerRequest): Promise<void> {
  if (req.type === 'read') {
    fileName = req.name;
    const r = await readWorkbook(new Uint8Array(req.data), req.name, (stage, fraction) => post({ type: 'progress', stage, fraction: fraction * 0.8 }));
    if (!r.ok) {
      if (r.cause) post({ type: 'log', message: `import read refused ${req.name}: ${r.cause}` });
      return post({ type: 'read', ok: false, message: r.message });
    }
    grids = r.sheets;
    readIssues = readIssuesBySheet(grids, r.issues);
    post({ type: 'progress', stage: S.headers, fraction: 0.9 });
    const sheets = summariseSheets(grids, req.remembered, readIssues);
    layouts = sheets.map((s) => s.layout);
    summaries = sheets;
    post({ type: 'progress', stage: S.read, fraction: 1 });
    return post({ type: 'read', ok: true, sheets });
  }
  const grid = grids[req.sheetIndex];
  if (!grid) return;
  post({ type: 'progress', stage: S.matching, fraction: 0.3 });
  // A list whose planning would run for minutes is refused before it starts, not after.
  const found = layouts[req.sheetIndex];
  const rowCount = found ? Math.max(0, grid.rows.length - found.headerRow - found.headerRows) : 0;
  if (estimatePlanWork(rowCount, req.existing.length) > PLAN_LIMITS.maxWork)
    return post({ type: 'read', ok: false, message: T.tooMuchWork(fileName, grid.name, rowCount, req.existing.length) });
  const { plan, layout } = planSheet(fileName, grid, found, { ...req, readIssues: readIssues[req.sheetIndex] ?? [], otherSheets: otherListSheets(summaries, req.sheetIndex) });
  post({ type: 'progress', stage: S.matched, fraction: 1 });
  post({ type: 'plan', plan, layout });
}

/** Requests are handled one after another, in the order they came (a read awaits its inflating). */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<ImportWorkerRequest>) => {
  queue = queue.then(() =>
    handle(e.data).catch((err: unknown) => {
      // The library's own words are English and technical: they go to the log, the officer gets what to do.
      post({ type: 'log', message: `import worker failed: ${String((err as Error)?.stack ?? err)}` });
      post({ type: 'read', ok: false, message: T.failed });
    }),
  );
};
