/**
 * Plan the import of a spreadsheet file against a data set, in node, with the app's own code:
 * readWorkbook (the worker's SheetJS reader), summariseSheets, defaultSheet and planSheet (the
 * worker's pipeline). Used by `npm run plan-import` and the fixture tests.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultSheet, otherListSheets, planSheet, readIssuesBySheet, summariseSheets, type ImportPlan, type SheetSummary } from '../src/core/import';
import type { DefaultData } from '../src/core/policy/seed-data';
import type { UnitRename } from '../src/core/unit-names';
import { readWorkbook } from '../src/renderer/spreadsheet/read-sheet';

/** The built-in data set (seeds/default-data.json), as the app loads it on first start. */
export function builtInData(): DefaultData {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'seeds', 'default-data.json'), 'utf8')) as DefaultData;
}

/** What planFile needs besides the file. */
export interface PlanFileOptions {
  data?: DefaultData;
  district?: string;
  renames?: UnitRename[];
  now?: string;
  /** The sheet to plan, by name (default: the one the import page picks first). */
  sheet?: string;
}

/** The plan for a file, or the Chinese reason it cannot be read. */
export async function planFile(path: string, opts: PlanFileOptions = {}): Promise<{ ok: true; plan: ImportPlan; sheets: SheetSummary[] } | { ok: false; message: string }> {
  const name = basename(path);
  const read = await readWorkbook(new Uint8Array(readFileSync(path)), name);
  if (!read.ok) return read;
  const readIssues = readIssuesBySheet(read.sheets, read.issues);
  const sheets = summariseSheets(read.sheets, {}, readIssues);
  const named = opts.sheet === undefined ? -1 : sheets.findIndex((s) => s.name === opts.sheet);
  if (opts.sheet !== undefined && named < 0) return { ok: false, message: `文件 ${name} 里没有名为“${opts.sheet}”的工作表。` };
  const picked = named >= 0 ? named : defaultSheet(sheets, opts.district);
  const data = opts.data ?? builtInData();
  const { plan } = planSheet(name, read.sheets[picked]!, sheets[picked]!.layout, {
    existing: data.tasks,
    documents: data.documents,
    sections: data.sections,
    clusters: data.clusters,
    district: opts.district,
    renames: opts.renames,
    readIssues: readIssues[picked] ?? [],
    otherSheets: otherListSheets(sheets, picked),
    now: opts.now ?? new Date().toISOString(),
  });
  return { ok: true, plan, sheets };
}
