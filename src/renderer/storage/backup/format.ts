/**
 * The backup file format // 备份文件格式.
 *
 * A backup file is UTF-8 JSON: an envelope
 *   { format: 'district-ledger-backup', formatVersion, app, schemaVersion, createdAt, reason,
 *     district, counts, sha256, database }
 * where `database` has exactly the structure of a dexie-export-import export (formatName
 * 'dexie', formatVersion 1, tables with schema and rowCount, rows per table, binary values as
 * typeson `$types`), so a backup can also be read by dexie-export-import's importDB. The
 * sha256 covers formatVersion, schemaVersion, createdAt, counts and database.
 */
import type { BackupFileInfo, BackupReason, BackupWriteRequest } from '@shared/bridge';
import { LOCAL_TABLES, SCHEMA_HISTORY } from '../schema';
import { SUMMARY_TABLE } from '../progress-summary';
import { HEADS_TABLE } from '../task-heads';

/** Persisted: the `format` of every backup file. Never change. */
export const BACKUP_FORMAT = 'district-ledger-backup';
/** Version of the envelope format this program writes and the newest it reads. */
export const BACKUP_FORMAT_VERSION = 1;
/** Persisted: the `app` of every backup file (backup/format-texts.ts). */
export { APP_NAME } from './format-texts';

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
  /** The same file again from its start, as a new source (the restore's second read). */
  reopen?(): Promise<ChunkSource>;
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

/**
 * Tables not written to backups: computed from others (rebuilt by storage when their source
 * is restored) or local to this installation (unsaved drafts; emptied by a restore, so that
 * old typing is never written over the restored data).
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set([SUMMARY_TABLE, HEADS_TABLE, ...LOCAL_TABLES]);

/** SHA-256 of bytes, lower-case hex. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The checksum input of a file in this program's layout: `[fv,sv,createdAt,counts,` + database + `]`. */
export function checksumPrefix(h: Pick<BackupHeader, 'formatVersion' | 'schemaVersion' | 'createdAt' | 'counts'>): string {
  return `[${JSON.stringify([h.formatVersion, h.schemaVersion, h.createdAt, h.counts]).slice(1, -1)},`;
}

/** All parts in one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Primary key path of a table at a schema version ('' for an auto-incremented key such as audit's seq). */
export function primaryKeyOf(table: string, version: number): string | undefined {
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
export function knownTables(version: number): Set<string> {
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
