import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentTaskKey, parsePolicyText, sharedKeyPrefix } from './parse';
import { parseClusterAssignments, parseDistrictPositioning } from './clusters';
import { canonicalUnit, parseUnitsText, splitUnits } from './units';
import { findTargets } from './targets';

const dir = join(import.meta.dirname, '../../../seeds');
const seed = (prefix: string) => readFileSync(join(dir, readdirSync(dir).find((n) => n.startsWith(prefix) && n.endsWith('.txt'))!), 'utf8');

describe('parsePolicyText on the seed documents', () => {
  it.each([
    ['000', 20, 5, '（一）', '（五）'],
    ['002', 22, 9, '（一）', '（九）'],
    ['004', 15, 5, '（一）', '（五）'],
  ])('%s: %i numbered tasks in %i sections', (prefix, taskCount, sectionCount, first, last) => {
    const r = parsePolicyText(seed(prefix), { keyPrefix: 'K' });
    expect(r.tasks).toHaveLength(taskCount);
    expect(r.tasks.map((t) => t.number)).toEqual(Array.from({ length: taskCount }, (_, i) => String(i + 1)));
    const used = [...new Set(r.tasks.map((t) => t.sectionId))].map((id) => r.sections.find((s) => s.id === id)!);
    expect(used).toHaveLength(sectionCount);
    expect(used.every((s) => s.level === 2)).toBe(true);
    expect(used[0]!.label).toBe(first);
    expect(used[used.length - 1]!.label).toBe(last);
    expect(r.tasks.every((t) => t.leadUnits.length > 0 && t.responsibleUnits.length > 0)).toBe(true);
  });

  it.each([
    // prefix, number, title, lead units, responsible units
    ['002', '1', '健全长效推进机制', ['市科技创新局'], ['市推进科创中心建设领导小组成员单位']],
    ['002', '4', '打造高水平实验室建设集群', ['市科技创新局'], ['市发改委', '市教育局', '市财政局', '市自然资源和规划局', '各区人民政府']],
    ['002', '7', '大力培育创新产业集群', ['市经信局', '市发改委', '市科技创新局'], ['市委网信办', '各区人民政府']],
    // "—01—" page footer inside 市科技局 in the PDF text
    ['002', '20', '推进“双创”载体建设量质齐升', ['市科技创新局'], ['市发改委', '市经信局', '市自然资源和规划局', '各区人民政府']],
    ['002', '21', '健全科技金融服务体系', ['市地方金融局', '人民银行武汉分行营管部'], ['市发改委', '市科技创新局', '市财政局', '武汉投控集团', '各区人民政府']],
    ['002', '22', '打造一流创新创业生态', ['市科技创新局'], ['市委宣传部', '市经信局', '市教育局', '市人社局', '市科协', '团市委', '各区人民政府']],
    ['004', '1', '推进特色学科建设', ['市教育局', '市发改委', '市科技创新局', '市经信局', '市财政局', '市人社局'], ['市属各高校']],
    ['004', '2', '推进产教人才流动', ['市人才工作局'], ['市教育局', '市经信局', '市人社局', '市科技创新局', '市财政局', '市属各高校', '各区人民政府']],
    ['004', '10', '加快优化创新空间布局', ['市经信局', '市科技创新局', '市发改委', '市自然资源和城乡建设局', '市生态环境局', '市住房和城市更新局', '市教育局'], ['有关区人民政府']],
    ['004', '12', '促进科技产业金融良性循环', ['市委金融办'], ['市财政局', '市科技创新局', '武汉投控集团', '武汉金控集团']],
    ['000', '15', '打造研发产业集群', ['市科技创新局'], ['各区人民政府']],
    ['000', '1', '引聚国际研发机构', ['市科技创新局'], ['各区人民政府']],
  ])('%s task %s: %s', (prefix, number, title, lead, responsible) => {
    const t = parsePolicyText(seed(prefix)).tasks.find((x) => x.number === number)!;
    expect(t.title).toBe(title);
    expect(t.leadUnits).toEqual(lead);
    expect(t.responsibleUnits).toEqual(responsible);
    expect(t.text).not.toMatch(/—01—|抄送/u);
  });

  it('002: metadata, the 抄送 block and "11. 5%" are handled', () => {
    const r = parsePolicyText(seed('002'));
    expect(r.document).toMatchObject({
      title: '2023年武汉市科技创新工作要点',
      docNumber: '武政办〔2023〕4号',
      issuer: '武汉市人民政府办公厅',
      issueDate: '2023-01-28',
      planStartYear: 2023,
      planEndYear: 2023,
      kind: 'work-points',
    });
    expect(r.issues).toEqual([]);
    expect(r.tasks.some((t) => /抄送|纪委/u.test(t.text))).toBe(false);
    expect(r.sections.find((s) => s.title === '加强组织领导')).toBeDefined();
  });

  it('000: metadata and the work targets for 2027', () => {
    const r = parsePolicyText(seed('000'));
    expect(r.document).toMatchObject({
      title: '武汉市建设国际研发中心城市三年行动方案（2025—2027年）',
      issuer: '武汉市人民政府',
      issueDate: '2025-11-25',
      planStartYear: 2025,
      planEndYear: 2027,
      kind: 'action-plan',
    });
    const goals = r.targets.filter((t) => t.kind === 'goal').map((t) => [t.name, t.comparator, t.value, t.unit, t.year]);
    expect(goals).toEqual(
      expect.arrayContaining([
        ['全社会研发投入强度', '达到', 4.2, '%', 2027],
        ['研发平台', '突破', 1500, '家', 2027],
        ['研发人员总数', '达到', 30, '万人', 2027],
        ['研发型企业', '超过', 300, '家', 2027],
        ['每万人口高价值发明专利拥有量', '超过', 50, '件', 2027],
        ['海外专利申请量', '超过', 2500, '件', 2027],
      ]),
    );
    const t14 = r.targets.filter((t) => t.taskKey?.endsWith('-14')).map((t) => [t.name, t.comparator, t.value, t.unit]);
    expect(t14).toEqual(expect.arrayContaining([['技术经理人', '突破', 5000, '人']]));
  });

  it('002: goal targets with spaces inside numbers', () => {
    const goals = parsePolicyText(seed('002')).targets.filter((t) => t.kind === 'goal');
    expect(goals.map((t) => [t.name, t.comparator, t.value, t.unit])).toEqual(
      expect.arrayContaining([
        ['高新技术企业', '突破', 13000, '家'],
        ['技术合同成交额', '突破', 1450, '亿元'],
        ['高新技术产业增加值', '增长', 11.5, '%'],
      ]),
    );
  });

  it('003: the 10-row indicator table, split by a page break, with 2020 baselines and 2025 targets', () => {
    const r = parsePolicyText(seed('003'));
    expect(r.indicatorTable.map((x) => [x.index, x.name, x.unit, x.baseline, x.target])).toEqual([
      [1, '全社会研发经费投入增长', '%', 10.7, 14],
      [2, '高新技术产业增加值占GDP比重', '%', 25.8, 28],
      [3, '高新技术企业数量', '家', 6259, 12000],
      [4, '每万人口高价值发明专利拥有量', '件', 20.5, 28],
      [5, '湖北实验室', '个', 0, 7],
      [6, '国家级创新平台数量', '个', 138, 180],
      [7, '国家级创新创业孵化载体数量', '个', 115, 200],
      [8, '技术合同成交额', '亿元', 942.3, 1300],
      [9, '重大科技基础设施（含在建）', '个', 2, 5],
      [10, '公民具备科学素质比例', '%', 16.1, 20.3],
    ]);
    expect(r.indicatorTable.every((x) => x.baselineYear === 2020 && x.targetYear === 2025)).toBe(true);
    expect(r.targets.filter((t) => t.kind === 'table')).toHaveLength(10);
  });

  it('003: 54 parts ending with their own units become tasks', () => {
    const r = parsePolicyText(seed('003'), { keyPrefix: 'SSWGH' });
    expect(r.tasks).toHaveLength(54);
    expect(r.document).toMatchObject({ title: '武汉市科技创新发展“十四五”规划', planStartYear: 2021, planEndYear: 2025, kind: 'five-year-plan' });
    expect(r.document.docNumber).toBeUndefined();
    expect(r.tasks.every((t) => t.unitsText && t.leadUnits.length && t.responsibleUnits.length)).toBe(true);
    // The parenthesis split by four table rows (rows 7–10) is whole again.
    const lab = r.tasks.find((t) => t.title === '高标准建设湖北实验室')!;
    expect(lab.unitsText).toBe('（责任单位：市科技局、市人才工作局、市发改委、市教育局、市财政局、市人社局，各有关区人民政府）');
    expect(lab.responsibleUnits).toEqual(['有关区人民政府']);
    expect(lab.text).not.toMatch(/技术合同成交额（亿元）/u);
    // Once （牵头单位：…）
    expect(r.tasks.filter((t) => t.unitsText!.startsWith('（牵头单位')).map((t) => t.title)).toEqual(['创新人才评价激励机制']);
    expect(r.tasks[0]).toMatchObject({ key: 'SSWGH-01', title: '科技引领能力迈上新台阶', leadUnits: ['市科技创新局', '市发改委', '市经信局'] });
    const corridor = r.tasks.find((t) => t.title === '推进光谷科创大走廊区域一体化发展')!;
    expect(corridor.responsibleUnits).toEqual(['东湖高新区管委会', '洪山区人民政府', '武昌区人民政府', '江夏区人民政府']);
    expect(r.issues).toEqual([]);
  });

  it('004: no title in the text is an issue, not an exception', () => {
    const r = parsePolicyText(seed('004'));
    expect(r.document.title).toBe('');
    expect(r.issues.map((i) => i.message)).toEqual([expect.stringContaining('没有找到文件标题')]);
    expect(r.document.issueDate).toBe('2024-05-29');
    expect(r.document.planEndYear).toBe(2026);
  });

  it('task keys are stable: <prefix>-<two-digit number>', () => {
    const a = parsePolicyText(seed('002'), { keyPrefix: '2023GZYD' }).tasks.map((t) => t.key);
    const b = parsePolicyText(seed('002'), { keyPrefix: '2023GZYD' }).tasks.map((t) => t.key);
    expect(a).toEqual(b);
    expect(a[6]).toBe('2023GZYD-07');
  });

  it('bad input: empty text, prose without tasks, task numbers that skip', () => {
    expect(parsePolicyText('').issues[0]!.message).toContain('文本是空的');
    expect(parsePolicyText('这是一段普通文字。\n没有任务。').issues.map((i) => i.message).join()).toContain('没有找到编号任务');
    const skip = parsePolicyText('一、任务\n1.甲任务。内容。（责任单位：市科技局）\n2.乙任务。内容。（责任单位：市科创局）\n3.丙任务。（责任单位：市教育局）\n5.丁任务。（责任单位：市教育局）');
    expect(skip.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '5']);
    expect(skip.issues.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringContaining('应为第4项，这里是第5项')]));
  });
});

