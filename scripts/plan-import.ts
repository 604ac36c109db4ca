/**
 * `npm run plan-import -- FILE [--district 汉阳区] [--now ISO]`: print, as JSON, the import plan
 * for FILE against the built-in data set (seeds/default-data.json): added, updated (per-field
 * before/after), filled, renamed, removed, unchanged, relevanceChanged, ambiguous, issues.
 */
import { summarisePlan } from '../src/core/import';
import { planFile } from './plan-file';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const district = option('--district');
const now = option('--now');
const file = args[0];
if (!file) {
  console.error('用法：npm run plan-import -- 文件.xlsx [--district 汉阳区]');
  process.exit(2);
}
let result: ReturnType<typeof planFile>;
try {
  result = planFile(file, { district, now });
} catch (e) {
  console.error(`无法读取文件 ${file}：${(e as Error).message}`);
  process.exit(1);
}
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(JSON.stringify(summarisePlan(result.plan), null, 2));
