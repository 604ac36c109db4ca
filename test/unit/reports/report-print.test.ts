/**
 * Nothing is ever cut in print: reports with texts of 0 to 5,000 characters, with and without
 * line breaks, and a quarter of 200 tasks, rendered by LibreOffice; the PDF's text is compared
 * with the store, openpyxl reads every row height and the page setup.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePeriod, progressId, type ProgressEntry, type Task } from '@core/index';
import { MAX_ROW_HEIGHT, printScale } from '@core/report';
import { createLedgerDb, type LedgerDb } from '@renderer/storage/db';
import { produceReport } from '@renderer/features/reports/report-produce';
import { indicatorKey } from '@core/indicators';
import { addChartSheets } from '@renderer/spreadsheet/report-images';
import { png } from '../../builders/png';
import { pageWords, printToolsPresent, printedInOrder, readWithOpenpyxl, renderPdf, squash } from '../../builders/print-check';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';
import { REVIEW_DISTRICT, REVIEW_PERIOD, REVIEW_TODAY, reviewLedger } from './review-ledger';
import { putTemplate } from '@renderer/storage';

const TEMPLATES = resolve(import.meta.dirname, '../../fixtures/templates');

const TODAY = new Date(2025, 9, 8);
const present = printToolsPresent();
let n = 0;

/** A paragraph of an officer's report, numbered so every paragraph differs. */
function paragraph(i: number): string {
  return `（${i}）区科技局会同区发改局、区经信局召开第${i}次专题调度会，梳理重点项目清单${i * 3}项，推动企业研发投入增长12.5%，新增高新技术企业${i * 7}家、科技型中小企业${i * 11}家，“揭榜挂帅”项目AI-${i}进展顺利。`;
}

/** A text of about `length` characters: paragraphs with line breaks, or one paragraph when `breaks` is false. */
function textOf(length: number, breaks: boolean, tag: string): string {
  if (length === 0) return '';
  let out = '';
  for (let i = 1; out.length < length; i++) out += (out && breaks ? '\n' : '') + paragraph(i);
  return `${out.slice(0, Math.max(0, length - tag.length - 2))}【${tag}】`;
}

async function dbWith(edit: (db: LedgerDb) => Promise<void>): Promise<LedgerDb> {
  const db = createLedgerDb(`report-print-${Date.now()}-${n++}`);
  await seedFixture(db);
  await edit(db);
  return db;
}

const CASES: [string, number, boolean][] = [
  ['empty', 0, true],
  ['one line', 40, true],
  ['500 characters', 500, true],
  ['1,600 characters in 12 paragraphs', 1600, true],
  ['2,500 characters without a line break', 2500, false],
  ['5,000 characters with line breaks', 5000, true],
];

