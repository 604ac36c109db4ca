/**
 * Quantitative targets in running text // 目标. The genre writes them in a handful of shapes,
 * each a row of TARGET_SHAPES below; units, verbs, actions and the words stripped from names
 * are tables too, each with a test row in targets.test.ts.
 *
 *   name–verb–number   到2027年，研发平台突破1500家
 *   action–number–name 重点引进100名市管企业中高级经营管理人才、200名副职后备人才
 *   action–name–number 建成市级概念验证中心30家，省级概念验证中心10家
 *   ratio              制造业增加值占地区生产总值比重35%左右
 *   respectively       A、B分别达到65%和55%
 *
 * Before matching, Chinese numerals before a unit are written in digits (五千亿 → 5000亿) and
 * ranges are entered as their lower bound (8—10个 → 8个).
 */
import type { Comparator } from '../model';
import { chineseToInt } from './layouts';

/** A target found in a sentence, before it is given an id and a document. */
export interface FoundTarget {
  name: string;
  comparator: Comparator;
  value: number;
  unit: string;
  year?: number;
  scope?: string;
  sourceText: string;
  /** 每年 (or 年均新增): a figure for each year, not a total (Target.yearly). */
  yearly?: boolean;
  /** 左右 after the figure (Target.approx). */
  approx?: boolean;
}

/** A clause that speaks of each year: 每年认定人才500名以上, 力争每年培育…20家以上, 年均新增…500家. */
const EACH_YEAR = /每年|年均新增|年均引进|年均培育/u;
/** A clause that gives a year or a total of its own ends the 每年 of the clauses before it. */
const NOT_EACH_YEAR = /\d{4}年|累计|总量|总数|总规模|达到|突破|超过/u;

/** Units of measure, as written → as stored. Longest first when matching. */
export const TARGET_UNITS: Record<string, string> = {
  万亿元: '万亿元', 万亿: '万亿元', 万平方米: '万平方米', 平方米: '平方米', 亿千瓦: '亿千瓦', 万千瓦: '万千瓦', 亿元: '亿元', 万元: '万元', 亿美元: '亿美元',
  万人次: '万人次', 万人年: '万人年', 万人: '万人', 万名: '万名', 万家: '万家', 万个: '万个', 万件: '万件', 万套: '万套', 万户: '万户',
  个百分点: '个百分点', 个工作日: '个工作日', 工作日: '个工作日', 人年: '人年', 场次: '场次', 人次: '人次', 位次: '位次',
  '%': '%', '％': '%', 个: '个', 家: '家', 件: '件', 项: '项', 人: '人', 名: '名', 场: '场', 种: '种', 所: '所',
  万亩: '万亩', 亩: '亩', 亿斤: '亿斤', 万吨: '万吨', 吨: '吨', 年: '年', 条: '条', 台: '台', 篇: '篇', 批: '批', 套: '套', 户: '户', 座: '座', 位: '位', P: 'P', 亿: '亿元',
};
const UNIT_RE = Object.keys(TARGET_UNITS).sort((a, b) => b.length - a.length).map(escape).join('|');

/** Verbs between a name and its value, and the comparator each means. */
export const TARGET_VERBS: Record<string, Comparator> = {
  达到: '达到', 达: '达到', 突破: '突破', 超过: '超过', 超: '超过', 不少于: '不少于', 不低于: '不低于', 控制在: '控制在',
  提升到: '达到', 提升至: '达到', 提高到: '达到', 提高至: '达到', 增加到: '达到', 增至: '达到', 达到或超过: '达到',
  增长: '增长', 增幅: '增长', 年均增长: '增长', 年均下降: '下降', 下降: '下降', 降低: '下降', 新增: '新增', 累计: '累计',
  大于: '超过', 高于: '超过', 低于: '控制在', 小于: '控制在', 保持在: '达到', 稳定在: '达到', 扩容至: '达到', 扩大到: '达到', 扩大至: '达到', 提升: '增长', 提高: '增长',
  缩短至: '控制在', 缩短到: '控制在', 压缩至: '控制在', 压缩到: '控制在', 压减至: '控制在',
};
const VERB_RE = Object.keys(TARGET_VERBS).sort((a, b) => b.length - a.length).join('|');

/** Actions that put the count before (or after) what is counted. */
export const TARGET_ACTIONS = [
  '建设', '建成', '打造', '培育', '引进', '培养', '选拔', '资助', '扶持', '认定', '组建', '布局', '部署', '开工', '立项', '获得', '转化',
  '支持', '遴选', '评选', '评定', '设立', '筹建', '筹集', '培训', '组织', '发动', '选派', '服务', '形成', '集聚', '引育', '创建', '推广', '实施',
  '举办', '新建', '选育', '授牌', '汇聚', '立项', '推动', '攻克', '突破', '开发', '制定', '签约', '招引', '孵化', '带动', '吸引', '产生', '创办', '新增', '累计', '盘活', '开通',
];
const ACTION_RE = TARGET_ACTIONS.join('|');

/**
 * Words that are an action only right before a count ("研发80项关键共性技术") and a noun
 * everywhere else ("研发平台", "研发费用"): never taken off the front of a name.
 */
