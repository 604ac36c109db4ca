/** The district's indicators on the default data set generated from the five seed documents. */
import { describe, expect, it } from 'vitest';
import type { DefaultData } from '../policy/seed-data';
import { makePeriod } from '../period';
import { taskRelevance } from '../policy/relevance';
import { CITY_OFFICE } from '../districts';
import { buildDistrictIndicators, comparedValue, indicatorAboveWhole, indicatorValue, judgeIndicator, targetText, valueAboveWhole } from './district';
import { indicatorKey } from './names';
import seedJson from '../../../seeds/default-data.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicyText } from '../policy/parse';

const seed = seedJson as unknown as DefaultData;
const district = '汉阳区';
const clusters = seed.clusters.filter((c) => c.district === district);
const period = makePeriod('quarter', 2026, 2);
const base = { district, period, targets: seed.targets, tasks: seed.tasks, documents: seed.documents, clusters };

describe('the district indicators of 汉阳区 from the seed documents', () => {
  const list = buildDistrictIndicators({ ...base, all: true });
  const names = list.map((i) => i.name);

  it('names each indicator by the measured thing, never a verb or a fragment', () => {
    for (const bad of ['人才', '立项', '在用', '培育', '支持', '授牌', '建设', '科技领军企业及后备企业分别', '设立规模', '标准组建']) expect(names).not.toContain(bad);
    expect(names).toContain('技术经理人数量');
    for (const n of names) expect(n.length).toBeGreaterThan(3);
  });

  it('gives one row per indicator however many documents state it, with its sources', () => {
    for (const n of ['每万人口高价值发明专利拥有量', '公民具备科学素质比例', '技术经理人数量']) expect(names.filter((x) => x === n)).toHaveLength(1);
    const patents = list.find((i) => i.name === '每万人口高价值发明专利拥有量')!;
    expect(patents.targets.length).toBeGreaterThanOrEqual(4);
    expect(patents.sources.length).toBeGreaterThanOrEqual(3);
    // The current statement for 2026: the nearest target year still to come.
    expect(patents.cityTarget.year).toBe(2026);
    expect(new Set(list.map((i) => i.key)).size).toBe(list.length);
  });

  it('speaks in the unit of the statement it shows where documents count the same thing in 家 and 个', () => {
    // 产业创新联合实验室: 打造10个以上 (2023年工作要点) and 建成…15家 (研发中心三年行动) are one indicator.
    const labs = list.find((i) => i.targets.some((t) => t.unit === '个') && i.targets.some((t) => t.unit === '家'));
    expect(labs).toBeDefined();
    for (const i of list) expect(i.unit, i.name).toBe(i.cityTarget.unit);
    expect(targetText(labs!.cityTarget)).toContain(labs!.unit);
  });

  it('lists only indicators of tasks that concern the district, unless all are asked for', () => {
    const mine = buildDistrictIndicators(base);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(list.length);
    const relevant = new Set(seed.tasks.filter((t) => taskRelevance(t, district, clusters).relevant).map((t) => t.key));
    for (const i of mine) expect(i.taskKeys.some((k) => relevant.has(k))).toBe(true);
  });

  it('judges the district value against the district target, not the city-wide one', () => {
    const incubated = list.find((i) => i.name === '在孵初创科技企业数量')!;
    expect(incubated.scope).toBe('city');
    const asCity = judgeIndicator(incubated, period, 1234);
    expect(asCity.verdict).toBe('unknown');
    expect(asCity.completion).toBeUndefined();
    expect(asCity.reason).toContain('只有全市目标');
    const withOwn = buildDistrictIndicators({ ...base, all: true, districtTargets: { [incubated.key]: { value: 1300, year: 2026 } } }).find((i) => i.key === incubated.key)!;
    expect(withOwn.scope).toBe('district');
    const judged = judgeIndicator(withOwn, period, 1234);
    expect(judged.completion).toBeCloseTo((1234 / 1300) * 100, 6);
    expect(judged.verdict).toBe('unknown'); // no baseline before the target year: no line to judge by
    const lined = buildDistrictIndicators({ ...base, all: true, districtTargets: { [incubated.key]: { value: 1300, year: 2026, baseline: 1000, baselineYear: 2025 } } }).find((i) => i.key === incubated.key)!;
    expect(judgeIndicator(lined, period, 1234).verdict).toBe('ahead'); // half way by mid-2026 is 1150
    // A district target makes a goal of the documents the district's own and lists it.
    const goal = list.find((i) => i.targets.every((t) => t.taskKey === undefined))!;
    expect(buildDistrictIndicators(base).some((i) => i.key === goal.key)).toBe(false);
    expect(buildDistrictIndicators({ ...base, districtTargets: { [goal.key]: { value: 1 } } }).some((i) => i.key === goal.key)).toBe(true);
  });

  it('lists an indicator the district reported a value for, even of a task that does not concern it', () => {
    const mine = new Set(buildDistrictIndicators(base).map((i) => i.key));
    const other = list.find((i) => !mine.has(i.key) && i.targets.some((t) => t.taskKey !== undefined))!;
    const target = other.targets.find((t) => t.taskKey !== undefined)!;
    expect(buildDistrictIndicators({ ...base, reported: new Set([target.id]) }).some((i) => i.key === other.key)).toBe(true);
  });

  it('for the city office (武汉市) lists every indicator and judges each against its 全市 target', () => {
    const city = buildDistrictIndicators({ ...base, district: CITY_OFFICE, clusters: [] });
    expect(city.map((i) => i.key).sort()).toEqual(list.map((i) => i.key).sort());
    const incubated = city.find((i) => i.name === '在孵初创科技企业数量')!;
    expect(incubated.scope).toBe('city');
    expect(incubated.judged?.value).toBe(incubated.cityTarget.value);
    const judged = judgeIndicator(incubated, period, incubated.cityTarget.value);
    expect(judged.completion).toBeCloseTo(100, 6);
    expect(judged.reason ?? '').not.toContain('只有全市目标');
  });

  it('judges a yearly 全市 figure (每年建设10家科技成果转化中心) as this year’s count, not a total by its year (walk9 Z2)', () => {
    const city = buildDistrictIndicators({ ...base, district: CITY_OFFICE, clusters: [] });
    const centres = city.find((i) => i.cityTarget.yearly && i.cityTarget.sourceText.includes('科技成果转化中心'))!;
    expect(targetText(centres.cityTarget)).toBe('每年10家（至2026年）');
    expect(centres.judged).toMatchObject({ value: 10, year: period.year, baseline: 0, baselineYear: period.year - 1 });
    // At the end of the year's second quarter half the year's 10 is expected: 5 is on time, 3 late.
    expect(judgeIndicator(centres, period, 5)).toMatchObject({ verdict: 'on_track', expected: 5 });
    expect(judgeIndicator(centres, period, 3).verdict).toBe('behind');
  });

  it('reads the value of any of its statements, the primary first', () => {
    const patents = list.find((i) => i.name === '每万人口高价值发明专利拥有量')!;
    const other = patents.targets.find((t) => t !== patents.primary)!;
    expect(indicatorValue(patents, (id) => (id === other.id ? 31 : undefined))).toBe(31);
    expect(indicatorValue(patents, (id) => (id === patents.primary.id ? 29 : id === other.id ? 31 : undefined))).toBe(29);
    expect(indicatorKey('技术经理人', '人')).toBe(list.find((i) => i.name === '技术经理人数量')!.key);
  });
});

