import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { BINDING_SHEET, REPORT_ROUND_ID, planReturns, readBinding, type Round } from '@core/rounds';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STATUS_LABELS, TASK_FIELDS, TASK_STATUSES } from '@core/index';
import { findMissingItems, buildTaskRows } from '@core/report';
import { indicatorKey } from '@core/indicators';
import { createLedgerDb, type LedgerDb } from '@renderer/storage/db';
import { recordSubmission, sha256Hex } from '@renderer/storage/submissions';
import { produceReport } from '@renderer/features/reports/report-produce';
import { CITY_OFFICE } from '@core/districts';
import { saveCustomTemplate, revertTemplate } from '@renderer/features/settings/template-store';
import { taskRowsToCsv } from '@renderer/spreadsheet/csv-export';
import { builtinTemplateBytes } from '@renderer/spreadsheet/template-files';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { DISTRICT, PERIOD, buildFixture, seedFixture } from './ledger-fixture';

let n = 0;
async function freshDb(): Promise<LedgerDb> {
  const db = createLedgerDb(`reports-test-${Date.now()}-${n++}`);
  await seedFixture(db);
  return db;
}
const TODAY = new Date(2025, 9, 8);
const IND_HEADERS = ['序号', '指标名称', '单位', '全市目标（参考）', '区级目标值', '目标年份', '基期值', '本期实际值', '完成率', '序时判断', '目标范围', '来源文件'];
const TASK_HEADERS = ['序号', '任务编号', '文件', '重点任务', '牵头单位', '责任单位', '完成时限', '进展情况', '完成进度', '本期状态', '存在问题', '下步计划', '备注'];

async function openExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

describe('重点任务推进情况表 at the city (市级汇总)', () => {
  it("is recognised by its binding when the city collects it, even renamed, and gives the district's progress", async () => {
    const db = await freshDb();
    const fx = buildFixture();
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', TODAY);
    const read = await readWorkbook(report.bytes, '汉阳区报送（终稿）.xlsx');
    if (!read.ok) throw new Error(read.message);
    const keys = fx.tasks.filter((t) => !t.archived).map((t) => t.key).slice(0, 5);
    const round: Round = { id: 'C1', district: '武汉市', periodId: PERIOD.id, dueDate: '2025-10-10', createdAt: '', prefilled: false, level: 'city', units: [{ unit: DISTRICT, taskKeys: keys, leadKeys: keys, fileName: '', checksum: '' }] };
    const [plan] = planReturns([{ fileName: '汉阳区报送（终稿）.xlsx', hash: 'h', sheets: read.sheets }], { round, periodName: PERIOD.name, tasks: fx.tasks, earlier: [] });
    expect(plan).toMatchObject({ unit: DISTRICT, matchedBy: 'binding', refused: false });
    expect(plan!.rows.map((r) => r.taskKey).sort()).toEqual([...keys].sort());
    const filled = fx.progress.filter((p) => p.district === DISTRICT && keys.includes(p.taskKey) && p.periodId === PERIOD.id && p.progress);
    expect(filled.length).toBeGreaterThan(0);
    for (const p of filled) expect(plan!.rows.find((r) => r.taskKey === p.taskKey)!.progress).toBe(p.progress);
  });
});