export const COUNT_ONLY_ACTIONS = ['研发', '提升', '改造', '整治', '投资', '壮大'];
const COUNT_ACTION_RE = [...TARGET_ACTIONS, ...COUNT_ONLY_ACTIONS].join('|');
const ONLY_ACTIONS = new RegExp(`^(?:(?:${ACTION_RE})[和、并]?)+$`, 'u');

/**
 * Words stripped from the front of a name: a list number (1. of a goal item), time phrases, scope,
 * manner and the actions themselves ("5年内重点引进和培养" is how, not what).
 */
const ACTION_PREFIX = new RegExp(`^(?:${ACTION_RE})(?:和|、|并)?`, 'u');
export const NAME_PREFIXES = [
  /^[★☆]+/u, /^(?:\d{1,2}[.．、](?!\d)|（\d{1,2}）)/u, /^(?:到|至)?\d{4}年(?:底|末)?(?:前)?/u, /^\d+年内/u, /^[一二三四五]年内/u, /^每年/u, /^全年/u, /^年度/u, /^连续\d+年/u, /^力争/u, /^争取/u, /^确保/u,
  /^努力/u, /^实现/u, /^全市/u, /^全省/u, /^全州/u, /^全国/u, /^全区/u, /^全县/u, /^我市/u, /^市、区（县级市）两级/u, /^市、区两级/u, /^两级/u, /^其中/u, /^并/u,
  /^“(?!.*”)/u, /^和/u, /^及/u, /^且/u, /^在汉/u, /^重点(?=.{3})/u, /^直接/u, /^择优/u, /^跟踪/u, /^累计/u, /^新增/u, /^共/u, /^规模(?!以?上)/u,
  ACTION_PREFIX,
];

/**
 * What an action word makes a noun of when it comes right after it: 服务业, 服务区, 建设用地,
 * 服务站, 服务型制造, 转化率 …, and a bare 平台 / 中心 / 机构 is no name on its own (服务平台).
 * After such an action the action is part of the name, never taken off ("服务业增加值" is not
 * "业增加值"); 区域, 区块链, 业态, 量子 … start names of their own (打造区域科技创新中心).
 */
export const ACTION_NOUN_HEADS = /^(?:业(?!态|务|绩|主)|区(?!域|块)|用地|站|型|者|率|额(?!度))|^(?:机构|中心|体系|能力|平台|网点|设施|面积|规模|数量|总量|总额)$/u;

/** Who a standard indicator counts, written before its 新增 (城镇新增就业): part of the indicator's name. */
const COUNTED_GROUP = /^(?:城镇|农村|城乡)$/u;

/** Numbers that are never targets: ordinals, ages, sessions, durations. */
export const NOT_A_TARGET = [
  { example: '市政府第48次常务会议', re: /第$/u },
  { example: '前40位 is a rank: only the rank shape reads it', re: /前$/u },
  // The document's own items counted (分解任务15项, 共计121项): its size, not a target.
  { example: '在“聚焦深化对外开放,着力打造国家向北开放重要桥头堡”方面(分解任务15项)', re: /(?:分解任务|共计)$/u },
];

/** Words that say a sentence describes the future (outside goal and task sections). */
const FUTURE = /到\d{4}年|力争|争取|目标|将|确保|计划|预计|预期|每年|年内/u;
/** Words that say a sentence describes the past. */
const PAST = /期间|以来|过去|去年|上年|已经|已|累计获得|增至|从\d/u;

/** Scope of a sentence // 范围 (the document's own scope when none of these is said). */
export const SCOPE_RULES: { re: RegExp; scope: (m: RegExpExecArray) => string; example: string }[] = [
  { re: /各区|各城区|各新城区/u, scope: () => '各区', example: '各区研发投入强度达到3%' },
  { re: /(东湖高新区|武汉经开区|长江新区|临空港经开区|江岸区|江汉区|硚口区|汉阳区|武昌区|青山区|洪山区|东西湖区|汉南区|蔡甸区|江夏区|黄陂区|新洲区)/u, scope: (m) => m[1]!, example: '东湖高新区高新技术企业突破6000家' },
];

/** The scope of a whole document from its title or issuer: 全省 for a province's, … . */
export function documentScope(titleAndIssuer: string | string[], text = ''): string {
  for (const piece of typeof titleAndIssuer === 'string' ? [titleAndIssuer] : titleAndIssuer) {
    const t = piece.trim();
    for (const r of DOCUMENT_SCOPES) if (r.re.test(t)) return r.scope;
  }
  // A district's (county's) own text, whatever its title: it speaks of 全区 (全县) more than of 全市.
  const count = (w: string) => text.split(w).length - 1;
  const own = count('全县') > count('全区') ? '全县' : '全区';
  return count(own) > count('全市') ? own : '全市';
}

