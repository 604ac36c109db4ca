/**
 * Scoring the policy-text parser against hand-checked gold files
 * (test/fixtures/policy/gold/*.json, one per document of test/fixtures/policy/corpus/).
 * Used by `npm run policy-score` and by test/unit/policy-corpus.test.ts.
 *
 * Matching rules (documented in the corpus README):
 * - tasks match on their number (（三）, 三、, 3. and 3 are the same number); a number that comes
 *   back later in the document (goals （一）… then tasks 1. …) is matched in order;
 * - a title is right when it equals the gold title after punctuation and spaces are normalised;
 * - lead / responsible units are counted one unit at a time on matched tasks (canonical names);
 * - targets match on value and unit, one to one; a matched target's name is right when one
 *   name contains the other (both normalised) and the shorter has at least 4 characters;
 * - a matched target's year and scope are right when equal to the gold's (a gold year of null
 *   is not counted);
 * - indicator rows match on name and target value (and scope, where the gold names one); a
 *   matched row's baseline is right when equal to the gold's (gold rows without a baseline
 *   are not counted), its unit likewise;
 * - optional gold fields are scored where a gold file has them: a task's deadline (as
 *   written), an indicator row's scope, target and baseline years, ≥/≤ and 预期性/约束性.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalUnit, normalizeLine, parsePolicyText } from '../src/core/policy';

export interface GoldTask {
  number: string;
  title: string;
  lead: string[];
  responsible: string[];
  /** 完成期限 as written, where the text gives one (optional field, documents 21 on). */
  deadline?: string;
}
export interface GoldTarget {
  name: string;
  value: number;
  unit: string;
  year: number | null;
  scope: string;
}
export interface GoldIndicator {
  name: string;
  unit: string;
  baseline: number | null;
  target: number;
  year: number | null;
  /** Optional fields (documents 21 on): the district a row is for, the baseline's year, ≥/≤, 预期性/约束性. */
  scope?: string;
  baselineYear?: number | null;
  bound?: '≥' | '≤';
  attribute?: string;
}
export interface Gold {
  file: string;
  title: string;
  docNumber: string | null;
  notes?: string;
  tasks: GoldTask[];
  targets: GoldTarget[];
  indicators: GoldIndicator[];
}

/** Counts of one measure: true positives, predicted, expected. */
export interface Count {
  tp: number;
  pred: number;
  gold: number;
}
export const MEASURES = [
  'tasks',
  'titles',
  'leadUnits',
  'responsibleUnits',
  'taskDeadlines',
  'targets',
  'targetNames',
  'targetScopes',
  'targetYears',
  'indicators',
  'indicatorBaselines',
  'indicatorUnits',
  'indicatorScopes',
  'indicatorYears',
  'indicatorAttributes',
] as const;
export type Measure = (typeof MEASURES)[number];
export type Scores = Record<Measure, Count>;

