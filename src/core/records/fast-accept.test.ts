/**
 * The quick acceptor made from each row schema: it takes every real stored row, and it never takes
 * a value that zod refuses (checked on real rows broken in every field, and on random values
 * against schemas of every kind it compiles).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRawLedgerDb, type LedgerDb } from '../../renderer/storage/db';
import { ensureSeeded } from '../../renderer/storage/seed';
import { seedStore } from '../../../test/builders/seeded-store';
import { acceptorOf } from './fast-accept';
import { FORBIDDEN_KEYS, ROW_SCHEMAS, rowProblem } from './schemas';

/** Every row of every table with a schema, from the default data and the storage tests' store. */
const rows = new Map<string, unknown[]>();
const dbs: LedgerDb[] = [];
beforeAll(async () => {
  const seeded = createRawLedgerDb(`fast-accept-seed-${Date.now()}`);
  const store = createRawLedgerDb(`fast-accept-store-${Date.now()}`);
  dbs.push(seeded, store);
  await ensureSeeded(seeded);
  await seedStore(store);
  for (const db of dbs)
    for (const table of Object.keys(ROW_SCHEMAS)) rows.set(table, [...(rows.get(table) ?? []), ...(await db.table(table).toArray())]);
});
afterAll(async () => {
  for (const db of dbs) await db.delete();
});

/** Odd values put in place of a field, an array element or a record value. */
const ODD: unknown[] = [undefined, null, 0, -1, 1.5, NaN, Infinity, -Infinity, '', 'x', 'on_track', true, false, [], [1], ['x'], [null], {}, { a: 1 }, { a: null }, { a: 'x' }, new Uint8Array(2), new Date(0), Object.create(null) as object];

/** The row with one field (or one element or entry inside it) replaced or removed, every way. */
function* broken(row: Record<string, unknown>): Generator<unknown> {
  for (const key of Object.keys(row)) {
    const { [key]: _gone, ...without } = row;
    yield without;
    for (const v of ODD) yield { ...row, [key]: v };
    const value = row[key];
    if (Array.isArray(value) && value.length) for (const v of ODD) yield { ...row, [key]: [v, ...value.slice(1)] };
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
      for (const v of ODD) yield { ...row, [key]: { ...value, k: v } };
      for (const k of FORBIDDEN_KEYS) yield { ...row, [key]: JSON.parse(`{"${k}": 1}`) as unknown };
      yield { ...row, [key]: { ...value, [Symbol('s')]: 1 } };
    }
  }
  yield [row];
  yield JSON.stringify(row);
}

describe('the acceptor made from each row schema', () => {
  it('exists for every table but settings (its value is checked by key, in a superRefine)', () => {
    const without = Object.entries(ROW_SCHEMAS)
      .filter(([, s]) => !acceptorOf(s))
      .map(([t]) => t);
    expect(without).toEqual(['settings']);
  });

  it('takes every stored row of the default data and of a store in use (zod never asked)', () => {
    const tables = [...rows].filter(([, r]) => r.length > 0).map(([t]) => t);
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const [table, list] of rows) {
      const accept = acceptorOf(ROW_SCHEMAS[table]!);
      for (const row of list) {
        expect(ROW_SCHEMAS[table]!.safeParse(row).success, `${table} ${JSON.stringify(row).slice(0, 80)}`).toBe(true);
        if (accept) expect(accept(row), `${table} ${JSON.stringify(row).slice(0, 80)}`).toBe(true);
      }
    }
  });

  it('takes no broken row that zod refuses, in any field of any table', () => {
    let refusedByZod = 0;
    let checked = 0;
    for (const [table, list] of rows) {
      const accept = acceptorOf(ROW_SCHEMAS[table]!);
      if (!accept) continue;
      for (const row of list.slice(0, 6))
        for (const bad of broken(row as Record<string, unknown>)) {
          checked++;
          const zodSays = ROW_SCHEMAS[table]!.safeParse(bad).success;
          if (!zodSays) refusedByZod++;
          if (accept(bad)) expect(zodSays, `${table}: ${String(JSON.stringify(bad)).slice(0, 120)}`).toBe(true);
        }
    }
    expect(checked).toBeGreaterThan(5_000);
    expect(refusedByZod).toBeGreaterThan(checked / 3);
  });

  it('still lets rowProblem say what is wrong', () => {
    const task = rows.get('tasks')![0] as Record<string, unknown>;
    expect(rowProblem('tasks', task)).toBeUndefined();
    expect(rowProblem('tasks', { ...task, leadUnits: [1] })).toBe('字段“leadUnits.0”缺失或类型不对');
    expect(rowProblem('tasks', { ...task, order: Infinity })).toMatch(/order/);
  });
});