/** The scope of a document from the start of its title (or issuer), first match wins. */
export const DOCUMENT_SCOPES: { re: RegExp; scope: string; example: string }[] = [
  { re: /^[\u4e00-\u9fff]{2,4}(?:省|自治区)(?!会)/u, scope: '全省', example: '四川省贯彻落实国务院人工智能+行动实施方案' },
  { re: /^省(?:人民政府|委)/u, scope: '全省', example: '省人民政府办公厅关于印发…' },
  { re: /^(?:国务院|国家|中共中央|全国)/u, scope: '全国', example: '国务院关于深入实施“人工智能+”行动的意见' },
  { re: /^[\u4e00-\u9fff]{2,5}州(?!市)/u, scope: '全州', example: '黔东南州促进行业大模型发展实施方案' },
  // (社区, 园区, 小区, 景区 … name no district: 成都市城市社区嵌入式服务设施建设工程实施方案 is the city's)
  { re: /^(?:[\u4e00-\u9fff]{2,4}市)?[\u4e00-\u9fff]{2,4}(?<!社|园|小|片|景|校|街|厂|库|矿)区(?!域)/u, scope: '全区', example: '重庆市大渡口区“十四五”科技创新规划' },
  // A district's or county's own text names itself 区 / 县 with no place name (2023年区《政府工作报告》…).
  { re: /^(?:\d{4}年度?)?区(?=《|〈|“|政府|人民政府|委)/u, scope: '全区', example: '2023年区政府工作报告重点任务分解' },
  { re: /^(?:\d{4}年度?)?县(?=《|〈|“|政府|人民政府|委)/u, scope: '全县', example: '2024年县《政府工作报告》确定的重点工作责任分解方案' },
  { re: /^(?:[\u4e00-\u9fff]{2,4}市)?[\u4e00-\u9fff]{1,3}县(?=人民政府|政府|委|关于|\d{4}年|“|《)/u, scope: '全县', example: '嘉鱼县人民政府办公室关于印发…的通知' },
  { re: /^(?:\d{4}年度?)?(?!关于|推进|推动|加快|促进|支持|加强|深化|全面|建设)[\u4e00-\u9fff]{0,4}?(?:开发区|经开区|高新区)/u, scope: '全区', example: '2021年度宣城高新区重点工作任务分解一览表' },
];

