import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '@core/model';
import { createRawLedgerDb, type LedgerDb } from './db';
import { DEFAULT_DATA, SEED_SETTING_KEYS, ensureSeeded } from './seed';

let n = 0;
const dbs: LedgerDb[] = [];
const fresh = () => {
  const db = createRawLedgerDb(`seed-test-${Date.now()}-${n++}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('ensureSeeded', () => {
  it('loads the default data set into an empty store and records the seed version', async () => {
    const db = fresh();
    expect(await ensureSeeded(db)).toEqual({ loaded: true, tasks: 111 });
    expect(await db.documents.count()).toBe(5);
    expect(await db.tasks.count()).toBe(111);
    expect(await db.clusters.where('district').equals('汉阳区').toArray()).toHaveLength(1);
    expect((await db.tasks.get('2023GZYD-07'))!.title).toBe('大力培育创新产业集群');
    expect((await db.tasks.get('SSWGH-54'))!.title).toBe('厚植创新发展文化土壤');
    expect(await db.targets.count()).toBe(DEFAULT_DATA.targets.length);
    expect((await db.settings.get(SETTING_KEYS.seedVersion))!.value).toBe(DEFAULT_DATA.version);
    expect(((await db.settings.get(SEED_SETTING_KEYS.districtPositioning))!.value as unknown[]).length).toBe(DEFAULT_DATA.districtPositioning.length);
  });

  it('is idempotent: a second run changes nothing, edits are kept', async () => {
    const db = fresh();
    await ensureSeeded(db);
    await db.tasks.update('2023GZYD-07', { title: '改过的标题' });
    await db.tasks.delete('2023GZYD-08');
    expect(await ensureSeeded(db)).toEqual({ loaded: false, skipped: 'already', tasks: 0 });
    expect((await db.tasks.get('2023GZYD-07'))!.title).toBe('改过的标题');
    expect(await db.tasks.get('2023GZYD-08')).toBeUndefined();
  });

  it('never loads over a store that already holds documents (e.g. restored from a backup)', async () => {
    const db = fresh();
    await db.documents.put({ ...DEFAULT_DATA.documents[0]!, id: 'doc-mine', title: '本区自己的文件' });
    expect(await ensureSeeded(db)).toEqual({ loaded: false, skipped: 'not-empty', tasks: 0 });
    expect(await db.documents.count()).toBe(1);
    expect(await db.tasks.count()).toBe(0);
  });
});
