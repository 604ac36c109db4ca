/**
 * The main ↔ renderer contract: the one object the preload exposes as `window.ledger`,
 * and the IPC channel names behind it. Types and names only: no logic here.
 *
 * Rules: one method per message, never a generic invoke; the renderer never sends a
 * file path (main owns dialogs and the file system); main validates every argument.
 */

/** Name of the global the preload exposes. */
export const BRIDGE_GLOBAL = 'ledger';

/** How many of the latest backup reads reopenBackupRead can open again (main and the browser build alike). */
export const REOPENABLE_READS = 4;

/** IPC channel names. Do not rename: main and preload must agree. */
export const CHANNELS = {
  appInfo: 'ledger:app-info',
  openFile: 'ledger:open-file',
  saveFile: 'ledger:save-file',
  backupWrite: 'ledger:backup-write',
  backupList: 'ledger:backup-list',
  backupRead: 'ledger:backup-read',
  backupExport: 'ledger:backup-export',
  backupWriteBegin: 'ledger:backup-write-begin',
  backupWriteChunk: 'ledger:backup-write-chunk',
  backupWriteFinish: 'ledger:backup-write-finish',
  backupReadOpen: 'ledger:backup-read-open',
  backupReadChunk: 'ledger:backup-read-chunk',
  backupReadClose: 'ledger:backup-read-close',
  backupReadReopen: 'ledger:backup-read-reopen',
  /** main → renderer: a menu command was chosen. */
  menuCommand: 'ledger:menu-command',
  /** main → renderer: a file was opened by double-click, drag onto the icon or the command line. */
  fileOpened: 'ledger:file-opened',
  /** main → renderer: main wants a backup (daily, on close); carries `BackupRequest`. */
  backupRequested: 'ledger:backup-requested',
  /** renderer → main: the answer to a `backupRequested`; carries `BackupReply`. */
  backupReply: 'ledger:backup-reply',
} as const;

/** Facts about the running application, shown in 关于. */
export interface AppInfo {
  name: string;
  version: string;
  /** `desktop` in Electron, `browser` in a plain browser. */
  platform: 'desktop' | 'browser';
  /** Where the data lives (userData folder in the desktop app). */
  dataFolder: string;
  /** Where automatic backups are written; empty in the browser. */
  backupFolder: string;
}

/** A file filter for open and save dialogs. */
export interface FileFilter {
  /** Chinese label, e.g. `Excel 工作簿`. */
  name: string;
  /** Extensions without the dot. */
  extensions: string[];
}

export interface OpenFileRequest {
  title: string;
  filters: FileFilter[];
}

/** A file the officer chose: its name and bytes (never its path). */
export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface SaveFileRequest {
  title: string;
  /** Suggested file name, e.g. `汉阳区_2025年第三季度_重点任务推进情况表.xlsx`. */
  suggestedName: string;
  filters: FileFilter[];
  data: Uint8Array;
}

/** Outcome of a save: `saved` with the name written, or `canceled`. */
export type SaveFileResult = { status: 'saved'; name: string } | { status: 'canceled' };

/** Why a backup was taken. */
export type BackupReason = 'daily' | 'close' | 'before-import' | 'before-upgrade' | 'before-restore' | 'manual';

export interface BackupWriteRequest {
  reason: BackupReason;
  /** The backup file's bytes (JSON text, UTF-8). */
  data: Uint8Array;
}

/** Persisted: the `format` of every backup file (the same as BACKUP_FORMAT in storage/backup.ts). Never change. */
export const BACKUP_ENVELOPE_FORMAT = 'district-ledger-backup';

/** A backup file kept by main in userData/backups. */
export interface BackupFileInfo {
  /** File name only, e.g. `backup-2025-10-08T09-30-00-daily.json`. */
  name: string;
  reason: BackupReason;
  at: string;
  size: number;
  /** Rows per table, from the file's header (main reads only the header for the list). */
  counts?: Record<string, number>;
  district?: string;
  /** False when the file does not start with a backup header (damaged or foreign). */
  headerOk?: boolean;
}

/** A file opened for reading piece by piece. */
export interface BackupReadHandle {
  id: string;
  /** File name only. */
  name: string;
  size: number;
}

/** Backups main asks the renderer for (the renderer owns the data in IndexedDB). */
export type RequestedBackupReason = Extract<BackupReason, 'daily' | 'close'>;

/** main → renderer: please produce a backup; answered with a `BackupReply` of the same id. */
export interface BackupRequest {
  id: string;
  reason: RequestedBackupReason;
}

/**
 * renderer → main: the backup's bytes (same format as `BackupWriteRequest.data`), the name of the
 * file it already streamed through `beginBackupWrite` (large stores never travel as one buffer),
 * or why not.
 */
export type BackupReply = { id: string; data: Uint8Array } | { id: string; written: string } | { id: string; error: string };

export type MenuCommand = 'import' | 'export' | 'find' | 'backup' | 'about' | 'settings';

/** The bridge itself. Every method is async; errors reject with a Chinese message. */
export interface LedgerBridge {
  appInfo(): Promise<AppInfo>;
  /** Let the officer choose a file; null when canceled. */
  openFile(req: OpenFileRequest): Promise<OpenedFile | null>;
  /** Let the officer choose where to save (a download in the browser). */
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** Write an automatic backup beside the data (rotated by main). */
  writeBackup(req: BackupWriteRequest): Promise<BackupFileInfo | null>;
  listBackups(): Promise<BackupFileInfo[]>;
  /** Read one backup by its file name as listed. */
  readBackup(name: string): Promise<Uint8Array>;
  /** Copy a backup to a folder the officer chooses (a USB stick). */
  exportBackup(name: string): Promise<SaveFileResult>;
  /**
   * Write a backup piece by piece through main's file stream: begin (null when there is no
   * disk, i.e. the browser), append each piece, finish. Main checks the whole file is a
   * well-formed backup envelope (header and checksum) before it keeps it, then rotates.
   */
  beginBackupWrite(reason: BackupReason): Promise<string | null>;
  appendBackupChunk(id: string, data: Uint8Array): Promise<void>;
  finishBackupWrite(id: string): Promise<BackupFileInfo>;
  /**
   * Open a backup for reading piece by piece: a listed one by its name, or (null) one the
   * officer chooses in a dialog (a file picker in the browser). Null when canceled.
   */
  openBackupRead(name: string | null, title: string): Promise<BackupReadHandle | null>;
  /** The next piece of an open backup; null at its end (the file is then closed). */
  readBackupChunk(id: string): Promise<Uint8Array | null>;
  closeBackupRead(id: string): Promise<void>;
  /**
   * The file of an earlier read opened again from its start (a new handle): the restore reads
   * the checked file a second time, after its safety backup, so that the page never holds the
   * file's rows and a whole backup at once. Any of the last REOPENABLE_READS reads handed out
   * can be opened again; an older id is refused.
   */
  reopenBackupRead(id: string): Promise<BackupReadHandle>;
  /** Subscribe to menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribe to files opened from outside (double-click, drag on the icon). */
  onFileOpened(listener: (file: OpenedFile) => void): () => void;
  /**
   * Answer main's requests for a backup (daily, and when the window closes): the listener
   * returns the backup bytes, main writes and rotates the file. One listener at a time
   * (a new one replaces the old); returns an unsubscribe function. Never fires in the browser.
   */
  onBackupRequested(listener: (reason: RequestedBackupReason) => Promise<Uint8Array | BackupFileInfo>): () => void;
}
