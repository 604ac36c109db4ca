import { describe, expect, it } from 'vitest';
import { findTrailer, readLabelledUnits, TRAILER_FORMS, UNIT_PHRASES, expandUnitPhrases, type TrailerState } from './trailers';

/** One row per trailer form: its example sentence and the units an officer would enter. */
const EXPECTED: Record<string, { lead: string[]; responsible: string[] }> = {
  'star-lead': { lead: ['经信局'], responsible: ['科技局'] },
  'first-listed-declared': { lead: ['科技部'], responsible: ['发展改革委'] },
  labelled: { lead: ['市发展改革委'], responsible: ['市委组织部', '市人力资源和社会保障局', '各区人民政府', '各县级市人民政府'] },
  'labelled-cut': { lead: ['市发改委', '市科技创新局'], responsible: ['市人社局', '各区人民政府'] },
  'lead-with-others': { lead: ['市科委'], responsible: ['市经信委', '市发改委', '各区人民政府'] },
  'lead-and-helpers': { lead: ['区政务服务局'], responsible: ['区发改局', '区审改办', '区级相关部门'] },
  'responsible-plain': { lead: ['市发展改革委'], responsible: ['市科技创新局'] },
};

describe('unit trailer forms (a row per form)', () => {
  it('every form has a test row', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(TRAILER_FORMS.map((f) => f.id).sort());
  });

  it.each(TRAILER_FORMS.map((f) => [f.id, f.example] as const))('%s: %s', (id, example) => {
    const found = findTrailer(`开展相关工作。${example}`)!;
    expect(found.form).toBe(id);
    expect(found.units.leadUnits).toEqual(EXPECTED[id]!.lead);
    expect(found.units.responsibleUnits).toEqual(EXPECTED[id]!.responsible);
    expect(found.text).toBe('开展相关工作。');
  });

  it('a declaration (…，下同) holds for the trailers after it', () => {
    const state: TrailerState = {};
    findTrailer('甲。（科技部、发展改革委等按职责分工负责。列第一位者为牵头单位，下同）', state);
    const next = findTrailer('乙。（工业和信息化部、财政部、科技部负责）', state)!;
    expect(next.units).toMatchObject({ leadUnits: ['工业和信息化部'], responsibleUnits: ['财政部', '科技部'] });
    const starred: TrailerState = {};
    findTrailer('丙。（责任单位：☆经信局、科技局。标☆的为牵头单位，下同。）', starred);
    expect(findTrailer('丁。（责任单位：☆科技局、财政局）', starred)!.units).toMatchObject({ leadUnits: ['科技局'], responsibleUnits: ['财政局'] });
  });

  it('the last trailer of a text is the task’s', () => {
    const t = findTrailer('建设平台（牵头单位：市教育局）。推进合作。（牵头单位：市委组织部，配合单位：市国资委）')!;
    expect(t.units).toMatchObject({ leadUnits: ['市委组织部'], responsibleUnits: ['市政府国资委'] });
  });

  it('only 牵头单位 named: the lead units are also responsible; only 责任单位: the units before the first ， lead', () => {
    expect(readLabelledUnits('牵头单位：市人力资源和社会保障局')).toEqual({ leadUnits: ['市人力资源和社会保障局'], responsibleUnits: ['市人力资源和社会保障局'], leadInferred: false });
    expect(readLabelledUnits('责任单位：市委金融办，市财政局、市科技局')).toEqual({ leadUnits: ['市委金融办'], responsibleUnits: ['市财政局', '市科技创新局'], leadInferred: true });
    expect(readLabelledUnits('牵头科室（单位）：计划科、科技资源统筹中心基建办')!.leadUnits).toEqual(['计划科', '科技资源统筹中心基建办']);
  });

  // 西安市 2021 政务服务事项进驻市级大厅 (corpus 124): 责任单位 beside 配合单位, no 牵头 label.
  it('责任单位 beside 配合单位: the 责任单位 lead, the 配合单位 are responsible; 完成时限 names no unit', () => {
    const t = findTrailer(
      '实施清单式管理。每年编制全市统一的政务服务事项清单并向社会公布。(责任单位:市行政审批局、市司法局;配合单位:市级相关部门;完成时限:持续推进)',
    )!;
    expect([t.form, t.units]).toEqual(['labelled', { leadUnits: ['市行政审批局', '市司法局'], responsibleUnits: ['市级相关部门'], leadInferred: false }]);
    // 责任单位 alone keeps its reading: the units before the first ， lead.
    expect(readLabelledUnits('责任单位:市行政审批局、市司法局;完成时限:持续推进')).toEqual({ leadUnits: ['市行政审批局', '市司法局'], responsibleUnits: ['市行政审批局', '市司法局'], leadInferred: true });
  });

  it.each([
    ['（牵头单位：武汉东湖新技术开发区管委会；责任单位：市发展改革委、市科技局、市经济', ['武汉东湖新技术开发区管委会'], ['市发展改革委', '市科技创新局']],
    ['（牵头单位：市科技局，配合单位：市财政局、', ['市科技创新局'], ['市财政局']],
  ])('a trailer cut by the end of the text keeps the units written out in full: %s', (trailer, lead, responsible) => {
    const t = findTrailer(`开展相关工作。${trailer}`)!;
    expect([t.form, t.units.leadUnits, t.units.responsibleUnits, t.text]).toEqual(['labelled-cut', lead, responsible, '开展相关工作。']);
  });

  // 咸安 2023 责任分解方案: the leader in charge first, then the units; a person label names no unit.
  it.each([
    ['（责任领导：杜新国；牵头单位：区发改局）', 'labelled', ['区发改局'], ['区发改局']],
    ['（责任领导：洪声耀；牵头单位：区交通运输局；责任单位：区发改局、区自然资源和规划局、区林业局，区经发集团，相关乡镇办）', 'labelled', ['区交通运输局'], ['区发改局', '区自然资源和规划局', '区林业局', '区经发集团', '相关乡镇办']],
    ['（责任领导：杜新国、丁玲；牵头单位：区发改局、区农业农村局）', 'labelled', ['区发改局', '区农业农村局'], ['区发改局', '区农业农村局']],
    ['（牵头单位：区发改局；责任领导：杜新国）', 'labelled', ['区发改局'], ['区发改局']],
    ['（责任领导：洪声耀；牵头单位：区交通运输局；责任单位：区发改局、区自然', 'labelled-cut', ['区交通运输局'], ['区发改局']],
  ])('a person label beside the units: %s', (trailer, form, lead, responsible) => {
    const t = findTrailer(`开展相关工作。${trailer}`)!;
    expect([t.form, t.units.leadUnits, t.units.responsibleUnits, t.text]).toEqual([form, lead, responsible, '开展相关工作。']);
  });

  // 官渡区 2016 稳增长措施 and 许昌 2020 任务分解: 等 closes the named units and names none itself.
  it.each([
    ['（区发改局牵头，区财政局、区交运局、区水务局等部门，区国投公司、各街道办事处配合）', ['区发改局'], ['区财政局', '区交运局', '区水务局', '区国投公司', '各街道办事处']],
    ['（责任单位：市疫情防控指挥部办公室、市卫生健康委等，各县（市、区）政府（管委会））', ['市疫情防控指挥部办公室', '市卫生健康委'], ['各县（市、区）政府']],
    ['（由区发改局牵头负责，区财政局、区住建局配合）', ['区发改局'], ['区财政局', '区住建局']],
  ])('“…等” and “…等部门” after the named units: %s', (trailer, lead, responsible) => {
    const t = findTrailer(`开展相关工作。${trailer}`)!;
    expect([t.units.leadUnits, t.units.responsibleUnits]).toEqual([lead, responsible]);
  });

  // 滁州 2020 责任分解: “各县、市、区政府” is every county, county-level city and district government.
  it('bare levels of government after 各 are one unit', () => {
    expect(readLabelledUnits('牵头单位：市财政局；协同单位：市税务局、中新苏滁高新区管委会等，各县、市、区政府')!.responsibleUnits).toEqual(['市税务局', '中新苏滁高新区管委会', '各县、市、区政府']);
    expect(readLabelledUnits('责任单位：各区、市教育局')!.leadUnits).toHaveLength(2);
  });

  it('text without units has no trailer', () => {
    expect(findTrailer('加快建设概念验证中心。（简称“633”人才工程）')).toBeUndefined();
    expect(findTrailer('关于加快沉湖建设的建议（市人大第20250011号）')).toBeUndefined();
  });
});

