/** `npm run seeds`: parse seeds/*.txt and write seeds/default-data.json. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDefaultData } from '../src/core/policy/seed-data';

const dir = join(import.meta.dirname, '..', 'seeds');
const files = readdirSync(dir)
  .filter((n) => /^\d{3}_.*\.txt$/u.test(n))
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
const data = buildDefaultData(files);
writeFileSync(join(dir, 'default-data.json'), `${JSON.stringify(data, null, 2)}\n`);
console.log(
  `seeds/default-data.json: ${data.documents.length} 份文件，${data.tasks.length} 项任务，${data.targets.length} 个目标，${data.clusters.length} 个产业集群，${data.districtPositioning.length} 条区定位`,
);
