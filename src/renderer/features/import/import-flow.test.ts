/** The import flow without React, on a real store opened with the production factory. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTable, planImport, readRows } from '@core/import';
import { seedStore } from '../../../../test/builders/seeded-store';
import { readWorkbook } from '../../spreadsheet/read-sheet';
import { createLedgerDb, type LedgerDb } from '../../storage/db';
import { listImports } from '../../storage/apply-import';
import { readSetting } from '../../storage/settings';
import type { BackupSink } from '../../storage/backup';
import { IMPORT_TEXT } from './texts';
import { applyPreviewedPlan, readPlanContext, rememberColumns } from './import-flow';

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  db = createLedgerDb(`import-flow-${++n}-${Date.now()}`);
  await db.open();
  await seedStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The LibreOffice city list, read and planned against the store as the page does. */
async function plannedCityList() {
  const bytes = new Uint8Array(readFileSync(resolve(__dirname, '../../../../test/fixtures/import/city-list-libreoffice.xlsx')));
  const r = await readWorkbook(bytes, 'city-list.xlsx');
  if (!r.ok) throw new Error(r.message);
  const sheet = r.sheets[0]!;
  const { layout } = findTable(sheet);
  const { rows, issues } = readRows(sheet, layout!);
  const ctx = await readPlanContext(db);
  const plan = planImport({ fileName: 'city-list.xlsx', sheet: sheet.name, rows, issues, existing: ctx.existing, documents: ctx.documents, now: '2025-10-08T09:30:00.000Z' });
  return { plan, layout: layout!, ctx };
}

describe('import flow', () => {
  it('plans against the store and applies the previewed plan in one go, recorded for undo', async () => {
    const { plan, ctx } = await plannedCityList();
    expect(ctx.existing.length).toBeGreaterThan(0);
    expect([plan.updated.length, plan.removed.length, plan.unchanged.length]).toEqual([1, 10, 11]);
    const stages: string[] = [];
    const reasons: string[] = [];
    // The platform bridge is the one thing mocked: a backup sink that keeps what main would write.
    const sink: BackupSink = {
      async writeBackup(req) {
        reasons.push(req.reason);
        return { name: 'b.json', reason: req.reason, at: new Date().toISOString(), size: req.data.length };
      },
    };
    const out = await applyPreviewedPlan(db, plan, { skipped: new Set(), choices: {} }, ctx.renames, { onBackup: () => stages.push('backup'), sink });
    expect(out).toMatchObject({ ok: true, counts: { added: 0, updated: 1, archived: 10 } });
    expect(stages).toEqual(['backup']);
    expect(reasons).toEqual(['before-import']);
    const history = await listImports(db);
    expect(history.map((h) => h.fileName)).toContain('city-list.xlsx');
    expect(history.find((h) => h.fileName === 'city-list.xlsx')?.counts).toEqual({ added: 0, updated: 1, archived: 10 });
    expect((await db.tasks.toArray()).filter((t) => t.archived)).toHaveLength(10);
  });

  it('a safety backup that cannot be written (disk full) writes nothing and says what to do', async () => {
    const { plan, ctx } = await plannedCityList();
    const before = await db.tasks.toArray();
    const historyBefore = await listImports(db);
    const sink: BackupSink = { writeBackup: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    const out = await applyPreviewedPlan(db, plan, { skipped: new Set(), choices: {} }, ctx.renames, { sink });
    expect(out).toEqual({ ok: false, refused: false, message: IMPORT_TEXT.backupDiskFull });
    expect(await db.tasks.toArray()).toEqual(before);
    expect(await listImports(db)).toEqual(historyBefore);
  });

  it('remembers the officer’s column choices for the next file with the same headers', async () => {
    const { layout } = await plannedCityList();
    const columns = layout.columns.map((c) => (c.field === 'leadUnits' ? { ...c, field: null } : c));
    await rememberColumns(db, layout, columns);
    const remembered = await readSetting(db, 'importMapping');
    const leadHeader = layout.columns.find((c) => c.field === 'leadUnits')!;
    expect(Object.values(remembered)).toContain(null);
    expect(Object.keys(remembered).length).toBeGreaterThan(0);
    expect(leadHeader).toBeDefined();
  });
});
