/** The start-up sequence on a real store (fake-indexeddb), opened with the production factory. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { progressId } from '@core/model';
import { createLedgerDb, type LedgerDb } from './storage/db';
import { writeDraft } from './storage/drafts';
import { progressRepo } from './storage/repositories';
import { bootApp, BOOT_STEPS, type BootStep } from './boot';

let n = 0;
const opened: LedgerDb[] = [];
const fresh = () => {
  const db = createLedgerDb(`boot-${++n}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('bootApp', () => {
  it('persists, backs up before opening, opens, seeds, writes back a dead window’s typing, then is ready', async () => {
    // The last session typed into an entry and the window died before the save.
    const before = fresh();
    await before.open();
    const key = { district: '汉阳区', taskKey: '2023GZYD-07', periodId: '2025-Q3' };
    await writeDraft(before, key, { progress: '' }, { progress: '关窗前打的字' }, 'dead-window');
    before.close();

    const db = createLedgerDb(before.name);
    opened.push(db);
    const steps: BootStep[] = [];
    let openAtBackup: boolean | undefined;
    let persisted = false;
    const outcome = await bootApp({
      db,
      persist: async () => void (persisted = true),
      backupBeforeUpgrade: async () => void (openAtBackup = db.isOpen()),
      onStep: (s) => steps.push(s),
    });

    expect(outcome).toEqual({ ok: true, warnings: [] });
    expect(steps).toEqual([...BOOT_STEPS]);
    expect(persisted).toBe(true);
    expect(openAtBackup).toBe(false);
    expect(await db.tasks.count()).toBe(111);
    expect((await progressRepo.get(db, key.district, key.taskKey, key.periodId))?.progress).toBe('关窗前打的字');
    expect(await db.drafts.count()).toBe(0);
    expect((await db.audit.toArray()).some((a) => a.entity === 'progress' && a.entityId === progressId(key.district, key.taskKey, key.periodId))).toBe(true);
  });

  it('a failed backup before the upgrade does not stop the start', async () => {
    const db = fresh();
    const outcome = await bootApp({ db, persist: async () => undefined, backupBeforeUpgrade: () => Promise.reject(new Error('磁盘已满')) });
    expect(outcome.ok).toBe(true);
    expect(await db.tasks.count()).toBe(111);
  });

  it('a store that cannot open (disk full) stops the start with a Chinese problem, and nothing is seeded', async () => {
    const db = fresh();
    // The browser refuses the open as it does when the disk is full.
    db.open = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as typeof db.open;
    const steps: BootStep[] = [];
    const outcome = await bootApp({ db, persist: async () => undefined, onStep: (s) => steps.push(s) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problem.kind).toBe('quota');
      expect(outcome.problem.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(steps).toEqual(['persist', 'backup', 'open']);
  });
});
