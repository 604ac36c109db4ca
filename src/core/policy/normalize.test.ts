import { describe, expect, it } from 'vitest';
import { cleanPolicyText, readCellPerLineTaskTable, readColumnsHeader, readFlatRow, readNumberedCellTaskTable, readTaskRow, readTaskTableHeader } from './normalize';
import { parsePolicyText } from './parse';

describe('indicator-table headers (a row per layout)', () => {
  it.each([
    ['序号 指标名称 单位 2020年 2025年 属性', { values: 2, unit: true, attribute: true, responsible: false, baselineLabel: '2020年', targetLabel: '2025年' }],
    ['序号 指标 单位 目标值 责任单位', { values: 1, unit: true, attribute: false, responsible: true, baselineLabel: '', targetLabel: '目标值' }],
    ['序号 指标 单位 2027年目标 属性 牵头单位', { values: 1, unit: true, attribute: true, responsible: true, baselineLabel: '', targetLabel: '2027年目标' }],
  ])('%s', (header, cols) => expect(readColumnsHeader(header)).toEqual(cols));

  it('the built-in 十四五 layout (name（unit）, two year columns) is left to its own reader', () => {
    expect(readColumnsHeader('序号 指标（预期性） 2020年现状值 2025年目标值')).toBeUndefined();
    expect(readColumnsHeader('序号 项目 内容')).toBeUndefined();
  });
});

describe('indicator-table rows flattened into lines', () => {
  const target1 = readColumnsHeader('序号 指标 单位 目标值 责任单位')!;
  const twoYears = readColumnsHeader('序号 指标名称 单位 2020年 2025年 属性')!;
  it.each([
    ['8 研发经费支出占GDP比重 % ≥2.8 省统计局', target1, { index: 8, name: '研发经费支出占GDP比重', unit: '%', baselineText: '', targetText: '2.8', bound: '≥', responsible: '省统计局' }],
    ['3 单位GDP能耗降低 % ≤13.5 省发改委', target1, { index: 3, name: '单位GDP能耗降低', unit: '%', baselineText: '', targetText: '13.5', bound: '≤', responsible: '省发改委' }],
    ['2 区域创新能力指数 — 120 省科技厅', target1, { index: 2, name: '区域创新能力指数', unit: '', baselineText: '', targetText: '120', responsible: '省科技厅' }],
    ['1 高新技术企业数量 家 6259 12000 预期性', twoYears, { index: 1, name: '高新技术企业数量', unit: '家', baselineText: '6259', targetText: '12000', attribute: '预期性' }],
    ['4 万元GDP用水量 立方米 35 30 约束性', twoYears, { index: 4, name: '万元GDP用水量', unit: '立方米', baselineText: '35', targetText: '30', attribute: '约束性' }],
  ])('%s', (line, cols, row) => expect(readFlatRow(line, cols)).toEqual(row));

  it('a prose line is no row', () => {
    expect(readFlatRow('1 加快建设概念验证中心，推动成果转化。', target1)).toBeUndefined();
    expect(readFlatRow('序号 指标 单位 目标值 责任单位', target1)).toBeUndefined();
  });

  it('a table with one target column and no baseline becomes indicator rows and table targets', () => {
    const text = ['湖北省科技创新主要指标', '序号 指标 单位 目标值 责任单位', '1 高新技术企业数量 家 ≥30000 省科技厅', '2 研发经费支出占GDP比重 % ≥2.8 省统计局', '一、重点任务'].join('\n');
    const clean = cleanPolicyText(text);
    expect(clean.tableRows.map((r) => [r.index, r.name, r.tableTitle])).toEqual([
      [1, '高新技术企业数量', '湖北省科技创新主要指标'],
      [2, '研发经费支出占GDP比重', '湖北省科技创新主要指标'],
    ]);
    const r = parsePolicyText(text, { metadata: { planEndYear: 2025 } });
    expect(r.indicatorTable.map((x) => [x.name, x.unit, x.baseline, x.target, x.bound, x.responsible])).toEqual([
      ['高新技术企业数量', '家', undefined, 30000, '≥', '省科技厅'],
      ['研发经费支出占GDP比重', '%', undefined, 2.8, '≥', '省统计局'],
    ]);
    expect(r.targets.filter((t) => t.kind === 'table').map((t) => [t.name, t.comparator, t.value, t.year])).toEqual([
      ['高新技术企业数量', '不低于', 30000, 2025],
      ['研发经费支出占GDP比重', '不低于', 2.8, 2025],
    ]);
  });

  it('rows whose header was lost at a page break, after the table’s title line', () => {
    const clean = cleanPolicyText(['主要指标', '8 研发经费支出占GDP比重 % ≥2.8 省统计局', '9 技术合同成交额 亿元 ≥5000 省科技厅', '二、重点任务'].join('\n'));
    expect(clean.tableRows.map((r) => [r.index, r.name, r.unit, r.targetText, r.responsible])).toEqual([
      [8, '研发经费支出占GDP比重', '%', '2.8', '省统计局'],
      [9, '技术合同成交额', '亿元', '5000', '省科技厅'],
    ]);
  });
});

