import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRawLedgerDb, type LedgerDb } from './db';
import { emptyProgress, progressRepo } from './repositories';
import { saveProgress } from './progress-store';
import { freshStoreEachTest } from '../../../test/builders/fresh-store';

let db: LedgerDb;
freshStoreEachTest('progress-store', (d) => (db = d), createRawLedgerDb);

describe('whole-entry progress writes', () => {
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
});