describe('units', () => {
  it.each([
    ['市科技局', '市科技创新局'],
    ['市科创局', '市科技创新局'],
    ['市 科技局', '市科技创新局'],
    ['各区人民政府〈含开发区、长江新区管委会，下同〉', '各区人民政府'],
    ['各区人民政府<含开发区管委会，下同>', '各区人民政府'],
    ['各有关区人民政府', '有关区人民政府'],
    ['东湖高新区管委会', '东湖高新区管委会'],
  ])('%s → %s', (raw, canonical) => expect(canonicalUnit(raw)).toBe(canonical));

  it('splits on 、，； but not inside 〈…〉', () => {
    expect(splitUnits('市科技局、市发改委，各区人民政府〈含开发区、长江新区管委会，下同〉；市科协')).toEqual(['市科技创新局', '市发改委', '各区人民政府', '市科协']);
  });

  it('places listed before the one that names the body share it (咸宁 2024); a zone does not', () => {
    expect(splitUnits('市长江综合门户港及公铁水联运项目建设领导小组成员单位,咸安区、嘉鱼县、通山县人民政府,咸宁高新区管委会')).toEqual([
      '市长江综合门户港及公铁水联运项目建设领导小组成员单位',
      '咸安区人民政府',
      '嘉鱼县人民政府',
      '通山县人民政府',
      '咸宁高新区管委会',
    ]);
    expect(splitUnits('洪山、武昌、江夏区人民政府')).toEqual(['洪山区人民政府', '武昌区人民政府', '江夏区人民政府']);
    // 泰州 2019: departments listed after one that names its level share that level; another level's, a place's or a class's keep theirs.
    expect(splitUnits('市行政审批局、住建局、司法局,各市(区)人民政府,医药高新区管委会')).toEqual(['市行政审批局', '市住建局', '市司法局', '各市(区)人民政府', '医药高新区管委会']);
    expect(splitUnits('区发改局、各街道办事处')).toEqual(['区发改局', '各街道办事处']);
    expect(splitUnits('东湖高新区、江夏区人民政府')).toEqual(['东湖高新区', '江夏区人民政府']);
    // 襄阳都市圈 2023 重点工作清单: the body is a department.
    expect(splitUnits('襄阳市、十堰市、随州市、神农架林区发改委')).toEqual(['襄阳市发改委', '十堰市发改委', '随州市发改委', '神农架林区发改委']);
    expect(splitUnits('江夏区、东湖高新区管委会')).toEqual(['江夏区', '东湖高新区管委会']);
  });

  it('keeps lead and responsible apart', () => {
    expect(parseUnitsText('（牵头单位：市科技局；责任单位：市发改委、市科创局）')).toEqual({ leadUnits: ['市科技创新局'], responsibleUnits: ['市发改委', '市科技创新局'], leadInferred: false });
    expect(parseUnitsText('（责任单位：市委金融办，市财政局、市科技创新局，武汉投控集团）')).toEqual({ leadUnits: ['市委金融办'], responsibleUnits: ['市财政局', '市科技创新局', '武汉投控集团'], leadInferred: true });
  });
});

describe('targets', () => {
  it.each([
    ['到2027年，研发平台突破1500家', ['研发平台', '突破', 1500, '家', 2027]],
    ['到2026年，全市人才资源总量达到430万人。', ['人才资源总量', '达到', 430, '万人', 2026]],
    ['到2027年，新增外资企业1000家', ['外资企业', '新增', 1000, '家', 2027]],
  ])('%s', (text, expected) => {
    const [t] = findTargets(text);
    expect([t!.name, t!.comparator, t!.value, t!.unit, t!.year]).toEqual(expected);
  });
});

describe('clusters from the seeds', () => {
  it('001: 8 districts and zones with their 10 cluster assignments', () => {
    const a = parseClusterAssignments(seed('001'));
    expect(a.map((x) => [x.district, x.cluster])).toEqual([
      ['东湖新技术开发区', '生物医药'],
      ['东湖新技术开发区', '光电子信息'],
      ['武汉经济技术开发区', '新能源与智能网联汽车'],
      ['东西湖区', '网络安全'],
      ['汉阳区', '工程设计建造'],
      ['武昌区', '北斗应用'],
      ['青山区', '绿色低碳'],
      ['洪山区', '光通信设备及光电子器件'],
      ['洪山区', '生物种业'],
      ['江夏区', '汽车零部件'],
    ]);
    expect(new Set(a.map((x) => x.district)).size).toBe(8);
  });

  it('003: 专栏 6-2 gives every district its positioning', () => {
    const p = parseDistrictPositioning(seed('003'));
    expect(p.find((x) => x.district === '汉阳区')).toEqual({ district: '汉阳区', category: '中心城区', text: '汉阳区、青山区着力打造新技术赋能产业转型升级高质量发展区。' });
    expect(p.find((x) => x.district === '东西湖区')!.text).toContain('临空港经济技术开发区');
    expect(p.find((x) => x.district === '新洲区')!.text).toBe('新洲区打造航天产业技术创新和示范应用区。');
    expect(p.filter((x) => x.category === '新城区').map((x) => x.district)).toEqual(['蔡甸区', '江夏区', '黄陂区', '新洲区']);
  });
});

describe('the plan years of a span in the title', () => {
  it.each([
    ['武汉市创新发展三年行动方案(2022——2024年)', [2022, 2024]],
    ['六盘水市新型基础设施建设三年行动方案(2022—2024年)', [2022, 2024]],
    ['银川市推进创新驱动发展战略行动计划(2022-2025年)', [2022, 2025]],
  ])('%s', (title, years) => {
    const d = parsePolicyText(`${title}\n一、主要目标\n到2024年，建成技术创新中心10个。`).document;
    expect([d.planStartYear, d.planEndYear]).toEqual(years);
  });
});

describe('the plan years of a text without a span in its title', () => {
  it.each([
    ['"2012年起5年内": from 2012 to 2016', '关于推进人才集聚工程的实施意见\n一、总体目标\n1.目标。2012年起5年内，重点引进和培养高层次人才达到2000名左右。', [2012, 2016]],
    ['no "YYYY年起": the year of issue', '关于推进人才集聚的实施意见\n2013年3月1日\n一、总体目标\n到2016年，引进人才达到2000名。', [2013, 2016]],
  ])('%s', (_case, text, years) => {
    const d = parsePolicyText(text).document;
    expect([d.planStartYear, d.planEndYear]).toEqual(years);
  });
});

