import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import type { BackupReason } from '@shared/bridge';
import { SETTING_KEYS } from '@core/model';
import { createLedgerDb } from '../db';
import type { LedgerDb } from '../db';
import { markRawReads } from '../row-guard';
import { seedProgress, seedStore } from '../../../../test/builders/seeded-store';
import { APP_NAME, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DERIVED_TABLES, checksumPrefix, concatBytes, sha256Hex, type BackupHeader } from './format';
import { encodeRow } from './row-codec';
import { READ_PAGE_ROWS, createBackup, readBackupRows } from './write';
import { readBackupFile } from './read';

/**
 * The writer as it was before the backup was read straight from IndexedDB (commit 9600764):
 * every row through Dexie, each one copied by encodeRow. Kept here, frozen, as the judge of
 * the bytes the new writer produces.
 */
async function previousWriter(db: Dexie, reason: BackupReason): Promise<Uint8Array> {
  const tables = db.tables.filter((t) => !DERIVED_TABLES.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const enc = new TextEncoder();
  let text = '';
  const counts: Record<string, number> = {};
  let district: string | undefined;
  await db.transaction('r', tables, async (tx) => {
    markRawReads(tx);
    for (const t of tables) counts[t.name] = await t.count();
    const tableList = tables.map((t) => ({ name: t.name, schema: [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(','), rowCount: counts[t.name]! }));
    text += `{"formatName":"dexie","formatVersion":1,"data":{"databaseName":${JSON.stringify(db.name)},"databaseVersion":${JSON.stringify(db.verno)},"tables":${JSON.stringify(tableList)},"data":[`;
    for (const [ti, t] of tables.entries()) {
      const keyPath = t.schema.primKey.keyPath;
      text += `${ti ? ',' : ''}{"tableName":${JSON.stringify(t.name)},"inbound":${keyPath != null},"rows":[`;
      text += (await t.toArray()).map((row) => JSON.stringify(encodeRow(row))).join(',');
      text += ']}';
      if (t.name === 'settings') {
        const row = (await t.get(SETTING_KEYS.district)) as { value?: unknown } | undefined;
        if (typeof row?.value === 'string') district = row.value;
      }
    }
    text += ']}}';
  });
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: APP_NAME,
    schemaVersion: db.verno,
    createdAt: new Date().toISOString(),
    reason,
    district,
    counts,
    sha256: '',
  };
  header.sha256 = await sha256Hex(enc.encode(`${checksumPrefix(header)}${text}]`));
  return enc.encode(`${JSON.stringify(header).slice(0, -1)},"database":${text}}`);
}

/** Rows put straight into IndexedDB, past every guard: dates, binary, odd keys, a malformed row. */
async function putRaw(db: LedgerDb, table: string, rows: unknown[]): Promise<void> {
  const tx = db.backendDB().transaction(table, 'readwrite');
  for (const r of rows) tx.objectStore(table).put(r);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  db = createLedgerDb(`write-test-${++n}`);
  await db.open();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-10-08T09:30:00.000Z'));
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await db.delete();
});

