/**
 * What a reader sees in a written report, for comparing two writers' files: SheetJS (values,
 * formatted text, number formats, merges, row heights, column widths, margins, defined names,
 * hidden sheets) and openpyxl (fonts, borders, fills, alignment and wrapping, number formats,
 * row heights, column widths, page and print setup, print titles and area, data validations as
 * the set of cells each covers, freeze panes, sheet state, recalculation on load). The cases
 * are the built-in reports on the fixture ledger, two office templates, and 1,000 synthetic
 * rows with long texts (continuation rows).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { buildReportData, type ReportKind } from '@core/report';
import { BINDING_SHEET, bindingRows, reportBinding } from '@core/rounds';
import { makePeriod, progressId, type ProgressEntry } from '@core/index';
import { createLedgerDb } from '@renderer/storage/db';
import { produceReport } from '@renderer/features/reports/report-produce';
import { loadReportMeta, loadReportSource } from '@renderer/features/reports/report-source';
import { fillReport } from '@renderer/spreadsheet/report-fill';
import { builtinTemplateBytes } from '@renderer/spreadsheet/template-files';
import { generateData, sentencesOf } from '../../../bench/lib/synthetic';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';

const TODAY = new Date(2025, 9, 8);
const TEMPLATES = resolve(import.meta.dirname, '../../fixtures/templates');
let dbs = 0;

/** One report to write: a name and how to write it with today's code. */
export interface ReaderCase {
  name: string;
  write: () => Promise<Uint8Array>;
}

async function fixtureReport(kind: ReportKind, template?: string): Promise<Uint8Array> {
  const db = createLedgerDb(`reader-view-${Date.now()}-${dbs++}`);
  await seedFixture(db);
  if (!template) return (await produceReport(db, DISTRICT, PERIOD, kind, TODAY)).bytes;
  const [src, meta] = await Promise.all([loadReportSource(db, DISTRICT, PERIOD), loadReportMeta(db, TODAY, DISTRICT)]);
  return fillReport(new Uint8Array(readFileSync(join(TEMPLATES, template))), kind, buildReportData(src, meta, '重点任务推进情况表'));
}

/** Paragraphs of an officer's long report, CRLF and LF line breaks mixed. */
function longText(i: number, length: number): string {
  let out = '';
  for (let k = 1; out.length < length; k++) out += `${out ? (k % 3 ? '\n' : '\r\n') : ''}（${k}）第${i}项任务第${k}次调度：区科技局会同区发改局召开专题会，推动企业研发投入增长12.5%，新增高新技术企业${k * 7}家。`;
  return out.slice(0, length);
}

/** 1,000 synthetic tasks of 汉阳区 with progress, targets and clusters; every 50th has a text too long for one printed row. */
async function syntheticReport(kind: ReportKind): Promise<Uint8Array> {
  const seeds = ['000', '001', '002', '003', '004'].map((p) => {
    const dir = resolve(import.meta.dirname, '../../../seeds');
    const name = (execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').find((n) => n.startsWith(p) && n.endsWith('.txt')))!;
    return readFileSync(join(dir, name), 'utf8');
  });
  const period = makePeriod('quarter', 2025, 3);
  const data = generateData({ sentences: sentencesOf(seeds), taskCount: 1000, periodCount: 1, progressCount: 0, seed: 7 });
  const filler = generateData({ sentences: sentencesOf(seeds), taskCount: 1, periodCount: 1, progressCount: 1000, seed: 9 }).progress;
  const progress: ProgressEntry[] = data.tasks.map((t, i) => ({
    ...filler[i % filler.length]!,
    id: progressId(DISTRICT, t.key, period.id),
    district: DISTRICT,
    taskKey: t.key,
    periodId: period.id,
    ...(i % 50 === 3 ? { progress: longText(i, 2500 + i), problems: longText(i + 1, 400) } : {}),
    ...(i % 97 === 5 ? { progress: '', percent: undefined } : {}),
  }));
  const documents = [...new Set(data.tasks.map((t) => t.documentId))].map((id) => ({ id, title: `文件${id}`, shortTitle: `文件${id.slice(-2)}`, kind: 'other' as const, source: '', addedAt: '2025-01-01T00:00:00.000Z' }));
  const clusters = Array.from({ length: 12 }, (_, i) => ({ id: `c-${i}`, district: DISTRICT, name: `集群${i}`, focus: '生物医药、医疗器械', keywords: [['医药', '汽车', '光电', '氢能'][i % 4]!], includedTaskKeys: [], excludedTaskKeys: [], origin: 'seed' as const, order: i }));
  const src = { district: DISTRICT, period, documents, tasks: data.tasks, progress, targets: data.targets, clusters, clusterIndicators: [], clusterIndicatorValues: [], clusterProgress: [] };
  const report = buildReportData(src, { filledDate: '2025-10-08', filledBy: '张三', phone: '027-84841234', reviewer: '李四' }, '重点任务推进情况表');
  const keys = report.rows.task.map((r) => String(r.taskKey ?? r.key ?? ''));
  const hidden = kind === 'tasks' ? { name: BINDING_SHEET, rows: bindingRows(reportBinding(DISTRICT, period.id, keys)) } : undefined;
  return fillReport(builtinTemplateBytes(kind), kind, hidden ? { ...report, hidden } : report);
}

/** Every case the reader-view test compares. */
export const READER_CASES: ReaderCase[] = [
  ...(['tasks', 'indicators', 'clusters', 'all'] as const).map((kind) => ({ name: `fixture-${kind}`, write: () => fixtureReport(kind) })),
  { name: 'fixture-custom-styled', write: () => fixtureReport('tasks', 'custom-styled.xlsx') },
  { name: 'fixture-formula-cells', write: () => fixtureReport('tasks', 'formula-cells.xlsx') },
  { name: 'synthetic-1000-tasks', write: () => syntheticReport('tasks') },
  { name: 'synthetic-1000-all', write: () => syntheticReport('all') },
];

/** SheetJS's view of a workbook. */
export function sheetJsView(bytes: Uint8Array): unknown {
  const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true, cellFormula: true });
  return {
    names: (wb.Workbook?.Names ?? []).map((n) => ({ ...n })),
    sheets: wb.SheetNames.map((name, i) => {
      const ws = wb.Sheets[name]!;
      const cells: Record<string, unknown> = {};
      for (const [addr, c] of Object.entries(ws)) {
        if (addr.startsWith('!')) continue;
        const cell = c as XLSX.CellObject;
        cells[addr] = { t: cell.t, v: cell.v, w: cell.w, f: cell.f, z: cell.z };
      }
      return {
        name,
        hidden: wb.Workbook?.Sheets?.[i]?.Hidden ?? 0,
        ref: ws['!ref'],
        cells,
        merges: (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort(),
        rows: (ws['!rows'] ?? []).map((r, k) => (r ? { k, hpt: r.hpt, hidden: r.hidden } : null)).filter(Boolean),
        cols: (ws['!cols'] ?? []).map((c, k) => (c ? { k, width: c.width, wch: c.wch, hidden: c.hidden } : null)).filter(Boolean),
        margins: ws['!margins'],
      };
    }),
  };
}

