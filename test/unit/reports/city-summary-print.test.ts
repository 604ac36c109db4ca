/**
 * The 全市汇总表 of a quarter in which one district of seventeen has reported (the city's first
 * days of 回收): 101 tasks × 17 districts, written by the app, read back with openpyxl and
 * printed by LibreOffice. Rows of 未报送 are one line; a task's merged texts take the height they
 * need on few rows; every page names its task; nothing is cut.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { DISTRICTS } from '@core/districts';
import { buildCitySummary, type Round } from '@core/rounds';
import { estimateLines, rowHeightFor } from '@core/report';
import type { ProgressEntry } from '@core/index';
import { writeCitySummary } from '@renderer/spreadsheet/round-city';
import { pagePng, printToolsPresent, printedInOrder, readWithOpenpyxl, renderPdf, squash, type OpenpyxlSheet, type Printed } from '../../builders/print-check';

const present = printToolsPresent();
const districts = DISTRICTS.map((d) => d.name);
const REPORTING = '江夏区';
const key = (i: number) => `2025YFZX-${String(i).padStart(2, '0')}`;
/** Task 100 has a long title and goes to two districts only: its merged title is taller than its two rows. */
const LONG_TITLE = '推动国家级科技企业孵化器、众创空间与高校院所共建概念验证中心和中试基地，完善从基础研究到产业化的全链条孵化服务体系并实现提质扩容';
const tasks = Array.from({ length: 101 }, (_, i) => ({ key: key(i + 1), title: i === 99 ? LONG_TITLE : `科技创新重点任务第${i + 1}项` }));
/** A progress text of 1,175 characters in one paragraph, as the probe's 区经信局 wrote it (taller than a printed row). */
const LONG = `区经信局：${'推进汽车零部件产业集群数字化改造，完成智能工厂评估12家、数字化车间认定8个；'.repeat(30)}`.slice(0, 1170) + '【完】';
const round: Round = {
  id: 'R-city', district: '武汉市', periodId: '2026-Q4', dueDate: '2027-01-10', createdAt: '2026-12-20T00:00:00.000Z', prefilled: false, level: 'city',
  units: districts.map((d) => ({ unit: d, taskKeys: tasks.filter((_, i) => i !== 99 || d === REPORTING || d === '江岸区').map((t) => t.key), leadKeys: [], fileName: '', checksum: '' })),
};
const progress: ProgressEntry[] = tasks.map((t, i) => ({
  id: `p${i}`, district: REPORTING, taskKey: t.key, periodId: '2026-Q4', status: i % 7 === 3 ? 'behind' : 'on_track', percent: 60,
  progress: i === 21 ? LONG : i === 0 ? `一、平台建设：本季度新引进国际研发机构2家，累计达到7家。\n二、政策落实：兑现研发机构引进奖励资金1200万元。` : `区科技局：第${i + 1}项本季度进展。`,
  problems: '', nextSteps: '', indicatorValues: {}, filledBy: '', updatedAt: '2026-12-28T00:00:00.000Z',
}));

describe.skipIf(!present)('the 全市汇总表 of a quarter with one district reported (LibreOffice)', () => {
  let sheet: OpenpyxlSheet;
  let printed: Printed;
  beforeAll(async () => {
    const bytes = await writeCitySummary({ periodName: '2026年第四季度', ...buildCitySummary(round, tasks, progress), madeAt: '2026-12-29T08:00:00.000Z' });
    sheet = readWithOpenpyxl(bytes)[0]!;
    printed = renderPdf(bytes, 'city-summary');
    for (const p of [1, 2, printed.pages]) pagePng(printed, p, `${printed.dir}/page-${p}`);
    console.log(`全市汇总表: ${sheet.maxRow} rows, ${printed.pages} pages, PNGs in ${printed.dir}`);
  }, 240_000);

  it('prints in a few dozen pages, one line per 未报送 row', () => {
    // 100 tasks × 17 districts + 2 rows of one line (16 pt) and a few taller rows: about 58 pages of 481 pt.
    expect(printed.pages).toBeGreaterThanOrEqual(45);
    expect(printed.pages).toBeLessThanOrEqual(70);
    const notReported = Object.entries(sheet.cells).filter(([a, v]) => /^E\d+$/.test(a) && v === '未报送').map(([a]) => Number(a.slice(1)));
    expect(notReported.length).toBe(100 * 16 + 1);
    const tall = notReported.filter((r) => (sheet.rowHeights[String(r)] ?? 0) > 16);
    // A taller 未报送 row is the last row of a merged part whose texts need more than its rows (the
    // long title over two rows; the rest of a 汇总 cut by a page break over the rows left): a few.
    const partEnds = new Set(sheet.merges.filter((m) => m.startsWith('B')).map((m) => Number(/:B(\d+)$/.exec(m)![1])));
    for (const r of tall) expect(`${r}: ${partEnds.has(r)}`).toBe(`${r}: true`);
    expect(tall.length).toBeLessThanOrEqual(printed.pages / 2);
    const total = notReported.reduce((s, r) => s + sheet.rowHeights[String(r)]!, 0);
    expect(total).toBeLessThanOrEqual(notReported.length * 16 * 1.05);
  });

  it('gives a merged text the height it needs on the last row of its part, not on every row', () => {
    const first = Object.entries(sheet.cells).find(([a, v]) => a.startsWith('C') && v === LONG_TITLE)![0];
    const r = Number(first.slice(1));
    expect(sheet.merges).toContain(`C${r}:C${r + 1}`);
    const [a, b] = [sheet.rowHeights[String(r)]!, sheet.rowHeights[String(r + 1)]!];
    expect(a).toBeLessThanOrEqual(21);
    expect(a + b).toBeGreaterThanOrEqual(rowHeightFor(estimateLines(LONG_TITLE, 24, 10), 10)); // 66 characters, about 11 a line in the 24-wide column
    expect(printedInOrder(printed.text, LONG_TITLE)).toBe(true);
  });

  it('prints every character of a 1,175-character progress text, on rows marked 续', () => {
    expect(printedInOrder(printed.text, LONG)).toBe(true);
    expect(squash(printed.text)).toContain('【完】');
    expect(Object.values(sheet.cells).filter((v) => v === `${REPORTING}（续）` || v === `${REPORTING}\n（续）`).length).toBeGreaterThanOrEqual(1);
    expect(Math.max(...Object.values(sheet.rowHeights).filter((h): h is number => typeof h === 'number'))).toBeLessThanOrEqual(260 + 1);
  });

  it('names the task on every page: a task cut by a page break is merged again there, marked 续', () => {
    const pages = printed.text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(printed.pages);
    // The last page is the 报送情况 sheet.
    expect(pages.at(-1)).toContain('报送情况');
    pages.slice(0, -1).forEach((p, i) => expect(`${i + 1}: ${/2025YFZX-\d+/.test(squash(p))}`).toBe(`${i + 1}: true`));
    expect(Object.values(sheet.cells).some((v) => typeof v === 'string' && /^2025YFZX-\d+\n?（续）$/.test(v))).toBe(true);
    // Every page's first task row is the start of a merge (no row on a page without its task's cells).
    for (const b of sheet.rowBreaks) expect(sheet.merges.some((m) => m.startsWith(`B${b + 1}:`)) || typeof sheet.cells[`B${b + 1}`] === 'string').toBe(true);
  });

  it('prints every task with its summary', () => {
    for (const t of tasks) expect(squash(printed.text)).toContain(t.key);
    expect(squash(printed.text)).toContain(squash(`滞后：${REPORTING}`));
  });
});
