import { describe, expect, it } from 'vitest';
import { makePeriod } from '../period';
import { suggestStatus } from '../status';
import type { Comparator } from '../model';
import { PACE_RULES, judgePace, type PaceVerdict } from './pace';

type T = { comparator: Comparator; value: number; year?: number; baseline?: number; baselineYear?: number; unit?: string };
type Row = [string, T, string, number | undefined, PaceVerdict, number | undefined];

// 研发平台 from 1000 (end of 2024) to 1500 (end of 2027).
const line: T = { comparator: '突破', value: 1500, year: 2027, baseline: 1000, baselineYear: 2024 };
const at = (id: string) => {
  const [y, q] = id.split('-Q').map(Number);
  return makePeriod('quarter', y!, q!);
};

describe('the one 序时 and completion rule, every comparator', () => {
  it.each<Row>([
    // level targets on the straight line (read at the end of the period)
    ['no actual value', line, '2025-Q4', undefined, 'unknown', undefined],
    ['达到: exactly on the line at the end of 2025', { ...line, comparator: '达到' }, '2025-Q4', 1000 + 500 / 3, 'on_track', 100 / 3],
    ['突破: just inside the tolerance below', line, '2025-Q4', 1000 + 500 * (1 / 3 - 0.09), 'on_track', 100 / 3],
    ['突破: below the tolerance', line, '2025-Q4', 1000 + 500 * (1 / 3 - 0.11), 'behind', 100 / 3],
    ['突破: mid-year reads half a year of the line', line, '2025-Q2', 1000 + 500 / 6, 'on_track', 100 / 6],
    ['超过: well above the line', { ...line, comparator: '超过' }, '2025-Q4', 1250, 'ahead', 100 / 3],
    ['不少于: target reached early', { ...line, comparator: '不少于' }, '2025-Q3', 1500, 'met', undefined],
    ['不低于: on the line at the target year', { ...line, comparator: '不低于' }, '2027-Q4', 1460, 'on_track', 100],
    ['以上: after the target year, not reached', { ...line, comparator: '以上' }, '2028-Q1', 1300, 'behind', 100],
    ['力争: no baseline before the target year', { comparator: '力争', value: 50, year: 2027 }, '2025-Q4', 30, 'unknown', undefined],
    ['累计: no baseline in the target year', { comparator: '累计', value: 50, year: 2027 }, '2027-Q4', 30, 'behind', 100],
    ['比重: a share reached', { comparator: '比重', value: 22, year: 2027, baseline: 18, baselineYear: 2024, unit: '%' }, '2026-Q2', 22.5, 'met', undefined],
    ['比重: a share behind its line', { comparator: '比重', value: 22, year: 2027, baseline: 18, baselineYear: 2024, unit: '%' }, '2026-Q4', 18.5, 'behind', 200 / 3],
    ['达到 without a target year', { comparator: '达到', value: 50, baseline: 10, baselineYear: 2020 }, '2025-Q4', 30, 'unknown', undefined],
    ['达到 falling (能耗 降到 80) on its line', { comparator: '达到', value: 80, year: 2027, baseline: 100, baselineYear: 2023 }, '2025-Q4', 90, 'on_track', 50],
    ['达到 falling, behind', { comparator: '达到', value: 80, year: 2027, baseline: 100, baselineYear: 2023 }, '2025-Q4', 99, 'behind', 50],
    ['达到 falling, met', { comparator: '达到', value: 80, year: 2027, baseline: 100, baselineYear: 2023 }, '2025-Q4', 79, 'met', undefined],
    // 控制在: a cap
    ['控制在: the issue case (6 in 2024 → 5 in 2027, actual 4 in 2026 Q2)', { comparator: '控制在', value: 5, year: 2027, baseline: 6, baselineYear: 2024 }, '2026-Q2', 4, 'met', undefined],
    ['控制在: above the cap but on the way down', { comparator: '控制在', value: 5, year: 2027, baseline: 6, baselineYear: 2024 }, '2026-Q2', 5.5, 'on_track', 50],
    ['控制在: not coming down', { comparator: '控制在', value: 5, year: 2027, baseline: 6, baselineYear: 2024 }, '2026-Q4', 6, 'behind', 200 / 3],
    ['控制在: within the cap, no baseline', { comparator: '控制在', value: 5 }, '2025-Q3', 4.5, 'met', undefined],
    ['控制在: over the cap, no baseline', { comparator: '控制在', value: 5 }, '2025-Q3', 5.5, 'behind', undefined],
    ['以内: a cap (失业率控制在4.5%以内), kept', { comparator: '以内', value: 4.5 }, '2025-Q3', 4.2, 'met', undefined],
    ['以下: a cap, over it', { comparator: '以下', value: 0.5 }, '2025-Q3', 0.6, 'behind', undefined],
    // 新增: the amount added since the plan began, from 0
    ['新增: on the line', { comparator: '新增', value: 30, year: 2027, baselineYear: 2024 }, '2025-Q4', 10, 'on_track', 100 / 3],
    ['新增: behind', { comparator: '新增', value: 30, year: 2027, baselineYear: 2024 }, '2026-Q4', 8, 'behind', 200 / 3],
    ['新增: done', { comparator: '新增', value: 30, year: 2027, baselineYear: 2024 }, '2026-Q4', 31, 'met', undefined],
    // yearly rates: growth or reduction achieved, judged against the rate
    ['增长: the rate reached', { comparator: '增长', value: 11.5, year: 2025, unit: '%' }, '2025-Q3', 12, 'met', undefined],
    ['增长: close to the rate', { comparator: '增长', value: 10, year: 2025, unit: '%' }, '2025-Q3', 9.5, 'on_track', 100],
    ['年均增长: well below the rate', { comparator: '年均增长', value: 14, year: 2025, unit: '%' }, '2025-Q3', 8, 'behind', 100],
    ['下降: the reduction reached', { comparator: '下降', value: 13.5, year: 2025, unit: '%' }, '2025-Q4', 14, 'met', undefined],
    ['下降: the reduction short', { comparator: '下降', value: 13.5, year: 2025, unit: '%' }, '2025-Q4', 6, 'behind', 100],
  ])('%s', (_name, t, periodId, actual, verdict, expectedShare) => {
    const period = at(periodId);
    const r = judgePace({ target: { name: '研发平台', unit: t.unit ?? '家', ...t }, year: period.year, period, actual });
    expect(r.verdict).toBe(verdict);
    if (expectedShare === undefined) expect(r.expectedShare).toBeUndefined();
    else expect(r.expectedShare).toBeCloseTo(expectedShare, 6);
    expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('has a rule for every comparator', () => {
    const all: Comparator[] = ['达到', '突破', '超过', '不少于', '不低于', '以上', '以内', '以下', '增长', '控制在', '力争', '新增', '累计', '下降', '年均增长', '比重'];
    expect(Object.keys(PACE_RULES).sort()).toEqual([...all].sort());
  });

  it('rates a cap that is kept at 100 %, and the issue case the same way the ledger suggests it', () => {
    const period = at('2026-Q2');
    const target = { name: '万元GDP能耗', unit: '吨', comparator: '控制在' as const, value: 5, year: 2027, baseline: 6, baselineYear: 2024 };
    const r = judgePace({ target, year: period.year, period, actual: 4 });
    expect(r.completion).toBe(100);
    expect(suggestStatus({ period, target, actual: 4 }).status).toBe('done');
    const over = judgePace({ target: { ...target, baseline: undefined, baselineYear: undefined }, year: 2026, period, actual: 8 });
    expect(over.completion).toBeCloseTo(62.5, 6); // 逆向指标: 5 / 8
  });

  it('explains the straight line in Chinese with the expected value', () => {
    const period = at('2025-Q4');
    const r = judgePace({ target: { name: '研发平台', unit: '家', ...line }, year: 2025, period, actual: 1100 });
    expect(r.verdict).toBe('behind');
    expect(r.expected).toBeCloseTo(1166.67, 2);
    expect(r.completion).toBeCloseTo(20, 6);
    expect(r.reason).toContain('应达到约1166.67家，研发平台实际1100家');
  });
});
