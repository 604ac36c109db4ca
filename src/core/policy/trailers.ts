/**
 * Unit trailers // 单位括注: the forms in which a task names the units that carry it, one row
 * per form. Supporting a new layout is a new row here and a test row in trailers.test.ts.
 *
 * Each form finds its trailer at the end of a task's text (or anywhere, for the bracket
 * forms) and reads lead // 牵头单位 and responsible // 责任单位 units from it. The convention
 * of the application: when only lead units are named they are also the responsible units;
 * when the units are a single list the units before the first "，" (or the first unit, where
 * the text says 列第一位者为牵头单位 / 标☆的为牵头单位) lead.
 */
import { canonicalUnit, splitUnitGroups, splitUnits, type ParsedUnits } from './units';

/** Labels that mean lead units and labels that mean the other responsible units. */
export const LEAD_LABELS = ['牵头单位', '牵头部门', '牵头科室（单位）', '牵头科室', '主办单位', '主要责任单位', '主要责任部门', '牵头责任单位', '牵头'];
export const RESPONSIBLE_LABELS = ['责任单位', '配合单位', '协办单位', '参与单位', '协同单位', '协同责任单位', '配合责任单位', '会办单位', '责任部门', '配合部门', '责任科室'];
const ALL_LABELS = [...LEAD_LABELS, ...RESPONSIBLE_LABELS].sort((a, b) => b.length - a.length);
const LABEL_ALT = ALL_LABELS.join('|');
/** Labels of the persons in charge, written beside the units (责任领导：杜新国；牵头单位：…): no unit. */
export const PERSON_LABELS = ['责任领导', '分管领导', '牵头领导', '牵头负责领导', '包保领导', '联系领导', '分管负责人', '责任人', '联系人'];
const PERSON_ALT = PERSON_LABELS.join('|');
/** A person label and its names before a trailer's first unit label: "责任领导：杜新国；". */
const PERSON_FIRST = `(?:(?:${PERSON_ALT})[：:][^（）()：:]*?[；;，,]\\s*)?`;
/** Labels of a task's deadline written inside its units bracket (…，完成时限：2023年6月): no unit. */
export const DEADLINE_LABELS = ['完成时限', '完成时间', '时间节点'];
const DEADLINE_ALT = DEADLINE_LABELS.join('|');
/** The deadline a units bracket gives, as written ("（责任单位：…，完成时限：2023年6月）" → 2023年6月). */
export function trailerDeadline(unitsText: string): string | undefined {
  return new RegExp(`(?:${DEADLINE_ALT})[：:]\\s*([^；;，,（）()]+)`, 'u').exec(unitsText)?.[1]?.trim() || undefined;
}
/** The indicator's attribute before a trailer's first unit label: "（预期性指标，牵头单位：…". */
const ATTRIBUTE_FIRST = '(?:(?:预期性|约束性)(?:指标)?[；;，,、]\\s*)?';

/** A unit trailer form. */
export interface TrailerForm {
  id: string;
  /** A real example of the form. */
  example: string;
  /** Finds the trailer; the match is removed from the task's text. */
  find: RegExp;
  read: (m: RegExpExecArray, state: TrailerState) => ParsedUnits;
}

/** What a document declared once for all its trailers (…，下同). */
export interface TrailerState {
  /** 列第一位者为牵头单位 / 标☆的为牵头单位: the first (or starred) unit leads. */
  firstListedLeads?: boolean;
  starLeads?: boolean;
}

/**
 * Phrases that name several units at once, written out before the list is split
 * ("各区、县级市" is every district and every county-level city).
 */
export const UNIT_PHRASES: { phrase: RegExp; units: string; example: string }[] = [
  { phrase: /各有关区[、，]县级市(?:人民政府)?/gu, units: '有关区人民政府、有关县级市人民政府', example: '配合单位：市科协，各有关区、县级市' },
  { phrase: /各区[、，]县级市(?:人民政府)?/gu, units: '各区人民政府、各县级市人民政府', example: '配合单位：市教育局，各区、县级市' },
  { phrase: /各区[、，]县[（(]市[）)](?:人民政府)?/gu, units: '各区人民政府、各县（市）人民政府', example: '责任单位：各区、县（市）人民政府' },
];

