/** `npm run parse-policy -- FILE`: print the parsed JSON of a policy text file. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parsePolicyText } from '../src/core/policy/parse';

const file = process.argv[2];
if (!file) {
  console.error('用法：npm run parse-policy -- 文件.txt');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`无法读取文件 ${file}：${(e as Error).message}`);
  process.exit(1);
}
console.log(JSON.stringify(parsePolicyText(text, { source: basename(file) }), null, 2));
