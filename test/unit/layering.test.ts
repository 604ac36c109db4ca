import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Lint a snippet as if it were the file at `path` (relative to the repository). */
async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the rings are kept apart by lint', () => {
  it.each([
    ["import Dexie from 'dexie';"],
    ["import { app } from 'electron';"],
    ["import { useState } from 'react';"],
    ["import * as XLSX from 'xlsx';"],
    ["import { readFile } from 'node:fs/promises';"],
    ["import { getDb } from '../renderer/storage/db';"],
  ])('core refuses %s', async (line) => {
    const messages = await lintAs('src/core/probe.ts', `${line}\nexport const x = 1;\n`);
    expect(messages.length).toBeGreaterThan(0);
  });

  it('core may import core', async () => {
    expect(await lintAs('src/core/probe.ts', "import { DISTRICTS } from './districts';\nexport const x = DISTRICTS;\n")).toEqual([]);
  });

  it('a feature may not import dexie or xlsx directly', async () => {
    expect((await lintAs('src/renderer/features/ledger/Probe.tsx', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).length).toBe(1);
    expect((await lintAs('src/renderer/features/ledger/Probe.tsx', "import * as X from 'xlsx';\nexport const x = X;\n")).length).toBe(1);
  });

  it('storage may import dexie', async () => {
    expect(await lintAs('src/renderer/storage/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toEqual([]);
  });

  it.each([
    ["import { getDb } from '../../storage/db';\nexport const x = getDb;\n", 'a storage module other than the entrance'],
    ["import { getDb } from '../../storage';\nexport const x = () => getDb().tasks.toArray();\n", 'a table through getDb()'],
    ["import { type LedgerDb } from '../../storage';\nexport const x = (db: LedgerDb) => db.progress.count();\n", 'a table through db'],
    ["import { type LedgerDb, progressRepo } from '../../storage';\nexport const x = (db: LedgerDb) => [progressRepo, db];\nexport const y = (t: { where(i: string): unknown }) => t.where('[district+periodId]');\n", 'an index'],
    ["import { buildSearchKey } from '../dashboard/dashboard-data';\nexport const x = buildSearchKey;\n", 'another feature\'s file'],
  ])('a feature may not import or name %#: %s', async (code) => {
    expect((await lintAs('src/renderer/features/reports/probe.ts', code)).length).toBeGreaterThan(0);
  });

  it('a feature may use the storage entrance and features/common', async () => {
    const code = "import { allTasks, getDb } from '../../storage';\nimport { useReportingPeriod } from '../common/use-period';\nexport const x = () => allTasks(getDb());\nexport const y = useReportingPeriod;\n";
    expect(await lintAs('src/renderer/features/reports/probe.ts', code)).toEqual([]);
  });
});
