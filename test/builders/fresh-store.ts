/**
 * A new, empty ledger store for every test of a file, deleted after it: the setup ten storage
 * and flow test files had written out by hand.
 */
import { afterEach, beforeEach } from 'vitest';
import { createLedgerDb, type LedgerDb } from '../../src/renderer/storage/db';

/**
 * Before each test, open a store named `${name}-N` through `open` (the production factory,
 * with every guard, unless a test must write below them) and hand it to `use`; after the
 * test, close and delete it.
 */
export function freshStoreEachTest(name: string, use: (db: LedgerDb) => void, open: (name: string) => LedgerDb = createLedgerDb): void {
  let n = 0;
  let db: LedgerDb | undefined;
  beforeEach(async () => {
    db = open(`${name}-${++n}`);
    await db.open();
    use(db);
  });
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });
}
