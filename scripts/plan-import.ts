/**
 * `npm run plan-import -- FILE [--district 汉阳区] [--rename 旧名=新名 …] [--now ISO]`: print, as JSON, the import plan
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
// The office's renames (设置 → 单位名称对照), on top of the built-in pairs.
const renames: { from: string; to: string }[] = [];
for (let r = option('--rename'); r !== undefined; r = option('--rename')) {
  const [from, to] = r.split('=');
  if (!from || !to) {
    console.error(`--rename 应写成 旧名称=现名称，例如 --rename 市经信局=市经济和信息化局（收到：${r}）`);
    process.exit(2);
  }
  renames.push({ from, to });
}
const file = args[0];
if (!file) {
  console.error('用法：npm run plan-import -- 文件.xlsx [--district 汉阳区] [--rename 旧名称=现名称]');
  process.exit(2);
}
let result: Awaited<ReturnType<typeof planFile>>;
try {
  result = await planFile(file, { district, now, renames });
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  console.error(code === 'ENOENT' ? `找不到文件 ${file}，请检查路径。` : `无法读取文件 ${file}，请确认它能在 Excel 或 WPS 中打开。`);
  process.exit(1);
}
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(JSON.stringify(summarisePlan(result.plan), null, 2));