describe('重点任务推进情况表', () => {
  it('is written from the template and reads back the same with exceljs and SheetJS', async () => {
    const db = await freshDb();
    const fx = buildFixture();
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', TODAY);
    expect(report.fileName).toBe('汉阳区_2025年第三季度_重点任务推进情况表.xlsx');

    const wb = await openExcel(report.bytes);
    const ws = wb.getWorksheet('重点任务推进情况表')!;
    expect(ws.getCell('A1').value).toBe('汉阳区2025年第三季度科技创新重点任务推进情况表');
    expect((ws.model as unknown as { merges: string[] }).merges).toContain('A1:M1');
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：汉阳区');
    expect(ws.getCell('E2').value).toBe('报告期：2025年第三季度');
    expect(ws.getCell('I2').value).toBe('填报日期：2025年10月8日');
    expect(TASK_HEADERS.map((_, i) => ws.getRow(3).getCell(i + 1).value)).toEqual(TASK_HEADERS);
    // The 任务编号 header comes from the field registry, so the importer matches it.
    expect(ws.getCell('B3').value).toBe(TASK_FIELDS.find((f) => f.id === 'key')!.header);

    const active = fx.tasks.filter((t) => !t.archived && t.key !== '2023YD-50');
    expect(active).toHaveLength(12);
    // The binding the city's 回收 recognises the file by: very hidden, the district as the unit, its tasks.
    const binding = XLSX.read(report.bytes, { type: 'array' });
    expect(binding.Workbook?.Sheets?.find((x) => x.name === BINDING_SHEET)?.Hidden).toBe(2);
    const read = readBinding(XLSX.utils.sheet_to_json<string[]>(binding.Sheets[BINDING_SHEET]!, { header: 1, raw: false }));
    expect(read).toMatchObject({ ok: true, binding: { roundId: REPORT_ROUND_ID, unit: DISTRICT, periodId: PERIOD.id, taskKeys: active.map((t) => t.key) } });
    active.forEach((t, i) => {
      const row = ws.getRow(4 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(t.key);
      expect(row.getCell(4).value).toBe(t.title);
      // Every task row keeps the template row's borders and wrapping.
      expect(row.getCell(8).border?.left?.style).toBe('thin');
      expect(row.getCell(8).alignment?.wrapText).toBe(true);
      // The 状态 drop-down is on every task row.
      const dv = ws.getCell(4 + i, 10).dataValidation;
      expect(dv?.type).toBe('list');
      expect(dv?.formulae?.[0]).toBe(`"${TASK_STATUSES.map((s) => STATUS_LABELS[s]).join(',')}"`);
    });
    expect(ws.getCell('J4').value).toBe('序时推进');
    expect(ws.getCell('J11').value).toBeNull(); // task 8 has no status
    expect(ws.getCell('I4').value).toBe(8);
    expect(ws.getCell('I4').numFmt).toBe('0"%"');
    // No archived task, no other district's progress.
    const keys = active.map((_, i) => ws.getCell(4 + i, 2).value);
    expect(keys).not.toContain('2023YD-99');
    expect(keys).not.toContain('2023YD-50');
    expect(String(ws.getCell('H4').value)).not.toContain('江岸区');
    // "=1+1" stays text.
    expect(ws.getCell('H6').value).toBe('=1+1');
    expect(ws.getCell('H6').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('H6').formula).toBeUndefined();
    // Footer moved below the last task, merged and filled.
    expect(ws.getCell('A16').value).toBe('填报人：李明');
    expect(ws.getCell('E16').value).toBe('联系电话：027-84845678');
    expect(ws.getCell('I16').value).toBe('审核人（负责人）：王主任');
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A16:D16', 'E16:H16', 'I16:M16']));
    // Print-ready: A4 landscape, one page wide, header row repeated, frozen header, widths for Chinese.
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(2).width).toBe(13);
    expect(ws.getColumn(4).width).toBe(28);
    expect(ws.getColumn(8).width).toBe(34);
    expect(ws.getColumn(1).width).toBeLessThan(8);

    // Second reader: SheetJS, the way the importer reads.
    const x = XLSX.read(report.bytes, { type: 'array' });
    const sh = x.Sheets['重点任务推进情况表']!;
    expect(sh['!merges']!.map((m) => XLSX.utils.encode_range(m))).toContain('A1:M1');
    expect(sh['H6']).toMatchObject({ t: 's', v: '=1+1' });
    expect(sh['H6'].f).toBeUndefined();
    const grid = XLSX.utils.sheet_to_json<unknown[]>(sh, { header: 1, defval: '' });
    expect(grid[2]).toEqual(TASK_HEADERS);
    const keyCol = (grid[2] as string[]).indexOf('任务编号');
    const titleCol = (grid[2] as string[]).indexOf('重点任务');
    const body = grid.slice(3, 15) as unknown[][];
    expect(body.map((r) => [r[keyCol], r[titleCol]])).toEqual(active.map((t) => [t.key, t.title]));
    expect(x.Workbook?.Names?.find((d) => d.Name === '_xlnm.Print_Titles')?.Ref).toContain('$3:$3');
    const xml = await sheetXml(report.bytes, 1);
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(xml).toMatch(/<dataValidation [^>]*type="list"[^>]*sqref="J4:J15"/);
  });

  it('lists what is missing before export', async () => {
    const fx = buildFixture();
    const rows = buildTaskRows({ ...fx, district: DISTRICT, period: PERIOD });
    const missing = findMissingItems(rows);
    expect(missing).toEqual([
      { taskKey: '2023YD-08', seq: 8, title: fx.tasks[7]!.title, missing: ['status'], empty: false },
      { taskKey: '2023YD-09', seq: 9, title: fx.tasks[8]!.title, missing: ['progress'], empty: false },
    ]);
  });
});

