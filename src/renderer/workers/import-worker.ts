/**
 * Import parsing off the UI thread: reads the workbook (SheetJS), finds each sheet's table
 * and plans the import, posting progress as it goes. The grids stay here; the page gets
 * sheet summaries and the plan. Started with
 * `new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' })`.
 */
import {
  findTable,
  listCoverage,
  planImport,
  readRows,
  withMapping,
  type ColumnMapping,
  type ImportIssue,
  type ImportPlan,
  type RememberedMapping,
  type SheetGrid,
  type TableLayout,
} from '@core/import';
import type { Cluster, PolicyDocument, Section, Task } from '@core/model';
import { estimatePlanWork, PLAN_LIMITS } from '@core/limits';
import { readWorkbook } from '../spreadsheet/read-sheet';
import { IMPORT_WORKER_TEXT as T } from './texts';

/** One sheet as the page sees it. */
export interface SheetSummary {
  index: number;
  name: string;
  rowCount: number;
  layout?: TableLayout;
  issues: ImportIssue[];
  /** The first rows under the header, for the mapping step. */
  sample: string[][];
}

/** Messages to the worker. */
export type ImportWorkerRequest =
  | { type: 'read'; name: string; data: ArrayBuffer; remembered: RememberedMapping }
  | {
      type: 'plan';
      sheetIndex: number;
      columns?: ColumnMapping[];
      existing: Task[];
      documents: PolicyDocument[];
      sections: Section[];
      /** Clusters by district, to tell which tasks a district's list speaks for. */
      clusters: Cluster[];
      defaultDocumentId?: string;
      now: string;
    };

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
/** Warnings and errors found while reading (formula texts, over-long cells), per sheet. */
let readIssues: ImportIssue[][] = [];

const post = (m: ImportWorkerResponse) => (self as unknown as Worker).postMessage(m);

function handle(req: ImportWorkerRequest): void {
  if (req.type === 'read') {
    fileName = req.name;
    const r = readWorkbook(new Uint8Array(req.data), req.name, (stage, fraction) => post({ type: 'progress', stage, fraction: fraction * 0.8 }));
    if (!r.ok) {
      if (r.cause) post({ type: 'log', message: `import read refused ${req.name}: ${r.cause}` });
      return post({ type: 'read', ok: false, message: r.message });
    }
    grids = r.sheets;
    readIssues = grids.map((g) => r.issues.filter((i) => i.sheet === g.name));
    post({ type: 'progress', stage: '正在识别表头', fraction: 0.9 });
    const sheets = grids.map((g, index): SheetSummary => {
      const { layout, issues } = findTable(g, req.remembered);
      const start = layout ? layout.headerRow + layout.headerRows : 0;
      return { index, name: g.name, rowCount: g.rows.length, layout, issues: [...issues, ...readIssues[index]!], sample: g.rows.slice(start, start + 5) };
    });
    layouts = sheets.map((s) => s.layout);
    post({ type: 'progress', stage: '读取完成', fraction: 1 });
    return post({ type: 'read', ok: true, sheets });
  }
  const grid = grids[req.sheetIndex];
  let layout = layouts[req.sheetIndex];
  if (!grid) return;
  if (layout && req.columns) layout = withMapping(layout, req.columns);
  post({ type: 'progress', stage: '正在比对任务', fraction: 0.3 });
  const found = layout ? { rows: readRows(grid, layout), issues: [] } : undefined;
  const rowCount = found?.rows.rows.length ?? 0;
  // A list whose planning would run for minutes is refused before it starts, not after.
  if (estimatePlanWork(rowCount, req.existing.length) > PLAN_LIMITS.maxWork)
    return post({ type: 'read', ok: false, message: T.tooMuchWork(fileName, grid.name, rowCount, req.existing.length) });
  const issues = [...(readIssues[req.sheetIndex] ?? []), ...(layout ? found!.rows.issues : findTable(grid).issues)];
  const plan = planImport({
    fileName,
    sheet: grid.name,
    rows: found?.rows.rows ?? [],
    issues,
    existing: req.existing,
    documents: req.documents,
    sections: req.sections,
    defaultDocumentId: req.defaultDocumentId,
    now: req.now,
    // A list titled for one district speaks only for that district's tasks.
    covers: layout ? listCoverage(grid, layout, req.clusters) : undefined,
  });
  post({ type: 'progress', stage: '比对完成', fraction: 1 });
  post({ type: 'plan', plan, layout });
}

self.onmessage = (e: MessageEvent<ImportWorkerRequest>) => {
  try {
    handle(e.data);
  } catch (err) {
    // The library's own words are English and technical: they go to the log, the officer gets what to do.
    post({ type: 'log', message: `import worker failed: ${String((err as Error)?.stack ?? err)}` });
    post({ type: 'read', ok: false, message: T.failed });
  }
};
