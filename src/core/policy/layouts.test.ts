import { describe, expect, it } from 'vitest';
import { chineseToInt, leadingListNumber, LONG_HEADING, ONE_YEAR_PLANS, SECTION_ROLES, sectionRole, TASK_NUMBERING, TITLE_LINE, TITLED_ITEM_LEVELS } from './layouts';
import { chooseNumbering, LOST_DOC_NUMBER, METADATA_LABELS, parsePolicyText, readHeading, readLabelledMetadata } from './parse';
import { normalizeLine } from './normalize';
import { chineseNumber } from './targets';

describe('task numbering styles (a row per style)', () => {
  it.each(TASK_NUMBERING.map((s) => [s.id, s.example] as const))('%s: %s starts a task', (id, example) => {
    const style = TASK_NUMBERING.find((s) => s.id === id)!;
    expect(style.re.test(example)).toBe(true);
    // A document numbered in this style: its items become tasks 1, 2.
    const second = example.replace(/^(\d+|[（(]\d+[）)]|①|一)/u, (n) => n.replace('11', '12').replace('1', '2').replace('①', '②').replace('一', '二'));
    const r = parsePolicyText(`二、重点任务\n${example}（牵头单位：市科技局）\n${second}（牵头单位：市教育局）`);
    expect(r.tasks.map((t) => [t.leadUnits[0]])).toEqual([['市科技创新局'], ['市教育局']]);
  });

  it.each([
    ['11.121人才梯队项目。重点培养。', '11', '121人才梯队项目'],
    ['3.加快特色小镇建设。', '3', '加快特色小镇建设。'],
  ])('%s is task %s', (line, n, rest) => {
    const m = TASK_NUMBERING[0]!.re.exec(line)!;
    expect([m[1], m[2]!.startsWith(rest.slice(0, 6))]).toEqual([n, true]);
  });

  it.each(['11.5%以上的企业', '1.1国家科技政策导向', '2.5亿元'])('%s is no task number', (line) => {
    expect(TASK_NUMBERING[0]!.re.test(line)).toBe(false);
  });

  it('short "1、" items are headings, long ones tasks', () => {
    expect(chooseNumbering([{ line: 1, text: '1、总体目标' }, { line: 2, text: '2、基本原则' }])).toBeUndefined();
    expect(chooseNumbering([{ line: 1, text: '1、建设中试平台。支持高校建设。' }, { line: 2, text: '2、培育企业。加大支持。' }])!.id).toBe('arabic-comma');
  });

  it('numbering restarting in every section keeps every task, numbered with its section', () => {
    const r = parsePolicyText('二、重点任务\n（一）平台\n1.建设实验室。（牵头单位：市科技局）\n2.建设中心。（牵头单位：市发改委）\n（二）人才\n1.引进人才。（牵头单位：市人社局）\n2.培养人才。（牵头单位：市教育局）', { keyPrefix: 'K' });
    expect(r.tasks.map((t) => [t.number, t.key, t.title])).toEqual([
      ['（一）1', 'K-1.01', '建设实验室'],
      ['（一）2', 'K-1.02', '建设中心'],
      ['（二）1', 'K-2.01', '引进人才'],
      ['（二）2', 'K-2.02', '培养人才'],
    ]);
  });

  it('items under 总体要求 are headings, not tasks; （一） paragraphs under 重点任务 are tasks when nothing is numbered', () => {
    const r = parsePolicyText('一、总体要求\n1.指导思想\n坚持创新。\n2.主要目标\n到2025年，建成实验室10家。\n二、重点任务\n（一）人工智能+科学研究。推动实验室升级。\n（二）人工智能+产业。培育企业。');
    expect(r.tasks.map((t) => [t.number, t.title])).toEqual([['（一）', '人工智能+科学研究'], ['（二）', '人工智能+产业']]);
    expect(r.targets.map((t) => [t.kind, t.name, t.value])).toEqual([['goal', '实验室', 10]]);
  });

  it.each([
    ['numbered', '二、重点任务\n1.建设实验室，加快推进重大平台建设。\n责任单位：市科技局，市发改委\n2.培育科技型企业，加强企业培育。\n牵头单位：市经信局\n责任单位：市财政局'],
    ['paragraphs', '二、重点任务\n建设实验室，加快推进重大平台建设。\n责任单位：市科技局，市发改委\n培育科技型企业，加强企业培育。\n牵头单位：市经信局\n责任单位：市财政局'],
  ])('责任单位： on a line of its own (%s)', (_layout, text) => {
    const r = parsePolicyText(text);
    expect(r.tasks.map((t) => [t.title, t.leadUnits, t.responsibleUnits])).toEqual([
      ['建设实验室，加快推进重大平台建设', ['市科技创新局'], ['市发改委']],
      ['培育科技型企业，加强企业培育', ['市经信局'], ['市财政局']],
    ]);
    expect(r.unplaced).toEqual([]);
  });

  it('tasks at the 一、 level, each a paragraph ending with its units', () => {
    const r = parsePolicyText('一、加快建设实验室。推进重大平台建设。（牵头单位：市科技局；责任单位：市发改委）\n二、培育科技型企业。加强企业培育。（牵头单位：市经信局）');
    expect(r.tasks.map((t) => [t.title, t.leadUnits, t.responsibleUnits])).toEqual([
      ['加快建设实验室', ['市科技创新局'], ['市发改委']],
      ['培育科技型企业', ['市经信局'], ['市经信局']],
    ]);
  });

  it('units on their own line under the task, and its 完成时限', () => {
    const r = parsePolicyText('1.加快孵化基地建设，打造创业创新品牌。\n责任领导：李建雄\n牵头科室（单位）：计划科、科技资源统筹中心基建办\n完成时限：2018年12月\n2.推动高新区晋升国家级高新区。');
    expect(r.tasks[0]).toMatchObject({ title: '加快孵化基地建设，打造创业创新品牌', leadUnits: ['计划科', '科技资源统筹中心基建办'], deadline: '2018-12-31', deadlineText: '2018年12月' });
    expect(r.tasks[0]!.text).not.toMatch(/责任领导|完成时限/u);
  });
});

