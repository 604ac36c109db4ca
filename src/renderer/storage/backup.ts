/**
 * Backups of the whole store // 备份与恢复.
 *
 * A backup file is UTF-8 JSON: an envelope
 *   { format: 'district-ledger-backup', formatVersion, app, schemaVersion, createdAt, reason,
 *     district, counts, sha256, database }
 * where `database` has exactly the structure of a dexie-export-import export (formatName
 * 'dexie', formatVersion 1, tables with schema and rowCount, rows per table, binary values as
 * typeson `$types`), so a backup can also be read by dexie-export-import's importDB. The
 * sha256 covers formatVersion, schemaVersion, createdAt, counts and database.
 *
 * Reading a file never changes anything: a truncated, altered, foreign or newer file is
 * refused with a Chinese message. Restoring first takes a safety backup of the current state,
 * upgrades an older backup through the schema history in a scratch database, then replaces
 * every table in one transaction. The audit trail is append-only: restore merges it.
 */
import Dexie from 'dexie';
import { JSONParser } from '@streamparser/json';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { BackupFileInfo, BackupReason, BackupWriteRequest } from '@shared/bridge';
import type { AuditEntry } from '@core/model';
import { SETTING_KEYS } from '@core/model';
import { FORBIDDEN_KEYS, TABLE_NAMES, rowProblem } from '@core/records/schemas';
import { DB_NAME, LATEST_VERSION, LOCAL_TABLES, SCHEMA_HISTORY } from './schema';
import { createRawLedgerDb, type LedgerDb } from './db';
import { SUMMARY_TABLE } from './progress-summary';
import { runUnguarded } from './audit';
import { markRawReads } from './row-guard';
import { platform } from '../platform';

/** Persisted: the `format` of every backup file. Never change. */
export const BACKUP_FORMAT = 'district-ledger-backup';
/** Version of the envelope format this program writes and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 1;
const APP_NAME = '区级科创任务台账';

/** The part of a backup shown before restoring. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  app: string;
  schemaVersion: number;
  createdAt: string;
  reason: BackupReason;
  /** The district setting of the backed-up store. */
  district?: string;
  /** Rows per table. */
  counts: Record<string, number>;
  sha256: string;
}

/** dexie-export-import's structure (formatName 'dexie', version 1). */
export interface DexieExport {
  formatName: 'dexie';
  formatVersion: 1;
  data: {
    databaseName: string;
    databaseVersion: number;
    tables: { name: string; schema: string; rowCount: number }[];
    data: { tableName: string; inbound: boolean; rows: unknown[] }[];
  };
}

/** A backup file, read and verified: its header and every table's rows, decoded and checked. */
export interface BackupFile extends BackupHeader {
  rows: Map<string, unknown[]>;
}

/** A file read piece by piece (main's file stream, a browser File, or bytes in memory). */
export interface ChunkSource {
  size: number;
  /** The next piece; null at the end. */
  read(): Promise<Uint8Array | null>;
  close?(): Promise<void>;
}

/** What a verified file holds, for the preview before restoring. */
export interface BackupPreview {
  createdAt: string;
  reason: BackupReason;
  district?: string;
  schemaVersion: number;
  counts: Record<string, number>;
  /** Reporting periods that have progress, sorted. */
  periods: string[];
  size: number;
}

/** Result of reading a file: the backup and its preview, or why it was refused. */
export type BackupCheck = { ok: true; backup: BackupFile; preview: BackupPreview } | { ok: false; message: string };

/**
 * Where backups go: the platform bridge (main writes files through a stream), replaceable in
 * tests. A sink with the streaming methods gets the file piece by piece; one without gets it
 * whole through writeBackup.
 */
export interface BackupSink {
  writeBackup(req: BackupWriteRequest): Promise<BackupFileInfo | null>;
  /** Start a streamed write; null when there is no disk (the browser). */
  beginBackupWrite?(reason: BackupReason): Promise<string | null>;
  appendBackupChunk?(id: string, data: Uint8Array): Promise<void>;
  finishBackupWrite?(id: string): Promise<BackupFileInfo>;
}

/** A backup in memory as the pieces of its file (never one giant string). */
export interface BackupChunks {
  header: BackupHeader;
  chunks: Uint8Array[];
  size: number;
  /** The whole file in one array (tests and small stores; copies every piece). */
  readonly bytes: Uint8Array;
}

/**
 * A backup just taken: its suggested name and the file main wrote; in the browser (written
 * null) the file is in `blob`, to be offered as a download.
 */
