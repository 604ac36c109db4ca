import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DefaultData } from './seed-data';
import type { Cluster } from '../model';
import { issuingPlace, placeIssuedElsewhere, unitAsWritten } from './issuer';
import { parsePolicyText } from './parse';
import { taskRelevance } from './relevance';
import { clusterMembership } from './clusters';
import { suggestDistricts } from '../rounds/city';
import { unifyUnits } from '../import/plan-import';
import { CITY_OFFICE } from '../districts';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/policy');
const data = JSON.parse(readFileSync(join(import.meta.dirname, '../../../seeds/default-data.json'), 'utf8')) as DefaultData;
const parseFixture = (path: string) => parsePolicyText(readFileSync(join(FIXTURES, path), 'utf8'), { source: path });

describe('placeIssuedElsewhere: the place that issued a document, when it is not Wuhan, Hubei or the state', () => {
  it.each([
    // issuers
    [['咸宁市科学技术局'], [], '咸宁市'],
    [['黄石港区人民政府'], [], '黄石港区'],
    [['中共银川市委办公室、银川市人民政府办公室'], [], '银川市'],
    [['四川省科学技术厅'], [], '四川省'],
    [['黔东南州人民政府办公室'], [], '黔东南州'],
    [['湖北省咸宁市嘉鱼县人民政府办公室'], [], '咸宁市'],
    [['咸宁高新区管委会'], [], '咸宁高新区'],
    [['湖北省人民政府办公厅'], [], undefined],
    [['国务院办公厅'], [], undefined],
    [['武汉市人民政府办公厅'], [], undefined],
    [['中共武汉市委'], ['关于印发…的通知'], undefined],
    [['武汉市江夏区人民政府办公室'], [], undefined],
    [['东西湖区人民政府'], [], undefined],
    [['临空港经开区管委会'], [], undefined],
    [['东湖新技术开发区管委会'], [], undefined],
    [['武汉东湖新技术开发区管理委员会'], [], undefined],
    [['长江新区管委会'], [], undefined],
    // no place named: nothing is assumed
    [['市人民政府办公厅'], [], undefined],
    [['区人民政府'], ['2025年区政府重点工作分解意见'], undefined],
    [['高新区管委会'], ['高新区2025年工作要点'], undefined],
    // titles
    [[''], ['咸宁市科技赋能行动2025年实施方案'], '咸宁市'],
    [[''], ['黄冈市“十四五”科技创新规划'], '黄冈市'],
    [[''], ['成都市城市社区嵌入式服务设施建设工程实施方案'], '成都市'],
    [[''], ['盐城市科技创新三年行动计划'], '盐城市'],
    [[''], ['江夏区2025年科技创新工作要点'], undefined],
    [[''], ['智慧城市建设三年行动方案'], undefined],
    [[''], ['超大城市治理现代化行动方案'], undefined],
    // a district named in a title's phrase is no issuer
    [[''], ['促进东西湖区与汉南区协同发展的实施方案'], undefined],
    [[''], ['推进城区老旧小区改造工作方案'], undefined],
    // the issuer is weighed before the title
    [['武汉市科技创新局'], ['成都市经验做法学习借鉴工作方案'], undefined],
  ])('%j, %j → %s', (issuers, titles, place) => {
    expect(placeIssuedElsewhere(issuers, titles)).toBe(place);
  });
});

describe('issuingPlace: the Wuhan district or zone that issued a document', () => {
  it.each([
    [['武汉市江夏区人民政府办公室'], [], '江夏区'],
    [['东西湖区人民政府'], [], '东西湖区'],
    [['临空港经开区管委会'], [], '东西湖区'],
    [['武汉东湖新技术开发区管理委员会'], [], '东湖新技术开发区'],
    [['|武昌区人民政府办公室|'], [], '武昌区'],
    [[''], ['武汉经开区国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案'], '武汉经济技术开发区'],
    [[''], ['洪山区关于实施“山水星光”计划加快建设环大学创新发展带的方案（2025-2027年）'], '洪山区'],
    [[''], ['东湖高新区2024年工作报告'], '东湖新技术开发区'],
    // the city's, or no place: no district
    [['武汉市人民政府办公厅'], [], undefined],
    [['区人民政府办公室'], ['2023年区《政府工作报告》确定的主要目标任务责任分解方案'], undefined],
    // 东湖 alone is two zones' stem: Wuhan's, not which
    [['东湖管委会'], [], undefined],
    [[''], ['促进东西湖区与汉南区协同发展的实施方案'], undefined],
  ])('%j, %j → %s', (issuers, titles, district) => {
    const place = issuingPlace(issuers, titles);
    expect(place.district).toBe(district);
    expect(place.elsewhere).toBeUndefined();
  });
});

