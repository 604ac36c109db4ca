/**
 * 下发 as a plain flow (no React): pick the units' tasks, build one workbook per unit, record
 * the round. Loaded on demand (it pulls in exceljs).
 */
import type { ReportingPeriod, Target, Task } from '@core/model';
import { targetText } from '@core/indicators';
import { previousPeriod } from '@core/period';
import { cityRoundFileName, makeBinding, roundFileName, roundId, tasksByUnit, type Round } from '@core/rounds';
import { type LedgerDb, progressRepo, targetsRepo, listAssignments, saveRound } from '../../storage';
import { writeRoundWorkbook, zipFiles, type RoundSheetIndicator } from '../../spreadsheet/round-write';
import { ROUNDS_TEXT } from './texts';
import { writeCityTaskList } from '../../spreadsheet/round-city';

/** What the officer chose. */
export interface SendChoice {
  district: string;
  period: ReportingPeriod;
  dueDate: string;
  units: string[];
  prefill: boolean;
  /** The relevant tasks in ledger order (only these are sent). */
  tasks: Task[];
  /** The city's office sending the task list to the districts. */
  city?: boolean;
  now?: string;
}

/** A produced file. */
export interface RoundFile {
  unit: string;
  name: string;
  data: Uint8Array;
  /** Rows of its 指标填报 sheet (0: the file has none). */
  values: number;
}

/** Build the workbooks and record the round. */
export async function produceRound(db: LedgerDb, c: SendChoice): Promise<{ round: Round; files: RoundFile[] }> {
  const createdAt = c.now ?? new Date().toISOString();
  const assignments = await listAssignments(db, c.district, c.city ? 'city' : 'district');
  const byUnit = tasksByUnit(assignments, c.tasks.map((t) => t.key));
  const taskByKey = new Map(c.tasks.map((t) => [t.key, t]));
  const before = new Map((await progressRepo.byPeriod(db, c.district, previousPeriod(c.period).id)).map((p) => [p.taskKey, p]));
  const last = c.prefill ? before : new Map();
  // The tasks' quantitative targets, for the indicator sheet (the district's rounds; the city's list has none).
  const targetsOf = new Map<string, Target[]>();
  if (!c.city) for (const t of await targetsRepo.byTasks(db, c.tasks.map((x) => x.key))) targetsOf.set(t.taskKey!, [...(targetsOf.get(t.taskKey!) ?? []), t]);
  const indicatorsOf = (keys: readonly string[]): RoundSheetIndicator[] =>
    keys.flatMap((k) =>
      (targetsOf.get(k) ?? []).map((t) => {
        const previous = before.get(k)?.indicatorValues[t.id];
        return { taskKey: k, targetId: t.id, name: t.name, goal: goalText(t), ...(typeof previous === 'number' ? { previous } : {}) };
      }),
    );
  const round: Round = { id: roundId(c.period.id, createdAt), district: c.district, periodId: c.period.id, dueDate: c.dueDate, createdAt, prefilled: c.prefill, units: [], ...(c.city ? { level: 'city' as const } : {}) };
  const files: RoundFile[] = [];
  for (const unit of c.units) {
    const list = byUnit.get(unit) ?? [];
    if (list.length === 0) continue;
    const keys = list.map((x) => x.taskKey);
    const binding = makeBinding(round, unit, keys);
    const name = c.city ? cityRoundFileName(c.period.name, unit) : roundFileName(c.district, c.period.name, unit);
    const indicators = c.city ? [] : indicatorsOf(keys);
    const data = c.city
      ? await writeCityTaskList({ periodName: c.period.name, district: unit, dueDate: c.dueDate, binding, tasks: keys.map((k) => taskByKey.get(k)!) })
      : await writeRoundWorkbook({
      district: c.district,
      periodName: c.period.name,
      unit,
      dueDate: c.dueDate,
      binding,
      indicators,
      tasks: list.map(({ taskKey, role }) => {
        const t = taskByKey.get(taskKey)!;
        const p = last.get(taskKey);
        return {
          key: t.key,
          title: t.title,
          text: t.text,
          role,
          ...(p ? { prefill: { ...(p.status ? { status: p.status } : {}), ...(p.percent !== undefined ? { percent: p.percent } : {}), progress: p.progress, problems: p.problems, nextSteps: p.nextSteps } } : {}),
        };
      }),
    });
    round.units.push({ unit, taskKeys: keys, leadKeys: list.filter((x) => x.role === 'lead').map((x) => x.taskKey), fileName: name, checksum: binding.checksum });
    files.push({ unit, name, data, values: indicators.length });
  }
  await saveRound(db, round);
  return { round, files };
}

/** A target as the indicator sheet states it: whose target it is (全市目标, 各区目标 …) when stated, then the figure and year. */
function goalText(t: Target): string {
  return t.scope ? ROUNDS_TEXT.send.goal(t.scope, targetText(t)) : targetText(t);
}

export { zipFiles };
