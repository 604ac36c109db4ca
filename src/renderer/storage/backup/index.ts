/**
 * Backups of the whole store // 备份与恢复: the file format (format.ts), one row's encoding
 * (row-codec.ts), writing (write.ts), the backups the app takes (take.ts), reading and
 * verifying a file (read.ts) and restoring it (restore.ts).
 */
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  sha256Hex,
  type BackupChunks,
  type BackupCheck,
  type BackupFile,
  type BackupHeader,
  type BackupPreview,
  type BackupSink,
  type ChunkSource,
  type DexieExport,
  type TakenBackup,
} from './format';
export { BACKUP_TEXT, WHOLE_STORE } from './texts';
export { createBackup } from './write';
export { backupBeforeImport, backupBeforeUpgrade, backupFileName, takeBackup, writeToSink } from './take';
export { bytesSource, openBackupSource, readBackupFile, readBackupStream } from './read';
export { restoreBackup, type RestoreResult } from './restore';