describe('task tables flattened into lines (序号 任务 主要责任单位 协同配合单位 完成期限)', () => {
  it.each([
    ['序号 重点工作任务 主要责任单位 协同配合单位 完成期限', { partners: true, deadline: true }],
    ['序号 工作任务 牵头单位 配合单位', { partners: true, deadline: false }],
    ['序号 目标任务 责任单位 完成时限', { partners: false, deadline: true }],
    ['序号 指标 单位 目标值 责任单位', undefined],
    // 郧阳 2023 分解表: after 牵头单位, 责任单位 holds the other responsible units; 责任人 is a person.
    ['序号 目标任务 牵头单位 责任单位 责任人', { partners: true, deadline: false, kinds: ['task', 'lead', 'partners', 'person'] }],
    ['序号 目标任务 牵头单位 责任单位', { partners: true, deadline: false }],
    ['序号 工作任务 责任领导 牵头单位 配合单位 完成时限', { partners: true, deadline: true, kinds: ['task', 'person', 'lead', 'partners', 'deadline'] }],
    ['序号 目标任务 责任单位 牵头单位', undefined],
    // 武汉经开区 十四五 分工方案: the plan's indicators handed to units; a table of values is no task table.
    ['序号 指标 责任单位 完成时限', { partners: false, deadline: true }],
    ['序号 主要指标 牵头单位 配合单位', { partners: true, deadline: false }],
    ['序号 指标名称 单位 2020年 2025年', undefined],
  ])('header %s', (header, cols) => expect(readTaskTableHeader(header)).toEqual(cols));

  it.each([
    ['序号 目标任务 牵头单位 责任单位 完成时限', '1 地区生产总值增长15%。 区发改局 区统计局 2023年12月底', { number: '1', task: '地区生产总值增长15%。', lead: ['区发改局'], partners: '区统计局', deadline: '2023年12月底' }],
    ['序号 工作任务 责任领导 牵头单位 配合单位 完成时限', '2 固定资产投资增长20%。 李四 区发改局 区住建局 2023年12月底', { number: '2', task: '固定资产投资增长20%。', lead: ['区发改局'], partners: '区住建局', deadline: '2023年12月底' }],
    ['序号 目标任务 牵头单位 责任单位 责任人', '1 地区生产总值增长15%。 区发改局 区统计局 张三', { number: '1', task: '地区生产总值增长15%。', lead: ['区发改局'], partners: '区统计局' }],
  ])('%s: row %s', (header, raw, row) => expect(readTaskRow(raw, readTaskTableHeader(header)!)).toEqual(row));

  const cols = readTaskTableHeader('序号 重点工作任务 主要责任单位 协同配合单位 完成期限')!;
  it.each([
    [
      '33 新培育科技型中小企业50家以上。 区科技局 区经信局、区财政局等区政府有关部门,谯城经开区管委会。 2023年12月底',
      { number: '33', task: '新培育科技型中小企业50家以上。', lead: ['区科技局'], partners: '区经信局、区财政局，谯城经开区管委会', deadline: '2023年12月底' },
    ],
    [
      '34 推动园区提档升级。 区科技局\n区药投公司\n区发改委、区农业农村局、等区政府有关部门,区农投公司。 2023年12月底',
      { number: '34', task: '推动园区提档升级。', lead: ['区科技局', '区药投公司'], partners: '区发改委、区农业农村局，区农投公司', deadline: '2023年12月底' },
    ],
  ])('row %s', (raw, row) => expect(readTaskRow(raw, cols)).toEqual(row));

  it('its rows become tasks with lead, responsible units and deadline; its lines are placed', () => {
    const text = ['关于印发2023年重点工作任务分解表的通知', '分解表', '序号 重点工作任务 主要责任单位 协同配合单位 完成期限', '33 新培育科技型中小企业50家以上。 区科技局 区经信局、区财政局等区政府有关部门,谯城经开区管委会。 2023年12月底', '34 推动园区提档升级。 区科技局', '区药投公司', '区发改委。 2023年12月底'].join('\n');
    const r = parsePolicyText(text);
    expect(r.tasks.map((t) => [t.number, t.title, t.leadUnits, t.responsibleUnits, t.deadline])).toEqual([
      ['33', '新培育科技型中小企业50家以上', ['区科技局'], ['区经信局', '区财政局', '谯城经开区管委会'], '2023-12-31'],
      ['34', '推动园区提档升级', ['区科技局', '区药投公司'], ['区发改委'], '2023-12-31'],
    ]);
    expect([2, 3, 4, 5, 6, 7].map((n) => r.lineUse[n])).toEqual(['table', 'table', 'task', 'task', 'task', 'task']);
  });

  it('the table’s title as the text’s first line is the document’s title too', () => {
    const r = parsePolicyText(['2023年区政府工作目标任务落实责任分解表', '序号 目标任务 牵头单位 配合单位 完成时限', '1 地区生产总值增长15%。 区发改局 区统计局 2023年12月底'].join('\n'));
    expect([r.document.title, r.document.planEndYear, r.tasks.length]).toEqual(['2023年区政府工作目标任务落实责任分解表', 2023, 1]);
  });
});

