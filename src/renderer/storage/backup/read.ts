/**
 * Reading and verifying a backup file. Never changes anything: a truncated, altered, foreign
 * or newer file is refused with a Chinese message (BACKUP_TEXT).
 */
import { JSONParser } from '@streamparser/json';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { rowProblem } from '@core/records/schemas';
import { LATEST_VERSION, SCHEMA_HISTORY } from '../schema';
import type { BackupReadHandle } from '@shared/bridge';
import { platform } from '../../platform';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  DERIVED_TABLES,
  checksumPrefix,
  concatBytes,
  isRecord,
  knownTables,
  primaryKeyOf,
  sha256Hex,
  type BackupCheck,
  type BackupFile,
  type BackupHeader,
  type ChunkSource,
} from './format';
import { decodeRow } from './row-codec';
import { BACKUP_TEXT, DAMAGED_TEXT } from './texts';

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array, chunkSize = 1 << 20): ChunkSource {
  let at = 0;
  return {
    size: bytes.length,
    reopen: async () => bytesSource(bytes, chunkSize),
    read: async () => {
      if (at >= bytes.length) return null;
      const c = bytes.subarray(at, at + chunkSize);
      at += c.length;
      return c;
    },
  };
}

/**
 * Open a backup for reading piece by piece through the platform: a listed one by name, or
 * (null) one the officer chooses. Null when canceled.
 */
export async function openBackupSource(name: string | null, title: string): Promise<{ name: string; source: ChunkSource } | null> {
  const bridge = platform();
  const h = await bridge.openBackupRead(name, title);
  if (!h) return null;
  return { name: h.name, source: bridgeSource(h) };
}

/** A read handed out by the platform, as a source that can be opened again from its start. */
function bridgeSource(h: BackupReadHandle): ChunkSource {
  const bridge = platform();
  return {
    size: h.size,
    read: () => bridge.readBackupChunk(h.id),
    close: () => bridge.closeBackupRead(h.id),
    reopen: async () => bridgeSource(await bridge.reopenBackupRead(h.id)),
  };
}

/** Read and verify a backup file held in memory. Never changes anything. */
export function readBackupFile(bytes: Uint8Array): Promise<BackupCheck> {
  return readBackupStream(bytesSource(bytes));
}

/** The header of a file in this program's layout: everything before `"database":`, at most this long. */
const MAX_HEADER_BYTES = 64 * 1024;
/** Files in another layout (pretty-printed, another tool) are read whole up to this size. */
const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;
const DATABASE_KEY = new TextEncoder().encode(',"database":');

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Checks a parsed header; the refusal message, or undefined when it is one of ours that this program reads. */
function headerProblem(f: Record<string, unknown>): string | undefined {
  if (f.format !== BACKUP_FORMAT) return BACKUP_TEXT.foreign;
  if (typeof f.formatVersion !== 'number') return BACKUP_TEXT.damaged(DAMAGED_TEXT.noFormatVersion);
  if (f.formatVersion > BACKUP_FORMAT_VERSION) return BACKUP_TEXT.newerFormat(f.formatVersion);
  if (typeof f.schemaVersion !== 'number') return BACKUP_TEXT.damaged(DAMAGED_TEXT.noSchemaVersion);
  if (f.schemaVersion > LATEST_VERSION) return BACKUP_TEXT.newerSchema(f.schemaVersion);
  if (typeof f.createdAt !== 'string' || !isRecord(f.counts) || typeof f.sha256 !== 'string') return BACKUP_TEXT.damaged(DAMAGED_TEXT.noHeader);
  if (!SCHEMA_HISTORY.some((s) => s.version === f.schemaVersion)) return BACKUP_TEXT.damaged(DAMAGED_TEXT.unknownSchemaVersion(f.schemaVersion));
  return undefined;
}

/**
 * Collects the rows of a file as they are parsed: decoded, checked, counted, and kept when
 * `keep` (a check before the preview keeps none: only counts, periods and the first problem).
 */
class RowCollector {
  readonly rows = new Map<string, unknown[]>();
  private readonly counts = new Map<string, number>();
  private readonly seen = new Map<string, Set<unknown>>();
  private readonly keys = new Map<string, string | undefined>();
  problem: string | undefined;
  readonly periods = new Set<string>();
  constructor(
    private readonly version: number,
    private readonly keep: boolean,
  ) {}

  table(name: unknown): string | undefined {
    if (typeof name !== 'string') return (this.problem ??= BACKUP_TEXT.damaged(DAMAGED_TEXT.badTable)), undefined;
    if (!knownTables(this.version).has(name)) return (this.problem ??= BACKUP_TEXT.damaged(DAMAGED_TEXT.unknownTable(name))), undefined;
    if (!this.counts.has(name)) {
      this.counts.set(name, 0);
      this.rows.set(name, []);
    }
    return name;
  }