// Lines cut from real documents the parser had not seen (test/fixtures/policy/corpus 38–42).
describe('layouts of 责任分解方案, 任务分工方案 and 责任清单', () => {
  it('a goal item that is its heading alone, its 责任单位 on the line below, is a task and a target (蔡甸区 2023)', () => {
    const r = parsePolicyText('2023年区《政府工作报告》确定的主要目标任务责任分解方案\n一、2023年全区经济社会发展的主要预期目标\n(一)地区生产总值增长7%以上\n责任单位:区发展和改革局\n(二)规上工业增加值增长12%以上\n责任单位:区科技和经信局\n(三)工业投资增长12%以上\n责任单位:区');
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.responsibleUnits])).toEqual([
      ['（一）', '地区生产总值增长7%以上', ['区发展和改革局'], ['区发展和改革局']],
      ['（二）', '规上工业增加值增长12%以上', ['区科技和经信局'], ['区科技和经信局']],
      // A unit name cut where the copy ends (“区”) names no unit.
      ['（三）', '工业投资增长12%以上', [], []],
    ]);
    expect(r.targets.map((t) => [t.name, t.value, t.unit, t.year, t.scope])).toEqual([
      ['地区生产总值', 7, '%', 2023, '全区'],
      ['规上工业增加值', 12, '%', 2023, '全区'],
      ['工业投资', 12, '%', 2023, '全区'],
    ]);
  });

  it('a 文号 in 【】 after a spaced 文  号 label on a metadata line (武昌区 2019, corpus 127)', () => {
    const r = parsePolicyText('头部\n名  称: 区人民政府办公室关于印发2019年省、市、区 《政府工作报告》确定的主要目标任务 办理责任分工的通知 发布机构: 区政府\n文  号: 武昌政办【2019】3号 索 引 号: 737546075/2020-837611\n公开日期: 2019年12月27日 公开方式: 有效\n各街道办事处,区人民政府各部门、各直属机构:');
    expect(r.document.docNumber).toBe('武昌政办〔2019〕3号');
  });

  it('a title whose kind stands alone on the second line (濮阳 2019 工作要点, corpus 129)', () => {
    const r = parsePolicyText('2019年第四季度科技宣传及科技信息\n工作要点\n2019年第四季度,全市科技宣传及信息工作要紧紧围绕市委、市政府的中心工作。重点有以下方面:\n1. 开展“不忘初心、牢记使命”专题教育的做法及成效。');
    expect(r.document.title).toBe('2019年第四季度科技宣传及科技信息工作要点');
  });

  it('a notice whose plan runs on after its date line, the line breaks lost (湖北 2022, corpus 125): the plan is the document', () => {
    const r = parsePolicyText('省人民政府办公厅关于印发 长江中游城市群发展“十四五”实施方案 湖北省主要目标和任务分工方案的通知\n各市、州、县人民政府,省政府各部门:《长江中游城市群发展“十四五”实施方案湖北省主要目标和任务分工方案》已经省人民政府同意,现印发给你们,请认真贯彻落实。2022年4月23日长江中游城市群发展“十四五”实施方案湖北省主要目标和任务分工方案长江中游城市群是我国区域发展的重要增长极。');
    expect(r.document.title).toBe('长江中游城市群发展“十四五”实施方案湖北省主要目标和任务分工方案');
  });

  it('a task table copied one cell a line, each cell ending in “|”, with a person column (霍山 开发区 2025)', () => {
    const r = parsePolicyText('2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n1 |\n全力推进开发区“空间再造”,力争全年盘活僵尸企业10家,盘活存量土地400亩。 |\n马振明 |\n改革办 |\n全年 |\n2 |\n持续提升园区承载能力,加快推进污水管 网提升项目。 |\n张云峰 |\n规划建设局 |\n全年 |');
    expect(r.document.title).toBe('2025年开发区重点工作及责任清单');
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.deadlineText])).toEqual([
      ['1', '全力推进开发区“空间再造”，力争全年盘活僵尸企业10家，盘活存量土地400亩', ['改革办'], '全年'],
      ['2', '持续提升园区承载能力，加快推进污水管网提升项目', ['规划建设局'], '全年'],
    ]);
    expect(r.targets.map((t) => [t.name, t.value, t.unit, t.scope])).toEqual([
      ['僵尸企业', 10, '家', '全区'],
      ['存量土地', 400, '亩', '全区'],
    ]);
  });

  it('metadata labels without a colon: the 文号 after its label; the plan’s heading as written (蔡甸区 2023)', () => {
    const r = parsePolicyText(
      '区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n索 引 号 MB1534522/2023-05475 发文日期 2023-01-03\n发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号\n2023年《区〈政府工作报告〉确定的主要目标任务责任分解方案》已报经区人民政府同意,现印发给你们。\n2023年区《政府工作报告》确定的主要目标任务责任分解方案\n一、2023年全区经济社会发展的主要预期目标',
    ).document;
    expect([r.docNumber, r.title]).toEqual(['蔡政办〔2023〕1号', '2023年区《政府工作报告》确定的主要目标任务责任分解方案']);
  });

  it('the plan’s title split over two lines is the document’s, not the cover notice’s; 第十四个五年规划 is 十四五 (武汉市 2022)', () => {
    const r = parsePolicyText(
      '市人民政府办公厅关于印发武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案的通知\n《武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案》已经市人民政府同意,现印发给你们。\n2022年3月3日\n武汉市国民经济和社会发展第十四个五年规划和\n2035年远景目标纲要任务分工方案\n一、主要指标分工\n1.高新技术企业数达到15000家。(牵头单位:市科技局;责任单位:各区人民政府)',
    );
    expect(r.document.title).toBe('武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案');
    expect([r.document.planStartYear, r.document.planEndYear]).toEqual([2021, 2025]);
    expect(r.targets.map((t) => [t.value, t.unit, t.year])).toEqual([[15000, '家', 2025]]);
  });

  it('a name holding 5G; a sentence opening with its year (六盘水 2022)', () => {
    const r = parsePolicyText('六盘水市新型基础设施建设三年行动方案(2022—2024年)\n一、主要目标\n2022年,全市新建5G基站2600个以上,新建市级及以上创新平台15个以上。到2024年,全市累计建成5G基站1万个。');
    expect(r.targets.map((t) => [t.name, t.value, t.unit, t.year])).toEqual([
      ['5G基站', 2600, '个', 2022],
      ['市级及以上创新平台', 15, '个', 2022],
      ['5G基站', 1, '万个', 2024],
    ]);
  });
});

// Lines cut from more documents the parser had not seen (test/fixtures/policy/corpus 43–48).
describe('layouts of 任务分解一览表, 重点工作分工方案 and their cover notices', () => {
  it('a task table with “|” alone between its cells, a person and a 监督方式 column, its last row cut (宣城高新区 2021)', () => {
    const cells = ['序号', '重点工作任务分解', '责任领导', '责任部门', '完成期限', '监督方式', '1', '主动对接“一地六县”,申建综合保税区。', '易承志', '经济发展局', '持续推进', '区委、区政府', '2', '推动宁宣杭高速等跨区域通道互通。', '胡德才', '建设管理局、高新投公司等各部门', '持续推进', '区委、区政府', '3', '实施创新主体培育工程,新认定高新技术企业24家以上'];
    const r = parsePolicyText(`2021年度宣城高新区重点工作任务分解一览表\n${cells.join('\n|\n')}`);
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.deadlineText])).toEqual([
      ['1', '主动对接“一地六县”，申建综合保税区', ['经济发展局'], '持续推进'],
      ['2', '推动宁宣杭高速等跨区域通道互通', ['建设管理局', '高新投公司'], '持续推进'],
      ['3', '实施创新主体培育工程，新认定高新技术企业24家以上', [], undefined],
    ]);
    expect(r.targets.map((t) => [t.value, t.unit, t.scope])).toEqual([[24, '家', '全区']]);
    expect(Object.keys(r.lineUse).length).toBe(cells.length * 2);
  });

  it('a cover notice’s 一、二、三、 are no tasks; a goal item with its own 主要责任单位 line is one; 发文序号 is the 文号 (大兴区 2023)', () => {
    const r = parsePolicyText(
      [
        '• 发文序号:京兴政办发〔2023〕1 号',
        '关于印发《2023年区政府工作报告重点工作分工方案》的通知',
        '《2023年区政府工作报告重点工作分工方案》已经区政府常务会审议通过,现印发给你们,并就有关事项通知如下:',
        '一、提高政治站位,强化担当意识。各部门、各单位要将落实好区政府工作报告重点工作作为一项重要政治任务。',
        '二、狠抓工作落实,确保任务完成。各部门、各单位要将121项区政府重点工作进行分解。',
        '2023年区政府工作报告重点工作分工方案(共计121项)',
        '一、全区经济社会发展主要预期目标',
        '1.地区生产总值比上年增长4.5%以上。',
        '牵头领导:常务副区长',
        '主要责任单位:区发展改革委',
      ].join('\n'),
    );
    expect(r.document.docNumber).toBe('京兴政办发〔2023〕1号');
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.text.includes('常务副区长')])).toEqual([['1', '地区生产总值比上年增长4.5%以上', ['区发展改革委'], false]]);
    expect(r.targets.map((t) => [t.value, t.unit, t.kind])).toEqual([[4.5, '%', 'task']]);
  });

  it('a 文号 heading the notice’s title line; a year after the place in the title; 建设思路 is no task section', () => {
    expect(parsePolicyText('阳政办〔2019〕1号—区人民政府办公室关于印发2019年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n各街办事处:').document.docNumber).toBe('阳政办〔2019〕1号');
    const xz = parsePolicyText('宣州区 2023 年科技创新工作实施方案\n二、目标任务\n全年认定高新技术企业 50 家以上。');
    expect([xz.document.planStartYear, xz.document.planEndYear, xz.targets.map((t) => t.year)]).toEqual([2023, 2023, [2023]]);
    const hs = parsePolicyText('洪山区关于实施“山水星光”计划加快建设环大学创新发展带的方案(2025-2027年)\n一、建设思路\n把环大学创新发展带建设作为洪山科技创新工作的首要任务，打造形态各异的环大学创新发展带。');
    expect(hs.tasks).toEqual([]);
  });
});

