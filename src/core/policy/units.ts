/**
 * Units // 单位: splitting the units parenthesis of a task into lead and responsible units,
 * with one canonical name per department (departments are renamed between documents).
 */
import { DEFAULT_UNIT_RENAMES, canonicaliseUnit, stripUnitNote, type UnitRename, type UnitRenames } from '../unit-names';

export { ALL_DISTRICTS_UNIT, SOME_DISTRICTS_UNIT } from '../unit-names';

/** The built-in renames as old → current name (see BUILTIN_UNIT_RENAMES in core/unit-names). */
export const UNIT_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(DEFAULT_UNIT_RENAMES);

/** The canonical name of one unit: spaces and 〈含…〉 notes removed, renames resolved. */
export function canonicalUnit(raw: string, renames: UnitRenames = DEFAULT_UNIT_RENAMES): string {
  return canonicaliseUnit(raw, renames);
}

/**
 * Split a list of units as written on 、，； (and line breaks, `/`, wide spaces), never inside
 * 〈…〉 or （…）: the names as written (notes stripped), grouped at ，；.
 */
export function splitRawUnitGroups(list: string): string[][] {
  const groups: string[][] = [[]];
  let depth = 0;
  let cur = '';
  const flush = (newGroup: boolean) => {
    // "市卫生健康委等" / "区水务局等部门": 等 closes the named units and names none of its own.
    const u = stripUnitNote(cur).replace(/等(?:部门|单位)?$/u, '');
    if (u) groups[groups.length - 1]!.push(...splitGluedUnits(u));
    cur = '';
    if (newGroup && groups[groups.length - 1]!.length) groups.push([]);
  };
  for (const ch of list.replace(/[ \t\u3000]{2,}|\r?\n|[/／]/g, '、')) {
    if ('〈<（(《'.includes(ch)) depth++;
    if ('〉>）)》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === '、') flush(false);
    else if (depth === 0 && (ch === '，' || ch === ',' || ch === '；' || ch === ';')) flush(true);
    else cur += ch;
  }
  flush(false);
  return groups.filter((g) => g.length > 0).map((g) => sharePrefix(expandSharedSuffix(joinLevelList(g))));
}

/** The word a department's name ends with (区财政局, 市发改委, 区商务办, 区人民法院, 区政务服务中心 …). */
const DEPARTMENT_END = /(?:局|委|办|院|中心|厅|部|室|处|所|站|队|集团|公司)$/u;
/** The start of another unit of a level: 区… / 市… / 省… / 县…, not 市场…, 区域…, 市级…, 区属… . */
const LEVEL_START = /^[区市省县](?!场|域|级|属|直|内|外|委(?:、|$))/u;
/** A level's bare body (区委, 市政府, 县人民政府): "区委区政府督查室" is one office, not 区委 + 区政府督查室. */
const BARE_BODY = /^[区市省县](?:委|政府|人民政府)$/u;

/**
 * "区财政局区税务局" → 区财政局, 区税务局: two units of the same level written with nothing
 * between them, split where a department's name ends (局, 委, 办, 院, 中心 …) and another unit
 * of a level (区…, 市…, 省…, 县…) begins that is itself a department. Never inside one name:
 * 市委办公厅, 区委组织部, 市政府办公厅 (委 and 政府 are followed by no level), 区市场监管局
 * (市场), 区委区政府督查室 (a level's bare body is never split off).
 */
export function splitGluedUnits(name: string): string[] {
  for (let i = 3; i <= name.length - 4; i++) {
    const head = name.slice(0, i);
    const rest = name.slice(i);
    if (!DEPARTMENT_END.test(head) || BARE_BODY.test(head) || !LEVEL_START.test(rest) || !DEPARTMENT_END.test(rest)) continue;
    return [head, ...splitGluedUnits(rest)];
  }
  return [name];
}

/** One level of government written bare in a list (县, 市, 区, 县级市), and the list's last word. */
const BARE_LEVEL = /^各?(?:县级市|[县市区镇乡])$/u;
const LEVEL_BODY = /^(?:县级市|[县市区镇乡])(?:人民政府|政府|管委会)$/u;

/**
 * "各县、市、区政府" is one unit (every county, county-level city and district government),
 * not 各县 / 市 / 区政府: bare levels after 各 up to the one that names the body are joined.
 */
function joinLevelList(group: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < group.length; i++) {
    let j = i;
    if (group[i]!.startsWith('各') && BARE_LEVEL.test(group[i]!)) while (j + 1 < group.length && BARE_LEVEL.test(group[j + 1]!) && !group[j + 1]!.startsWith('各')) j++;
    if (j + 1 < group.length && j >= i && group[i]!.startsWith('各') && BARE_LEVEL.test(group[i]!) && LEVEL_BODY.test(group[j + 1]!)) {
      out.push(group.slice(i, j + 2).join('、'));
      i = j + 1;
    } else out.push(group[i]!);
  }
  return out;
}

