/**
 * One row of a backup file: binary values and dates encoded the typeson way dexie-export-import
 * uses (`$types` by key path), and decoded again when a file is read.
 */
import { FORBIDDEN_KEYS } from '@core/records/schemas';
import { isRecord } from './format';
import { ROW_TEXT } from './texts';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error(ROW_TEXT.badBase64);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

function escapeKey(k: string): string {
  return k.replace(/~/g, '~0').replace(/\./g, '~1');
}

function unescapeKey(k: string): string {
  return k.replace(/~1/g, '.').replace(/~0/g, '~');
}

/** A key path built only when a typed value needs it (most rows have none). */
type KeyPath = { up: KeyPath; key: string } | undefined;

function keyPathText(p: KeyPath): string {
  const parts: string[] = [];
  for (let n = p; n; n = n.up) parts.push(escapeKey(n.key));
  return parts.reverse().join('.');
}

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

/**
 * True when JSON.stringify(v) already gives encodeRow's output: v holds only primitives, plain
 * objects and arrays (no Date, no binary, no other class) and no own `__proto__` key. Most rows
 * are like this; they are written without the copy encodeRow makes.
 */
export function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto === ARRAY_PROTO) {
    const a = v as unknown[];
    for (let i = 0; i < a.length; i++) if (!isPlainJson(a[i])) return false;
    return true;
  }
  if (proto !== OBJECT_PROTO && proto !== null) return false;
  for (const k in v) {
    if (k === '__proto__' || !isPlainJson((v as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Encode binary and dates the typeson way dexie-export-import uses (`$types` by key path). */
export function encodeRow(row: unknown): unknown {
  const types: Record<string, string> = {};
  const walk = (v: unknown, path: KeyPath): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Uint8Array) {
      types[keyPathText(path)] = 'uint8array';
      return { encoded: toBase64(v), byteOffset: 0, length: v.length };
    }
    if (v instanceof ArrayBuffer) {
      types[keyPathText(path)] = 'arraybuffer';
      return toBase64(new Uint8Array(v));
    }
    if (v instanceof Date) {
      types[keyPathText(path)] = 'date';
      return v.getTime();
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, { up: path, key: String(i) }));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = walk(x, { up: path, key: k });
    return out;
  };
  const out = walk(row, undefined);
  if (Object.keys(types).length === 0) return out;
  if (out && typeof out === 'object' && !Array.isArray(out) && !('' in types)) return { ...(out as object), $types: types };
  return { $: out, $types: { $: types[''] } };
}

function reviveValue(type: string, v: unknown): unknown {
  switch (type) {
    case 'uint8array': {
      const o = v as { encoded: string; byteOffset?: number; length: number };
      const buf = fromBase64(o.encoded);
      return new Uint8Array(buf.buffer, o.byteOffset ?? 0, o.length).slice();
    }
    case 'arraybuffer':
      return fromBase64(v as string).buffer;
    case 'date':
      return new Date(v as number);
    default:
      throw new Error(ROW_TEXT.unknownType(type));
  }
}

/** Decode a row written by encodeRow (or by dexie-export-import for these types). */
export function decodeRow(row: unknown): unknown {
  if (!row || typeof row !== 'object' || !('$types' in row)) return row;
  const { $types, ...rest } = row as { $types: Record<string, string> } & Record<string, unknown>;
  if ('$' in rest && Object.keys(rest).length === 1) return reviveValue($types.$ as string, rest.$);
  const out = structuredClone(rest) as Record<string, unknown>;
  if (!isRecord($types)) throw new Error(ROW_TEXT.typesNotObject);
  for (const [path, type] of Object.entries($types)) {
    const parts = path.split('.').map(unescapeKey);
    // A path may only walk the row's own fields: `__proto__.archived` would reach every object.
    if (parts.some((p) => FORBIDDEN_KEYS.has(p))) throw new Error(ROW_TEXT.forbiddenPath(path));
    let parent: Record<string, unknown> = out;
    for (const p of parts.slice(0, -1)) {
      const next = Object.hasOwn(parent, p) ? parent[p] : undefined;
      if (!next || typeof next !== 'object') throw new Error(ROW_TEXT.missingPath(path));
      parent = next as Record<string, unknown>;
    }
    const last = parts[parts.length - 1]!;
    if (!Object.hasOwn(parent, last)) throw new Error(ROW_TEXT.missingPath(path));
    if (typeof type !== 'string') throw new Error(ROW_TEXT.badPathType(path));
    parent[last] = reviveValue(type, parent[last]);
  }
  return out;
}
