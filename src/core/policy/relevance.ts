/**
 * District relevance // 与本区相关: whether a task concerns the officer's district, and why
 * (all districts take part; the district is named; through one of its clusters; or a
 * corridor that lists it).
 */
import type { Cluster, Task } from '../model';
import { CITY_OFFICE, DISTRICTS, isCityOffice } from '../districts';
import { clusterMembership, districtMentions } from './clusters';
import { ALL_DISTRICTS_UNIT } from './units';
import { memoByString } from '../memo';

/**
 * Why a task concerns a district, most specific first: named, of a document the district issued,
 * led or carried by a bare district department (the district's own document), through a cluster,
 * a corridor, all districts; every task concerns the city's office.
 */
export type RelevanceKind = 'named' | 'ownDocument' | 'own' | 'cluster' | 'corridor' | 'all' | 'some' | 'city' | 'elsewhere' | 'otherDistrict';

/** Specificity order of the kinds (the grid and the detail list the most specific reason first). */
export const RELEVANCE_KINDS: readonly RelevanceKind[] = ['named', 'ownDocument', 'own', 'cluster', 'corridor', 'all', 'some', 'city', 'elsewhere', 'otherDistrict'];

/** Kinds that say why a task is NOT the office's: shown with it, never enough to list it. */
export const NOT_OWN_KINDS: readonly RelevanceKind[] = ['some', 'elsewhere', 'otherDistrict'];

/** One reason, as data: its kind and what it names (the unit, cluster or corridor). */
export interface RelevanceReason {
  kind: RelevanceKind;
  /** 点名: the district, or `district（unit）`; 本区文件: the district; 产业集群: the cluster; 走廊: the corridor; 各区: the unit; 外地文件: the place. */
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
    case 'ownDocument':
      return `本区文件：${r.detail}印发`;
    case 'own':
      return `本区单位：${r.detail}`;
    case 'cluster':
      return `产业集群：${r.detail}${r.manual ? '（手动关联）' : ''}`;
    case 'corridor':
      return `走廊：${r.detail}`;
    case 'all':
      return `${r.detail}：全部区参与`;
    case 'some':
      return `${r.detail}：有关区参与，请核对是否含本区`;
    case 'city':
      return CITY_REASON;
    case 'elsewhere':
      return `外地文件：${r.detail}印发，不算本单位任务`;
    case 'otherDistrict':
      return `其他区文件：${r.detail}印发，不算本区任务`;
  }
}

/** Stems used in lists like "联动蔡甸、汉阳等区域" (the district name without 区). */
function districtStem(name: string): string | undefined {
  const d = DISTRICTS.find((x) => x.name === name);
  return d && d.kind === 'district' ? d.name.replace(/区$/u, '') : undefined;
}

/** 走廊（…、汉阳、…）: a corridor and the places it lists. */
const CORRIDOR = /([^，。；（、]*?走廊)（([^）]*)）/gu;

// One pattern per district stem, built once ("…汉阳、" / "、汉阳区等" name 汉阳区 in a list).
const stemListPatterns = new Map<string, RegExp>();
function stemListPattern(stem: string): RegExp {
  let re = stemListPatterns.get(stem);
  if (!re) {
    re = new RegExp(`${stem}(?:区)?[、，]|[、，]${stem}(?:区)?(?:等|人民政府|[、，])`, 'u');
    stemListPatterns.set(stem, re);
  }
  return re;
}

/**
 * Why `task` concerns `district`. `clusters` are the district's clusters (others are
 * ignored); a cluster's excludedTaskKeys / includedTaskKeys override its keyword match
 * ({@link clusterMembership}, the one membership rule).
 *
 * Remembered per task: a second call with the same task record (same key, title, text, units),
 * district and clusters returns the kept answer, so 10,000 tasks are judged once per change of
 * a task or of the clusters, not on every ledger or 工作台 build.
 */
export function taskRelevance(task: Task, district: string, clusters: readonly Cluster[]): TaskRelevance {
  const fingerprint = clustersFingerprint(district, clusters);
  const kept = memo.get(task.key);
  if (kept && kept.fingerprint === fingerprint && sameInputs(kept.task, task)) {
    kept.task = task;
    return kept.result;
  }
  const result = judge(task, district, clusters);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(task.key, { task, fingerprint, result });
  return result;
}

