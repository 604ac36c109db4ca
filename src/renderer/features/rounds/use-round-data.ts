/** What the rounds page reads from the store: relevant tasks, assignments, units, mapping, rounds. */
import { useMemo } from 'react';
import type { Task } from '@core/model';
import { CITY_UNITS, type Assignment } from '@core/rounds';
import { getDb, useQuery, clustersRepo, documentsRepo, tasksRepo, listAssignments, listRounds, loadLeadMapping, loadOfficeLevel, loadUnits, allSections } from '../../storage';
import { buildTaskInfos } from '../common/task-rows';

/** The district's relevant tasks with their assignment. */
export interface AssignRow {
  task: Task;
  seq: number;
  assignment?: Assignment;
}

/** Everything the tabs need (data undefined while loading), and the queries it comes from (their loading and errors). */
export function useRoundData(district: string) {
  const baseQuery = useQuery(async () => {
    const db = getDb();
    const [tasks, documents, sections, clusters] = await Promise.all([tasksRepo.active(db), documentsRepo.all(db), allSections(db), clustersRepo.byDistrict(db, district)]);
    return { tasks, documents, sections, clusters };
  }, [district]);
  const base = baseQuery.data;
  const levelQuery = useQuery(() => loadOfficeLevel(getDb()), []);
  const level = levelQuery.data;
  // As the office's level sees them: the city's office never sees a district's departments (walk9 Z1).
  const assignmentsQuery = useQuery(() => (level ? listAssignments(getDb(), district, level) : Promise.resolve(undefined)), [district, level]);
  const assignments = assignmentsQuery.data;
  const unitsQuery = useQuery(() => loadUnits(getDb(), district), [district]);
  const units = unitsQuery.data;
  const mappingQuery = useQuery(() => loadLeadMapping(getDb()), []);
  const mapping = mappingQuery.data;
  const allRoundsQuery = useQuery(() => listRounds(getDb(), district), [district]);
  const allRounds = allRoundsQuery.data;
  // The city office's rounds go to the districts; a district's go to its departments.
  const rounds = useMemo(() => allRounds?.filter((r) => (r.level === 'city') === (level === 'city')), [allRounds, level]);
  // At the city level every active task can be sent; a district sends the tasks that concern it. A task
  // closed (办结销号) is finished: it is sent to nobody.
  const relevant = useMemo(() => (base && level ? buildTaskInfos({ ...base, district }).filter((i) => !i.task.closedAt && (level === 'city' || i.relevant)) : undefined), [base, district, level]);
  const rows = useMemo((): AssignRow[] | undefined => {
    if (!relevant || !assignments) return undefined;
    const byKey = new Map(assignments.map((a) => [a.taskKey, a]));
    return relevant.map((i, n) => ({ task: i.task, seq: n + 1, ...(byKey.has(i.task.key) ? { assignment: byKey.get(i.task.key)! } : {}) }));
  }, [relevant, assignments]);
  const queries = [baseQuery, assignmentsQuery, unitsQuery, mappingQuery, levelQuery, allRoundsQuery];
  if (!rows || !units || !mapping || !rounds || !level) return { data: undefined, queries };
  return { data: { rows, units: level === 'city' ? [...CITY_UNITS] : units, mapping, rounds, city: level === 'city' }, queries };
}