/** A units list with the phrases of UNIT_PHRASES written out. */
export function expandUnitPhrases(list: string): string {
  return UNIT_PHRASES.reduce((s, p) => s.replace(p.phrase, p.units), list);
}

function leadOnly(lead: string[]): ParsedUnits {
  return { leadUnits: lead, responsibleUnits: lead, leadInferred: false };
}

/** "牵头单位：A；责任单位：B、C" and every label pair of LEAD_LABELS / RESPONSIBLE_LABELS. */
export function readLabelledUnits(body: string): ParsedUnits | undefined {
  const text = expandUnitPhrases(body.replace(/\s+/gu, ''));
  const label = new RegExp(`(${LABEL_ALT}|${PERSON_ALT}|${DEADLINE_ALT})[：:]`, 'gu');
  const all: { label: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(label)) all.push({ label: m[1]!, start: m.index!, end: m.index! + m[0].length });
  // A person label (责任领导：杜新国) or a deadline (完成时限：2023年6月) ends the units before it and names no unit itself.
  const parts = all.filter((p) => !PERSON_LABELS.includes(p.label) && !DEADLINE_LABELS.includes(p.label));
  if (!parts.length) return undefined;
  const lead: string[] = [];
  const resp: string[] = [];
  let respOnly: string | undefined;
  parts.forEach((p) => {
    // A note on the items below closing the list ("…，以下均需各县市区落实，不再逐一列出") names no unit.
    const value = text
      .slice(p.end, all[all.indexOf(p) + 1]?.start ?? text.length)
      .replace(/[，,；;](?:以下|下同)[^：:]*$/u, '')
      .replace(/^[：:]|[；;，,。]+$/gu, '');
    if (LEAD_LABELS.includes(p.label)) lead.push(...splitUnits(value));
    else if (p.label === '责任单位' && !parts.some((q) => LEAD_LABELS.includes(q.label))) respOnly = value;
    else resp.push(...splitUnits(value));
  });
  // 责任单位 beside 配合单位 (or another helpers' label) and no 牵头 label: the 责任单位 are in charge,
  // the helpers the other responsible units ("责任单位：市行政审批局、市司法局；配合单位：市级相关部门").
  if (respOnly !== undefined && resp.length) return { leadUnits: unique(splitUnits(respOnly)), responsibleUnits: unique(resp), leadInferred: false };
  if (respOnly !== undefined) {
    const groups = splitUnitGroups(respOnly);
    const l = unique(groups[0] ?? []);
    const rest = unique(groups.slice(1).flat()).filter((u) => !l.includes(u));
    return { leadUnits: l, responsibleUnits: rest.length ? rest : l, leadInferred: true };
  }
  const r = unique(resp);
  return { leadUnits: unique(lead), responsibleUnits: r.length ? r : unique(lead), leadInferred: false };
}

/** "A、B等负责" under 列第一位者为牵头单位: the first leads, the rest are responsible. */
function firstLeads(list: string): ParsedUnits {
  const all = splitUnits(expandUnitPhrases(list).replace(/等$/u, ''));
  const [first, ...rest] = all;
  return first ? { leadUnits: [first], responsibleUnits: rest.length ? rest : [first], leadInferred: false } : leadOnly([]);
}

/** "☆经信局、科技局": the starred units lead. */
function starLeads(list: string): ParsedUnits {
  const raw = list.split(/[、，,；;]/u).map((s) => s.trim()).filter(Boolean);
  const lead = raw.filter((s) => /^[☆★]/u.test(s)).map((s) => canonicalUnit(s.replace(/^[☆★]/u, '')));
  const resp = raw.filter((s) => !/^[☆★]/u.test(s)).map((s) => canonicalUnit(s));
  return { leadUnits: lead, responsibleUnits: resp.length ? resp : lead, leadInferred: false };
}