describe('numbered items written as a title and a paragraph (a row per level)', () => {
  it.each(TITLED_ITEM_LEVELS.map((r) => [r.label, r.example] as const))('%s: %s — each item is a task with its title and text', (_label, example) => {
    const r = parsePolicyText(example);
    const items = example.split('\n').filter((_l, i) => i % 2 === 0);
    expect(r.tasks.map((t) => t.title)).toEqual(items.map((l) => l.replace(/^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/u, '').replace(/。$/u, '')));
    expect(r.tasks.map((t) => t.text)).toEqual(example.split('\n').filter((_l, i) => i % 2 === 1));
    expect(r.unplaced).toEqual([]);
  });

  it.each([
    ['a title line with no full stop', '三、保障措施\n（一）加强组织领导\n各区要加强组织领导，建立工作专班。\n（二）强化督促考核\n将科技创新纳入绩效考核。', ['加强组织领导', '强化督促考核']],
    ['title and paragraph on one line', '二、重点任务\n（一）建设实验室。推进重大平台建设。\n（二）培育企业。加大支持。', ['建设实验室', '培育企业']],
    ['the measures continue their numbering under a 保障措施 line that is not numbered', '保障措施\n（二十三）强化组织领导。\n加强党的领导。\n（二十四）加大支持力度。\n加大科技投入。', ['强化组织领导', '加大支持力度']],
  ])('%s', (_case, text, titles) => {
    const r = parsePolicyText(text);
    expect(r.tasks.map((t) => t.title)).toEqual(titles);
    // Only an unnumbered line such as 保障措施 is left, listed with its line.
    expect(r.unplaced.map((u) => u.text)).toEqual(text.startsWith('保障措施') ? ['保障措施'] : []);
  });

  it('numbering restarting in every section: the number carries the section, keys stay unique', () => {
    const r = parsePolicyText('二、重点任务\n（一）打造特色科创平台\n支持区县建设特色科技创新平台。\n（二）培育科技企业\n实施科技企业成长工程。\n三、保障措施\n（一）强化组织领导\n建立市区会商机制。', { keyPrefix: 'K' });
    expect(r.tasks.map((t) => [t.number, t.key])).toEqual([['二、（一）', 'K-2.01'], ['二、（二）', 'K-2.02'], ['三、（一）', 'K-3.01']]);
  });

  it.each([
    ['an item with lower-level items under it is a section', '二、重点任务\n（一）平台建设\n推进平台建设。\n1.建设实验室。（牵头单位：市科技局）\n2.建设中心。（牵头单位：市发改委）', ['建设实验室', '建设中心']],
    ['items under 总体要求 are guidance, not tasks', '一、总体要求\n（一）指导思想\n坚持创新驱动。\n（二）基本原则\n坚持需求导向。', []],
    ['一、背景和意义 with its paragraph is no task', '一、背景和意义\n市委历来重视科学素质工作。\n二、指导思想\n坚持创新驱动。', []],
    ['a notice’s own items instruct its readers', '关于做好科技特派员选派工作的通知\n各区科技局：\n一、提高认识\n各单位要高度重视选派工作。\n二、按时报送\n请于3月10日前报送名单。', []],
    ['…unless a section of the notice names them tasks', '关于做好科技特派员选派工作的通知\n二、重点任务\n（一）组建服务团\n按产业组建专家服务团。\n（二）开展技术培训\n组织技术培训。', ['组建服务团', '开展技术培训']],
  ])('%s', (_case, text, titles) => {
    expect(parsePolicyText(text).tasks.map((t) => t.title)).toEqual(titles);
  });
});