describe.skipIf(!present)('printing long texts (LibreOffice)', () => {
  let texts: Map<string, { progress: string; problems: string; nextSteps: string }>;
  let printed: ReturnType<typeof renderPdf>;
  let sheets: ReturnType<typeof readWithOpenpyxl>;

  beforeAll(async () => {
    texts = new Map();
    const db = await dbWith(async (db) => {
      const entries = (await db.progress.toArray()).filter((p) => p.district === DISTRICT).sort((a, b) => a.taskKey.localeCompare(b.taskKey));
      await db.progress.bulkPut(
        CASES.map(([, length, breaks], i) => {
          const t = { progress: textOf(length, breaks, `进展完${i}`), problems: textOf(length / 3, breaks, `问题完${i}`), nextSteps: textOf(length / 5, breaks, `计划完${i}`) };
          texts.set(entries[i]!.taskKey, t);
          return { ...entries[i]!, ...t };
        }),
      );
    });
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', TODAY);
    sheets = readWithOpenpyxl(report.bytes);
    printed = renderPdf(report.bytes, 'long-texts');
  }, 240_000);

  it('keeps every row within 409 pt and the page setup A4 landscape with print titles', () => {
    const ws = sheets[0]!;
    const heights = Object.values(ws.rowHeights).filter((h): h is number => typeof h === 'number');
    expect(Math.max(...heights)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(ws.paperSize).toBe(9);
    expect(ws.orientation).toBe('landscape');
    expect(ws.printTitleRows).toMatch(/\$?3:\$?3/);
    for (const p of printed.pageSizes) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
  });

  it.each(CASES.map((c, i) => [c[0], i] as const))('prints every character of %s', (_name, i) => {
    const [key, t] = [...texts.entries()][i]!;
    for (const text of [t.progress, t.problems, t.nextSteps]) {
      expect(printedInOrder(printed.text, text)).toBe(true);
      const tag = /【[^】]+】$/.exec(text)?.[0];
      if (tag) expect(squash(printed.text)).toContain(tag);
    }
    // Continuation rows name the task, marked 续.
    if (t.progress.length > 1000) expect(squash(printed.text)).toContain(`${key}（续）`);
  });

  it('numbers its pages and prints the footer once, after the last task', () => {
    const footers = [...printed.text.matchAll(/第 (\d+) 页，共 (\d+) 页/g)];
    expect(footers).toHaveLength(printed.pages);
    expect(new Set(footers.map((m) => m[2]))).toEqual(new Set([String(printed.pages)]));
    // 5,000 + 2,500 + 1,600 + … characters at about 700 per page.
    expect(printed.pages).toBeGreaterThanOrEqual(8);
    expect(printed.pages).toBeLessThanOrEqual(40);
    const pages = printed.text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(printed.pages);
    expect(pages.findIndex((p) => squash(p).includes('填报人：李明'))).toBe(printed.pages - 1);
    expect(pages.filter((p) => squash(p).includes('填报人：李明'))).toHaveLength(1);
  });
});

describe.skipIf(!present)('a quarter of 200 tasks (LibreOffice)', () => {
  it('prints all 200 tasks with their progress, every row within 409 pt', async () => {
    const period = makePeriod('quarter', 2025, 3);
    const tasks: Task[] = Array.from({ length: 200 }, (_, i) => ({
      key: `2025RW-${String(i + 1).padStart(3, '0')}`,
      documentId: 'doc-002',
      number: String(i + 1),
      order: 100 + i,
      title: `第${i + 1}项重点任务：推进科技创新平台建设`,
      text: '各区人民政府负责。',
      leadUnits: ['市科技局'],
      responsibleUnits: ['各区人民政府'],
      deadline: '2025-12-31',
      deadlineText: '2025年底前',
      origin: 'manual',
      updatedAt: '2025-09-30T08:00:00.000Z',
    }));
    const progress: ProgressEntry[] = tasks.map((t, i) => ({
      id: progressId(DISTRICT, t.key, period.id),
      district: DISTRICT,
      taskKey: t.key,
      periodId: period.id,
      status: 'on_track',
      percent: 50,
      progress: textOf(i % 10 === 0 ? 900 : 150, true, `完${t.key}`),
      problems: '',
      nextSteps: '继续推进。',
      indicatorValues: {},
      filledBy: '张三',
      updatedAt: '2025-09-30T08:00:00.000Z',
    }));
    const db = await dbWith(async (db) => {
      await db.tasks.bulkPut(tasks);
      await db.progress.bulkPut(progress);
    });
    const report = await produceReport(db, DISTRICT, period, 'tasks', TODAY);
    const [ws] = readWithOpenpyxl(report.bytes);
    const heights = Object.values(ws!.rowHeights).filter((h): h is number => typeof h === 'number');
    expect(Math.max(...heights)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    const printed = renderPdf(report.bytes, 'two-hundred');
    const flat = squash(printed.text);
    for (const p of progress) {
      expect(flat).toContain(`【完${p.taskKey}】`);
      expect(printedInOrder(printed.text, p.progress)).toBe(true);
    }
    expect([...printed.text.matchAll(/第 \d+ 页，共 (\d+) 页/g)]).toHaveLength(printed.pages);
    expect(printed.pages).toBeGreaterThan(15);
  }, 240_000);
});

describe.skipIf(!present)('every exported workbook: second reader and LibreOffice', () => {
  const kinds = ['tasks', 'indicators', 'clusters', 'all'] as const;
  const charts = [
    { name: '任务状态分布', png: png(1520, 640), width: 1520, height: 640 },
    { name: '各文件任务完成情况', png: png(1520, 1100), width: 1520, height: 1100 },
  ];

  it.each(kinds)('%s: openpyxl reads it back, LibreOffice prints it on A4 with print titles and every cell', async (kind) => {
    const db = await dbWith(async (db) => {
      await db.settings.put({ key: 'reportUnit', value: '汉阳区科学技术局' });
      await db.settings.put({ key: 'districtTargets', value: { [DISTRICT]: { [indicatorKey('重大科技基础设施数量', '个')]: { value: 4, year: 2025, baseline: 1, baselineYear: 2022 } } } });
    });
    const report = await produceReport(db, DISTRICT, PERIOD, kind, TODAY);
    const bytes = kind === 'all' ? await addChartSheets(report.bytes, '汇总', charts, '汉阳区2025年第三季度') : report.bytes;
    const sheets = readWithOpenpyxl(bytes);
    const tables = sheets.filter((s) => !s.name.startsWith('图表'));
    expect(tables.length).toBe(kind === 'all' ? 4 : 1);
    for (const ws of sheets) {
      expect(ws.paperSize).toBe(9);
      expect(ws.orientation).toBe('landscape');
      const heights = Object.values(ws.rowHeights).filter((h): h is number => typeof h === 'number');
      expect(Math.max(0, ...heights)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
    for (const ws of tables) {
      expect(ws.printTitleRows).toMatch(/\$?3:\$?3/);
      expect(ws.cells.A2).toBe('填报单位（盖章）：汉阳区科学技术局');
      if (ws.name === '汇总') expect(typeof ws.cells.C4, '汇总 占比 is a number (printed 0.0%)').toBe('number');
      // Every sheet, the narrow 汇总 too, ends with the 填报人 / 联系电话 / 审核人 row.
      expect(Object.values(ws.cells), ws.name).toContain('填报人：李明');
    }
    const chartSheets = sheets.filter((s) => s.name.startsWith('图表'));
    expect(chartSheets.map((s) => [s.name, s.images, s.printTitleRows])).toEqual(kind === 'all' ? charts.map((c, i) => [`图表${i + 1} ${c.name}`, 1, null]) : []);

    const printed = renderPdf(bytes, kind);
    for (const p of printed.pageSizes) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
    // Every cell of every table sheet is printed.
    const flat = squash(printed.text);
    for (const ws of tables)
      for (const [addr, v] of Object.entries(ws.cells)) {
        const text = squash(String(v)).replace(/^(\d+(?:\.\d+)?)$/, (x) => x); // numbers print as written
        if (!text || /^\d+\.\d{2,}$/.test(text)) continue; // rates print rounded by their format
        expect(flat, `${ws.name}!${addr}`).toContain(text);
      }
    const pages = printed.text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(printed.pages);
    if (kind === 'all') {
      // Each chart alone on one page, titled, with no table header repeated over it.
      for (const c of charts) {
        const on = pages.filter((p) => squash(p).includes(c.name));
        expect(on, c.name).toHaveLength(1);
        expect(squash(on[0]!)).not.toContain('序号');
      }
      // Each table on the pages its breaks give, then one page per chart.
      expect(printed.pages).toBe(tables.reduce((n, t) => n + t.rowBreaks.length + 1, 0) + charts.length);
      // Printed whole, the workbook numbers its pages on from sheet to sheet: 第 k 页，共 N 页 on page k,
      // the chart pages too (before, they were counted in 共 N 页 but carried no number), each chart
      // page titled with the district and period.
      const numbered = pages.filter((p) => /第 \d+ 页/.test(p));
      expect(numbered).toHaveLength(printed.pages);
      for (const c of charts) expect(squash(pages.find((p) => squash(p).includes(c.name))!)).toContain(squash(`汉阳区2025年第三季度 ${c.name}`));
      expect(numbered.map((p) => /第 (\d+) 页，共 (\d+) 页/.exec(p)!.slice(1).join('/'))).toEqual(numbered.map((_, k) => `${k + 1}/${pages.length}`));
    } else expect(printed.pages, 'one page per page break written, and none added').toBe(tables[0]!.rowBreaks.length + 1);
  }, 240_000);
});

describe.skipIf(!present)("the print review's ledger (LibreOffice)", () => {
  // Before, LibreOffice printed this 重点任务推进情况表 to task 87 of 91, without 填报人/审核人, on
  // "第 32 页，共 32 页": it placed the page breaks of a sheet fit to one page wide with a repeated
  // header row itself and lost the last pages. The writer now places them.
  it.each([
    ['the built-in 重点任务推进情况表', 'tasks', undefined],
    ['the 汇总 workbook', 'all', undefined],
    ["an office's own template", 'tasks', 'custom-styled.xlsx'],
  ] as const)('%s prints every task and the sign block, the page breaks written in the file', async (_name, kind, template) => {
    const db = await reviewLedger();
    if (template) await putTemplate(db, { id: kind, name: template, fileName: template, data: new Uint8Array(readFileSync(join(TEMPLATES, template))), savedAt: '2026-11-20T08:00:00.000Z' });
    const report = await produceReport(db, REVIEW_DISTRICT, REVIEW_PERIOD, kind, REVIEW_TODAY);
    // The 汇总 workbook as the page writes it: with its chart sheets (added by reading the file again).
    const bytes = kind === 'all' ? await addChartSheets(report.bytes, '汇总', [{ name: '任务状态分布', png: png(1520, 640), width: 1520, height: 640 }]) : report.bytes;
    const keys = (report.data.rows.task ?? []).map((r) => String(r.key));
    expect(keys.length).toBeGreaterThan(80);
    // A second reader sees the breaks: the first sheet has one per printed page but the last.
    const [first] = readWithOpenpyxl(bytes);
    const printed = renderPdf(bytes, `review-${kind}`);
    const pages = printed.text.split('\f').filter((p) => p.trim());
    const tablePages = pages.filter((p) => keys.some((k) => squash(p).includes(k)));
    const flat = squash(printed.text);
    for (const k of keys) expect(flat, k).toContain(k);
    const sign = template ? '说明：本表由李明填写' : '填报人：李明';
    expect(flat).toContain(sign);
    // The sign block is on the page of the last task.
    const last = keys[keys.length - 1]!;
    const lastTaskPage = tablePages.length - 1 - [...tablePages].reverse().findIndex((p: string) => squash(p).includes(last));
    expect(tablePages.findIndex((p) => squash(p).includes(sign))).toBe(lastTaskPage);
    expect([...printed.text.matchAll(/第 \d+ 页，共 (\d+) 页/g)].every((m) => Number(m[1]) === printed.pages)).toBe(true);
    expect(first!.rowBreaks.length).toBeGreaterThan(10);
    if (template) return;
    // A 续 row's 任务编号 prints whole, its mark on the next line: never "2025YFZX-" / "03（续）".
    const words = Array.from({ length: printed.pages }, (_, p) => pageWords(printed, p + 1)).flat();
    const continued = new Set(Object.values(first!.cells).flatMap((v) => (typeof v === 'string' && /^\S+\n（续）$/.test(v) ? [v.split('\n')[0]!] : [])));
    expect(continued.size).toBeGreaterThan(3);
    for (const k of continued) expect(words.some((w) => w.text === k), k).toBe(true);
    expect(words.filter((w) => /^[0-9A-Za-z]{1,4}（续）$/.test(w.text)).map((w) => w.text)).toEqual([]);
  }, 240_000);
});

describe.skipIf(!present)('a long 填报单位 (LibreOffice)', () => {
  // Before, row 2 kept the template's 24 pt whatever unit was filled in: the second line of
  // 填报单位（盖章）：武汉市汉阳区科学技术和经济信息化局（汉阳区知识产权局） printed under the table's top
  // border on the 产业集群推进情况表 and the 指标完成情况表 (its last line ended 3 pt above the header
  // text, inside the header row).
  const UNIT = '武汉市汉阳区科学技术和经济信息化局（汉阳区知识产权局）';
  it.each(['clusters', 'indicators', 'tasks'] as const)('%s: the unit line ends above the table, its row as high as its lines', async (kind) => {
    const db = await reviewLedger(UNIT);
    const report = await produceReport(db, REVIEW_DISTRICT, REVIEW_PERIOD, kind, REVIEW_TODAY);
    const [ws] = readWithOpenpyxl(report.bytes);
    expect(ws!.cells.A2).toBe(`填报单位（盖章）：${UNIT}`);
    const printed = renderPdf(report.bytes, `unit-${kind}`);
    expect(squash(printed.text)).toContain(squash(`填报单位（盖章）：${UNIT}`));
    const words = pageWords(printed, 1);
    // The unit's lines: the words from the one starting 填报单位 until the unit's end is read.
    const from = words.findIndex((w) => w.text.startsWith('填报单位'));
    expect(from).toBeGreaterThanOrEqual(0);
    let to = from;
    for (let acc = words[from]!.text; !acc.endsWith('知识产权局）') && to < words.length - 1; ) acc += words[++to]!.text;
    const unitBottom = Math.max(...words.slice(from, to + 1).map((w) => w.yMax));
    const header = words.find((w) => w.text === (kind === 'clusters' ? '集群' : '序号'))!;
    // The header row's top border is less than a header text's height above its text.
    expect(header.yMin - unitBottom, `${kind}: room between the unit's last line and the header text`).toBeGreaterThanOrEqual(header.yMax - header.yMin);
  }, 240_000);
});

describe.skipIf(!present)('the scale LibreOffice prints at (LibreOffice)', () => {
  // Before, the normal font was exceljs's Calibri 11; LibreOffice, without Calibri, measured the
  // columns in a fallback font about 30 % wider, so fit-to-width printed the 重点任务推进情况表 at
  // about 62 % where Excel prints it at 81 %: body text at about 6 pt, every page a third empty
  // under the page breaks written for Excel's scale.
  it('prints the review’s 重点任务推进情况表 at the scale its page breaks were computed for', async () => {
    const db = await reviewLedger();
    const report = await produceReport(db, REVIEW_DISTRICT, REVIEW_PERIOD, 'tasks', REVIEW_TODAY);
    const [ws] = readWithOpenpyxl(report.bytes);
    const widths = [5, 13, 11, 28, 11, 13, 9, 34, 7, 9, 17, 19, 7];
    const { scale } = printScale(widths, { paperSize: 9, orientation: 'landscape', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6 }, fitToPage: true, fitToWidth: 1, fitToHeight: 0 })!;
    const printed = renderPdf(report.bytes, 'scale');
    // Rows 4 and 5 hold 序号 1 and 2, centred: their distance on paper is half of both rows' heights, scaled.
    const words = pageWords(printed, 1);
    const left = Math.min(...words.map((w) => w.xMin));
    const seq = (n: string) => words.find((w) => w.text === n && w.xMin < left + 30)!;
    const [one, two] = [seq('1'), seq('2')];
    const distance = (two.yMin + two.yMax) / 2 - (one.yMin + one.yMax) / 2;
    const printedScale = distance / ((ws!.rowHeights['4']! + ws!.rowHeights['5']!) / 2);
    expect(printedScale).toBeGreaterThan(scale * 0.9); // LibreOffice rounds its column widths a little wider than Excel
    expect(printedScale).toBeLessThanOrEqual(scale * 1.02);
    expect(ws!.normalFont).toEqual(['Arial', 10]);
  }, 240_000);
});
