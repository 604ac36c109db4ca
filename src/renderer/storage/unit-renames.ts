/**
 * The officer's unit renames // 单位名称对照, kept in the settings table under
 * SETTING_KEYS.unitRenames (a UnitRename[]); the built-in pairs are code, not stored.
 */
import { SETTING_KEYS } from '@core/model';
import { unitRenameTable, type UnitRename } from '@core/unit-names';
import { unifyUnits } from '@core/import';
import type { LedgerDb } from './ledger-db';
import { getSetting, setSetting } from './repositories';

/** The officer's pairs (well-formed ones only: a damaged value reads as none). */
export async function getUnitRenames(db: LedgerDb): Promise<UnitRename[]> {
  const v = await getSetting<unknown>(db, SETTING_KEYS.unitRenames, []);
  if (!Array.isArray(v)) return [];
  return v.filter((p): p is UnitRename => !!p && typeof p === 'object' && typeof (p as UnitRename).from === 'string' && typeof (p as UnitRename).to === 'string');
}

/** The rename table in force: the built-in pairs and the officer's (core/unit-names.ts unitRenameTable). */
export async function renameTableOf(db: LedgerDb): Promise<ReturnType<typeof unitRenameTable>> {
  return unitRenameTable(await getUnitRenames(db));
}

/** Save the officer's pairs. */
export function setUnitRenames(db: LedgerDb, pairs: readonly UnitRename[]): Promise<void> {
  return setSetting(db, SETTING_KEYS.unitRenames, pairs.map(({ from, to }) => ({ from: from.trim(), to: to.trim() })));
}

/**
 * Save the officer's pairs and, in the same transaction, write every task's unit names under
 * the new table (so the ledger, search and reports use one name at once). Audited like every
 * task write. Returns how many tasks were unified.
 */
export async function saveUnitRenamesAndUnify(db: LedgerDb, pairs: readonly UnitRename[], at: string = new Date().toISOString()): Promise<number> {
  const table = unitRenameTable(pairs);
  return db.transaction('rw', [db.settings, db.tasks], async () => {
    await setUnitRenames(db, pairs);
    const changed = (await db.tasks.toArray())
      .map((t) => ({ t, u: unifyUnits(t, table) }))
      .filter(({ t, u }) => u.leadUnits.join('、') !== t.leadUnits.join('、') || u.responsibleUnits.join('、') !== t.responsibleUnits.join('、'))
      .map(({ u }) => ({ ...u, updatedAt: at }));
    if (changed.length > 0) await db.tasks.bulkPut(changed);
    return changed.length;
  });
}
