/**
 * Continuation rows (续) only where they help the reader: a text a line or two taller than a
 * printed row stays whole in its row (the 产业集群推进情况表 of the walk5 probe split off a 续 row
 * of one line while the row above had room), and a longer text is cut into even pieces, none a
 * sliver. Written by the app, read back with openpyxl, printed by LibreOffice.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { progressId } from '@core/index';
import { estimateLines, linesPerRow } from '@core/report';
import { createLedgerDb } from '@renderer/storage/db';
import { produceReport } from '@renderer/features/reports/report-produce';
import { printToolsPresent, printedInOrder, readWithOpenpyxl, renderPdf, squash } from '../../builders/print-check';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';

const present = printToolsPresent();
const TODAY = new Date(2025, 9, 8);
const MAX = linesPerRow(10); // lines of 10 pt text a printed row holds

/** A text of exactly `lines` lines in a column `width` wide at 10 pt: numbered clauses, a paragraph every fourth (or one paragraph). */
function textOfLines(lines: number, width: number, tag: string, paragraphs = true): string {
  let text = '';
  for (let i = 1; ; i++) {
    const next = `${text}${text && paragraphs && i % 4 === 1 ? '\n' : ''}（${i}）推进产业集群项目建设，新增研发型企业${i}家、完成投资${i * 3}亿元；`;
    if (estimateLines(`${next}【${tag}】`, width, 10) > lines) break;
    text = next;
  }
  return `${text}【${tag}】`;
}

describe.skipIf(!present)('continuation rows (LibreOffice)', () => {
  it('产业集群推进情况表: a progress text two lines taller than a printed row stays in its row, printed whole', async () => {
    const db = createLedgerDb(`continued-clusters-${Date.now()}`);
    await seedFixture(db);
    // The template's 本期进展 column: 40 wide at 10 pt (the built-in 产业集群推进情况表).
    const text = textOfLines(MAX + 2, 40, '集群完');
    expect(estimateLines(text, 40, 10)).toBe(MAX + 2);
    await db.clusterProgress.update(`c-1|${PERIOD.id}`, { progress: text });
    const report = await produceReport(db, DISTRICT, PERIOD, 'clusters', TODAY);
    const [ws] = readWithOpenpyxl(report.bytes);
    const cells = Object.entries(ws!.cells);
    expect(cells.filter(([, v]) => typeof v === 'string' && v.includes('（续）'))).toEqual([]);
    const [at] = cells.find(([, v]) => v === text)!;
    expect(ws!.rowHeights[at.replace(/^[A-Z]+/, '')]).toBeGreaterThanOrEqual(Math.ceil((MAX + 2) * 15 + 6));
    const printed = renderPdf(report.bytes, 'clusters-one-row');
    expect(printedInOrder(printed.text, text)).toBe(true);
    expect(squash(printed.text)).toContain('【集群完】');
    db.close();
    await db.delete();
  }, 240_000);

  it('重点任务推进情况表: a paragraph of two printed rows and a line goes over three even rows, printed whole', async () => {
    const db = createLedgerDb(`continued-tasks-${Date.now()}`);
    const f = await seedFixture(db);
    const key = f.tasks[0]!.key;
    // The 进展情况 column of the built-in 重点任务推进情况表: 34 wide at 10 pt.
    const text = textOfLines(2 * MAX + 1, 34, '任务完', false);
    await db.progress.update(progressId(DISTRICT, key, PERIOD.id), { progress: text });
    const report = await produceReport(db, DISTRICT, PERIOD, 'tasks', TODAY);
    const [ws] = readWithOpenpyxl(report.bytes);
    const rows = Object.entries(ws!.cells).filter(([a, v]) => a.startsWith('B') && typeof v === 'string' && v.startsWith(key)).map(([a]) => a.slice(1));
    expect(rows).toHaveLength(3);
    const pieces = rows.map((r) => String(ws!.cells[`H${r}`]));
    expect(pieces.join('')).toBe(text);
    // Even pieces: none of a line or two (before: 16, 16 and 1 lines).
    for (const p of pieces) expect(estimateLines(p, 34, 10)).toBeGreaterThanOrEqual(Math.floor(MAX / 2));
    const printed = renderPdf(report.bytes, 'tasks-even-rows');
    expect(printedInOrder(printed.text, text)).toBe(true);
    expect(squash(printed.text)).toContain('【任务完】');
    db.close();
    await db.delete();
  }, 240_000);
});