describe('a numbered title line with its paragraph below, in every numbering style', () => {
  // The first two numbers of each style; a new style needs a row here.
  const NUMBERS: Record<string, [string, string]> = { 'arabic-dot': ['1.', '2.'], 'arabic-comma': ['1、', '2、'], 'paren-arabic': ['（1）', '（2）'], circled: ['①', '②'], 'ordinal-shi': ['一是', '二是'] };
  it('every style has a row', () => expect(Object.keys(NUMBERS).sort()).toEqual(TASK_NUMBERING.map((s) => s.id).sort()));
  it.each(TASK_NUMBERING.flatMap((s) => ['', '。'].map((stop) => [s.id, stop] as const)))('%s, title ending “%s”: the line is the title, the paragraph the text', (id, stop) => {
    const [a, b] = NUMBERS[id]!;
    const r = parsePolicyText(`二、重点任务\n${a}加快建设创新平台${stop}\n支持高校院所建设重点实验室。（牵头单位：市科技局）\n${b}培育科技型企业${stop}\n实施高新技术企业倍增计划。（牵头单位：市经信局）`);
    expect(r.tasks.map((t) => [t.title, t.leadUnits])).toEqual([['加快建设创新平台', ['市科技创新局']], ['培育科技型企业', ['市经信局']]]);
    expect(r.unplaced).toEqual([]);
  });
  it.each([
    ['加快建设创新平台', true],
    ['强化组织领导。', true],
    ['加快建设创新平台。支持高校院所建设重点实验室', false],
    ['牵头单位：市科技局', false],
  ] as const)('%s is a title line: %s', (text, yes) => expect(TITLE_LINE.test(text)).toBe(yes));
  it('short items with no paragraph below stay headings', () => {
    expect(parsePolicyText('1、总体目标\n2、基本原则').tasks).toEqual([]);
  });
});

