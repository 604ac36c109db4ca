import { describe, expect, it } from 'vitest';
import { chineseNumber, COUNT_ONLY_ACTIONS, countingBase, YEAR_PHRASES, cleanName, documentScope, DOCUMENT_SCOPES, findTargets, normalizeNumbers, NOT_A_TARGET, SCOPE_RULES, TARGET_ACTIONS, TARGET_SHAPES, TARGET_UNITS, TARGET_VERBS } from './targets';

const read = (text: string) => findTargets(text, { defaultYear: 2027, scope: '全市' }).map((t) => [t.name, t.comparator, t.value, t.unit]);

/** One row per shape: its example and what an officer would enter. */
const SHAPES: Record<string, [string, string, number, string][]> = {
  'scale-of': [['“武创科技成果转化基金”', '不低于', 30, '亿元']],
  respectively: [['高新技术企业占比', '达到', 65, '%'], ['科技型中小企业占比', '达到', 55, '%']],
  'action-number-name': [['市管企业中高级经营管理人才', '达到', 100, '名']],
  'name-verb-number': [['研发平台', '突破', 1500, '家']],
  'action-name-number': [['市级概念验证中心', '达到', 30, '家']],
  rank: [['排名', '达到', 40, '位次']],
  index: [['区域创新能力指数', '达到', 120, '']],
  ratio: [['制造业增加值占地区生产总值比重', '达到', 35, '%']],
  'examples-count': [['高端生物医学成像等设施', '达到', 4, '个']],
  'respectively-after': [['高新技术企业', '超过', 90, '家'], ['科技型企业', '超过', 870, '家']],
  'name-number': [['成果项目库入库成果', '以上', 1000, '项']],
  breakdown: [['战略性新兴产业营业收入', '突破', 3, '万亿元'], ['光电子信息营业收入', '达到', 8500, '亿元'], ['大健康营业收入', '达到', 6600, '亿元']],
  'number-name-done': [['嵌入式服务设施建设示范社区建成', '达到', 100, '个']],
  'share-of': [['城市社区建成完备的社区嵌入式服务综合体', '达到', 50, '%']],
};

describe('target shapes (a row per shape)', () => {
  it('every shape has a test row', () => expect(Object.keys(SHAPES).sort()).toEqual(TARGET_SHAPES.map((s) => s.id).sort()));
  it.each(TARGET_SHAPES.map((s) => [s.id, s.example] as const))('%s: %s', (id, example) => {
    const found = findTargets(example, { defaultYear: 2027, scope: '全市', bareFigures: true }).map((t) => [t.name, t.comparator, t.value, t.unit]);
    expect(found).toEqual(SHAPES[id]);
  });
  it('a bare "name + figure" clause is a target only where the text states goals', () => {
    expect(read('重点成果项目库入库成果1000项以上')).toEqual([]);
    expect(read('安排资金1000万元')).toEqual([]);
  });
});

