/**
 * 市级汇总: the city's office runs the round with the 17 districts and zones as its units,
 * and sums up what they report: per task × district the status, percent and text, counts by
 * status, lagging and missing districts, and each district's 报送情况.
 */
import type { Cluster, ProgressEntry, Task, TaskStatus } from '../model';
import { NOT_OWN_KINDS, taskRelevance } from '../policy/relevance';
import { STATUS_LABELS, TASK_STATUSES } from '../model';
import { DASHBOARD_STATUS_LABELS } from '../dashboard/build-dashboard';
import { isFilled } from '../progress';
import { DISTRICTS } from '../districts';
import { ALL_DISTRICTS_UNIT } from '../policy/units';
import type { Round } from './round';

/** The units at the city level: every district and zone, by official name. */
export const CITY_UNITS: readonly string[] = DISTRICTS.map((d) => d.name);

/**
 * Which districts a task falls on: those it concerns by the one relevance rule the districts
 * themselves use (taskRelevance: 各区人民政府, named among its units or in its text, a corridor,
 * one of the district's clusters). A district's ledger shows the task as its own exactly when the
 * city sends it there, so a district importing the city's list never archives a task the city
 * still tracks but did not send.
 */
export function suggestDistricts(task: Task, clusters: readonly Cluster[] = []): string[] {
  // 各区人民政府 of another city's document (外地文件) are that city's districts.
  if (!task.issuedElsewhere && [...task.leadUnits, ...task.responsibleUnits].includes(ALL_DISTRICTS_UNIT)) return [...CITY_UNITS];
  // A bare district department (区商旅局) says the task is some district's own, not which, and 有关区
  // names none: neither suggests a district; nor does a document issued elsewhere.
  // A district's own document (武汉经开区's 分工方案) falls on that district.
  const concerns = (d: string) =>
    d === task.issuedByDistrict || taskRelevance(task, d, clusters.filter((c) => c.district === d)).why.some((r) => r.kind !== 'own' && !NOT_OWN_KINDS.includes(r.kind));
  return DISTRICTS.filter((d) => concerns(d.name)).map((d) => d.name);
}

/** One district's cell of the summary. */
export interface CityCell {
  status?: TaskStatus;
  percent?: number;
  progress: string;
}

/**
 * What a district's return of a task counts as: one of the city's statuses, 未选状态 (reported
 * — text or a percent — but no status chosen; as the 工作台 counts it), 未填报 (the district sent
 * its return but wrote nothing for this task, the district report's own word), or 未报送 (the
 * district sent nothing at all).
 */
export type CityCount = TaskStatus | 'no_status' | 'unfilled' | 'none';

/** One task's line of the summary. */
export interface CityTaskRow {
  taskKey: string;
  title: string;
  /** Districts the task was sent to. */
  sentTo: string[];
  cells: Record<string, CityCell>;
  counts: Record<CityCount, number>;
  /** Districts reporting 滞后. */
  lagging: string[];
  /** Districts that were sent the task and have sent nothing of the round. */
  missing: string[];
  /** Districts that sent their return but wrote nothing for this task (未填报, not 未报送). */
  unfilled: string[];
}

/** One district's 报送情况. */
export interface DistrictReturn {
  district: string;
  sent: number;
  reported: number;
  /** It has sent its return (reported any task of the round): its blank tasks are 未填报, else 未报送. */
  returned: boolean;
  lagging: number;
  lastAt?: string;
}

/** Whether a district reported a task: the ledger's own 本期已填报 rule. */
const reported = isFilled;

/** The city summary of a round from the districts' progress entries of its period. */
export function buildCitySummary(round: Round, tasks: readonly Pick<Task, 'key' | 'title'>[], progress: readonly ProgressEntry[]): { rows: CityTaskRow[]; districts: DistrictReturn[]; totals: Record<CityCount, number> } {
  const byId = new Map(progress.filter((p) => p.periodId === round.periodId).map((p) => [`${p.district}|${p.taskKey}`, p]));
  const title = new Map(tasks.map((t) => [t.key, t.title]));
  const keys = [...new Set(round.units.flatMap((u) => u.taskKeys))];
  const zero = () => Object.fromEntries(COUNT_LABELS.map(([s]) => [s, 0])) as Record<CityCount, number>;
  const totals = zero();
  // A district that reported any task of the round has sent its return: its blank rows are 未填报.
  const returned = new Set(round.units.filter((u) => u.taskKeys.some((k) => reported(byId.get(`${u.unit}|${k}`)))).map((u) => u.unit));
  const rows = keys.map((taskKey): CityTaskRow => {
    const sentTo = round.units.filter((u) => u.taskKeys.includes(taskKey)).map((u) => u.unit);
    const cells: Record<string, CityCell> = {};
    const counts = zero();
    const lagging: string[] = [];
    const missing: string[] = [];
    const unfilled: string[] = [];
    for (const d of sentTo) {
      const p = byId.get(`${d}|${taskKey}`);
      if (!reported(p)) {
        if (returned.has(d)) {
          unfilled.push(d);
          counts.unfilled++;
        } else {
          missing.push(d);
          counts.none++;
        }
        continue;
      }
      cells[d] = { ...(p!.status ? { status: p!.status } : {}), ...(p!.percent !== undefined ? { percent: p!.percent } : {}), progress: p!.progress };
      counts[p!.status ?? 'no_status']++;
      if (p!.status === 'behind') lagging.push(d);
    }
    for (const k of Object.keys(counts) as CityCount[]) totals[k] += counts[k];
    return { taskKey, title: title.get(taskKey) ?? taskKey, sentTo, cells, counts, lagging, missing, unfilled };
  });
  const districts = round.units.map((u): DistrictReturn => {
    const entries = u.taskKeys.map((k) => byId.get(`${u.unit}|${k}`)).filter(reported) as ProgressEntry[];
    const last = entries.map((e) => e.updatedAt).sort().at(-1);
    return { district: u.unit, sent: u.taskKeys.length, reported: entries.length, returned: returned.has(u.unit), lagging: entries.filter((e) => e.status === 'behind').length, ...(last ? { lastAt: last } : {}) };
  });
  return { rows, districts, totals };
}

/** A district's tasks without a report, as its 报送情况 says them: 未填报 N once it has sent its return, 未报送 N while it has sent nothing. */
export function notReportedText(d: Pick<DistrictReturn, 'sent' | 'reported' | 'returned'>): string {
  const label = (k: CityCount) => COUNT_LABELS.find(([c]) => c === k)![1];
  return d.returned ? `${label('unfilled')} ${d.sent - d.reported}` : `${label('none')} ${d.sent}`;
}

/** Labels of the counts, in the city's order, then 未选状态 (the 工作台's word), 未填报, then 未报送. */
export const COUNT_LABELS: readonly [CityCount, string][] = [
  ...TASK_STATUSES.map((s) => [s, STATUS_LABELS[s]] as [TaskStatus, string]),
  ['no_status', DASHBOARD_STATUS_LABELS.no_status],
  ['unfilled', '未填报'],
  ['none', '未报送'],
];