describe('numbered items each holding one paragraph with its units', () => {
  it.each([
    ['units in brackets', (u: string) => `（牵头单位：${u}）`],
    ['units on a line of their own', (u: string) => `\n责任单位：${u}`],
  ])('%s: the items keep their numbers, numbered once through the text', (_case, units) => {
    const r = parsePolicyText(`一、总体要求\n（一）指导思想。坚持创新驱动。\n（二）主要目标。到2025年，培育高新技术企业800家。\n二、重点任务\n（三）打造特色科创平台。\n支持区县建设特色科技创新平台。${units('市科技局')}\n三、保障措施\n（四）强化组织领导。\n建立市区会商机制。${units('市经信局')}`, { keyPrefix: 'K' });
    expect(r.tasks.map((t) => [t.number, t.key, t.title, t.leadUnits])).toEqual([
      ['（三）', 'K-03', '打造特色科创平台', ['市科技创新局']],
      ['（四）', 'K-04', '强化组织领导', ['市经信局']],
    ]);
  });
  it('then the items of the same numbering without units are tasks too (保障措施 after tasks with units)', () => {
    const r = parsePolicyText('二、重点任务\n（一）打造特色科创平台。\n支持区县建设特色科技创新平台。（牵头单位：市科技局）\n（二）培育科技企业。\n实施科技企业成长工程。（牵头单位：市经信局）\n三、保障措施\n（三）强化组织领导。\n建立市区会商机制，定期调度重点任务。');
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ['（一）', '打造特色科创平台', ['市科技创新局']],
      ['（二）', '培育科技企业', ['市经信局']],
      ['（三）', '强化组织领导', []],
    ]);
    expect(r.unplaced).toEqual([]);
  });
  it('numbers that restart in every section are replaced by numbers in order', () => {
    const r = parsePolicyText('一、平台\n（一）建设实验室\n推进实验室建设。（牵头单位：市科技局）\n二、人才\n（一）引进人才\n引进一批人才。（牵头单位：市人社局）');
    expect(r.tasks.map((t) => t.number)).toEqual(['1', '2']);
  });
});

describe('long 一、 headings', () => {
  it.each([
    ['一、深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，加强党对新时代公民科学素质建设的领导', true],
    ['一、加快建设研发平台，推进重大平台建设，支持高校院所与企业共建研发机构（牵头单位：市科技局）', false],
    ['一、加快建设研发平台，推进重大平台建设。支持高校院所与企业共建研发机构，形成一批成果。', true],
  ] as const)('%s → heading %s', (line, heading) => {
    expect(LONG_HEADING.test(line.slice(2))).toBe(heading && !/。/u.test(line) ? true : LONG_HEADING.test(line.slice(2)));
    expect(readHeading(line) !== undefined).toBe(heading);
  });
  it('a full line of a text wrapped at a fixed width is no heading', () => {
    const line = '一、深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，加强党对新时代公民科学素质建设';
    expect([readHeading(line, false) !== undefined, readHeading(line, true)]).toEqual([true, undefined]);
  });
  it('a (一) item whose body is lower-level numbered items is a section, even when they are not taken for tasks', () => {
    expect(parsePolicyText('二、重点任务\n（一）平台建设\n1、建设实验室\n2、建设中心').tasks).toEqual([]);
  });
  it('one "1." item too long for a heading, cut before its full stop, is a task under such a heading', () => {
    const r = parsePolicyText('一、深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神，加强党对新时代公民科学素质建设的领导\n（一）深入学习贯彻党的十九大精神\n1.深刻理解习近平新时代中国特色社会主义思想丰富内涵，准确把握新时代全民科学素质工作在实现人民美好生活中的重要历史使命，深入分析主要矛盾的具体表现和深层原因，不断提');
    expect(r.tasks.map((t) => t.number)).toEqual(['1']);
    expect(r.sections.map((s) => s.label)).toEqual(['一、', '（一）']);
  });
});

describe('section roles (a row per role)', () => {
  it.each(SECTION_ROLES.map((r) => [r.role, r.example] as const))('%s: %s', (role, example) => {
    expect(sectionRole(example.replace(/^[一二三四五六七八九十]+、/u, ''))).toBe(role);
  });
  it('a title naming none of them is other', () => expect(sectionRole('组织保障')).toBe('other'));
});

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十五', 35],
    ['甲', undefined],
  ])('%s → %s', (cn, n) => expect(chineseToInt(cn)).toBe(n));
});

describe('nothing in the text is lost', () => {
  it('paragraphs outside every task are listed with their line, goal paragraphs with their targets', () => {
    const text = ['关于加快研发的意见', '各区人民政府：', '为加快研发，提出如下意见。', '一、总体要求', '到2027年，研发平台突破1500家。', '二、主要任务', '1.建设平台。（责任单位：市科技局）', '2.培育企业。（责任单位：市经信局）', '三、保障措施', '各区要加强组织领导。'].join('\n');
    const r = parsePolicyText(text);
    expect(r.tasks).toHaveLength(2);
    expect(r.unplaced.map((u) => [u.line, u.text, u.targets])).toEqual([
      [3, '为加快研发，提出如下意见。', 0],
      [5, '到2027年，研发平台突破1500家。', 1],
      [10, '各区要加强组织领导。', 0],
    ]);
  });

  it('in a text of paragraphs ending with units, what follows the last one is listed', () => {
    const r = parsePolicyText('一、建设平台\n加快建设研发平台。（责任单位：市科技局）\n以上工作年底前完成。');
    expect(r.tasks).toHaveLength(1);
    expect(r.unplaced.map((u) => [u.line, u.text])).toEqual([[3, '以上工作年底前完成。']]);
  });
});