export interface TakenBackup extends BackupChunks {
  fileName: string;
  written: BackupFileInfo | null;
  blob?: Blob;
}

/** Refusal texts, in one place. */
export const BACKUP_TEXT = {
  empty: '这个文件是空的，不是有效的备份文件。未做任何改动。',
  notText: '这个文件不是本程序的备份文件（不是文本格式的备份）。请选择以 .json 结尾、由“备份与恢复”生成的文件。未做任何改动。',
  truncated: '备份文件不完整，可能在复制或下载时被截断。请换一个备份文件（例如自动备份中的上一份）。未做任何改动。',
  foreign: '这个文件不是区级科创任务台账的备份文件（可能是其他程序导出的 JSON）。请选择由“备份与恢复”生成的文件。未做任何改动。',
  newerFormat: (v: number) =>
    `这个备份由更新版本的程序生成（备份格式第 ${v} 版），当前程序只能读取第 ${BACKUP_FORMAT_VERSION} 版。请先把本程序升级到最新版本再恢复。未做任何改动。`,
  newerSchema: (v: number) =>
    `这个备份来自更新版本的程序（数据结构第 ${v} 版，当前程序为第 ${LATEST_VERSION} 版）。请先把本程序升级到最新版本再恢复。未做任何改动。`,
  checksum: '备份文件已损坏或被修改过（校验值不一致），不能用来恢复。请换一个备份文件。未做任何改动。',
  damaged: (what: string) => `备份文件内容不完整或已损坏（${what}），不能用来恢复。请换一个备份文件。未做任何改动。`,
  safetyFailed: (why: string) => `恢复前无法先备份当前数据（${why}），为避免丢失数据，本次没有恢复。请检查磁盘空间后重试。`,
  badRow: (table: string, row: number, what: string) =>
    `备份文件中“${TABLE_NAMES[table] ?? table}”表的第 ${row} 条记录不正确（${what}），不能用来恢复。请换一个备份文件（例如自动备份中的上一份）。未做任何改动。`,
  duplicateRow: (table: string, row: number) =>
    `备份文件中“${TABLE_NAMES[table] ?? table}”表的第 ${row} 条记录与前面的记录编号重复，不能用来恢复。请换一个备份文件。未做任何改动。`,
  writeFailed: '恢复没有完成，台账保持恢复前的样子。请关闭其他打开本程序的窗口、检查磁盘空间后重试；如仍失败，请把这段说明发给技术支持。',
} as const;

// ---------------------------------------------------------------- encoding

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
    if (v < 0) throw new Error('二进制内容编码不正确');
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

/** Encode binary and dates the typeson way dexie-export-import uses (`$types` by key path). */
function encodeRow(row: unknown): unknown {
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
      throw new Error(`未知的数据类型“${type}”`);
  }
}

/** Decode a row written by encodeRow (or by dexie-export-import for these types). */
function decodeRow(row: unknown): unknown {
  if (!row || typeof row !== 'object' || !('$types' in row)) return row;
  const { $types, ...rest } = row as { $types: Record<string, string> } & Record<string, unknown>;
  if ('$' in rest && Object.keys(rest).length === 1) return reviveValue($types.$ as string, rest.$);
  const out = structuredClone(rest) as Record<string, unknown>;
  if (!isRecord($types)) throw new Error('类型表不是对象');
  for (const [path, type] of Object.entries($types)) {
    const parts = path.split('.').map(unescapeKey);
    // A path may only walk the row's own fields: `__proto__.archived` would reach every object.
    if (parts.some((p) => FORBIDDEN_KEYS.has(p))) throw new Error(`类型表含有不允许的路径“${path}”`);
    let parent: Record<string, unknown> = out;
    for (const p of parts.slice(0, -1)) {
      const next = Object.hasOwn(parent, p) ? parent[p] : undefined;
      if (!next || typeof next !== 'object') throw new Error(`类型表的路径“${path}”不存在`);
      parent = next as Record<string, unknown>;
    }
    const last = parts[parts.length - 1]!;
    if (!Object.hasOwn(parent, last)) throw new Error(`类型表的路径“${path}”不存在`);
    if (typeof type !== 'string') throw new Error(`类型表的路径“${path}”类型不对`);
    parent[last] = reviveValue(type, parent[last]);
  }
  return out;
}

// ---------------------------------------------------------------- checksum