/** The raw XML of sheet N, read with SheetJS's zip reader (a third look at the file). */
async function sheetXml(bytes: Uint8Array, n: number): Promise<string> {
  const x = XLSX.read(bytes, { type: 'array', bookFiles: true }) as XLSX.WorkBook & { files?: Record<string, { content: Uint8Array | string }> };
  const f = x.files?.[`xl/worksheets/sheet${n}.xml`];
  if (!f) throw new Error('sheet xml missing');
  return typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
}

describe('指标 / 产业集群 / 汇总', () => {
  it('writes the indicator and cluster reports', async () => {
    const db = await freshDb();
    // Without a 区级分解目标 the city's target is shown for reference only, not judged.
    const asCity = await openExcel((await produceReport(db, DISTRICT, PERIOD, 'indicators', TODAY)).bytes);
    const wa = asCity.getWorksheet('指标完成情况表')!;
    expect(wa.getCell('A1').value).toBe('汉阳区2025年第三季度科技创新指标完成情况表');
    expect(IND_HEADERS.map((_, c) => wa.getRow(3).getCell(c + 1).value)).toEqual(IND_HEADERS);
    expect([2, 3, 4, 5, 8, 9, 10, 11, 12].map((c) => wa.getRow(4).getCell(c).value)).toEqual(['重大科技基础设施数量', '个', '达到4个（2025年）', null, 3, null, '仅供参考', '全市目标', '2023年工作要点']);
    // The goal 全国重点实验室 has no task of the district, no value and no district target: not listed.
    expect(wa.getCell('A5').value).toBe('填报人：李明');

    // With the district's own target, the district's value is judged against it (the one rule).
    await db.settings.put({ key: 'districtTargets', value: { [DISTRICT]: { [indicatorKey('重大科技基础设施数量', '个')]: { value: 4, year: 2025, baseline: 1, baselineYear: 2022 } } } });
    const ind = await openExcel((await produceReport(db, DISTRICT, PERIOD, 'indicators', TODAY)).bytes);
    const wi = ind.getWorksheet('指标完成情况表')!;
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => wi.getRow(4).getCell(c).value)).toEqual(['重大科技基础设施数量', '个', '达到4个（2025年）', 4, 2025, 1, 3]);
    expect(wi.getCell('I4').value).toBeCloseTo(66.7);
    expect(wi.getCell('J4').value).toBe('滞后'); // 66.7% of the way; the line expects 91.7% by the end of Q3 2025
    expect(wi.getCell('K4').value).toBe('本区目标');
    expect(wi.pageSetup.orientation).toBe('landscape');

    const cl = await openExcel((await produceReport(db, DISTRICT, PERIOD, 'clusters', TODAY)).bytes);
    const wc = cl.getWorksheet('产业集群推进情况表')!;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => wc.getRow(3).getCell(c).value)).toEqual(['集群', '重点方向', '本期进展', '集群指标及数值', '存在问题', '下步计划', '备注']);
    expect(wc.getCell('A4').value).toBe('大健康产业集群');
    expect(wc.getCell('C4').value).toBe('新引进医疗器械企业3家');
    expect(wc.getCell('D4').value).toBe('研发型企业数量：12家（目标20家，2027年）');
    expect(wc.getCell('A5').value).toBe('智能网联汽车集群');
    expect(wc.getCell('A6').value).toBe('填报人：李明'); // only 汉阳区's two clusters

    // A cluster without its own text reports its tasks' progress, with their status counts.
    const c2 = (await db.clusters.get('c-2'))!;
    await db.clusters.put({ ...c2, includedTaskKeys: ['2023YD-01', '2023YD-02', '2023YD-08'] });
    const cl2 = await openExcel((await produceReport(db, DISTRICT, PERIOD, 'clusters', TODAY)).bytes);
    const w2 = cl2.getWorksheet('产业集群推进情况表')!;
    const summary = String(w2.getCell('C5').value);
    expect(summary).toContain('（据集群关联任务汇总）关联任务3项：序时推进1项、已完成1项、未选状态1项。');
    expect(summary).toContain('1. 加快推进重大科技基础设施建设（序时推进）：汉阳区第三季度推进');
    expect(summary).toContain('2. 争创国家实验室和全国重点实验室（已完成）：');
    expect(String(w2.getCell('F5').value)).toContain('第四季度继续推进');
    expect(w2.getCell('G5').value).toBe('关联任务3项：序时推进1项、已完成1项、未选状态1项');
    expect(w2.getCell('C4').value).toBe('新引进医疗器械企业3家'); // its own text stays
  });

  it('for the city’s office (武汉市) heads the 全市 target as its own, judged, with no 区级 column name', async () => {
    const db = await freshDb();
    await db.progress.bulkPut((await db.progress.where('district').equals(DISTRICT).toArray()).map((p) => ({ ...p, id: p.id.replace(DISTRICT, CITY_OFFICE), district: CITY_OFFICE })));
    const wb = await openExcel((await produceReport(db, CITY_OFFICE, PERIOD, 'indicators', TODAY)).bytes);
    const ws = wb.getWorksheet('指标完成情况表')!;
    const headings = IND_HEADERS.map((_, c) => ws.getRow(3).getCell(c + 1).value);
    expect(headings).toEqual(IND_HEADERS.map((h) => ({ '全市目标（参考）': '全市目标', 区级目标值: '目标值' })[h] ?? h));
    const row = ws.getRow(4);
    expect([row.getCell(2).value, row.getCell(5).value, row.getCell(10).value]).toEqual(['重大科技基础设施数量', 4, '滞后']);
  });

  it('puts all three and a 汇总 of tasks by status in one workbook', async () => {
    const db = await freshDb();
    const r = await produceReport(db, DISTRICT, PERIOD, 'all', TODAY);
    // REPORT_OUT=/some/dir keeps every report for a look in LibreOffice (see the reports issue).
    if (process.env.REPORT_OUT)
      for (const kind of ['tasks', 'indicators', 'clusters', 'all'] as const) {
        const k = await produceReport(db, DISTRICT, PERIOD, kind, TODAY);
        writeFileSync(resolve(process.env.REPORT_OUT, k.fileName), k.bytes);
      }
    expect(r.fileName).toBe('汉阳区_2025年第三季度_科技创新工作报表（汇总）.xlsx');
    const wb = await openExcel(r.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['重点任务推进情况表', '指标完成情况表', '产业集群推进情况表', '汇总']);
    const s = wb.getWorksheet('汇总')!;
    const counts = Object.fromEntries([4, 5, 6, 7, 8, 9, 10, 11, 12].map((r) => [s.getCell(r, 1).value, s.getCell(r, 2).value]));
    expect(counts).toEqual({ 未启动: 1, 序时推进: 4, 超序时推进: 1, 滞后: 2, 已完成: 2, 长期坚持: 1, 未选状态: 1, 未填报: 0, 合计: 12 });
    const x = XLSX.read(r.bytes, { type: 'array' });
    expect(x.SheetNames).toHaveLength(4);
    expect(x.Sheets['重点任务推进情况表']!['B15'].v).toBe('2023YD-12');
  });
});

