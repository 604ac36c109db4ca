/**
 * Layouts of the genre // 版式, as data: how tasks are numbered, what a section's title says
 * about its content, and which words around a number say it is no target. Supporting a new
 * layout is a row here and a test row in layouts.test.ts.
 */

/** A way of numbering tasks // 任务编号样式. */
export interface NumberingStyle {
  id: string;
  example: string;
  /** group 1: the number; group 2: the rest of the line. */
  re: RegExp;
  /** Only long items (with a sentence) count as tasks: short ones are headings. */
  needsSentence: boolean;
}

/**
 * A leading number followed by digits is a task only when those digits are a name
 * ("11.121人才梯队项目"), not a decimal ("11.5%") or a sub-number ("1.1").
 */
const NOT_DECIMAL = '(?!\\d{1,2}(?!\\d))(?!\\d+(?:[.．]\\d+)?[%％亿万倍])';

export const TASK_NUMBERING: NumberingStyle[] = [
  { id: 'arabic-dot', example: '11.121人才梯队项目。重点培养…', re: new RegExp(`^(\\d{1,3})[.．]${NOT_DECIMAL}\\s*(\\S.*)$`, 'u'), needsSentence: false },
  { id: 'arabic-comma', example: '1、加快建设概念验证中心。…', re: /^(\d{1,3})、(\S.*)$/u, needsSentence: true },
  { id: 'paren-arabic', example: '（1）建设中试平台。…', re: /^[（(](\d{1,3})[）)](\S.*)$/u, needsSentence: true },
  { id: 'circled', example: '①实施重大科技专项。…', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])(\S.*)$/u, needsSentence: true },
  { id: 'ordinal-shi', example: '一是着力构建科技企业梯度引育体系。优化招商…', re: /^([一二三四五六七八九十]{1,3})是(\S.*)$/u, needsSentence: true },
];

/**
 * A list number at the start of a list's task cell // 单元格开头的序号 ("1.加快…", "3、…", "（2）…",
 * "④…", "（一）…", "(三)…"): the task numberings above but 一是 (a word of the sentence, not a
 * number), and the （一） level. `number` is the number as written without its stop ("1", "（2）",
 * "④", "（一）"), `rest` the text after it; undefined when the cell starts with no number, or with
 * a decimal or a figure ("1.5万家", "3年内").
 */
export function leadingListNumber(cell: string): { number: string; rest: string } | undefined {
  const text = cell.trim();
  const paren = /^([（(])([一二三四五六七八九十]{1,3}|\d{1,3})([）)])\s*(\S[\s\S]*)$/u.exec(text);
  // As the parser numbers a task: （2） and ④ are task 2 and 4 (numberValue); （一） keeps its label.
  if (paren) return { number: /^\d+$/u.test(paren[2]!) ? paren[2]! : `（${paren[2]}）`, rest: paren[4]!.trim() };
  for (const style of TASK_NUMBERING) {
    if (style.id === 'ordinal-shi' || style.id === 'paren-arabic') continue;
    // The styles read one line: the cell's first line, its other lines kept with the text.
    const nl = text.indexOf('\n');
    const m = style.re.exec(nl < 0 ? text : text.slice(0, nl));
    if (m) return { number: String(numberValue(m[1]!)), rest: (m[2]! + (nl < 0 ? '' : text.slice(nl))).trim() };
  }
  return undefined;
}

/**
 * Numbered items written as a title and a paragraph // 标题 + 正文: the title ends the line
 * after the number ("（二十三）强化组织领导。", "（一）加强组织领导"), the paragraph follows on the
 * next lines; or both share the line ("（一）加强组织领导。充分发挥…"). Such an item is a task
 * when nothing else in the document is (no numbered task line, no units trailer) and it has no
 * lower-level items under it (then it is a section). The deepest level that has such items
 * holds the tasks; levels are tried in this order.
 */
export const TITLED_ITEM_LEVELS: { level: number; label: string; example: string }[] = [
  { level: 2, label: '（一）', example: '（二十三）强化组织领导。\n加强党对科技创新工作的领导，建立市区会商机制。\n（二十四）加大支持力度。\n设立区县科技发展专项资金。' },
  { level: 1, label: '一、', example: '一、强化企业创新主体地位\n支持企业建设研发机构。\n二、加快建设创新平台\n建设一批重点实验室。' },
];

/**
 * A heading line of the 一、 level longer than a short title: it is still a heading when it
 * holds no sentence (no full stop or semicolon) and ends like a title, not a trailer.
 */