describe('targets in real sentences', () => {
  it.each([
    ['建设10家概念验证中心', [['概念验证中心', '达到', 10, '家']]],
    // 咸阳 2023 计划: a price rise capped in its 主要预期目标, the figure right after 涨幅 (as after 比重).
    ['居民消费价格涨幅3%左右', [['居民消费价格涨幅', '达到', 3, '%']]],
    // 沈河区 2024 分解表: 壮大 before a count is the action, what is counted the name.
    ['壮大531个支撑企业', [['支撑企业', '达到', 531, '个']]],
    // 金乡 2025: one name for two figures, a target each; 中山 seed: 及 joins two names when 、 does not.
    ['城乡居民人均可支配收入分别增长6%、6.5%', [['城乡居民人均可支配收入', '增长', 6, '%'], ['城乡居民人均可支配收入', '增长', 6.5, '%']]],
    ['力争科技领军企业及后备企业分别达到5家、15家', [['科技领军企业', '达到', 5, '家'], ['后备企业', '达到', 15, '家']]],
    // 沁县 2025: the sum invested before what is built.
    ['投资3000万元建设南美白对虾工厂化循环水养殖基地', [['南美白对虾工厂化循环水养殖基地', '达到', 3000, '万元']]],
    // 十堰 2024: where the routes go, between the action and the count; the range's lower bound.
    ['开通至周边机场2-3条通用航空短途运输航线、100条以上无人机航线', [['通用航空短途运输航线', '达到', 2, '条'], ['无人机航线', '以上', 100, '条']]],
    // 泰州 2019: a time limit in working days, 内 closing it as 以内 does.
    ['全市工程建设项目审批时间缩短至100个工作日内', [['工程建设项目审批时间', '以内', 100, '个工作日']]],
    // 成都 2012: a measure noun left alone after the action keeps it (孵化面积, not 面积).
    ['孵化面积达到300万平方米以上', [['孵化面积', '以上', 300, '万平方米']]],
    // 咸宁 2024: who is counted and 新增 are part of the indicator's name; a scope before 新增 is not.
    ['城镇新增就业3.7万人', [['城镇新增就业', '新增', 3.7, '万人']]],
    ['全市新增高新技术企业100家', [['高新技术企业', '新增', 100, '家']]],
    // 荆门 2021: the manner before the verb is no part of the name.
    ['地区生产总值(GDP)总量力争突破3000亿元', [['地区生产总值(GDP)总量', '突破', 3000, '亿元']]],
    ['培育1000名技术经理人', [['技术经理人', '达到', 1000, '名']]],
    ['部署20个垂直行业大模型', [['垂直行业大模型', '达到', 20, '个']]],
    ['开工亿元以上产业项目480个', [['亿元以上产业项目', '达到', 480, '个']]],
    ['建成省级重点企业研究院1家，市级重点实验室1家', [['省级重点企业研究院', '达到', 1, '家'], ['市级重点实验室', '达到', 1, '家']]],
    ['选拔100名正职后备人才、200名副职后备人才', [['正职后备人才', '达到', 100, '名'], ['副职后备人才', '达到', 200, '名']]],
    ['重点扶持50个市级示范性高级研修班和50场次知识更新名家讲座', [['市级示范性高级研修班', '达到', 50, '个'], ['知识更新名家讲座', '达到', 50, '场次']]],
    ['5年内选拔认定教育专家10名、名校长100名、名教师200名', [['教育专家', '达到', 10, '名'], ['名校长', '达到', 100, '名'], ['名教师', '达到', 200, '名']]],
    ['选拔培养10名在全国有影响的青年拔尖人才，60名在全省有影响的青年优秀人才', [['在全国有影响的青年拔尖人才', '达到', 10, '名'], ['在全省有影响的青年优秀人才', '达到', 60, '名']]],
    ['5年内培养资助博士后研究人员不少于400名', [['博士后研究人员', '不少于', 400, '名']]],
    ['力争实现全市8大重点产业集群总量超过五千亿规模', [['8大重点产业集群总量', '超过', 5000, '亿元']]],
    ['力争培育8—10个百亿企业', [['百亿企业', '达到', 8, '个']]],
    ['单位工业增加值能耗年均下降5%', [['单位工业增加值能耗', '下降', 5, '%']]],
    ['新一代智能终端、智能体等应用普及率超70%', [['智能体等应用普及率', '超过', 70, '%']]],
    ['风电装机容量达到1.2亿千瓦', [['风电装机容量', '达到', 1.2, '亿千瓦']]],
    ['R&D人员全时当量达到8万人年', [['R&D人员全时当量', '达到', 8, '万人年']]],
    ['建成重大科技基础设施2套', [['重大科技基础设施', '达到', 2, '套']]],
    ['市自然科学基金新增立项500项', [['市自然科学基金立项', '新增', 500, '项']]],
    ['累计打造5个以上大模型应用场景', [['大模型应用场景', '以上', 5, '个']]],
    ['转化科技成果1000项', [['科技成果', '达到', 1000, '项']]],
    ['获得国家科技奖励10项', [['国家科技奖励', '达到', 10, '项']]],
    ['到2025年，全市规模以上工业总产值达到2万亿元（汽车4000亿元、光电子信息5000亿元）', [['规模以上工业总产值', '达到', 2, '万亿元'], ['汽车总产值', '达到', 4000, '亿元'], ['光电子信息总产值', '达到', 5000, '亿元']]],
    ['高新技术产业增加值增长率超过14%，占地区生产总值的比重达到26%', [['高新技术产业增加值增长率', '超过', 14, '%'], ['高新技术产业增加值占地区生产总值的比重', '达到', 26, '%']]],
    ['新建创新街区（园区、楼宇）120万平方米', [['创新街区（园区、楼宇）', '达到', 120, '万平方米']]],
    // ★ marks a key task (郧阳 2023 分解表): no part of the name.
    ['★地区生产总值增长15%', [['地区生产总值', '增长', 15, '%']]],
    // Goal items and goal sentences of 下陆, 立山 and 咸安 2023 (规模上: 立山's typo for 规模以上).
    ['1.地区生产总值增长8%以上', [['地区生产总值', '增长', 8, '%']]],
    ['（2）固定资产投资增长16%以上', [['固定资产投资', '增长', 16, '%']]],
    ['全年地区生产总值增长5%左右', [['地区生产总值', '增长', 5, '%']]],
    ['努力实现地区生产总值增长6.2%左右', [['地区生产总值', '增长', 6.2, '%']]],
    ['规模上工业增加值增长5%左右', [['规模上工业增加值', '增长', 5, '%']]],
    ['5G基站新增1000个', [['5G基站', '新增', 1000, '个']]],
    // 武汉 2022 三年行动方案's “410”工程: 10大 is a count (个, 项 for a programme); each item after 、 has its own action.
    ['每年打造10大技术〈产业〉创新中心、推进10大科技重大专项、建设10大成果转化中心、引进和培育10大高端创新团队', [['技术〈产业〉创新中心', '达到', 10, '个'], ['科技重大专项', '达到', 10, '项'], ['成果转化中心', '达到', 10, '个'], ['高端创新团队', '达到', 10, '个']]],
    ['每年打造10个技术创新中心、推进10项科技重大专项', [['技术创新中心', '达到', 10, '个'], ['科技重大专项', '达到', 10, '项']]],
    // The comparison base is no part of the name (大兴 2023).
    ['地区生产总值比上年增长4.5%以上', [['地区生产总值', '增长', 4.5, '%']]],
    ['城镇居民人均可支配收入同比增长6%', [['城镇居民人均可支配收入', '增长', 6, '%']]],
  ])('%s', (text, expected) => expect(read(text)).toEqual(expected));

  it.each([
    ['已经市政府第48次常务会议研究通过', 'an ordinal'],
    ['对35岁以下青年科技人员给予支持', 'an age'],
    ['分2年给予政府安家补助', 'a duration'],
    ['力争5年内有 家特色小镇获省级认定', 'a blank number'],
    ['率先实现人工智能与6大重点领域广泛深度融合', 'a count of fields'],
    ['推动国家层面支持的51个事项转化为重大项目', 'the noun comes after the count, not a target'],
    ['形成建成在用2个、推进建设4个、预研预制4个、引进培育1个的总体格局', 'a description'],
  ])('%s: no target (%s)', (text) => expect(read(text)).toEqual([]));

  it('the same target stated twice is one', () => {
    expect(read('建成市级概念验证中心30家。建成市级概念验证中心30家。')).toHaveLength(1);
  });

  it('outside goals and tasks only the future counts', () => {
    const past = '“十三五”期间全市R&D活动人员数从5758名增至6006名，人才总量达到12.69万人。';
    expect(findTargets(past, { futureOnly: true })).toEqual([]);
    expect(findTargets('工作目标\n- 到2027年\n- 研发投入强度达到4.2%', { futureOnly: true }).map((t) => [t.name, t.value, t.year])).toEqual([['研发投入强度', 4.2, 2027]]);
    // One name, a figure for each of the years named: a year each (the review of parser7); one year named: that year for both.
    expect(findTargets('到2025年、2030年，高新技术企业数量分别达到500家、800家。').map((t) => [t.name, t.value, t.year])).toEqual([
      ['高新技术企业数量', 500, 2025],
      ['高新技术企业数量', 800, 2030],
    ]);
    expect(findTargets('到2025年，城乡居民人均可支配收入分别增长6%、6.5%。').map((t) => [t.value, t.year])).toEqual([
      [6, 2025],
      [6.5, 2025],
    ]);
  });
});