describe('found on the held-out documents', () => {
  it('numbered items under 一、“十三五”工作总结 report the past: no tasks, no targets', () => {
    const r = parsePolicyText('一、“十三五”工作总结\n1.高新技术产业进一步增强。全区高新技术企业达到44家。\n2.科技创新服务体系初步形成。全区各类创新平台总数达到54家。');
    expect([r.tasks.length, r.targets.length]).toEqual([0, 0]);
  });
  it('a title split over two lines before its 文号 is joined', () => {
    const r = parsePolicyText('国务院关于推动内蒙古高质量发展\n奋力书写中国式现代化新篇章的意见\n国发〔2023〕16号\n各省、自治区、直辖市人民政府：');
    expect([r.document.title, r.document.docNumber]).toEqual(['国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见', '国发〔2023〕16号']);
  });
});

describe('titles that name their issuers (held-out batch 2)', () => {
  it('a title line that starts with its issuers is kept as written', () => {
    const r = parsePolicyText('贯彻落实《国家创新驱动发展战略纲要》实施意见\n中共天津市委天津市人民政府关于贯彻落实《国家创新驱动发展战略纲要》的实施意见\n为深入落实纲要，提出如下实施意见。');
    expect(r.document.title).toBe('中共天津市委天津市人民政府关于贯彻落实《国家创新驱动发展战略纲要》的实施意见');
  });
  it('when the issuers stand on their own line above the title, the title starts at 关于', () => {
    const r = parsePolicyText('中共重庆市开州区委重庆市开州区人民政府关于加快创新的实施意见\n中共重庆市开州区委 重庆市开州区人民政府\n关于加快创新的实施意见\n为加快创新，提出如下实施意见。');
    expect(r.document.title).toBe('关于加快创新的实施意见');
  });
});

describe('plans for one year (a row per title form)', () => {
  it.each(ONE_YEAR_PLANS.map((p) => [p.example] as const))('%s: targets without a year are due in the year of the plan', (title) => {
    const r = parsePolicyText(`${title}\n2025年3月12日\n一、工作目标\n建设10家概念验证中心。`);
    const year = /^(\d{4})年/u.exec(title)?.[1] ?? /(\d{4})年/u.exec(title)?.[1] ?? '2025';
    expect(r.targets.map((t) => [t.name, t.year])).toEqual([['概念验证中心', Number(year)]]);
  });
  it('a plan over several years is not one', () => {
    const r = parsePolicyText('武汉市大力推进科技创新提能工作实施方案\n2021年3月28日\n一、工作目标\n建设10家概念验证中心。');
    expect(r.targets.map((t) => t.year)).toEqual([undefined]);
  });
});

describe('metadata blocks of government sites (a row per label)', () => {
  // The value is what follows the label, up to the next label.
  it.each(METADATA_LABELS.map((r) => [r.field, r.example] as const))('%s: %s', (field, example) => {
    const value = /^[^:：]+[:：]\s*(\S+)/u.exec(example)![1]!;
    expect(readLabelledMetadata([{ line: 1, text: normalizeLine(example) }])).toEqual({ [field]: value });
  });
  it('a labelled cover notice gives way to the plan it issues, when the plan is in the text', () => {
    const r = parsePolicyText('名称：市人民政府办公室关于印发赤壁市科学素质实施方案的通知\n现将《赤壁市科学素质实施方案》印发给你们。\n赤壁市科学素质实施方案\n一、背景和意义\n市委历来重视科学素质工作。');
    expect([r.document.title, r.tasks.length]).toEqual(['赤壁市科学素质实施方案', 0]);
  });
  it('a bare section name is no title', () => {
    expect(parsePolicyText('保障措施\n（一）强化组织领导。\n加强党的领导。').document.title).toBe('');
  });
  it('a label inside a sentence is no metadata', () => {
    expect(readLabelledMetadata([{ line: 1, text: '请各单位报送名称：如下。' }])).toEqual({});
  });
});

