/**
 * A quick "this row is certainly valid" test, made from a row's zod schema (schemas.ts) and never
 * written by hand: the rule stays in one place. Zod runs without its compiled fast path in the app
 * (the page's Content-Security-Policy forbids `new Function`), and then checking 10,000 tasks at
 * the start allocates a result object for every field of every row. The acceptor only reads.
 *
 * It is conservative: it answers `true` only where zod would accept the value too, and `false`
 * whenever it is not sure (a wrong value, or one it does not judge); the caller then asks zod, which
 * says what is wrong. A schema using anything this module does not know (a transform, a string
 * length, a superRefine, a union…) gets no acceptor at all, and zod judges every row of it.
 *
 * The schema is turned into a tree of plain nodes read by one function (`accepts`), not into a tree
 * of closures: at a start the code runs cold, and one small function is optimised by the engine
 * after a few hundred rows, where a closure per field is not (measured: bench/tools/guard-page.ts).
 */
import type { z } from 'zod';

/** Accepts a value that the schema it was made from certainly accepts. */
export type Acceptor = (value: unknown) => boolean;

/** Zod 4's internals as far as they are read here (the `_zod.def` of each node). */
interface Def {
  type: string;
  checks?: { _zod: { def: Def & { check?: string }; traits: ReadonlySet<string> } }[];
  shape?: Record<string, ZodNode>;
  catchall?: ZodNode;
  element?: ZodNode;
  innerType?: ZodNode;
  entries?: Record<string, unknown>;
  values?: unknown[];
  keyType?: ZodNode;
  valueType?: ZodNode;
  in?: ZodNode;
  out?: ZodNode;
  fn?: unknown;
}
interface ZodNode {
  _zod: { def: Def; check?: unknown; traits: ReadonlySet<string> };
}

/**
 * The zod classes a node may be made of for it to be judged here. A variant that shares its base's
 * definition but parses otherwise (z.exactOptional() refuses a present undefined, z.codec() is a
 * transforming pipe, z.int() and z.email() are formats) is known by its own class, and refused.
 */
const KNOWN_TRAITS: ReadonlySet<string> = new Set(
  ['Type', 'String', 'Number', 'Boolean', 'Unknown', 'Any', 'Enum', 'Literal', 'Optional', 'Nullable', 'Array', 'Object', 'ObjectJIT', 'Record', 'Custom', 'InstanceOf', 'Pipe', 'Check'].flatMap((c) => [`$Zod${c}`, `Zod${c}`, `_Zod${c}`]),
);

/**
 * What a node's definition may hold for it to be judged here. Anything else (a string format, a
 * transform, a default, a coercion…) means the node does more than this module knows.
 */
const KNOWN_DEF_KEYS: ReadonlySet<string> = new Set(['type', 'checks', 'shape', 'catchall', 'element', 'innerType', 'entries', 'values', 'keyType', 'valueType', 'in', 'out', 'fn', 'check', 'abort', 'error', 'path', 'when', 'params']);

const enum Kind {
  String,
  Number,
  Boolean,
  Any,
  OneOf,
  Array,
  Object,
  Record,
  Custom,
  Pipe,
}

/**
 * A compiled node. `optional` (zod's .optional()) lets undefined through and lets an object's key be
 * absent; `nullable` lets null through; every `refine` must answer true.
 */
interface Node {
  kind: Kind;
  optional: boolean;
  nullable: boolean;
  refine: ((v: unknown) => unknown)[] | undefined;
  /** Array element, record value, pipe's second node. */
  inner: Node | undefined;
  /** Pipe's first node. */
  first: Node | undefined;
  keys: string[];
  fields: Node[];
  allowed: Set<unknown> | undefined;
  fn: ((v: unknown) => unknown) | undefined;
}

function node(kind: Kind, part: Partial<Node> = {}): Node {
  return { kind, optional: false, nullable: false, refine: undefined, inner: undefined, first: undefined, keys: [], fields: [], allowed: undefined, fn: undefined, ...part };
}

const ofKnownClasses = (traits: ReadonlySet<string>) => [...traits].every((t) => KNOWN_TRAITS.has(t));

/** The refinements (`.refine(fn)`) of a node; undefined when it has any other kind of check. */
function refinements(def: Def): ((v: unknown) => unknown)[] | undefined {
  const out: ((v: unknown) => unknown)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (!ofKnownClasses(c._zod.traits) || d.type !== 'custom' || d.check !== 'custom' || typeof d.fn !== 'function') return undefined;
    out.push(d.fn as (v: unknown) => unknown);
  }
  return out;
}

function compile(zod: ZodNode): Node | undefined {
  const def = zod._zod.def;
  if (Object.keys(def).some((k) => !KNOWN_DEF_KEYS.has(k))) return undefined;
  if (!ofKnownClasses(zod._zod.traits)) return undefined;
  // A node that is its own check (z.email(), z.int()…) checks more than its type; only z.custom is judged.
  if (typeof zod._zod.check === 'function' && def.type !== 'custom') return undefined;
  const fns = refinements(def);
  if (!fns) return undefined;
  const n = compileType(def);
  if (!n || fns.length === 0) return n;
  // A wrapper's refinement judges the wrapped value; kept simple: only on a plain node.
  if (n.optional || n.nullable || n.refine) return undefined;
  n.refine = fns;
  return n;
}