describe('what the acceptor does not judge', () => {
  const notJudged: [string, z.ZodType][] = [
    ['a string format', z.looseObject({ a: z.email() })],
    ['an integer format', z.looseObject({ a: z.int() })],
    ['a length check', z.looseObject({ a: z.string().min(1) })],
    ['a number check', z.looseObject({ a: z.number().int() })],
    ['a transform', z.looseObject({ a: z.string().transform((s) => s.length) })],
    ['a coercion', z.looseObject({ a: z.coerce.number() })],
    ['a default', z.looseObject({ a: z.string().default('x') })],
    ['a superRefine', z.looseObject({ a: z.string() }).superRefine(() => undefined)],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['an object that strips other keys', z.object({ a: z.string() })],
    ['a union', z.looseObject({ a: z.union([z.string(), z.number()]) })],
    ['a refinement of an optional field', z.looseObject({ a: z.string().optional().refine(() => true) })],
    ['a record keyed by an enum', z.record(z.enum(['a', 'b']), z.string())],
    ['an exact optional (a present undefined refused)', z.looseObject({ a: z.exactOptional(z.string()) })],
    ['a codec', z.looseObject({ a: z.codec(z.string(), z.number(), { decode: Number, encode: String }) })],
  ];
  it.each(notJudged)('%s: no acceptor, zod judges every row', (_what, schema) => {
    expect(acceptorOf(schema)).toBeUndefined();
  });

  it('a record that zod does not take as a plain object (its own constructor a function) is left to zod', () => {
    const schema = z.record(z.string(), z.unknown());
    const odd = { a: 1, constructor: function Odd() {} };
    expect(schema.safeParse(odd).success).toBe(false);
    expect(acceptorOf(schema)!(odd)).toBe(false);
    expect(acceptorOf(schema)!({ a: 1 })).toBe(true);
    expect(acceptorOf(schema)!(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(true);
  });
});

describe('random changes to valid values, against schemas of every kind it compiles', () => {
  const cases: [z.ZodType, Record<string, unknown>][] = [
    [z.looseObject({ s: z.string(), n: z.number(), b: z.boolean().optional(), e: z.enum(['a', 'b']).optional(), l: z.literal('x').optional() }), { s: 's', n: 1, b: true, e: 'a', l: 'x' }],
    [z.looseObject({ xs: z.array(z.string()), ns: z.array(z.number().nullable()), u: z.unknown(), o: z.looseObject({ k: z.string().optional(), m: z.number() }).optional() }), { xs: ['a', 'b'], ns: [1, null, 2], u: 3, o: { k: 'k', m: 2 } }],
    [z.looseObject({ r: z.record(z.string(), z.number().nullable()), p: z.custom<object>((v) => !!v && typeof v === 'object').pipe(z.record(z.string(), z.string())) }), { r: { a: 1, b: null }, p: { a: 'x', b: 'y' } }],
    [z.looseObject({ pct: z.number().refine((v) => Number.isInteger(v) && v >= 0 && v <= 100).optional(), bytes: z.instanceof(Uint8Array).optional(), list: z.array(z.looseObject({ id: z.string() })) }), { pct: 40, bytes: new Uint8Array(1), list: [{ id: 'a' }, { id: 'b' }] }],
  ];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  /** A copy of `v` with one place somewhere inside it replaced by an odd value, or removed. */
  function change(v: unknown): unknown {
    if (Array.isArray(v) && v.length && rand() >= 0.3) {
      const at = Math.floor(rand() * v.length);
      return v.map((x, i) => (i === at ? change(x) : x));
    }
    const inside = v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) ? Object.keys(v) : [];
    if (inside.length === 0 || rand() < 0.3) return pick(ODD);
    const at = pick(inside);
    const o = { ...(v as Record<string, unknown>) };
    if (rand() < 0.15) delete o[at];
    else if (rand() < 0.1) o[`extra${at}`] = pick(ODD);
    else o[at] = change(o[at]);
    return o;
  }
  it.each(cases.map((c, i) => [i + 1, ...c] as const))('schema %i: never takes what zod refuses, and takes what zod takes', (_n, schema, valid) => {
    const accept = acceptorOf(schema)!;
    expect(accept(valid)).toBe(true);
    let refused = 0;
    for (let i = 0; i < 5_000; i++) {
      const v = rand() < 0.5 ? change(valid) : change(change(valid));
      const zodSays = schema.safeParse(v).success;
      if (!zodSays) refused++;
      // Never looser than zod; and on these schemas, no stricter either.
      expect(accept(v), String(JSON.stringify(v))).toBe(zodSays);
    }
    expect(refused).toBeGreaterThan(1_000);
  });
});