describe('a yearly figure and an approximate one (walk9 Z2)', () => {
  const marks = (text: string) => findTargets(text, { defaultYear: 2027, scope: '全市' }).map((t) => [t.name, t.value, !!t.yearly, !!t.approx]);
  it.each([
    // Seed 000 (研发中心城市三年行动): each year's count, not a total by 2027.
    ['每年认定人才500名以上', [['人才', 500, true, false]]],
    // Seed 004: 每年 holds over the clauses that follow it until one gives a year, a total or a level.
    [
      '每年引进和培育战略科技人才等1000名以上、高技能人才8000名左右，吸引留汉来汉就业创业大学毕业生30万人以上；到2027年，研发平台突破1500家',
      [['战略科技人才等', 1000, true, false], ['高技能人才', 8000, true, true], ['留汉来汉就业创业大学毕业生', 30, true, false], ['研发平台', 1500, false, false]],
    ],
    ['力争每年培育国家、省级知识产权示范企业和优势企业20家以上', [['国家、省级知识产权示范企业和优势企业', 20, true, false]]],
    ['每年新增高新技术企业200家，高新技术企业总数达到5000家', [['高新技术企业', 200, true, false], ['高新技术企业总数', 5000, false, false]]],
    // A rate is not a count: 每年 does not make a growth of 10% a yearly figure here (its comparator says it).
    ['研发投入每年增长10%以上', [['研发投入', 10, false, false]]],
    // Seed 002: 左右 kept, the figure otherwise read as before.
    ['认定支持100名左右科技领军人才', [['科技领军人才', 100, false, true]]],
    ['数字经济核心产业增加值占比提升到11%左右', [['数字经济核心产业增加值占比', 11, false, true]]],
  ])('%s', (text, want) => expect(marks(text)).toEqual(want));
});

