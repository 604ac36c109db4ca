import { describe, expect, it } from 'vitest';
import { deadlineDate, impossibleDate, isStandingDeadline, readDeadline } from './deadline';
import { parsePolicyText } from './policy/parse';

/** Every written form of a 完成时限 and the date it names (undefined: none on purpose). */
const FORMS: [string, string | undefined][] = [
  ['2027年底前', '2027-12-31'],
  ['2027年12月底前', '2027-12-31'],
  ['到2027年', '2027-12-31'],
  ['2026年6月', '2026-06-30'],
  ['2026年2月底前', '2026-02-28'],
  ['2024年2月底', '2024-02-29'],
  ['2026年6月15日', '2026-06-15'],
  ['2024年2月29日', '2024-02-29'],
  ['2026-09-30', '2026-09-30'],
  ['2025/6/30', '2025-06-30'],
  ['2025.6.30', '2025-06-30'],
  ['2026.6', '2026-06-30'],
  ['２０２６年６月底前', '2026-06-30'],
  ['2026年上半年', '2026-06-30'],
  ['2026年年中', '2026-06-30'],
  ['2025年下半年', '2025-12-31'],
  ['2025年三季度', '2025-09-30'],
  ['2025年第一季度末', '2025-03-31'],
  ['2025年3季度', '2025-09-30'],
  ['2025Q2', '2025-06-30'],
  ['2025—2027年', '2027-12-31'],
  ['2025-2027年', '2027-12-31'],
  ['2025年至2027年底', '2027-12-31'],
  ['2025.6-2026.6', '2026-06-30'],
  ['26年底', '2026-12-31'],
  ['到26年6月底前', '2026-06-30'],
  ['26年三季度', '2026-09-30'],
  ['2026.06', '2026-06-30'],
  ['2026.10前', '2026-10-31'],
  ['长期坚持', undefined],
  ['持续推进', undefined],
  ['常态化推进', undefined],
  ['每季度', undefined],
  ['2025年起持续推进', undefined],
  ['自2026年起', undefined],
  ['2026年6月起', undefined],
];

describe('one reading of a deadline', () => {
  it.each(FORMS)('%s → %s', (text, date) => {
    expect(deadlineDate(text)).toBe(date);
  });

  it.each(FORMS)('typed in review or 修改任务信息, %s gives the same date, kept as written, with no error', (text, date) => {
    const r = readDeadline(text);
    expect(r).toEqual(date ? { deadline: date, deadlineText: text } : { deadlineText: text });
  });

  const layouts: [string, (deadline: string) => string][] = [
    ['a 完成时限 line under the task', (d) => `1.加快孵化基地建设，打造创业创新品牌。\n牵头单位：区科技局\n完成时限：${d}\n2.推动高新区晋升国家级高新区。`],
    ['a 完成时限 column of a task table', (d) => ['2026年区政府工作目标任务落实责任分解表', '序号 目标任务 牵头单位 配合单位 完成时限', `1 建设一批新型研发机构。 区科技局 区财政局 ${d}`].join('\n')],
  ];
  describe.each(layouts)('in a policy document, %s', (_, doc) => {
    it.each(FORMS.filter(([, d]) => d))('%s gives the same date, kept as written', (text, date) => {
      const task = parsePolicyText(doc(text)).tasks[0];
      expect(task?.deadlineText).toBe(text);
      expect(task?.deadline).toBe(date);
    });
  });
});

describe('a year written with two digits', () => {
  it('is 20xx only where it starts a deadline and something dates it: a span of years is no year', () => {
    expect(['10年内', '3年', '20年', '用5年时间', '2026年6月'].map((t) => deadlineDate(t))).toEqual([undefined, undefined, undefined, undefined, '2026-06-30']);
    expect(deadlineDate('26年13月')).toBeUndefined();
    expect(impossibleDate('26年13月')).toBe('2026年13月');
  });
});

