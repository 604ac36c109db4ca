/**
 * The officer's unit renames // 单位名称对照, kept in the settings table under
 * SETTING_KEYS.unitRenames (a UnitRename[]); the built-in pairs are code, not stored.
 */
import { SETTING_KEYS } from '@core/model';
import type { UnitRename } from '@core/unit-names';
import type { LedgerDb } from './db';
import { getSetting, setSetting } from './repositories';

/** The officer's pairs (well-formed ones only: a damaged value reads as none). */
export async function getUnitRenames(db: LedgerDb): Promise<UnitRename[]> {
  const v = await getSetting<unknown>(db, SETTING_KEYS.unitRenames, []);
  if (!Array.isArray(v)) return [];
  return v.filter((p): p is UnitRename => !!p && typeof p === 'object' && typeof (p as UnitRename).from === 'string' && typeof (p as UnitRename).to === 'string');
}

/** Save the officer's pairs. */
export function setUnitRenames(db: LedgerDb, pairs: readonly UnitRename[]): Promise<void> {
  return setSetting(db, SETTING_KEYS.unitRenames, pairs.map(({ from, to }) => ({ from: from.trim(), to: to.trim() })));
}
