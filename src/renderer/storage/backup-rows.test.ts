/**
 * Crafted backups whose checksum was recomputed (so only row validation can catch them):
 * restore refuses them naming the table and the row, and changes nothing; no type-map path
 * reaches an object's prototype.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerDb, type LedgerDb } from './db';
import { bytesSource, createBackup, readBackupFile, readBackupStream, restoreBackup, sha256Hex, type BackupSink } from './backup';
import { seedStore } from '../../../test/builders/seeded-store';
import { ROW_SCHEMAS, rowProblem } from '@core/records/schemas';

type Db = { data: { data: { tableName: string; rows: Record<string, unknown>[] }[] } };
type File = { formatVersion: number; schemaVersion: number; createdAt: string; counts: Record<string, number>; database: Db; sha256: string };

/** Change a backup and recompute its checksum the way the program does. */
async function craft(good: Uint8Array, change: (f: File) => void): Promise<Uint8Array> {
  const f = JSON.parse(new TextDecoder().decode(good)) as File;
  change(f);
  for (const t of f.database.data.data) f.counts[t.tableName] = t.rows.length;
  f.sha256 = await sha256Hex(new TextEncoder().encode(JSON.stringify([f.formatVersion, f.schemaVersion, f.createdAt, f.counts, f.database])));
  return new TextEncoder().encode(JSON.stringify(f));
}
const rowsOf = (f: File, table: string) => f.database.data.data.find((t) => t.tableName === table)!.rows;

const sink: BackupSink = { writeBackup: async (req) => ({ name: 'safety.json', reason: req.reason, at: '', size: req.data.length }) };

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  db = createLedgerDb(`backup-rows-${++n}`);
  await db.open();
  await seedStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

describe('rows of a backup are validated', () => {
  it('every row of a real store passes its table schema', async () => {
    for (const t of db.tables) if (ROW_SCHEMAS[t.name]) for (const r of await t.toArray()) expect(rowProblem(t.name, r), t.name).toBeUndefined();
  });

  const cases: [string, (f: File) => void, RegExp][] = [
    ['a progress text that is a number', (f) => (rowsOf(f, 'progress')[3]!.progress = 42), /“进展填报”表的第 4 条记录不正确（字段“progress”/],
    ['a task without its key (IndexedDB would fail in English)', (f) => delete rowsOf(f, 'tasks')[0]!.key, /“重点任务”表的第 1 条记录不正确（字段“key”/],
    ['units that are not a list', (f) => (rowsOf(f, 'tasks')[2]!.leadUnits = '科技局'), /“重点任务”表的第 3 条/],
    ['two tasks with one key (IndexedDB would fail in English)', (f) => (rowsOf(f, 'tasks')[5]!.key = rowsOf(f, 'tasks')[4]!.key), /“重点任务”表的第 6 条记录与前面的记录编号重复/],
    ['a district setting that is an object', (f) => (rowsOf(f, 'settings').find((s) => s.key === 'district')!.value = { name: 'x' }), /“设置”表/],
    ['a type-map path __proto__.archived', (f) => (rowsOf(f, 'tasks')[0]!.$types = { '__proto__.archived': 'date' }), /“重点任务”表的第 1 条.*不允许的路径“__proto__\.archived”/],
    ['a type-map path constructor.prototype.x', (f) => (rowsOf(f, 'tasks')[1]!.$types = { 'constructor.prototype.archived': 'date' }), /不允许的路径/],
    ['a type-map path to a field that is not there', (f) => (rowsOf(f, 'tasks')[1]!.$types = { 'nothing.here': 'date' }), /路径“nothing\.here”不存在/],
    ['an unknown type', (f) => (rowsOf(f, 'tasks')[1]!.$types = { title: 'function' }), /未知的数据类型/],
  ];
  for (const [label, change, message] of cases)
    it(`refuses ${label}, names the table and row, changes nothing`, async () => {
      const { bytes } = await createBackup(db, 'manual');
      const bad = await craft(bytes, change);
      await db.tasks.update('2023YD-05', { title: '当前数据' });
      const before = await dump();
      const check = await readBackupFile(bad);
      expect(check.ok).toBe(false);
      // The backup page's check keeps no rows, and refuses the same row with the same words.
      expect(await readBackupStream(bytesSource(bad), { rows: false })).toEqual(check);
      if (!check.ok) {
        expect(check.message).toMatch(message);
        expect(check.message).toContain('未做任何改动');
        expect(check.message).not.toMatch(/Error|undefined|Cannot|Constraint|DataError/);
      }
      expect(await dump()).toEqual(before);
      expect(({} as Record<string, unknown>).archived).toBeUndefined();
    });

  it('the crafting itself is sound: an unchanged crafted file still restores', async () => {
    const { bytes } = await createBackup(db, 'manual');
    const same = await craft(bytes, () => undefined);
    const check = await readBackupFile(same);
    expect(check.ok).toBe(true);
    if (check.ok) await restoreBackup(db, check.backup, { sink });
    expect(await db.tasks.count()).toBe(22);
  });
});
