/**
 * One hash of what relevance answers: every default task for every office (the 17 districts and the
 * city's), 10,000 synthetic tasks for five of them, and default tasks issued elsewhere or by a
 * district. Run before and after a change to core/policy/relevance.ts that must not change an answer:
 * `npx tsx --tsconfig tsconfig.test.json bench/tools/relevance-hash.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { generateData, sentencesOf } from '../lib/synthetic';
import { taskRelevance } from '@core/policy/relevance';
import { DISTRICTS, CITY_OFFICE } from '@core/districts';
import { DEFAULT_DATA } from '@renderer/storage/seed';
const texts = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => readFileSync('seeds/' + f, 'utf8'));
const synthetic = generateData({ sentences: sentencesOf(texts), taskCount: 10_000, periodCount: 1, progressCount: 0 }).tasks;
const h = createHash('sha256');
let n = 0;
for (const d of [...DISTRICTS.map((x) => x.name), CITY_OFFICE]) {
  const clusters = DEFAULT_DATA.clusters.filter((c) => c.district === d);
  const tasks = ['汉阳区', '武昌区', '东湖高新区', '江夏区', CITY_OFFICE].includes(d) ? [...DEFAULT_DATA.tasks, ...synthetic] : DEFAULT_DATA.tasks;
  for (const t of tasks) {
    h.update(JSON.stringify(taskRelevance(t, d, clusters)));
    n++;
  }
  // Elsewhere-issued and district-issued variants of the default tasks.
  for (const t of DEFAULT_DATA.tasks.slice(0, 40)) {
    h.update(JSON.stringify(taskRelevance({ ...t, key: t.key + 'e', issuedElsewhere: '咸宁市' }, d, clusters)));
    h.update(JSON.stringify(taskRelevance({ ...t, key: t.key + 'o', issuedByDistrict: '武昌区' }, d, clusters)));
    n += 2;
  }
}
console.log(n, h.digest('hex'));