describe('goal items of a 责任分解方案 with their units’ trailer on their own line (咸安 2023)', () => {
  const head = ['2023年区《政府工作报告》确定的重点工作任务责任分解方案', '一、2023年全区经济社会发展主要预期目标'];
  it.each([
    [
      'the leader first, then the lead unit',
      ['1.地区生产总值增长8%以上。(责任领导:杜新国;牵头单位:区发改局)', '2.固定资产投资增长16%以上。(责任领导:杜新国;牵头单位:区发改局)'],
      [['1', '地区生产总值增长8%以上', ['区发改局']], ['2', '固定资产投资增长16%以上', ['区发改局']]],
      [['task', 8], ['task', 16]],
    ],
    [
      'the lead unit alone',
      // (not the copy's last line: the last item after assigned ones is one whose units the copy cut)
      ['1.地区生产总值增长8%以上。(牵头单位:区发改局)', '2.固定资产投资增长16%以上。', '二、重点工作'],
      [['1', '地区生产总值增长8%以上', ['区发改局']]],
      [['goal', 16], ['task', 8]],
    ],
    ['no units: goals, no tasks', ['1.地区生产总值增长8%以上。', '2.固定资产投资增长16%以上。'], [], [['goal', 8], ['goal', 16]]],
  ])('%s', (_, items, tasks, targets) => {
    const r = parsePolicyText([...head, ...items].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual(tasks);
    expect(r.targets.map((t) => [t.kind, t.value])).toEqual(targets);
  });
});

describe('a notice whose plan is its one attachment, named but not quoted (郧阳 2023)', () => {
  const notice = ['郧阳区人民政府关于分解落实2023年区政府工作目标任务的通知', '各乡镇人民政府,区政府各部门:', '经研究决定,现将2023年区政府工作目标任务分解下达给你们,请认真组织落实。'];
  it.each([
    ['the attachment’s heading is the title', [...notice, '附件:2023年区政府工作目标任务落实责任分解表', '2023年1月30日', '附件', '2023年区政府工作目标任务落实责任分解表'], '2023年区政府工作目标任务落实责任分解表', 2023],
    // The notice hands out the year's targets (分解落实): a plan for 2023 (ONE_YEAR_PLANS).
    ['the attachment is named but not in the text: the notice', [...notice, '附件:2023年区政府工作目标任务落实责任分解表', '2023年1月30日'], notice[0], 2023],
    ['an attachment that is no plan (名单): the notice', [...notice, '附件：市级有关单位名单', '附件', '市级有关单位名单'], notice[0], 2023],
  ])('%s', (_, lines, title, year) => {
    const d = parsePolicyText(lines.join('\n')).document;
    expect([d.title, d.planEndYear]).toEqual([title, year]);
  });
});

describe('the scope of a plan whose title names no place, issued by a district’s or county’s notice (下陆 2023, 嘉鱼 2024)', () => {
  it.each([
    ['区人民政府办公室关于印发2023年重点任务分解的通知', '全区'],
    ['县人民政府办公室关于印发2024年重点工作责任分解方案的通知', '全县'],
    ['市人民政府办公厅关于印发2023年重点任务分解的通知', '全市'],
  ])('%s: %s', (notice, scope) => {
    const plan = notice.replace(/^.*关于印发|的通知$/gu, '');
    const r = parsePolicyText([notice, `《${plan}》已经研究同意，现印发给你们，请认真抓好落实。`, plan, '一、主要预期目标', '地区生产总值增长5%左右。'].join('\n'));
    expect([r.document.title, r.targets.map((t) => t.scope)]).toEqual([plan, [scope]]);
  });
});

describe('the unclosed-bracket issue is raised for bracketed trailers only', () => {
  it.each([
    ['units on lines of their own (立山 2023)', ['立山区政府2023年重点工作任务分解和责任分工方案', '一、主要预期目标', '1.努力实现地区生产总值增长6.2%左右。', '牵头单位:区发改局', '责任单位:立山经济开发区、全区经济运行各专班'], false],
    ['a task table (谯城区 2023)', ['分解表', '序号 重点工作任务 主要责任单位 协同配合单位 完成期限', '33 新培育科技型中小企业50家以上。 区科技局 区经信局 2023年12月底'], false],
    ['a trailer cut by the end of the copy', ['2023年工作要点', '1.加快建设概念验证中心。（牵头单位：市科技局；责任单位：市发改委、市财政局'], true],
  ])('%s', (_, lines, raised) => {
    const r = parsePolicyText(lines.join('\n'));
    expect(r.tasks).toHaveLength(1);
    expect(r.issues.some((i) => /括号没有闭合/u.test(i.message))).toBe(raised);
  });
});

describe('a document’s short title (printed in every report: never cut with “…”)', () => {
  const short = (title: string) => parsePolicyText(`${title}\n一、重点任务\n1.建设创新平台。（牵头单位：区科技局）\n`, { source: 't', now: '2026-01-01T00:00:00.000Z', origin: 'import', keyPrefix: 'T' }).document.shortTitle;
  it.each([
    ['立山区政府2023年重点工作任务分解和责任分工方案', '2023年重点工作任务分解和责任分工方案'],
    ['洪山区关于实施“山水星光”计划加快建设环大学创新发展带的方案', '实施“山水星光”计划加快建设环大学创新发展带的方案'],
    ['武汉市创新发展三年行动方案（2022——2024年）', '创新发展三年行动方案'],
    ['宣州区2023年科技创新工作实施方案', '宣州区2023年科技创新工作实施方案'],
  ])('%s → %s', (title, want) => {
    const s = short(title);
    expect(s).toBe(want);
    expect(s).not.toContain('…');
  });
});

// Lines cut from documents 55–61 of the corpus (seventh probe).
describe('blocks of 牵头负责领导 / 牵头责任单位 / 协同责任单位 under the year’s goals (滁州 2020)', () => {
  const head = ['滁州市人民政府关于2020年市政府重点工作及责任分解的通知', '一、确保完成全年主要预期目标'];
  it('each goal item with its block is a task; the last, cut after its leader, too', () => {
    const r = parsePolicyText(
      [
        ...head,
        '1. 地区生产总值增长8%以上。',
        '牵头负责领导:金力。',
        '牵头责任单位:市发展改革委。',
        '协同责任单位:市经信局、市商务局、中新苏滁高新区管委会等,各县、市、区政府。',
        '4. 社会消费品零售总额增长10.5%以上。',
        '牵头负责领导:姚志。',
        '牵头责任',
      ].join('\n'),
    );
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.responsibleUnits, t.text.includes('金力')])).toEqual([
      ['1', '地区生产总值增长8%以上', ['市发展改革委'], ['市经信局', '市商务局', '中新苏滁高新区管委会', '各县、市、区政府'], false],
      ['4', '社会消费品零售总额增长10.5%以上', [], [], false],
    ]);
  });
});