describe('a deadline without its year, as a one-year plan writes it', () => {
  it.each<[string, string]>([
    ['年底前', '2026-12-31'],
    ['年底前完成', '2026-12-31'],
    ['全年', '2026-12-31'],
    ['年内', '2026-12-31'],
    ['上半年', '2026-06-30'],
    ['三季度', '2026-09-30'],
    ['第四季度末', '2026-12-31'],
    ['6月底前', '2026-06-30'],
    ['２月底', '2026-02-28'],
    ['6月30日前', '2026-06-30'],
    ['10月15日', '2026-10-15'],
  ])('%s in the 2026 plan → %s; without the plan’s year it is kept as written, no error', (text, date) => {
    expect(deadlineDate(text, 2026)).toBe(date);
    expect(readDeadline(text, 2026)).toEqual({ deadline: date, deadlineText: text });
    expect(deadlineDate(text)).toBeUndefined();
    expect(readDeadline(text)).toEqual({ deadlineText: text });
  });

  it('a written year wins over the plan’s', () => {
    expect(deadlineDate('2027年底前', 2026)).toBe('2027-12-31');
  });

  it('in a one-year plan’s 完成时限 column the parser dates them; in a plan of several years it keeps the words', () => {
    const table = (title: string) => [title, '序号 目标任务 牵头单位 配合单位 完成时限', '1 建设一批新型研发机构。 区科技局 区财政局 三季度', '2 完善科技金融服务体系。 区金融局 区财政局 年底前'].join('\n');
    const one = parsePolicyText(table('汉阳区2026年科技创新工作任务分解表')).tasks;
    expect(one.map((t) => [t.deadlineText, t.deadline])).toEqual([['三季度', '2026-09-30'], ['年底前', '2026-12-31']]);
    const several = parsePolicyText(table('汉阳区科技创新三年行动任务分解表（2025—2027年）')).tasks;
    expect(several.map((t) => [t.deadlineText, t.deadline])).toEqual([['三季度', undefined], ['年底前', undefined]]);
  });
});

describe('standing deadlines: no date on purpose, one list', () => {
  it.each(['长期坚持', '持续推进', '常态化推进', '每季度', '每年', '2025年起持续推进', '自2026年起'])('%s is standing', (t) => {
    expect(isStandingDeadline(t)).toBe(true);
  });
  it.each(['2027年底前', '年底前', '', '下个月'])('%s is not', (t) => {
    expect(isStandingDeadline(t)).toBe(false);
  });
  it('in a document’s 完成时限 column 每季度 is the deadline, not a unit', () => {
    const doc = ['2026年区政府工作目标任务落实责任分解表', '序号 目标任务 牵头单位 配合单位 完成时限', '1 召开科技创新工作调度会。 区科技局 区财政局 每季度'].join('\n');
    const task = parsePolicyText(doc).tasks[0]!;
    expect(task.deadlineText).toBe('每季度');
    expect([...task.leadUnits, ...task.responsibleUnits]).not.toContain('每季度');
  });
});

describe('deadlines no calendar has', () => {
  it.each(['2027年13月', '2025-02-30', '2026年4月31日', '2025/0/10', '2025.13'])('%s names no date, and typed it is refused in Chinese', (s) => {
    expect(impossibleDate(s)).toBeDefined();
    expect(deadlineDate(s)).toBeUndefined();
    const r = readDeadline(s);
    expect(r.deadline).toBeUndefined();
    expect(r.deadlineText).toBe(s);
    expect(r.error).toMatch(/请写成/u);
  });

  it('a month that does not exist is named as the month', () => {
    expect(readDeadline('2026年13月').error).toMatch(/月份不对/u);
    expect(readDeadline('2026-02-30').error).toMatch(/不是有效日期/u);
  });

  it.each(['下个月', '尽快', '明年'])('%s: typed, it is refused with how to write it', (s) => {
    expect(deadlineDate(s)).toBeUndefined();
    expect(readDeadline(s).error).toMatch(/看不懂完成时限.*请写成/u);
  });


  it('an empty deadline is no deadline, not an error', () => {
    expect(readDeadline('  ')).toEqual({});
  });
});

describe('a deadline of several dates', () => {
  it.each<[string, number | undefined, string | undefined]>([
    ['2026年6月底前完成方案制定，12月底前全面完成', undefined, '2026-12-31'],
    ['2026年6月底前启动；2027年底前建成', undefined, '2027-12-31'],
    ['6月底前出台方案，年底前落地', 2026, '2026-12-31'],
    ['2026年6月—12月', undefined, '2026-12-31'],
    ['2026年3-6月', undefined, '2026-06-30'],
    ['2025年底前，长期坚持', undefined, '2025-12-31'],
    ['2025年起持续推进，2027年底前完成', undefined, undefined],
  ])('%s (year %s) → %s: the last stage, the end of a span of months', (text, year, date) => {
    expect(deadlineDate(text, year)).toBe(date);
  });
});
