/**
 * W11: the 完成时限 column prints the deadline as the document or the list wrote it, and a date
 * only where no words exist — then as 2026年12月31日, never 2026-12-31 beside 2026年12月底前.
 * Every built-in template that prints the column (重点任务推进情况表 and the 汇总 workbook), read
 * back by openpyxl from the exported file.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createLedgerDb } from '@renderer/storage/db';
import { produceReport } from '@renderer/features/reports/report-produce';
import { printToolsPresent, readWithOpenpyxl, renderPdf, squash } from '../../builders/print-check';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';

const TODAY = new Date(2025, 9, 8);

describe.skipIf(!printToolsPresent())('完成时限 as printed (W11), read by openpyxl', () => {
  it.each(['tasks', 'all'] as const)('the %s report prints the words as written, a date alone as 年月日', async (kind) => {
    const db = createLedgerDb(`deadline-print-${kind}-${Date.now()}`);
    await seedFixture(db);
    const t2 = (await db.tasks.get('2023YD-02'))!;
    const t3 = (await db.tasks.get('2023YD-03'))!;
    // A city list's date cell: a date, no words.
    const { deadlineText: _drop, ...dateOnly } = { ...t2, deadline: '2026-12-31' };
    await db.tasks.put(dateOnly);
    await db.tasks.put({ ...t3, deadline: '2026-12-31', deadlineText: '2026年12月底前' });
    const report = await produceReport(db, DISTRICT, PERIOD, kind, TODAY);
    const sheet = readWithOpenpyxl(report.bytes).find((s) => Object.values(s.cells).includes('完成时限'))!;
    const header = Object.entries(sheet.cells).find(([, v]) => v === '完成时限')![0];
    const col = header.replace(/\d+/g, '');
    const keyCol = Object.entries(sheet.cells).find(([, v]) => v === '任务编号')![0].replace(/\d+/g, '');
    const byKey = new Map<string, string | number | null>();
    for (const [addr, v] of Object.entries(sheet.cells)) {
      const row = addr.replace(/[A-Z]+/g, '');
      if (addr === `${keyCol}${row}` && typeof v === 'string' && v.startsWith('2023YD-')) byKey.set(v, sheet.cells[`${col}${row}`] ?? null);
    }
    expect(byKey.get('2023YD-02')).toBe('2026年12月31日');
    expect(byKey.get('2023YD-03')).toBe('2026年12月底前');
    expect(byKey.get('2023YD-05')).toBe('长期坚持');
    expect(byKey.get('2023YD-01')).toBe('2025年底前');
    // No cell of the column is an ISO date or a date cell (openpyxl prints one as 2026-12-31 00:00:00).
    expect([...byKey.values()].filter((v) => /\d{4}-\d{2}-\d{2}/.test(String(v)))).toEqual([]);
    // And as LibreOffice prints it: the words, no ISO date anywhere on the table's pages.
    const printed = renderPdf(report.bytes, `deadline-${kind}`);
    expect(squash(printed.text)).toContain('2026年12月31日');
    expect(printed.text).not.toMatch(/2026-12-31/);
  }, 240_000);
});
