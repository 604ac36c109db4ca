/**
 * What the probe layout tests (test/unit/probe*-layouts-plan.test.ts) share: their fixtures'
 * folder, the built-in data they are planned against, and planning a file as 汉阳区 (or as the
 * options say) with the app's own code (scripts/plan-file.ts).
 */
import { resolve } from 'node:path';
import { summarisePlan } from '../../src/core/import';
import { builtInData, planFile, type PlanFileOptions } from '../../scripts/plan-file';

/** The import fixtures' folder. */
export const DIR = resolve(__dirname, '../fixtures/import');
/** The day the probes plan on. */
export const NOW = '2026-11-27T09:00:00.000Z';
/** The built-in data set (seeds/default-data.json). */
export const data = builtInData();
/** The active tasks of a document, by key. */
export const keysOf = (doc: string) => data.tasks.filter((t) => t.documentId === doc && !t.archived).map((t) => t.key);
/** The active tasks of a document but those numbered `numbers` (the last two digits of the key). */
export const except = (doc: string, ...numbers: number[]) => keysOf(doc).filter((k) => !numbers.includes(Number(k.slice(-2))));
/** A built-in task's text. */
export const textOf = (key: string) => data.tasks.find((t) => t.key === key)!.text;

/** Plan a fixture (as 汉阳区 on NOW unless the options say otherwise); throws when the file is refused. */
export async function planned(file: string, opts: PlanFileOptions = {}) {
  const r = await planFile(resolve(DIR, file), { district: '汉阳区', now: NOW, ...opts });
  if (!r.ok) throw new Error(r.message);
  return r;
}
/** A fixture's plan. */
export const plan = async (file: string, opts: PlanFileOptions = {}) => (await planned(file, opts)).plan;
/** A fixture's plan, summarised (summarisePlan). */
export const summary = async (file: string, opts: PlanFileOptions = {}) => summarisePlan(await plan(file, opts));
/** Keys, sorted. */
export const sortedKeys = (xs: { key: string }[]) => xs.map((x) => x.key).sort();
