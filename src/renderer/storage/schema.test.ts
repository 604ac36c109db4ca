/**
 * Migration tests: for every earlier schema step, open the database at that version, fill
 * it with realistic rows, reopen it at the newest version and check every record survived.
 * New steps appended to SCHEMA_HISTORY are covered automatically.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createRawLedgerDb } from './db';
import { LATEST_VERSION, SCHEMA_HISTORY, type SchemaStep } from './schema';
import { backupBeforeUpgrade, readBackupFile, type BackupSink } from './backup';
import { seedStore } from '../../../test/builders/seeded-store';
import { SUMMARY_TABLE } from './progress-summary';
import { HEADS_TABLE } from './task-heads';
import { periodRowsOf } from '@core/dashboard';
import type { ProgressEntry, Task } from '@core/model';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import snapshot from './schema-snapshot.json';

const opened: string[] = [];
let n = 0;
afterEach(async () => {
  for (const name of opened.splice(0)) await Dexie.delete(name);
});

/** Tables that exist at the end of `history`. */
function tablesOf(history: readonly SchemaStep[]): string[] {
  const names = new Set<string>();
  for (const s of history)
    for (const [t, spec] of Object.entries(s.stores)) {
      if (spec === null) names.delete(t);
      else names.add(t);
    }
  return [...names];
}

/** Realistic rows for every table of the newest schema, taken from the seeded store. */
async function fixtureRows(): Promise<Map<string, unknown[]>> {
  const name = `schema-fixture-${++n}`;
  opened.push(name);
  const db = createRawLedgerDb(name);
  await seedStore(db);
  await db.audit.add({ at: '2025-10-01T00:00:00.000Z', entity: 'task', entityId: '2023YD-01', field: 'title', oldValue: 'a', newValue: 'b', by: '王芳' });
  await db.submissions.put({ id: 's1', district: '汉阳区', periodId: '2025-Q3', report: 'tasks', fileName: 'a.xlsx', sha256: 'ab', rows: [{ taskKey: '2023YD-01' }], at: '2025-10-08T00:00:00.000Z' });
  await db.drafts.put({
    id: '汉阳区|2023YD-01|2025-Q3#s1',
    entryId: '汉阳区|2023YD-01|2025-Q3',
    session: 's1',
    district: '汉阳区',
    taskKey: '2023YD-01',
    periodId: '2025-Q3',
    base: { progress: '' },
    mine: { progress: '刚打的字' },
    updatedAt: '2025-10-01T00:00:00.000Z',
  });
  const rows = new Map<string, unknown[]>();
  // progressSummary and taskHeads are derived: written by storage with each progress row or task, never by hand.
  for (const t of db.tables) if (t.name !== SUMMARY_TABLE && t.name !== HEADS_TABLE) rows.set(t.name, await t.toArray());
  db.close();
  return rows;
}

/** Open at `history`, write the fixture rows of the tables that exist there, close. */
async function fillAt(name: string, history: readonly SchemaStep[], rows: Map<string, unknown[]>): Promise<Map<string, unknown[]>> {
  const db = createRawLedgerDb(name, history);
  await db.open();
  const written = new Map<string, unknown[]>();
  for (const t of tablesOf(history)) {
    if (t === SUMMARY_TABLE || t === HEADS_TABLE) continue;
    const r = rows.get(t) ?? [];
    await db.table(t).bulkAdd(r);
    written.set(t, r);
  }
  expect(db.verno).toBe(history[history.length - 1]!.version);
  db.close();
  return written;
}

