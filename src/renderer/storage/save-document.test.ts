/** Saving a reviewed document (the 政策文件 page's last step), on a real store opened with the production factory. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DefaultData } from '@core/policy/seed-data';
import defaultDataJson from '../../../seeds/default-data.json';
import type { LedgerDb } from './db';
import { saveConfirmedDocument, type ConfirmedDocument } from './seed';
import { freshStoreEachTest } from '../../../test/builders/fresh-store';

const DATA = defaultDataJson as unknown as DefaultData;
let db: LedgerDb;
freshStoreEachTest('save-document', (d) => (db = d));

/** The first seed document with everything that belongs to it, as the review screen hands it over. */
function firstSeedDocument(): ConfirmedDocument {
  const document = DATA.documents[0]!;
  const of = <T extends { documentId: string }>(rows: readonly T[]) => rows.filter((r) => r.documentId === document.id);
  return { document, sections: of(DATA.sections), tasks: of(DATA.tasks), targets: of(DATA.targets) };
}

describe('save a reviewed document', () => {
  it('writes the document, its sections, tasks and targets in one go, and its tasks are audited', async () => {
    const doc = firstSeedDocument();
    expect(doc.tasks.length).toBeGreaterThan(0);
    await expect(saveConfirmedDocument(db, doc)).resolves.toEqual({ ok: true });
    expect(await db.documents.get(doc.document.id)).toEqual(doc.document);
    expect(await db.tasks.where('documentId').equals(doc.document.id).count()).toBe(doc.tasks.length);
    expect(await db.sections.count()).toBe(doc.sections.length);
    expect(await db.targets.count()).toBe(doc.targets.length);
    expect((await db.audit.toArray()).filter((a) => a.entity === 'task')).toHaveLength(doc.tasks.length);
  });

  it('refuses a document whose id or task keys are taken, in Chinese, and writes nothing', async () => {
    const doc = firstSeedDocument();
    await saveConfirmedDocument(db, doc);
    const before = { tasks: await db.tasks.count(), audit: await db.audit.count() };
    const again = await saveConfirmedDocument(db, doc);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toContain(doc.document.id);
    const renamed = { ...doc, document: { ...doc.document, id: 'doc-new' } };
    const clash = await saveConfirmedDocument(db, renamed);
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.message).toContain(doc.tasks[0]!.key);
    expect({ tasks: await db.tasks.count(), audit: await db.audit.count() }).toEqual(before);
    expect(await db.documents.get('doc-new')).toBeUndefined();
  });
});