/** A unit list read: the canonical names, and the renames it took to get them. */
export interface ReadUnits {
  units: string[];
  /** Names written under an old name, with their current name (名称统一). */
  renamed: UnitRename[];
}

/** Read a unit list as written into canonical names, noting every rename applied. */
export function readUnitList(list: string | undefined, renames: UnitRenames = DEFAULT_UNIT_RENAMES): ReadUnits {
  const renamed: UnitRename[] = [];
  const units = unique(
    splitRawUnitGroups(list ?? '')
      .flat()
      .map((raw) => {
        const to = canonicaliseUnit(raw, renames);
        if (to !== raw && !renamed.some((r) => r.from === raw)) renamed.push({ from: raw, to });
        return to;
      }),
  );
  return { units, renamed };
}

/** The units marked as lead inside a list (`市科技局（牵头）、市发改委` → 市科技创新局). */
export function markedLeadUnits(list: string | undefined, renames: UnitRenames = DEFAULT_UNIT_RENAMES): string[] {
  const out: string[] = [];
  for (const m of (list ?? '').matchAll(/([^、，,；;\s（(〈<]+)\s*[（(〈<]\s*牵头\s*[)）〉>]/gu)) {
    const u = canonicaliseUnit(m[1]!, renames);
    if (u && !out.includes(u)) out.push(u);
  }
  return out;
}

/** Split a list of units on 、，； (never inside 〈…〉 or （…）) into canonical names, grouped at ，；. */
export function splitUnitGroups(list: string, renames: UnitRenames = DEFAULT_UNIT_RENAMES): string[][] {
  return splitRawUnitGroups(list).map((g) => g.map((u) => canonicaliseUnit(u, renames)));
}

/** Every unit of a list, in order, without duplicates. */
export function splitUnits(list: string, renames: UnitRenames = DEFAULT_UNIT_RENAMES): string[] {
  return unique(splitUnitGroups(list, renames).flat());
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

/** A department named without its level (住建局, 司法局): a short name ending in 局 / 委 / 办 and naming no place. */
const BARE_DEPARTMENT = /^(?!各|有关|相关|[区市省县])[\u4e00-\u9fff]{2,5}(?:局|委|办)$/u;

/**
 * "市行政审批局、住建局、司法局" → 市行政审批局, 市住建局, 市司法局: departments listed after one that names
 * its level share that level (the list is one level's departments, the level written once).
 */
function sharePrefix(group: string[]): string[] {
  const out = [...group];
  for (let i = 1; i < out.length; i++) {
    const level = LEVEL_START.exec(out[i - 1]!)?.[0];
    if (level && DEPARTMENT_END.test(out[i - 1]!) && !BARE_BODY.test(out[i - 1]!) && BARE_DEPARTMENT.test(out[i]!) && !/[区县市州省]/u.test(out[i]!)) out[i] = level + out[i]!;
  }
  return out;
}

/** A place named with its level and no body (咸安区, 嘉鱼县, 仙桃市), not a zone or a class of places. */
const BARE_PLACE = /^(?!各|有关|相关)[\u4e00-\u9fff]{1,5}(?<!新|开发|园|景|社|城|市|街|片)[区县市]$/u;

/**
 * "洪山、武昌、江夏区人民政府" → 洪山区人民政府, 武昌区人民政府, 江夏区人民政府; "咸安区、嘉鱼县、
 * 通山县人民政府" → 咸安区人民政府, 嘉鱼县人民政府, 通山县人民政府; "襄阳市、十堰市、随州市、神农架林区
 * 发改委" → 襄阳市发改委 …: places listed before the one that names the body share it.
 */
function expandSharedSuffix(group: string[]): string[] {
  const out = [...group];
  for (let i = out.length - 2; i >= 0; i--) {
    const next = out[i + 1]!;
    const suffix = /区(人民政府|政府)$/u.exec(next)?.[0];
    if (suffix && DISTRICT_STEMS.includes(out[i]!)) out[i] = out[i]! + suffix;
    // The body after the next place's level: 人民政府, or a department (襄阳市、十堰市、随州市、神农架林区发改委).
    const m = /^([\u4e00-\u9fff]{1,5}?[区县市])((?:人民政府|政府)|[\u4e00-\u9fff]{1,6}(?:委|局|办))$/u.exec(next);
    if (m && BARE_PLACE.test(m[1]!) && BARE_PLACE.test(out[i]!)) out[i] = out[i]! + m[2]!;
  }
  return out;
}
