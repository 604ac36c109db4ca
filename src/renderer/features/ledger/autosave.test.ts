/** The autosave service on the real database: draft per keystroke, field-by-field saves, conflicts settled by the officer. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LedgerDb } from '../../storage/db';
import { emptyProgress, progressRepo } from '../../storage/repositories';
import { saveEdits } from '../../storage/drafts';
import { ProgressAutosave } from './autosave';
import { freshStoreEachTest } from '../../../../test/builders/fresh-store';

let db: LedgerDb;
freshStoreEachTest('autosave', (d) => (db = d));

const initial = () => ({ ...emptyProgress('汉阳区', 'K-1', '2025-Q3'), progress: '原文', problems: '原问题' });

describe('ProgressAutosave', () => {
  it('each keystroke is in the drafts table before the save; the save writes it and clears the draft', async () => {
    await progressRepo.put(db, initial());
    const a = new ProgressAutosave(db, (await db.progress.toArray())[0]!, undefined, 60_000);
    a.update({ progress: '原文，新' });
    await a.draftWritten;
    expect((await db.drafts.toArray())[0]?.mine).toEqual({ progress: '原文，新' });
    expect((await db.progress.toArray())[0]?.progress).toBe('原文');
    await a.flush();
    expect((await db.progress.toArray())[0]?.progress).toBe('原文，新');
    await a.draftWritten;
    expect(await db.drafts.count()).toBe(0);
    expect(a.getView().state).toBe('saved');
    a.dispose();
  });

  it("shows another window's change to a field it did not touch, and keeps both on the same field as a conflict", async () => {
    await progressRepo.put(db, initial());
    const stored = (await db.progress.toArray())[0]!;
    const mine = new ProgressAutosave(db, stored, undefined, 60_000);
    mine.update({ progress: '本窗口的进展' });
    // Another tab saves both fields meanwhile.
    await saveEdits(db, stored, { progress: '原文', problems: '原问题' }, { progress: '另一窗口的进展', problems: '另一窗口的问题' }, 'tab-2');
    await mine.flush();
    const v = mine.getView();
    expect(v.state).toBe('conflict');
    expect(v.conflicts).toEqual([{ field: 'progress', base: '原文', mine: '本窗口的进展', theirs: '另一窗口的进展' }]);
    expect(v.entry.problems).toBe('另一窗口的问题');
    expect(v.entry.progress).toBe('本窗口的进展');
    expect((await db.progress.toArray())[0]?.progress).toBe('另一窗口的进展');
    await mine.draftWritten;
    expect((await db.drafts.toArray())[0]?.mine).toEqual({ progress: '本窗口的进展' });

    await mine.keepMine('progress');
    expect((await db.progress.toArray())[0]).toMatchObject({ progress: '本窗口的进展', problems: '另一窗口的问题' });
    expect(mine.getView().state).toBe('saved');
    mine.dispose();
  });

  it('taking the other window\'s text drops this edit only by the officer\'s choice', async () => {
    await progressRepo.put(db, initial());
    const stored = (await db.progress.toArray())[0]!;
    const mine = new ProgressAutosave(db, stored, undefined, 60_000);
    mine.update({ problems: '我的问题' });
    await saveEdits(db, stored, { problems: '原问题' }, { problems: '他的问题' }, 'tab-2');
    await mine.flush();
    expect(mine.getView().conflicts).toHaveLength(1);
    mine.takeTheirs('problems');
    await mine.draftWritten;
    expect(mine.getView()).toMatchObject({ state: 'saved', conflicts: [] });
    expect(mine.getView().entry.problems).toBe('他的问题');
    expect(await db.drafts.count()).toBe(0);
    mine.dispose();
  });
});