describe('a target as written', () => {
  it('puts 以上 after its figure and every other comparator before it', () => {
    expect(targetText({ comparator: '以上', value: 500, unit: '名', year: 2027 })).toBe('500名以上（2027年）');
    expect(targetText({ comparator: '以内', value: 4.5, unit: '%', year: 2025 })).toBe('4.5%以内（2025年）');
    expect(targetText({ comparator: '突破', value: 1500, unit: '家', year: 2027 })).toBe('突破1500家（2027年）');
    expect(comparedValue({ comparator: '达到', value: 4.2, unit: '%' })).toBe('达到4.2%');
  });

  it('says 每年 before a yearly figure (up to its year, never by it) and keeps 左右 (walk9 Z2)', () => {
    expect(targetText({ comparator: '以上', value: 500, unit: '名', year: 2027, yearly: true })).toBe('每年500名以上（至2027年）');
    expect(targetText({ comparator: '达到', value: 8000, unit: '名', year: 2026, yearly: true, approx: true })).toBe('每年8000名左右（至2026年）');
    expect(comparedValue({ comparator: '达到', value: 100, unit: '名', approx: true })).toBe('100名左右');
    expect(comparedValue({ comparator: '增长', value: 6, unit: '%', approx: true })).toBe('增长6%左右');
  });
});

