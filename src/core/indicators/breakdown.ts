/**
 * The city's 分解表 // 区级目标分解表: a sheet that lists indicators with each district's share
 * of the target. Read into the district's own targets (区级分解目标), matched to the district's
 * indicators by their clean name and unit (indicatorKey). Errors are data: every row that
 * cannot be used is named, in Chinese, and nothing is written until the officer confirms.
 */
import { readTypedNumber } from '../numbers';
import type { SheetGrid } from '../import/types';
import { DISTRICTS } from '../districts';
import { districtsNamedIn } from '../policy/relevance';
import type { DistrictIndicator, DistrictTarget } from './district';
import { cleanIndicatorName, indicatorKey } from './names';

/** One row of a 分解表 that gives the district a target. */
export interface BreakdownMatch {
  /** 1-based sheet row. */
  row: number;
  key: string;
  name: string;
  target: DistrictTarget;
}

/** What reading a 分解表 would do: the targets it sets and the rows it cannot use. */
export interface BreakdownPlan {
  sheet: string;
  /** The column read as the district's target, as headed in the file. */
  valueColumn: string;
  matches: BreakdownMatch[];
  issues: { row: number; message: string }[];
}

/** A cell as a number, read as a typed one is (core/numbers.ts: full width, separators, %). */
const num = (s: string | undefined): number | undefined => {
  const n = readTypedNumber(s ?? '');
  return n.kind === 'number' ? n.value : undefined;
};

const sameDistrict = (named: readonly string[], district: string) => named.length === 1 && named[0] === district;

/** The district's names as a 分解表 may head its column: 汉阳区, 汉阳, 东湖高新区 … */
function districtHeads(district: string): string[] {
  const d = DISTRICTS.find((x) => x.name === district);
  return [...new Set([district, d?.shortName, ...(d?.aliases ?? []), district.replace(/区$/u, '')].filter((x): x is string => !!x))];
}

/**
 * Plan the district targets a 分解表 sets: the header row is the first with an 指标 column; the
 * district's target is the column headed with its name, else a 区级目标 / 分解目标 column.
 */
export function planBreakdown(sheets: readonly SheetGrid[], district: string, indicators: readonly DistrictIndicator[]): BreakdownPlan | { error: string } {
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const heads = districtHeads(district);
  for (const grid of sheets) {
    const h = grid.rows.findIndex((r) => r.some((c) => /^(指标|指标名称|主要指标|考核指标)$/u.test(c.replace(/\s/gu, ''))));
    if (h < 0) continue;
    const header = grid.rows[h]!.map((c) => c.replace(/\s/gu, ''));
    const col = (re: RegExp) => header.findIndex((c) => re.test(c));
    const nameCol = col(/^(指标|指标名称|主要指标|考核指标)$/u);
    const unitCol = col(/^单位$/u);
    let valueCol = header.findIndex((c) => heads.some((d) => c === d || c.startsWith(`${d}（`) || c.startsWith(`${d}(`)));
    // Headed another way (武汉东湖高新区, 汉阳区目标值): the one column naming this district and no other, as relevance reads names.
    if (valueCol < 0) valueCol = header.findIndex((c) => sameDistrict(districtsNamedIn(c), district));
    if (valueCol < 0) valueCol = col(/区级.*目标|分解目标|本区目标/u);
    if (valueCol < 0)
      return { error: `工作表“${grid.name}”第 ${h + 1} 行有“指标”列，但没有“${district}”列，也没有“区级目标”列。请确认这是市里下发的分解表，或把本区目标所在列的表头改成“${district}”后重新导入。` };
    const yearCol = col(/目标年份|^年份$|^年度$/u);
    const baseCol = col(/基期值|基数|基期/u);
    const baseYearCol = col(/基期年份|基数年份/u);
    const matches: BreakdownMatch[] = [];
    const issues: BreakdownPlan['issues'] = [];
    for (let r = h + 1; r < grid.rows.length; r++) {
      const cells = grid.rows[r]!;
      const rawName = (cells[nameCol] ?? '').trim();
      if (!rawName) continue;
      // A unit written in the name: 技术经理人数量（人）.
      const m = /^(.+?)[（(]([^（）()]{1,6})[）)]$/u.exec(rawName);
      const unit = (unitCol >= 0 ? cells[unitCol]?.trim() : '') || m?.[2] || '';
      const name = m && !(unitCol >= 0 && cells[unitCol]?.trim()) ? m[1]! : rawName;
      const value = num(cells[valueCol]);
      if (value === undefined) {
        if ((cells[valueCol] ?? '').trim()) issues.push({ row: r + 1, message: `第 ${r + 1} 行“${rawName}”的本区目标“${cells[valueCol]}”不是数字，没有导入。` });
        continue;
      }
      const key = indicatorKey(cleanIndicatorName({ name, unit, value, sourceText: name }), unit);
      const ind = byKey.get(key) ?? byKey.get(indicatorKey(name, unit));
      if (!ind) {
        issues.push({ row: r + 1, message: `第 ${r + 1} 行“${rawName}”${unit ? `（${unit}）` : ''}在本区的指标中没有找到（名称或单位不同），没有导入。可在“指标跟踪”中找到对应指标后手工填写。` });
        continue;
      }
      const year = num(cells[yearCol]);
      const baseline = num(cells[baseCol]);
      const baselineYear = num(cells[baseYearCol]);
      matches.push({
        row: r + 1,
        key: ind.key,
        name: ind.name,
        target: { value, origin: 'import', ...(year ? { year } : {}), ...(baseline !== undefined && baseCol >= 0 ? { baseline } : {}), ...(baselineYear ? { baselineYear } : {}) },
      });
    }
    return { sheet: grid.name, valueColumn: grid.rows[h]![valueCol]!, matches, issues };
  }
  return { error: '文件中没有找到分解表：需要一行表头，其中有“指标”（或“指标名称”）列和本区（或“区级目标”）列。' };
}