/** Shapes of a target in a clause. Group names: name, verb, value, unit, tail. */
const NUM = '(?<value>\\d+(?:\\.\\d+)?)';
const UNIT = `(?<unit>${UNIT_RE})`;
// 内 closes a time limit as 以内 does (100个工作日内).
const TAIL = '(?<tail>以上|左右|以内|以下|(?<=日)内)?';
/** A term of digits and Latin letters inside a name (5G, 3D打印, IPv6, 4K): no figure of its own. */
const LATIN_TERM = '\\d*[A-Za-z]+\\d*(?![\\d.])';
/** "打造10大技术创新中心": 大 (major) in place of a measure word; the count's unit follows the noun (majorUnit). */
const MAJOR = '(?<major>大)(?=[\\u4e00-\\u9fff〈“])';
/** The measure word of "N大<noun>": 项 for projects, programmes and actions (10大科技重大专项), else 个. */
export function majorUnit(noun: string): string {
  return /(?:项|专项|工程|行动|计划|任务)$/u.test(noun) ? '项' : '个';
}
/** Verbs that say a counted thing is done (number-name-done, share-of): 建成, 投产, 开工 … */
export const DONE_VERBS = ['建成', '投产', '开工', '投用', '落地', '竣工', '建有', '建立', '达标'];
const DONE_RE = DONE_VERBS.join('|');
/** After "<name>…<number><unit>" the clause ends: "51个事项" means the noun follows, another shape. */
const END = '(?!(?!规模)[\\u4e00-\\u9fff])';
export const TARGET_SHAPES: { id: string; example: string; re: RegExp }[] = [
  { id: 'scale-of', example: '设立规模不低于30亿元的“武创科技成果转化基金”', re: new RegExp(`规模(?<verb>不低于|不少于|达到|超过)?${NUM}${UNIT}${TAIL}的(?<name>[^，。；：]{2,40})`, 'gu') },
  { id: 'respectively', example: '高新技术企业、科技型中小企业占比分别达到65%和55%', re: new RegExp(`(?<name>[^，。；：]{2,40}?)分别(?<verb>${VERB_RE})(?<values>\\d+(?:\\.\\d+)?(?:${UNIT_RE})?(?:(?:和|、)\\d+(?:\\.\\d+)?(?:${UNIT_RE})?)+)`, 'gu') },
  { id: 'action-number-name', example: '重点引进100名市管企业中高级经营管理人才', re: new RegExp(`(?<action>${COUNT_ACTION_RE})(?:[至到往][\\u4e00-\\u9fff]{1,8}?)?(?:不少于|不低于|超过|近)?${NUM}(?:${UNIT}|${MAJOR})${TAIL}(?<name>[^，。；：、和（(元\\d][^，。；：]{1,89})`, 'gu') },
  { id: 'name-verb-number', example: '到2027年，研发平台突破1500家', re: new RegExp(`(?<name>[^，。；：、]{2,40}?)(?<verb>${VERB_RE})${NUM}${UNIT}${TAIL}${END}`, 'gu') },
  { id: 'action-name-number', example: '建成市级概念验证中心30家', re: new RegExp(`(?<action>${ACTION_RE})(?<name>(?:${LATIN_TERM}|[^，。；：\\d]){2,60}?)${NUM}${UNIT}${TAIL}${END}`, 'gu') },
  { id: 'rank', example: '全市排名进入前40位', re: /(?<name>[^，。；：、]{0,30}?(?:排名|位次|排位))(?<verb>进入|保持|稳定在|提升至|跃升至|位居|居)?(?:全国|全球|世界|全省|中部)?前(?<value>\d+)(?<unit>位|名)/gu },
  { id: 'index', example: '区域创新能力指数达到120', re: new RegExp(`(?<name>[^，。；：、]{2,30}?指数)(?<verb>${VERB_RE})?${NUM}(?![\\d.%％])(?!${UNIT_RE})`, 'gu') },
  { id: 'ratio', example: '制造业增加值占地区生产总值比重35%左右', re: new RegExp(`(?<name>[^，。；：、]{2,40}?(?:比重|占比|比例|强度|率|涨幅|增幅|增速|降幅))${NUM}(?<unit>%|％)${TAIL}`, 'gu') },
  { id: 'examples-count', example: '推进建设高端生物医学成像等4个设施', re: new RegExp(`(?<name>[^，。；：\\d]{2,40}?)等${NUM}${UNIT}${TAIL}(?<noun>[\\u4e00-\\u9fff]{1,4}?)(?=[，。；：、]|$|开展|${ACTION_RE})`, 'gu') },
  { id: 'respectively-after', example: '全区高新技术企业和科技型企业在2022年的基础上实现“双倍增”，分别超过90家和870家', re: new RegExp(`^分别(?<verb>${VERB_RE})(?<values>\\d+(?:\\.\\d+)?(?:${UNIT_RE})?(?:(?:和|、)\\d+(?:\\.\\d+)?(?:${UNIT_RE})?)+)$`, 'gu') },
  // The count first, the noun, then the verb of its completion: "全市首批100个…示范社区全面建成", "确保40个项目开工、40个项目投产".
  { id: 'number-name-done', example: '全市首批100个嵌入式服务设施建设示范社区全面建成', re: new RegExp(`(?<![\\d.])${NUM}${UNIT}${TAIL}(?<name>(?:${LATIN_TERM}|[\\u4e00-\\u9fff“”]){2,30}?)(?:全面|基本|全部|顺利|如期)?(?<done>${DONE_RE})(?=$|、)`, 'gu') },
  // A share of a group that reaches something: "成华区50%的城市社区建成完备的社区嵌入式服务综合体", "70%以上的规上企业建有研发机构".
  { id: 'share-of', example: '锦江区、青羊区50%的城市社区建成完备的社区嵌入式服务综合体', re: new RegExp(`${NUM}(?<unit>%|％)${TAIL}的(?<name>[^，。；：]{2,20}?(?:${DONE_RE})[^，。；：]{2,40})`, 'gu') },
  // A clause that is nothing but a name and its figure: "重点成果项目库入库成果1000项以上".
  { id: 'name-number', example: '重点成果项目库入库成果1000项以上', re: new RegExp(`^(?<name>[^，。；：\\d]{4,30}?)${NUM}${UNIT}${TAIL}$`, 'gu') },
  // Read last: the parts of the target before it, in brackets, each a target of its own.
  { id: 'breakdown', example: '战略性新兴产业营业收入突破3万亿元（光电子信息8500亿元、大健康6600亿元）', re: /[（(](?<items>[^（）()]*\d[^（）()]*)[）)]/gu },
];
/** One part of a breakdown: "光电子信息8500亿元". */
const BREAKDOWN_ITEM = new RegExp(`^(?<name>[^\\d，。；：]{2,20}?)(?:(?<verb>${VERB_RE}))?${NUM}${UNIT}${TAIL}$`, 'u');
/** What a breakdown's parts measure, taken from the whole's name: 营业收入, 产值, 规模 … */
const MEASURE_WORD = /(?:营业收入|主营业务收入|总产值|产值|增加值|营收|收入|规模|总量)$/u;
/** Continuations after a shape matched in the same sentence: "，60名…人才" / "，省级中心4家以上". */
const CONT_NUMBER_NAME = new RegExp(`^(?:不少于|不低于|超过)?${NUM}${UNIT}${TAIL}(?<name>[^，。；：]{2,60})$`, 'u');
const CONT_NAME_NUMBER = new RegExp(`^(?<name>[^，。；：\\d]{2,30}?)(?:(?<verb>${VERB_RE}))?${NUM}${UNIT}${TAIL}$`, 'u');

/** 五千 → 5000, 一百二十 → 120, 十五 → 15; undefined when not one numeral (the one reader, layouts.ts chineseToInt). */
export const chineseNumber = chineseToInt;

