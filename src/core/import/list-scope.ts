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
 * The district a list is titled for: the one named in the rows above its header (title,
 * 填报单位). Undefined when none or more than one district is named there.
 */
export function listDistrict(grid: SheetGrid, layout: TableLayout): string | undefined {
  const above = grid.rows
    .slice(0, layout.headerRow)
    .flat()
    .join(' ');
  const found = new Set<string>();
  let rest = above;
  for (const { name, district } of NAMES)
    if (rest.includes(name)) {
      found.add(district.name);
      rest = rest.split(name).join(' ');
    }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The `covers` rule of planImport for a sheet: for a list titled for one district, the
 * tasks that concern it (taskRelevance with that district's clusters); otherwise undefined.
 */
export function listCoverage(grid: SheetGrid, layout: TableLayout, clusters: readonly Cluster[]): ((task: Task) => boolean) | undefined {
  const district = listDistrict(grid, layout);
  if (!district) return undefined;
  const own = clusters.filter((c) => c.district === district);
  return (task) => taskRelevance(task, district, own).relevant;
}