describe('office templates', () => {
  it('honours a custom template with extra styling and its own layout', async () => {
    const db = await freshDb();
    // The office's own layout, as a file (test/fixtures/templates/make-fixtures.ts wrote it).
    const bytes = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/templates/custom-styled.xlsx')));

    expect(await saveCustomTemplate(db, 'tasks', { name: '市里新模板.xlsx', data: bytes })).toEqual({ status: 'saved' });
    const out = await openExcel((await produceReport(db, DISTRICT, PERIOD, 'tasks', TODAY)).bytes);
    const o = out.getWorksheet('任务表')!;
    expect(o.getCell('A1').value).toBe('2025年第三季度重点任务进展（汉阳区）');
    expect(o.getCell('A1').font.color?.argb).toBe('FFC00000');
    for (let i = 0; i < 12; i++) {
      expect(o.getCell(3 + i, 1).value).toBe(`2023YD-${String(i + 1).padStart(2, '0')}`);
      expect(o.getCell(3 + i, 1).fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
      expect(o.getCell(3 + i, 2).font.italic).toBe(true);
      expect(o.getRow(3 + i).height).toBeGreaterThanOrEqual(42); // the template's height, taller when the text needs it
    }
    expect(o.getCell('B3').value).toBe('【加快推进重大科技基础设施建设】');
    expect(o.getCell('A15').value).toBe('说明：本表由李明填写');

    await revertTemplate(db, 'tasks');
    const back = await openExcel((await produceReport(db, DISTRICT, PERIOD, 'tasks', TODAY)).bytes);
    expect(back.worksheets[0]!.name).toBe('重点任务推进情况表');
  });

  it('refuses a template with an unknown placeholder or no data row, naming the cell, and changes nothing', async () => {
    const db = await freshDb();
    const good = builtinTemplateBytes('tasks');
    expect((await saveCustomTemplate(db, 'tasks', { name: 'good.xlsx', data: good })).status).toBe('saved');
    const before = await db.templates.toArray();

    const wb = await openExcel(good);
    wb.worksheets[0]!.getCell('D4').value = '{{task.titel}}';
    const typo = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r1 = await saveCustomTemplate(db, 'tasks', { name: 'typo.xlsx', data: typo });
    expect(r1.status).toBe('refused');
    if (r1.status !== 'refused') return;
    expect(r1.issues).toHaveLength(1);
    expect(r1.issues[0]!.cell).toBe('D4');
    expect(r1.issues[0]!.message).toContain('D4');
    expect(r1.issues[0]!.message).toContain('{{task.titel}}');

    const bare = new ExcelJS.Workbook();
    bare.addWorksheet('Sheet1').getCell('A1').value = '{{district}}重点任务推进情况表';
    const r2 = await saveCustomTemplate(db, 'tasks', { name: 'bare.xlsx', data: new Uint8Array((await bare.xlsx.writeBuffer()) as ArrayBuffer) });
    expect(r2.status === 'refused' && r2.issues[0]!.message).toContain('没有数据行');

    const r3 = await saveCustomTemplate(db, 'tasks', { name: 'broken.xlsx', data: new TextEncoder().encode('not a zip') });
    expect(r3.status === 'refused' && r3.issues[0]!.message).toContain('无法读取');

    expect(await db.templates.toArray()).toEqual(before);
  });

  it('ships real built-in template files matching the generator', () => {
    for (const kind of ['tasks', 'indicators', 'clusters', 'all'] as const) {
      const onDisk = readFileSync(resolve(import.meta.dirname, `../../../resources/templates/${kind}.xlsx`));
      expect(Buffer.from(builtinTemplateBytes(kind)).equals(onDisk)).toBe(true);
    }
  });
});

describe('CSV and submissions', () => {
  it('writes the grid as CSV with a UTF-8 BOM and formula-looking text defused', () => {
    const fx = buildFixture();
    const rows = buildTaskRows({ ...fx, district: DISTRICT, period: PERIOD });
    const bytes = taskRowsToCsv(rows, ['key', 'title', 'progress', 'status']);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('任务编号,重点任务,进展情况,本期状态');
    expect(lines[3]).toBe("2023YD-03,打造10大技术（产业、制造业）创新中心,'=1+1,滞后");
    const x = XLSX.read(bytes, { type: 'array' });
    expect(XLSX.utils.sheet_to_json<Record<string, string>>(x.Sheets[x.SheetNames[0]!]!)[0]!['重点任务']).toBe('加快推进重大科技基础设施建设');
  });

  it('records a submission with the SHA-256 of the file', async () => {
    const db = await freshDb();
    const r = await produceReport(db, DISTRICT, PERIOD, 'tasks', TODAY);
    const s = await recordSubmission(db, { district: DISTRICT, periodId: PERIOD.id, report: 'tasks', fileName: r.fileName, bytes: r.bytes, rows: r.data.rows.task });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.sha256).toBe(await sha256Hex(r.bytes));
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const stored = await db.submissions.where('[district+periodId]').equals([DISTRICT, PERIOD.id]).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.rows).toHaveLength(12);
  });
});
