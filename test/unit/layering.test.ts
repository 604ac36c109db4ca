import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Lint a snippet as if it were the file at `path` (relative to the repository). */
async function lintAs(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
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
});
