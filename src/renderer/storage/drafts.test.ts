/**
 * Drafts in IndexedDB (schema step 3) and field-by-field saves, on the real database with
 * the audit trail and period locks installed.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedgerDb, type LedgerDb } from './db';
import { emptyProgress, progressRepo } from './repositories';
import { adoptDrafts, currentSession, draftId, recoverDrafts, saveEdits, stashOnUnload, writeDraft } from './drafts';
import { progressId } from '@core/model';

let db: LedgerDb;
let n = 0;
const key = { district: '汉阳区', taskKey: 'K-1', periodId: '2025-Q3' };
const entryId = progressId(key.district, key.taskKey, key.periodId);

beforeEach(async () => {
  db = createLedgerDb(`drafts-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('drafts', () => {
  it('a keystroke is in IndexedDB before any save; a window that died leaves it for the next start', async () => {
    await writeDraft(db, key, { progress: '' }, { progress: '刚打的字' }, 'dead-window');
    expect(await db.drafts.get(draftId(entryId, 'dead-window'))).toMatchObject({ entryId, mine: { progress: '刚打的字' } });
    expect(await db.progress.count()).toBe(0);
    // Next start: the window is gone, its draft is written back and removed.
    await expect(recoverDrafts(db)).resolves.toBe(1);
    expect((await progressRepo.get(db, key.district, key.taskKey, key.periodId))?.progress).toBe('刚打的字');
    expect(await db.drafts.count()).toBe(0);
    // and the audit trail recorded the field like any edit
    expect((await db.audit.toArray()).some((a) => a.entity === 'progress' && a.entityId === entryId)).toBe(true);
  });

  it("leaves the draft of this (living) window alone at start", async () => {
    await writeDraft(db, key, { progress: '' }, { progress: '正在打字' });
    await expect(recoverDrafts(db)).resolves.toBe(0);
    expect(await db.drafts.get(draftId(entryId, currentSession()))).toBeDefined();
  });

  it('keeps words typed while a save was landing', async () => {
    await writeDraft(db, key, { progress: '' }, { progress: '第一句' });
    const saving = saveEdits(db, key, { progress: '' }, { progress: '第一句' });
    await writeDraft(db, key, { progress: '' }, { progress: '第一句。第二句' });
    await saving;
    expect((await db.drafts.get(draftId(entryId, currentSession())))?.mine).toEqual({ progress: '第一句。第二句' });
    // The window's next save starts from what its first save stored.
    await saveEdits(db, key, { progress: '第一句' }, { progress: '第一句。第二句' });
    expect(await db.drafts.count()).toBe(0);
  });

  it('a save writes only the fields this window changed', async () => {
    await progressRepo.put(db, { ...emptyProgress(key.district, key.taskKey, key.periodId), progress: '原文', problems: '原问题', percent: 10 });
    // Another window saves 存在问题 meanwhile.
    await saveEdits(db, key, { problems: '原问题' }, { problems: '另一窗口写的问题' }, 'other');
    const r = await saveEdits(db, key, { progress: '原文' }, { progress: '本窗口写的进展' });
    expect(r.written).toEqual(['progress']);
    expect(r.conflicts).toEqual([]);
    expect(r.stored).toMatchObject({ progress: '本窗口写的进展', problems: '另一窗口写的问题', percent: 10 });
  });

  it('the same field changed by another window is a conflict: stored text kept, mine kept in the draft', async () => {
    await progressRepo.put(db, { ...emptyProgress(key.district, key.taskKey, key.periodId), progress: '原文' });
    await saveEdits(db, key, { progress: '原文' }, { progress: '另一窗口的进展' }, 'other');
    await writeDraft(db, key, { progress: '原文' }, { progress: '本窗口的进展' });
    const r = await saveEdits(db, key, { progress: '原文' }, { progress: '本窗口的进展' });
    expect(r.written).toEqual([]);
    expect(r.conflicts).toEqual([{ field: 'progress', base: '原文', mine: '本窗口的进展', theirs: '另一窗口的进展' }]);
    expect(r.stored.progress).toBe('另一窗口的进展');
    expect((await db.drafts.get(draftId(entryId, currentSession())))?.mine).toEqual({ progress: '本窗口的进展' });
  });

  it('a conflict found at start stays a draft, and the form adopts it', async () => {
    await progressRepo.put(db, { ...emptyProgress(key.district, key.taskKey, key.periodId), progress: '原文', problems: '' });
    await writeDraft(db, key, { progress: '原文', problems: '' }, { progress: '死窗口的进展', problems: '死窗口的问题' }, 'dead');
    await saveEdits(db, key, { progress: '原文' }, { progress: '活窗口的进展' }, 'other');
    await expect(recoverDrafts(db)).resolves.toBe(1);
    const stored = await progressRepo.get(db, key.district, key.taskKey, key.periodId);
    expect(stored).toMatchObject({ progress: '活窗口的进展', problems: '死窗口的问题' });
    expect((await db.drafts.get(draftId(entryId, 'dead')))?.mine).toEqual({ progress: '死窗口的进展' });
    const adopted = await adoptDrafts(db, key);
    expect(adopted).toEqual({ base: { progress: '原文' }, mine: { progress: '死窗口的进展' } });
    expect((await db.drafts.toArray()).map((d) => d.session)).toEqual([currentSession()]);
  });

  it('a refused save (submitted period) keeps the draft', async () => {
    await db.submissions.put({ id: 's', district: key.district, periodId: key.periodId, report: 'tasks', fileName: 'a.xlsx', sha256: 'x', rows: [], at: '2025-10-01T00:00:00.000Z' });
    await writeDraft(db, key, { progress: '' }, { progress: '锁定后打的字' });
    await expect(saveEdits(db, key, { progress: '' }, { progress: '锁定后打的字' })).rejects.toThrow();
    expect(await db.drafts.count()).toBe(1);
  });

  it('recovers the localStorage drafts of the previous version once', async () => {
    const store = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = {
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
      getItem: (k: string) => store.get(k) ?? null,
      removeItem: (k: string) => void store.delete(k),
    };
    store.set(`progress-draft:${entryId}`, JSON.stringify({ ...emptyProgress(key.district, key.taskKey, key.periodId), progress: '旧版草稿' }));
    store.set('progress-draft:broken', '{');
    try {
      await expect(recoverDrafts(db)).resolves.toBe(1);
      expect((await progressRepo.get(db, key.district, key.taskKey, key.periodId))?.progress).toBe('旧版草稿');
      expect(store.size).toBe(0);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('a page that closes or reloads before its save lands leaves a copy that the next start writes back, field by field', async () => {
    const store = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = {
      get length() {
        return store.size;
      },
      key: (i: number) => [...store.keys()][i] ?? null,
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    try {
      await progressRepo.put(db, { ...emptyProgress(key.district, key.taskKey, key.periodId), problems: '原问题' });
      // This window typed 进展 and 问题 and closed; meanwhile another window saved 问题 itself.
      stashOnUnload(key, { progress: '', problems: '原问题' }, { progress: '关窗前刚打的字', problems: '本窗口的问题' });
      await progressRepo.put(db, { ...(await progressRepo.get(db, key.district, key.taskKey, key.periodId))!, problems: '另一窗口的问题' });
      await expect(recoverDrafts(db)).resolves.toBe(1);
      const stored = (await progressRepo.get(db, key.district, key.taskKey, key.periodId))!;
      expect([stored.progress, stored.problems]).toEqual(['关窗前刚打的字', '另一窗口的问题']);
      // The conflicting field is kept as a draft for the form to show, never dropped.
      expect((await db.drafts.toArray()).map((d) => d.mine)).toEqual([{ problems: '本窗口的问题' }]);
      expect(store.size).toBe(0);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