const OPENPYXL_VIEW = `
import json, sys, openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
def color(c):
    return None if c is None else [c.type, str(c.rgb) if c.type == 'rgb' else c.theme if c.type == 'theme' else c.indexed, c.tint]
def side(s):
    return None if s is None or s.style is None else [s.style, color(s.color)]
out = {'fullCalcOnLoad': bool(wb.calculation and wb.calculation.fullCalcOnLoad), 'names': sorted(str(n) for n in wb.defined_names), 'sheets': []}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            f, b, a, fl = c.font, c.border, c.alignment, c.fill
            style = [c.number_format, [f.name, f.sz, f.b, f.i, f.u, f.strike, color(f.color)],
                     [side(b.left), side(b.right), side(b.top), side(b.bottom)],
                     [a.horizontal, a.vertical, a.wrap_text, a.shrink_to_fit, a.indent, a.text_rotation],
                     [fl.fill_type, color(fl.fgColor) if fl.fill_type else None], [c.protection.locked, c.protection.hidden]]
            if c.value is None and c.has_style is False:
                continue
            cells[c.coordinate] = [None if c.value is None else str(c.value), c.data_type, style]
    # Each cell's validations (a reader sees a cell's rule, not how the ranges were cut).
    dvs = {}
    for dv in ws.data_validations.dataValidation:
        rule = json.dumps([dv.type, dv.operator, dv.formula1, dv.formula2, dv.allow_blank, dv.showDropDown, dv.showErrorMessage, dv.showInputMessage, dv.errorTitle, dv.error, dv.promptTitle, dv.prompt, dv.errorStyle], ensure_ascii=False)
        for r in dv.sqref.ranges:
            for row in range(r.min_row, r.max_row + 1):
                for col in range(r.min_col, r.max_col + 1):
                    dvs.setdefault(f'{get_column_letter(col)}{row}', set()).add(rule)
    dvs = {k: sorted(v) for k, v in dvs.items()}
    ps, po, pm = ws.page_setup, ws.print_options, ws.page_margins
    out['sheets'].append({
        'name': ws.title, 'state': ws.sheet_state, 'cells': cells,
        'merges': sorted(str(m) for m in ws.merged_cells.ranges),
        'rowHeights': {str(k): [v.height, v.hidden] for k, v in ws.row_dimensions.items() if v.height is not None or v.hidden},
        'colWidths': {k: [v.width, v.hidden, v.min, v.max] for k, v in ws.column_dimensions.items()},
        'pageSetup': [ps.paperSize, ps.orientation, ps.scale, ps.fitToWidth, ps.fitToHeight, ps.horizontalDpi, ps.verticalDpi, ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage],
        'printOptions': [po.horizontalCentered, po.verticalCentered, po.gridLines, po.headings],
        'margins': [pm.left, pm.right, pm.top, pm.bottom, pm.header, pm.footer],
        'printTitles': [ws.print_title_rows, ws.print_title_cols], 'printArea': ws.print_area,
        'headerFooter': [str(ws.oddHeader.center.text), str(ws.oddFooter.center.text)],
        'freeze': ws.freeze_panes, 'validations': dvs, 'images': len(ws._images),
    })
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
`;

/** openpyxl's view of a workbook (styles included). */
export function openpyxlView(bytes: Uint8Array): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'reader-view-'));
  writeFileSync(join(dir, 'book.xlsx'), bytes);
  writeFileSync(join(dir, 'view.py'), OPENPYXL_VIEW);
  return JSON.parse(execFileSync('/usr/bin/python3', [join(dir, 'view.py'), join(dir, 'book.xlsx')], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }));
}

/** The first differences between two views, as paths with both values (empty when equal). */
export function viewDifferences(a: unknown, b: unknown, path = '', out: string[] = [], max = 20): string[] {
  if (out.length >= max) return out;
  if (a === b) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) viewDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`, out, max);
  return out;
}