export const LONG_HEADING = /^[^。；;！？!?]+[^。；;！？!?）)】\]]$/u;

/**
 * The text after a number that is only a title // 标题行 ("加快建设创新平台", "强化组织领导。"):
 * short, no sentence inside. Followed by a paragraph, such a line starts a task in every
 * numbering style, also in those that otherwise need a sentence (1、 一是 （1）).
 */
export const TITLE_LINE = /^[^。；;！？!?：:]{2,30}。?$/u;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** The integer of a task number of any style. */
export function numberValue(s: string): number {
  const c = CIRCLED.indexOf(s);
  return c >= 0 ? c + 1 : (chineseToInt(s) ?? Number(s));
}

/** What a section holds, read from its title. */
export type SectionRole = 'goal' | 'review' | 'tasks' | 'other';

export const SECTION_ROLES: { role: Exclude<SectionRole, 'other'>; example: string; re: RegExp }[] = [
  // The past: figures here are results, not targets; items are not tasks.
  { role: 'review', example: '一、发展基础与面临形势', re: /回顾|总结|发展基础|现实基础|发展背景|发展概况|发展成就|主要成就|决定性成就|取得的成效|现状|面临形势|办理情况|基本情况|工作进展|完成情况/u },
  // Why the document is written: background and significance, no targets and no tasks.
  { role: 'review', example: '一、背景和意义', re: /^(?:背景|重要意义|意义|必要性)|背景和意义|背景与意义|重要意义$/u },
  // Goals and principles: figures are goal targets; numbered items are headings, not tasks.
  { role: 'goal', example: '一、总体要求', re: /总体要求|总体目标|总体思路|指导思想|基本原则|目标|发展思路|工作思路|建设思路/u },
  // A 纲要's indicators handed out to units (一、主要指标分工 / （一）约束性指标): goals, their figures bare.
  { role: 'goal', example: '（一）约束性指标', re: /主要指标|约束性指标|预期性指标|指标分工/u },
  { role: 'tasks', example: '二、重点任务', re: /任务|行动|举措|措施|工程|重点|工作要点|主要内容|专项|计划/u },
];

/** The role of a section title, or 'other'. */
export function sectionRole(title: string): SectionRole {
  return SECTION_ROLES.find((r) => r.re.test(title))?.role ?? 'other';
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A Chinese numeral below ten thousand, written as numbers are: 一 → 1, 十二 → 12, 二十 → 20,
 * 一百零五 → 105, 一百二十 → 120, 五千 → 5000. Undefined for what is no one numeral — two digits
 * in a row (一二, 十二五), a place twice or out of order (十十, 十百) — so a task number, a
 * count and a year span are read by the same rule.
 */
export function chineseToInt(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastPower = Infinity;
  let zero = false;
  for (const c of s) {
    if (c === '零' || c === '〇') {
      if (digit !== undefined || zero) return undefined;
      zero = true;
    } else if (c in CN_DIGITS) {
      if (digit !== undefined) return undefined;
      digit = CN_DIGITS[c]!;
      zero = false;
    } else if (c in CN_POWERS) {
      const power = CN_POWERS[c]!;
      if (power >= lastPower || zero) return undefined;
      total += (digit ?? 1) * power;
      lastPower = power;
      digit = undefined;
    } else return undefined;
  }
  if (zero && digit === undefined && s.length > 1) return undefined;
  return total + (digit ?? 0);
}

/**
 * Titles of plans for one year // 年度计划: their targets are due at the end of the year the
 * title names, else the year the document was issued.
 */
export const ONE_YEAR_PLANS: { example: string; re: RegExp }[] = [
  { example: '市十五届人大五次会议1号议案办理工作方案', re: /(?:议案|建议案|提案)(?:的)?办理/u },
  { example: '2024年科技创新工作要点', re: /工作要点/u },
  { example: '2023年本部门年度重点工作任务的任务分解', re: /(?:任务|责任)分解/u },
  { example: '2015年市《政府工作报告》确定的主要目标任务责任分解方案', re: /政府工作报告/u },
  // A notice handing out a year's targets (分解落实 / 分解下达), the plan not in its text.
  { example: '郧阳区人民政府关于分解落实2023年区政府工作目标任务的通知', re: /分解(?:落实|下达)/u },
];

/** True when a title names a plan for one year (see ONE_YEAR_PLANS). */
export function isOneYearPlan(title: string): boolean {
  return ONE_YEAR_PLANS.some((p) => p.re.test(title));
}
