/**
 * First start: load the default data set (seeds/default-data.json, generated from the five
 * seed documents) into an empty store. Idempotent: records SETTING_KEYS.seedVersion.
 */
import { unifyUnits } from '@core/import';
import { renameTableOf } from './unit-renames';
import type { DefaultData } from '@core/policy/seed-data';
import { SETTING_KEYS } from '@core/model';
import defaultDataJson from '../../../seeds/default-data.json';
import type { LedgerDb } from './ledger-db';
import { SAVE_DOCUMENT_TEXT } from './texts';

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

/** A parsed document as the officer confirmed it in the review screen. */
export interface ConfirmedDocument {
  document: import('@core/model').PolicyDocument;
  sections: import('@core/model').Section[];
  tasks: import('@core/model').Task[];
  targets: import('@core/model').Target[];
}

/**
 * Save a reviewed document in one transaction. Refuses (returns a Chinese message, writes
 * nothing) when the document id or a task key is already in use.
 */
export async function saveConfirmedDocument(db: LedgerDb, doc: ConfirmedDocument): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction('rw', [db.documents, db.sections, db.tasks, db.targets, db.settings], async () => {
    const existingDoc = await db.documents.get(doc.document.id);
    if (existingDoc) return { ok: false as const, message: SAVE_DOCUMENT_TEXT.documentIdTaken(doc.document.id, existingDoc.title) };
    const clashes = (await db.tasks.bulkGet(doc.tasks.map((t) => t.key))).filter((t) => t !== undefined);
    if (clashes.length)
      return { ok: false as const, message: SAVE_DOCUMENT_TEXT.taskKeysTaken(clashes.map((t) => t!.key)) };
    await db.documents.add(doc.document);
    await db.sections.bulkAdd(doc.sections);
    // Unit names as the ledger writes them: the built-in and the officer's renames (单位名称对照), as an import does.
    const table = await renameTableOf(db);
    await db.tasks.bulkAdd(doc.tasks.map((t) => unifyUnits(t, table)));
    await db.targets.bulkAdd(doc.targets);
    return { ok: true as const };
  });
}
