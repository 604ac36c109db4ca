/**
 * Storage of collection rounds // 下发与回收: the district's unit list and the city → district
 * mapping (settings), assignments, rounds, and applied returns with what they replaced, so
 * that a whole drop can be undone.
 */
import { rowProblem } from '@core/records/schemas';
import type { ProgressEntry } from '@core/model';
import { SETTING_KEYS, progressId } from '@core/model';
import { isCityOffice } from '@core/districts';
import {
  STARTER_LEAD_MAPPING,
  STARTER_UNITS,
  assignmentAtLevel,
  assignmentId,
  changeAssignment,
  cleanUnitList,
  mergedFields,
  mergedIndicatorValues,
  paragraphSourcesOf,
  type AppliedReturn,
  type AssignChange,
  type Assignment,
  type FilePlan,
  type Round,
  type TaskMerge,
} from '@core/rounds';
import type { LedgerDb, RoundApply } from './ledger-db';
import { emptyProgress, getSetting, setSetting } from './repositories';
import { ROUND_APPLY_TEXT } from './texts';

/** Chinese messages of applying and undoing a return (storage/texts.ts). */
export { ROUND_APPLY_TEXT } from './texts';

/** Setting keys of rounds. Persisted: do not rename. */
export const ROUND_SETTING_KEYS = {
  /** `roundUnits|<district>` → string[] */
  units: (district: string) => `roundUnits|${district}`,
  leadMapping: 'roundLeadMapping',
  /** 'district' (default) or 'city': the office runs rounds with its departments, or with the 17 districts (市级汇总). */
  officeLevel: 'officeLevel',
} as const;

/** Whether the office is a district's (its departments are the units) or the city's (the districts are). */
export type OfficeLevel = 'district' | 'city';

/**
 * The office level: 市级 when the office is set up as the city's (武汉市), else the setting
 * (district unless an earlier version's city office set 市级 under a district's name).
 */
export async function loadOfficeLevel(db: LedgerDb): Promise<OfficeLevel> {
  if (isCityOffice(await getSetting<string | undefined>(db, SETTING_KEYS.district, undefined))) return 'city';
  return getSetting<OfficeLevel>(db, ROUND_SETTING_KEYS.officeLevel, 'district');
}

/** Set the office level. */
export function saveOfficeLevel(db: LedgerDb, level: OfficeLevel): Promise<void> {
  return setSetting(db, ROUND_SETTING_KEYS.officeLevel, level);
}

export type { RoundApply } from './ledger-db';

/** The district's units (the starter list until the office edits it). */
export async function loadUnits(db: LedgerDb, district: string): Promise<string[]> {
  return getSetting<string[]>(db, ROUND_SETTING_KEYS.units(district), [...STARTER_UNITS]);
}

/** Save the district's units (cleaned of blanks and repeats). */
export async function saveUnits(db: LedgerDb, district: string, units: readonly string[]): Promise<string[]> {
  const clean = cleanUnitList(units);
  await setSetting(db, ROUND_SETTING_KEYS.units(district), clean);
  return clean;
}

/** The city lead unit → district unit mapping. */
export function loadLeadMapping(db: LedgerDb): Promise<Record<string, string>> {
  return getSetting<Record<string, string>>(db, ROUND_SETTING_KEYS.leadMapping, { ...STARTER_LEAD_MAPPING });
}

/** Save the mapping (blank rows dropped). */
export async function saveLeadMapping(db: LedgerDb, mapping: Record<string, string>): Promise<void> {
  const clean = Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k.trim(), v.trim()] as const).filter(([k, v]) => k && v));
  await setSetting(db, ROUND_SETTING_KEYS.leadMapping, clean);
}

/**
 * The office's assignments; with `level`, as that level sees them (assignmentAtLevel: the city's
 * office the districts only, a district its departments only).
 */
export async function listAssignments(db: LedgerDb, district: string, level?: 'city' | 'district'): Promise<Assignment[]> {
  const all = await db.assignments.where('district').equals(district).toArray();
  if (!level) return all;
  return all.map((a) => assignmentAtLevel(a, level === 'city')).filter((a): a is Assignment => a !== undefined);
}

/** Apply one change to many tasks at once, in one transaction. */
export async function changeAssignments(db: LedgerDb, district: string, taskKeys: readonly string[], change: AssignChange, at = new Date().toISOString()): Promise<void> {
  await db.transaction('rw', db.assignments, async () => {
    const ids = taskKeys.map((k) => assignmentId(district, k));
    const current = await db.assignments.bulkGet(ids);
    const next = taskKeys.map((taskKey, i): Assignment => ({ id: ids[i]!, district, taskKey, ...changeAssignment(current[i] ?? { assist: [] }, change), updatedAt: at }));
    await db.assignments.bulkPut(next);
  });
}

/** Set the given lead and 协办 units on tasks (from suggestions), in one transaction. */
export async function setAssignments(db: LedgerDb, district: string, values: readonly { taskKey: string; lead?: string; assist: string[] }[], at = new Date().toISOString()): Promise<void> {
  await db.assignments.bulkPut(values.map((v) => ({ id: assignmentId(district, v.taskKey), district, taskKey: v.taskKey, ...(v.lead ? { lead: v.lead } : {}), assist: v.assist, updatedAt: at })));
}