describe('titles and 文号 of documents 55–61', () => {
  it.each([
    // 许昌 2020: spaces and square brackets around the year; a pasted page header with another 文号 further down.
    ['许政 [2020] 20号\n各县(市、区)人民政府:\n现将《政府工作报告》提出的2020年重点工作任务予以分解。对有明确时间节点的重许昌市人民政府文件许政〔2020〕21号大工作实行专项督查。', '许政〔2020〕20号', ''],
    // 滁州 2020: the site's column label in 【】 before the notice's title.
    ['【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知\n各县、市、区人民政府:', undefined, '滁州市人民政府关于2020年市政府重点工作及责任分解的通知'],
    // 襄阳 2024: a draft's mark closes the title.
    ['关于襄阳加快打造汉江流域先进制造业基地的实施意见(征求意见稿)\n为贯彻落实市委工作要求,制定本实施意见。', undefined, '关于襄阳加快打造汉江流域先进制造业基地的实施意见'],
  ])('%s', (text, docNumber, title) => {
    const d = parsePolicyText(text).document;
    expect([d.docNumber, d.title]).toEqual([docNumber, title]);
  });

  it('a 政策问答 heading keeps its 【】 (the question as written)', () => {
    expect(parsePolicyText('【科技局】双倍增行动计划的工作目标是什么?\n【科技局】答:').document.title).toBe('【科技局】双倍增行动计划的工作目标是什么?');
  });

  it('现将《X》印发 issues X; 现将《X》提出的… hands out X’s tasks (X is not the title)', () => {
    expect(parsePolicyText('各区人民政府:\n现将《2020年重点工作任务分解方案》印发给你们。').document.title).toBe('2020年重点工作任务分解方案');
    expect(parsePolicyText('各区人民政府:\n现将《政府工作报告》确定的重点工作任务予以分解。').document.title).toBe('');
  });

  it('the year of a one-year 责任分解 named only inside the notice’s title', () => {
    const r = parsePolicyText('【市政府重点工作及责任分解】滁州市人民政府关于2020年市政府重点工作及责任分解的通知\n一、确保完成全年主要预期目标\n1. 地区生产总值增长8%以上。\n牵头责任单位:市发展改革委。');
    expect(r.targets.map((t) => [t.value, t.year, t.scope])).toEqual([[8, 2020, '全市']]);
  });
});

describe('a 纲要 任务分工方案’s indicators handed out to units (武汉经开区 2022, 武汉市 2022)', () => {
  const head = ['武汉经开区国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案', '一、主要指标分工', '(一)约束性指标'];
  it('each indicator with its units is a task; its bare figure a target; the copy’s last item, cut, a task too', () => {
    const r = parsePolicyText([...head, '1.劳动年龄人口平均受教育年限12.5年。(责任单位:区教育局、工委组织部)', '2.森林覆盖率完成市下达目标。(责任单位:区住建局)', '3.能源综合生产能力达到'].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ['1', '劳动年龄人口平均受教育年限12.5年', ['区教育局', '工委组织部']],
      ['2', '森林覆盖率完成市下达目标', ['区住建局']],
      ['3', '能源综合生产能力达到', []],
    ]);
    expect(r.targets.map((t) => [t.name, t.value, t.unit, t.year, t.kind])).toEqual([['劳动年龄人口平均受教育年限', 12.5, '年', 2025, 'task']]);
  });
  it('the last item of goals no unit was assigned to stays a goal', () => {
    const r = parsePolicyText([...head, '1.劳动年龄人口平均受教育年限12.5年。', '2.森林覆盖率完成市下达目标。'].join('\n'));
    expect(r.tasks).toEqual([]);
  });
});

describe('(1)…(4) measures under a “1.” item, the units on a line of their own after them (运城 2017)', () => {
  const head = ['运城市突发事件应急体系建设“十三五”规划责任分解', '(一)“一案三制”建设', '1.完善应急预案体系'];
  const measures = ['(1)加强应急预案管理,规范应急预案编制、审批、发布、备案、修订和评估工作。', '(2)推进政府及其部门应急预案“精编化”,及时修订完善现有应急预案。', '(3)加强应急预案演练,完善演练管理制度。'];
  it('the “1.” items are the tasks, the units line closing each', () => {
    const r = parsePolicyText([...head, ...measures, '(责任单位:市直各有关单位、各县(市、区)人民政府、各开发区管委会)', '2.健全应急管理体制和运行机制', '(1)深入推进市、县、乡三级政府应急管理办事机构建设,强'].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ['1', '完善应急预案体系', ['市直各有关单位', '各县（市、区）人民政府', '各开发区管委会']],
      ['2', '健全应急管理体制和运行机制', []],
    ]);
  });
  it('measures with units of their own stay the tasks', () => {
    const own = measures.map((m) => m.replace(/。$/u, '。(责任单位:市应急局)'));
    const r = parsePolicyText([...head, ...own, '2.健全应急管理体制和运行机制'].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.leadUnits])).toEqual([['1', ['市应急局']], ['2', ['市应急局']], ['3', ['市应急局']]]);
  });
});

describe('titles of documents 62–69', () => {
  it.each([
    // 成都 2024: the notice's title, then the plan's own preamble (特制定本方案) without its heading.
    ['four issuers’ notice, the plan’s body in the copy', ['成都市发展和改革委员会 中共成都市委社会工作部 关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知', '各区(市)县政府:', '经市领导同意,现将《成都市城市社区嵌入式服务设施建设工程实施方案》印发给你们。', '为推动全市城市社区嵌入式服务设施建设,结合我市实际,特制定本方案。', '一、主要目标'], '成都市城市社区嵌入式服务设施建设工程实施方案'],
    // 北京 2016: the notice quoted in 《》 on a legal site, the work points after the notice's date.
    ['a quoted notice, numbered sections after the date line', ['京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》', '《北京市2016年政务公开工作要点》已经市政府同意,现印发给你们。', '北京市人民政府办公厅', '2016年5月28日', '一、围绕深化改革推进公开'], '北京市2016年政务公开工作要点'],
    // A notice alone (武昌区 2025): its instructions come before any date; the notice is the document.
    ['the notice alone', ['区人民政府办公室关于印发2025年目标任务责任分解方案的通知', '《2025年目标任务责任分解方案》已经区人民政府同意,现印发给你们。', '一、强化统筹规划,科学制定实施方案'], '区人民政府办公室关于印发2025年目标任务责任分解方案的通知'],
    // 山西 2017: the notice nests 〈〉 in 《》; the plan's heading as written keeps 《》.
    ['the heading as written', ['《山西省贯彻落实〈促进中部地区崛起“十三五”规划〉工作方案》已经省人民政府同意,现印发给你们。', '山西省人民政府办公厅', '山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案', '一、总体要求'], '山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案'],
    // 武昌区 2025: a pipe metadata line before the notice's title is no part of it.
    ['a metadata line before the title', ['主题分类: | 其他 |', '区人民政府办公室关于印发2025年目标任务责任分解方案的通知', '各街道办事处:'], '区人民政府办公室关于印发2025年目标任务责任分解方案的通知'],
    // 济宁 2021: the site's column before 丨.
    ['a column name before 丨', ['政务服务丨济宁市人民政府关于持续深化“市县同权”改革的实施意见', '- 发布日期:2021-07-19', '- 浏览次数:', '济宁市人民政府', '关于持续深化“市县同权”改革的实施意见', '济政字〔2021〕30号'], '济宁市人民政府关于持续深化“市县同权”改革的实施意见'],
  ])('%s', (_, lines, title) => {
    expect(parsePolicyText(lines.join('\n')).document.title).toBe(title);
  });
});

describe('the copy’s last line, the next task number with its text cut (下陆 2020)', () => {
  const items = ['(一)坚持常态化疫情防控', '1、切实提高政治站位,慎终如始精准抓好疫情防控工作。[牵头单位:区卫健局;责任单位:各街办(新区)]', '2、以爱国卫生运动为抓手,切实巩固疫情防控成果。[牵头单位:区卫健局、区创文办]', '(二)全面恢复经济社会秩序'];
  it('is a task, not a heading', () => {
    const r = parsePolicyText([...items, '3、积极争取政策'].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ['1', '切实提高政治站位，慎终如始精准抓好疫情防控工作', ['区卫健局']],
      ['2', '以爱国卫生运动为抓手，切实巩固疫情防控成果', ['区卫健局', '区创文办']],
      ['3', '积极争取政策', []],
    ]);
  });
  it('a short numbered line with text after it stays a heading', () => {
    const r = parsePolicyText([...items, '3、积极争取政策', '(三)做好六稳工作'].join('\n'));
    expect(r.tasks.map((t) => t.number)).toEqual(['1', '2']);
  });
});