describe('tables of the target reader', () => {
  it.each(YEAR_PHRASES.map((p) => [p.id, p.example, p.base, p.year] as const))('year phrase %s: %s', (_id, example, base, year) => {
    expect(findTargets(example, { baseYear: base }).map((t) => t.year)).toEqual([year]);
  });
  it('"N年内" counts from "YYYY年起" (inclusive) or else from the issue year', () => {
    expect(countingBase('2012年起5年内，大力实施', 2011)).toBe(2011);
    expect(findTargets('5年内重点引进100名金融人才', { baseYear: countingBase('目标。2012年起5年内', undefined) })[0]!.year).toBe(2016);
    expect(countingBase('三年内认定市级众创空间', 2015)).toBe(2015);
  });

  it.each(Object.entries(TARGET_UNITS))('unit %s → %s', (written, stored) => {
    const [t] = findTargets(`建成实验平台7${written}`);
    expect(t?.unit).toBe(stored);
  });

  it.each(Object.entries(TARGET_VERBS))('verb %s → %s', (verb, comparator) => {
    const [t] = findTargets(`研发平台数量${verb}15家`);
    expect([t?.name, t?.comparator, t?.value]).toEqual(['研发平台数量', comparator, 15]);
  });

  it.each(TARGET_ACTIONS)('action %s: the count before and after the noun', (action) => {
    expect(read(`${action}12家示范企业`).map((t) => [t[0], t[2], t[3]])).toEqual([['示范企业', 12, '家']]);
    expect(read(`${action}示范企业12家`).map((t) => [t[0], t[2], t[3]])).toEqual([['示范企业', 12, '家']]);
  });

  it.each(COUNT_ONLY_ACTIONS)('%s: an action right before a count, part of the name elsewhere', (word) => {
    expect(read(`${word}80项关键共性技术`).map((t) => [t[0], t[2], t[3]])).toEqual([['关键共性技术', 80, '项']]);
    expect(read(`到2027年，${word}平台突破1500家`).map((t) => [t[0], t[2]])).toEqual([[`${word}平台`, 1500]]);
  });

  it('重点 stays in a name when only two characters would be left (重点企业)', () => {
    expect(read('培育人工智能科技领军企业5家、重点企业30家').map((t) => [t[0], t[2]])).toEqual([['人工智能科技领军企业', 5], ['重点企业', 30]]);
    expect(read('重点引进和培养高层次人才2000名').map((t) => t[0])).toEqual(['高层次人才']);
  });

  it.each(NOT_A_TARGET.map((n) => [n.example] as const))('never a target: %s', (example) => {
    expect(read(example).filter((t) => t[3] !== '位次')).toEqual([]);
  });

  it.each(SCOPE_RULES.map((r) => [r.example] as const))('scope of %s', (example) => {
    const [t] = findTargets(example, { scope: '全市' });
    expect(t?.scope).toBe(example.startsWith('各区') ? '各区' : '东湖高新区');
  });

  it.each(DOCUMENT_SCOPES.map((r) => [r.example, r.scope] as const))('document scope of %s is %s', (title, scope) => expect(documentScope(title)).toBe(scope));
  // Titles of district and county 分解方案 that name no place (下陆 2023, 咸安 2023, 嘉鱼 2024).
  it.each([
    ['2023年区政府工作报告重点任务分解', '全区'],
    ['区人民政府办公室关于印发2023年区政府工作报告重点任务分解的通知', '全区'],
    ['2023年区《政府工作报告》确定的重点工作任务责任分解方案', '全区'],
    ['县人民政府办公室关于印发2024年县《政府工作报告》确定的重点工作责任分解方案和2024年市《政府工作报告》涉及嘉鱼重点事项责任分解方案的通知', '全县'],
    ['2024年县《政府工作报告》确定的重点工作责任分解方案', '全县'],
    ['嘉鱼县2024年科技创新工作要点', '全县'],
    ['区域创新体系建设实施方案', '全市'],
    ['2023年区域协调发展工作要点', '全市'],
    ['县域经济高质量发展三年行动方案', '全市'],
  ])('document scope of %s is %s', (title, scope) => expect(documentScope(title)).toBe(scope));
  it('a county’s text that speaks of 全县 binds 全县', () => expect(documentScope('关于推进工业强县的实施意见', '全县规模以上工业增加值增长10%，高于全市平均水平，全县……')).toBe('全县'));
  it('a city’s document binds 全市', () => expect(documentScope('关于推进人才集聚工程的实施意见')).toBe('全市'));
  it('a text whose title names no place binds 全区 when it speaks of 全区 more than of 全市', () => {
    expect(documentScope('“双倍增”实施方案重点任务主要有哪些?', '到2027年，全区技术合同登记额超100亿元，研发投入强度超过全市平均水平，全区上市企业达到10家。')).toBe('全区');
    expect(documentScope('关于推进人才集聚工程的实施意见', '全市人才总量达到200万人，全区……全市')).toBe('全市');
  });

  it.each([
    ['五千', 5000],
    ['一百二十', 120],
    ['十五', 15],
    ['两千', 2000],
  ])('%s → %i', (cn, n) => expect(chineseNumber(cn)).toBe(n));

  it.each([
    ['超过五千亿规模', '超过5000亿规模'],
    ['6个五百亿级产业集群', '6个五百亿级产业集群'],
    ['8—10个', '8个'],
    ['1到2个', '1个'],
  ])('numbers: %s → %s', (raw, norm) => expect(normalizeNumbers(raw)).toBe(norm));

  it.each([
    ['5年内重点引进和培养高层次人才', '高层次人才'],
    ['5年内遴选评定“羊城文化名家”', '“羊城文化名家”'],
    ['法院、检察院、公安、司法行政、政府法制系统人才以及综治、维稳等高层次民主法治专门人才', '高层次民主法治专门人才'],
    ['全市大专以上学历人才资源总量', '大专以上学历人才资源总量'],
    ['在汉单位主持和参与的国际标准累计', '单位主持和参与的国际标准'],
    ['一带一路”联合实验室', '“一带一路”联合实验室'],
  ])('name %s → %s', (raw, clean) => expect(cleanName(raw)).toBe(clean));
});

