/**
 * Industrial clusters // 产业集群 from the seed texts: the district → cluster assignments
 * ("支持东湖高新区重点围绕生物医药、光电子信息，武汉经开区重点围绕…") and each district's
 * positioning in 专栏 6-2 of the 十四五 plan.
 */
import type { Cluster, Task } from '../model';
import { DISTRICTS, findDistrict } from '../districts';
import { cleanPolicyText } from './normalize';

/** One district → cluster assignment as written. */
export interface ClusterAssignment {
  /** District official name, e.g. `东湖新技术开发区`. */
  district: string;
  /** As written, e.g. `东湖高新区`. */
  districtAsWritten: string;
  cluster: string;
}

/** A district's innovation positioning // 各区创新发展重点与定位. */
export interface DistrictPositioning {
  district: string;
  /** 开发区、功能区 / 中心城区 / 新城区 */
  category: string;
  text: string;
}

/**
 * Words that tie a task to a cluster, beyond the cluster's own name. Curated by hand from
 * the seed texts (e.g. 数字建造 / 智能建造 tasks concern 工程设计建造).
 */
export const CLUSTER_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  生物医药: ['生物医药', '医疗器械', '生命健康', '疫苗', '药物'],
  光电子信息: ['光电子信息', '光电子', '光电', '光芯屏端网', '集成电路', '芯片'],
  新能源与智能网联汽车: ['新能源与智能网联汽车', '新能源和智能网联汽车', '智能网联汽车', '新能源汽车', '车谷'],
  网络安全: ['网络安全', '网安'],
  工程设计建造: ['工程设计', '智能建造', '数字建造', '工程建设', '建造'],
  北斗应用: ['北斗', '卫星导航', '空天信息'],
  绿色低碳: ['绿色低碳', '低碳', '绿色环保', '节能环保', '碳中和'],
  光通信设备及光电子器件: ['光通信', '光电子器件', '光器件'],
  生物种业: ['种业', '作物', '育种'],
  汽车零部件: ['汽车零部件', '零部件', '汽车'],
};

/** The assignments found in a text (the 001 news page holds them). */
export function parseClusterAssignments(text: string): ClusterAssignment[] {
  const joined = cleanPolicyText(text).lines.map((l) => l.text).join('');
  const out: ClusterAssignment[] = [];
  const re = /重点围绕([^，。；]+)/gu;
  for (const m of joined.matchAll(re)) {
    const before = joined.slice(Math.max(0, m.index! - 20), m.index!).split(/[，。；：“”]/u).pop() ?? '';
    let found: { name: string; asWritten: string } | undefined;
    for (let i = 0; i < before.length - 1 && !found; i++) {
      const d = findDistrict(before.slice(i));
      if (d) found = { name: d.name, asWritten: before.slice(i) };
    }
    if (!found) continue;
    for (const cluster of m[1]!.split('、')) {
      const c = cluster.trim();
      if (c) out.push({ district: found.name, districtAsWritten: found.asWritten, cluster: c });
    }
  }
  return out;
}

/** Cluster records for the store, with keywords; ids are stable (`cluster-<district>-<name>`). */
export function clustersFromAssignments(assignments: ClusterAssignment[]): Cluster[] {
  return assignments.map((a, i) => ({
    id: `cluster-${a.district}-${a.cluster}`,
    district: a.district,
    name: a.cluster,
    keywords: [...(CLUSTER_KEYWORDS[a.cluster] ?? [a.cluster])],
    includedTaskKeys: [],
    excludedTaskKeys: [],
    origin: 'seed',
    order: i + 1,
  }));
}

/** Why a task belongs to a cluster: added by hand, or a keyword (the cluster's name or one of its words) it contains. */
export type ClusterMembership = { kind: 'manual' } | { kind: 'keyword'; keyword: string };

/**
 * The cluster membership rule // 集群任务: a task belongs to a cluster of `district` when it was
 * added by hand, or when the cluster's name or one of its keywords occurs in the task's title or in
 * its text (each on its own: a word cut in two by the title/text boundary is no match), unless it
 * was removed by hand or its document was issued elsewhere or by another district (by hand only). A cluster of another district has no members for `district`.
 * The ledger, the 工作台, the reports, the import and the clusters page all ask this function.
 */
export function clusterMembership(c: Cluster, task: Task, district: string): ClusterMembership | undefined {
  if (c.district !== district) return undefined;
  if (c.excludedTaskKeys.includes(task.key)) return undefined;
  if (c.includedTaskKeys.includes(task.key)) return { kind: 'manual' };
  // Another city's document (外地文件) or another district's: its 人工智能 is no cluster of this district's; only a link by hand.
  if (task.issuedElsewhere || (task.issuedByDistrict && task.issuedByDistrict !== district)) return undefined;
  const keyword = clusterKeyword(c, task);
  return keyword ? { kind: 'keyword', keyword } : undefined;
}

/** The cluster's name or first keyword found in the task's title or text, hand adjustments aside. */
export function clusterKeyword(c: Cluster, task: Task): string | undefined {
  return [c.name, ...c.keywords].find((k) => k && (task.title.includes(k) || task.text.includes(k)));
}

/** Whether a task belongs to a cluster of `district` ({@link clusterMembership}). */
export function clusterMatches(c: Cluster, task: Task, district: string): boolean {
  return clusterMembership(c, task, district) !== undefined;
}

/** Names by which a district is mentioned in running text (full, short, aliases, bare stem). */
export function districtMentions(name: string): string[] {
  const d = DISTRICTS.find((x) => x.name === name);
  if (!d) return [name];
  return [...new Set([d.name, d.shortName, ...d.aliases])];
}

/** The positioning of each district in the box "专栏 6-2 各区创新发展重点与定位". */
export function parseDistrictPositioning(text: string): DistrictPositioning[] {
  const lines = cleanPolicyText(text).lines;
  const start = lines.findIndex((l) => /^专栏.*各区创新发展重点与定位/u.test(l.text));
  if (start < 0) return [];
  const body: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (/^（[一二三四五六七八九十]+）|^专栏|^[一二三四五六七八九十]+、|^第[一二三四五六七八九十]+章/u.test(l.text)) break;
    body.push(l.text);
  }
  const joined = body.join('');
  const out: DistrictPositioning[] = [];
  let category = '';
  for (const raw of joined.split(/(?<=。)/u)) {
    let sentence = raw.trim();
    const cat = /^(开发区、功能区|中心城区|新城区)。/u.exec(sentence);
    if (cat) {
      category = cat[1]!;
      sentence = sentence.slice(cat[0].length);
    }
    if (!sentence) continue;
    for (const d of DISTRICTS) {
      if (!districtMentions(d.name).some((m) => sentence.includes(m))) continue;
      const prev = out.find((p) => p.district === d.name);
      if (prev) prev.text += sentence;
      else out.push({ district: d.name, category, text: sentence });
    }
  }
  return out;
}