describe('a district’s own document: its goals are the district’s targets (walk7 W1)', () => {
  // The real opening of 江岸区's 岸政办〔2025〕13号: seven 全区 goals, no units.
  const text = readFileSync(join(import.meta.dirname, '../../../test/fixtures/policy/jiangan-jianyian1-2025.txt'), 'utf8');
  const parsed = parsePolicyText(text, { source: 'jiangan-jianyian1-2025.txt', now: '2026-01-01T00:00:00.000Z', origin: 'import', keyPrefix: 'JA' });
  const documents = [...seed.documents, parsed.document];
  const targets = [...seed.targets, ...parsed.targets];
  const tasks = [...seed.tasks, ...parsed.tasks];
  const input = (d: string) => ({ district: d, period: makePeriod('quarter', 2026, 4), targets, tasks, documents, clusters: seed.clusters.filter((c) => c.district === d) });
  const own = parsed.targets.map((t) => t.id);

  it('lists every goal for 江岸区 as 本区目标, judged against the district’s own figure', () => {
    expect(parsed.document.issuedByDistrict).toBe('江岸区');
    expect(parsed.targets.length).toBeGreaterThanOrEqual(6);
    const list = buildDistrictIndicators(input('江岸区'));
    for (const id of own) {
      const ind = list.find((i) => i.targets.some((t) => t.id === id));
      const t = parsed.targets.find((x) => x.id === id)!;
      expect(ind, t.sourceText).toBeDefined();
      expect(ind!.scope).toBe('district');
      expect(ind!.judged?.value).toBe(ind!.targets.find((x) => own.includes(x.id))!.value);
    }
    // 技术合同成交额: the district's 220亿元 judged; the city's 3000亿元 still shown as the 全市 reference.
    const contracts = list.find((i) => i.targets.some((t) => own.includes(t.id) && t.value === 220))!;
    expect(contracts.judged?.value).toBe(220);
    expect(contracts.cityTarget.value).not.toBe(220);
    expect(contracts.cityStated).toBe(true);
    expect(documents.find((d) => d.id === contracts.cityTarget.documentId)?.issuedByDistrict).toBeUndefined();
    // A goal only 江岸区 states: no 全市 reference to print.
    const platforms = list.find((i) => i.targets.every((t) => own.includes(t.id)))!;
    expect(platforms.cityStated).toBe(false);
    // The value question (indicatorAboveWhole) is asked against the city's statement only: never
    // against the district's own goal, even were that goal written as a 全市 total.
    const forced = { ...platforms, cityTarget: { ...platforms.cityTarget, scope: '全市' } };
    expect(valueAboveWhole({ ...forced.cityTarget, name: forced.name }, platforms.cityTarget.value * 10, '江岸区')).toBeDefined();
    expect(indicatorAboveWhole(forced, platforms.cityTarget.value * 10, '江岸区')).toBeUndefined();
    const huge = contracts.cityTarget.value * 10;
    expect(indicatorAboveWhole(contracts, huge, '江岸区')).toBe(valueAboveWhole({ ...contracts.cityTarget, name: contracts.name }, huge, '江岸区'));
  });

  it('is no other district’s: 汉阳区 does not list the goals that only 江岸区’s document states', () => {
    const list = buildDistrictIndicators(input('汉阳区'));
    const onlyOwn = list.filter((i) => i.targets.every((t) => own.includes(t.id)));
    expect(onlyOwn).toEqual([]);
    const shared = list.filter((i) => i.targets.some((t) => own.includes(t.id)));
    expect(shared.length).toBeGreaterThan(0);
    for (const i of shared) {
      // Neither judged against 江岸区's figure nor shown it as the 全市 target.
      expect(i.judged?.value ?? null).not.toBe(i.targets.find((t) => own.includes(t.id))!.value);
      expect(own).not.toContain(i.cityTarget.id);
      expect(i.cityStated).toBe(true);
    }
  });
});

