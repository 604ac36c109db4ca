/**
 * Four misses an officer's walkthrough found on 港政发〔2025〕1号 (黄石港区, 2025年区政府重点工作
 * 分解意见, the real page's excerpt in test/fixtures/policy/huangshigang-fenjie-2025.txt): the
 * names, bounds and glued units of its goal items, each with the rule for the genre beside it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePolicyText } from './parse';
import { cleanName, findTargets } from './targets';
import { splitGluedUnits, splitUnits } from './units';

const text = readFileSync(resolve(__dirname, '../../../test/fixtures/policy/huangshigang-fenjie-2025.txt'), 'utf8');
const parsed = parsePolicyText(text, { source: 'huangshigang-fenjie-2025.txt' });
const task = (n: string) => parsed.tasks.find((t) => t.number === n)!;
const targetOf = (n: string) => parsed.targets.filter((t) => t.taskKey === task(n).key);

describe('港政发〔2025〕1号 as the officer reads it', () => {
  it('服务业增加值 keeps its 服务 (an action word is no prefix when what is left is no name)', () => {
    expect(targetOf('6').map((t) => [t.name, t.comparator, t.value, t.unit])).toEqual([['服务业增加值', '增长', 7.5, '%']]);
    expect(['服务业增加值', '建设用地规模', '服务区', '服务型制造企业', '科技成果转化率'].map(cleanName)).toEqual(['服务业增加值', '建设用地规模', '服务区', '服务型制造企业', '科技成果转化率']);
    // … and is still taken off before a name of its own.
    expect(['建成市级概念验证中心', '打造区域科技创新中心', '培育量子科技企业', '建设区块链应用场景'].map(cleanName)).toEqual(['市级概念验证中心', '区域科技创新中心', '量子科技企业', '区块链应用场景']);
    expect(findTargets('建设用地控制在500亩以内，新建服务区5个', { defaultYear: 2025 }).map((t) => t.name)).toEqual(['建设用地', '服务区']);
  });

  it('失业率控制在4.5%以内 is a cap written after its figure (以内), as 18%以上 is a floor', () => {
    expect(targetOf('8').map((t) => [t.name, t.comparator, t.value, t.unit])).toEqual([['城镇登记失业率', '以内', 4.5, '%']]);
    expect(findTargets('单位产值能耗0.5吨以下', { defaultYear: 2025, bareFigures: true }).map((t) => t.comparator)).toEqual(['以下']);
    // a rate keeps its verb: 下降 … 以内 is no cap of the level
    expect(findTargets('能耗下降3%以内', { defaultYear: 2025 }).map((t) => t.comparator)).toEqual(['下降']);
  });

  it('区财政局区税务局 is two units', () => {
    expect(task('7').leadUnits).toEqual(['区财政局', '区税务局']);
    expect(splitUnits('区财政局区税务局、区发改局')).toEqual(['区财政局', '区税务局', '区发改局']);
    expect(splitGluedUnits('市发改委市科技局')).toEqual(['市发改委', '市科技局']);
    // single names that hold the pattern stay whole
    for (const one of ['市委办公厅', '区委组织部', '市政府办公厅', '区市场监管局', '区委区政府督查室', '区生态环境分局', '市委编办']) expect(splitGluedUnits(one)).toEqual([one]);
  });

  it('the ten items and their units as the gold of the walkthrough has them', () => {
    expect(parsed.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(parsed.targets.map((t) => t.value)).toEqual([7, 10, 10, 7.5, 8, 7.5, 7, 4.5]);
    expect([task('9').leadUnits, task('10').leadUnits, task('10').responsibleUnits]).toEqual([['区发改局', '区科经局', '区生态环境分局'], ['区发改局'], ['花湖街办']]);
  });
});
