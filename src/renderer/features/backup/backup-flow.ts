/**
 * The backup page's flows as plain functions (testable without React): back up now, open and
 * check a file, restore it after the preview. BackupPage renders their results.
 */
import { BACKUP_TEXT, clearSkippedRows, openBackupSource, readBackupStream, readSetting, restoreBackup, takeBackup, type BackupFile, type BackupPreview, type BackupSink, type ChunkSource, type LedgerDb, type TakenBackup } from '../../storage';
import { downloadParts } from '../../platform';

/** A checked file waiting for the officer's confirmation. */
export interface PendingRestore {
  /**
   * The file verified and its rows read again after the safety backup (see restoreBackup), or,
   * for a source that cannot be opened again, the verified file with its rows.
   */
  file: BackupFile | (() => Promise<BackupFile>);
  preview: BackupPreview;
  /** The file's name, as shown. */
  source: string;
}

/** A file checked: ready to restore, or refused with the reason. */
export type CheckOutcome = { ok: true; pending: PendingRestore } | { ok: false; message: string };

/** What "back up now" did: a file in the backup folder, or (the browser) a download offered. */
export type BackupNowOutcome = { kind: 'written'; name: string } | { kind: 'downloaded'; fileName: string };

/** How a backup without a disk is offered to the officer (the browser build: a download). */
export type OfferCopy = (taken: TakenBackup) => void;

/** The browser build has no backup folder: the pieces are offered as one download. */
export const downloadCopy: OfferCopy = (taken) => downloadParts(taken.fileName, taken.blob ? [taken.blob] : taken.chunks);

/** Back up the store now (备份): to the backup folder, or offered as a download. */
export async function backUpNow(db: LedgerDb, opts: { sink?: BackupSink; offer?: OfferCopy } = {}): Promise<BackupNowOutcome> {
  const taken = await takeBackup(db, 'manual', opts.sink);
  if (taken.written) return { kind: 'written', name: taken.written.name };
  (opts.offer ?? downloadCopy)(taken);
  return { kind: 'downloaded', fileName: taken.fileName };
}

/**
 * Read and verify a file piece by piece (never changes anything). A file that can be opened
 * again keeps no rows while it waits for the officer: the restore reads it again after its
 * safety backup and goes on only if it is still the file checked (same checksum).
 */
export async function checkBackup(src: ChunkSource, source: string): Promise<CheckOutcome> {
  const reopen = src.reopen?.bind(src);
  const res = await readBackupStream(src, { rows: !reopen });
  if (!res.ok) return { ok: false, message: res.message };
  const checked = res.backup.sha256;
  const file = reopen
    ? async () => {
        const again = await readBackupStream(await reopen());
        if (!again.ok) throw new Error(again.message);
        if (again.backup.sha256 !== checked) throw new Error(BACKUP_TEXT.changedSinceCheck(source));
        return again.backup;
      }
    : res.backup;
  return { ok: true, pending: { file, preview: res.preview, source } };
}

/** Open a listed backup by name, or (null) one the officer chooses, for checkBackup; null when canceled. */
export function openBackup(name: string | null, title: string): Promise<{ name: string; source: ChunkSource } | null> {
  return openBackupSource(name, title);
}

/** What a confirmed restore did. */
export interface RestoreDone {
  /** Name of the safety backup of the state before (in the backup folder, or downloaded). */
  safetyName: string;
  /** Rows now in each table. */
  counts: Record<string, number>;
}

/**
 * Restore a checked file: a safety backup first (offered as a download when there is no
 * disk), every table replaced, recorded in the audit trail under the officer's 填报人 name; the
 * notice of damaged rows is cleared (a row still bad is reported again when read).
 */
export async function confirmRestore(db: LedgerDb, pending: PendingRestore, opts: { sink?: BackupSink; offer?: OfferCopy } = {}): Promise<RestoreDone> {
  const by = await readSetting(db, 'filledBy');
  const { safety, counts } = await restoreBackup(db, pending.file, { by, sink: opts.sink });
  clearSkippedRows();
  if (!safety.written) (opts.offer ?? downloadCopy)(safety);
  return { safetyName: safety.fileName, counts };
}
