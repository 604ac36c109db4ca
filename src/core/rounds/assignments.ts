/**
 * Assignments // 承办分工: per task of a district, one lead 承办单位 and any 协办 units.
 */
import { DISTRICTS } from '../districts';

/** Who carries out one task in a district. Persisted (table `assignments`): do not rename fields. */
export interface Assignment {
  /** `${district}|${taskKey}`: see assignmentId(). */
  id: string;
  district: string;
  taskKey: string;
  /** 牵头承办单位 */
  lead?: string;
  /** 协办单位 */
  assist: string[];
  updatedAt: string;
}

/** The id of an assignment (core/ids.ts). */
export { assignmentId } from '../ids';

const DISTRICT_NAMES: ReadonlySet<string> = new Set(DISTRICTS.map((d) => d.name));

/**
 * An assignment as one level of office sees it: the city's office sends to the 17 districts and
 * zones only, a district to its own departments only. An office that changed its level keeps what
 * it assigned before (nothing is deleted), but the other level's units are never offered, sent,
 * counted or printed (walk9 Z1: 区科技局 sent the city's task list). undefined when nothing is left.
 */
export function assignmentAtLevel<A extends Pick<Assignment, 'lead' | 'assist'>>(a: A, city: boolean): A | undefined {
  const keep = (unit: string) => DISTRICT_NAMES.has(unit) === city;
  const { lead, ...rest } = a;
  const assist = a.assist.filter(keep);
  const kept = lead !== undefined && keep(lead) ? lead : undefined;
  if (kept === undefined && assist.length === 0) return undefined;
  return { ...rest, ...(kept !== undefined ? { lead: kept } : {}), assist } as A;
}

/** One bulk change, applied to every selected task. */
export type AssignChange =
  | { kind: 'setLead'; unit: string }
  | { kind: 'clearLead' }
  | { kind: 'addAssist'; unit: string }
  | { kind: 'removeAssist'; unit: string }
  | { kind: 'clear' };

/** The assignment of a task after a change (a lead is never also 协办). */
export function changeAssignment(a: Pick<Assignment, 'lead' | 'assist'>, change: AssignChange): { lead?: string; assist: string[] } {
  switch (change.kind) {
    case 'setLead':
      return { lead: change.unit, assist: a.assist.filter((u) => u !== change.unit) };
    case 'clearLead':
      return { assist: [...a.assist] };
    case 'addAssist':
      if (a.lead === change.unit || a.assist.includes(change.unit)) return { ...(a.lead ? { lead: a.lead } : {}), assist: [...a.assist] };
      return { ...(a.lead ? { lead: a.lead } : {}), assist: [...a.assist, change.unit] };
    case 'removeAssist':
      return { ...(a.lead ? { lead: a.lead } : {}), assist: a.assist.filter((u) => u !== change.unit) };
    case 'clear':
      return { assist: [] };
  }
}

/** The tasks each unit takes (as lead or 协办), in the order of `taskKeys`. */
export function tasksByUnit(assignments: readonly Pick<Assignment, 'taskKey' | 'lead' | 'assist'>[], taskKeys?: readonly string[]): Map<string, { taskKey: string; role: 'lead' | 'assist' }[]> {
  const order = new Map((taskKeys ?? assignments.map((a) => a.taskKey)).map((k, i) => [k, i]));
  const out = new Map<string, { taskKey: string; role: 'lead' | 'assist' }[]>();
  const push = (unit: string, taskKey: string, role: 'lead' | 'assist') => {
    if (!out.has(unit)) out.set(unit, []);
    out.get(unit)!.push({ taskKey, role });
  };
  for (const a of assignments) {
    if (!order.has(a.taskKey)) continue;
    if (a.lead) push(a.lead, a.taskKey, 'lead');
    for (const u of a.assist) push(u, a.taskKey, 'assist');
  }
  for (const list of out.values()) list.sort((x, y) => order.get(x.taskKey)! - order.get(y.taskKey)!);
  return out;
}

/** Whether a task has a unit at all. */
export function isAssigned(a: Pick<Assignment, 'lead' | 'assist'> | undefined): boolean {
  return !!a && (!!a.lead || a.assist.length > 0);
}
