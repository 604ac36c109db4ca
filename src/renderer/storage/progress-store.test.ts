import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerDb } from './db';
import { emptyProgress, progressRepo } from './repositories';
import { clearDraft, hasContent, listDrafts, readDraft, recoverDrafts, saveProgress, writeDraft } from './progress-store';

// A minimal in-memory localStorage for node.
class MemoryStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  db = new LedgerDb(`progress-store-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('progress autosave', () => {
  it('writes the entry only when a field changed', async () => {
    const e = { ...emptyProgress('汉阳区', 'K-1', '2025-Q3'), progress: '已完成立项', percent: 40, filledBy: '张三' };
    await expect(saveProgress(db, e)).resolves.toBe(true);
    const first = await progressRepo.get(db, '汉阳区', 'K-1', '2025-Q3');
    expect(first?.progress).toBe('已完成立项');
    expect(first?.percent).toBe(40);
    await expect(saveProgress(db, e)).resolves.toBe(false);
    await expect(saveProgress(db, { ...e, problems: '用地未落实' })).resolves.toBe(true);
    expect((await progressRepo.get(db, '汉阳区', 'K-1', '2025-Q3'))?.problems).toBe('用地未落实');
  });

  it('keeps a draft until it is saved and recovers drafts left by a closed window', async () => {
    const e = { ...emptyProgress('汉阳区', 'K-2', '2025-Q3'), progress: '刚打的字' };
    writeDraft(e);
    expect(readDraft(e.id)?.progress).toBe('刚打的字');
    expect(listDrafts()).toEqual([e.id]);
    // The window closed before the write: the next start writes the draft.
    await expect(recoverDrafts(db)).resolves.toBe(1);
    expect((await progressRepo.get(db, '汉阳区', 'K-2', '2025-Q3'))?.progress).toBe('刚打的字');
    expect(listDrafts()).toEqual([]);
    writeDraft({ ...e, progress: '' , id: 'bad' , district: ''});
    await expect(recoverDrafts(db)).resolves.toBe(0);
    expect(listDrafts()).toEqual([]);
    clearDraft('none');
  });

  it('keeps the draft of words typed while an earlier save was landing', async () => {
    const e = { ...emptyProgress('汉阳区', 'K-3', '2025-Q3'), progress: '第一句' };
    writeDraft(e);
    const saving = saveProgress(db, e);
    // The officer keeps typing before the write lands: a newer draft is written.
    const later = { ...e, progress: '第一句。第二句还没保存' };
    writeDraft(later);
    await saving;
    // The window closes now: the newer words must still be in the draft for the next start.
    expect(readDraft(e.id)?.progress).toBe('第一句。第二句还没保存');
    await expect(recoverDrafts(db)).resolves.toBe(1);
    expect((await progressRepo.get(db, '汉阳区', 'K-3', '2025-Q3'))?.progress).toBe('第一句。第二句还没保存');
    expect(listDrafts()).toEqual([]);
  });

  it('tells an empty entry from one with content', () => {
    const e = emptyProgress('汉阳区', 'K-1', '2025-Q3');
    expect(hasContent(e)).toBe(false);
    expect(hasContent(undefined)).toBe(false);
    expect(hasContent({ ...e, progress: '  ' })).toBe(false);
    expect(hasContent({ ...e, status: 'on_track' })).toBe(true);
    expect(hasContent({ ...e, indicatorValues: { t1: 3 } })).toBe(true);
  });
});
