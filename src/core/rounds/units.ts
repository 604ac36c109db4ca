/**
 * 承办单位: the district's own departments and bodies that carry out the city's tasks, the
 * starter list an office edits, and the mapping city lead unit → district unit used to
 * suggest who takes a task.
 */
import type { Task } from '../model';

/** A typical district's departments // 区直部门、街道、园区 (the starter list; the office edits it). */
export const STARTER_UNITS: readonly string[] = [
  '区科技局',
  '区发改局',
  '区经信局',
  '区人社局',
  '区教育局',
  '区财政局',
  '区自然资源和规划局',
  '区住建局',
  '区商务局',
  '区市场监管局',
  '区卫健局',
  '区生态环境分局',
  '区金融局',
  '区投促局',
  '区数据局',
  '各街道办事处',
  '园区管委会',
];

/** City lead unit → the district unit that usually takes its tasks (the office edits it). */
export const STARTER_LEAD_MAPPING: Readonly<Record<string, string>> = {
  市科技创新局: '区科技局',
  市发改委: '区发改局',
  市经信局: '区经信局',
  市人社局: '区人社局',
  市教育局: '区教育局',
  市财政局: '区财政局',
  市自然资源和规划局: '区自然资源和规划局',
  市城乡建设局: '区住建局',
  市商务局: '区商务局',
  市市场监管局: '区市场监管局',
  市卫健委: '区卫健局',
  市生态环境局: '区生态环境分局',
  市地方金融局: '区金融局',
  市委金融办: '区金融局',
  市投促局: '区投促局',
  市数据局: '区数据局',
  市政府国资委: '区财政局',
};

/** A unit list edited by the officer: trimmed, blanks and repeats removed, order kept. */
export function cleanUnitList(units: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of units) {
    const u = raw.replace(/\s+/gu, '');
    if (u && !seen.has(u)) {
      seen.add(u);
      out.push(u);
    }
  }
  return out;
}

/** A suggestion for one task: the lead unit and the 协办 units, from the city's units. */
export interface UnitSuggestion {
  lead?: string;
  assist: string[];
}

/**
 * Suggest units for a task: the first city lead unit that maps to a unit of the district's
 * list becomes the lead; the other mapped lead and responsible units become 协办.
 */
export function suggestUnits(task: Pick<Task, 'leadUnits' | 'responsibleUnits'>, mapping: Readonly<Record<string, string>>, units: readonly string[]): UnitSuggestion {
  const known = new Set(units);
  const mapped = (list: readonly string[]) => list.map((u) => mapping[u]).filter((u): u is string => !!u && known.has(u));
  const fromLead = mapped(task.leadUnits);
  const fromResp = mapped(task.responsibleUnits);
  const lead = fromLead[0] ?? fromResp[0];
  const assist = [...new Set([...fromLead, ...fromResp])].filter((u) => u !== lead);
  return lead ? { lead, assist } : { assist: [] };
}

/** Parse the mapping as the officer types it, one `市X=区Y` per line (also ＝ → ->); the first line not in that form is named. */
export function parseLeadMapping(text: string): { ok: true; mapping: Record<string, string> } | { ok: false; line: string } {
  const mapping: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(.+?)\s*(?:=|＝|→|->)\s*(.+)$/u.exec(line);
    if (!m) return { ok: false, line };
    mapping[m[1]!.trim()] = m[2]!.trim();
  }
  return { ok: true, mapping };
}

/** The mapping as text for editing, one `市X=区Y` per line. */
export function leadMappingText(mapping: Readonly<Record<string, string>>): string {
  return Object.entries(mapping)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}
