/**
 * First start: load the default data set (seeds/default-data.json, generated from the five
 * seed documents) into an empty store. Idempotent: records SETTING_KEYS.seedVersion.
 */
import type { DefaultData } from '@core/policy/seed-data';
import { SETTING_KEYS } from '@core/model';
import defaultDataJson from '../../../seeds/default-data.json';
import type { LedgerDb } from './db';

/** The default data set shipped with the application. */
export const DEFAULT_DATA = defaultDataJson as unknown as DefaultData;

/** Settings keys holding the seed extras (not tables of their own). Persisted: do not rename. */
export const SEED_SETTING_KEYS = {
  /** DistrictPositioning[] from 专栏 6-2. */
  districtPositioning: 'districtPositioning',
  /** Record<documentId, IndicatorRow[]>. */
  indicatorTables: 'indicatorTables',
} as const;

/** What ensureSeeded did. */
export interface SeedResult {
  loaded: boolean;
  /** Why nothing was loaded: `already` (seedVersion recorded) or `not-empty` (the store had documents). */
  skipped?: 'already' | 'not-empty';
  tasks: number;
}

/** Load `data` into `db` when the store is empty; afterwards (or when it holds data) do nothing. */
export async function ensureSeeded(db: LedgerDb, data: DefaultData = DEFAULT_DATA): Promise<SeedResult> {
  return db.transaction('rw', [db.documents, db.sections, db.tasks, db.targets, db.clusters, db.settings], async () => {
    const recorded = await db.settings.get(SETTING_KEYS.seedVersion);
    if (recorded !== undefined) return { loaded: false, skipped: 'already' as const, tasks: 0 };
    if ((await db.documents.count()) > 0 || (await db.tasks.count()) > 0) {
      await db.settings.put({ key: SETTING_KEYS.seedVersion, value: data.version });
      return { loaded: false, skipped: 'not-empty' as const, tasks: 0 };
    }
    await db.documents.bulkPut(data.documents);
    await db.sections.bulkPut(data.sections);
    await db.tasks.bulkPut(data.tasks);
    await db.targets.bulkPut(data.targets);
    await db.clusters.bulkPut(data.clusters);
    await db.settings.bulkPut([
      { key: SEED_SETTING_KEYS.districtPositioning, value: data.districtPositioning },
      { key: SEED_SETTING_KEYS.indicatorTables, value: data.indicatorTables },
      { key: SETTING_KEYS.seedVersion, value: data.version },
    ]);
    return { loaded: true, tasks: data.tasks.length };
  });
}