describe('unitAsWritten: a unit of a document issued elsewhere keeps the name its text wrote', () => {
  it('undoes a Wuhan rename only where the text wrote the old name', () => {
    expect(unitAsWritten('市科技创新局', '（责任单位：市科技局，市高投集团）')).toBe('市科技局');
    expect(unitAsWritten('市科技创新局', '（责任单位：市科学技术局）')).toBe('市科学技术局');
    expect(unitAsWritten('市科技创新局', '（责任单位：市科技创新局）')).toBe('市科技创新局');
    expect(unitAsWritten('市高投集团', '（责任单位：市科技局，市高投集团）')).toBe('市高投集团');
    // no text to look at: nothing is guessed
    expect(unitAsWritten('市科技创新局', '')).toBe('市科技创新局');
  });
});

describe('a document issued elsewhere, parsed from its real text', () => {
  it('咸宁市科技赋能行动2025年实施方案: 咸宁市’s 市科技局 is kept as written, and the task concerns no Wuhan office', () => {
    const p = parseFixture('elsewhere/xianning-kejifuneng-2025.txt');
    expect(p.document.issuedElsewhere).toBe('咸宁市');
    expect(p.tasks).toHaveLength(1);
    const t = p.tasks[0]!;
    expect(t.issuedElsewhere).toBe('咸宁市');
    expect([...t.leadUnits, ...t.responsibleUnits]).toContain('市科技局');
    expect([...t.leadUnits, ...t.responsibleUnits]).not.toContain('市科技创新局');
    for (const district of ['江夏区', '武昌区', '东湖新技术开发区']) {
      const r = taskRelevance(t, district, data.clusters.filter((c) => c.district === district));
      expect(r.relevant).toBe(false);
      expect(r.reasons).toEqual(['外地文件：咸宁市印发，不算本单位任务']);
    }
    expect(taskRelevance(t, CITY_OFFICE, data.clusters).relevant).toBe(false);
    expect(suggestDistricts(t, data.clusters)).toEqual([]);
    // Storage writes units through the one rule (unifyUnits): a 外地文件's stay as written.
    expect(unifyUnits(t)).toBe(t);
    expect(unifyUnits({ ...t, issuedElsewhere: undefined }).leadUnits).toContain('市科技创新局');
  });

  it('黄石港区’s 2025年区政府重点工作分解意见: its bare 区发改局 is 黄石港区’s, not the office’s own', () => {
    const p = parseFixture('elsewhere/huangshigang-fenjie-2025.txt');
    expect(p.document.issuedElsewhere).toBe('黄石港区');
    expect(p.tasks.length).toBeGreaterThanOrEqual(10);
    for (const t of p.tasks) {
      expect(t.issuedElsewhere).toBe('黄石港区');
      const r = taskRelevance(t, '江夏区', data.clusters.filter((c) => c.district === '江夏区'));
      expect(r.relevant, `${t.key} ${r.reasons.join('；')}`).toBe(false);
      expect(suggestDistricts(t, data.clusters)).toEqual([]);
    }
  });

  it('its keywords make it no cluster’s task; a link by hand does (the one membership rule)', () => {
    const t = parseFixture('elsewhere/xianning-kejifuneng-2025.txt').tasks[0]!;
    const cluster: Cluster = { id: 'c-jx', district: '江夏区', name: '离岸科创', keywords: ['离岸科创园'], includedTaskKeys: [], excludedTaskKeys: [], origin: 'manual', order: 1 };
    expect(clusterMembership(cluster, t, '江夏区')).toBeUndefined();
    expect(clusterMembership(cluster, { ...t, issuedElsewhere: undefined }, '江夏区')).toEqual({ kind: 'keyword', keyword: '离岸科创' });
    const linked = { ...cluster, includedTaskKeys: [t.key] };
    expect(clusterMembership(linked, t, '江夏区')).toEqual({ kind: 'manual' });
    expect(taskRelevance(t, '江夏区', [linked]).reasons).toEqual(['产业集群：离岸科创（手动关联）', '外地文件：咸宁市印发，不算本单位任务']);
  });

  it('a document issued elsewhere that names the district by name concerns it (与江夏区共建…)', () => {
    const p = parseFixture('elsewhere/xianning-kejifuneng-2025.txt');
    const t = { ...p.tasks[0]!, text: `${p.tasks[0]!.text}与武汉市江夏区共建离岸科创园。` };
    const r = taskRelevance(t, '江夏区', []);
    expect(r.relevant).toBe(true);
    expect(r.reasons).toEqual(['点名：江夏区', '外地文件：咸宁市印发，不算本单位任务']);
  });

  it('武汉经开区’s 十四五 任务分工方案 (corpus 58): its bare 区××局 are 经开区’s — no task is 硚口区’s own; 经开区’s own ledger keeps them', () => {
    const p = parseFixture('corpus/58-wuhan-jingkaiqu-shisiwu-fengong-2022.txt');
    expect(p.document.issuedByDistrict).toBe('武汉经济技术开发区');
    expect(p.document.issuedElsewhere).toBeUndefined();
    const withBareUnits = p.tasks.filter((t) => [...t.leadUnits, ...t.responsibleUnits].some((u) => /^区/u.test(u)));
    expect(withBareUnits.length).toBeGreaterThan(0);
    for (const t of withBareUnits) {
      const qk = taskRelevance(t, '硚口区', data.clusters.filter((c) => c.district === '硚口区'));
      expect(qk.relevant, `${t.key} ${qk.reasons.join('；')}`).toBe(false);
      expect(qk.reasons.at(-1)).toBe('其他区文件：武汉经开区印发，不算本区任务');
      const jkq = taskRelevance(t, '武汉经济技术开发区', data.clusters.filter((c) => c.district === '武汉经济技术开发区'));
      expect(jkq.relevant).toBe(true);
      expect(jkq.why.some((r) => r.kind === 'own')).toBe(true);
      expect(taskRelevance(t, CITY_OFFICE, data.clusters).relevant).toBe(true);
      expect(suggestDistricts(t, data.clusters)).toContain('武汉经济技术开发区');
    }
  });

  it('a district’s own document: every task of it is the district’s, with or without units of its own (walk7 W2)', () => {
    const own = ['44-hanyang-zerenfenjie-2019.txt', '45-jiangan-jianyian-banli-2025.txt', '48-hongshan-shanshuixingguang-2025.txt', '58-wuhan-jingkaiqu-shisiwu-fengong-2022.txt']
      .map((f) => parseFixture(`corpus/${f}`))
      .filter((p) => p.document.issuedByDistrict && p.tasks.length > 0);
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const p of own) {
      const district = p.document.issuedByDistrict!;
      const clusters = data.clusters.filter((c) => c.district === district);
      for (const t of [...p.tasks, { ...p.tasks[0]!, key: 'no-units', leadUnits: [], responsibleUnits: [] }, { ...p.tasks[0]!, key: 'streets', leadUnits: [], responsibleUnits: ['各街道办事处'] }]) {
        const r = taskRelevance(t, district, clusters);
        expect(r.relevant, `${district} ${t.key}`).toBe(true);
        expect(r.reasons).toContain(`本区文件：${district}印发`);
      }
      // Another district's office still reads it as that district's document.
      const other = district === '汉阳区' ? '硚口区' : '汉阳区';
      expect(taskRelevance({ ...p.tasks[0]!, key: 'no-units', leadUnits: [], responsibleUnits: [] }, other, []).relevant).toBe(false);
    }
  });

  it('the built-in documents are Wuhan’s: none is issued elsewhere, their units keep Wuhan’s current names', () => {
    expect(data.documents.filter((d) => d.issuedElsewhere)).toEqual([]);
    expect(data.tasks.filter((t) => t.issuedElsewhere)).toEqual([]);
    expect(data.documents.filter((d) => d.issuedByDistrict)).toEqual([]);
  });
});