describe('documents 70–71: a page heading that is no document title; a 政策解读', () => {
  it('a compilation’s heading (…摘编(2)) is the title; its targets are the county’s (大厂县 2018)', () => {
    const r = parsePolicyText('大厂县 民营经济发展政策措施摘编(2)\n千方百计做大做强县域创新主体。到2020年,全县高新技术企业突破25家;科技小巨人企业突破23家;全县财政科技支出占地方财政支出比重达到1.6%以上。\n发布时间:2018-09-08 来源:廊坊市民营经济领导小组办公室');
    expect(r.document.title).toBe('大厂县民营经济发展政策措施摘编（2）');
    expect(r.targets.map((t) => [t.name, t.value, t.year, t.scope])).toEqual([
      ['高新技术企业', 25, 2020, '全县'],
      ['科技小巨人企业', 23, 2020, '全县'],
      ['财政科技支出占地方财政支出比重', 1.6, 2020, '全县'],
    ]);
  });
  it('a 政策解读 describes a plan: its numbered items are no tasks, its counts of the plan’s items no targets (二连浩特 2024)', () => {
    const r = parsePolicyText(['《〈政府工作报告〉2024年重点工作任务分工方案》政策解读', '发布日期:2024-04-02 15:35', '二、主要内容和要求', '(一)主要内容。《分工方案》将《政府工作报告》分解为五个方面79项重点工作任务。', '1.在“聚焦深化对外开放,着力打造国家向北开放重要桥头堡”方面(分解任务15项)。', '2.在“聚焦增强发展优势,着力做实项目投资做优营商环境”方面(分解任务9项)。', '(二)工作要求。', '1.提高政治站位,强化责任落实。各责任单位要切实加强组织领导。'].join('\n'));
    expect([r.document.title, r.tasks, r.targets]).toEqual(['《〈政府工作报告〉2024年重点工作任务分工方案》政策解读', [], []]);
  });
});

describe('a progress table’s heading (崇川区 2023 民生实事 推进情况)', () => {
  it('is the title, and gives the year', () => {
    const r = parsePolicyText('2023年区政府重点民生实事项目推进情况(1-11月)\n序号 |\n主要任务 |');
    expect([r.document.title, r.document.planEndYear]).toEqual(['2023年区政府重点民生实事项目推进情况（1-11月）', 2023]);
  });
});

describe('a 通报 (阳东区 2024 民生实事完成情况)', () => {
  it('its 关于… line is the title; the cited 分工意见’s number is not its own; counts of the projects no targets', () => {
    const r = parsePolicyText('关于2024年阳东区十件民生实事完成情况的通报\n根据《阳江市阳东区人民政府关于落实2024年市、区〈政府工作报告〉重点工作分工的意见》(东府〔2024〕3号)要求,各责任单位强化工作责任。\n2024年区十件民生实事共25项内容,已全部完成年度任务。');
    expect([r.document.title, r.document.docNumber, r.tasks, r.targets]).toEqual(['关于2024年阳东区十件民生实事完成情况的通报', undefined, [], []]);
  });
});

describe('a review chapter of a 纲要 (新洲区 2021): its 一、 sections are the past too', () => {
  it('no task, no target under 第一章 发展背景', () => {
    const r = parsePolicyText(['新洲区国民经济和社会发展第十四个五年规划和2035年远景目标纲要', '第一章 发展背景', '第一节 决胜全面建成小康社会取得决定性成就', '一、全区综合实力跨上新台阶', '“十三五”时期,新洲坚持不懈抓重点、补短板、强弱项。五年累计完成固定资产投资2500亿元,年均增长9.6%;2020年社会消费品零售总额达到531亿元。'].join('\n'));
    expect([r.tasks, r.targets]).toEqual([[], []]);
  });
});

describe('a notice with two attachment tables one cell a line (沙坪坝区 2022)', () => {
  const t1 = ['附件1', '2022年区政府工作报告经济社会发展预期目标任务分解表', '序号', '2022年预期目标', '责任单位', '1', '地区生产总值增长5.5%左右', '区发展改革委', '2', '固定资产投资增长6%左右', '区发展改革委'];
  const t2 = ['附件2', '2022年区政府工作报告重点工作任务分解表', '序号', '工作任务', '牵头单位', '配合单位', '1', '联动共建科学城', '推动量子通信器件国家重点实验室落地,引进机数科技等8家独立法人研发机构、中科'];
  it('a year’s goals handed to units are tasks; the second table’s cut row has no unit made of a sentence; every task its own key', () => {
    const r = parsePolicyText(['重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知', ...t1, ...t2].join('\n\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits])).toEqual([
      ['1', '地区生产总值增长5.5%左右', ['区发展改革委']],
      ['2', '固定资产投资增长6%左右', ['区发展改革委']],
      ['1', '联动共建科学城', []],
    ]);
    expect(new Set(r.tasks.map((t) => t.key)).size).toBe(3);
    expect(r.targets.map((t) => [t.value, t.year, t.scope])).toEqual([[5.5, 2022, '全区'], [6, 2022, '全区']]);
  });
});

describe('task keys of a document', () => {
  it.each([
    [['2023GZYD-04', '2023GZYD-2.03', '2023GZYD-04-2'], '2023GZYD'],
    [['doc-x-2023-04', 'doc-x-2023-05'], 'doc-x-2023'],
    [['2025N4-01'], '2025N4'],
    [['2023GZYD-04', '2024YD-01'], undefined],
    [['IMP20261126-001', '2023GZYD-04'], undefined],
    [['自定义编号'], undefined],
  ])('%j share the prefix %s', (keys, prefix) => expect(sharedKeyPrefix(keys)).toBe(prefix));

  it('keys a number the way the parser keys the document (as seeds are keyed)', () => {
    const parsed = parsePolicyText(seed('002'), { keyPrefix: '2023GZYD' });
    for (const t of parsed.tasks) expect(t.key).toBe(documentTaskKey('2023GZYD', t.number));
    expect(sharedKeyPrefix(parsed.tasks.map((t) => t.key))).toBe('2023GZYD');
    expect([documentTaskKey('P', '7'), documentTaskKey('P', '（二）3'), documentTaskKey('P', '23')]).toEqual(['P-07', 'P-2.03', 'P-23']);
  });
});

describe('a plan numbered through, the copy of its second part starting at 116 (武汉 2023 责任分解方案(下))', () => {
  it('the tasks keep their numbers, the part mark is no part of the title, a 责任单位 alone leads', () => {
    const r = parsePolicyText(
      [
        '武汉市人民政府2023年《政府工作报告》目标任务责任分解方案(下)',
        '(六)着力推动绿色转型,加快建设世界滨水生态名城',
        '——坚持推进长江大保护',
        '116.全面开展“武汉长江高水平保护十大攻坚提升行动”。(牵头单位:市生态环境局;责任单位:市经信局、市自然资源规划局)',
        '117.全面开展“武汉长江经济带降碳减污扩绿增长十大行动”。(责任单位:市发改委)',
      ].join('\n'),
    );
    expect(r.document.title).toBe('武汉市人民政府2023年《政府工作报告》目标任务责任分解方案');
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.responsibleUnits])).toEqual([
      ['116', '全面开展“武汉长江高水平保护十大攻坚提升行动”', ['市生态环境局'], ['市经信局', '市自然资源和规划局']],
      ['117', '全面开展“武汉长江经济带降碳减污扩绿增长十大行动”', ['市发改委'], ['市发改委']],
    ]);
    expect(r.targets).toEqual([]);
  });
  it('a sub-heading after a task its units closed (——深入推进环境污染防治) is no part of its text', () => {
    const r = parsePolicyText(
      [
        '124.加快汉江南岸综合整治等工程建设。(牵头单位:市水务局;责任单位:汉阳区人民政府,武汉城发集团)',
        '125.抓好长江经济带生态环境警示片涉汉问题整改。(牵头单位:市发改委;责任单位:市生态环境局)',
        '——深入推进环境污染防治',
        '126.持续深入打好蓝天、碧水、净土保卫战,创建国家生态文明建设示范市。(责任单位:市生态环境局)',
      ].join('\n'),
    );
    expect(r.tasks.map((t) => [t.number, t.text])).toEqual([
      ['124', '加快汉江南岸综合整治等工程建设。'],
      ['125', '抓好长江经济带生态环境警示片涉汉问题整改。'],
      ['126', '持续深入打好蓝天、碧水、净土保卫战，创建国家生态文明建设示范市。'],
    ]);
    expect(r.unplaced.map((u) => u.text)).toEqual(['——深入推进环境污染防治']);
  });
  it('a run that starts above 1 must go on: a lone 5. is no start', () => {
    expect(parsePolicyText('各区人民政府:\n5.加强组织领导。各区要建立工作机制。').tasks.map((t) => t.number)).toEqual([]);
  });
});