describe('a value above the whole city’s target is asked about (valueAboveWhole, walk10)', () => {
  const target = (id: string) => seed.targets.find((t) => t.id === id)!;
  // 2024KJRC-13: 高价值专利培育中心 达到45家 (全市, 2026); the walker typed 150 for 蔡甸区.
  const centres = target('doc-004-t020');
  it('asks about a district count above the city’s total, in Chinese, naming the target', () => {
    expect(centres).toMatchObject({ unit: '家', value: 45, scope: '全市' });
    const q = valueAboveWhole(centres, 150, '蔡甸区');
    expect(q).toContain('150家');
    expect(q).toContain('达到45家（2026年）');
    expect(q).toContain('全市');
    expect(valueAboveWhole(centres, 45, '蔡甸区')).toBeUndefined();
    expect(valueAboveWhole(centres, 12, '蔡甸区')).toBeUndefined();
    expect(valueAboveWhole(centres, null, '蔡甸区')).toBeUndefined();
  });
  it('asks about an amount of money above the city’s (技术合同成交额 突破1450亿元)', () => {
    expect(valueAboveWhole(target('doc-002-t031'), 1500, '汉阳区')).toContain('1500亿元');
    expect(valueAboveWhole(target('doc-002-t031'), 300, '汉阳区')).toBeUndefined();
  });
  it('does not ask about a rate, a share or a growth, which a district may have above the city’s', () => {
    expect(valueAboveWhole(target('doc-000-t001'), 8.5, '洪山区')).toBeUndefined();
    expect(valueAboveWhole(target('doc-004-t002'), 40, '洪山区')).toBeUndefined();
  });
  it('does not ask when the target binds each district, names the district, states no scope, or is the city’s own total for the city’s office', () => {
    expect(valueAboveWhole({ ...centres, scope: '各区' }, 150, '蔡甸区')).toBeUndefined();
    expect(valueAboveWhole({ ...centres, scope: '蔡甸区' }, 150, '蔡甸区')).toBeUndefined();
    expect(valueAboveWhole({ ...centres, scope: '全区' }, 150, '蔡甸区')).toBeUndefined();
    expect(valueAboveWhole(target('doc-003-t014'), 5000, '汉阳区')).toBeUndefined();
    expect(valueAboveWhole(centres, 150, CITY_OFFICE)).toBeUndefined();
    // A province's total is a whole the city is part of.
    expect(valueAboveWhole({ ...centres, scope: '全省' }, 150, CITY_OFFICE)).toContain('一个市');
  });
  it('does not ask about a ceiling (控制在), where a value above is judged, not doubted', () => {
    expect(valueAboveWhole({ ...centres, comparator: '控制在' }, 150, '蔡甸区')).toBeUndefined();
  });
});