const OPEN = '[（(［\\[【]';
const CLOSE = '[）)］\\]】]';

/** The trailer forms, most specific first. */
export const TRAILER_FORMS: TrailerForm[] = [
  {
    id: 'star-lead',
    example: '（责任单位：☆经信局、科技局。标☆的为牵头单位，下同。）',
    find: new RegExp(`${OPEN}责任单位[：:]([^（）()]*?)。?标[☆★]的为牵头单位[^）)]*${CLOSE}`, 'u'),
    read: (m, state) => {
      state.starLeads = true;
      return starLeads(m[1]!);
    },
  },
  {
    id: 'first-listed-declared',
    example: '（科技部、发展改革委等按职责分工负责。列第一位者为牵头单位，下同）',
    find: new RegExp(`${OPEN}([^（）()]*?)(?:按职责分工)?负责。?列第一位者?为牵头单位[^）)]*${CLOSE}`, 'u'),
    read: (m, state) => {
      state.firstListedLeads = true;
      return firstLeads(m[1]!);
    },
  },
  {
    id: 'labelled',
    example: '（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）',
    find: new RegExp(`${OPEN}${ATTRIBUTE_FIRST}${PERSON_FIRST}(?:${LABEL_ALT})[：:][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*${CLOSE}`, 'u'),
    read: (m, state) => {
      const inner = m[0].slice(1, -1);
      if (state.starLeads && /[☆★]/u.test(inner)) return starLeads(inner.replace(/^责任单位[：:]/u, ''));
      return readLabelledUnits(inner) ?? leadOnly([]);
    },
  },
  {
    id: 'labelled-cut',
    example: '（牵头单位：市发改委、市科技局；责任单位：市人社局、各区人民政府〈含开发区、长江新区、风景',
    find: new RegExp(`${OPEN}${ATTRIBUTE_FIRST}${PERSON_FIRST}(?:${LABEL_ALT})[：:][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*(?:[（(][^（）()]*)?$`, 'u'),
    read: (m) => readLabelledUnits(withoutCutTail(m[0].slice(1))) ?? leadOnly([]),
  },
  {
    id: 'lead-with-others',
    example: '[市科委牵头，会同市经信委、市发改委和各区政府负责]',
    find: new RegExp(`${OPEN}([^（）()［\\]【】]+?)牵头[，,、]?(?:会同|联合|协同)?([^（）()［\\]【】]*?)(?:按职责分工|共同)?负责?${CLOSE}`, 'u'),
    read: (m) => {
      const lead = splitUnits(m[1]!);
      const others = splitUnits(m[2]!.replace(/和/gu, '、').replace(/^(?:会同|联合|协同)/u, ''));
      return { leadUnits: lead, responsibleUnits: others.length ? others : lead, leadInferred: false };
    },
  },
  {
    id: 'lead-and-helpers',
    example: '（区政务服务局牵头，区发改局、区审改办、区级相关部门配合）',
    find: new RegExp(`${OPEN}([^（）()［\\]【】：:]+?)牵头(?:负责)?[，,；;]\\s*([^（）()［\\]【】：:]+?)(?:配合|参与|协助|协办)${CLOSE}`, 'u'),
    read: (m) => {
      const lead = splitUnits(expandUnitPhrases(m[1]!.replace(/^由/u, '')));
      const others = splitUnits(expandUnitPhrases(m[2]!)).filter((u) => !lead.includes(u));
      return { leadUnits: lead, responsibleUnits: others.length ? others : lead, leadInferred: false };
    },
  },
  {
    id: 'responsible-plain',
    example: '（市发展改革委、市科技局等负责）',
    find: new RegExp(`${OPEN}([^（）()：:]*?(?:委|局|厅|部|办|府|区|会|院|室|行|司))等?(?:按职责分工|分别|共同)?负责${CLOSE}`, 'u'),
    read: (m, state) => {
      const groups = splitUnitGroups(expandUnitPhrases(m[1]!).replace(/等$/u, ''));
      // One list, or the document said so: the first unit leads.
      if (state.firstListedLeads || groups.length === 1) return firstLeads(m[1]!);
      const l = unique(groups[0] ?? []);
      const rest = unique(groups.slice(1).flat()).filter((u) => !l.includes(u));
      return { leadUnits: l, responsibleUnits: rest.length ? rest : l, leadInferred: true };
    },
  },
];