describe('comparators and units of 纲要 indicators (corpus 38)', () => {
  it.each([
    ['森林覆盖率大于14.5%', '森林覆盖率', '超过', 14.5, '%'],
    ['单位产值能耗低于0.5吨', '单位产值能耗', '控制在', 0.5, '吨'],
    ['粮食综合生产能力达到17.4亿斤', '粮食综合生产能力', '达到', 17.4, '亿斤'],
    ['劳动年龄人口平均受教育年限达到12.5年', '劳动年龄人口平均受教育年限', '达到', 12.5, '年'],
  ])('%s', (text, name, comparator, value, unit) => {
    expect(findTargets(text, { defaultYear: 2025 }).map((t) => [t.name, t.comparator, t.value, t.unit])).toEqual([[name, comparator, value, unit]]);
  });
  it('a year is never a span of years', () => {
    expect(findTargets('规划期限延长到2035年', { defaultYear: 2025 })).toEqual([]);
  });
});

// 成都 2024 实施方案, 宣城高新区 2021 分解表: counts before the noun with the verb of completion after it.
describe('counts whose verb follows the noun, and shares of a group', () => {
  it.each([
    ['确保40个项目开工、40个项目投产', [['项目开工', 40, '个'], ['项目投产', 40, '个']]],
    // 崇川区 2023: 提升 (also 改造, 整治) an action right before a count.
    ['优化提升50条背街后巷交通组织', [['背街后巷交通组织', 50, '条']]],
    ['到2025年底前,全市首批100个嵌入式服务设施建设示范社区全面建成', [['嵌入式服务设施建设示范社区建成', 100, '个']]],
    ['70%以上的规上工业企业建有研发机构', [['规上工业企业建有研发机构', 70, '%']]],
    ['已有5个项目建成投产并开始运营', []],
  ])('%s', (text, want) => {
    expect(findTargets(text, { defaultYear: 2027, scope: '全市' }).map((t) => [t.name, t.value, t.unit])).toEqual(want);
  });
  it('the places named before a share are its scope', () => {
    const [t] = findTargets('确保四川天府新区、成都高新区、锦江区50%的城市社区建成完备的社区嵌入式服务综合体(社区服务中心)', { defaultYear: 2027, scope: '全市' });
    expect([t!.scope, t!.value, t!.name]).toEqual(['四川天府新区、成都高新区、锦江区', 50, '城市社区建成完备的社区嵌入式服务综合体']);
  });
  it('社区, 园区 in a city’s title name no district (the scope stays the city’s)', () => {
    expect(documentScope('成都市城市社区嵌入式服务设施建设工程实施方案', '全市')).toBe('全市');
    expect(documentScope('重庆市大渡口区“十四五”科技创新规划')).toBe('全区');
  });
});


