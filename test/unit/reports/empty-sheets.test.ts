/**
 * A sheet with nothing to report is never a bare grid: the 汇总 workbook of a district without
 * clusters or indicators says so in the row it leaves, read back by openpyxl and printed by
 * LibreOffice; a district with clusters and indicators prints no such sentence, and the
 * 重点任务推进情况表 (read back by the city's 回收) never gets one.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptySheetNotes } from '@core/report';
import { createLedgerDb, type LedgerDb } from '@renderer/storage/db';
import { produceReport } from '@renderer/features/reports/report-produce';
import { printToolsPresent, readWithOpenpyxl, renderPdf, squash, type OpenpyxlSheet } from '../../builders/print-check';
import { DISTRICT, PERIOD, seedFixture } from './ledger-fixture';

const TODAY = new Date(2025, 9, 8);
const present = printToolsPresent();
let n = 0;

async function ledger(withClustersAndTargets: boolean): Promise<LedgerDb> {
  const db = createLedgerDb(`empty-sheets-${Date.now()}-${n++}`);
  await seedFixture(db);
  if (!withClustersAndTargets) await Promise.all([db.clusters.clear(), db.clusterIndicators.clear(), db.targets.clear()]);
  return db;
}

const sheetNamed = (sheets: OpenpyxlSheet[], part: string) => sheets.find((s) => s.name.includes(part))!;
const texts = (s: OpenpyxlSheet) => Object.values(s.cells).map(String);

describe('the sentence of a sheet without rows', () => {
  it('is the district’s own for clusters, the city’s for the city office', () => {
    expect(emptySheetNotes('汉阳区')).toEqual({ target: '本期无需填报的指标', cluster: '本区未承担产业集群建设任务' });
    expect(emptySheetNotes('武汉市').cluster).toBe('暂无产业集群');
  });
});

describe.skipIf(!present)('the 汇总 workbook of a district without clusters or indicators (openpyxl, LibreOffice)', () => {
  let bare: OpenpyxlSheet[];
  let full: OpenpyxlSheet[];
  let printed: string;
  const notes = emptySheetNotes(DISTRICT);

  beforeAll(async () => {
    const [a, b] = await Promise.all([ledger(false), ledger(true)]);
    const report = await produceReport(a, DISTRICT, PERIOD, 'all', TODAY);
    bare = readWithOpenpyxl(report.bytes);
    full = readWithOpenpyxl((await produceReport(b, DISTRICT, PERIOD, 'all', TODAY)).bytes);
    printed = squash(renderPdf(report.bytes, 'empty-sheets').text);
  }, 240_000);

  it('writes the sentence in the naming cell of the one data row of the cluster and indicator sheets', () => {
    const clusters = sheetNamed(bare, '集群');
    const indicators = sheetNamed(bare, '指标');
    expect(texts(clusters)).toContain(notes.cluster);
    expect(texts(indicators)).toContain(notes.target);
    // The 集群 / 指标名称 column: the header above the sentence names the row.
    for (const [sheet, note, header] of [[clusters, notes.cluster, '集群'], [indicators, notes.target, '指标名称']] as const) {
      const at = Object.entries(sheet.cells).find(([, v]) => v === note)![0];
      const col = at.replace(/\d+/u, '');
      const row = Number(at.replace(/\D+/u, ''));
      expect(String(sheet.cells[`${col}${row - 1}`])).toBe(header);
      // It spans the row from its cell to the table's last column (walk10 Y4: squeezed into 集群 beside empty cells).
      const last = Object.keys(sheet.cells)
        .filter((a) => Number(a.replace(/\D+/u, '')) === row - 1)
        .map((a) => a.replace(/\d+/u, ''))
        .sort((x, y) => x.length - y.length || x.localeCompare(y))
        .at(-1)!;
      expect(sheet.merges).toContain(`${col}${row}:${last}${row}`);
      expect(sheet.rowHeights[String(row)] ?? 0).toBeLessThan(40);
    }
  });

  it('prints both sentences, and the task sheet none', () => {
    expect(printed).toContain(notes.cluster);
    expect(printed).toContain(notes.target);
    expect(texts(sheetNamed(bare, '重点任务')).some((t) => t === notes.cluster || t === notes.target)).toBe(false);
  });

  it('writes neither where the district has clusters and indicators', () => {
    const all = full.flatMap(texts);
    expect(all).not.toContain(notes.cluster);
    expect(all).not.toContain(notes.target);
    expect(texts(sheetNamed(full, '集群'))).toEqual(expect.arrayContaining(['大健康产业集群', '智能网联汽车集群']));
  });
});
