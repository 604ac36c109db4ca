/**
 * Bounds a zip (.xlsx, .docx) before any library parses it: reads the central directory,
 * refuses parts whose declared inflated size is over the bound, then inflates every part as a
 * stream (the platform's DecompressionStream) in small steps, counting the real bytes (a header
 * may lie) and checking each part's CRC-32. Parts can be scanned on the way (rows, cells,
 * paragraphs) without keeping them.
 */

/** Bounds of one zip. */
export interface ZipLimits {
  maxPartBytes: number;
  maxInflatedBytes: number;
  maxEntries: number;
}

/** One part as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** Why a zip was refused. */
export type ZipProblem =
  | { kind: 'notZip' }
  | { kind: 'entries'; count: number }
  | { kind: 'partTooBig'; part: string; bytes: number; declared: boolean }
  | { kind: 'totalTooBig'; bytes: number }
  | { kind: 'damaged'; part: string; why: string }
  | { kind: 'encrypted'; part: string };

/** A scanner fed the inflated bytes of one part, in order. */
export interface PartScanner {
  push(chunk: Uint8Array): void;
  end(): void;
}

export type ZipCheck = {
  ok: true;
  entries: ZipEntry[];
  inflatedBytes: number;
  /** With `keep`: the same parts again, uncompressed (stored), as one zip a reader opens without inflating anything. */
  stored?: Uint8Array;
} | { ok: false; problem: ZipProblem };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Running CRC-32 (the zip checksum): pass the previous value, start from 0. */
export function crc32(data: Uint8Array, prev = 0): number {
  let c = ~prev;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * Input bytes inflated per step: deflate expands at most ~1032×, so one step yields at most ~17 MB
 * before the bounds are checked again.
 */
const STEP = 16 * 1024;

/**
 * Inflate a part's raw deflate data natively (zlib behind DecompressionStream), `STEP` input bytes
 * at a time, handing each inflated piece to `take` as it comes; stops as soon as `stop()` says so.
 * Rejects on damaged data (the platform's English words: for the log).
 *
 * Chromium's own inflater took under a third of the time fflate's streaming one did, which grows
 * and copies its output buffer at every step (a 10,000-row city list's parts: 77 ms against 269 ms,
 * bench/tools/inflate-page.ts).
 */
export async function inflateRaw(body: Uint8Array, take: (piece: Uint8Array) => void, stop: () => boolean): Promise<void> {
  // An empty body has no final block: nothing to inflate (the size check then judges it).
  if (body.length === 0) return;
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Written while read (a write waits while what it gave is not read), so at most one step's output
  // is inflated beyond the bound.
  const feeding = (async () => {
    for (let i = 0; i < body.length && !stop(); i += STEP) await writer.write(body.subarray(i, Math.min(body.length, i + STEP)) as Uint8Array<ArrayBuffer>);
    if (!stop()) await writer.close();
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(value);
      if (stop()) {
        await reader.cancel();
        break;
      }
    }
  } catch (err) {
    // The writer's own rejection is the same damage: said once, by the reader. The stream is
    // cancelled too (a scanner that threw leaves it otherwise waiting to be read).
    feeding.catch(() => {});
    reader.cancel().catch(() => {});
    throw err;
  }
  // Cancelled at the bound: the writer's pending write rejects, which says nothing more.
  await feeding.catch((err: unknown) => {
    if (!stop()) throw err;
  });
}

/** The central directory of a zip, or a problem; reads no compressed data. */
export function readCentralDirectory(d: Uint8Array, limits: ZipLimits): { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem } {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  let eocd = -1;
  for (let i = d.length - 22; i >= Math.max(0, d.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, problem: { kind: 'notZip' } };
  let count = view.getUint16(eocd + 10, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  // ZIP64: the real count and offset sit in the ZIP64 end record.
  if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > d.length || view.getUint32(at, true) !== 0x06064b50) return { ok: false, problem: { kind: 'notZip' } };
    count = Number(view.getBigUint64(at + 32, true));
    dirOffset = Number(view.getBigUint64(at + 48, true));
  }
  if (count > limits.maxEntries) return { ok: false, problem: { kind: 'entries', count } };
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > d.length || view.getUint32(p, true) !== 0x02014b50) return { ok: false, problem: { kind: 'notZip' } };
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > d.length) return { ok: false, problem: { kind: 'notZip' } };
    const e: ZipEntry = {
      name: names.decode(d.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      encrypted: (flags & 1) === 1,
    };
    // ZIP64 extra field: 64-bit sizes and offset replace the 0xFFFFFFFF placeholders, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = view.getUint16(x, true);
      const len = view.getUint16(x + 2, true);
      if (id === 0x0001) {
        let y = x + 4;
        const next = () => {
          const v = y + 8 <= x + 4 + len ? Number(view.getBigUint64(y, true)) : undefined;
          y += 8;
          return v;
        };
        if (e.size === 0xffffffff) e.size = next() ?? e.size;
        if (e.compressedSize === 0xffffffff) e.compressedSize = next() ?? e.compressedSize;
        if (e.localOffset === 0xffffffff) e.localOffset = next() ?? e.localOffset;
      }
      x += 4 + len;
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/**
 * Check a whole zip against `limits` before parsing it: declared sizes first, then every part
 * inflated as a stream with the real bytes counted and the CRC checked. `scan` may return a
 * scanner for a part, fed its inflated bytes.
 */
export async function checkZip(d: Uint8Array, limits: ZipLimits, scan: (name: string) => PartScanner | undefined = () => undefined, keep = false): Promise<ZipCheck> {
  const dir = readCentralDirectory(d, limits);
  if (!dir.ok) return dir;
  const { entries } = dir;
  let declared = 0;
  for (const e of entries) {
    if (e.encrypted) return { ok: false, problem: { kind: 'encrypted', part: e.name } };
    if (e.size > limits.maxPartBytes) return { ok: false, problem: { kind: 'partTooBig', part: e.name, bytes: e.size, declared: true } };
    declared += e.size;
  }
  if (declared > limits.maxInflatedBytes) return { ok: false, problem: { kind: 'totalTooBig', bytes: declared } };

  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  let total = 0;
  // The stored copy is laid out from the declared sizes (checked above); a part whose real size
  // differs is refused below, so nothing is written past its place.
  const out = keep ? new StoredZip(entries.filter((e) => !(e.name.endsWith('/') && e.size === 0))) : undefined;
  for (const e of entries) {
    if (e.name.endsWith('/') && e.size === 0) continue;
    const place = out?.begin(e);
    const h = e.localOffset;
    if (h + 30 > d.length || view.getUint32(h, true) !== 0x04034b50) return { ok: false, problem: { kind: 'damaged', part: e.name, why: 'local header missing' } };
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
    const end = start + e.compressedSize;
    if (end > d.length) return { ok: false, problem: { kind: 'damaged', part: e.name, why: 'part cut off' } };
    const scanner = scan(e.name);
    let size = 0;
    let crc = 0;
    let over: ZipProblem | undefined;
    const take = (chunk: Uint8Array) => {
      if (over) return;
      size += chunk.length;
      // Stopped at the bound: the message says "more than" the bound, not how much more.
      if (size > limits.maxPartBytes) over = { kind: 'partTooBig', part: e.name, bytes: limits.maxPartBytes, declared: false };
      else if (total + size > limits.maxInflatedBytes) over = { kind: 'totalTooBig', bytes: limits.maxInflatedBytes };
      if (over) return;
      crc = crc32(chunk, crc);
      scanner?.push(chunk);
      if (place !== undefined && size <= e.size) out!.bytes.set(chunk, place + size - chunk.length);
    };
    try {
      if (e.method === 0) {
        for (let i = start; i < end && !over; i += STEP) take(d.subarray(i, Math.min(end, i + STEP)));
      } else if (e.method === 8) await inflateRaw(d.subarray(start, end), take, () => over !== undefined);
      else return { ok: false, problem: { kind: 'damaged', part: e.name, why: `compression method ${e.method}` } };
    } catch (err) {
      return { ok: false, problem: { kind: 'damaged', part: e.name, why: String((err as Error)?.message ?? err) } };
    }
    if (over) return { ok: false, problem: over };
    scanner?.end();
    if (size !== e.size) return { ok: false, problem: { kind: 'damaged', part: e.name, why: `size ${size}, header says ${e.size}` } };
    if (crc !== e.crc) return { ok: false, problem: { kind: 'damaged', part: e.name, why: 'CRC mismatch' } };
    total += size;
  }
  return { ok: true, entries, inflatedBytes: total, ...(out ? { stored: out.finish() } : {}) };
}

/**
 * A zip of stored (uncompressed) parts, written in place as the parts are inflated: local
 * headers and data in the central directory's order, then the directory and its end record.
 * Names are written as UTF-8 (flag 11).
 */
class StoredZip {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly names: Uint8Array[];
  private readonly offsets: number[] = [];
  private readonly parts: ZipEntry[];
  private at = 0;
  private readonly directoryAt: number;

  constructor(parts: ZipEntry[]) {
    this.parts = parts;
    const encoder = new TextEncoder();
    this.names = parts.map((e) => encoder.encode(e.name));
    let local = 0;
    let directory = 0;
    parts.forEach((e, i) => {
      local += 30 + this.names[i]!.length + e.size;
      directory += 46 + this.names[i]!.length;
    });
    this.directoryAt = local;
    this.bytes = new Uint8Array(local + directory + 22);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Write the local header of the next part; returns where its data goes. */
  begin(e: ZipEntry): number {
    const i = this.offsets.length;
    const name = this.names[i]!;
    this.offsets.push(this.at);
    this.header(this.at, 0x04034b50, e, name, false);
    const data = this.at + 30 + name.length;
    this.at = data + e.size;
    return data;
  }

  /** Write the central directory and its end record. */
  finish(): Uint8Array {
    let p = this.directoryAt;
    this.parts.forEach((e, i) => {
      this.header(p, 0x02014b50, e, this.names[i]!, true, this.offsets[i]!);
      p += 46 + this.names[i]!.length;
    });
    const v = this.view;
    v.setUint32(p, 0x06054b50, true);
    v.setUint16(p + 8, this.parts.length, true);
    v.setUint16(p + 10, this.parts.length, true);
    v.setUint32(p + 12, p - this.directoryAt, true);
    v.setUint32(p + 16, this.directoryAt, true);
    return this.bytes;
  }

  private header(p: number, signature: number, e: ZipEntry, name: Uint8Array, central: boolean, offset = 0): void {
    const v = this.view;
    v.setUint32(p, signature, true);
    // The central record has "version made by" before the fields the local header shares.
    const q = central ? p + 2 : p;
    v.setUint16(q + 4, 20, true); // version needed
    v.setUint16(q + 6, 0x0800, true); // flags: UTF-8 names
    v.setUint16(q + 8, 0, true); // stored
    v.setUint16(q + 12, 0x21, true); // date 1980-01-01 (time 0)
    v.setUint32(q + 14, e.crc, true);
    v.setUint32(q + 18, e.size, true);
    v.setUint32(q + 22, e.size, true);
    v.setUint16(q + 26, name.length, true);
    if (central) {
      v.setUint16(p + 4, 20, true); // version made by
      v.setUint32(p + 42, offset, true);
      this.bytes.set(name, p + 46);
    } else this.bytes.set(name, p + 30);
  }
}

/**
 * Counts XML tags in a part as it streams by, without keeping it. Each pattern is a global
 * regex; a match straddling two chunks is counted once (the tail of a chunk is carried over).
 */
export class XmlTagCounter implements PartScanner {
  readonly counts: number[];
  /** Text of `firstMatch` patterns' first match, if any. */
  readonly first: (string | undefined)[];
  private decoder = new TextDecoder('utf-8');
  private carry = '';

  constructor(private patterns: RegExp[], private keep = 256) {
    this.counts = patterns.map(() => 0);
    this.first = patterns.map(() => undefined);
  }

  push(chunk: Uint8Array): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.feed(this.decoder.decode());
  }

  private feed(s: string): void {
    const text = this.carry + s;
    const from = this.carry.length;
    this.patterns.forEach((re, i) => {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m.index + m[0].length > from) {
          this.counts[i]!++;
          if (this.first[i] === undefined) this.first[i] = m[0];
        }
        if (m[0].length === 0) re.lastIndex++;
      }
    });
    this.carry = text.slice(-this.keep);
  }
}

