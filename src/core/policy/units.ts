/**
 * Units // 单位: splitting the units parenthesis of a task into lead and responsible units,
 * with one canonical name per department (departments are renamed between documents).
 */

/** The token meaning every district and functional zone // 各区人民政府（含开发区、长江新区管委会）. */
export const ALL_DISTRICTS_UNIT = '各区人民政府';
/** The token meaning the districts named elsewhere or chosen by the officer // 有关区人民政府. */
export const SOME_DISTRICTS_UNIT = '有关区人民政府';

/**
 * Old or short department names → the current canonical name. Only renames that are
 * certain are listed; everything else is kept as written.
 */
export const UNIT_ALIASES: Readonly<Record<string, string>> = {
  市科技局: '市科技创新局',
  市科创局: '市科技创新局',
  市科学技术局: '市科技创新局',
  市自然资源规划局: '市自然资源和规划局',
  市国资委: '市政府国资委',
  市环保局: '市生态环境局',
  各区政府: ALL_DISTRICTS_UNIT,
  各区: ALL_DISTRICTS_UNIT,
  各有关区人民政府: SOME_DISTRICTS_UNIT,
  有关区: SOME_DISTRICTS_UNIT,
  相关区人民政府: SOME_DISTRICTS_UNIT,
};

/** The canonical name of one unit: spaces and 〈含…〉 notes removed, aliases resolved. */
export function canonicalUnit(raw: string): string {
  let u = raw.replace(/\s+/g, '');
  // "各区人民政府〈含开发区、长江新区管委会，下同〉" and its <…> / （含…） variants.
  u = u.replace(/[〈<《（(][^〉>》）)]*[〉>》）)]?$/u, '');
  u = u.replace(/[〈<《（(][^〉>》）)]*$/u, '');
  u = u.replace(/^[：:，,、；;]+|[：:，,、；;。）)]+$/gu, '');
  return UNIT_ALIASES[u] ?? u;
}

// Canonical name → every other name it has had (from UNIT_ALIASES), built once.
const FORMER_NAMES = new Map<string, string[]>();
for (const [old, canonical] of Object.entries(UNIT_ALIASES)) FORMER_NAMES.set(canonical, [...(FORMER_NAMES.get(canonical) ?? []), old]);

/**
 * Every name a unit has had: the name itself, its canonical name and the old or short names
 * that resolve to it ("市科技创新局" → also 市科技局, 市科创局, 市科学技术局). For search.
 */
export function unitNameVariants(name: string): string[] {
  const canonical = UNIT_ALIASES[name] ?? name;
  return [...new Set([name, canonical, ...(FORMER_NAMES.get(canonical) ?? [])])];
}

/** Split a list of units on 、，； (never inside 〈…〉 or （…）). */
export function splitUnitGroups(list: string): string[][] {
  const groups: string[][] = [[]];
  let depth = 0;
  let cur = '';
  const flush = (newGroup: boolean) => {
    const u = canonicalUnit(cur);
    if (u) groups[groups.length - 1]!.push(u);
    cur = '';
    if (newGroup && groups[groups.length - 1]!.length) groups.push([]);
  };
  for (const ch of list) {
    if ('〈<（(《'.includes(ch)) depth++;
    if ('〉>）)》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === '、') flush(false);
    else if (depth === 0 && (ch === '，' || ch === ',' || ch === '；' || ch === ';')) flush(true);
    else cur += ch;
  }
  flush(false);
  return groups.filter((g) => g.length > 0).map(expandSharedSuffix);
}

/** Every unit of a list, in order, without duplicates. */
export function splitUnits(list: string): string[] {
  return unique(splitUnitGroups(list).flat());
}

/** Lead // 牵头单位 and responsible // 责任单位 units read from a units parenthesis. */
export interface ParsedUnits {
  leadUnits: string[];
  responsibleUnits: string[];
  /** Set when the lead units were inferred (the units before the first "，"). */
  leadInferred: boolean;
}

/**
 * Read "牵头单位：…；责任单位：…" or "责任单位：…" (the units before the first "，" are
 * conventionally the lead units). When only 牵头单位 is given, it is also responsible.
 */
export function parseUnitsText(unitsText: string): ParsedUnits {
  const body = unitsText.replace(/^[（(]|[）)]$/g, '').replace(/\s+/g, '');
  const leadMatch = /牵头单位[：:](.*?)(?=[；;]?责任单位[：:]|$)/u.exec(body);
  const respMatch = /责任单位[：:](.*)$/u.exec(body);
  if (leadMatch) {
    const leadUnits = splitUnits(leadMatch[1]!);
    const resp = respMatch ? splitUnits(respMatch[1]!) : [];
    return { leadUnits, responsibleUnits: resp.length ? resp : leadUnits, leadInferred: false };
  }
  if (respMatch) {
    const groups = splitUnitGroups(respMatch[1]!);
    const leadUnits = unique(groups[0] ?? []);
    const rest = unique(groups.slice(1).flat()).filter((u) => !leadUnits.includes(u));
    return { leadUnits, responsibleUnits: rest.length ? rest : leadUnits, leadInferred: true };
  }
  return { leadUnits: [], responsibleUnits: [], leadInferred: false };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

const DISTRICT_STEMS = ['江岸', '江汉', '硚口', '汉阳', '武昌', '青山', '洪山', '东西湖', '汉南', '蔡甸', '江夏', '黄陂', '新洲'];

/** "洪山、武昌、江夏区人民政府" → 洪山区人民政府, 武昌区人民政府, 江夏区人民政府. */
function expandSharedSuffix(group: string[]): string[] {
  const out = [...group];
  for (let i = out.length - 2; i >= 0; i--) {
    const next = out[i + 1]!;
    const suffix = /区(人民政府|政府)$/u.exec(next)?.[0];
    if (suffix && DISTRICT_STEMS.includes(out[i]!)) out[i] = out[i]! + suffix;
  }
  return out;
}
