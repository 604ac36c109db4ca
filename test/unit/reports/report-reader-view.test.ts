/**
 * The export is identical in what a reader sees to the files the export wrote before it was
 * made faster (test/fixtures/reports/reader-view/, written by report-fill.ts as of commit
 * 86a241a): the built-in reports on the fixture ledger, two office templates and 1,000
 * synthetic rows with continuation rows, read with SheetJS and with openpyxl (styles, heights,
 * print setup, validations). `UPDATE_READER_VIEW=1 npx vitest run <this file>` rewrites the
 * references from today's code — only when a report is meant to change.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READER_CASES, openpyxlView, sheetJsView, viewDifferences } from './reader-view';

const DIR = resolve(import.meta.dirname, '../../fixtures/reports/reader-view');
const UPDATE = process.env.UPDATE_READER_VIEW === '1';
const python = existsSync('/usr/bin/python3');
if (!python) console.warn('\n!!!!!!!! /usr/bin/python3 (with openpyxl) is missing: the openpyxl half of the reader-view test is SKIPPED.\n');

describe('the written reports, as a reader sees them', () => {
  it.each(READER_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const bytes = await c.write();
    const file = join(DIR, `${name}.xlsx`);
    if (UPDATE) {
      mkdirSync(DIR, { recursive: true });
      writeFileSync(file, bytes);
      return;
    }
    const before = new Uint8Array(readFileSync(file));
    expect(viewDifferences(sheetJsView(before), sheetJsView(bytes))).toEqual([]);
    if (python) expect(viewDifferences(openpyxlView(before), openpyxlView(bytes))).toEqual([]);
  }, 120_000);
});