/** Chinese numerals before 亿/万 written in digits (not in names such as 五百亿级), ranges cut to their lower bound. */
export function normalizeNumbers(clause: string): string {
  return clause
    .replace(/([零〇一二两三四五六七八九十百千]+)(亿|万)(?!级)/gu, (all, n: string, u: string) => {
      const v = chineseNumber(n);
      return v === undefined || n.length < 2 ? all : `${v}${u}`;
    })
    .replace(/(\d+(?:\.\d+)?)\s*(?:[—\-–－~～至到])\s*\d+(?:\.\d+)?(?=[^\d.])/gu, '$1');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Phrases that set the year of the targets after them // 目标年份, one row each. `base` is
 * the year the text counts from: the year before "2012年起" (so that 2012年起5年内 is
 * 2012–2016), else the year the document was issued (2015年9月 + 三年内 → 2018).
 */
export const YEAR_PHRASES: { id: string; example: string; year: number | undefined; base?: number; re: RegExp; read: (m: RegExpExecArray, base: number | undefined) => number | undefined }[] = [
  { id: 'by-year', example: '到2027年，研发平台突破1500家', year: 2027, re: /(?:到|至)(\d{4})年/u, read: (m) => Number(m[1]) },
  { id: 'year-goals', example: '2021年的主要目标：\n——技术合同成交额达到1000亿元', year: 2021, re: /(\d{4})年(?:的)?(?:主要|工作|发展|年度)?目标/u, read: (m) => Number(m[1]) },
  { id: 'year-opening', example: '2022年,全市新建市级及以上创新平台15个以上', year: 2022, re: /^(\d{4})年[,，]/u, read: (m) => Number(m[1]) },
  { id: 'within-years', example: '三年内认定市级众创空间60家以上', year: 2018, base: 2015, re: /(?<![\d年])([\d一二两三四五六七八九十]{1,2})年内/u, read: (m, base) => (base === undefined ? undefined : base + (chineseNumber(m[1]!) ?? Number(m[1]))) },
];

/** The year a document's "N年内" counts from: the year before "YYYY年起", else its issue year. */
export function countingBase(text: string, issueYear: number | undefined): number | undefined {
  const from = startYear(text);
  return from !== undefined ? from - 1 : issueYear;
}

/** The year a text says its measures start: "2012年起5年内" → 2012; undefined when it names none. */
export function startYear(text: string): number | undefined {
  const from = /(\d{4})年起/u.exec(text);
  return from ? Number(from[1]) : undefined;
}

/** Options of findTargets. */
export interface FindTargetsOptions {
  /** Used when no "到YYYY年" precedes a target. */
  defaultYear?: number;
  /** The year "N年内" counts from (see countingBase). */
  baseYear?: number;
  /** The document's scope (全市, 全省 …), used when a sentence names none. */
  scope?: string;
  /** Only sentences that speak of the future (outside goal and task sections). */
  futureOnly?: boolean;
  /**
   * A clause that is only a name and its figure ("重点成果项目库入库成果1000项以上") is a target:
   * in goal paragraphs, where every figure is one (shape name-number).
   */
  bareFigures?: boolean;
}

/** A figure alone on its line (480个, 1000项以上, 8—10家): a table's cell, its name the cell before. */
const FIGURE_CELL = new RegExp(`^${NUM}(?:\\s*[—\\-–－~～至到]\\s*\\d+(?:\\.\\d+)?)?${UNIT}${TAIL}$`, 'u');
/** A name alone on its line, no figure and no sentence: a table's name cell (大健康, 重点成果项目库入库成果). */
const NAME_CELL = /^[^\d，。；：,;:！？、（）()]{2,30}$/u;

/** Targets stated in a paragraph. */
export function findTargets(paragraph: string, options: FindTargetsOptions | number = {}): FoundTarget[] {
  const opts: FindTargetsOptions = typeof options === 'number' ? { defaultYear: options } : options;
  const out: FoundTarget[] = [];
  let year = opts.defaultYear;
  let future = false;
  /** The line before, when it was a whole line (a table's cell, as a .docx table reaches the text). */
  let cellBefore: string | undefined;
  let lineStart = true;
  for (const sentence of paragraph.split(/(?<=[。；\n])/u)) {
    for (const p of YEAR_PHRASES) {
      const m = p.re.exec(sentence);
      const y = m ? p.read(m, opts.baseYear) : undefined;
      if (y !== undefined) {
        year = y;
        break;
      }
    }
    // "工作目标 / - 到2027年 / - 研发投入强度达到4.2%": once the future is spoken of, it holds.
    future ||= FUTURE.test(sentence);
    if (opts.futureOnly && (!future || PAST.test(sentence))) continue;
    const scope = scopeOf(sentence) ?? opts.scope;
    // A table of goals copied one cell a line (目标 | 目标值): "大健康" / "6600亿元" is the name and its
    // figure, where every figure is a target (goal paragraphs); the name is the whole cell, however short.
    const cell = lineStart ? sentence.trim() : undefined;
    const name = cellBefore;
    cellBefore = cell !== undefined && (sentence.endsWith('\n') || !sentence.trim()) ? cell : undefined;
    lineStart = sentence.endsWith('\n');
    const figure = opts.bareFigures && name && NAME_CELL.test(name) && cell ? FIGURE_CELL.exec(normalizeNumbers(cell)) : null;
    if (figure && name) {
      const g = figure.groups!;
      // The cell as typed: no leading action or qualifier is taken off it (重点成果项目库…, 开工…).
      const t: FoundTarget = { ...hit(name.replace(/^[-•·—\s]+/u, ''), g.tail, Number(g.value), g.unit!), year, sourceText: `${name} ${cell}` };
      if (scope) t.scope = scope;
      if (!out.some((o) => o.name === t.name && o.value === t.value && o.unit === t.unit && o.year === t.year)) out.push(t);
      cellBefore = undefined;
      continue;
    }
    let previous: 'number-name' | 'name-number' | undefined;
    let before: string | undefined;
    // 每年 holds for the clauses after it in the sentence until one gives a year or a total.
    let eachYear = false;
    for (const raw of sentence.split(/[，；。\n]/u)) {
      const clause = normalizeNumbers(raw.replace(/^[-•·—\s]+/u, ''));
      if (!clause) continue;
      eachYear = EACH_YEAR.test(clause) || (eachYear && !NOT_EACH_YEAR.test(clause));
      const found = clauseTargets(clause, previous, before, opts.bareFigures);
      before = clause;
      for (const f of found.targets) {
        // "高新技术产业增加值增长率超过14%，占地区生产总值的比重达到26%": the share is of the name before.
        const last = out[out.length - 1];
        if (/^占/u.test(f.name) && last && last.sourceText !== raw.trim()) f.name = last.name.replace(/(?:增长率|增速|增幅|增长)$/u, '') + f.name;
        // 年 measures a span (受教育年限12.5年), never a year (2025年).
        if (f.unit === '年' && f.value >= 100) continue;
        const t: FoundTarget = { ...f, year: f.year ?? year, sourceText: raw.trim() };
        // A yearly count, not a rate (年均增长10% is a rate's comparator already).
        if (eachYear && t.unit !== '%' && t.unit !== '个百分点') t.yearly = true;
        if (!t.scope && scope) t.scope = scope;
        if (!out.some((o) => o.name === t.name && o.value === t.value && o.unit === t.unit && o.year === t.year)) out.push(t);
      }
      previous = found.targets.length ? found.kind : previous;
    }
  }
  return out;
}

/** A target of a clause; `scope` only where the clause names it for this target (places before a share). */
/** A target of a clause; its year where the clause itself gives each figure its own (到2025年、2030年 … 分别达到500家、800家). */
type Hit = Omit<FoundTarget, 'sourceText'>;

function clauseTargets(clause: string, previous: 'number-name' | 'name-number' | undefined, before?: string, bare = false): { targets: Hit[]; kind?: 'number-name' | 'name-number' } {
  const taken: [number, number][] = [];
  const targets: Hit[] = [];
  let kind: 'number-name' | 'name-number' | undefined;
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  const ok = (at: number) => !NOT_A_TARGET.some((n) => n.re.test(clause.slice(0, at)));
  for (const shape of TARGET_SHAPES) {
    for (const m of clause.matchAll(shape.re)) {
      const g = m.groups!;
      const start = m.index!;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      if (shape.id === 'breakdown') {
        // Only right after a target of the clause: "突破3万亿元（光电子信息8500亿元、…）".
        const parent = targets[targets.length - 1];
        if (!parent || !taken.some(([, y]) => y === start)) continue;
        const measure = MEASURE_WORD.exec(parent.name)?.[0] ?? '';
        for (const item of g.items!.split(/[、，,；]/u)) {
          const b = BREAKDOWN_ITEM.exec(item.trim());
          if (!b) continue;
          const name = cleanName(b.groups!.name!);
          targets.push(hit(name.endsWith(measure) ? name : name + measure, b.groups!.tail, Number(b.groups!.value), b.groups!.unit!, undefined, b.groups!.verb));
        }
        taken.push([start, end]);
        continue;
      }
      const valueAt = start + m[0].indexOf(g.value ?? g.values!);
      if (shape.id !== 'rank' && !ok(valueAt)) continue;
      if (shape.id === 'respectively' || shape.id === 'respectively-after') {
        // "A和B在2022年的基础上实现“双倍增”，分别超过90家和870家": the names lead the clause before.
        const subject = shape.id === 'respectively' ? g.name! : /^(.+?)(?:在|于|较|比|实现|要|将|均|都|，|$)/u.exec(before ?? '')?.[1] ?? '';
        const values = [...g.values!.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?)(${UNIT_RE})?`, 'gu'))];
        const split = (on: RegExp) => shareSuffix(subject.split(on).map(cleanName).filter(Boolean));
        // "科技领军企业及后备企业分别达到5家、15家": 及 / 与 join the names when 、 and 和 do not.
        const named = [split(/[、和]/u), split(/[、和及与]/u)].find((n) => n.length === values.length) ?? split(/[、和]/u);
        // "城乡居民人均可支配收入分别增长6%、6.5%": one name for several figures, a target each under that name.
        const names = named.length === 1 ? values.map(() => named[0]!) : named;
        const unit = values.map((v) => v[2]).find(Boolean);
        if (!unit || names.length !== values.length) continue;
        // "到2025年、2030年，高新技术企业数量分别达到500家、800家": as many years as figures, a year each.
        const years = named.length === 1 ? [...`${before ?? ''}${clause}`.matchAll(/(?<!\d)(\d{4})年/gu)].map((y) => Number(y[1])) : [];
        names.forEach((name, i) =>
          targets.push({ name, comparator: TARGET_VERBS[g.verb!]!, value: Number(values[i]![1]), unit: TARGET_UNITS[values[i]![2] ?? unit]!, ...(years.length === values.length ? { year: years[i]! } : {}) }),
        );
        taken.push([start, end]);
        continue;
      }
      if (shape.id === 'action-number-name') {
        const items = splitNumberNameList(g.name!);
        const first = cleanName(items[0]!.name);
        if (!first || /^[\d]/u.test(first)) continue;
        targets.push(hit(first, g.tail, Number(g.value), g.unit ?? majorUnit(first), g.action));
        for (const it of items.slice(1)) {
          const name = cleanName(it.name);
          if (it.value !== undefined && name) targets.push(hit(name, it.tail, it.value, it.unit === '大' ? majorUnit(name) : it.unit!, g.action));
        }
        kind = 'number-name';
        taken.push([start, end]);
        continue;
      }
      if (shape.id === 'name-number' && !bare) continue;
      if (shape.id === 'number-name-done') {
        // The verb belongs to the name: 项目开工 and 项目投产 are two targets.
        const name = cleanName(g.name!);
        if (!name || ONLY_ACTIONS.test(name)) continue;
        targets.push(hit(name + g.done!, g.tail, Number(g.value), g.unit!));
        taken.push([start, end]);
        continue;
      }
      if (shape.id === 'share-of') {
        const name = cleanName(g.name!.replace(/[（(][^）)]*[）)]$/u, ''));
        if (!name) continue;
        // The places named right before the share are its scope (as written).
        const places = /((?:[\u4e00-\u9fff]{2,8}?(?:新区|区|县|市))(?:、[\u4e00-\u9fff]{2,8}?(?:新区|区|县|市))+)$/u.exec(clause.slice(0, start).replace(/^(?:确保|力争|争取|实现)/u, ''));
        targets.push({ ...hit(name, g.tail, Number(g.value), '%'), ...(places ? { scope: places[1]! } : {}) });
        taken.push([start, end]);
        continue;
      }
      if (shape.id === 'examples-count') {
        // "加快推进深部岩土工程扰动模拟等4个设施建设": what is built, not how fast.
        const name = cleanName(g.name!.replace(/^(?:加快|积极|大力)?(?:推进|推动)?/u, ''));
        if (!name || ONLY_ACTIONS.test(name)) continue;
        targets.push(hit(`${name}等${g.noun!}`, g.tail, Number(g.value), g.unit!));
        taken.push([start, end]);
        continue;
      }
      // "形成建成在用2个、推进建设4个…的总体格局" describes something else.
      if (shape.id === 'action-name-number' && /^、.*\d[^\d、，]*?的/u.test(clause.slice(end))) continue;
      // "服务业增加值5000亿元", "建设用地500亩": the action is the start of the name.
      let name = cleanName(shape.id === 'action-name-number' && ACTION_NOUN_HEADS.test(g.name!) ? g.action! + g.name! : g.name!);
      // "市自然科学基金新增立项500项": the name is what comes before the action.
      if (shape.id === 'action-name-number' && ONLY_ACTIONS.test(name) && start > 0) name = cleanName(clause.slice(0, start)) + name;
      // "城镇新增就业3.7万人": the indicator's name keeps who is counted and 新增 (城镇新增就业, 农村新增…).
      if (shape.id === 'action-name-number' && g.action === '新增' && COUNTED_GROUP.test(clause.slice(0, start))) name = `${clause.slice(0, start)}新增${name}`;
      if (!name || /\d$/u.test(name) || ONLY_ACTIONS.test(name)) continue;
      const comparator: Comparator = g.verb ? (g.tail === '以上' && (g.verb === '达' || g.verb === '达到') ? '以上' : bounded(TARGET_VERBS[g.verb] ?? '达到', g.tail)) : g.action === '新增' ? '新增' : g.action === '累计' ? '累计' : g.tail === '以上' ? '以上' : bounded('达到', g.tail);
      const unit = shape.id === 'rank' ? '位次' : shape.id === 'index' ? '' : TARGET_UNITS[g.unit!]!;
      targets.push({ name, comparator, value: Number(g.value), unit, ...(g.tail === '左右' ? { approx: true } : {}) });
      kind = shape.id === 'action-name-number' ? 'name-number' : kind;
      taken.push([start, end]);
      // "选拔认定教育专家10名、名校长100名、名教师200名": the list after the match.
      // (not when the list describes something else: "建成在用2个、推进建设4个…的总体格局")
      if (shape.id === 'action-name-number') {
        for (const piece of clause.slice(end).split('、').slice(1)) {
          const c = CONT_NAME_NUMBER.exec(piece);
          if (c) targets.push(hit(cleanName(c.groups!.name!), c.groups!.tail, Number(c.groups!.value), c.groups!.unit!, g.action, c.groups!.verb));
        }
        taken.push([end, clause.length]);
      }
    }
  }
  // A clause continuing the previous one's list: "，60名在全省有影响的青年优秀人才" / "，省级概念验证中心4家以上".
  if (!targets.length && previous) {
    const c = (previous === 'number-name' ? CONT_NUMBER_NAME : CONT_NAME_NUMBER).exec(clause);
    if (c) {
      const items = previous === 'number-name' ? splitNumberNameList(c.groups!.name!) : [{ name: c.groups!.name! }];
      const name = cleanName(items[0]!.name);
      if (name) {
        targets.push(hit(name, c.groups!.tail, Number(c.groups!.value), c.groups!.unit!, undefined, c.groups!.verb));
        for (const it of items.slice(1)) if (it.value !== undefined) targets.push(hit(cleanName(it.name), it.tail, it.value, it.unit!));
        kind = previous;
      }
    }
  }
  return { targets: targets.filter(goodName), kind };
}

/** "战略性新兴产业和数字经济增加值占地区生产总值比重": the first takes the last one's 增加值占…比重. */
function shareSuffix(names: string[]): string[] {
  const last = names[names.length - 1] ?? '';
  const tail = /(?:增加值|产值|营收|收入)?占.+$|(?:比重|占比|比例|率)$/u.exec(last)?.[0];
  if (!tail) return names;
  return names.map((n, i) => (i === names.length - 1 || n.includes(tail) || /(?:比重|占比|比例|率)$/u.test(n) ? n : n + tail));
}

const ENDS_WITH_ACTION = new RegExp(`(?:${ACTION_RE})$`, 'u');

/** A name an officer could put in a report: not a bare verb, not a fragment. */
function goodName(t: Hit): boolean {
  const n = t.name;
  // A short name ending in an action is a fragment (建设培育), but a noun and its completion is one (项目开工).
  const done = new RegExp(`^(.{2,})(?:${DONE_RE})$`, 'u').exec(n);
  const fragment = n.length <= 4 && ENDS_WITH_ACTION.test(n) && !(done && !ONLY_ACTIONS.test(done[1]!));
  return n.length >= 2 && n.length <= 50 && !ONLY_ACTIONS.test(n) && !fragment && !/^的|的$/u.test(n);
}

function hit(name: string, tail: string | undefined, value: number, unit: string, action?: string, verb?: string): Hit {
  const comparator: Comparator = verb ? bounded(TARGET_VERBS[verb]!, tail) : action === '新增' ? '新增' : action === '累计' ? '累计' : tail === '以上' ? '以上' : bounded('达到', tail);
  return { name, comparator, value, unit: TARGET_UNITS[unit] ?? unit, ...(tail === '左右' ? { approx: true } : {}) };
}

/**
 * An upper bound written after the figure (失业率控制在4.5%以内, 能耗0.5吨以下) is the target's
 * comparator, as 以上 is: a level (达到) or a cap (控制在) becomes 以内 / 以下; a rate (增长,
 * 下降) keeps its verb.
 */
function bounded(verb: Comparator, tail: string | undefined): Comparator {
  if (tail === '内') return bounded(verb, '以内');
  return (tail === '以内' || tail === '以下') && (verb === '达到' || verb === '控制在') ? tail : verb;
}

/**
 * "市管企业中高级经营管理人才、200名副职后备人才和10000名…": the first name, then every
 * further "[action]<number><unit><name>" after 、 or 和; pieces without a number belong to the
 * name before them (优秀教师、医生、科技人员).
 */
function splitNumberNameList(text: string): { name: string; value?: number; unit?: string; tail?: string }[] {
  // "、推进10大科技重大专项" / "、引进和培育10大高端创新团队": an action of its own may open the next item.
  const re = new RegExp(`(?:、|和|及)(?:[\\u4e00-\\u9fff]{2}(?:和[\\u4e00-\\u9fff]{2})?(?=\\d))?(?:不少于|不低于)?(\\d+(?:\\.\\d+)?)(${UNIT_RE}|大(?=[\\u4e00-\\u9fff〈“]))(以上|左右)?`, 'gu');
  const out: { name: string; value?: number; unit?: string; tail?: string }[] = [];
  let last = 0;
  let pending: { value?: number; unit?: string; tail?: string } = {};
  for (const m of text.matchAll(re)) {
    out.push({ name: text.slice(last, m.index!), ...pending });
    pending = { value: Number(m[1]), unit: m[2], tail: m[3] };
    last = m.index! + m[0].length;
  }
  out.push({ name: text.slice(last), ...pending });
  return out;
}

/** A clean name: time phrases, scope and actions taken off the front; 左右, the comparison base (比上年) and trailing verbs off the end. */
export function cleanName(raw: string): string {
  let s = raw.trim();
  if (s.startsWith('“') && !s.includes('”')) s = s.slice(1);
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of NAME_PREFIXES) {
      const next = s.replace(p, '');
      if (p === ACTION_PREFIX && ACTION_NOUN_HEADS.test(next)) continue;
      if (next !== s && next.length >= 2) {
        s = next;
        changed = true;
      }
    }
  }
  if (s.startsWith('“') && !s.includes('”')) s = s.slice(1);
  if (s.includes('”') && !s.includes('“')) s = `“${s}`;
  s = s.replace(/^(?:在[^，。]{1,20}?(?:领域|方面))/u, '').replace(/(?:左右|以上|累计|总计|年均|每年|力争|争取|确保|努力)$/u, '').replace(/(?:比上年|比去年|较上年|同比)$/u, '').replace(/^[”"、，]+|[“"、，]+$/gu, '');
  // "法院、检察院、公安…法学理论等高层次民主法治专门人才": a long list is named by what follows 等.
  if ((s.match(/、/gu)?.length ?? 0) >= 3 && /等[^等、]{4,}$/u.test(s)) s = /等([^等、]{4,})$/u.exec(s)![1]!;
  if (/^(?:[\d.]+|[^\u4e00-\u9fffA-Za-z“]+)$/u.test(s)) return '';
  return s.trim();
}

function scopeOf(sentence: string): string | undefined {
  for (const r of SCOPE_RULES) {
    const m = r.re.exec(sentence);
    if (m) return r.scope(m);
  }
  return undefined;
}
