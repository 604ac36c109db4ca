/** The city's 分解表, saved by openpyxl, read into 汉阳区's own targets. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDistrictIndicators, judgeIndicator, planBreakdown, type BreakdownPlan } from '@core/indicators';
import { makePeriod } from '@core/period';
import type { DefaultData } from '@core/policy/seed-data';
import { readWorkbook } from '@renderer/spreadsheet/read-sheet';
import seedJson from '../../../seeds/default-data.json';

const seed = seedJson as unknown as DefaultData;
const district = '汉阳区';
const period = makePeriod('quarter', 2026, 2);
const base = { district, period, targets: seed.targets, tasks: seed.tasks, documents: seed.documents, clusters: seed.clusters.filter((c) => c.district === district), all: true };
const file = resolve(import.meta.dirname, '../../fixtures/indicators/breakdown-2026.xlsx');

describe('区级分解表', async () => {
  const read = await readWorkbook(new Uint8Array(readFileSync(file)), 'breakdown-2026.xlsx');
  if (!read.ok) throw new Error(read.message);
  const indicators = buildDistrictIndicators(base);
  const plan = planBreakdown(read.sheets, district, indicators) as BreakdownPlan;

  it('reads the district column and matches rows to the district indicators by clean name and unit', () => {
    expect(plan.valueColumn).toBe('汉阳区');
    expect(plan.matches.map((m) => [m.row, m.name, m.target.value, m.target.year])).toEqual([
      [3, '技术经理人数量', 420, 2027],
      [4, '在孵初创科技企业数量', 1300, 2026],
      [5, '高新技术企业数量', 1050, 2026],
      [6, '每万人口高价值发明专利拥有量', 28.5, 2027],
    ]);
    expect(plan.matches.every((m) => m.target.origin === 'import')).toBe(true);
  });

  it('names every row it cannot use, in Chinese, and takes nothing from it', () => {
    expect(plan.issues.map((i) => i.row)).toEqual([7, 8]);
    expect(plan.issues[0]!.message).toContain('第 7 行“全市独角兽企业数量”（家）在本区的指标中没有找到');
    expect(plan.issues[1]!.message).toBe('第 8 行“科技型企业贷款余额”的本区目标“待定”不是数字，没有导入。');
  });

  it('then judges the district value against the imported target', () => {
    const targets = Object.fromEntries(plan.matches.map((m) => [m.key, m.target]));
    const incubated = buildDistrictIndicators({ ...base, districtTargets: targets }).find((i) => i.name === '在孵初创科技企业数量')!;
    expect(incubated.scope).toBe('district');
    expect(judgeIndicator(incubated, period, 1300).verdict).toBe('met');
  });

  it('reads a target written as an officer types it (full width, separators), as the forms do', () => {
    const header = read.sheets[0]!.rows.find((r) => r.includes('汉阳区'))!;
    const at = header.indexOf('汉阳区');
    // Rows 3–6 of the sheet (the four matched above), as typed with a Chinese input method.
    const typed = ['４２０', '1,300', '１，０５０', '２８．５'];
    const rows = read.sheets[0]!.rows.map((r, i) => (i >= 2 && i <= 5 ? r.map((c, j) => (j === at ? typed[i - 2]! : c)) : r));
    const again = planBreakdown([{ ...read.sheets[0]!, rows }, ...read.sheets.slice(1)], district, indicators) as BreakdownPlan;
    expect(again.matches.map((m) => m.target.value)).toEqual([420, 1300, 1050, 28.5]);
  });

  it.each(['武汉东湖高新区', '东湖高新区目标值'])('finds the district’s column headed %s (as relevance reads district names)', (head) => {
    const sheet = read.sheets[0]!;
    const header = sheet.rows.findIndex((r) => r.includes('汉阳区'));
    const rows = sheet.rows.map((r, i) => (i === header ? r.map((c) => (c === '汉阳区' ? head : c)) : r));
    const again = planBreakdown([{ ...sheet, rows }], '东湖新技术开发区', indicators) as BreakdownPlan;
    expect(again.valueColumn).toBe(head);
    expect(again.matches.map((m) => m.target.value)).toEqual(plan.matches.map((m) => m.target.value));
  });

  it('refuses a sheet without the district column, saying what to do', () => {
    const other = planBreakdown(read.sheets, '江夏区', indicators);
    expect('error' in other && other.error).toContain('没有“江夏区”列');
    expect(planBreakdown([{ name: 'Sheet1', rows: [['a', 'b']] }], district, indicators)).toEqual({ error: expect.stringContaining('没有找到分解表') });
  });
});
