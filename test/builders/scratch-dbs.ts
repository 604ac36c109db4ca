/**
 * Databases a test file opens and throws away: `keep(db)` registers one, and after each test every
 * registered database is closed and deleted (fake-indexeddb), so tests never see each other's rows.
 */
import Dexie from 'dexie';
import { afterEach } from 'vitest';

export function scratchDbs(): <T extends Dexie>(db: T) => T {
  const opened: Dexie[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return (db) => {
    opened.push(db);
    return db;
  };
}