describe('createBackup', () => {
  it('writes the same bytes as the previous writer for the same store (pages, dates, binary, odd keys, malformed rows)', async () => {
    const { tasks } = await seedStore(db);
    // More than one page of progress (READ_PAGE_ROWS a page), from several districts.
    const periods = Array.from({ length: 50 }, (_, i) => `${2021 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    const many = ['江岸区', '江汉区', '硚口区', '武昌区', '青山区', '洪山区', '东西湖区', '蔡甸区', '江夏区', '黄陂区', '新洲区'].flatMap((d) => seedProgress(tasks, d, periods));
    expect(many.length).toBeGreaterThan(READ_PAGE_ROWS);
    await db.progress.bulkPut(many);
    const proto = JSON.parse('{"key":"proto-row","value":{"__proto__":{"polluted":true},"plain":1}}') as unknown;
    await putRaw(db, 'settings', [
      { key: 'typed.row~1', value: { when: new Date(0), bin: new Uint8Array([1, 2, 250]), buf: new Uint8Array([7, 8, 9]).buffer, list: [1, undefined, new Date(5), null], gone: undefined } },
      { key: 'holes', value: [1, , 3], nested: { deep: { at: new Date(86_400_000) } } }, // eslint-disable-line no-sparse-arrays
      { key: 'map', value: new Map([['a', 1]]), set: new Set([1]), re: /x/g },
      proto,
    ]);
    // A malformed progress row (the app's reads leave it out; a backup keeps it).
    await putRaw(db, 'progress', [{ id: 'zz-malformed', district: 42, periodId: null }]);

    const before = await previousWriter(db, 'manual');
    const now = await createBackup(db, 'manual');
    expect(now.size).toBe(before.length);
    expect(Buffer.from(now.bytes).equals(Buffer.from(before))).toBe(true);
    // Several pieces, each at most what main accepts in one piece.
    expect(now.chunks.length).toBeGreaterThan(1);
    expect(Math.max(...now.chunks.map((c) => c.length))).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(Buffer.from(concatBytes(now.chunks)).equals(Buffer.from(now.bytes))).toBe(true);
  });

  it('writes the same bytes for an empty store and for a store opened without its schema', async () => {
    expect(Buffer.from((await createBackup(db, 'daily')).bytes).equals(Buffer.from(await previousWriter(db, 'daily')))).toBe(true);
    await seedStore(db);
    db.close();
    const bare = new Dexie(db.name);
    await bare.open();
    try {
      expect(Buffer.from((await createBackup(bare, 'before-upgrade')).bytes).equals(Buffer.from(await previousWriter(bare, 'before-upgrade')))).toBe(true);
    } finally {
      bare.close();
    }
  });

  it('cuts a page longer than a piece between characters, never inside one (emoji across the cut)', async () => {
    const long = '😀'.repeat(2_500_000); // 5,000,000 UTF-16 units, past the 4,194,304 of a piece
    await putRaw(db, 'settings', [
      { key: 'a-even', value: long },
      { key: 'b-odd', value: `x${long}` },
    ]);
    const now = await createBackup(db, 'manual');
    expect(Buffer.from(now.bytes).equals(Buffer.from(await previousWriter(db, 'manual')))).toBe(true);
    for (const c of now.chunks) expect(new TextDecoder('utf-8', { fatal: true }).decode(c).length).toBeGreaterThan(0);
    expect(Math.max(...now.chunks.map((c) => c.length))).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it('reads, as the bench floor, exactly the rows the backup writes (pages cut by a key cursor, two in flight)', async () => {
    const { tasks } = await seedStore(db);
    const periods = Array.from({ length: 80 }, (_, i) => `${2006 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
    const many = ['江岸区', '江汉区', '硚口区', '武昌区', '青山区', '洪山区', '东西湖区', '蔡甸区', '江夏区', '黄陂区', '新洲区', '汉南区', '汉阳区'].flatMap((d) => seedProgress(tasks, d, periods));
    await db.progress.bulkPut(many);
    // More than two pages, so that pages are asked for while others are in hand.
    expect(await db.progress.count()).toBeGreaterThan(2 * READ_PAGE_ROWS);
    const backup = await createBackup(db, 'manual');
    const total = Object.values(backup.header.counts).reduce((a, b) => a + b, 0);
    expect(await readBackupRows(db)).toBe(total);
    const check = await readBackupFile(backup.bytes);
    if (!check.ok) throw new Error(check.message);
    const ids = (check.backup.rows.get('progress') as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(ids).size).toBe(await db.progress.count());
  });

  it('writes a file that reads back with every row', async () => {
    const { tasks, progress } = await seedStore(db);
    const check = await readBackupFile((await createBackup(db, 'manual')).bytes);
    if (!check.ok) throw new Error(check.message);
    expect(check.backup.rows.get('tasks')).toEqual(tasks);
    expect(check.backup.rows.get('progress')).toHaveLength(progress.length);
    expect(check.preview.district).toBe('汉阳区');
  });
});
