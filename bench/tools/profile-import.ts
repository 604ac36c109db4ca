/**
 * The import's stages in Node, on the bench's synthetic city list:
 * `npx tsx bench/tools/profile-import.ts [rows=10000] [runs=3]`; add `--cpu-prof` to node for a profile
 * (`node --cpu-prof --import tsx bench/tools/profile-import.ts`). Prints the CPU time of read / table / plan per run (the
 * bench measures wall time in Chromium; this is for finding where the time goes).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findTable, planSheet } from '@core/import';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import { sentencesOf } from '../lib/synthetic';
import { bareSheetJs, cityListXlsx, cityTasks, CITY_DOCUMENT } from '../browser/import-bench';

const [rows = '10000', runs = '3'] = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const seeds = join(import.meta.dirname, '../../seeds');
const sentences = sentencesOf(readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seeds, f), 'utf8')));
const tasks = cityTasks(sentences, Number(rows));
const bytes = await cityListXlsx(tasks, sentences);
// CPU time of this process (ms): on a shared machine it counts what the stage did, not the wait for a core.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let run = 0; run < Number(runs); run++) {
  const b0 = cpu();
  bareSheetJs(bytes);
  const b1 = cpu();
  const r = await readWorkbook(bytes, 'city.xlsx');
  if (!r.ok) throw new Error(r.message);
  const t1 = cpu();
  const grid = r.sheets[0]!;
  const found = findTable(grid);
  const t2 = cpu();
  const { plan } = planSheet('city.xlsx', grid, found.layout, { existing: tasks, documents: [CITY_DOCUMENT], sections: [], clusters: [], district: '汉阳区', now: '2025-10-08T00:00:00.000Z' });
  const t3 = cpu();
  console.log(
    `bare ${(b1 - b0).toFixed(0)} · read ${(t1 - b1).toFixed(0)} · table ${(t2 - t1).toFixed(0)} · plan ${(t3 - t2).toFixed(0)} ms · app/bare ${((t3 - b1) / (b1 - b0)).toFixed(2)}× · ${plan.unchanged.length} unchanged, ${plan.updated.length} updated, ${plan.added.length} added, ${plan.ambiguous.length} to confirm`,
  );
}