/**
 * The corpus: the issuer of each document as its README gives it. Wuhan's own documents (the
 * city's, a district's, a zone's), Hubei's and the state's are never taken for another place's;
 * another place's is either found (as that place) or, when its excerpt names no issuer, left alone.
 */
const WUHAN_OR_ABOVE = new Set([10, 16, 17, 18, 19, 22, 23, 24, 30, 32, 38, 39, 44, 45, 48, 49, 58, 67, 75, 76, 77, 79, 81, 83, 86, 92, 104, 115, 120, 125, 126, 127, 130]);
const FOREIGN: Record<number, string[]> = {
  1: ['广州市'], 2: ['开封市'], 3: ['杭州市'], 4: ['温州市'], 5: ['台州市'], 6: ['上海市'], 7: ['银川市'], 8: ['黔东南州'], 9: ['四川省'], 11: ['延安市'],
  12: ['临海市'], 13: ['淄博市'], 14: ['黄石市'], 15: ['梧州市'], 20: ['重庆市', '大渡口区'], 21: ['亳州市', '谯城区'], 25: ['重庆市'], 26: ['重庆市', '巴南区'],
  27: ['潍坊市'], 28: ['包头市', '昆都仑区'], 29: ['静安区'], 31: ['重庆市'], 33: ['赤壁市'], 34: ['金华市'], 35: ['环县'], 36: ['天津市', '滨海新区'], 37: ['眉山市'],
  40: ['霍山县', '霍山经济开发区'], 41: ['六盘水市'], 42: ['温州市', '洞头区'], 43: ['宣城市', '宣城高新区'], 46: ['北京市', '大兴区'], 47: ['宣州区', '宣城市'], 50: ['十堰市', '郧阳区'],
  51: ['咸宁市', '咸安区'], 52: ['鞍山市', '立山区'], 53: ['黄石市', '下陆区'], 54: ['咸宁市', '嘉鱼县'], 55: ['运城市'], 56: ['许昌市'], 57: ['滁州市'], 59: ['襄阳市'],
  60: ['昆明市', '官渡区'], 61: ['黄冈市'], 62: ['下陆区', '黄石市'], 63: ['山西省'], 64: ['成都市'], 65: ['宜昌市'], 66: ['十堰市'], 68: ['北京市'], 69: ['济宁市'],
  70: ['廊坊市', '大厂县'], 71: ['二连浩特市'], 72: ['南通市', '崇川区'], 73: ['阳江市', '阳东区'], 74: ['鄂州市'], 78: ['重庆市', '沙坪坝区'], 80: ['咸宁市'],
  82: ['黄石市', '黄石港区'], 84: ['荆门市'], 85: ['荆州市', '沙市区'], 87: ['上饶市', '广丰区'], 88: ['绍兴市', '上虞区'], 89: ['潜江市'], 90: ['随州市'], 91: ['潜江市'],
  93: ['潜江市'], 94: ['庆阳市'], 95: ['长兴县'], 96: ['西乡县'], 97: ['泾县'], 98: ['通山县'], 99: ['华容县'], 100: ['盘锦市', '大洼区'],
  101: ['佛山市', '三水区'], 102: ['银川市', '兴庆区'], 103: ['亳州市', '谯城区'], 105: ['张家川回族自治县'], 106: ['高唐县'],
  107: ['沁县', '长治市'], 108: ['金乡县', '济宁市'], 109: ['泰州市'], 110: ['亳州市'], 111: ['十堰市'], 112: ['新乡市'], 113: ['滕州市', '枣庄市'], 114: ['成都市'],
  116: ['沈阳市', '沈河区'], 117: ['咸阳市'], 118: ['海南省'], 119: ['宜昌市'], 121: ['济南市', '长清区'], 122: ['海南省'],
  123: ['西安市'], 124: ['西安市'], 128: ['新余市'], 129: ['濮阳市'],
};