/** SHA-256 of bytes, lower-case hex. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The checksum input of a file in this program's layout: `[fv,sv,createdAt,counts,` + database + `]`. */
function checksumPrefix(h: Pick<BackupHeader, 'formatVersion' | 'schemaVersion' | 'createdAt' | 'counts'>): string {
  return `[${JSON.stringify([h.formatVersion, h.schemaVersion, h.createdAt, h.counts]).slice(1, -1)},`;
}

// ---------------------------------------------------------------- export

function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Tables not written to backups: computed from others (rebuilt by storage when their source
 * is restored) or local to this installation (unsaved drafts; emptied by a restore, so that
 * old typing is never written over the restored data).
 */
const DERIVED_TABLES: ReadonlySet<string> = new Set([SUMMARY_TABLE, ...LOCAL_TABLES]);

function tableSchema(t: Dexie['tables'][number]): string {
  return [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',');
}

/** Rows read per request while exporting. */
const EXPORT_PAGE = 2000;
/** Size of each piece of an exported file. */
const CHUNK_CHARS = 1 << 20;

function chunked(header: BackupHeader, chunks: Uint8Array[]): BackupChunks {
  let whole: Uint8Array | undefined;
  return {
    header,
    chunks,
    size: chunks.reduce((n, c) => n + c.length, 0),
    get bytes() {
      return (whole ??= concatBytes(chunks));
    },
  };
}

/**
 * Export the whole store (any Dexie database) as backup pieces. The rows are read page by page
 * in one read transaction (a consistent snapshot) and encoded as they come, so memory holds the
 * encoded file and one page of rows, never the whole store as objects and again as a string.
 * The bytes are exactly those of JSON.stringify of the envelope (the format is unchanged).
 */
export async function createBackup(db: Dexie, reason: BackupReason): Promise<BackupChunks> {
  if (!db.isOpen()) await db.open();
  const tables = db.tables.filter((t) => !DERIVED_TABLES.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const enc = new TextEncoder();
  const dbChunks: Uint8Array[] = [];
  let pending = '';
  const push = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK_CHARS) {
      dbChunks.push(enc.encode(pending));
      pending = '';
    }
  };
  const counts: Record<string, number> = {};
  let district: string | undefined;
  await db.transaction('r', tables, async (tx) => {
    // Every row exactly as stored, malformed ones too: a backup never loses anything.
    markRawReads(tx);
    for (const t of tables) counts[t.name] = await t.count();
    const tableList = tables.map((t) => ({ name: t.name, schema: tableSchema(t), rowCount: counts[t.name]! }));
    push(`{"formatName":"dexie","formatVersion":1,"data":{"databaseName":${JSON.stringify(db.name)},"databaseVersion":${JSON.stringify(db.verno)},"tables":${JSON.stringify(tableList)},"data":[`);
    for (const [ti, t] of tables.entries()) {
      const keyPath = t.schema.primKey.keyPath;
      push(`${ti ? ',' : ''}{"tableName":${JSON.stringify(t.name)},"inbound":${keyPath != null},"rows":[`);
      let n = 0;
      if (keyPath == null || Array.isArray(keyPath)) {
        for (const row of await t.toArray()) push(`${n++ ? ',' : ''}${JSON.stringify(encodeRow(row))}`);
      } else {
        // Page by primary key: each request reads the next EXPORT_PAGE rows after the last one.
        let last: unknown;
        for (;;) {
          const page = last === undefined ? await t.orderBy(':id').limit(EXPORT_PAGE).toArray() : await t.where(':id').above(last).limit(EXPORT_PAGE).toArray();
          for (const row of page) push(`${n++ ? ',' : ''}${JSON.stringify(encodeRow(row))}`);
          if (page.length < EXPORT_PAGE) break;
          last = Dexie.getByKeyPath(page[page.length - 1], keyPath);
        }
      }
      if (n !== counts[t.name]) throw new Error(BACKUP_TEXT.damaged(`数据表“${t.name}”读取的条数与统计不符`));
      push(']}');
      if (t.name === 'settings') {
        const row = (await t.get(SETTING_KEYS.district)) as { value?: unknown } | undefined;
        if (typeof row?.value === 'string') district = row.value;
      }
    }
    push(']}}');
  });
  if (pending) dbChunks.push(enc.encode(pending));
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: APP_NAME,
    schemaVersion: db.verno,
    createdAt: new Date().toISOString(),
    reason,
    district,
    counts,
    sha256: '',
  };
  // The checksum input in one buffer for WebCrypto (native, ~20× faster than hashing in JS);
  // it is dropped at once, so the peak stays about twice the file.
  header.sha256 = await sha256Hex(concatBytes([enc.encode(checksumPrefix(header)), ...dbChunks, enc.encode(']')]));
  const headJson = JSON.stringify(header);
  return chunked(header, [enc.encode(`${headJson.slice(0, -1)},"database":`), ...dbChunks, enc.encode('}')]);
}