function compileType(def: Def): Node | undefined {
  switch (def.type) {
    case 'string':
      return node(Kind.String);
    case 'number':
      return node(Kind.Number);
    case 'boolean':
      return node(Kind.Boolean);
    case 'unknown':
    case 'any':
      // Takes undefined as a value, but as an object's field its key must be there (zod 4).
      return node(Kind.Any, { nullable: true });
    case 'enum':
      return node(Kind.OneOf, { allowed: new Set(Object.values(def.entries ?? {})) });
    case 'literal':
      return node(Kind.OneOf, { allowed: new Set(def.values ?? []) });
    case 'optional':
    case 'nullable': {
      const inner = def.innerType && compile(def.innerType);
      if (!inner) return undefined;
      return { ...inner, optional: inner.optional || def.type === 'optional', nullable: inner.nullable || def.type === 'nullable' };
    }
    case 'array': {
      const inner = def.element && compile(def.element);
      return inner && node(Kind.Array, { inner });
    }
    case 'custom':
      // z.custom(fn) / z.instanceof(C): the node is its own check.
      return typeof def.fn === 'function' ? node(Kind.Custom, { fn: def.fn as (v: unknown) => unknown }) : undefined;
    case 'pipe': {
      // Every node compiled here keeps its value, so the second node sees the input.
      const first = def.in && compile(def.in);
      const inner = def.out && compile(def.out);
      return first && inner && node(Kind.Pipe, { first, inner });
    }
    case 'record': {
      const key = def.keyType && compile(def.keyType);
      if (!key || key.kind !== Kind.String || key.refine || key.optional || key.nullable) return undefined;
      const inner = def.valueType && compile(def.valueType);
      return inner && node(Kind.Record, { inner });
    }
    case 'object': {
      // Only a loose object (any other key let through: its catchall is unknown); strict and strip
      // objects are left to zod.
      const catchall = def.catchall?._zod.def;
      if (!catchall || (catchall.type !== 'unknown' && catchall.type !== 'any') || catchall.checks?.length) return undefined;
      const keys: string[] = [];
      const fields: Node[] = [];
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const f = compile(field);
        if (!f || key === '__proto__') return undefined;
        keys.push(key);
        fields.push(f);
      }
      return node(Kind.Object, { keys, fields });
    }
    default:
      return undefined;
  }
}

/**
 * A plain object as a zod record takes it (its prototype Object's or none, no constructor of its
 * own), with only string keys, every one enumerable.
 */
function plainStringKeyed(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Reflect.ownKeys(v)) if (typeof k !== 'string' || k === '__proto__' || k === 'constructor' || !Object.prototype.propertyIsEnumerable.call(v, k)) return false;
  return true;
}

function accepts(n: Node, v: unknown): boolean {
  if (v === undefined) return n.optional || n.kind === Kind.Any;
  if (v === null) return n.nullable;
  switch (n.kind) {
    case Kind.String:
      if (typeof v !== 'string') return false;
      break;
    case Kind.Number:
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      break;
    case Kind.Boolean:
      if (typeof v !== 'boolean') return false;
      break;
    case Kind.Any:
      break;
    case Kind.OneOf:
      if ((typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') || !n.allowed!.has(v)) return false;
      break;
    case Kind.Array: {
      if (!Array.isArray(v)) return false;
      const inner = n.inner!;
      for (let i = 0; i < v.length; i++) if (!accepts(inner, v[i])) return false;
      break;
    }
    case Kind.Object: {
      if (typeof v !== 'object' || Array.isArray(v)) return false;
      const o = v as Record<string, unknown>;
      const { keys, fields } = n;
      for (let i = 0; i < keys.length; i++) {
        const f = fields[i]!;
        const x = o[keys[i]!];
        if (!accepts(f, x) || (x === undefined && !f.optional && !(keys[i]! in o))) return false;
      }
      break;
    }
    case Kind.Record: {
      if (typeof v !== 'object' || Array.isArray(v) || !plainStringKeyed(v)) return false;
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) if (!accepts(n.inner!, o[k])) return false;
      break;
    }
    case Kind.Custom:
      if (n.fn!(v) !== true) return false;
      break;
    case Kind.Pipe:
      if (!accepts(n.first!, v) || !accepts(n.inner!, v)) return false;
      break;
  }
  // A refinement must answer exactly true (a promise or any other value is left to zod).
  if (n.refine) for (const fn of n.refine) if (fn(v) !== true) return false;
  return true;
}

/** The acceptor of a schema, or undefined when it uses something this module does not judge. */
export function acceptorOf(schema: z.ZodType): Acceptor | undefined {
  const n = compile(schema as unknown as ZodNode);
  return n && ((v) => accepts(n, v));
}
