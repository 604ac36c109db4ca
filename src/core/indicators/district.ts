/**
 * The district's indicators // 本区指标: one row per indicator however many documents state
 * it, with its sources, its scope and the target the district's value is judged against.
 *
 * Municipal documents state 全市 targets: they are shown for reference. The district's own
 * target // 区级分解目标 is entered by the officer (or taken from the city's 分解表) and is what
 * the district's value is judged against; without one, a 全市 target is not judged (a
 * district's 1,234 在孵企业 against the city's 15,000 says nothing). A target whose sentence
 * names the district, or of a document the district issued, is the district's own. Only indicators of tasks that concern the district
 * are listed, and a document goal (no task) once the district has a target or a value for it.
 */
import type { Cluster, Comparator, PolicyDocument, ReportingPeriod, Target, Task } from '../model';
import { districtMentions } from '../policy/clusters';
import { isCityOffice } from '../districts';
import { taskRelevance } from '../policy/relevance';
import { cleanIndicatorName, indicatorKey } from './names';
import { judgePace, type PaceInput, type PaceResult } from './pace';
import { isCountUnit } from '../numbers';

/** Setting key of the district targets: `{ [district]: { [indicatorKey]: DistrictTarget } }`. Persisted: do not rename. */
export const DISTRICT_TARGETS_KEY = 'districtTargets';

/** A district's own target for an indicator // 区级分解目标. Persisted in settings: do not rename fields. */
export interface DistrictTarget {
  value: number;
  /** 目标年份; the city target's year when absent. */
  year?: number;
  comparator?: Comparator;
  baseline?: number;
  baselineYear?: number;
  /** Where it came from: typed by the officer or imported from the city's 分解表. */
  origin?: 'officer' | 'import';
}

/** The district targets of one district, by indicator key. */
export type DistrictTargets = Readonly<Record<string, DistrictTarget>>;

/** Whose target an indicator's row shows: the district's own, or the city's for reference. */
export type IndicatorScope = 'district' | 'city';

/** Chinese labels of the scopes. */
export const SCOPE_LABELS: Readonly<Record<IndicatorScope, string>> = { district: '本区目标', city: '全市目标' };

/** One indicator of the district. */
export interface DistrictIndicator {
  /** indicatorKey(name, unit): the key of district targets. */
  key: string;
  /** The clean name: the measured thing. */
  name: string;
  unit: string;
  /** Every statement of it, the current one first. */
  targets: Target[];
  /** The statement whose entry holds the district's values (a task's, where there is one). */
  primary: Target;
  /** The statement shown as the city's target: the one of the nearest target year still to come, else the latest. */
  cityTarget: Target;
  /**
   * Whether the city states it (cityTarget is a city document's statement): false when only the
   * district's own documents, or other districts', do — the 全市目标 column is then left blank.
   */
  cityStated: boolean;
  /** Short titles of the documents that state it, in order. */
  sources: string[];
  /** Tasks whose sentence states it. */
  taskKeys: string[];
  scope: IndicatorScope;
  districtTarget?: DistrictTarget;
  /** What the district's value is judged against; undefined when only a 全市 target is known. */
  judged?: PaceInput['target'];
}

/** What the district view is built from. */
export interface DistrictIndicatorInput {
  district: string;
  period: Pick<ReportingPeriod, 'year'>;
  targets: readonly Target[];
  tasks: readonly Task[];
  documents: readonly PolicyDocument[];
  clusters: readonly Cluster[];
  districtTargets?: DistrictTargets;
  /** Target ids with a value reported by the district (its indicator is listed once it has one). */
  reported?: ReadonlySet<string>;
  /** List every indicator, also those of tasks that do not concern the district. */
  all?: boolean;
}

/** The statement to show as the current target for `year`: nearest target year from `year` on, else the latest. */
function currentStatement(ts: readonly Target[], year: number): Target {
  const withYear = ts.filter((t) => t.year !== undefined);
  const coming = withYear.filter((t) => t.year! >= year).sort((a, b) => a.year! - b.year!);
  if (coming[0]) return coming[0];
  const past = withYear.sort((a, b) => b.year! - a.year!);
  return past[0] ?? ts[0]!;
}