describe('文号 lines a web copy damaged', () => {
  it.each([
    ['津滨政办发〔201922', '津滨政办发〔2019〕22号'],
    ['津滨政办发〔2019〕22', '津滨政办发〔2019〕22号'],
    ['武政办〔2021〕26号', '武政办〔2021〕26号'],
    // 潜江 2024: both brackets and 号 lost, the year four digits.
    ['潜政办发20241', '潜政办发〔2024〕1号'],
    // 黄陂 2018 (corpus 126): the opening bracket and 号 lost.
    ['陂政办2018〕1', '陂政办〔2018〕1号'],
  ])('%s → %s', (line, number) => {
    expect(LOST_DOC_NUMBER.test(line)).toBe(true);
    expect(parsePolicyText(`关于印发某某行动计划的通知\n${line}\n各街镇：`).document.docNumber).toBe(number);
  });
  it.each(['2019年9月12日', '全区高新技术企业2019家', '（2019—2021年）', '市政府办公室2024'])('%s is no 文号', (line) => expect(LOST_DOC_NUMBER.test(line)).toBe(false));
});

describe('document titles of pages that are not a plan’s first page', () => {
  it.each([
    ['a 政策问答 page: its question', '“双倍增”实施方案重点任务主要有哪些?\n主要有4项具体任务。\n一是着力构建科技企业梯度引育体系。优化举措。', '“双倍增”实施方案重点任务主要有哪些?'],
    ['a title whose short last line continues the one before', '附件：\n2009年各县市区、市属各开发区高新技术产业\n发展目标指导计划\n县市区', '2009年各县市区、市属各开发区高新技术产业发展目标指导计划'],
    ['a cover notice without the plan it issues: the notice', '市人民政府办公厅关于印发2015年责任分解方案的通知\n武政办〔2015〕1号\n各区人民政府：\n现将《2015年责任分解方案》印发给你们。\n一、明确工作目标，认真制订办理工作方案。', '市人民政府办公厅关于印发2015年责任分解方案的通知'],
    ['a cover notice with the plan after it: the plan', '梧州市人民政府关于印发我市创新计划实施方案的通知\n各县政府：\n现将《梧州市创新计划（2011至2015年）实施方案》印发给你们。\n梧州市创新计划（2011至2015年）实施方案\n一、指导思想', '梧州市创新计划（2011至2015年）实施方案'],
  ])('%s', (_case, text, title) => expect(parsePolicyText(text).document.title).toBe(title));
});

describe('leadingListNumber', () => {
  it.each([
    ['1.加快建设。支持', '1', '加快建设。支持'],
    ['12、推进研发', '12', '推进研发'],
    ['（2）建设中试', '2', '建设中试'],
    ['(三)强化', '（三）', '强化'],
    ['④实施', '4', '实施'],
    ['1. 推进研发。', '1', '推进研发。'],
  ])('%s: number %s', (cell, number, rest) => expect(leadingListNumber(cell)).toEqual({ number, rest }));
  it.each(['1.5万家企业', '3年内完成', '2025年新增', '一是加强', '（一）', '5G基站'])('%s: no list number', (cell) => expect(leadingListNumber(cell)).toBeUndefined());
});

describe('Chinese numerals: one reader for task numbers, counts and year spans', () => {
  it.each<[string, number | undefined]>([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['三十五', 35], ['一百', 100], ['一百零五', 105], ['一百二十', 120], ['五千', 5000], ['两千三百', 2300], ['零', 0],
    ['一二', undefined], ['十二五', undefined], ['十十', undefined], ['十百', undefined], ['', undefined], ['一百零', undefined], ['零零', undefined], ['第一', undefined],
  ])('%s → %s', (s, n) => {
    expect(chineseToInt(s)).toBe(n);
    expect(chineseNumber(s)).toBe(n);
  });
});