  add(table: string, raw: unknown): void {
    const index = this.counts.get(table)! + 1;
    this.counts.set(table, index);
    if (DERIVED_TABLES.has(table)) return;
    let row: unknown;
    try {
      row = decodeRow(raw);
    } catch (e) {
      this.problem ??= BACKUP_TEXT.badRow(table, index, e instanceof Error ? e.message : String(e));
      return;
    }
    const problem = rowProblem(table, row);
    if (problem) this.problem ??= BACKUP_TEXT.badRow(table, index, problem);
    if (!this.keys.has(table)) this.keys.set(table, primaryKeyOf(table, this.version));
    const pk = this.keys.get(table);
    if (pk && isRecord(row)) {
      let seen = this.seen.get(table);
      if (!seen) this.seen.set(table, (seen = new Set()));
      const key = row[pk];
      if (seen.has(key)) this.problem ??= BACKUP_TEXT.duplicateRow(table, index);
      seen.add(key);
    }
    if (table === 'progress' && isRecord(row) && typeof row.periodId === 'string') this.periods.add(row.periodId);
    if (this.keep) this.rows.get(table)!.push(row);
  }

  /** Counts in the header against the rows read. */
  checkCounts(counts: Record<string, unknown>): string | undefined {
    for (const [name, n] of this.counts) if (counts[name] !== n) return BACKUP_TEXT.damaged(DAMAGED_TEXT.countMismatch(name));
    return undefined;
  }
}

/**
 * Read and verify a backup piece by piece. Never changes anything. A file in this program's
 * layout is parsed as a stream: the header first, then each row as it arrives (decoded,
 * checked against its table's schema, counted), the checksum computed over the same bytes;
 * memory holds the decoded rows and one piece, never the file as one string. A file in another
 * layout (pretty-printed, dexie-export-import) is read whole when it is small.
 *
 * With `rows: false` every row is still decoded and checked, but none is kept: the result's
 * `backup.rows` is empty. The backup page checks a file that way for its preview and reads it
 * again after the safety backup (`restoreBackup` with a loader), so that the page never holds
 * the file's rows and a whole backup of the store at the same time.
 */
export async function readBackupStream(file: ChunkSource, opts: { rows?: boolean } = {}): Promise<BackupCheck> {
  const keepRows = opts.rows ?? true;
  const src = endsOnce(file);
  try {
    if (src.size === 0) return { ok: false, message: BACKUP_TEXT.empty };
    // 1. The header: bytes up to `,"database":`.
    let head: Uint8Array = new Uint8Array(0);
    let cut = -1;
    let piece: Uint8Array | null;
    while (cut < 0 && head.length < MAX_HEADER_BYTES && (piece = await src.read()) !== null) {
      head = concatBytes([head, piece]);
      cut = indexOfBytes(head.subarray(0, MAX_HEADER_BYTES + DATABASE_KEY.length), DATABASE_KEY);
    }
    if (head.length === 0) return { ok: false, message: BACKUP_TEXT.empty };
    if (cut < 0) return readWhole(src, head, keepRows);
    let headText: string;
    try {
      headText = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, cut)).replace(/^\uFEFF/, '');
    } catch {
      return { ok: false, message: BACKUP_TEXT.notText };
    }
    let header: Record<string, unknown>;
    try {
      header = JSON.parse(`${headText}}`) as Record<string, unknown>;
    } catch {
      return readWhole(src, head, keepRows);
    }
    if (!isRecord(header)) return { ok: false, message: BACKUP_TEXT.foreign };
    const refused = headerProblem(header);
    if (refused) return { ok: false, message: refused };

    // 2. The database part, streamed: hashed as it is, parsed row by row.
    const version = header.schemaVersion as number;
    const rows = new RowCollector(version, keepRows);
    const hash = sha256.create();
    hash.update(new TextEncoder().encode(checksumPrefix(header as unknown as BackupHeader)));
    const parser = new JSONParser({ paths: ['$.formatName', '$.data.data.*.tableName', '$.data.data.*.rows.*'], keepStack: false });
    let formatName: unknown;
    let table: string | undefined;
    let ended = false;
    parser.onValue = ({ value, key, stack }) => {
      if (stack.length === 1 && key === 'formatName') formatName = value;
      else if (key === 'tableName') table = rows.table(value);
      else if (table && typeof key === 'number') rows.add(table, value);
    };
    parser.onEnd = () => {
      ended = true;
    };
    let parseError: unknown;
    parser.onError = (e) => {
      parseError ??= e;
    };
    // The last byte of the file is the envelope's closing brace: held back from hash and parser.
    let held: Uint8Array = head.subarray(cut + DATABASE_KEY.length);
    const feed = (bytes: Uint8Array) => {
      if (bytes.length === 0 || parseError) return;
      hash.update(bytes);
      parser.write(bytes);
    };
    while ((piece = await src.read()) !== null) {
      const all = held.length ? concatBytes([held, piece]) : piece;
      const tail = trailingLength(all);
      feed(all.subarray(0, all.length - tail));
      held = all.slice(all.length - tail);
    }
    const keep = trailingLength(held);
    feed(held.subarray(0, held.length - keep));
    const tail = new TextDecoder().decode(held.subarray(held.length - keep)).trim();
    if (!parseError && !ended) {
      try {
        parser.end();
      } catch (e) {
        parseError ??= e;
      }
    }
    if (tail !== '}' || parseError || !ended) {
      console.warn('backup parse', parseError);
      return { ok: false, message: BACKUP_TEXT.truncated };
    }
    if (formatName !== 'dexie') return { ok: false, message: BACKUP_TEXT.damaged(DAMAGED_TEXT.noDatabase) };
    if (bytesToHex(hash.update(new TextEncoder().encode(']')).digest()) !== header.sha256) return { ok: false, message: BACKUP_TEXT.checksum };
    return finish(header, rows, src.size);
  } finally {
    await src.close?.();
  }
}

