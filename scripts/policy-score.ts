/**
 * `npm run policy-score`: precision and recall of the policy-text parser on the corpus of
 * real documents in test/fixtures/policy/corpus/, per document and in total.
 * `-- --verbose` also lists every miss; `-- --heldout` scores the held-out documents instead.
 */
import { join } from 'node:path';
import { CORPUS_DIR, GOLD_DIR, MEASURES, precision, recall, scoreCorpus, type Count } from './policy-score-lib';

const LABEL: Record<(typeof MEASURES)[number], string> = {
  tasks: '任务',
  titles: '任务标题',
  leadUnits: '牵头单位',
  responsibleUnits: '责任单位',
  taskDeadlines: '完成期限',
  targets: '目标(值+单位)',
  targetNames: '目标名称',
  targetScopes: '目标范围',
  targetYears: '目标年份',
  indicators: '指标表行',
  indicatorBaselines: '指标基期值',
  indicatorUnits: '指标单位',
  indicatorScopes: '指标范围',
  indicatorYears: '指标年份',
  indicatorAttributes: '指标属性',
};
const pct = (x: number | undefined) => (x === undefined ? '  —  ' : (x * 100).toFixed(1).padStart(5));
const cell = (c: Count) => `${pct(precision(c))}/${pct(recall(c))}`;

const verbose = process.argv.includes('--verbose');
// `-- --heldout`: the documents kept apart, never looked at while the parser was changed.
const heldout = process.argv.includes('--heldout');
const base = join(CORPUS_DIR, '..', 'heldout');
const { docs, total, docNumbers, titles } = heldout ? scoreCorpus(join(base, 'corpus'), join(base, 'gold')) : scoreCorpus(CORPUS_DIR, GOLD_DIR);
console.log(`文档 ${docs.length} 篇；每格为 精确率/召回率（%，— 表示该项无内容）`);
console.log(['文档'.padEnd(30), ...MEASURES.map((m) => LABEL[m].padEnd(11))].join(' '));
for (const d of docs) {
  console.log([d.file.replace(/\.txt$/u, '').padEnd(30), ...MEASURES.map((m) => cell(d.scores[m]).padEnd(11))].join(' '));
  if (verbose) for (const m of d.misses) console.log(`    · ${m}`);
}
console.log(['合计'.padEnd(30), ...MEASURES.map((m) => cell(total[m]).padEnd(11))].join(' '));
console.log(MEASURES.map((m) => `${LABEL[m]} ${total[m].tp}/${total[m].pred}/${total[m].gold}`).join('；') + '（命中/得到/应有）');
console.log(`文号正确 ${docNumbers}/${docs.length}，文件标题正确 ${titles}/${docs.length}`);
