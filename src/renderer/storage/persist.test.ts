import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createRawLedgerDb } from './db';
import { describeStorageError, openStore, STORAGE_TEXT } from './persist';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('storage problems in Chinese', () => {
  it('opens a store written by a newer program without losing its rows; a VersionError is explained as “install the newest program”', async () => {
    const name = `persist-version-${Date.now()}`;
    names.push(name);
    const newer = new Dexie(name);
    newer.version(50).stores({ tasks: 'key' });
    await newer.table('tasks').add({ key: 'K-1', title: '新版本写入' });
    newer.close();
    const db = createRawLedgerDb(name);
    await openStore(db);
    expect((await db.tasks.get('K-1'))?.title).toBe('新版本写入');
    db.close();
    const p = describeStorageError(new DOMException('The requested version is less than the existing version.', 'VersionError'));
    expect(p.kind).toBe('version');
    expect(p.action).toBe('update-program');
    expect(p.title).toBe(STORAGE_TEXT.version.title);
  });

  it('reports a blocked upgrade while an older window holds the store, then opens once it closes', async () => {
    const name = `persist-blocked-${Date.now()}`;
    names.push(name);
    const older = new Dexie(name);
    older.version(0.5).stores({ tasks: 'key' });
    older.on('versionchange', () => false); // an old window that does not let go
    await older.open();
    let blocked = false;
    const db = createRawLedgerDb(name);
    const opening = openStore(db, {
      onBlocked: () => {
        blocked = true;
        older.close();
      },
    });
    await opening;
    expect(blocked).toBe(true);
    expect(db.verno).toBeGreaterThanOrEqual(1);
    db.close();
  });

  it('closes this window’s connection when another window upgrades, and says to reload', async () => {
    const name = `persist-closed-${Date.now()}`;
    names.push(name);
    const db = createRawLedgerDb(name);
    let told = false;
    await openStore(db, { onClosedByOtherWindow: () => (told = true) });
    const other = new Dexie(name);
    other.version(50).stores({ tasks: 'key' });
    await other.open();
    expect(told).toBe(true);
    const err = await db.tasks.count().catch((e: unknown) => e);
    expect(describeStorageError(err).kind).toBe('closed');
    other.close();
  });

  it('explains quota, missing IndexedDB and unknown failures', () => {
    expect(describeStorageError(new DOMException('full', 'QuotaExceededError')).kind).toBe('quota');
    expect(describeStorageError(Object.assign(new Error('x'), { name: 'AbortError', inner: new DOMException('q', 'QuotaExceededError') })).action).toBe('free-space');
    expect(describeStorageError(Object.assign(new Error('no idb'), { name: 'MissingAPIError' })).kind).toBe('unavailable');
    const unknown = describeStorageError(new Error('磁盘读写错误'));
    expect(unknown.kind).toBe('unknown');
    expect(unknown.message).toContain('磁盘读写错误');
  });
});
