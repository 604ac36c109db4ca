import { describe, expect, it } from 'vitest';
import { cleanIndicatorName, indicatorKey } from './names';

describe('cleanIndicatorName', () => {
  // Rows taken from the seed documents' targets as the parser finds them.
  it.each<[string, string, number, string, string | undefined, string]>([
    ['技术经理人', '人', 5000, '技术经理人突破5000人', undefined, '技术经理人数量'],
    ['人才', '名', 500, '每年认定人才500名以上', undefined, '认定人才数量'],
    ['立项', '项', 500, '市自然科学基金新增立项500项', undefined, '市自然科学基金立项数量'],
    ['在用', '个', 2, '形成建成在用2个、推进建设4个、预研预制4个、引进培育1个的总体格局', '加快推进重大科技基础设施建设', '在用的重大科技基础设施数量'],
    ['支持', '名', 100, '认定支持100名左右科技领军人才', undefined, '科技领军人才数量'],
    ['授牌', '家', 20, '认定授牌20家以上市级示范创新街区（园区、楼宇）', undefined, '市级示范创新街区（园区、楼宇）数量'],
    ['建设', '家', 10, '支持建设10家国际企业创新中心、10家“一带一路”联合实验室', undefined, '国际企业创新中心数量'],
    ['科技领军企业及后备企业分别', '家', 5, '力争科技领军企业及后备企业分别达到5家、15家', undefined, '科技领军企业及后备企业数量'],
    ['标准组建', '家', 10, '比照国家产业创新平台建设标准组建10家市级技术（产业、制造业）创新中心', undefined, '市级技术（产业、制造业）创新中心数量'],
    ['设立规模', '亿元', 30, '设立规模不低于30亿元的“武创科技成果转化基金”', undefined, '武创科技成果转化基金规模'],
    ['单位主持和参与的国际标准累计', '件', 220, '在汉单位主持和参与的国际标准累计超过220件', undefined, '单位主持和参与的国际标准数量'],
    ['高校输出到本地企业的技术合同成交额年均', '%', 10, '高校输出到本地企业的技术合同成交额年均增幅10%', undefined, '高校输出到本地企业的技术合同成交额年均增速'],
    ['培育', '个', 1, '形成建成在用2个、推进建设4个、预研预制4个、引进培育1个的总体格局', '加快推进重大科技基础设施建设', '培育的重大科技基础设施数量'],
    ['全社会研发投入强度', '%', 4.2, '全社会研发投入强度达到4.2%', undefined, '全社会研发投入强度'],
    ['每万人口高价值发明专利拥有量', '件', 50, '每万人口高价值发明专利拥有量超过50件', undefined, '每万人口高价值发明专利拥有量'],
    ['科技型企业贷款余额', '亿元', 5000, '全市科技型企业贷款余额突破5000亿元', undefined, '科技型企业贷款余额'],
    ['在孵初创科技企业', '家', 15000, '在孵初创科技企业突破15000家', undefined, '在孵初创科技企业数量'],
    ['国家级创新平台数量', '个', 180, '国家级创新平台数量突破180个', undefined, '国家级创新平台数量'],
    // A count of the one list (isCountUnit) that the names' own list lacked (座); attendances (人次) are not things.
    ['5G基站', '座', 5000, '新建5G基站5000座', undefined, '5G基站数量'],
    ['科普活动', '人次', 100, '开展科普活动100人次以上', undefined, '科普活动'],
  ])('%s → %s', (name, unit, value, sourceText, title, expected) => {
    expect(cleanIndicatorName({ name, unit, value, sourceText }, title)).toBe(expected);
  });

  it.each([
    ['增长', '高新技术产业增加值', '高新技术产业增加值增速'],
    ['年均增长', '全社会研发经费投入', '全社会研发经费投入年均增速'],
    ['下降', '万元地区生产总值能耗', '万元地区生产总值能耗降幅'],
    ['达到', '数字经济核心产业增加值占比', '数字经济核心产业增加值占比'],
  ] as const)('a %s rate names the rate: %s → %s', (comparator, name, expected) => {
    expect(cleanIndicatorName({ name, unit: '%', value: 10, sourceText: `${name}${comparator}10%`, comparator })).toBe(expected);
  });

  it('gives the same key to one indicator however it is written', () => {
    expect(indicatorKey('技术经理人数量', '人')).toBe(indicatorKey('技术经理人', '人'));
    expect(indicatorKey('市级示范创新街区(园区、楼宇)', '家')).toBe(indicatorKey('市级示范创新街区（园区、楼宇）', '家'));
    expect(indicatorKey('科技领军人才', '人')).toBe(indicatorKey('科技领军人才', '名'));
    expect(indicatorKey('技术经理人', '人')).not.toBe(indicatorKey('技术经理人', '%'));
  });
});