/** The file name offered for a backup: 台账备份_汉阳区_2025-10-08_0930.json. */
export function backupFileName(header: Pick<BackupHeader, 'createdAt' | 'district'>): string {
  const d = new Date(header.createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `台账备份_${header.district ?? '未选区'}_${stamp}.json`;
}

function defaultSink(): BackupSink {
  return platform();
}

/** Take a backup and hand it to main (a file in userData/backups); in the browser `written` is null. */
export async function takeBackup(db: Dexie, reason: BackupReason, sink: BackupSink = defaultSink()): Promise<TakenBackup> {
  const backup = await createBackup(db, reason);
  const written = await writeToSink(sink, reason, backup);
  const fileName = written?.name ?? backupFileName(backup.header);
  if (written) return Object.assign(backup, { fileName, written });
  // No disk (the browser): the pieces move into a Blob (the browser keeps it outside the page's
  // memory) until the page offers it as a download.
  const blob = new Blob(backup.chunks as unknown as BlobPart[], { type: 'application/json' });
  return { header: backup.header, chunks: [], size: backup.size, blob, fileName, written, get bytes(): Uint8Array {
    throw new Error('the backup is in `blob`');
  } };
}

/** Hand the pieces to main's file stream one by one (or whole, to a sink without one). */
export async function writeToSink(sink: BackupSink, reason: BackupReason, backup: BackupChunks): Promise<BackupFileInfo | null> {
  if (!sink.beginBackupWrite || !sink.appendBackupChunk || !sink.finishBackupWrite) return sink.writeBackup({ reason, data: backup.bytes });
  const id = await sink.beginBackupWrite(reason);
  if (id === null) return null;
  for (const c of backup.chunks) await sink.appendBackupChunk(id, c);
  return sink.finishBackupWrite(id);
}

/** The backup taken before every import. */
export function backupBeforeImport(db: Dexie, sink?: BackupSink): Promise<TakenBackup> {
  return takeBackup(db, 'before-import', sink);
}

/** Local calendar date of an ISO time, `YYYY-MM-DD`. */
function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Take today's daily backup unless one exists (desktop only: the browser has no backup
 * folder). Returns the backup taken, or null when none was needed or possible.
 */
export async function ensureDailyBackup(
  db: Dexie,
  sink: BackupSink & { listBackups(): Promise<BackupFileInfo[]> } = platform(),
  now = new Date(),
): Promise<TakenBackup | null> {
  const today = localDay(now.toISOString());
  const existing = await sink.listBackups();
  if (existing.some((b) => b.reason === 'daily' && localDay(b.at) === today)) return null;
  const taken = await takeBackup(db, 'daily', sink);
  return taken.written ? taken : null;
}

/**
 * Before the schema is upgraded, back up the store as it is on disk (opened without a
 * schema, at its stored version). No-op when the store is new or already current.
 */
export async function backupBeforeUpgrade(name: string = DB_NAME, sink: BackupSink = defaultSink()): Promise<TakenBackup | null> {
  if (!(await Dexie.exists(name))) return null;
  const old = new Dexie(name);
  try {
    await old.open();
    if (old.verno >= LATEST_VERSION) return null;
    return await takeBackup(old, 'before-upgrade', sink);
  } finally {
    old.close();
  }
}

