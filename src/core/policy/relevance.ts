/**
 * District relevance // 与本区相关: whether a task concerns the officer's district, and why
 * (all districts take part; the district is named; through one of its clusters; or a
 * corridor that lists it).
 */
import type { Cluster, Task } from '../model';
import { DISTRICTS } from '../districts';
import { districtMentions } from './clusters';
import { ALL_DISTRICTS_UNIT } from './units';

/** Why a task concerns a district, most specific first: named, through a cluster, a corridor, all districts. */
export type RelevanceKind = 'named' | 'cluster' | 'corridor' | 'all';

/** Specificity order of the kinds (the grid and the detail list the most specific reason first). */
export const RELEVANCE_KINDS: readonly RelevanceKind[] = ['named', 'cluster', 'corridor', 'all'];

/** One reason, as data: its kind and what it names (the unit, cluster or corridor). */
export interface RelevanceReason {
  kind: RelevanceKind;
  /** 点名: the district, or `district（unit）`; 产业集群: the cluster; 走廊: the corridor; 各区: the unit. */
  detail: string;
  /** A cluster the officer linked by hand (手动关联). */
  manual?: boolean;
}

/** Whether a task concerns a district, with the reasons as data and as words, most specific first. */
export interface TaskRelevance {
  relevant: boolean;
  why: RelevanceReason[];
  /** The reasons in words (relevanceReasonText), e.g. `点名：汉阳区`, `产业集群：工程设计建造`, `各区人民政府：全部区参与`. */
  reasons: string[];
}

/** A reason in words: the one wording, read by the ledger, its search and the import preview. */
export function relevanceReasonText(r: RelevanceReason): string {
  switch (r.kind) {
    case 'named':
      return `点名：${r.detail}`;
    case 'cluster':
      return `产业集群：${r.detail}${r.manual ? '（手动关联）' : ''}`;
    case 'corridor':
      return `走廊：${r.detail}`;
    case 'all':
      return `${r.detail}：全部区参与`;
  }
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
  const why: RelevanceReason[] = [];
  const has = (kind: RelevanceKind) => why.some((r) => r.kind === kind);
  const units = [...task.leadUnits, ...task.responsibleUnits];
  const mentions = districtMentions(district);
  if (units.includes(ALL_DISTRICTS_UNIT)) why.push({ kind: 'all', detail: ALL_DISTRICTS_UNIT });
  const named = units.find((u) => mentions.some((m) => u.includes(m)));
  if (named) why.push({ kind: 'named', detail: named === district ? district : `${district}（${named}）` });
  else if (mentions.some((m) => task.text.includes(m) || task.title.includes(m))) why.push({ kind: 'named', detail: district });
  const stem = districtStem(district);
  if (stem) {
    for (const m of task.text.matchAll(/([^，。；（、]*?走廊)（([^）]*)）/gu)) {
      if (m[2]!.split(/[、，等]/u).some((x) => x.replace(/区域$|区$/u, '') === stem)) why.push({ kind: 'corridor', detail: m[1]!.replace(/^(?:促进|推动|打造|建设)/u, '') });
    }
    if (!has('named') && new RegExp(`${stem}(?:区)?[、，]|[、，]${stem}(?:区)?(?:等|人民政府|[、，])`, 'u').test(task.text) && !has('corridor'))
      why.push({ kind: 'named', detail: district });
  }
  for (const c of clusters) {
    if (c.district !== district) continue;
    if (c.excludedTaskKeys.includes(task.key)) continue;
    if (c.includedTaskKeys.includes(task.key)) {
      why.push({ kind: 'cluster', detail: c.name, manual: true });
      continue;
    }
    const hay = `${task.title}${task.text}`;
    const hit = [c.name, ...c.keywords].find((k) => k && hay.includes(k));
    if (hit) why.push({ kind: 'cluster', detail: c.name });
  }
  // Most specific first; the same reason once.
  const seen = new Set<string>();
  const ordered = why
    .map((r, i) => ({ r, i }))
    .sort((a, b) => RELEVANCE_KINDS.indexOf(a.r.kind) - RELEVANCE_KINDS.indexOf(b.r.kind) || a.i - b.i)
    .map((x) => x.r)
    .filter((r) => {
      const text = relevanceReasonText(r);
      if (seen.has(text)) return false;
      seen.add(text);
      return true;
    });
  return { relevant: ordered.length > 0, why: ordered, reasons: ordered.map(relevanceReasonText) };
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
