/**
 * Import parsing off the UI thread: reads the workbook (SheetJS), finds each sheet's table
 * and plans the import, posting progress as it goes. The grids stay here; the page gets
 * sheet summaries and the plan. Started with
 * `new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' })`.
 */
import { planSheet, summariseSheets, type ImportPlan, type RememberedMapping, type SheetGrid, type SheetPlanRequest, type SheetSummary, type TableLayout } from '@core/import';
import { readWorkbook } from '../spreadsheet/read-sheet';

export type { SheetSummary };

/** Messages to the worker. */
export type ImportWorkerRequest =
  | { type: 'read'; name: string; data: ArrayBuffer; remembered: RememberedMapping }
  | ({ type: 'plan'; sheetIndex: number } & SheetPlanRequest);

/** Messages from the worker. */
export type ImportWorkerResponse =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'read'; ok: true; sheets: SheetSummary[] }
  | { type: 'read'; ok: false; message: string }
  | { type: 'plan'; plan: ImportPlan; layout?: TableLayout };

let fileName = '';
let grids: SheetGrid[] = [];
let layouts: (TableLayout | undefined)[] = [];

const post = (m: ImportWorkerResponse) => (self as unknown as Worker).postMessage(m);

function handle(req: ImportWorkerRequest): void {
  if (req.type === 'read') {
    fileName = req.name;
    const r = readWorkbook(new Uint8Array(req.data), req.name, (stage, fraction) => post({ type: 'progress', stage, fraction: fraction * 0.8 }));
    if (!r.ok) return post({ type: 'read', ok: false, message: r.message });
    grids = r.sheets;
    post({ type: 'progress', stage: '正在识别表头', fraction: 0.9 });
    const sheets = summariseSheets(grids, req.remembered);
    layouts = sheets.map((s) => s.layout);
    post({ type: 'progress', stage: '读取完成', fraction: 1 });
    return post({ type: 'read', ok: true, sheets });
  }
  const grid = grids[req.sheetIndex];
  if (!grid) return;
  post({ type: 'progress', stage: '正在比对任务', fraction: 0.3 });
  const { plan, layout } = planSheet(fileName, grid, layouts[req.sheetIndex], req);
  post({ type: 'progress', stage: '比对完成', fraction: 1 });
  post({ type: 'plan', plan, layout });
}

self.onmessage = (e: MessageEvent<ImportWorkerRequest>) => {
  try {
    handle(e.data);
  } catch (err) {
    // The library's own words are English and technical: they go to the log, the officer gets what to do.
    console.error('import worker failed', err);
    post({ type: 'read', ok: false, message: '读取文件时出错，本次没有导入任何内容。请确认文件能在 Excel 或 WPS 中正常打开；能打开的话，请另存为 .xlsx 后再导入。' });
  }
};