// ---------------------------------------------------------------- verify

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array, chunkSize = 1 << 20): ChunkSource {
  let at = 0;
  return {
    size: bytes.length,
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
  return { name: h.name, source: { size: h.size, read: () => bridge.readBackupChunk(h.id), close: () => bridge.closeBackupRead(h.id) } };
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
  if (typeof f.formatVersion !== 'number') return BACKUP_TEXT.damaged('缺少格式版本');
  if (f.formatVersion > BACKUP_FORMAT_VERSION) return BACKUP_TEXT.newerFormat(f.formatVersion);
  if (typeof f.schemaVersion !== 'number') return BACKUP_TEXT.damaged('缺少数据结构版本');
  if (f.schemaVersion > LATEST_VERSION) return BACKUP_TEXT.newerSchema(f.schemaVersion);
  if (typeof f.createdAt !== 'string' || !isRecord(f.counts) || typeof f.sha256 !== 'string') return BACKUP_TEXT.damaged('缺少备份时间、条数或校验值');
  if (!SCHEMA_HISTORY.some((s) => s.version === f.schemaVersion)) return BACKUP_TEXT.damaged(`未知的数据结构版本 ${f.schemaVersion}`);
  return undefined;
}

/** Collects the rows of a file as they are parsed: decoded, checked, counted. */
class RowCollector {
  readonly rows = new Map<string, unknown[]>();
  private readonly seen = new Map<string, Set<unknown>>();
  private readonly keys = new Map<string, string | undefined>();
  problem: string | undefined;
  readonly periods = new Set<string>();
  constructor(private readonly version: number) {}

  table(name: unknown): string | undefined {
    if (typeof name !== 'string') return (this.problem ??= BACKUP_TEXT.damaged('数据表格式不对')), undefined;
    if (!knownTables(this.version).has(name)) return (this.problem ??= BACKUP_TEXT.damaged(`含有本程序不认识的数据表“${name}”`)), undefined;
    if (!this.rows.has(name)) this.rows.set(name, []);
    return name;
  }

  add(table: string, raw: unknown): void {
    const list = this.rows.get(table)!;
    const index = list.length + 1;
    if (DERIVED_TABLES.has(table)) return void list.push(undefined);
    let row: unknown;
    try {
      row = decodeRow(raw);
    } catch (e) {
      this.problem ??= BACKUP_TEXT.badRow(table, index, e instanceof Error ? e.message : String(e));
      return void list.push(undefined);
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
    list.push(row);
  }

  /** Counts in the header against the rows read. */
  checkCounts(counts: Record<string, unknown>): string | undefined {
    for (const [name, list] of this.rows) if (counts[name] !== list.length) return BACKUP_TEXT.damaged(`数据表“${name}”的条数与记录不符`);
    return undefined;
  }
}

/**
 * Read and verify a backup piece by piece. Never changes anything. A file in this program's
 * layout is parsed as a stream: the header first, then each row as it arrives (decoded,
 * checked against its table's schema, counted), the checksum computed over the same bytes;
 * memory holds the decoded rows and one piece, never the file as one string. A file in another
 * layout (pretty-printed, dexie-export-import) is read whole when it is small.
 */
export async function readBackupStream(src: ChunkSource): Promise<BackupCheck> {
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
    if (cut < 0) return readWhole(src, head);
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
      return readWhole(src, head);
    }
    if (!isRecord(header)) return { ok: false, message: BACKUP_TEXT.foreign };
    const refused = headerProblem(header);
    if (refused) return { ok: false, message: refused };

    // 2. The database part, streamed: hashed as it is, parsed row by row.
    const version = header.schemaVersion as number;
    const rows = new RowCollector(version);
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
    if (formatName !== 'dexie') return { ok: false, message: BACKUP_TEXT.damaged('缺少数据部分') };
    if (bytesToHex(hash.update(new TextEncoder().encode(']')).digest()) !== header.sha256) return { ok: false, message: BACKUP_TEXT.checksum };
    return finish(header, rows, src.size);
  } finally {
    await src.close?.();
  }
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
async function readWhole(src: ChunkSource, head: Uint8Array): Promise<BackupCheck> {
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
    return { ok: false, message: BACKUP_TEXT.damaged('缺少数据部分') };
  const expected = await sha256Hex(new TextEncoder().encode(JSON.stringify([f.formatVersion, f.schemaVersion, f.createdAt, f.counts, db])));
  if (expected !== f.sha256) return { ok: false, message: BACKUP_TEXT.checksum };
  const rows = new RowCollector(f.schemaVersion as number);
  for (const t of db.data.data as { tableName?: unknown; rows?: unknown }[]) {
    if (!isRecord(t) || !Array.isArray(t.rows)) return { ok: false, message: BACKUP_TEXT.damaged('数据表格式不对') };
    const name = rows.table(t.tableName);
    if (rows.problem) return { ok: false, message: rows.problem };
    for (const r of t.rows) rows.add(name!, r);
  }
  return finish(f, rows, src.size);
}

/** Primary key path of a table at a schema version ('' for an auto-incremented key such as audit's seq). */
function primaryKeyOf(table: string, version: number): string | undefined {
  let spec: string | undefined;
  for (const step of SCHEMA_HISTORY) {
    if (step.version > version) break;
    const s = step.stores[table];
    if (s !== undefined) spec = s ?? undefined;
  }
  const pk = spec?.split(',')[0]?.trim();
  return pk?.startsWith('++') ? '' : pk;
}

/** Table names that exist at a schema version. */
function knownTables(version: number): Set<string> {
  const names = new Set<string>();
  for (const step of SCHEMA_HISTORY) {
    if (step.version > version) break;
    for (const [name, spec] of Object.entries(step.stores)) {
      if (spec === null) names.delete(name);
      else names.add(name);
    }
  }
  return names;
}

// ---------------------------------------------------------------- restore

/** The rows of a verified backup per table, upgraded to the newest schema. */
async function rowsAtLatest(backup: BackupFile): Promise<Map<string, unknown[]>> {
  const decoded = backup.rows;
  if (backup.schemaVersion === LATEST_VERSION) return decoded;
  // Older backup: write it into a scratch database at its own version, then let the
  // schema history upgrade it, exactly as an officer's store is upgraded.
  const scratchName = `ledger-restore-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const older = createRawLedgerDb(scratchName, SCHEMA_HISTORY.filter((s) => s.version <= backup.schemaVersion));
  try {
    await older.open();
    await older.transaction('rw', older.tables, async () => {
      for (const [name, rows] of decoded) await older.table(name).bulkAdd(rows);
    });
    older.close();
    const latest = createRawLedgerDb(scratchName);
    await latest.open();
    const out = new Map<string, unknown[]>();
    for (const t of latest.tables) out.set(t.name, await t.toArray());
    latest.close();
    return out;
  } finally {
    await Dexie.delete(scratchName);
  }
}

/** Rows written per request while restoring. */
const RESTORE_PAGE = 2000;

/** What a restore did. */
export interface RestoreResult {
  /** The safety backup of the state before the restore. */
  safety: TakenBackup;
  counts: Record<string, number>;
}

/**
 * Restore a verified backup: first a safety backup of the current state (refuses to go on
 * if that fails), then every table replaced in one transaction; audit rows are merged
 * (the trail is append-only) and the restore itself is recorded.
 */
export async function restoreBackup(db: LedgerDb, backup: BackupFile, opts: { sink?: BackupSink; by?: string } = {}): Promise<RestoreResult> {
  let safety: TakenBackup;
  try {
    safety = await takeBackup(db, 'before-restore', opts.sink);
  } catch (e) {
    throw new Error(BACKUP_TEXT.safetyFailed(e instanceof Error ? e.message : String(e)));
  }
  const counts: Record<string, number> = {};
  try {
    const rows = await rowsAtLatest(backup);
    const names = db.tables.map((t) => t.name);
    await runUnguarded(db, names, async () => {
      for (const name of names) {
        // progressSummary follows the progress rows written here (progressSummaryMiddleware).
        if (LOCAL_TABLES.has(name)) await db.table(name).clear();
        if (name === 'audit' || DERIVED_TABLES.has(name)) continue;
        const table = db.table(name);
        await table.clear();
        const incoming = rows.get(name) ?? [];
        // In pages: each page's copies go to the database before the next is made.
        for (let i = 0; i < incoming.length; i += RESTORE_PAGE) await table.bulkAdd(incoming.slice(i, i + RESTORE_PAGE));
        counts[name] = incoming.length;
      }
      const current = await db.audit.toArray();
      const bySeq = new Map(current.map((a) => [a.seq, JSON.stringify(a)]));
      const incoming = (rows.get('audit') ?? []) as AuditEntry[];
      const missing = incoming.filter((a) => bySeq.get(a.seq) !== JSON.stringify(a));
      const keepSeq = missing.filter((a) => !bySeq.has(a.seq));
      const reSeq = missing.filter((a) => bySeq.has(a.seq)).map(({ seq: _seq, ...rest }) => rest);
      await db.audit.bulkAdd([...keepSeq, ...reSeq]);
      await db.audit.add({
        at: new Date().toISOString(),
        entity: 'import',
        entityId: 'restore',
        field: WHOLE_STORE,
        oldValue: { safetyBackup: safety.fileName, counts: safety.header.counts },
        newValue: { backupCreatedAt: backup.createdAt, counts: backup.counts },
        by: opts.by ?? '',
        reason: 'restore',
      });
      counts.audit = await db.audit.count();
    });
  } catch (e) {
    // IndexedDB's own (English) text goes to the log; the officer gets what happened and what to do.
    console.error('restore failed', e);
    throw new Error(BACKUP_TEXT.writeFailed);
  }
  return { safety, counts };
}

/** The field name of the audit row that records a restore. */
export const WHOLE_STORE = '全部数据';