describe('placeIssuedElsewhere on the corpus of real documents', () => {
  const files = readdirSync(join(FIXTURES, 'corpus')).filter((n) => n.endsWith('.txt')).sort();
  const found = files.map((f) => ({ f, n: Number(f.split('-')[0]), place: parseFixture(`corpus/${f}`).document.issuedElsewhere }));

  it('every document is listed above, once', () => {
    for (const { n } of found) expect(WUHAN_OR_ABOVE.has(n) !== (FOREIGN[n] !== undefined), String(n)).toBe(true);
  });

  it('never takes a Wuhan, Hubei or national document for another place’s', () => {
    expect(found.filter((x) => WUHAN_OR_ABOVE.has(x.n) && x.place).map((x) => `${x.f}: ${x.place}`)).toEqual([]);
  });

  it('names another place’s document by its own place, or leaves it alone; finds most of them', () => {
    const wrong = found.filter((x) => FOREIGN[x.n] && x.place && !FOREIGN[x.n]!.includes(x.place)).map((x) => `${x.f}: ${x.place}`);
    expect(wrong).toEqual([]);
    const foreign = found.filter((x) => FOREIGN[x.n]);
    const hit = foreign.filter((x) => x.place).length;
    // 43 of 68 when written (01–94), 50 of 79 with 95–106, 57 of 87 with 107–114, 62 of 93 with 115–122, 64 of 97 with 123–130: the others' excerpts name no place in an issuer line or a title (a
    // district's text saying only 区人民政府办公室, a 文号 like 鄂州政办发): unknown is treated as Wuhan's.
    expect(foreign).toHaveLength(97);
    expect(hit).toBeGreaterThanOrEqual(50);
  });
});