describe('a goals table copied one cell a line (a .docx table through mammoth: the name in one cell, the figure in the next)', () => {
  // 武汉 2025 2号建议案 (corpus 115) and 1号议案 (corpus 22) goals, as an office types them into a 目标 | 目标值 table.
  const cells = ['二、工作目标', '目标', '目标值', '开工亿元以上产业项目', '480个', '大健康', '6600亿元', '北斗', '800亿元', '重点成果项目库入库成果', '1000项以上'].join('\n');
  const named = (bareFigures: boolean) => findTargets(cells, { defaultYear: 2025, scope: '全市', bareFigures }).map((t) => [t.name, t.comparator, t.value, t.unit, t.year]);

  it('in a goal section every name cell with a figure cell after it is a target, however short the name', () =>
    expect(named(true)).toEqual([
      ['开工亿元以上产业项目', '达到', 480, '个', 2025],
      ['大健康', '达到', 6600, '亿元', 2025],
      ['北斗', '达到', 800, '亿元', 2025],
      ['重点成果项目库入库成果', '以上', 1000, '项', 2025],
    ]));

  it('outside goal paragraphs a figure alone on its line stays no target', () => expect(named(false)).toEqual([]));

  it('a sentence before a figure line is no name cell', () =>
    expect(findTargets('加快建设创新平台，推动成果转化。\n480个', { defaultYear: 2025, bareFigures: true })).toEqual([]));
});
