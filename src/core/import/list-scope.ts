/**
 * Which tasks an imported list speaks for. A list titled for one district (e.g. the
 * 汉阳区…推进情况表 this app exports, or a district list the city sends back) covers only
 * the tasks that concern that district: tasks outside it are not "dropped" by their absence.
 */
import { DISTRICTS } from '../districts';
import type { Cluster, District, Task } from '../model';
import { taskRelevance } from '../policy/relevance';
import type { SheetGrid, TableLayout } from './types';

/** Every name a district is written under, longest first so 东湖新技术开发区 wins over 东湖. */
const NAMES: readonly { name: string; district: District }[] = DISTRICTS.flatMap((d) =>
  [d.name, d.shortName, ...d.aliases].map((name) => ({ name, district: d })),
).sort((a, b) => b.name.length - a.name.length);

/**
 * A district named without 区 (汉阳, 东西湖), as titles write it: only at the title's start (after
 * 武汉市 at most) and before a year, a list's words or the end — 江汉 in 江汉大学 or 青山 in 青山绿水 is no
 * district.
 */
const BARE: readonly { bare: string; district: District }[] = DISTRICTS.filter((d) => d.kind === 'district' && d.name.length >= 3 && d.name.endsWith('区')).map((d) => ({ bare: d.name.slice(0, -1), district: d }));
const BARE_AFTER = /^(?:\d{4}|[(（]|科[技创教学]|创新|重点|任务|工作|年度|各项|推进|落实|责任|区域|产业|人才|$)/u;

/** The district a title names without 区 at its start (BARE), if any. */
function bareDistrict(text: string): District | undefined {
  const t = text.replace(/^(?:武汉市|武汉)/u, '');
  return BARE.find((b) => t.startsWith(b.bare) && BARE_AFTER.test(t.slice(b.bare.length)))?.district;
}

/** Notes above a header (填报说明, 注, 附件 …): naming districts there makes no district's list. */
const NOTE = /^(填报说明|填表说明|说明|注|备注|附件|要求|请|各区)/u;
/** The 填报单位 of a list, however labelled: 填报单位（盖章）：汉阳区. */
const UNIT_LABEL = /^(填报单位|报送单位|填报部门|报送部门|单位)[^:：]{0,6}[:：]/u;

/**
 * The texts above a header that can say whose list it is: each row's title (its first cell,
 * unless it is a note, a sentence or an addressee line 各区人民政府：) and any 填报单位 cell.
 */
function titleTexts(grid: SheetGrid, layout: TableLayout): { text: string; row: number }[] {
  const out: { text: string; row: number }[] = [];
  grid.rows.slice(0, layout.headerRow).forEach((cells, r) => {
    const nonEmpty = cells.map((c) => c.trim()).filter(Boolean);
    const first = nonEmpty[0]?.replace(/\s+/g, '');
    if (first && !NOTE.test(first) && !UNIT_LABEL.test(first) && !/[。；;]/u.test(first) && !/[:：]$/u.test(first) && first.length <= 60) out.push({ text: first, row: r + 1 });
    for (const c of nonEmpty) {
      const t = c.replace(/\s+/g, '');
      if (UNIT_LABEL.test(t)) out.push({ text: t.replace(UNIT_LABEL, ''), row: r + 1 });
    }
  });
  return out;
}

/**
 * The one year a list's title names (2023年武汉市科技创新工作要点任务分解表): the year of its
 * deadlines written without one (6月30日前, 年底前). Undefined when the title names none, or a
 * span of years (2025—2027年), or several.
 */
export function listYear(grid: SheetGrid, layout: TableLayout): number | undefined {
  const years = new Set<number>();
  for (const { text } of titleTexts(grid, layout)) for (const m of text.matchAll(/(?<!\d)(20\d{2})(?!\d)/gu)) years.add(Number(m[1]));
  return years.size === 1 ? [...years][0] : undefined;
}

/**
 * The district a list is titled for, and the row that says so: the one named in the list's
 * title or 填报单位 above its header (not in its notes: 填报说明 naming 各区人民政府、东湖高新区管委会
 * is no district's list). Undefined when none or more than one district is named there.
 */
export function listDistrictAt(grid: SheetGrid, layout: TableLayout): { district: string; row: number } | undefined {
  const found = new Map<string, number>();
  for (const { text, row } of titleTexts(grid, layout)) {
    let rest = text;
    for (const { name, district } of NAMES)
      if (rest.includes(name)) {
        if (!found.has(district.name)) found.set(district.name, row);
        rest = rest.split(name).join(' ');
      }
    const bare = bareDistrict(rest);
    if (bare && !found.has(bare.name)) found.set(bare.name, row);
  }
  const [only, ...more] = [...found];
  return only && more.length === 0 ? { district: only[0], row: only[1] } : undefined;
}

/** The district a list is titled for (listDistrictAt), by name. */
export function listDistrict(grid: SheetGrid, layout: TableLayout): string | undefined {
  return listDistrictAt(grid, layout)?.district;
}

/**
 * The `covers` rule of planImport for a sheet: for a list titled for one district, the
 * tasks that concern it (taskRelevance with that district's clusters), with the district and
 * the row naming it (for the plan to say so); otherwise undefined.
 */
export function listScope(grid: SheetGrid, layout: TableLayout, clusters: readonly Cluster[]): { district: string; row: number; covers: (task: Task) => boolean } | undefined {
  const at = listDistrictAt(grid, layout);
  if (!at) return undefined;
  const own = clusters.filter((c) => c.district === at.district);
  return { ...at, covers: (task) => taskRelevance(task, at.district, own).relevant };
}

/** The `covers` rule alone (listScope). */
export function listCoverage(grid: SheetGrid, layout: TableLayout, clusters: readonly Cluster[]): ((task: Task) => boolean) | undefined {
  return listScope(grid, layout, clusters)?.covers;
}