describe('the year’s goals (（一）…) with their units, then tasks numbered 1. under a second section (咸宁 2024)', () => {
  const text = [
    '一、2024年经济社会发展计划目标',
    '(一)地区生产总值增长6%。(牵头单位:市发改委;责任单位:各县市区人民政府,咸宁高新区管委会)',
    '(二)规上工业增加值增长7%左右。(牵头单位:市经信局;责任单位:各县市区人民政府,咸宁高新区管委会)',
    '二、2024年七个方面重点工作',
    '(一)强信心、稳预期,奋力推动经济稳健增长。',
    '着力扩大有效投资。',
    '1.持续开展“项目攻坚年”活动,确保咸九高速建成投用,确保长江综合门户港、国际陆港开工。(牵头单位:市交通运输局;责任单位:咸安区、嘉鱼县、通山县人民政府,咸宁高新区管委会)',
    '2.加快推进华润蒲圻电厂三期、金上-湖北特高压工程咸',
  ].join('\n');
  it('each goal with its units is a task in its place; the section over 1. is none', () => {
    const r = parsePolicyText(text);
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.responsibleUnits])).toEqual([
      ['（一）', '地区生产总值增长6%', ['市发改委'], ['各县市区人民政府', '咸宁高新区管委会']],
      ['（二）', '规上工业增加值增长7%左右', ['市经信局'], ['各县市区人民政府', '咸宁高新区管委会']],
      ['1', '持续开展“项目攻坚年”活动，确保咸九高速建成投用，确保长江综合门户港、国际陆港开工', ['市交通运输局'], ['咸安区人民政府', '嘉鱼县人民政府', '通山县人民政府', '咸宁高新区管委会']],
      ['2', '加快推进华润蒲圻电厂三期、金上-湖北特高压工程咸', [], []],
    ]);
    expect(new Set(r.tasks.map((t) => t.key)).size).toBe(4);
  });
  it('no title in the copy: the one year its sections name is the targets’', () => {
    const r = parsePolicyText(text);
    expect(r.document.title).toBe('');
    expect(r.targets.map((t) => [t.name, t.value, t.unit, t.year, t.scope])).toEqual([
      ['地区生产总值', 6, '%', 2024, '全市'],
      ['规上工业增加值', 7, '%', 2024, '全市'],
    ]);
  });
});

describe('a report of progress (上虞区科技局 2025 政府工作报告落实情况(1-3月))', () => {
  it('its numbered headings of what was done are no tasks, its figures no targets', () => {
    const r = parsePolicyText(
      [
        '科技局2025年政府工作报告落实情况(1-3月)',
        '1.科技指标完成情况',
        '多次赴省、市科技部门对接,了解掌握新一轮创新鼎评价办法、考量指标等。截止 3 月底已完成年报数据 80.72 亿元,较上年增长 16.2%,完成率 99%,排名全市第5(完成率超过越城、滨海)。',
        '2.科技项目与平台培育',
        '摸排拟申报省级以上研发机构企业12家,做好业务指导;摸排拟申报重点研发计划企业 8 家,做好实地走访和指导。',
      ].join('\n'),
    );
    expect([r.document.title, r.tasks, r.targets]).toEqual(['科技局2025年政府工作报告落实情况(1-3月)'.replace(/\(/gu, '（').replace(/\)/gu, '）'), [], []]);
  });
});

describe('titles and 文号 of documents 80–91', () => {
  it.each([
    // 洪山 2025: labels padded and without colons, 标题 glued to the title once spaces are read out.
    [
      '文      号 洪政办〔2025〕1号 信息分类: 综合政务\n发布机构 洪山区人民政府办公室 有 效 性 有效\n标     题 区人民政府办公室关于印发2025年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n\n区人民政府办公室关于印发2025年区《政府工作报告》确定的主要目标任务责任分解方案的通知',
      '洪政办〔2025〕1号',
      '区人民政府办公室关于印发2025年区《政府工作报告》确定的主要目标任务责任分解方案的通知',
    ],
    // 蔡甸 2026: the notice's title again over three lines names the plan, it does not hold it.
    [
      '区人民政府办公室关于印发2026年区《政府工作报告》目标任务责任分解方案的通知\n| 发布机构 | 区人民政府办公室 | 文 号 | 蔡政办〔2026〕1号 |\n区人民政府办公室关于印发\n2026年区《政府工作报告》目标任务\n责任分解方案的通知\n各街道办事处、乡人民政府,区人民政府各部门、各直属机构:\n《2026年区〈政府工作报告〉目标任务责任分解方案》已经区人民政府同意,现印发给你们。\n一、提高责任意识,科学制订办理方案。各责任单位要高度重视目标任务的推进与落实。',
      '蔡政办〔2026〕1号',
      '区人民政府办公室关于印发2026年区《政府工作报告》目标任务责任分解方案的通知',
    ],
    // 随州 2024: an accessibility toolbar one control a line; metadata one label a line; the issuer on its own line names no place.
    [
      ['拼音', '辅助浏览', '轻松阅读', '读屏', '视图', '放大', '缩小', '配色', '白底黑字蓝链接', '页面原始配色', '大鼠标', '辅助线', '显示屏', '声音', '指读', '连读', '减速', '加速', '音量', '后退', '前进', '全屏', '刷新', '退出', '帮助', '换肤', '索引号', '011056632/2024-27848', '主题分类', '政务公开', '发布日期', '2024-03-01', '发文字号', '随政办发〔2024〕7号', '效力状态', '有效', '编辑', '罗皓月', '审核', '李发兵', '发布机构', '随州市人民政府办公室', '市人民政府办公室关于分解落实省政府工作报告的通知', '随政办发〔2024〕7号', '市人民政府办公室', '关于分解落实省政府工作报告的通知', '各县、市、区人民政府,随州高新区管理委员会,市政府各部门:', '为深入贯彻《省人民政府办公厅关于分解落实省政府工作报告的通知》(鄂政办发〔2024〕5号)精神,现将有关事项通知如下。'].join('\n'),
      '随政办发〔2024〕7号',
      '市人民政府办公室关于分解落实省政府工作报告的通知',
    ],
    // 潜江 2023: the 文号 field written twice and holding 无.
    ['关于分解落实《政府工作报告》的通知\n\n索 引 号: 011396186/2023-09181 主题分类: 其他 发布机构: 市政府办公室 文  号: 文  号:无 效力状态: 有效 名  称: 关于分解落实《政府工作报告》的通知\n\n管理区、镇人民政府街道办事处,市政府各部门:', undefined, '关于分解落实《政府工作报告》的通知'],
  ])('%s', (text, docNumber, title) => {
    const d = parsePolicyText(text).document;
    expect([d.docNumber, d.title]).toEqual([docNumber, title]);
  });

  it('a notice’s items of two phrases instruct its readers, though one says 任务 (潜江 2023)', () => {
    const r = parsePolicyText('关于分解落实《政府工作报告》的通知\n管理区、镇人民政府街道办事处,市政府各部门:\n经市人民政府同意,现将《政府工作报告》确定的重点工作任务进行责任分解,请你们认真抓好贯彻落实。\n一、高度重视,细化工作任务。各地、各部门要按照责任分工,主要负责人亲自研究安排完善工作方案,逐项分解细化量化。\n二、压实责任密切协作配合。各地、各部门要勇于担当,主动作为。');
    expect(r.tasks).toEqual([]);
  });
});

describe('a 重点工作清单 whose brackets give the deadline after the units (襄阳都市圈发展2023年重点工作清单, 征求意见稿)', () => {
  // Text as published by 襄阳都市圈发展协调机制办公室 (copy: https://www.dawendou.com/fanwen/gongzuojihua/2149289.html).
  it('完成时限 is the task’s deadline, no unit', () => {
    const r = parsePolicyText(
      [
        '襄阳都市圈发展2023年重点工作清单',
        '一、坚持规划引领',
        '1.印发实施“一总五分十专”襄阳都市圈一揽子规划。(责任单位:襄阳都市圈发展协调机制办公室、襄阳都市圈各规划编制牵头单位,完成时限:2023年6月)',
        '2.发挥襄阳都市圈发展协调机制作用,召开都市圈协调机制会议,统筹安排规划建设。(责任单位:襄阳市都市圈发展协调机制办公室、十堰市发改委,完成时限:2023年12月)',
      ].join('\n'),
    );
    expect(r.tasks.map((t) => [t.number, t.leadUnits, t.responsibleUnits, t.deadlineText, t.deadline])).toEqual([
      ['1', ['襄阳都市圈发展协调机制办公室', '襄阳都市圈各规划编制牵头单位'], ['襄阳都市圈发展协调机制办公室', '襄阳都市圈各规划编制牵头单位'], '2023年6月', '2023-06-30'],
      ['2', ['襄阳市都市圈发展协调机制办公室', '十堰市发改委'], ['襄阳市都市圈发展协调机制办公室', '十堰市发改委'], '2023年12月', '2023-12-31'],
    ]);
  });
});

