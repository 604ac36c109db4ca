/**
 * The district's own targets // 区级分解目标, kept in the settings table under
 * DISTRICT_TARGETS_KEY as `{ [district]: { [indicatorKey]: DistrictTarget } }`.
 */
import { DISTRICT_TARGETS_KEY, type DistrictTarget, type DistrictTargets } from '@core/indicators';
import type { LedgerDb } from '../../storage/db';
import { getSetting, setSetting } from '../../storage/repositories';

type AllTargets = Record<string, Record<string, DistrictTarget>>;

/** Set (or, with undefined, remove) a district's own target of an indicator. */
export async function saveDistrictTarget(db: LedgerDb, district: string, key: string, target: DistrictTarget | undefined): Promise<void> {
  const all = await getSetting<AllTargets>(db, DISTRICT_TARGETS_KEY, {});
  const mine: Record<string, DistrictTarget> = { ...(all?.[district] ?? {}) };
  if (target) mine[key] = target;
  else delete mine[key];
  await setSetting(db, DISTRICT_TARGETS_KEY, { ...(all ?? {}), [district]: mine });
}

/** A district's own targets, by indicator key. */
export async function readDistrictTargets(db: LedgerDb, district: string): Promise<DistrictTargets> {
  const all = await getSetting<AllTargets>(db, DISTRICT_TARGETS_KEY, {});
  return all?.[district] ?? {};
}

/** Set several of a district's own targets at once (a 分解表), in one write. */
export async function saveDistrictTargets(db: LedgerDb, district: string, targets: Readonly<Record<string, DistrictTarget>>): Promise<void> {
  const all = await getSetting<AllTargets>(db, DISTRICT_TARGETS_KEY, {});
  await setSetting(db, DISTRICT_TARGETS_KEY, { ...(all ?? {}), [district]: { ...(all?.[district] ?? {}), ...targets } });
}