/** Save a round (下发). */
export async function saveRound(db: LedgerDb, round: Round): Promise<void> {
  await db.rounds.put(round);
}

/** The district's rounds, newest first. */
export async function listRounds(db: LedgerDb, district: string): Promise<Round[]> {
  return (await db.rounds.where('district').equals(district).toArray()).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** The applied returns of a round (undone ones included), oldest first. */
export async function listRoundApplies(db: LedgerDb, roundId: string): Promise<RoundApply[]> {
  return (await db.roundApplies.where('roundId').equals(roundId).toArray()).sort((a, b) => (a.at < b.at ? -1 : 1));
}

/** The returns standing (not undone) of every round of a district and period. */
export async function standingReturns(db: LedgerDb, roundIds: readonly string[]): Promise<RoundApply[]> {
  return (await db.roundApplies.where('roundId').anyOf([...roundIds]).toArray()).filter((a) => !a.undoneAt);
}


export type RoundApplyResult = { ok: true; record: RoundApply } | { ok: false; message: string };

const reasonOf = (e: unknown) => String((e as Error)?.message ?? e);

/** An entry a return would write that the stored-row schema refuses (the transaction is rolled back). */
class BadEntry extends Error {
  constructor(
    readonly taskKey: string,
    readonly problem: string,
  ) {
    super(`bad progress entry ${taskKey}: ${problem}`);
  }
}

/** What each accepted file's unit wrote, for the record (a task whose only answer is a value in 指标填报 counts as returned). */
function returnsOf(files: readonly FilePlan[], at: string): AppliedReturn[] {
  return files
    .filter((f) => !f.refused && f.unit)
    .map((f) => {
      const rows = f.rows.filter((r) => !r.empty);
      const taskKeys = [...new Set([...rows.map((r) => r.taskKey), ...(f.indicators ?? []).map((v) => v.taskKey)])];
      const values = (f.indicators ?? []).map(({ taskKey, targetId, value }) => ({ taskKey, targetId, value }));
      return { unit: f.unit!, fileName: f.fileName, at, taskKeys, ...(values.length > 0 ? { values } : {}), texts: rows.map((r) => ({ taskKey: r.taskKey, progress: r.progress, problems: r.problems, nextSteps: r.nextSteps, ...(r.status ? { status: r.status } : {}), ...(r.percent !== undefined ? { percent: r.percent } : {}) })) };
    });
}

/**
 * Write the merges of a drop in ONE transaction (take a backup first: backupBeforeImport), and
 * record it so that it can be undone as a whole. On any failure nothing is written.
 */
export async function applyRoundReturn(db: LedgerDb, round: Round, files: readonly FilePlan[], merges: readonly TaskMerge[], filledBy: string, at = new Date().toISOString()): Promise<RoundApplyResult> {
  const accepted = files.filter((f) => !f.refused && f.unit);
  const changes = merges.map((m) => ({ m, fields: mergedFields(m), values: mergedIndicatorValues(m) })).filter((c) => Object.keys(c.fields).length > 0 || Object.keys(c.values).length > 0);
  if (accepted.length === 0) return { ok: false, message: ROUND_APPLY_TEXT.nothing };
  try {
    const record = await db.transaction('rw', [db.progress, db.roundApplies], async () => {
      const fresh = returnsOf(accepted, at);
      const returns = [...(await db.roundApplies.where('roundId').equals(round.id).toArray()).filter((a) => !a.undoneAt).flatMap((a) => a.returns), ...fresh];
      // At the city level each district's progress is written under that district.
      const districtOf = (m: TaskMerge) => m.district ?? round.district;
      const ids = changes.map((c) => progressId(districtOf(c.m), c.m.taskKey, round.periodId));
      const before = await db.progress.bulkGet(ids);
      const after = changes.map(({ m, fields, values }, i): ProgressEntry => {
        const cur = before[i] ?? emptyProgress(districtOf(m), m.taskKey, round.periodId);
        const next = { ...cur, ...fields, indicatorValues: { ...cur.indicatorValues, ...values } };
        // Every unit returns for its own district at the city level: only that district's returns name the paragraphs.
        const mine = m.district ? returns.filter((r) => r.unit === m.district) : returns;
        return { ...next, paragraphSources: paragraphSourcesOf(next, m.taskKey, mine), filledBy: cur.filledBy || filledBy, updatedAt: at };
      });
      // Every entry written is checked with the schemas every read uses (core/records/schemas): a row
      // that storage would hide afterwards is never written.
      for (const e of after) {
        const problem = rowProblem('progress', e);
        if (problem) throw new BadEntry(e.taskKey, problem);
      }
      await db.progress.bulkPut(after);
      const rec: RoundApply = {
        id: `apply-${round.id}-${at}`,
        roundId: round.id,
        at,
        files: accepted.map((f) => ({ fileName: f.fileName, hash: f.hash, unit: f.unit!, matchedBy: f.matchedBy })),
        returns: fresh,
        before: ids.map((id, i) => ({ id, entry: before[i] })),
        after,
      };
      await db.roundApplies.add(rec);
      return rec;
    });
    return { ok: true, record };
  } catch (e) {
    if (e instanceof BadEntry) return { ok: false, message: ROUND_APPLY_TEXT.badEntry(e.taskKey, e.problem) };
    return { ok: false, message: ROUND_APPLY_TEXT.failed(reasonOf(e)) };
  }
}

export type RoundUndoResult = { ok: true; restored: number } | { ok: false; message: string };

/** The fields a round writes into a progress entry: the only ones an undo compares and restores. */
const ROUND_WRITTEN = ['status', 'percent', 'progress', 'problems', 'nextSteps'] as const;
/** A written value as compared: empty text and no value are the same. */
const written = (v: unknown) => (v === undefined || v === null || v === '' ? '' : v);
/** `cur` with the round's fields as they are in `from` (a field `from` lacks is removed). */
function withWritten(cur: ProgressEntry, from: Partial<ProgressEntry>): ProgressEntry {
  const out: Record<string, unknown> = { ...cur };
  for (const f of ROUND_WRITTEN) {
    if (from[f] === undefined) delete out[f];
    else out[f] = from[f];
  }
  return out as unknown as ProgressEntry;
}

/** The targets whose value an apply wrote into an entry: different after it than before. */
function valuesWrittenBy(before: ProgressEntry | undefined, after: ProgressEntry): string[] {
  const held = before?.indicatorValues ?? {};
  return Object.keys(after.indicatorValues ?? {}).filter((t) => written(after.indicatorValues[t]) !== written(held[t]));
}

/** `cur` with the values of `targets` as they are in `from` (a value `from` lacks is removed). */
function withValues(cur: ProgressEntry, from: ProgressEntry | undefined, targets: readonly string[]): ProgressEntry {
  if (targets.length === 0) return cur;
  const values = { ...cur.indicatorValues };
  for (const t of targets) {
    const v = from?.indicatorValues?.[t];
    if (v === undefined) delete values[t];
    else values[t] = v;
  }
  return { ...cur, indicatorValues: values };
}

/**
 * Undo a whole applied drop: the fields it wrote go back to how they were. Refused when any of
 * them was edited since (naming the tasks); other fields typed since (indicator values) stay.
 */
export async function undoRoundReturn(db: LedgerDb, id: string, at = new Date().toISOString()): Promise<RoundUndoResult> {
  try {
    return await db.transaction('rw', [db.progress, db.roundApplies], async (): Promise<RoundUndoResult> => {
      const rec = await db.roundApplies.get(id);
      if (!rec) return { ok: false, message: ROUND_APPLY_TEXT.undoMissing };
      if (rec.undoneAt) return { ok: false, message: ROUND_APPLY_TEXT.undoDone };
      const later = (await db.roundApplies.where('roundId').equals(rec.roundId).toArray()).some((r) => r.at > rec.at && !r.undoneAt);
      if (later) return { ok: false, message: ROUND_APPLY_TEXT.undoNotLatest };
      const now = await db.progress.bulkGet(rec.after.map((e) => e.id));
      const beforeOf = new Map(rec.before.map((b) => [b.id, b.entry]));
      // The targets' values the round wrote into each entry (the indicator sheet).
      const valuesWritten = new Map(rec.after.map((e) => [e.id, valuesWrittenBy(beforeOf.get(e.id), e)]));
      // Edited since: a field or a value the round wrote was changed (a value typed later for another target is not).
      const edited = rec.after.filter(
        (e, i) => !now[i] || ROUND_WRITTEN.some((f) => written(now[i]![f]) !== written(e[f])) || valuesWritten.get(e.id)!.some((t) => written(now[i]!.indicatorValues?.[t]) !== written(e.indicatorValues[t])),
      );
      if (edited.length > 0) return { ok: false, message: ROUND_APPLY_TEXT.undoEdited(edited.map((e) => e.taskKey)) };
      const current = new Map(now.filter((e): e is ProgressEntry => !!e).map((e) => [e.id, e]));
      for (const { id: pid, entry } of rec.before) {
        const cur = current.get(pid);
        // Only what the round wrote goes back; what was typed since in other fields stays.
        // An entry the round created goes back to an empty one (texts '', no status), never to one without its text fields.
        const restored = cur ? withValues(withWritten(cur, entry ?? emptyProgress(cur.district, cur.taskKey, cur.periodId)), entry, valuesWritten.get(pid) ?? []) : undefined;
        if (entry) await db.progress.put(restored ? { ...restored, updatedAt: at } : entry);
        else if (restored && Object.keys(restored.indicatorValues ?? {}).length > 0) await db.progress.put({ ...restored, updatedAt: at });
        else await db.progress.delete(pid);
      }
      await db.roundApplies.update(id, { undoneAt: at });
      return { ok: true, restored: rec.before.length };
    });
  } catch (e) {
    return { ok: false, message: ROUND_APPLY_TEXT.undoFailed(reasonOf(e)) };
  }
}