/** A baseline stated without its year is taken as the year before the document's plan starts. */
function withPlanBaselineYear(t: Target, doc: PolicyDocument | undefined): Partial<Target> {
  if (t.baselineYear !== undefined || t.baseline === undefined || doc?.planStartYear === undefined) return {};
  return { baselineYear: doc.planStartYear - 1 };
}

/** Build the district's indicators, in document order of their first statement. */
export function buildDistrictIndicators(input: DistrictIndicatorInput): DistrictIndicator[] {
  const { district, period, districtTargets = {}, reported = new Set<string>() } = input;
  const tasks = new Map(input.tasks.map((t) => [t.key, t]));
  const docs = new Map(input.documents.map((d) => [d.id, d]));
  // The city's office judges every indicator against the 全市 target: that target is its own.
  const city = isCityOffice(district);
  const mentions = city ? [] : districtMentions(district);
  const relevant = new Map<string, boolean>();
  const concerns = (key: string): boolean => {
    let r = relevant.get(key);
    if (r === undefined) {
      const t = tasks.get(key);
      r = t !== undefined && !t.archived && taskRelevance(t, district, input.clusters).relevant;
      relevant.set(key, r);
    }
    return r;
  };
  const groups = new Map<string, { name: string; targets: Target[] }>();
  for (const t of input.targets) {
    // Another city's targets (外地文件: 咸宁市's 高新技术企业900家) are no Wuhan office's, nor part of its
    // indicators' statements; unless a value was reported against one (what was typed is reported).
    if (docs.get(t.documentId)?.issuedElsewhere && !reported.has(t.id)) continue;
    const name = cleanIndicatorName(t, t.taskKey ? tasks.get(t.taskKey)?.title : undefined);
    const key = indicatorKey(name, t.unit);
    const g = groups.get(key) ?? { name, targets: [] };
    g.targets.push(t);
    groups.set(key, g);
  }
  const out: DistrictIndicator[] = [];
  // A statement of the district's own: its sentence names the district, or the district issued
  // its document (岸政办〔2025〕13号's 全区 goals in 江岸区's ledger).
  const districtsOwn = (t: Target) => !city && (docs.get(t.documentId)?.issuedByDistrict === district || mentions.some((m) => t.sourceText.includes(m)));
  for (const [key, g] of groups) {
    const own = districtTargets[key];
    const ownStatements = g.targets.filter(districtsOwn);
    const named = ownStatements.length > 0;
    const ofTask = g.targets.filter((t) => t.taskKey !== undefined && concerns(t.taskKey));
    // A value the district reported lists the indicator, whoever the task concerns: what was typed is reported.
    const listed = input.all || city || ofTask.length > 0 || own !== undefined || named || g.targets.some((t) => reported.has(t.id));
    if (!listed) continue;
    // The 全市 reference is the city's statement where there is one: neither the district's own nor
    // of a document a district issued (江岸区's 220亿元 is no 全市 target, for 江岸区 or for 汉阳区).
    const cityStatements = g.targets.filter((t) => !ownStatements.includes(t) && !docs.get(t.documentId)?.issuedByDistrict);
    const cityTarget = currentStatement(cityStatements.length > 0 ? cityStatements : g.targets, period.year);
    const primary = ofTask[0] ?? g.targets.find((t) => t.taskKey === undefined) ?? g.targets[0]!;
    // 家 and 个 (名 and 人) count the same indicator: the row speaks in the unit of the statement it
    // shows (10个以上 under 个, not under the 家 of another document's 15家).
    const unit = cityTarget.unit;
    const sources = [...new Set(g.targets.map((t) => docs.get(t.documentId)?.shortTitle || docs.get(t.documentId)?.title || t.documentId))];
    const scope: IndicatorScope = own || named ? 'district' : 'city';
    const statement = named ? currentStatement(ownStatements, period.year) : cityTarget;
    const judged: PaceInput['target'] | undefined = own
      ? {
          name: g.name,
          unit,
          comparator: own.comparator ?? cityTarget.comparator,
          value: own.value,
          year: own.year ?? cityTarget.year,
          ...(own.baseline !== undefined ? { baseline: own.baseline } : {}),
          ...(own.baselineYear !== undefined
            ? { baselineYear: own.baselineYear }
            : withPlanBaselineYear({ ...cityTarget, baseline: own.baseline, baselineYear: undefined }, docs.get(cityTarget.documentId))),
        }
      : named || city
        ? statement.yearly
          ? // 每年500名: this year's count against this year's figure, from nothing at the end of last year.
            { ...statement, name: g.name, year: period.year, baseline: 0, baselineYear: period.year - 1 }
          : { ...statement, name: g.name, ...withPlanBaselineYear(statement, docs.get(statement.documentId)) }
        : undefined;
    out.push({
      key,
      name: g.name,
      unit,
      targets: [cityTarget, ...g.targets.filter((t) => t !== cityTarget)],
      primary,
      cityTarget,
      cityStated: cityStatements.length > 0,
      sources,
      taskKeys: [...new Set(g.targets.map((t) => t.taskKey).filter((k): k is string => k !== undefined))],
      scope,
      ...(own ? { districtTarget: own } : {}),
      ...(judged ? { judged } : {}),
    });
  }
  return out;
}

