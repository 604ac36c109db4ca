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
import type { BackupFileInfo, BackupReason, BackupWriteRequest } from '@shared/bridge';
import type { AuditEntry } from '@core/model';
import { SETTING_KEYS } from '@core/model';
import { FORBIDDEN_KEYS, TABLE_NAMES, rowProblem } from '@core/records/schemas';
import { DB_NAME, LATEST_VERSION, LOCAL_TABLES, SCHEMA_HISTORY } from './schema';
import { LedgerDb } from './db';
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

/** A whole backup file, parsed and verified. */
export interface BackupFile extends BackupHeader {
  database: DexieExport;
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

/** Where backups go: the platform bridge (main writes files), replaceable in tests. */
export interface BackupSink {
  writeBackup(req: BackupWriteRequest): Promise<BackupFileInfo | null>;
}

/** A backup just taken: its bytes and suggested name, and the file main wrote (null in the browser). */
export interface TakenBackup {
  header: BackupHeader;
  bytes: Uint8Array;
  fileName: string;
  written: BackupFileInfo | null;
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

function checksumInput(h: Pick<BackupFile, 'formatVersion' | 'schemaVersion' | 'createdAt' | 'counts' | 'database'>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify([h.formatVersion, h.schemaVersion, h.createdAt, h.counts, h.database]));
}

// ---------------------------------------------------------------- export

function concatBytes(...parts: Uint8Array[]): Uint8Array {
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

/** Export the whole store (any Dexie database) as backup bytes. */
export async function createBackup(db: Dexie, reason: BackupReason): Promise<{ header: BackupHeader; bytes: Uint8Array }> {
  if (!db.isOpen()) await db.open();
  const tables = db.tables.filter((t) => !DERIVED_TABLES.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const rowsByTable = await db.transaction('r', tables, (tx) => {
    // Every row exactly as stored, malformed ones too: a backup never loses anything.
    markRawReads(tx);
    return Promise.all(tables.map((t) => t.toArray()));
  });
  const counts: Record<string, number> = {};
  tables.forEach((t, i) => (counts[t.name] = rowsByTable[i]!.length));
  const database: DexieExport = {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: db.name,
      databaseVersion: db.verno,
      tables: tables.map((t, i) => ({ name: t.name, schema: tableSchema(t), rowCount: rowsByTable[i]!.length })),
      data: tables.map((t, i) => ({ tableName: t.name, inbound: t.schema.primKey.keyPath != null, rows: rowsByTable[i]!.map(encodeRow) })),
    },
  };
  const settings = tables.find((t) => t.name === 'settings');
  const districtRow = settings ? ((await settings.get(SETTING_KEYS.district)) as { value?: unknown } | undefined) : undefined;
  const base = { formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: db.verno, createdAt: new Date().toISOString(), counts, database };
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: base.formatVersion,
    app: APP_NAME,
    schemaVersion: base.schemaVersion,
    createdAt: base.createdAt,
    reason,
    district: typeof districtRow?.value === 'string' ? districtRow.value : undefined,
    counts,
    sha256: '',
  };
  // The database part is stringified and encoded once and shared by the checksum input and the
  // file (byte for byte what checksumInput and JSON.stringify of the whole file give).
  const enc = new TextEncoder();
  const dbBytes = enc.encode(JSON.stringify(database));
  const wrap = (head: string, tail: string) => concatBytes(enc.encode(head), dbBytes, enc.encode(tail));
  header.sha256 = await sha256Hex(wrap(`[${JSON.stringify([base.formatVersion, base.schemaVersion, base.createdAt, base.counts]).slice(1, -1)},`, ']'));
  const headJson = JSON.stringify(header);
  return { header, bytes: wrap(`${headJson.slice(0, -1)},"database":`, '}') };
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
  const { header, bytes } = await createBackup(db, reason);
  const written = await sink.writeBackup({ reason, data: bytes });
  return { header, bytes, fileName: written?.name ?? backupFileName(header), written };
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

/** Read and verify a backup file. Never changes anything. */
export async function readBackupFile(bytes: Uint8Array): Promise<BackupCheck> {
  if (bytes.length === 0) return { ok: false, message: BACKUP_TEXT.empty };
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
  if (!isRecord(parsed) || parsed.format !== BACKUP_FORMAT) return { ok: false, message: BACKUP_TEXT.foreign };
  const f = parsed;
  if (typeof f.formatVersion !== 'number') return { ok: false, message: BACKUP_TEXT.damaged('缺少格式版本') };
  if (f.formatVersion > BACKUP_FORMAT_VERSION) return { ok: false, message: BACKUP_TEXT.newerFormat(f.formatVersion) };
  if (typeof f.schemaVersion !== 'number') return { ok: false, message: BACKUP_TEXT.damaged('缺少数据结构版本') };
  if (f.schemaVersion > LATEST_VERSION) return { ok: false, message: BACKUP_TEXT.newerSchema(f.schemaVersion) };
  if (typeof f.createdAt !== 'string' || !isRecord(f.counts) || typeof f.sha256 !== 'string')
    return { ok: false, message: BACKUP_TEXT.damaged('缺少备份时间、条数或校验值') };
  const db = f.database;
  if (!isRecord(db) || db.formatName !== 'dexie' || !isRecord(db.data) || !Array.isArray(db.data.data))
    return { ok: false, message: BACKUP_TEXT.damaged('缺少数据部分') };
  const expected = await sha256Hex(checksumInput(f as unknown as BackupFile));
  if (expected !== f.sha256) return { ok: false, message: BACKUP_TEXT.checksum };

  const step = SCHEMA_HISTORY.find((s) => s.version === f.schemaVersion);
  if (!step) return { ok: false, message: BACKUP_TEXT.damaged(`未知的数据结构版本 ${f.schemaVersion}`) };
  const known = knownTables(f.schemaVersion);
  const tables = db.data.data as { tableName?: unknown; rows?: unknown }[];
  for (const t of tables) {
    if (typeof t.tableName !== 'string' || !Array.isArray(t.rows)) return { ok: false, message: BACKUP_TEXT.damaged('数据表格式不对') };
    if (!known.has(t.tableName)) return { ok: false, message: BACKUP_TEXT.damaged(`含有本程序不认识的数据表“${t.tableName}”`) };
    if ((f.counts as Record<string, unknown>)[t.tableName] !== t.rows.length)
      return { ok: false, message: BACKUP_TEXT.damaged(`数据表“${t.tableName}”的条数与记录不符`) };
  }
  for (const t of tables as { tableName: string; rows: unknown[] }[]) {
    const problem = checkRows(t.tableName, t.rows, f.schemaVersion);
    if (problem) return { ok: false, message: problem };
  }
  const backup = f as unknown as BackupFile;
  const progress = backup.database.data.data.find((t) => t.tableName === 'progress')?.rows ?? [];
  const periods = [...new Set(progress.map((r) => (r as { periodId?: string }).periodId).filter((p): p is string => !!p))].sort();
  return {
    ok: true,
    backup,
    preview: {
      createdAt: backup.createdAt,
      reason: backup.reason,
      district: backup.district,
      schemaVersion: backup.schemaVersion,
      counts: backup.counts,
      periods,
      size: bytes.length,
    },
  };
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

/**
 * Every row of a table decoded and checked against the table's schema (core/records), and
 * primary keys unique: the first bad row is named in the refusal. Derived tables are skipped
 * (rebuilt on restore).
 */
function checkRows(table: string, rows: unknown[], version: number): string | undefined {
  if (DERIVED_TABLES.has(table)) return undefined;
  const pk = primaryKeyOf(table, version);
  const seen = new Set<unknown>();
  for (let i = 0; i < rows.length; i++) {
    let row: unknown;
    try {
      row = decodeRow(rows[i]);
    } catch (e) {
      return BACKUP_TEXT.badRow(table, i + 1, e instanceof Error ? e.message : String(e));
    }
    const problem = rowProblem(table, row);
    if (problem) return BACKUP_TEXT.badRow(table, i + 1, problem);
    if (pk && isRecord(row)) {
      const key = row[pk];
      if (seen.has(key)) return BACKUP_TEXT.duplicateRow(table, i + 1);
      seen.add(key);
    }
  }
  return undefined;
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
  const decoded = new Map(backup.database.data.data.map((t) => [t.tableName, t.rows.map(decodeRow)]));
  if (backup.schemaVersion === LATEST_VERSION) return decoded;
  // Older backup: write it into a scratch database at its own version, then let the
  // schema history upgrade it, exactly as an officer's store is upgraded.
  const scratchName = `ledger-restore-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const older = new LedgerDb(scratchName, SCHEMA_HISTORY.filter((s) => s.version <= backup.schemaVersion));
  try {
    await older.open();
    await older.transaction('rw', older.tables, async () => {
      for (const [name, rows] of decoded) await older.table(name).bulkAdd(rows);
    });
    older.close();
    const latest = new LedgerDb(scratchName);
    await latest.open();
    const out = new Map<string, unknown[]>();
    for (const t of latest.tables) out.set(t.name, await t.toArray());
    latest.close();
    return out;
  } finally {
    await Dexie.delete(scratchName);
  }
}

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
        await table.bulkAdd(incoming);
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