describe('unit phrases (a row per phrase)', () => {
  const EXPANDED: Record<string, string[]> = {
    '配合单位：市科协，各有关区、县级市': ['有关区人民政府', '有关县级市人民政府'],
    '配合单位：市教育局，各区、县级市': ['各区人民政府', '各县级市人民政府'],
    '责任单位：各区、县（市）人民政府': ['各区人民政府', '各县（市）人民政府'],
  };
  it.each(UNIT_PHRASES.map((p) => [p.example] as const))('%s', (example) => {
    const units = readLabelledUnits(`牵头单位：市委组织部，${example}`)!;
    for (const u of EXPANDED[example]!) expect(units.responsibleUnits).toContain(u);
    expect(expandUnitPhrases(example)).not.toMatch(/、县级市$|、县（市）人民政府$/u);
  });
});

describe('a 纲要 分工方案’s indicator trailer (荆门 2021)', () => {
  it('the attribute before the labels is no unit, nor a note on the items below; the cut tail is dropped', () => {
    const t = findTrailer('地区生产总值(GDP)总量力争突破3000亿元,年均增长7%以上。(预期性指标,牵头单位:市发改委;责任单位:市政府有关部门,各县市区,以下均需各县市区落实,不再逐')!;
    expect(t.form).toBe('labelled-cut');
    expect(t.units).toMatchObject({ leadUnits: ['市发改委'], responsibleUnits: ['市政府有关部门', '各县市区'] });
    expect(t.text).toBe('地区生产总值(GDP)总量力争突破3000亿元,年均增长7%以上。');
    expect(findTrailer('森林覆盖率达到40%。(约束性指标，牵头单位：市园林林业局，下同)')!.units).toMatchObject({ leadUnits: ['市园林林业局'], responsibleUnits: ['市园林林业局'] });
  });
});