/**
 * Whether every target of an indicator is of a year before `year` (到2023年 asked in a 2026
 * report), the district's own target too: an indicator whose time is over. undefined years
 * (a target without one) never are.
 */
export function indicatorIsPast(ind: Pick<DistrictIndicator, 'targets' | 'districtTarget'>, year: number): boolean {
  const before = (y: number | undefined) => y !== undefined && y < year;
  return ind.targets.every((t) => before(t.year)) && (ind.districtTarget === undefined || before(ind.districtTarget.year ?? Math.max(...ind.targets.map((t) => t.year!))));
}

/**
 * Whether an indicator is still asked for in `year`: its time is not over (indicatorIsPast), or the
 * district has a value for it (what was typed is shown and reported). The 指标完成情况表 (a value
 * this period), the 工作台 and 指标跟踪 (a value up to this period) all decide by it.
 */
export function indicatorStillAsked(ind: Pick<DistrictIndicator, 'targets' | 'districtTarget'>, year: number, hasValue: boolean): boolean {
  return hasValue || !indicatorIsPast(ind, year);
}

/** The district's value of an indicator from a lookup by target id: the primary statement's first, then any other's. */
export function indicatorValue(ind: DistrictIndicator, valueOf: (targetId: string) => number | null | undefined): number | undefined {
  for (const t of [ind.primary, ...ind.targets]) {
    const v = valueOf(t.id);
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

/** Scopes that are a whole the district is part of (a city's, province's or country's total). */
const WHOLE_SCOPES: ReadonlySet<string> = new Set(['全市', '全省', '全州', '全国']);
/** Comparators of a total to reach (达到, 突破, 以上 …), not of a rate or a ceiling. */
const TOTAL_COMPARATORS: ReadonlySet<Comparator> = new Set<Comparator>(['达到', '突破', '超过', '不少于', '不低于', '以上', '力争', '新增', '累计']);
/** Units of an amount of money (亿元, 万元, 亿美元): like counts, a part is not above the whole. */
const MONEY_UNIT = /^(?:亿|万|千万)?(?:美)?元$/u;

/**
 * A value the office typed that is above the whole city's target for the same indicator (150 家
 * 高价值专利培育中心 against 全市 达到45家): a district's count or amount is a part of the city's,
 * so it is most likely a slip (an extra digit, another indicator). A question, not a refusal: the
 * value is kept and the form, the 指标跟踪 page, the pre-export check and 回收's preview (a value a
 * unit sent back) say so in Chinese.
 * Undefined when nothing is doubtful: a rate or share (a district's 研发投入强度 may be above the
 * city's), a ceiling (控制在), a target of the district itself or of 各区 (each district's), or the
 * city's office judging the city's own total (only a province's or the country's is a whole above it).
 */
export function valueAboveWhole(
  target: Pick<Target, 'name' | 'unit' | 'comparator' | 'value' | 'scope' | 'year' | 'yearly' | 'approx'>,
  value: number | null | undefined,
  office: string,
  /** 'returned': a value a unit sent back, not written yet (回收's preview). */
  from: 'typed' | 'returned' = 'typed',
): string | undefined {
  if (value === null || value === undefined || !Number.isFinite(value) || !(target.value > 0)) return undefined;
  const scope = target.scope ?? '';
  if (!WHOLE_SCOPES.has(scope) || (isCityOffice(office) && scope === '全市')) return undefined;
  if (!TOTAL_COMPARATORS.has(target.comparator) || !(isCountUnit(target.unit) || MONEY_UNIT.test(target.unit.trim()))) return undefined;
  if (value <= target.value) return undefined;
  return `${target.name}填了${value}${target.unit}，而${scope}的目标是${targetText(target)}。${isCityOffice(office) ? '一个市' : '一个区'}的数值一般不会超过${scope}的总数，请核对是否多输了位数或填成了别的指标；${from === 'typed' ? '数值已保存，确认无误可不改。' : '如有误，可选“保留现有”，或写入后在任务的“本期实际值”中改正。'}`;
}

/** valueAboveWhole for one of the district's indicators: against the city's statement of it, when the city states it. */
export function indicatorAboveWhole(ind: Pick<DistrictIndicator, 'name' | 'cityTarget' | 'cityStated'>, value: number | null | undefined, office: string): string | undefined {
  return ind.cityStated ? valueAboveWhole({ ...ind.cityTarget, name: ind.name }, value, office) : undefined;
}

/** The city target as written, e.g. `突破5000人（2027年）`. */
export function targetText(t: Pick<Target, 'comparator' | 'value' | 'unit' | 'year' | 'yearly' | 'approx'>): string {
  // 每年500名以上（至2027年）: a yearly figure is never printed as a total to reach by its year.
  if (t.yearly) return `每年${t.comparator === '达到' && !t.approx ? `${t.value}${t.unit}` : comparedValue(t)}${t.year ? `（至${t.year}年）` : ''}`;
  return `${comparedValue(t)}${t.year ? `（${t.year}年）` : ''}`;
}

/** A target's comparator and value as written: 达到500名, 突破1500家, but 500名以上, 4.5%以内 (以上, 以内, 以下 follow their figure). */
export function comparedValue(t: Pick<Target, 'comparator' | 'value' | 'unit' | 'approx'>): string {
  // 8000名左右, 增长6%左右: an approximate figure keeps its 左右 (达到 is then not said).
  if (t.approx) return `${t.comparator === '达到' ? '' : t.comparator}${t.value}${t.unit}左右`;
  return FOLLOWS_FIGURE.has(t.comparator) ? `${t.value}${t.unit}${t.comparator}` : `${t.comparator}${t.value}${t.unit}`;
}
const FOLLOWS_FIGURE: ReadonlySet<Comparator> = new Set<Comparator>(['以上', '以内', '以下']);

/**
 * Judge the district's value of an indicator for a period: against the district's own target
 * (judgePace, the one rule), or not at all when only a 全市 target is known.
 */
export function judgeIndicator(ind: DistrictIndicator, period: Pick<ReportingPeriod, 'year' | 'end'>, actual: number | null | undefined): PaceResult {
  if (!ind.judged)
    return {
      verdict: 'unknown',
      completion: undefined,
      expectedShare: undefined,
      expected: undefined,
      reason: `${ind.name}只有全市目标（${targetText(ind.cityTarget)}），仅供参考；请在“指标跟踪”中填写本区的区级分解目标后再判断完成情况。`,
    };
  return judgePace({ target: ind.judged, year: period.year, period, actual });
}

/**
 * The target a task's own statement of an indicator is judged against for the district (its
 * 区级分解目标, or the statement itself when it names the district); undefined for a 全市 target.
 * The ledger's status suggestion uses it, so it agrees with 指标跟踪, 工作台 and the export.
 */
export function districtJudgedTarget(
  target: Target,
  ctx: { district: string; year: number; task?: Task; documents?: readonly PolicyDocument[]; districtTargets?: DistrictTargets },
): PaceInput['target'] | undefined {
  const [ind] = buildDistrictIndicators({
    district: ctx.district,
    period: { year: ctx.year },
    targets: [target],
    tasks: ctx.task ? [ctx.task] : [],
    documents: ctx.documents ?? [],
    clusters: [],
    all: true,
    ...(ctx.districtTargets ? { districtTargets: ctx.districtTargets } : {}),
  });
  return ind?.judged;
}