/**
 * The source, answering null again once it has ended. Main's reads (and the browser build's)
 * close at their end and refuse a read after it; a small file in another layout is read whole
 * after its header search has already reached the end.
 */
function endsOnce(src: ChunkSource): ChunkSource {
  let ended = false;
  return {
    size: src.size,
    read: async () => {
      if (ended) return null;
      const piece = await src.read();
      if (piece === null) ended = true;
      return piece;
    },
    close: () => src.close?.() ?? Promise.resolve(),
  };
}

/** How many bytes at the end are the closing brace and white space after it (held back while streaming). */
function trailingLength(b: Uint8Array): number {
  let n = 0;
  while (n < b.length && [0x20, 0x0a, 0x0d, 0x09].includes(b[b.length - 1 - n]!)) n++;
  return n < b.length && b[b.length - 1 - n] === 0x7d ? n + 1 : n;
}

/** The checked result, from the header and the rows read. */
function finish(header: Record<string, unknown>, rows: RowCollector, size: number): BackupCheck {
  const countProblem = rows.checkCounts(header.counts as Record<string, unknown>);
  if (countProblem) return { ok: false, message: countProblem };
  if (rows.problem) return { ok: false, message: rows.problem };
  for (const t of DERIVED_TABLES) rows.rows.delete(t);
  const { database: _db, ...head } = header as Record<string, unknown> & { database?: unknown };
  const backup = { ...(head as unknown as BackupHeader), rows: rows.rows } as BackupFile;
  return {
    ok: true,
    backup,
    preview: {
      createdAt: backup.createdAt,
      reason: backup.reason,
      district: backup.district,
      schemaVersion: backup.schemaVersion,
      counts: backup.counts,
      periods: [...rows.periods].sort(),
      size,
    },
  };
}

/** A file in another layout: read whole (when small) and parsed at once. */
async function readWhole(src: ChunkSource, head: Uint8Array, keep: boolean): Promise<BackupCheck> {
  if (src.size > MAX_WHOLE_FILE_BYTES) return { ok: false, message: BACKUP_TEXT.foreign };
  const parts = [head];
  let piece: Uint8Array | null;
  while ((piece = await src.read()) !== null) parts.push(piece);
  const bytes = concatBytes(parts);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, message: BACKUP_TEXT.notText };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const ours = text.trimStart().startsWith('{') && text.includes(`"format":"${BACKUP_FORMAT}"`);
    return { ok: false, message: ours ? BACKUP_TEXT.truncated : BACKUP_TEXT.foreign };
  }
  if (!isRecord(parsed)) return { ok: false, message: BACKUP_TEXT.foreign };
  const refused = headerProblem(parsed);
  if (refused) return { ok: false, message: refused };
  const f = parsed;
  const db = f.database;
  if (!isRecord(db) || db.formatName !== 'dexie' || !isRecord(db.data) || !Array.isArray(db.data.data))
    return { ok: false, message: BACKUP_TEXT.damaged(DAMAGED_TEXT.noDatabase) };
  const expected = await sha256Hex(new TextEncoder().encode(JSON.stringify([f.formatVersion, f.schemaVersion, f.createdAt, f.counts, db])));
  if (expected !== f.sha256) return { ok: false, message: BACKUP_TEXT.checksum };
  const rows = new RowCollector(f.schemaVersion as number, keep);
  for (const t of db.data.data as { tableName?: unknown; rows?: unknown }[]) {
    if (!isRecord(t) || !Array.isArray(t.rows)) return { ok: false, message: BACKUP_TEXT.damaged(DAMAGED_TEXT.badTable) };
    const name = rows.table(t.tableName);
    if (rows.problem) return { ok: false, message: rows.problem };
    for (const r of t.rows) rows.add(name!, r);
  }
  return finish(f, rows, src.size);
}

