/**
 * 下发 workbooks read back by two other readers (exceljs and SheetJS), and the returned
 * workbooks filled outside the app (openpyxl) and re-saved by LibreOffice
 * (test/fixtures/rounds/returned, made by make-returns.sh) recognised and checked.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import JSZip from 'jszip';
import { BINDING_SHEET, makeBinding, planMerges, planReturns, readBinding, type ReturnedFile } from '@core/rounds';
import { seedTasks } from '../../../test/builders/seeded-store';
import { FIXTURE_ROUND } from '../../../test/fixtures/rounds/round-fixture';
import { readWorkbook } from './read-sheet';
import { writeRoundWorkbook, zipFiles } from './round-write';

const DIR = resolve(__dirname, '../../../test/fixtures/rounds');
const tasks = seedTasks().map((t) => ({ key: t.key, number: t.number, title: t.title }));

async function returned(name: string): Promise<ReturnedFile> {
  const data = new Uint8Array(readFileSync(resolve(DIR, 'returned', name)));
  const r = await readWorkbook(data, name);
  if (!r.ok) throw new Error(r.message);
  return { fileName: name, hash: `${data.length}-${name}`, sheets: r.sheets };
}

describe('writeRoundWorkbook', () => {
  const binding = makeBinding(FIXTURE_ROUND, '区科技局', ['2023YD-01', '2023YD-04']);
  const input = {
    district: '汉阳区',
    periodName: '2025年第三季度',
    unit: '区科技局',
    dueDate: '2025-10-08',
    binding,
    tasks: [
      { key: '2023YD-01', title: '=1+1 不是公式', text: '健全长效推进机制。', role: 'lead' as const, prefill: { status: 'on_track' as const, percent: 50, progress: '上期：已建成1家', problems: '', nextSteps: '' } },
      { key: '2023YD-04', title: '打造高水平实验室建设集群', text: '强化国家实验室龙头作用', role: 'assist' as const },
    ],
  };

  it('protects the sheet except the fill-in columns, with a 状态 drop-down, a 0–100 进度 and the due date', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeRoundWorkbook(input)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('任务填报')!;
    expect(ws.getCell('A1').value).toBe('汉阳区2025年第三季度重点任务推进情况填报表（区科技局）');
    expect(String(ws.getCell('A2').value)).toContain('请于2025年10月8日前');
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    for (const col of ['F', 'G', 'H', 'I', 'J']) expect(ws.getCell(`${col}4`).protection?.locked).toBe(false);
    for (const col of ['A', 'B', 'C', 'D', 'E']) expect(ws.getCell(`${col}4`).protection?.locked).not.toBe(false);
    expect(ws.getCell('F4').dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,序时推进,超序时推进,滞后,已完成,长期坚持"'] });
    expect(ws.getCell('G5').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(ws.getCell('E5').value).toMatchObject({ richText: [{ text: '协办' }] });
    // prefilled last period's words, only where asked
    expect(ws.getCell('F4').value).toMatchObject({ richText: [{ text: '序时推进' }] });
    expect(ws.getCell('G4').value).toBe(50);
    expect(ws.getCell('H5').value).toBeNull();
    expect(wb.getWorksheet(BINDING_SHEET)!.state).toBe('veryHidden');
  });

  it('reads back through the import reader: text stays text, the binding is found and checks', async () => {
    const r = await readWorkbook(await writeRoundWorkbook(input), 'x.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.sheets[0]!.rows[3]![2]).toBe('=1+1 不是公式');
    expect(readBinding(r.sheets.find((s) => s.name === BINDING_SHEET)!.rows)).toEqual({ ok: true, binding });
    const wb = XLSX.read(await writeRoundWorkbook(input), { type: 'array' });
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden)).toEqual([0, 2]);
  });

  it('puts each fill-in cell under exactly one validation, however many tasks (no overlapping ranges in the XML)', async () => {
    // Twelve tasks: rows 4–15, so that addresses sort differently as text (F10 before F4) and as numbers.
    const many = { ...input, tasks: Array.from({ length: 12 }, (_, i) => ({ key: `2023YD-${String(i + 1).padStart(2, '0')}`, title: `任务${i + 1}`, text: '', role: 'lead' as const })) };
    const zip = await JSZip.loadAsync(await writeRoundWorkbook(many));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/gu)].map((m) => m[1]!);
    const covered = new Map<string, number>();
    for (const sqref of sqrefs)
      for (const part of sqref.split(' ')) {
        const [, c0, r0, c1, r1] = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/u.exec(part)!;
        for (let c = c0!.charCodeAt(0); c <= (c1 ?? c0!).charCodeAt(0); c++)
          for (let r = Number(r0); r <= Number(r1 ?? r0); r++) {
            const a = `${String.fromCharCode(c)}${r}`;
            covered.set(a, (covered.get(a) ?? 0) + 1);
          }
      }
    const expected = ['F', 'G'].flatMap((c) => Array.from({ length: 12 }, (_, i) => `${c}${i + 4}`));
    expect([...covered.keys()].sort()).toEqual(expected.sort());
    expect([...covered].filter(([, n]) => n > 1)).toEqual([]);
    // and the validations still read back per cell
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeRoundWorkbook(many)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet('任务填报')!;
    expect(ws.getCell('F15').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('G9').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(ws.getCell('F16').dataValidation).toBeUndefined();
  });

  it('zips every file under its Chinese name', async () => {
    const a = await writeRoundWorkbook(input);
    const zip = await JSZip.loadAsync(await zipFiles([{ name: '汉阳区_区科技局.xlsx', data: a }, { name: '汉阳区_区经信局.xlsx', data: a }]));
    expect(Object.keys(zip.files).sort()).toEqual(['汉阳区_区科技局.xlsx', '汉阳区_区经信局.xlsx']);
    expect((await zip.file('汉阳区_区科技局.xlsx')!.async('uint8array')).length).toBe(a.length);
  });
});

describe('returned workbooks filled with openpyxl and re-saved by LibreOffice', () => {
  const ctx = { round: FIXTURE_ROUND, periodName: '2025年第三季度', tasks, earlier: [] };

  it('re-sorted and renamed: recognised by its binding, every row by its task number', async () => {
    const [p] = planReturns([await returned('科技局三季度报回（定稿）.xlsx')], ctx);
    expect(p).toMatchObject({ unit: '区科技局', matchedBy: 'binding', refused: false, issues: [] });
    expect(p!.rows.map((r) => [r.taskKey, r.status, r.percent])).toEqual([
      ['2023YD-04', undefined, undefined],
      ['2023YD-03', 'behind', 30],
      ['2023YD-02', 'ahead', 90],
      ['2023YD-01', 'on_track', 75],
    ]);
    expect(p!.rows[3]!.progress).toBe('区级创新平台已建成2家，新增省级重点实验室1家。');
  });

  it('binding sheet removed: matched by the title and task numbers, with a warning', async () => {
    const [p] = planReturns([await returned('汉阳区2025年第三季度任务填报表_区经信局（无标识）.xlsx')], ctx);
    expect(p).toMatchObject({ unit: '区经信局', matchedBy: 'columns', refused: false });
    expect(p!.issues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/没有下发标识/) })]);
    expect(p!.rows.filter((r) => !r.empty).map((r) => r.taskKey)).toEqual(['2023YD-02', '2023YD-04', '2023YD-05']);
  });

  it('last quarter’s file: refused as the wrong period', async () => {
    const [p] = planReturns([await returned('人社局报回.xlsx')], ctx);
    expect(p!.refused).toBe(true);
    expect(p!.issues[0]!.message).toMatch(/这是2025年第二季度下发的文件，本次回收的是2025年第三季度/);
  });

  it('a bad status and a percent out of range: those cells left out, named by sheet, row and column; the rest of the rows taken', async () => {
    const [p] = planReturns([await returned('科技局-错误状态.xlsx')], ctx);
    expect(p!.refused).toBe(false);
    const errors = p!.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ sheet: '任务填报', row: 4, column: 'F列（本期状态）', message: expect.stringMatching(/“基本完成”不在可选范围内/) }),
      expect.objectContaining({ sheet: '任务填报', row: 5, column: 'G列（完成进度（%））', message: expect.stringMatching(/“120”不是 0–100/) }),
    ]);
    expect(p!.refusedRows).toEqual([]);
    expect(p!.rows.filter((r) => r.row < 6).map((r) => [r.row, r.status, r.percent, r.progress])).toEqual([
      [4, undefined, 80, '平台建设基本完成。'],
      [5, 'on_track', undefined, '高企认定超额。'],
    ]);
    expect(p!.rows.filter((r) => !r.empty).map((r) => r.taskKey)).toContain('2023YD-03');
  });

  it('words typed beside the form (K, a column without a header): named by sheet, cell and text, nothing else changes (walk10 Y2)', async () => {
    const [p] = planReturns([await returned('科技局-表外填写.xlsx')], ctx);
    expect(p!.refused).toBe(false);
    const said = p!.issues.filter((i) => /没有表头/u.test(i.message));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'warning', sheet: '任务填报', column: 'K列' });
    expect(said[0]!.message).toContain('新认定高新技术企业41家');
    expect(said[0]!.message).toMatch(/K\d+ 单元格/u);
    expect(p!.rows.filter((r) => !r.empty).map((r) => [r.taskKey, r.status, r.percent, r.progress])).toEqual([['2023YD-01', 'on_track', 60, '区级创新平台已建成2家。']]);
  });

  it('two units’ files merge per task: lead first, 协办 appended', async () => {
    const files = planReturns([await returned('科技局三季度报回（定稿）.xlsx'), await returned('汉阳区2025年第三季度任务填报表_区经信局（无标识）.xlsx')], ctx);
    const m = planMerges(files, FIXTURE_ROUND, new Map());
    const t2 = m.find((x) => x.taskKey === '2023YD-02')!.fields.find((f) => f.field === 'progress')!;
    expect(t2.combined).toBe('新认定高新技术企业38家。\n推荐高企培育入库企业12家。');
    const t4 = m.find((x) => x.taskKey === '2023YD-04')!.fields.find((f) => f.field === 'progress')!;
    expect(t4.incoming.map((x) => [x.unit, x.role])).toEqual([['区经信局', 'lead'], ['区科技局', 'assist']]);
  });
});