/** Longest local tag name StartTagCounter keeps; a longer one is none of its names. */
const MAX_TAG_NAME = 64;

/**
 * Counts the start tags of some names in an XML part as it streams by, on the bytes (no
 * decoding, no regular expression): what `/<(?:\w+:)?name[\s>/]/g` counts in the decoded text,
 * for ASCII names. Several names in one pass.
 */
export class StartTagCounter implements PartScanner {
  readonly counts: number[];
  /** Every start tag, of any name: `<` followed by a letter (what ElementCounter counts). */
  elements = 0;
  /** The names as bytes. */
  private readonly names: Uint8Array[];
  /** The local name read so far (after the prefix's colon). */
  private readonly local = new Uint8Array(MAX_TAG_NAME);
  /** Bytes of the local name read so far; -1 outside a tag name. */
  private length = -1;
  /** Word characters read since the `<` (prefix and local name). */
  private read = 0;
  /** Whether the name had its prefix's colon. */
  private prefixed = false;
  /** Whether the name can be none of ours (a second colon, an empty prefix). */
  private spoilt = false;

  constructor(names: readonly string[]) {
    this.names = names.map((n) => Uint8Array.from(n, (ch) => ch.charCodeAt(0)));
    this.counts = names.map(() => 0);
  }

  push(chunk: Uint8Array): void {
    // The state in locals for the loop, back in the fields at the end (one part arrives in many chunks).
    const local = this.local;
    let length = this.length;
    let read = this.read;
    let prefixed = this.prefixed;
    let spoilt = this.spoilt;
    let elements = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (length === 0 && read === 0 && !prefixed && ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a))) elements++;
      if (length < 0) {
        if (b === 0x3c) {
          length = read = 0;
          prefixed = spoilt = false;
        }
        continue;
      }
      // \w: a character of the prefix or of the local name.
      if ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f) {
        if (length < MAX_TAG_NAME) local[length] = b;
        length++;
        read++;
        continue;
      }
      // The prefix's colon: one, after at least one word character (`:row` and `a:b:row` are no `row`).
      if (b === 0x3a) {
        if (prefixed || read === 0) spoilt = true;
        prefixed = true;
        length = 0;
        continue;
      }
      // A name ends at whitespace, > or /: a start tag when it is one of ours.
      if (!spoilt && length > 0 && length <= MAX_TAG_NAME && (b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x3e || b === 0x2f)) this.tally(length);
      if (b === 0x3c) {
        length = read = 0;
        prefixed = spoilt = false;
      } else length = -1;
    }
    this.length = length;
    this.read = read;
    this.prefixed = prefixed;
    this.spoilt = spoilt;
    this.elements += elements;
  }

  end(): void {
    this.length = -1;
  }

  /** Count the local name of `length` bytes if it is one of ours. */
  private tally(length: number): void {
    const local = this.local;
    for (let n = 0; n < this.names.length; n++) {
      const name = this.names[n]!;
      if (name.length !== length) continue;
      let k = 0;
      while (k < length && local[k] === name[k]) k++;
      if (k === length) this.counts[n]!++;
    }
  }
}

/** Counts the start tags (`<` followed by a letter) of an XML part as it streams by, on the bytes. */
export class ElementCounter implements PartScanner {
  count = 0;
  private lastWasOpen = false;
  push(chunk: Uint8Array): void {
    let n = 0;
    let open = this.lastWasOpen;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (open && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))) n++;
      open = b === 0x3c;
    }
    this.lastWasOpen = open;
    this.count += n;
  }
  end(): void {}
}

/** Feeds one part to several scanners. */
export function allOf(...scanners: (PartScanner | undefined)[]): PartScanner {
  const list = scanners.filter((s): s is PartScanner => s !== undefined);
  return {
    push: (chunk) => list.forEach((s) => s.push(chunk)),
    end: () => list.forEach((s) => s.end()),
  };
}