describe('a section row inside a task table (郧阳 2023 分解表: rows grouped under 一、… with their 牵头领导)', () => {
  const section = '一、主要经济社会发展指标、发改、财政、行政审批、生态环境、营商环境、交通、金融、安全生产等工作目标(牵头领导:成坤、柯相国、王俊)';
  it.each([
    ['cells ending in |', ['序号 |', '目标任务 |', '牵头单位 |', '配合单位 |', `${section} |`, '1 |', '★地区生产总值增长15%。 |', '区发改局 |', '区统计局 |', '2 |', '固定资产投资增长20%。 |', '区发改局 |', '区住建局 |']],
    ['a row a line', ['序号 目标任务 牵头单位 配合单位', section, '1 ★地区生产总值增长15%。 区发改局 区统计局', '二、营商环境', '2 固定资产投资增长20%。 区发改局 区住建局']],
  ])('%s: the rows are tasks, the section row a line of the text and no task', (_, rows) => {
    const r = parsePolicyText(['2023年区政府工作目标任务落实责任分解表', ...rows].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.text, t.leadUnits, t.responsibleUnits])).toEqual([
      ['1', '地区生产总值增长15%', '地区生产总值增长15%。', ['区发改局'], ['区统计局']],
      ['2', '固定资产投资增长20%', '固定资产投资增长20%。', ['区发改局'], ['区住建局']],
    ]);
    // ★ marks a key task: no part of its title, text or target's name.
    expect(r.targets.map((t) => t.name)).toEqual(['地区生产总值', '固定资产投资']);
    expect(cleanPolicyText(rows.join('\n')).lines.map((l) => l.text)).toContain(section.replace(/\(/u, '（').replace(/:/u, '：').replace(/\)/u, '）'));
  });
});

// 郧阳 2023 分解表 as its web page copies (the copy ends inside row 1, after its 牵头单位 cell).
const yunyang = ['2023年区政府工作目标任务落实责任分解表', '', '序号', '', '目  标  任  务', '', '牵头单位', '', '责任单位', '', '责任人', '', '一、主要经济社会发展指标、发改、财政、行政审批、生态环境、营商环境、交通、金融、安全生产等工作目标(牵头领导:成坤、柯相国、王俊)', '', '1', '', '★地区生产总值增长15%。', '', '区发改局', ''];

