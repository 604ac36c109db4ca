/**
 * Step 2: exporting the 重点任务推进情况表 — the app's path (buildReportData, then fillReport
 * into the built-in template) against exceljs writing the same rows into a blank workbook.
 */
import ExcelJS from 'exceljs';
import { buildReportData, findPlaceholders, type ReportData, type ReportSource } from '@core/report';
import { progressId, type PolicyDocument, type ProgressEntry } from '@core/model';
import { makePeriod } from '@core/period';
import { fillReport } from '@renderer/spreadsheet/report-fill';
import { builtinTemplateBytes } from '@renderer/spreadsheet/template-files';
import { readTemplate } from '@renderer/spreadsheet/template-read';
import { writeWorkbook } from '@renderer/spreadsheet/xlsx-write';
import { generateData } from '../lib/synthetic';

const DISTRICT = '汉阳区';
const META = { filledDate: '2025-10-08', filledBy: '张三', phone: '027-84841234', reviewer: '李四' };

/** A report source with `n` tasks, each with this district's progress for the period. */
export function exportSource(sentences: string[], n: number): ReportSource {
  const period = makePeriod('quarter', 2025, 3);
  const data = generateData({ sentences, taskCount: n, periodCount: 1, progressCount: 0, seed: 3 });
  const documents: PolicyDocument[] = [...new Set(data.tasks.map((t) => t.documentId))].map(
    (id) => ({ id, title: `文件${id}`, shortTitle: `文件${id.slice(-2)}`, kind: 'other', addedAt: '2025-01-01T00:00:00.000Z' }) as PolicyDocument,
  );
  const filler = generateData({ sentences, taskCount: 1, periodCount: 1, progressCount: n, seed: 5 }).progress;
  const progress: ProgressEntry[] = data.tasks.map((t, i) => ({ ...filler[i % filler.length]!, id: progressId(DISTRICT, t.key, period.id), district: DISTRICT, taskKey: t.key, periodId: period.id }));
  return { district: DISTRICT, period, documents, tasks: data.tasks, progress, targets: data.targets, clusters: [], clusterIndicators: [], clusterIndicatorValues: [], clusterProgress: [] };
}

/** The task fields the built-in template's data row shows, in column order. */
export async function templateTaskFields(): Promise<string[]> {
  const { workbook, check } = await readTemplate(builtinTemplateBytes('tasks'), 'tasks');
  const layout = check.sheets.find((s) => s.scope === 'task')!;
  const ws = workbook.getWorksheet(layout.sheet)!;
  const fields: string[] = [];
  ws.getRow(layout.dataRow).eachCell({ includeEmpty: false }, (cell) => {
    const ref = findPlaceholders(String(cell.value ?? ''))[0];
    if (ref?.scope === 'task') fields.push(ref.field);
  });
  return fields;
}

/** The app's export: report rows, then the filled template. */
export async function appExport(src: ReportSource): Promise<{ buildMs: number; fillMs: number; totalMs: number; bytes: number; rows: number }> {
  const t0 = performance.now();
  const data: ReportData = buildReportData(src, META, '重点任务推进情况表');
  void data.rows.task; // rows are built when first read: the task rows, all this report shows, are timed here
  const t1 = performance.now();
  const bytes = await fillReport(builtinTemplateBytes('tasks'), 'tasks', data);
  const t2 = performance.now();
  return { buildMs: t1 - t0, fillMs: t2 - t1, totalMs: t2 - t0, bytes: bytes.length, rows: data.rows.task.length };
}

/**
 * exceljs's floor: a header and the same rows' values in a blank workbook, no styles, zipped
 * by exceljs; with `nativeZip`, zipped as the app zips (writeWorkbook: the platform's deflate).
 */
export async function bareExcelJs(rows: readonly Record<string, unknown>[], fields: readonly string[], nativeZip = false): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点任务推进情况表');
  ws.addRow(fields);
  for (const r of rows) ws.addRow(fields.map((f) => r[f] ?? null));
  if (nativeZip) return (await writeWorkbook(wb)).length;
  const out = await wb.xlsx.writeBuffer();
  return (out as ArrayBuffer).byteLength;
}

/** The rows the app writes, for the bare writer (built outside the timing). */
export function reportRows(src: ReportSource): Record<string, unknown>[] {
  return buildReportData(src, META, '重点任务推进情况表').rows.task;
}

