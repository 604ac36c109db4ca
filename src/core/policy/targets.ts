/**
 * Quantitative targets in running text // 目标: "到2027年，研发平台突破1500家" →
 * { name: 研发平台, comparator: 突破, value: 1500, unit: 家, year: 2027 }.
 */
import type { Comparator } from '../model';

/** A target found in a sentence, before it is given an id and a document. */
export interface FoundTarget {
  name: string;
  comparator: Comparator;
  value: number;
  unit: string;
  year?: number;
  sourceText: string;
}

const UNITS = ['万平方米', '平方米', '亿元', '万元', '万人', '万个', '万件', '%', '个', '家', '件', '项', '人', '名', '场', '种', '所', '条', '台', '篇', '次', '批', 'P'];
const UNIT_RE = UNITS.join('|');
const VERBS: Record<string, Comparator> = {
  达到: '达到', 达: '达到', 突破: '突破', 超过: '超过', 不少于: '不少于', 不低于: '不低于',
  控制在: '控制在', 提升到: '达到', 提高到: '达到', 增长: '增长', 增幅: '增长', 新增: '新增', 累计: '累计',
};
const VERB_RE = Object.keys(VERBS).sort((a, b) => b.length - a.length).join('|');
/** "<name><verb><number><unit>" e.g. 研发平台突破1500家. */
const WITH_VERB = new RegExp(`([^，。；：、]{2,40}?)(${VERB_RE})(\\d+(?:\\.\\d+)?)(${UNIT_RE})(以上|左右)?`, 'gu');
/** "<action><name><number><unit>" e.g. 建成产业创新联合实验室15家, 新增外资企业1000家. */
const WITH_ACTION = new RegExp(`(新增|累计|建成|建设|打造|培育|引进|组建|认定|选育|支持)([^，。；：、\\d]{2,30}?)(\\d+(?:\\.\\d+)?)(${UNIT_RE})(以上|左右)?`, 'gu');

/** Targets stated in a paragraph; `defaultYear` when no "到YYYY年" precedes them. */
export function findTargets(paragraph: string, defaultYear?: number): FoundTarget[] {
  const out: FoundTarget[] = [];
  let year = defaultYear;
  for (const sentence of paragraph.split(/(?<=[。；\n])/u)) {
    const y = /到(\d{4})年/u.exec(sentence);
    if (y) year = Number(y[1]);
    for (const clause of sentence.split(/[，；。\n]/u)) {
      const c = clause.replace(/^[-•·—\s]+/u, '').replace(/^(?:到\d{4}年|到“十四五”末|力争|全市|每年|年度|其中)+/u, '');
      const taken: [number, number][] = [];
      for (const m of c.matchAll(WITH_VERB)) {
        const name = cleanName(m[1]!);
        if (!name || /\d/u.test(name.slice(-1))) continue;
        const verb = m[2]!;
        const comparator: Comparator = m[5] === '以上' && verb === '达' ? '以上' : VERBS[verb]!;
        out.push({ name, comparator, value: Number(m[3]), unit: m[4]!, year, sourceText: clause.trim() });
        taken.push([m.index!, m.index! + m[0].length]);
      }
      for (const m of c.matchAll(WITH_ACTION)) {
        if (taken.some(([a, b]) => m.index! < b && m.index! + m[0].length > a)) continue;
        const name = cleanName(m[2]!);
        if (!name) continue;
        const comparator: Comparator = m[1] === '新增' ? '新增' : m[1] === '累计' ? '累计' : m[5] === '以上' ? '以上' : '达到';
        out.push({ name, comparator, value: Number(m[3]), unit: m[4]!, year, sourceText: clause.trim() });
      }
    }
  }
  return out;
}

function cleanName(s: string): string {
  return s.replace(/^(?:力争|全市|每年|并|和|及|且|在汉|推动|实现)+/u, '').replace(/(?:数量|总数)?$/u, (x) => x).trim();
}