const MEMO_LIMIT = 100_000;
const memo = new Map<string, { task: Task; fingerprint: string; result: TaskRelevance }>();
const fingerprints = new WeakMap<readonly Cluster[], Map<string, string>>();

/**
 * What relevance and cluster membership depend on besides the task, as one string: the district
 * and its clusters (names, keywords, hand links). A relevance worked out and kept under one
 * stamp holds while the stamp is the same (and the task and the rules are).
 */
export function relevanceStamp(district: string, clusters: readonly Cluster[]): string {
  return clustersFingerprint(district, clusters);
}

/** What of the clusters relevance depends on, as one string (computed once per clusters array). */
function clustersFingerprint(district: string, clusters: readonly Cluster[]): string {
  let byDistrict = fingerprints.get(clusters);
  if (!byDistrict) fingerprints.set(clusters, (byDistrict = new Map()));
  let fp = byDistrict.get(district);
  if (fp === undefined) {
    fp = JSON.stringify([district, clusters.map((c) => [c.id, c.district, c.name, c.keywords, c.includedTaskKeys, c.excludedTaskKeys])]);
    byDistrict.set(district, fp);
  }
  return fp;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether two versions of a task have the same fields relevance reads. */
function sameInputs(a: Task, b: Task): boolean {
  return (
    a === b ||
    (a.key === b.key && a.title === b.title && a.text === b.text && a.issuedElsewhere === b.issuedElsewhere && a.issuedByDistrict === b.issuedByDistrict && sameList(a.leadUnits, b.leadUnits) && sameList(a.responsibleUnits, b.responsibleUnits))
  );
}

/**
 * A district department written bare (区商旅局, 区科技和经信局, 区行政审批局): only a district's own
 * document names its units so — a city document writes 各区… or the district's name — and the
 * office added that document to its own ledger.
 */
const BARE_DISTRICT_UNIT = /^区(?!级|域|县|内|外|属)[\u4e00-\u9fff]{1,14}(?:局|委|办|办公室|中心|院|馆|所|队|部|会|政府|管委会)$/u;

/** Some districts, unnamed: 有关区人民政府, 各相关区政府, 有关区. */
const SOME_DISTRICTS_UNIT = /^各?(?:有关|相关)(?:各)?区(?:人民政府|政府)?$/u;

/** The one reason every task concerns the city's office. */
const CITY_REASON = '市级：全部任务';
const CITY_RELEVANCE: TaskRelevance = { relevant: true, why: [{ kind: 'city', detail: CITY_OFFICE }], reasons: [CITY_REASON] };

function judge(task: Task, district: string, clusters: readonly Cluster[]): TaskRelevance {
  if (task.issuedElsewhere) return judgeElsewhere(task, district, clusters, { kind: 'elsewhere', detail: task.issuedElsewhere });
  if (task.issuedByDistrict && task.issuedByDistrict !== district && !isCityOffice(district))
    return judgeElsewhere(task, district, clusters, { kind: 'otherDistrict', detail: shortNameOf(task.issuedByDistrict) });
  if (isCityOffice(district)) return CITY_RELEVANCE;
  const why: RelevanceReason[] = [];
  const has = (kind: RelevanceKind) => why.some((r) => r.kind === kind);
  const units = [...task.leadUnits, ...task.responsibleUnits];
  const mentions = mentionsOf(district);
  // The district's own document (岸政办〔2025〕13号 in 江岸区's ledger): every task of it is the
  // district's, whatever its units say (none, 各街道办事处, 区科技局).
  if (task.issuedByDistrict === district) why.push({ kind: 'ownDocument', detail: district });
  if (units.includes(ALL_DISTRICTS_UNIT)) why.push({ kind: 'all', detail: ALL_DISTRICTS_UNIT });
  // 有关区人民政府: some districts, not named — the task may be the district's: said, for the office to check.
  const some = units.find((u) => SOME_DISTRICTS_UNIT.test(u));
  if (some) why.push({ kind: 'some', detail: some });
  const named = units.find((u) => mentions.some((m) => u.includes(m)));
  if (named) why.push({ kind: 'named', detail: named === district ? district : `${district}（${named}）` });
  else if (mentions.some((m) => task.text.includes(m) || task.title.includes(m))) why.push({ kind: 'named', detail: district });
  const own = units.find((u) => BARE_DISTRICT_UNIT.test(u));
  if (own) why.push({ kind: 'own', detail: own });
  const stem = districtStem(district);
  // Both patterns need the stem in the text; the corridor one also needs 走廊 (its lazy prefix
  // is costly on long texts without it).
  if (stem && task.text.includes(stem)) {
    if (task.text.includes('走廊'))
      for (const m of task.text.matchAll(CORRIDOR)) {
        if (m[2]!.split(/[、，等]/u).some((x) => x.replace(/区域$|区$/u, '') === stem)) why.push({ kind: 'corridor', detail: m[1]!.replace(/^(?:促进|推动|打造|建设)/u, '') });
      }
    if (!has('named') && !has('corridor') && stemListPattern(stem).test(task.text)) why.push({ kind: 'named', detail: district });
  }
  // A task whose units are another district's (东湖高新区管委会) and not this one's, nor all
  // districts': a keyword of one of this district's clusters in its text (碳中和) does not make it
  // this district's; a cluster the officer linked it to by hand does.
  const elsewhere = !why.some((r) => r.kind !== 'some') && units.some((u) => districtsOfUnit(u).some((d) => d !== district));
  for (const c of clusters) {
    const m = clusterMembership(c, task, district);
    if (m && elsewhere && m.kind !== 'manual') continue;
    if (m) why.push(m.kind === 'manual' ? { kind: 'cluster', detail: c.name, manual: true } : { kind: 'cluster', detail: c.name });
  }
  // Most tasks of a district's ledger concern it for no reason at all: nothing to order.
  if (why.length === 0) return { relevant: false, why, reasons: [] };
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
  // 有关区 alone names no district: a reason to check, shown with the task, not enough to list it.
  return { relevant: ordered.some((r) => r.kind !== 'some'), why: ordered, reasons: ordered.map(relevanceReasonText) };
}

// A district's names (districtMentions), and the districts each unit names (districtsNamedIn),
// worked out once: 10,000 tasks name a few dozen units, and their judging runs at the start.
const mentionsOf = memoByString(districtMentions, 1_000);
const districtsOfUnit = memoByString((unit) => districtsNamedIn(unit), 10_000);

/**
 * A task of a document issued elsewhere (外地文件, 咸宁市's) or by another Wuhan district (武汉经开区's
 * 分工方案): its 各区 and bare 区××局 are that place's, its keywords are no cluster's of this district.
 * It concerns the office only where it names the district by name (与江夏区共建…) or the officer
 * linked it to a cluster by hand.
 */
function judgeElsewhere(task: Task, district: string, clusters: readonly Cluster[], issuer: RelevanceReason): TaskRelevance {
  const why: RelevanceReason[] = [];
  if (!isCityOffice(district)) {
    const names = DISTRICTS.find((d) => d.name === district);
    const full = names ? [names.name, names.shortName, ...names.aliases.filter((a) => a.length >= 3)] : [district];
    const said = [...task.leadUnits, ...task.responsibleUnits, task.title, task.text].find((x) => full.some((n) => x.includes(n)));
    if (said) why.push({ kind: 'named', detail: district });
    for (const c of clusters) if (clusterMembership(c, task, district)?.kind === 'manual') why.push({ kind: 'cluster', detail: c.name, manual: true });
  }
  why.push(issuer);
  return { relevant: why.some((r) => !NOT_OWN_KINDS.includes(r.kind)), why, reasons: why.map(relevanceReasonText) };
}

/** A district's short name for a reason (武汉经开区), its official name when it has none. */
function shortNameOf(district: string): string {
  return DISTRICTS.find((d) => d.name === district)?.shortName ?? district;
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