/** Reopen at `history` and check every written record is still there (fields may be added by upgrades). */
async function expectSurvived(name: string, history: readonly SchemaStep[], written: Map<string, unknown[]>): Promise<void> {
  const db = createRawLedgerDb(name, history);
  await db.open();
  expect(db.verno).toBe(history[history.length - 1]!.version);
  const present = new Set(tablesOf(history));
  for (const [table, rows] of written) {
    if (!present.has(table)) continue;
    const now = await db.table(table).toArray();
    expect(now.length, table).toBe(rows.length);
    const pk = db.table(table).schema.primKey.keyPath as string;
    const byKey = new Map(now.map((r) => [JSON.stringify((r as Record<string, unknown>)[pk]), r]));
    for (const r of rows) expect(byKey.get(JSON.stringify((r as Record<string, unknown>)[pk])), `${table} ${pk}`).toMatchObject(r as object);
  }
  if (present.has(SUMMARY_TABLE)) {
    // Every progress row has its summary, built by the upgrade or written with the row.
    const progress = (await db.table('progress').toArray()) as ProgressEntry[];
    expect(progress.length).toBeGreaterThan(0);
    const summaries = await db.table(SUMMARY_TABLE).toArray();
    expect(summaries.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(periodRowsOf(progress).sort((a, b) => (a.id < b.id ? -1 : 1)));
  }
  if (present.has(HEADS_TABLE)) {
    // Every task has its head, made by the upgrade or written with the task: the task without its text.
    const tasks = (await db.table('tasks').toArray()) as Task[];
    expect(tasks.length).toBeGreaterThan(0);
    const heads = (await db.table(HEADS_TABLE).toArray()) as Record<string, unknown>[];
    expect(heads.every((h) => !('text' in h))).toBe(true);
    expect(heads).toEqual(tasks.map(({ text: _t, ...head }) => head));
  }
  db.close();
}

describe('schema history', () => {
  it('is append-only: versions strictly increase and every step says what changed', () => {
    const versions = SCHEMA_HISTORY.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const s of SCHEMA_HISTORY) expect(s.summary.length).toBeGreaterThan(5);
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  for (const step of SCHEMA_HISTORY)
    it(`upgrades a store filled at version ${step.version} to version ${LATEST_VERSION} with every record intact`, async () => {
      const rows = await fixtureRows();
      const name = `schema-v${step.version}-${++n}`;
      opened.push(name);
      const history = SCHEMA_HISTORY.filter((s) => s.version <= step.version);
      const written = await fillAt(name, history, rows);
      expect([...written.values()].reduce((a, r) => a + r.length, 0)).toBeGreaterThan(100);
      await expectSurvived(name, SCHEMA_HISTORY, written);
    });

  it('the harness itself catches a migration step (a synthetic next version that reshapes data)', async () => {
    const rows = await fixtureRows();
    const name = `schema-synthetic-${++n}`;
    opened.push(name);
    const written = await fillAt(name, SCHEMA_HISTORY, rows);
    const next: SchemaStep = {
      version: LATEST_VERSION + 1,
      summary: 'test only: tasks get a search field, a new notes table',
      stores: { notes: 'id' },
      upgrade: async (tx) => {
        await tx.table('tasks').toCollection().modify((t: { title: string; search?: string }) => {
          t.search = t.title.toLowerCase();
        });
      },
    };
    await expectSurvived(name, [...SCHEMA_HISTORY, next], written);
    // and a destructive step is caught
    const lossy: SchemaStep = { version: LATEST_VERSION + 2, summary: 'test only: loses progress', stores: {}, upgrade: (tx) => tx.table('progress').clear() };
    await expect(expectSurvived(name, [...SCHEMA_HISTORY, next, lossy], written)).rejects.toThrow();
  });

  it('the published steps are exactly the committed snapshot (schema-snapshot.json): none edited, none removed', () => {
    const published = SCHEMA_HISTORY.map((s) => ({ version: s.version, stores: s.stores, ...(s.upgradeFile ? { upgradeFile: s.upgradeFile } : {}) }));
    expect(published).toEqual(snapshot.steps.map(({ upgradeSha256: _h, ...rest }) => rest));
  });

  it("each published step's upgrade is frozen code of its own: unchanged since publication, importing no live code", () => {
    const dir = import.meta.dirname;
    for (const step of snapshot.steps) {
      const live = SCHEMA_HISTORY.find((s) => s.version === step.version)!;
      expect(Boolean(live.upgrade), `step ${step.version}`).toBe('upgradeFile' in step);
      if (!('upgradeFile' in step) || !step.upgradeFile) continue;
      const source = readFileSync(join(dir, step.upgradeFile), 'utf8').replace(/\r\n/g, '\n');
      expect(createHash('sha256').update(source).digest('hex'), `${step.upgradeFile} was edited after publication`).toBe(step.upgradeSha256);
      const imports = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      expect(imports, step.upgradeFile).toEqual(['dexie']);
      expect(source, step.upgradeFile).toMatch(/^import type/m);
    }
  });

  it('step 2 (frozen) builds the same summaries as the live rules for the seeded store', async () => {
    const rows = await fixtureRows();
    const name = `schema-v2-frozen-${++n}`;
    opened.push(name);
    await fillAt(name, SCHEMA_HISTORY.filter((s) => s.version <= 1), rows);
    const db = createRawLedgerDb(name, SCHEMA_HISTORY.filter((s) => s.version <= 2));
    await db.open();
    const built = await db.table(SUMMARY_TABLE).toArray();
    db.close();
    const expected = periodRowsOf(rows.get('progress') as ProgressEntry[]);
    expect(built.length).toBeGreaterThan(0);
    expect(built.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('step 3 adds the drafts table, empty, to a filled version-2 store, and its rows are found by entry', async () => {
    const rows = await fixtureRows();
    const name = `schema-v3-${++n}`;
    opened.push(name);
    await fillAt(name, SCHEMA_HISTORY.filter((s) => s.version <= 2), rows);
    const db = createRawLedgerDb(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.progress.count()).toBe(rows.get('progress')!.length);
    await db.drafts.bulkAdd(rows.get('drafts') as never[]);
    expect(await db.drafts.where('entryId').equals('汉阳区|2023YD-01|2025-Q3').count()).toBe(1);
    db.close();
  });

  it('a backup is taken of an older store before its upgrade, at its stored version', async () => {
    const rows = await fixtureRows();
    const name = `schema-pre-upgrade-${++n}`;
    opened.push(name);
    const written = await fillAt(name, SCHEMA_HISTORY, rows);
    // Pretend the program was updated: the store on disk is now one version behind.
    const files: { reason: string; data: Uint8Array }[] = [];
    const sink: BackupSink = { writeBackup: async (req) => (files.push(req), { name: 'x.json', reason: req.reason, at: '', size: req.data.length }) };
    const history = [...SCHEMA_HISTORY];
    // The newest published step is current, so no backup:
    expect(await backupBeforeUpgrade(name, sink)).toBeNull();
    // With the store at an older version than LATEST (simulated by deleting and refilling at v-1 when it exists):
    if (history.length > 1) {
      const older = `${name}-older`;
      opened.push(older);
      await fillAt(older, history.slice(0, -1), rows);
      const taken = await backupBeforeUpgrade(older, sink);
      expect(taken?.header.reason).toBe('before-upgrade');
      const check = await readBackupFile(files[0]!.data);
      expect(check.ok && check.backup.schemaVersion).toBe(history[history.length - 2]!.version);
    }
    expect(written.get('tasks')!.length).toBe(22);
    // Always exercised: a store left at a version below the first published step (0.5).
    const pre = `${name}-pre`;
    opened.push(pre);
    const legacy = new Dexie(pre);
    legacy.version(0.5).stores({ tasks: 'key' });
    await legacy.table('tasks').bulkAdd(rows.get('tasks')!);
    legacy.close();
    const taken = await backupBeforeUpgrade(pre, sink);
    expect(taken?.header).toMatchObject({ reason: 'before-upgrade', schemaVersion: 0.5, counts: { tasks: 22 } });
    expect(files.at(-1)?.reason).toBe('before-upgrade');
  });
});