describe('a task table copied one cell a line with no "|" (blank lines between the cells)', () => {
  it.each([
    ['郧阳 2023, cut in row 1', yunyang, [['1', '地区生产总值增长15%']], []],
    [
      'two rows, then the text goes on',
      [...yunyang, '区统计局', '', '张三', '', '2', '', '固定资产投资增长20%。', '', '区发改局', '', '区住建局', '', '李四', '', '二、工作要求', '', '各责任单位要按季度报送进展。'],
      [['1', '地区生产总值增长15%'], ['2', '固定资产投资增长20%']],
      ['二、工作要求', '各责任单位要按季度报送进展。'],
    ],
  ])('%s', (_, text, tasks, after) => {
    const r = parsePolicyText(text.join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title])).toEqual(tasks);
    const lines = cleanPolicyText(text.join('\n')).lines.map((l) => l.text);
    expect(lines.slice(lines.length - after.length - 1)).toEqual([lines.find((l) => l.startsWith('一、')), ...after]);
  });
});

describe('the last row of a task table cut by the end of the copy', () => {
  it.each([
    ['after its 牵头单位 cell (郧阳 2023)', yunyang, ['区发改局']],
    ['inside its 牵头单位 cell', [...yunyang.slice(0, -2), '区发'], []],
    ['cells ending in |, after the lead', ['序号 |', '目标任务 |', '牵头单位 |', '配合单位 |', '1 |', '地区生产总值增长15%。 |', '区发改局 |'], ['区发改局']],
  ])('%s: the lead written in full is kept, the responsible units are left to the officer', (_, text, lead) => {
    const r = parsePolicyText(text.join('\n'));
    expect(r.tasks.map((t) => [t.number, t.leadUnits, t.responsibleUnits])).toEqual([['1', lead, []]]);
    expect(r.issues.some((i) => /被截断/u.test(i.message))).toBe(true);
  });
});

describe('a row with empty last cells in a table with no "|" (郧阳 2023 layout)', () => {
  it('ends where the next row’s number stands; the rows after it are read', () => {
    const rows = ['1', '★地区生产总值增长15%。', '区发改局', '区统计局', '2', '固定资产投资增长20%。', '区发改局', '区住建局', '李四', '3', '社会消费品零售总额增长12%。', '区商务局', '区统计局', '王五'];
    const r = parsePolicyText([...yunyang.slice(0, 12), ...rows].join('\n\n'));
    expect(r.tasks.map((t) => [t.number, t.leadUnits, t.responsibleUnits])).toEqual([
      ['1', ['区发改局'], ['区统计局']],
      ['2', ['区发改局'], ['区住建局']],
      ['3', ['区商务局'], ['区统计局']],
    ]);
  });
});

