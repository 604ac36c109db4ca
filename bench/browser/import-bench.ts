/**
 * Step 1: importing a city task list (.xlsx) — the app's whole path (readWorkbook → findTable →
 * readRows → planImport against the existing tasks) against SheetJS's bare read + sheet_to_json
 * of the same bytes. The file is written with exceljs in the city's layout: title rows, a
 * header row, section headings, merged 牵头单位 cells and a footnote.
 */
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { planSheet, readIssuesBySheet, summariseSheets } from '@core/import';
import type { Cluster, PolicyDocument, Task } from '@core/model';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { generateData, prng } from '../lib/synthetic';

export const CITY_DOCUMENT: PolicyDocument = { id: 'doc-city', title: '武汉市科技创新重点任务清单', shortTitle: '重点任务清单', kind: 'other', addedAt: '2025-01-01T00:00:00.000Z' } as PolicyDocument;

/** The store's tasks of the city list: one document, numbered 1..n. */
export function cityTasks(sentences: string[], n: number): Task[] {
  return generateData({ sentences, taskCount: n, periodCount: 1, progressCount: 0, seed: 7 }).tasks.map((t, i) => ({
    ...t,
    documentId: CITY_DOCUMENT.id,
    sectionId: undefined,
    number: String(i + 1),
    order: i,
    deadlineText: `${t.deadline!.slice(0, 4)}年底前`,
  }));
}

/** The city's .xlsx of the same tasks: 3% reworded, 1% new rows at the end. */
export async function cityListXlsx(tasks: readonly Task[], sentences: string[]): Promise<Uint8Array> {
  const rand = prng(11);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.columns = [{ width: 8 }, { width: 24 }, { width: 60 }, { width: 14 }, { width: 20 }, { width: 12 }];
  ws.addRow(['2025年武汉市科技创新工作要点任务分解表']);
  ws.mergeCells(1, 1, 1, 6);
  ws.addRow(['（2025年3月修订）']);
  ws.mergeCells(2, 1, 2, 6);
  ws.addRow(['编号', '重点任务', '具体内容', '牵头单位', '责任单位', '完成时限']);
  const extra = Math.max(1, Math.round(tasks.length / 100));
  const rows = [
    ...tasks,
    ...Array.from({ length: extra }, (_, k) => ({
      ...tasks[k]!,
      number: String(tasks.length + k + 1),
      title: sentences[(k * 13) % sentences.length]!.slice(0, 30),
      text: sentences[(k * 17 + 5) % sentences.length]! + sentences[(k * 19 + 3) % sentences.length]!,
    })),
  ];
  let mergeFrom = 0;
  rows.forEach((t, i) => {
    if (i % 200 === 0) {
      const r = ws.addRow([`${'一二三四五六七八九十'[Math.floor(i / 200) % 10]}、${sentences[i % sentences.length]!.slice(0, 12)}`]);
      ws.mergeCells(r.number, 1, r.number, 6);
    }
    const reworded = rand() < 0.03;
    const text = reworded ? `${t.text}同时加快建设重大科技基础设施配套工程。` : t.text;
    const r = ws.addRow([t.number, t.title, text, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadlineText ?? '']);
    // Every 10th group of three rows shares a merged 牵头单位, as the city's lists do.
    if (i % 30 === 0) mergeFrom = r.number;
    if (i % 30 === 2 && mergeFrom) {
      ws.mergeCells(mergeFrom, 4, r.number, 4);
      mergeFrom = 0;
    }
  });
  ws.addRow(['注：各区请于每季度末报送进展。']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Timings of the app's import of one file, split by stage. */
export interface AppImportTimes {
  readMs: number;
  tableMs: number;
  planMs: number;
  totalMs: number;
  added: number;
  updated: number;
  unchanged: number;
  ambiguous: number;
}

/** The district whose office imports the list in the bench (its 与本区相关的变化 are planned too). */
export const BENCH_DISTRICT = '汉阳区';
/** A cluster of the bench district, so that relevance weighs cluster keywords as in an office. */
const CLUSTERS: Cluster[] = [{ id: 'bench-cluster', district: BENCH_DISTRICT, name: '工程设计建造', keywords: ['工程设计', '建造'], includedTaskKeys: [], excludedTaskKeys: [], origin: 'seed', order: 1 }];

/**
 * The app's whole import of `bytes` against `existing`, as import-worker.ts does it: read the
 * workbook, find every sheet's table (summariseSheets), then plan the first sheet with planSheet
 * for the bench district, its relevance changes included.
 */
export async function appImport(bytes: Uint8Array, existing: Task[]): Promise<AppImportTimes> {
  const t0 = performance.now();
  const r = await readWorkbook(bytes, 'city.xlsx');
  if (!r.ok) throw new Error(r.message);
  const t1 = performance.now();
  const readIssues = readIssuesBySheet(r.sheets, r.issues);
  const sheets = summariseSheets(r.sheets, {}, readIssues);
  const layout = sheets[0]!.layout;
  if (!layout) throw new Error(`no table: ${sheets[0]!.issues.map((i) => i.message).join('; ')}`);
  const t2 = performance.now();
  const { plan } = planSheet('city.xlsx', r.sheets[0]!, layout, {
    existing,
    documents: [CITY_DOCUMENT],
    sections: [],
    clusters: CLUSTERS,
    district: BENCH_DISTRICT,
    readIssues: readIssues[0] ?? [],
    now: '2025-10-08T00:00:00.000Z',
  });
  const t3 = performance.now();
  return {
    readMs: t1 - t0,
    tableMs: t2 - t1,
    planMs: t3 - t2,
    totalMs: t3 - t0,
    added: plan.added.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged.length,
    ambiguous: plan.ambiguous.length,
  };
}

/** SheetJS's floor: read the bytes and turn the first sheet into arrays. */
export function bareSheetJs(bytes: Uint8Array): number {
  const wb = XLSX.read(bytes, { type: 'array' });
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
  return rows.length;
}

/** The JS heap in use, MB (precise when Chromium runs with --enable-precise-memory-info), after a collection when gc is exposed. */
export function heapMb(collect = false): number {
  if (collect) (globalThis as { gc?: () => void }).gc?.();
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 2 ** 20 : NaN;
}

let officeCase: { bytes: Uint8Array; tasks: Task[] } | undefined;

/** Build the n-row city list and its store in the page (for the office-suite comparison); returns the file as base64. */
export async function officeListPrepare(sentences: string[], n: number): Promise<string> {
  const tasks = cityTasks(sentences, n);
  const bytes = await cityListXlsx(tasks, sentences);
  officeCase = { bytes, tasks };
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The app's import of the prepared list, with the JS heap before and after each stage (MB). */
export async function officeImportOnce(): Promise<AppImportTimes & { heapBeforeMb: number; heapMaxMb: number }> {
  const c = officeCase!;
  const heapBeforeMb = heapMb(true);
  const times = await appImport(c.bytes, c.tasks);
  return { ...times, heapBeforeMb, heapMaxMb: heapMb() };
}