describe('a 纲要 分工方案 of a district, its copy ending on a bare number (沙市区 2022)', () => {
  it('the indicators with their units are tasks, their figures the plan’s targets; the bare “4.” is no part of task 3', () => {
    const r = parsePolicyText(
      [
        '现将《荆州市沙市区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要任务分工方案》印发给你们,请结合实际,认真贯彻执行。',
        '二、主要指标分工',
        '(一)预期性指标。《纲要》确定的预期性指标是政府执政能力的体现以及社会发展的需要,应力争实现。',
        '1.地区生产总值年均增速9%。(责任单位:区发改局)',
        '3.常住人口城镇化率达到90%。(责任单位:区发改局、区公安分局)',
        '4.',
      ].join('\n'),
    );
    expect(r.tasks.map((t) => [t.number, t.text, t.leadUnits])).toEqual([
      ['1', '地区生产总值年均增速9%。', ['区发改局']],
      ['3', '常住人口城镇化率达到90%。', ['区发改局', '区公安分局']],
    ]);
    expect(r.targets.map((t) => [t.value, t.unit, t.year, t.scope])).toEqual([
      [9, '%', 2025, '全区'],
      [90, '%', 2025, '全区'],
    ]);
  });
});

describe('notices read from other pages of the genre', () => {
  it('a bulleted 名称 line names the title; a sentence naming the plan, its 《 lost, is no plan in the text (咸宁 2022)', () => {
    // http://xianning.gov.cn/xxgk/zc/zfwj/xzbf/202203/t20220304_2547949.shtml
    const r = parsePolicyText(
      [
        '  • 文  号:咸政办发〔2022〕1号',
        '  • 名  称:市人民政府办公室关于印发2022年市《政府工作报告》确定的主要目标任务责任分解方案的通知',
        '市人民政府办公室关于印发2022年市《政府工作报告》确定的主要目标任务责任分解方案的通知',
        '各县、市、区人民政府,市政府各部门,咸宁高新区管委会:',
        '2022年市〈政府工作报告〉确定的主要目标任务责任分解方案》已经市人民政府同意,现就有关事项通知如下。',
        '一、加强组织领导。各责任单位要加强组织领导,按照“一把手”负总责的要求,主要领导亲自抓、分管领导具体抓。',
      ].join('\n'),
    );
    expect([r.document.docNumber, r.document.title, r.tasks]).toEqual(['咸政办发〔2022〕1号', '市人民政府办公室关于印发2022年市《政府工作报告》确定的主要目标任务责任分解方案的通知', []]);
  });
  it('the list of attachments names documents, no tasks (银川市兴庆区 2018)', () => {
    // http://www.xqq.gov.cn/zmhd/yjzjjgfk/201808/t20180819_980141.html
    const r = parsePolicyText(
      [
        '关于做好2018年政府工作报告主要目标任务和为民办实事的通知',
        '各乡镇人民政府、街道办事处,政府各部门并有关单位:',
        '三、加强督查,有效监督',
        '兴庆区政府办公室将严格按照“年初建账、逐月查账、年底交账”的督查制度,加强跟踪督查。',
        '附件:1.2018年《政府工作报告》主要工作目标任务分解表',
        '2.2018年民生十件实事任务分解表',
        '3.银川市2018年为民办实事任务分解表',
        '银川市兴庆区人民政府办公室',
        '2018年8月16日',
      ].join('\n'),
    );
    expect([r.document.title, r.tasks]).toEqual(['关于做好2018年政府工作报告主要目标任务和为民办实事的通知', []]);
    expect(r.lineUse[6]).toBe('removed');
  });
});

// Pages of the genre copied from the notice only (corpus 95–106): lines as the pages give them.
describe('notices without their plan, and their headers', () => {
  const parse = (text: string) => parsePolicyText(text, { source: 'x' }).document;
  it('文件编号 labels the 文号 (长政办发〔2023〕7号), and a 文号 in brackets closing the heading is the page’s own', () => {
    expect(parse('文件编号:  长政办发〔2023〕7号 发布机构:  长兴县政府办公室\n长兴县人民政府办公室关于印发2023年政府工作报告重点工作责任分解的通知\n').docNumber).toBe('长政办发〔2023〕7号');
    const huarong = parse('2021年县政府重点工作任务(华政发〔2021〕2号)\n各乡镇人民政府、县直各单位:\n《2021年县政府重点工作任务分解》已经县人民政府同意,现印发给你们,请认真抓好贯彻落实。\n');
    // … and the words before the bracket are the page's title
    expect([huarong.docNumber, huarong.title]).toEqual(['华政发〔2021〕2号', '2021年县政府重点工作任务']);
    // a 文号 cited in a sentence stays the cited document's
    expect(parse('2024年3月28日,高唐县人民政府印发了《<2024年政府工作报告目标任务分工方案>的通知》(高政字〔2024〕5号,以下简称《通知》),现将主要内容解读如下:\n').docNumber).toBeUndefined();
  });

  it('a title given in a pipe row, or after its 文号, is the title without them; an attachment line is no title', () => {
    expect(parse('发文字号: | 无 | 有 效 性: | 失效 |\n标 题: | 亳州市谯城区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知 | ||\n各乡镇人民政府、街道办事处,区政府各部门、各直属机构:\n为进一步明确职责、推动落实,经区政府研究同意,现将《谯城区2020年度政府工作报告重点工作任务分解表》印发给你们,请按照要求,结合实际认真抓好落实。\n').title).toBe('亳州市谯城区人民政府办公室关于印发2020年政府工作报告重点工作任务分解表的通知');
    expect(parse('江政办〔2020〕2 号 区人民政府办公室关于印发 2020 年区政府工作报告确定的主要目标任务责任分解方案的通知\n各街道办事处,区人民政府各部门,区属各单位:\n').title).toBe('区人民政府办公室关于印发2020年区政府工作报告确定的主要目标任务责任分解方案的通知');
    expect(parse('各镇政府(街道办事处)、迳口华侨经济区管委会,区政府直属局以上单位:\n现将有关事项通知如下:\n附件:2007年三水区政府工作主要任务分解表\n二○○七年四月十三日\n').title).toBe('');
  });

  it('the numbered items of a notice copied without its plan instruct the units: no tasks', () => {
    const notice = '泾县人民政府关于分解落实政府工作报告目标任务的通知\n各乡镇人民政府,县政府各部门、各直属机构:\n经研究,现将《政府工作报告》2023年6个方面243项工作任务予以分解印发。\n一、细化任务抓落实。各乡镇各部门要围绕《县政府工作报告》确定的目标任务,立足工作实际,细化分解到月,建立工作台账。\n二、明确责任抓落实。各牵头县领导要按照工作分工,靠前指挥,强化统筹调度。\n';
    expect(parsePolicyText(notice, { source: 'x' }).tasks).toEqual([]);
    // … but a notice's items that name their units are tasks
    const assigned = notice.replace('建立工作台账。', '建立工作台账。(责任单位:县政府办)');
    expect(parsePolicyText(assigned, { source: 'x' }).tasks.map((t) => t.number)).toContain('一、');
  });
});

describe('a notice without its own title that sends numbered lists, the first in the copy (沁县 2025)', () => {
  const notice = ['县示范区管委会,各乡、镇人民政府,县直各有关单位:', '经县政府同意,现将《2025年县<政府工作报告>任务分解》《县政府重点工作任务分解》印发给你们。', '附件:1.2025年县《政府工作报告》任务清单', '2.县政府重点工作任务分解', '沁县人民政府办公室', '2025年5月18日'];
  const list = ['附件1', '2025年县政府工作报告任务清单', '一、县示范区管委会牵头工作(8项)', '1.打造食用菌酵素生产基地。', '二、县科技局牵头任务', '2.培育科技型中小企业。', '三、重点项目', '3.推进园区基础设施建设。'];
  it('the first list’s heading is the title; a section named for its lead unit gives its items that unit', () => {
    const p = parsePolicyText([...notice, ...list].join('\n'));
    expect(p.document.title).toBe('2025年县政府工作报告任务清单');
    expect(p.tasks.map((t) => [t.number, t.leadUnits, t.responsibleUnits])).toEqual([
      ['1', ['县示范区管委会'], ['县示范区管委会']],
      ['2', ['县科技局'], ['县科技局']],
      ['3', [], []],
    ]);
  });
  it('a notice with its own title that sends several lists: not the first list’s heading (沙坪坝 2022, corpus 78)', () => {
    const titled = ['县人民政府办公室关于印发2025年政府工作报告任务分解等文件的通知', ...notice];
    expect(parsePolicyText([...titled, ...list].join('\n')).document.title).not.toBe('2025年县政府工作报告任务清单');
  });
});