describe('the web page a text was copied from (黄石市下陆区 2023 分解, copied with its site)', () => {
  // The page's lines as copied: the last task cut, then the site's chrome, then its top.
  const page = [
    '1.依托鄂州花湖机场全面运营带来的临空优势,大力推进一期核心区建设。[责任单位:老街办、区招商服务中心]',
    '2.发挥广州路西延和苏州路西延建成通车带',
    '【打印本页】【关闭窗口】',
    '上一篇：关于开展2023年春季植树活动的通知',
    '下一篇：区人民政府办公室关于印发下陆区2023年度民生实事的通知',
    '主办单位：黄石市下陆区人民政府办公室  网站标识码：4202040001  鄂ICP备05003316号-1',
    '• 设为首页',
    '• 无障碍阅读',
    '首页 > 政务公开 > 政策文件 > 其他主动公开文件',
    '字号：大 中 小  打印本页  关闭窗口',
  ];
  it('keeps the document’s lines and drops the site’s', () => {
    const c = cleanPolicyText(page.join('\n'));
    expect(c.lines.map((l) => l.text)).toEqual(page.slice(0, 2).map((t) => expect.stringContaining(t.slice(2, 12))));
    expect(c.removed.filter((r) => r.what === '网页导航').map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });
  it('the site’s 主办单位 never becomes a task’s lead unit', () => {
    const parsed = parsePolicyText(page.join('\n'), { source: 't', now: '2026-01-01T00:00:00.000Z', origin: 'import', keyPrefix: 'T' });
    for (const t of parsed.tasks) expect([...t.leadUnits, ...t.responsibleUnits].join('、')).not.toMatch(/网站标识码|下陆区人民政府办公室/u);
  });
});

describe('a table of contents (宜昌 2022 十四五 规划)', () => {
  const toc = ['宜昌市科技创新“十四五”规划目录', '一、发展基础', '(一)主要成效', '三、重点任务', '(一)提升创新能力,增强科技创新供给', '1.加强布局战略科技力量', '2.加快建设宜昌科教城'];
  it('its entries are taken out (not headings, not tasks); the line naming it stays', () => {
    const c = cleanPolicyText([...toc, '一、发展基础', '“十三五”期间，全市科技创新工作快速发展。'].join('\n'));
    expect(c.removed.filter((r) => r.what === '目录').map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(c.lines.map((l) => l.text)).toEqual(['宜昌市科技创新“十四五”规划目录', '一、发展基础', '“十三五”期间，全市科技创新工作快速发展。']);
    expect(parsePolicyText(toc.join('\n')).tasks).toEqual([]);
  });
  it('a list of projects (重点项目目录) is no table of contents', () => {
    expect(cleanPolicyText(['2024年重点建设项目目录', '1.光谷科技会展中心二期', '2.长江新区科学城'].join('\n')).lines).toHaveLength(3);
  });
  it('no contents line: numbered lines are the text’s', () => {
    expect(cleanPolicyText(toc.slice(1).join('\n')).lines).toHaveLength(6);
  });
});

describe('a task table whose header names the task twice, its rows one cell shorter (崇川区 2023 民生实事)', () => {
  const head = ['序号 |', '主要任务 |', '全年目标任务 |', '分管 领导 |', '牵头 单位 |', '责任主体与协同单位 |', '1-10月推进情况 |', '1-11月推进情况 |', '是否达序 |', '说明 |'];
  const rows = ['24 |', '优化提升50条背街后巷交通组织。 |', '徐国江 |', '城管局 |', '市政局、相关街道 |', '已进场施工,完成30%。 |', '已进场施工,完成60%。 |', '是 |', '||', '25 |', '新增四分类“三定一督”达标小区210个。 |', '徐国江 |', '城管局 |', '市政局、环卫处、崇川经济开发区、各街道 |', '已进场施工。 |', '在46个小区,建成38个厢房,70个分类亭。 |', '否 |', '项目于9月28才签订合同。 |', '|', '26 |', '新建建筑垃圾中转站8个、建筑垃圾分类池20个。 |', '徐国江 |', '城管局 |', '崇川经济开发区、相关街道 |', '已建成建筑垃圾中转站3个。 |', '已建成建筑垃圾中转站7个。 |', '是 |'];
  it('one task column; person, progress and status columns left out; the last row, cut after its units, complete', () => {
    const t = readCellPerLineTaskTable([...head, ...rows], 0)!;
    expect(t.rows.map((r) => [r.text, r.cut])).toEqual([
      ['24 优化提升50条背街后巷交通组织。 城管局 市政局、相关街道', undefined],
      ['25 新增四分类“三定一督”达标小区210个。 城管局 市政局、环卫处、崇川经济开发区、各街道', undefined],
      ['26 新建建筑垃圾中转站8个、建筑垃圾分类池20个。 城管局 崇川经济开发区、相关街道', undefined],
    ]);
    const r = parsePolicyText(['2023年区政府重点民生实事项目推进情况(1-11月)', ...head, ...rows].join('\n'));
    expect(r.tasks.map((x) => [x.number, x.leadUnits, x.responsibleUnits])).toEqual([
      ['24', ['城管局'], ['市政局', '相关街道']],
      ['25', ['城管局'], ['市政局', '环卫处', '崇川经济开发区', '各街道']],
      ['26', ['城管局'], ['崇川经济开发区', '相关街道']],
    ]);
    expect(r.targets.map((x) => x.value)).toEqual([50, 210, 8, 20]);
  });
});


describe('a task table one cell a line with no “|”, a units cell of one unit a line (西安 2021, corpus 124 as a 责任分解表 .docx)', () => {
  // The text mammoth gives of the Word table (blank lines between cells), the 序号 column drawn by Word.
  const task1 = '实施清单式管理。每年编制全市统一的政务服务事项清单并向社会公布。';
  const task2 = '严格事权调整程序。按照“审批事项最少”要求,“整链条”持续推进简政放权。';
  const lines = ['序号', '工作任务', '责任单位', '配合单位', '完成时限', '1', task1, '市行政审批局', '市司法局', '市级相关部门', '持续推进', '2', task2, '市行政审批局', '市司法局', '市级相关部门', '持续推进', '3', '确保惠企政策落地。市级相关部门要以落实国家及我省、我市各项“减税降费”政策为重点'];
  it('the row runs on over the extra unit line to the next number: two lead units, the helpers, the deadline', () => {
    const t = readCellPerLineTaskTable(lines.flatMap((l) => [l, '']), 0)!;
    expect(t.rows.map((r) => r.text).slice(0, 2)).toEqual([`1 ${task1} 市行政审批局 市司法局 市级相关部门 持续推进`, `2 ${task2.replace(/,/gu, '，')} 市行政审批局 市司法局 市级相关部门 持续推进`]);
    const r = parsePolicyText(lines.join('\n\n'));
    expect(r.tasks.map((x) => [x.number, x.leadUnits, x.responsibleUnits, x.deadlineText ?? ''])).toEqual([
      ['1', ['市行政审批局', '市司法局'], ['市级相关部门'], '持续推进'],
      ['2', ['市行政审批局', '市司法局'], ['市级相关部门'], '持续推进'],
      ['3', [], [], ''],
    ]);
  });
});

describe('a task table copied one cell a line with no 序号 column (沈河区 2024 政府工作报告主要工作任务分解表)', () => {
  // Corpus 116 as the district's page has it: the number starts the task cell, a lead cell of two units one a line.
  const text = [
    '主要工作任务', '', '牵头单位', '', '责任单位', '',
    '一、优结构、谋发展,在加快构建现代化产业体系上冲在前、当先锋、作示范', '',
    '1.主动对接国家战略,完善“2+5+N”现代化产业体系和“18214”企业支撑体系,壮大531个支撑企业,加快形成新质生产力。', '',
    '区发改局', '', '区工信局、区商务局、区文旅局、区金融局、各街道办事处', '',
    '2.大力发展新兴数字、网络安全、工业互联网、前沿新材料、航空发动机、创新药等战略性新兴产业。', '',
    '发改局', '', '区工信局', '', '各街道办事处', '',
    '3.积极培育元宇宙、生成式人工智能、人形机器人、数字农业、现代种业等未来产业。', '',
    '发改局', '', '区工信局、各街道办事处', '',
    '4.开展数字核心产业提升行动,推进数字产业金廊、中科文萃数字港、国家高新区南塔片区、大学科技园区以及多福湾新质区建设,数字经济核心产业增加值占GDP比重达到10%。', '',
    '区发改局', '', '区工信局', '', '区投促局、多福湾工作专',
  ];

  it('reads each row: the task cell with its number, the lead lines, the last line the responsible cell', () => {
    const t = readNumberedCellTaskTable(text, 0)!;
    expect(t.headerLines).toEqual([1, 3, 5]);
    expect(t.sections.map((s) => s.line)).toEqual([7]);
    expect(t.rows.map((r) => [r.number, r.lead, r.partners])).toEqual([
      ['1', ['区发改局'], '区工信局、区商务局、区文旅局、区金融局、各街道办事处'],
      ['2', ['发改局', '区工信局'], '各街道办事处'],
      ['3', ['发改局'], '区工信局、各街道办事处'],
      // The copy ends in 多福湾工作专: a name cut mid-word is no unit.
      ['4', ['区发改局', '区工信局'], '区投促局'],
    ]);
  });

  it('gives the parser the tasks with their units, the section row a heading', () => {
    const r = parsePolicyText(['2024年政府工作报告主要工作任务分解表', '', ...text].join('\n'));
    expect(r.tasks.map((x) => [x.number, x.leadUnits, x.responsibleUnits])).toEqual([
      ['1', ['区发改局'], ['区工信局', '区商务局', '区文旅局', '区金融局', '各街道办事处']],
      ['2', ['发改局', '区工信局'], ['各街道办事处']],
      ['3', ['发改局'], ['区工信局', '各街道办事处']],
      ['4', ['区发改局', '区工信局'], ['区投促局']],
    ]);
    expect(r.tasks[0]!.title).toBe('主动对接国家战略，完善“2+5+N”现代化产业体系和“18214”企业支撑体系，壮大531个支撑企业，加快形成新质生产力');
    expect(r.sections.map((s) => s.label)).toEqual(['一、']);
  });

  it('a task-column word followed by running text is no table', () => {
    expect(readNumberedCellTaskTable(['重点任务', '牵头单位', '各单位要高度重视，认真落实。'], 0)).toBeUndefined();
    expect(readNumberedCellTaskTable(['重点任务', '1.加快建设创新平台。'], 0)).toBeUndefined();
  });
});
