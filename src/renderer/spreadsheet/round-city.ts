/**
 * 市级汇总 files (exceljs): the task list the city sends each district (read by the district's
 * own 导入更新, with the binding beside it), and the 全市汇总表 with its 报送情况 sheet,
 * print-ready (A4 landscape, fit to width, header repeated).
 */
import ExcelJS from 'exceljs';
import type { Task } from '@core/model';
import { STATUS_LABELS } from '@core/model';
import { BINDING_SHEET, COUNT_LABELS, bindingRows, dateText, type CityTaskRow, type DistrictReturn, type RoundBinding } from '@core/rounds';

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const FONT = '宋体';
const text = (v: string) => ({ richText: [{ text: v }] });

function sheetSetup(wb: ExcelJS.Workbook, name: string, widths: number[], headerRow: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

function titleRow(ws: ExcelJS.Worksheet, row: number, cols: number, value: string, size = 16) {
  ws.mergeCells(row, 1, row, cols);
  const c = ws.getCell(row, 1);
  c.value = value;
  c.font = { name: FONT, size, bold: size >= 14 };
  c.alignment = { horizontal: size >= 14 ? 'center' : 'left', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = size >= 14 ? 30 : 22;
}

function header(ws: ExcelJS.Worksheet, row: number, labels: string[]) {
  const r = ws.getRow(row);
  labels.forEach((l, i) => {
    const c = r.getCell(i + 1);
    c.value = l;
    c.font = { name: FONT, size: 11, bold: true };
    c.fill = HEAD;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  r.height = 26;
}

function body(row: ExcelJS.Row, values: (string | number | null)[]) {
  values.forEach((v, i) => {
    const c = row.getCell(i + 1);
    c.value = typeof v === 'string' ? text(v) : v;
    c.font = { name: FONT, size: 10 };
    c.border = THIN;
    c.alignment = { vertical: 'top', wrapText: true };
  });
}

/** Header of the city's task list: the columns the district's 导入更新 recognises. */
export const CITY_LIST_HEADER = ['序号', '任务编号', '重点任务', '具体内容', '牵头单位', '责任单位', '完成时限'] as const;

/** The task list the city sends one district (its tasks only), with the binding. */
export async function writeCityTaskList(input: { periodName: string; district: string; dueDate: string; tasks: Task[]; binding: RoundBinding }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '区级科创任务台账';
  const ws = sheetSetup(wb, '任务清单', [6, 13, 26, 50, 18, 22, 12], 3);
  titleRow(ws, 1, 7, `武汉市${input.periodName}科技创新重点任务清单（${input.district}）`);
  titleRow(ws, 2, 7, `请用“导入更新”把本清单导入本区台账，填报本期进展后，于${dateText(input.dueDate)}前导出“重点任务推进情况表”报送市科技创新局。`, 10);
  header(ws, 3, [...CITY_LIST_HEADER]);
  input.tasks.forEach((t, i) => body(ws.getRow(4 + i), [i + 1, t.key, t.title, t.text, t.leadUnits.join('、'), t.responsibleUnits.join('、'), t.deadlineText ?? t.deadline ?? '']));
  const bind = wb.addWorksheet(BINDING_SHEET, { state: 'veryHidden' });
  for (const [k, v] of bindingRows(input.binding)) bind.addRow([k, v]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The 全市汇总表: one row per task × district (the task merged over its districts), and 报送情况. */
export async function writeCitySummary(input: { periodName: string; rows: CityTaskRow[]; districts: DistrictReturn[]; totals: Record<string, number>; madeAt: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '区级科创任务台账';
  const ws = sheetSetup(wb, '全市汇总表', [6, 13, 24, 14, 12, 9, 46, 22], 3);
  titleRow(ws, 1, 8, `武汉市${input.periodName}科技创新重点任务推进情况汇总表`);
  titleRow(ws, 2, 8, `汇总时间：${input.madeAt.slice(0, 16).replace('T', ' ')} · 共 ${input.rows.length} 项任务`, 10);
  header(ws, 3, ['序号', '任务编号', '重点任务', '区（功能区）', '本期状态', '完成进度', '进展情况', '汇总']);
  let r = 4;
  input.rows.forEach((t, i) => {
    const first = r;
    const summary = [
      COUNT_LABELS.filter(([k]) => t.counts[k] > 0).map(([k, l]) => `${l} ${t.counts[k]}`).join('，'),
      t.lagging.length ? `滞后：${t.lagging.join('、')}` : '',
      t.missing.length ? `未报送：${t.missing.join('、')}` : '',
    ].filter(Boolean).join('\n');
    for (const d of t.sentTo) {
      const c = t.cells[d];
      body(ws.getRow(r), [i + 1, t.taskKey, t.title, d, c?.status ? STATUS_LABELS[c.status] : c ? '' : '未报送', c?.percent ?? null, c?.progress ?? '', summary]);
      r++;
    }
    if (r - first > 1) for (const col of [1, 2, 3, 8]) ws.mergeCells(first, col, r - 1, col);
  });
  const rs = sheetSetup(wb, '报送情况', [20, 12, 12, 12, 12, 20], 3);
  titleRow(rs, 1, 6, `武汉市${input.periodName}各区报送情况`);
  titleRow(rs, 2, 6, `状态合计：${COUNT_LABELS.map(([k, l]) => `${l} ${input.totals[k] ?? 0}`).join('，')}`, 10);
  header(rs, 3, ['区（功能区）', '下发任务', '已报送', '未报送', '滞后', '最近报送时间']);
  input.districts.forEach((d, i) => body(rs.getRow(4 + i), [d.district, d.sent, d.reported, d.sent - d.reported, d.lagging, d.lastAt ? d.lastAt.slice(0, 16).replace('T', ' ') : '未报送']));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