export interface DocScore {
  file: string;
  scores: Scores;
  docNumberOk: boolean;
  titleOk: boolean;
  /** What went wrong, for reading. */
  misses: string[];
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 三十五 → 35; undefined when not a Chinese numeral. */
export function chineseToInt(s: string): number | undefined {
  if (!s || ![...s].every((c) => c in CN_DIGITS || c === '十')) return undefined;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const tens = i === 0 ? 1 : CN_DIGITS[s.slice(0, i)]!;
  const ones = i === s.length - 1 ? 0 : CN_DIGITS[s.slice(i + 1)]!;
  return tens * 10 + ones;
}

/** A task number as written → a comparable key: （三） / 三、 / 3. / 3 → "3". */
export function numberKey(n: string): string {
  const core = n.replace(/[（）()、.．\s]/gu, '');
  const cn = chineseToInt(core);
  return cn !== undefined ? String(cn) : core;
}

function normText(s: string): string {
  return normalizeLine(s).replace(/\s+/gu, '').replace(/[。；;]+$/u, '').replace(/[""]/gu, '"');
}

function normName(s: string): string {
  return normText(s).replace(/[“”"‘’'《》〈〉]/gu, '');
}

export function namesAgree(a: string, b: string): boolean {
  const x = normName(a);
  const y = normName(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.includes(short);
}

function emptyScores(): Scores {
  return Object.fromEntries(MEASURES.map((m) => [m, { tp: 0, pred: 0, gold: 0 }])) as unknown as Scores;
}

/** Unit names compared after the same punctuation normalising as titles (各县(市、区)政府 = 各县（市、区）政府). */
function units(list: string[]): string[] {
  return [...new Set(list.map((u) => canonicalUnit(normalizeLine(u))))];
}

/** Score one document's text against its gold file. */
export function scoreDocument(text: string, gold: Gold): DocScore {
  const parsed = parsePolicyText(text, { source: gold.file });
  const s = emptyScores();
  const misses: string[] = [];

  // ---- tasks
  // A number may come back in a document (goals （一）… and tasks 1. … under a later section, a
  // second table starting again at 1): tasks of the same number are matched in their order.
  const goldByNumber = new Map<string, GoldTask[]>();
  for (const t of gold.tasks) goldByNumber.set(numberKey(t.number), [...(goldByNumber.get(numberKey(t.number)) ?? []), t]);
  const taken = new Map<string, number>();
  s.tasks.gold = gold.tasks.length;
  s.titles.gold = gold.tasks.length;
  s.leadUnits.gold = gold.tasks.reduce((n, t) => n + units(t.lead).length, 0);
  s.responsibleUnits.gold = gold.tasks.reduce((n, t) => n + units(t.responsible).length, 0);
  const seen = new Set<GoldTask>();
  for (const t of parsed.tasks) {
    s.tasks.pred++;
    s.titles.pred++;
    const lead = units(t.leadUnits);
    const resp = units(t.responsibleUnits);
    s.leadUnits.pred += lead.length;
    s.responsibleUnits.pred += resp.length;
    const key = numberKey(t.number);
    const g = goldByNumber.get(key)?.[taken.get(key) ?? 0];
    if (!g) {
      misses.push(`多出的任务 ${t.number}：${t.title.slice(0, 30)}`);
      continue;
    }
    taken.set(key, (taken.get(key) ?? 0) + 1);
    seen.add(g);
    s.tasks.tp++;
    if (normText(t.title) === normText(g.title)) s.titles.tp++;
    else misses.push(`任务 ${g.number} 标题：得到“${t.title.slice(0, 40)}”，应为“${g.title}”`);
    const gl = units(g.lead);
    const gr = units(g.responsible);
    const leadHit = lead.filter((u) => gl.includes(u)).length;
    const respHit = resp.filter((u) => gr.includes(u)).length;
    s.leadUnits.tp += leadHit;
    s.responsibleUnits.tp += respHit;
    if (leadHit !== gl.length || lead.length !== gl.length) misses.push(`任务 ${g.number} 牵头单位：得到 ${lead.join('、') || '（无）'}，应为 ${gl.join('、') || '（无）'}`);
    if (g.deadline !== undefined) {
      s.taskDeadlines.gold++;
      if (t.deadlineText) s.taskDeadlines.pred++;
      if (t.deadlineText && normText(t.deadlineText) === normText(g.deadline)) s.taskDeadlines.tp++;
      else misses.push(`任务 ${g.number} 完成期限：得到 ${t.deadlineText ?? '（无）'}，应为 ${g.deadline}`);
    }
    if (respHit !== gr.length || resp.length !== gr.length) misses.push(`任务 ${g.number} 责任单位：得到 ${resp.join('、') || '（无）'}，应为 ${gr.join('、') || '（无）'}`);
  }
  for (const g of gold.tasks) if (!seen.has(g)) misses.push(`漏掉的任务 ${g.number}：${g.title}`);

  // ---- targets (not the indicator-table rows, which are scored as indicators)
  const predTargets = parsed.targets.filter((t) => t.kind !== 'table');
  s.targets.pred = predTargets.length;
  s.targetNames.pred = predTargets.length;
  s.targets.gold = gold.targets.length;
  s.targetNames.gold = gold.targets.length;
  // One to one on value and unit; pairs whose names agree are made first.
  const used = new Set<number>();
  const pairOf = new Map<number, number>();
  for (const pass of [true, false])
    gold.targets.forEach((g, gi) => {
      if (pairOf.has(gi)) return;
      const i = predTargets.findIndex((p, k) => !used.has(k) && p.value === g.value && p.unit === g.unit && (!pass || namesAgree(p.name, g.name)));
      if (i < 0) return;
      used.add(i);
      pairOf.set(gi, i);
    });
  gold.targets.forEach((g, gi) => {
    const i = pairOf.get(gi);
    if (i === undefined) {
      misses.push(`漏掉的目标：${g.name} ${g.value}${g.unit}`);
      return;
    }
    const p = predTargets[i]!;
    s.targets.tp++;
    if (namesAgree(p.name, g.name)) s.targetNames.tp++;
    else misses.push(`目标 ${g.value}${g.unit} 名称：得到“${p.name}”，应为“${g.name}”`);
    s.targetScopes.gold++;
    s.targetScopes.pred++;
    if (p.scope === g.scope) s.targetScopes.tp++;
    else misses.push(`目标 ${g.name} 范围：得到 ${p.scope ?? '（无）'}，应为 ${g.scope}`);
    if (g.year !== null && g.year !== undefined) {
      s.targetYears.gold++;
      if (p.year !== undefined) s.targetYears.pred++;
      if (p.year === g.year) s.targetYears.tp++;
      else misses.push(`目标 ${g.name} 年份：得到 ${p.year ?? '（无）'}，应为 ${g.year}`);
    }
  });
  predTargets.forEach((p, i) => {
    if (!used.has(i)) misses.push(`多出的目标：${p.name} ${p.value}${p.unit}（${p.sourceText.slice(0, 30)}）`);
  });

  // ---- indicator rows
  s.indicators.pred = parsed.indicatorTable.length;
  s.indicators.gold = gold.indicators.length;
  const usedRows = new Set<number>();
  for (const g of gold.indicators) {
    const i = parsed.indicatorTable.findIndex((r, k) => !usedRows.has(k) && r.target === g.target && namesAgree(r.name, g.name) && (g.scope === undefined || r.scope === g.scope));
    if (i < 0) {
      misses.push(`漏掉的指标行：${g.name} ${g.target}`);
      continue;
    }
    usedRows.add(i);
    s.indicators.tp++;
    const r = parsed.indicatorTable[i]!;
    if (g.baseline !== null && g.baseline !== undefined) {
      s.indicatorBaselines.gold++;
      if (r.baseline !== undefined) s.indicatorBaselines.pred++;
      if (r.baseline === g.baseline) s.indicatorBaselines.tp++;
      else misses.push(`指标行 ${g.name} 基期值：得到 ${r.baseline ?? '（无）'}，应为 ${g.baseline}`);
    } else if (r.baseline !== undefined) {
      s.indicatorBaselines.pred++;
      misses.push(`指标行 ${g.name} 基期值：得到 ${r.baseline}，应无`);
    }
    // Optional fields: counted where the gold row has them.
    const optional: [Measure, string, unknown, unknown][] = [
      ['indicatorScopes', '范围', g.scope, r.scope],
      ['indicatorYears', '目标年份', g.year ?? undefined, r.targetYear],
      ['indicatorYears', '基期年份', g.baselineYear ?? undefined, r.baselineYear],
      ['indicatorAttributes', '≥/≤', g.bound, r.bound],
      ['indicatorAttributes', '属性', g.attribute, r.attribute],
    ];
    for (const [m, label, want, got] of optional) {
      if (want === undefined) continue;
      s[m].gold++;
      if (got !== undefined) s[m].pred++;
      if (got === want) s[m].tp++;
      else misses.push(`指标行 ${g.scope ?? ''}${g.name} ${label}：得到 ${String(got ?? '（无）')}，应为 ${String(want)}`);
    }
    s.indicatorUnits.gold++;
    s.indicatorUnits.pred++;
    if (normName(r.unit) === normName(g.unit)) s.indicatorUnits.tp++;
    else misses.push(`指标行 ${g.name} 单位：得到 ${r.unit || '（无）'}，应为 ${g.unit || '（无）'}`);
  }
  parsed.indicatorTable.forEach((r, k) => {
    if (!usedRows.has(k)) misses.push(`多出的指标行：${r.index} ${r.name} ${r.targetText}`);
  });

  const docNumberOk = (parsed.document.docNumber ?? null) === gold.docNumber;
  if (!docNumberOk) misses.push(`文号：得到 ${parsed.document.docNumber ?? '（无）'}，应为 ${gold.docNumber ?? '（无）'}`);
  const titleOk = normText(parsed.document.title) === normText(gold.title);
  if (!titleOk) misses.push(`文件标题：得到“${parsed.document.title}”，应为“${gold.title}”`);
  return { file: gold.file, scores: s, docNumberOk, titleOk, misses };
}

export const CORPUS_DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'policy', 'corpus');
export const GOLD_DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'policy', 'gold');

/** Score every document of the corpus. */
export function scoreCorpus(corpusDir = CORPUS_DIR, goldDir = GOLD_DIR): { docs: DocScore[]; total: Scores; docNumbers: number; titles: number } {
  const docs: DocScore[] = [];
  for (const f of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as Gold;
    docs.push(scoreDocument(readFileSync(join(corpusDir, gold.file), 'utf8'), gold));
  }
  const total = emptyScores();
  for (const d of docs) for (const m of MEASURES) for (const k of ['tp', 'pred', 'gold'] as const) total[m][k] += d.scores[m][k];
  return { docs, total, docNumbers: docs.filter((d) => d.docNumberOk).length, titles: docs.filter((d) => d.titleOk).length };
}

/** Precision and recall of a count; undefined where nothing was expected or predicted. */
export function precision(c: Count): number | undefined {
  return c.pred ? c.tp / c.pred : c.gold ? undefined : undefined;
}
export function recall(c: Count): number | undefined {
  return c.gold ? c.tp / c.gold : undefined;
}
