/**
 * A city list marking its revisions (备注 删除 / 已取消, a name ending （新增）), read by the
 * import's own reader, planned as the worker plans it and applied to a real store opened with
 * the production factory: the marked tasks are archived with their progress kept, the new task is
 * named without its mark, and nothing else changes.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSheet, planSheet, readIssuesBySheet, summariseSheets } from '@core/import';
import { emptyProgress, progressRepo, setDistrict } from '../../storage/repositories';
import { ensureSeeded } from '../../storage/seed';
import type { LedgerDb } from '../../storage/db';
import type { BackupSink } from '../../storage/backup';
import { readWorkbook } from '../../spreadsheet/read-sheet';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';
import { applyPreviewedPlan, readPlanContext } from './import-flow';

let db: LedgerDb;
freshStoreEachTest('revision-import', (d) => (db = d));

const sink: BackupSink = { writeBackup: async (req) => ({ name: 'b.json', reason: req.reason, at: new Date().toISOString(), size: req.data.length }) };

async function planned(file: string) {
  const r = await readWorkbook(new Uint8Array(readFileSync(resolve(__dirname, '../../../../test/fixtures/import', file))), file);
  if (!r.ok) throw new Error(r.message);
  const readIssues = readIssuesBySheet(r.sheets, r.issues);
  const sheets = summariseSheets(r.sheets, {}, readIssues);
  const ctx = await readPlanContext(db);
  const picked = defaultSheet(sheets, ctx.district);
  return { ctx, plan: planSheet(file, r.sheets[picked]!, sheets[picked]!.layout, { ...ctx, readIssues: readIssues[picked] ?? [], now: '2026-11-27T09:00:00.000Z' }).plan };
}

describe('a list marking its revisions', () => {
  it('archives the tasks marked 删除 / 已取消 (progress kept), adds the （新增） task without its mark, and changes nothing else', async () => {
    await ensureSeeded(db);
    await setDistrict(db, '汉阳区');
    const entered = { ...emptyProgress('汉阳区', '2024KJRC-05', '2026-Q3'), progress: '已建成2个产教融合基地。', filledBy: '张三' };
    await progressRepo.put(db, entered);
    const before = new Map((await db.tasks.toArray()).map((t) => [t.key, t]));

    const { ctx, plan } = await planned('revision-marks.xlsx');
    expect(plan.removed.map((r) => [r.before.key, r.row, r.mark])).toEqual([
      ['2024KJRC-05', 7, '删除'],
      ['2024KJRC-09', 12, '已取消'],
    ]);
    expect(plan.added.map((a) => [a.row, a.task.title, a.task.number, a.task.text.startsWith('建设青年科技人才驿站。')])).toEqual([[9, '建设青年科技人才驿站', '', true]]);
    expect(plan.updated).toEqual([]);
    expect(plan.filled.map((f) => [f.before.key, f.filledFields])).toEqual([['2024KJRC-03', ['deadline']]]);

    const out = await applyPreviewedPlan(db, plan, { skipped: new Set(), choices: {} }, ctx.renames, { sink });
    expect(out).toMatchObject({ ok: true, counts: { added: 1, updated: 0, archived: 2 } });
    const after = await db.tasks.toArray();
    expect(after.filter((t) => t.archived).map((t) => t.key)).toEqual(['2024KJRC-05', '2024KJRC-09']);
    const changed = after.filter((t) => JSON.stringify(t) !== JSON.stringify(before.get(t.key))).map((t) => t.key);
    expect(changed.sort()).toEqual(['2024KJRC-03', '2024KJRC-05', '2024KJRC-09', plan.added[0]!.task.key].sort());
    expect((await progressRepo.get(db, '汉阳区', '2024KJRC-05', '2026-Q3'))?.progress).toBe('已建成2个产教融合基地。');
  });
});
