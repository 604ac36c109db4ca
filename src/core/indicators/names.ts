/**
 * Indicator names // 指标名称: the measured thing (技术经理人数量), not the verb or a fragment the
 * parser took from the sentence (人才, 立项, 在用, 建设, "科技领军企业及后备企业分别"). The parser
 * finds targets; this cleans their names for every list the officer sees or sends, and gives
 * the key under which the same indicator stated by several documents is one row.
 */
import type { Target } from '../model';
import { isCountUnit } from '../numbers';

/** Words that open a clause before the measured thing: actions and scope words. */
const LEADING = [
  '力争', '全市', '每年', '年度', '其中', '并', '和', '及', '且', '推动', '实现', '服务', '形成', '设立', '加快推进', '推进', '加快',
  '建成', '建设', '打造', '培育', '引进', '组建', '认定', '选育', '支持', '新增', '累计', '授牌', '争创', '获批',
];
/** Words that close a name without belonging to it. */
const TRAILING = ['分别', '累计', '年均', '总计', '合计', '等', '共', '均'];
/** Names that are only an action or a state: the thing itself must be found elsewhere. */
const ACTION_ONLY = new Set(['在用', '培育', '支持', '授牌', '建设', '立项', '建成', '引进', '认定', '组建', '推进', '新增', '设立', '设立规模', '标准组建', '引进培育', '预研预制']);
/** Endings that already name a measure. */
const MEASURE_ENDING = /(数量|总数|总量|人数|数|量|额|率|比重|比例|占比|规模|余额|强度|增速|增幅|指数|面积|产值|收入|投入|支出|水平)$/u;

const strip = (s: string, words: readonly string[], at: 'start' | 'end'): string => {
  let out = s.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of words)
      if (at === 'start' ? out.startsWith(w) && out.length > w.length : out.endsWith(w) && out.length > w.length) {
        out = (at === 'start' ? out.slice(w.length) : out.slice(0, -w.length)).trim();
        changed = true;
      }
  }
  return out;
};

/** The noun phrase written right after the number in the source ("认定支持100名左右科技领军人才" → 科技领军人才). */
function thingAfterNumber(source: string, value: number, unit: string): string {
  const at = source.indexOf(`${value}${unit}`);
  if (at < 0) return '';
  let rest = source.slice(at + `${value}${unit}`.length).replace(/^(以上|左右|以内)/u, '').replace(/^的/u, '');
  // Up to the end of the clause; a 、 inside brackets belongs to the phrase.
  let depth = 0;
  let out = '';
  for (const ch of rest) {
    if ('（(“'.includes(ch)) depth++;
    if ('）)”'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[，。；、,;\s]/u.test(ch)) break;
    out += ch;
  }
  rest = out.replace(/^[“"]|[”"]$/gu, '');
  // "…引进培育1个的总体格局": the sentence's frame, not the counted thing.
  if (/(格局|局面|体系|目标|态势|布局)$/u.test(rest)) return '';
  return /[\d]/u.test(rest.slice(0, 1)) ? '' : rest;
}

/** The words before the name in the source clause ("市自然科学基金新增立项" → 市自然科学基金). */
function wordsBefore(source: string, name: string): string {
  const at = source.indexOf(name);
  if (at <= 0) return '';
  const before = source.slice(0, at).split(/[，。；、,;：:]/u).pop() ?? '';
  return strip(before.replace(/^[-•·—\s]+/u, ''), LEADING, 'start').replace(/(新增|累计|建成|建设|认定|支持)$/u, '');
}

/** The thing a task is about, from its title ("加快推进重大科技基础设施建设" → 重大科技基础设施). */
function thingOfTitle(title: string): string {
  return strip(strip(title, LEADING, 'start'), ['建设', '工作', '行动', '计划', '工程'], 'end');
}

/**
 * The clean name of a target: the measured thing, with 数量 where a count would otherwise read
 * as a bare noun. `taskTitle` helps when the sentence names only an action (建成在用2个).
 */
export function cleanIndicatorName(target: Pick<Target, 'name' | 'unit' | 'value' | 'sourceText'> & Partial<Pick<Target, 'comparator'>>, taskTitle?: string): string {
  const source = target.sourceText.replace(/^[-•·—\s]+/u, '');
  const raw = target.name.trim();
  let name = strip(strip(raw, TRAILING, 'end'), LEADING, 'start');
  name = strip(name, TRAILING, 'end');
  const actionOnly = ACTION_ONLY.has(raw) || ACTION_ONLY.has(name) || name.length === 0;
  if (actionOnly) {
    const after = thingAfterNumber(source, target.value, target.unit);
    if (after) name = strip(after, LEADING, 'start');
    else {
      const before = wordsBefore(source, raw);
      const verb = raw;
      if (before && !LEADING.includes(before) && !ACTION_ONLY.has(before)) name = `${before}${verb}`;
      else if (taskTitle) name = `${verb}的${thingOfTitle(taskTitle)}`;
      else name = verb;
    }
  } else if (name.length <= 2) {
    // A bare two-character noun (人才): keep the action that says what is counted (认定人才).
    const at = source.indexOf(raw);
    const verb = at > 0 ? /(认定|引进|培育|新增|建设|建成|支持|选育)$/u.exec(source.slice(0, at))?.[1] : undefined;
    if (verb) name = `${verb}${name}`;
  }
  // A measure the fragment named (设立规模 → …基金规模) stays with the thing found.
  const measure = MEASURE_ENDING.exec(raw)?.[1];
  if (actionOnly && measure && measure.length > 1 && !MEASURE_ENDING.test(name)) name = `${name}${measure}`;
  // A count (isCountUnit, the one list) is named as one unless the name already says what is
  // counted; a count of attendances (人次, 家次) is not a number of the things themselves.
  if (isCountUnit(target.unit) && !/.次$/u.test(target.unit) && !MEASURE_ENDING.test(name)) name = `${name}数量`;
  // A rate target names the rate: 高新技术产业增加值增长11.5% → 高新技术产业增加值增速.
  const rate = target.comparator === '下降' ? '降幅' : target.comparator === '年均增长' || /年均$/u.test(raw) ? '年均增速' : target.comparator === '增长' ? '增速' : undefined;
  if (rate && target.unit === '%' && !/(增速|增幅|降幅|增长率|率|比重|占比|比例|强度)$/u.test(name)) name = `${name}${rate}`;
  return name;
}

/**
 * The key under which one indicator stated by several documents is one row: the name without
 * spaces, quotes, bracket width or a closing 数量, and the unit (名 counted as 人, 家 as 个).
 * Persisted as the key of district targets: do not change without a migration.
 */
export function indicatorKey(name: string, unit: string): string {
  const norm = (s: string) => s.replace(/\s+/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）').replace(/["“”]/gu, '').replace(/数量$/u, '');
  // Counting words that name the same count: 名 and 人 (people), 家 and 个 (bodies).
  const u = ({ 名: '人', 家: '个' } as Record<string, string>)[unit] ?? unit;
  return `${norm(name)}|${u}`;
}
