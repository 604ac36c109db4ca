import { describe, expect, it } from 'vitest';
import { cleanPolicyText, readColumnsHeader, readFlatRow } from './normalize';
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
