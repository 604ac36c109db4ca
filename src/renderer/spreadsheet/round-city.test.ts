/**
 * 市级汇总 files read back by other readers: the city's task list through the district's own
 * 导入更新 table finder, and the 全市汇总表 with its 报送情况 sheet through SheetJS and exceljs.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { findTable, readRows } from '@core/import';
import { buildCitySummary, makeBinding, readBinding, type Round } from '@core/rounds';
import { seedTasks } from '../../../test/builders/seeded-store';
import { readWorkbook } from './read-sheet';
import { writeCitySummary, writeCityTaskList } from './round-city';

const tasks = seedTasks().slice(0, 5);
const round: Round = {
  id: 'RC', district: '武汉市', periodId: '2025-Q3', dueDate: '2025-10-10', createdAt: '', prefilled: false, level: 'city',
  units: [
    { unit: '汉阳区', taskKeys: tasks.map((t) => t.key), leadKeys: tasks.map((t) => t.key), fileName: '', checksum: '' },
    { unit: '江岸区', taskKeys: [tasks[0]!.key], leadKeys: [tasks[0]!.key], fileName: '', checksum: '' },
  ],
};

describe('the city task list', () => {
  it('is read by the district import: the table, every task with its key, title, text and units; the binding checks', async () => {
    const binding = makeBinding(round, '汉阳区', tasks.map((t) => t.key));
    const bytes = await writeCityTaskList({ periodName: '2025年第三季度', district: '汉阳区', dueDate: '2025-10-10', tasks, binding });
    const r = await readWorkbook(bytes, 'list.xlsx');
    if (!r.ok) throw new Error(r.message);
    const sheet = r.sheets.find((s) => s.name === '任务清单')!;
    const { layout } = findTable(sheet);
    expect(layout).toBeDefined();
    const { rows } = readRows(sheet, layout!);
    expect(rows.map((x) => x.fields.key)).toEqual(tasks.map((t) => t.key));
    expect(rows[0]!.fields.title).toBe(tasks[0]!.title);
    expect(rows[0]!.fields.leadUnits).toBe('市科技局');
    expect(readBinding(r.sheets.find((s) => s.name === '_binding')!.rows)).toEqual({ ok: true, binding });
  });
});

describe('the 全市汇总表', () => {
  it('has a row per task × district, merged task cells, counts, and a 报送情况 sheet; print-ready', async () => {
    const progress = [
      { id: 'x', district: '汉阳区', taskKey: tasks[0]!.key, periodId: '2025-Q3', status: 'behind' as const, percent: 20, progress: '汉阳：滞后原因', problems: '', nextSteps: '', indicatorValues: {}, filledBy: '', updatedAt: '2025-10-05T00:00:00.000Z' },
    ];
    const s = buildCitySummary(round, tasks, progress);
    const bytes = await writeCitySummary({ periodName: '2025年第三季度', ...s, madeAt: '2025-10-12T08:00:00.000Z' });
    const x = XLSX.read(bytes, { type: 'array' });
    expect(x.SheetNames).toEqual(['全市汇总表', '报送情况']);
    const grid = XLSX.utils.sheet_to_json<(string | number)[]>(x.Sheets['全市汇总表']!, { header: 1, defval: '' });
    expect(grid[2]).toEqual(['序号', '任务编号', '重点任务', '区（功能区）', '本期状态', '完成进度', '进展情况', '汇总']);
    expect(grid[3]!.slice(3, 7)).toEqual(['汉阳区', '滞后', 20, '汉阳：滞后原因']);
    expect(grid[4]!.slice(3, 5)).toEqual(['江岸区', '未报送']);
    expect(String(grid[3]![7])).toContain('滞后：汉阳区');
    expect(String(grid[3]![7])).toContain('未报送：江岸区');
    expect(grid.length).toBe(3 + 6);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('全市汇总表')!;
    expect(ws.getCell('B5').isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    // Numbered pages, as every district report has (walk7 W8: a 58-page 汇总表 had none).
    for (const name of ['全市汇总表', '报送情况']) expect(wb.getWorksheet(name)!.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    const rs = XLSX.utils.sheet_to_json<(string | number)[]>(x.Sheets['报送情况']!, { header: 1, defval: '' });
    expect(rs.slice(3)).toEqual([
      ['汉阳区', 5, 1, '未填报 4', 1, '2025-10-05 00:00'],
      ['江岸区', 1, 0, '未报送 1', 0, '未报送'],
    ]);
  });

  it('gives each row the height its longest text wraps to, so that a printed page shows every line', async () => {
    const two = '科室：已对接3家国际研发机构，1家签约。\n科技局：已与2家高校院所共建联合实验室，推进成果转化项目5个。';
    const progress = [{ id: 'x', district: '汉阳区', taskKey: tasks[0]!.key, periodId: '2025-Q3', status: 'on_track' as const, percent: 60, progress: two, problems: '', nextSteps: '', indicatorValues: {}, filledBy: '', updatedAt: '2025-10-05T00:00:00.000Z' }];
    const bytes = await writeCitySummary({ periodName: '2025年第三季度', ...buildCitySummary(round, tasks, progress), madeAt: '2025-10-12T08:00:00.000Z' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.getWorksheet('全市汇总表')!;
    // The progress column is 46 wide: the text takes three lines at 10 pt or more.
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(3 * 10 * 1.45);
    expect(ws.getRow(5).height).toBeGreaterThan(0);
  });
});

