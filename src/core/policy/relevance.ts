/**
 * District relevance // 与本区相关: whether a task concerns the officer's district, and why
 * (all districts take part; the district is named; through one of its clusters; or a
 * corridor that lists it).
 */
import type { Cluster, Task } from '../model';
import { DISTRICTS } from '../districts';
import { districtMentions } from './clusters';
import { ALL_DISTRICTS_UNIT } from './units';

/** Whether a task concerns a district, with the reasons in Chinese for display. */
export interface TaskRelevance {
  relevant: boolean;
  /** e.g. `各区人民政府：全部区参与`, `点名：汉阳区`, `产业集群：工程设计建造`. */
  reasons: string[];
}

/** Stems used in lists like "联动蔡甸、汉阳等区域" (the district name without 区). */
function districtStem(name: string): string | undefined {
  const d = DISTRICTS.find((x) => x.name === name);
  return d && d.kind === 'district' ? d.name.replace(/区$/u, '') : undefined;
}

/**
 * Why `task` concerns `district`. `clusters` are the district's clusters (others are
 * ignored); a cluster's excludedTaskKeys / includedTaskKeys override its keyword match.
 */
export function taskRelevance(task: Task, district: string, clusters: readonly Cluster[]): TaskRelevance {
  const reasons: string[] = [];
  const units = [...task.leadUnits, ...task.responsibleUnits];
  const mentions = districtMentions(district);
  if (units.includes(ALL_DISTRICTS_UNIT)) reasons.push(`${ALL_DISTRICTS_UNIT}：全部区参与`);
  const named = units.find((u) => mentions.some((m) => u.includes(m)));
  if (named) reasons.push(`点名：${named === district ? district : `${district}（${named}）`}`);
  else if (mentions.some((m) => task.text.includes(m) || task.title.includes(m))) reasons.push(`点名：${district}`);
  const stem = districtStem(district);
  if (stem) {
    for (const m of task.text.matchAll(/([^，。；（、]*?走廊)（([^）]*)）/gu)) {
      if (m[2]!.split(/[、，等]/u).some((x) => x.replace(/区域$|区$/u, '') === stem)) reasons.push(`走廊：${m[1]!.replace(/^(?:促进|推动|打造|建设)/u, '')}`);
    }
    if (!reasons.some((r) => r.startsWith('点名')) && new RegExp(`${stem}(?:区)?[、，]|[、，]${stem}(?:区)?(?:等|人民政府|[、，])`, 'u').test(task.text) && !reasons.some((r) => r.startsWith('走廊')))
      reasons.push(`点名：${district}`);
  }
  for (const c of clusters) {
    if (c.district !== district) continue;
    if (c.excludedTaskKeys.includes(task.key)) continue;
    if (c.includedTaskKeys.includes(task.key)) {
      reasons.push(`产业集群：${c.name}（手动关联）`);
      continue;
    }
    const hay = `${task.title}${task.text}`;
    const hit = [c.name, ...c.keywords].find((k) => k && hay.includes(k));
    if (hit) reasons.push(`产业集群：${c.name}`);
  }
  return { relevant: reasons.length > 0, reasons: [...new Set(reasons)] };
}

/**
 * The districts a text names, by official name, short name, alias or stem ("汉阳" → 汉阳区),
 * as official names. For search: "hy" then finds every task that names 汉阳, whatever the district.
 */
export function districtsNamedIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(PLACE_NAMES.pattern)) found.add(PLACE_NAMES.district.get(m[0])!);
  return DISTRICTS.filter((d) => found.has(d.name)).map((d) => d.name);
}

// Every name of every district in one pattern (longest first), so a text is scanned once.
const PLACE_NAMES = (() => {
  const district = new Map<string, string>();
  for (const d of DISTRICTS) {
    const stem = districtStem(d.name);
    for (const n of [d.name, d.shortName, ...d.aliases, ...(stem && stem.length >= 2 ? [stem] : [])]) if (n && !district.has(n)) district.set(n, d.name);
  }
  const names = [...district.keys()].sort((a, b) => b.length - a.length);
  return { district, pattern: new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu') };
})();
