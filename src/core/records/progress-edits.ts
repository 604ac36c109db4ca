/**
 * Field-by-field edits of a progress entry // 逐项保存. A window records, for each field it
 * changed, the value it started from (`base`) and the value it typed (`mine`); a save writes
 * only those fields. When another window changed the same field in between, the field is a
 * conflict: shown to the officer with both texts, never overwritten and never dropped.
 *
 * Field paths: the plain fields, and `indicatorValues.<targetId>` for each 本期实际值, so
 * two windows filling different targets of one task never collide.
 */
import type { ProgressEntry } from '../model';

/** The plain fields an officer edits. */
export const EDITABLE_FIELDS = ['status', 'percent', 'progress', 'problems', 'nextSteps', 'filledBy'] as const;
const INDICATOR_PREFIX = 'indicatorValues.';

/** A field path: one of EDITABLE_FIELDS or `indicatorValues.<targetId>`. */
export type FieldPath = string;
/** Values by field path. */
export type FieldValues = Record<FieldPath, unknown>;

/** One field changed both here and elsewhere since this window loaded it. */
export interface FieldConflict {
  field: FieldPath;
  /** What this window started from. */
  base: unknown;
  /** What this window typed. */
  mine: unknown;
  /** What is stored now (written by another window). */
  theirs: unknown;
}

/** Whether a field path is one this program edits. */
export function isFieldPath(path: string): boolean {
  if ((EDITABLE_FIELDS as readonly string[]).includes(path)) return true;
  if (!path.startsWith(INDICATOR_PREFIX)) return false;
  const id = path.slice(INDICATOR_PREFIX.length);
  return id.length > 0 && id !== '__proto__' && id !== 'constructor' && id !== 'prototype';
}

/** The value of a field path in an entry. */
export function fieldValue(e: ProgressEntry, path: FieldPath): unknown {
  if (path.startsWith(INDICATOR_PREFIX)) {
    const id = path.slice(INDICATOR_PREFIX.length);
    return Object.hasOwn(e.indicatorValues ?? {}, id) ? e.indicatorValues[id] : undefined;
  }
  return (e as unknown as Record<string, unknown>)[path];
}

/** A copy of the entry with one field set (undefined removes an optional field or a target value). */
export function withField(e: ProgressEntry, path: FieldPath, value: unknown): ProgressEntry {
  if (!isFieldPath(path)) throw new RangeError(`unknown field ${path}`);
  if (path.startsWith(INDICATOR_PREFIX)) {
    const id = path.slice(INDICATOR_PREFIX.length);
    const iv = { ...(e.indicatorValues ?? {}) };
    if (value === undefined) delete iv[id];
    else iv[id] = value as number | null;
    return { ...e, indicatorValues: iv };
  }
  const out = { ...e } as Record<string, unknown>;
  if (value === undefined) delete out[path];
  else out[path] = value;
  return out as unknown as ProgressEntry;
}

/** The field paths on which two entries differ. */
export function changedFields(before: ProgressEntry, after: ProgressEntry): FieldPath[] {
  const ids = new Set([...Object.keys(before.indicatorValues ?? {}), ...Object.keys(after.indicatorValues ?? {})]);
  return [...EDITABLE_FIELDS, ...[...ids].map((id) => INDICATOR_PREFIX + id)].filter((f) => !sameValue(fieldValue(before, f), fieldValue(after, f)));
}

/** Equality of stored field values (null and undefined alike: both mean empty). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The outcome of merging this window's edits into what is stored now. */
export interface MergedEdits {
  /** The entry to store (current with the fields written). */
  merged: ProgressEntry;
  /** Fields taken from this window. */
  written: FieldPath[];
  conflicts: FieldConflict[];
}

/**
 * Merge this window's edits (`mine`, with the values it started from in `base`) into the
 * stored entry `current`: a field is written when the stored value is still the one this
 * window started from; it is a conflict when another window changed it to something else.
 * Fields this window did not touch keep the stored value.
 */
export function mergeEdits(current: ProgressEntry, base: FieldValues, mine: FieldValues): MergedEdits {
  let merged = current;
  const written: FieldPath[] = [];
  const conflicts: FieldConflict[] = [];
  for (const field of Object.keys(mine)) {
    if (!isFieldPath(field)) continue;
    const theirs = fieldValue(current, field);
    if (sameValue(theirs, mine[field])) continue;
    if (sameValue(theirs, base[field])) {
      merged = withField(merged, field, mine[field]);
      written.push(field);
    } else conflicts.push({ field, base: base[field], mine: mine[field], theirs });
  }
  return { merged, written, conflicts };
}
