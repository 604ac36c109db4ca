import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '@core/model';
import { seedStore } from '../../../test/builders/seeded-store';
import { createLedgerDb, type LedgerDb } from './db';
import { setSetting } from './repositories';
import { getUnitRenames, saveUnitRenamesAndUnify } from './unit-renames';
import { updateTasks } from './commands';
import { saveConfirmedDocument } from './seed';

let db: LedgerDb;
let n = 0;
beforeEach(async () => {
  db = createLedgerDb(`unit-renames-${++n}-${Date.now()}`);
  await db.open();
  await seedStore(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the office unit renames', () => {
  it('saves the pairs and unifies every task that used the old name, audited, in one go', async () => {
    const before = await db.tasks.toArray();
    const users = before.filter((t) => t.leadUnits.includes('市科技局')).map((t) => t.key);
    expect(users.length).toBeGreaterThan(0);
    const unified = await saveUnitRenamesAndUnify(db, [{ from: ' 市科技创新局 ', to: '市科学技术和创新局' }], '2026-11-26T09:00:00.000Z');
    expect(unified).toBe(users.length);
    expect(await getUnitRenames(db)).toEqual([{ from: '市科技创新局', to: '市科学技术和创新局' }]);
    const after = new Map((await db.tasks.toArray()).map((t) => [t.key, t]));
    // 市科技局 → 市科技创新局 (built in) → 市科学技术和创新局 (the office's pair).
    for (const k of users) expect(after.get(k)!.leadUnits).toContain('市科学技术和创新局');
    const audit = (await db.audit.toArray()).filter((a) => a.entityId === users[0]);
    expect(audit.some((a) => a.field === 'leadUnits' && JSON.stringify(a.newValue).includes('市科学技术和创新局'))).toBe(true);
    expect(await saveUnitRenamesAndUnify(db, await getUnitRenames(db))).toBe(0);
  });

  it('a document added or a task corrected afterwards is written under the office’s names too', async () => {
    await saveUnitRenamesAndUnify(db, [{ from: '市发展改革委', to: '市发改委' }]);
    const [t] = await db.tasks.toArray();
    // 修改任务信息: the officer types the old name.
    await updateTasks(db, [t!.key], (x) => ({ ...x, leadUnits: ['市发展改革委'], responsibleUnits: ['市发展改革委', '各区人民政府'] }));
    expect(await db.tasks.get(t!.key)).toMatchObject({ leadUnits: ['市发改委'], responsibleUnits: ['市发改委', '各区人民政府'] });
    // A new document whose text names the old name.
    const doc = { id: 'doc-new', title: '测试文件', shortTitle: '测试文件', kind: 'other' as const, source: 't', addedAt: '2026-11-27T00:00:00.000Z' };
    const task = { ...t!, key: 'NEW-01', documentId: 'doc-new', leadUnits: ['市发展改革委'], responsibleUnits: [] };
    expect(await saveConfirmedDocument(db, { document: doc, sections: [], tasks: [task], targets: [] })).toEqual({ ok: true });
    expect((await db.tasks.get('NEW-01'))!.leadUnits).toEqual(['市发改委']);
  });

  it('reads a damaged setting as no pairs', async () => {
    await setSetting(db, SETTING_KEYS.unitRenames, 'garbage');
    expect(await getUnitRenames(db)).toEqual([]);
    await setSetting(db, SETTING_KEYS.unitRenames, [{ from: '甲' }, { from: '市经信局', to: '市经济和信息化局' }]);
    expect(await getUnitRenames(db)).toEqual([{ from: '市经信局', to: '市经济和信息化局' }]);
  });
});
