/**
 * The backups the app takes by itself and by the officer's hand: now (备份), before an
 * import, before a schema upgrade; each handed to the platform's backup folder (or, in the
 * browser, kept in a Blob to be downloaded). The daily and on-close backups are main's
 * requests, answered in Boot.tsx.
 */
import Dexie from 'dexie';
import type { BackupFileInfo, BackupReason } from '@shared/bridge';
import { DB_NAME, LATEST_VERSION } from '../schema';
import { platform } from '../../platform';
import type { BackupChunks, BackupHeader, BackupSink, TakenBackup } from './format';
import { createBackup } from './write';
import { BACKUP_FILE_PREFIX, NO_DISTRICT } from './texts';

/** The file name offered for a backup: 台账备份_汉阳区_2025-10-08_0930.json. */
export function backupFileName(header: Pick<BackupHeader, 'createdAt' | 'district'>): string {
  const d = new Date(header.createdAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}_${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `${BACKUP_FILE_PREFIX}_${header.district ?? NO_DISTRICT}_${stamp}.json`;
}

function defaultSink(): BackupSink {
  return platform();
}

/**
 * Take a backup and hand it to main (a file in userData/backups); in the browser `written` is
 * null. What comes back keeps the backup's header, size and name, not its bytes: they have left
 * the page (to main's file, or to a Blob), so a restore that goes on after its safety backup
 * does not hold a second copy of the store while it writes.
 */
export async function takeBackup(db: Dexie, reason: BackupReason, sink: BackupSink = defaultSink()): Promise<TakenBackup> {
  const backup = await createBackup(db, reason);
  const written = await writeToSink(sink, reason, backup);
  const fileName = written?.name ?? backupFileName(backup.header);
  // No disk (the browser): the pieces move into a Blob (the browser keeps it outside the page's
  // memory) until the page offers it as a download.
  const blob = written ? undefined : new Blob(backup.chunks as unknown as BlobPart[], { type: 'application/json' });
  return {
    header: backup.header,
    chunks: [],
    size: backup.size,
    fileName,
    written,
    ...(blob ? { blob } : {}),
    get bytes(): Uint8Array {
      throw new Error(blob ? 'the backup is in `blob`' : 'the backup was handed to main: read its file');
    },
  };
}

/** Hand the pieces to main's file stream one by one (or whole, to a sink without one). */
export async function writeToSink(sink: BackupSink, reason: BackupReason, backup: BackupChunks): Promise<BackupFileInfo | null> {
  if (!sink.beginBackupWrite || !sink.appendBackupChunk || !sink.finishBackupWrite) return sink.writeBackup({ reason, data: backup.bytes });
  const id = await sink.beginBackupWrite(reason);
  if (id === null) return null;
  // A piece is a view into the writer's one buffer: each is sent as a copy of its own bytes, so
  // no structured clone on the way can take the whole buffer along with it.
  for (const c of backup.chunks) await sink.appendBackupChunk(id, c.byteLength === c.buffer.byteLength ? c : c.slice());
  return sink.finishBackupWrite(id);
}

/** The backup taken before every import. */
export function backupBeforeImport(db: Dexie, sink?: BackupSink): Promise<TakenBackup> {
  return takeBackup(db, 'before-import', sink);
}

/** Local calendar date of an ISO time, `YYYY-MM-DD`. */
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