/** How a unit's name ends (委, 局, 人民政府 …): a last name without such an ending was cut off. */
export const UNIT_ENDINGS = /(?:委|局|办|厅|府|会|部|院|司|室|中心|公司|处|科|所|行|社|馆|站|队|团|校|园|区|县|市|组|台|署|联|协|盟)$/u;

/**
 * A trailer cut off by the end of the text (an excerpt, a lost page): the units written out
 * in full, without a last name cut mid-word ("市经济…") and without an unclosed note.
 */
function withoutCutTail(list: string): string {
  const open = Math.max(list.lastIndexOf('〈'), list.lastIndexOf('（'), list.lastIndexOf('('), list.lastIndexOf('<'));
  const close = Math.max(list.lastIndexOf('〉'), list.lastIndexOf('）'), list.lastIndexOf(')'), list.lastIndexOf('>'));
  if (open > close) return list.slice(0, open);
  const cut = Math.max(...['、', '，', ',', '；', ';', '：', ':'].map((c) => list.lastIndexOf(c)));
  const last = list.slice(cut + 1).trim();
  return last && !UNIT_ENDINGS.test(last) ? list.slice(0, cut + 1) : list;
}

/** Lines that carry units on their own (the 任务分解 layout): "牵头科室（单位）：计划科…". */
export const UNIT_LINE = new RegExp(`^(?:${LABEL_ALT})[：:]`, 'u');
/** Other labelled lines of that layout, kept out of the task's text. */
export const INFO_LINE = /^(?:责任领导|分管领导|牵头领导|牵头负责领导|包保领导|联系领导|责任人|完成时限|完成时间|时间节点|进度安排)[：:]/u;

/** The units trailer of a task's text: the form that matched, the text without it, the units. */
export interface FoundTrailer {
  form: string;
  unitsText: string;
  text: string;
  units: ParsedUnits;
}

/** Find the units trailer of a task's text (the last one when there are several). */
export function findTrailer(text: string, state: TrailerState = {}): FoundTrailer | undefined {
  let best: { form: TrailerForm; m: RegExpExecArray; at: number } | undefined;
  for (const form of TRAILER_FORMS) {
    const re = new RegExp(form.find.source, 'gu');
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (!best || at > best.at) best = { form, m: m as RegExpExecArray, at };
    }
  }
  if (!best) return undefined;
  const units = best.form.read(best.m, state);
  if (!units.leadUnits.length && !units.responsibleUnits.length) return undefined;
  return {
    form: best.form.id,
    unitsText: best.m[0],
    text: (text.slice(0, best.at) + text.slice(best.at + best.m[0].length)).trim(),
    units,
  };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Every trailer of a text, in order, not overlapping. */
export function allTrailers(text: string, state: TrailerState = {}): { at: number; end: number; form: string; unitsText: string; units: ParsedUnits }[] {
  const hits: { at: number; end: number; form: TrailerForm; m: RegExpExecArray }[] = [];
  for (const form of TRAILER_FORMS)
    for (const m of text.matchAll(new RegExp(form.find.source, 'gu'))) hits.push({ at: m.index!, end: m.index! + m[0].length, form, m: m as RegExpExecArray });
  hits.sort((a, b) => a.at - b.at || TRAILER_FORMS.indexOf(a.form) - TRAILER_FORMS.indexOf(b.form));
  const out: { at: number; end: number; form: string; unitsText: string; units: ParsedUnits }[] = [];
  let last = -1;
  for (const h of hits) {
    if (h.at < last) continue;
    const units = h.form.read(h.m, state);
    if (!units.leadUnits.length && !units.responsibleUnits.length) continue;
    out.push({ at: h.at, end: h.end, form: h.form.id, unitsText: h.m[0], units });
    last = h.end;
  }
  return out;
}
