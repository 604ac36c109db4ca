/**
 * The browser implementation of the bridge contract: a file input for opening, a download
 * for saving, and backups offered as downloads (there is no disk to write to).
 */
import type {
  AppInfo,
  BackupFileInfo,
  LedgerBridge,
  OpenFileRequest,
  OpenedFile,
  SaveFileRequest,
  SaveFileResult,
} from '@shared/bridge';
import { REOPENABLE_READS } from '@shared/bridge';
import { keepNewest } from '@shared/keep-newest';
import { BROWSER_BRIDGE_TEXT as T } from './texts';

/** Let the officer choose a file; the File itself (read later, piece by piece). */
function chooseFile(req: OpenFileRequest): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = req.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ?? null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Files opened for reading piece by piece (File.slice: the browser never loads them whole). */
const openReads = new Map<string, { file: File; at: number }>();
/** The file behind each read handed out (the latest few), for reopenBackupRead. */
const pickedFiles = new Map<string, File>();
const rememberPicked = (id: string, file: File) => {
  pickedFiles.set(id, file);
  keepNewest(pickedFiles, REOPENABLE_READS);
};
const READ_CHUNK = 1024 * 1024;

/** Offer pieces as one download (a Blob of the pieces; no copy into one array). */
export function downloadParts(name: string, parts: readonly (Uint8Array | Blob)[]): void {
  const url = URL.createObjectURL(new Blob(parts as unknown as BlobPart[], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(req: OpenFileRequest): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = req.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      file.arrayBuffer().then((buf) => resolve({ name: file.name, data: new Uint8Array(buf) }), reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

function download(req: SaveFileRequest): SaveFileResult {
  const blob = new Blob([req.data as BlobPart]);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = req.suggestedName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { status: 'saved', name: req.suggestedName };
}

/** A bridge that works in any modern browser. */
export function createBrowserBridge(): LedgerBridge {
  return {
    appInfo: async (): Promise<AppInfo> => ({
      name: T.appName,
      version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
      platform: 'browser',
      dataFolder: T.dataFolder,
      backupFolder: '',
    }),
    openFile: pickFile,
    saveFile: async (req) => download(req),
    writeBackup: async () => null,
    listBackups: async (): Promise<BackupFileInfo[]> => [],
    readBackup: async () => {
      throw new Error(T.noBackupFiles);
    },
    exportBackup: async () => ({ status: 'canceled' }),
    // No disk in the browser: backups are offered as downloads by the page instead.
    beginBackupWrite: async () => null,
    appendBackupChunk: async () => {
      throw new Error(T.noBackupFolder);
    },
    finishBackupWrite: async () => {
      throw new Error(T.noBackupFolder);
    },
    openBackupRead: async (name, title) => {
      if (name !== null) throw new Error(T.noBackupFiles);
      const file = await chooseFile({ title, filters: [{ name: T.backupFilter, extensions: ['json'] }] });
      if (!file) return null;
      const id = crypto.randomUUID();
      openReads.set(id, { file, at: 0 });
      rememberPicked(id, file);
      return { id, name: file.name, size: file.size };
    },
    readBackupChunk: async (id) => {
      const r = openReads.get(id);
      if (!r) throw new Error(T.readEnded);
      if (r.at >= r.file.size) {
        openReads.delete(id);
        return null;
      }
      let piece: Uint8Array;
      try {
        piece = new Uint8Array(await r.file.slice(r.at, r.at + READ_CHUNK).arrayBuffer());
      } catch (e) {
        // The browser's own (English) text goes to the log: the file changed or went after it was picked.
        console.warn('backup read', e);
        openReads.delete(id);
        throw new Error(T.readFailed(r.file.name));
      }
      r.at += piece.length;
      return piece;
    },
    closeBackupRead: async (id) => {
      openReads.delete(id);
    },
    reopenBackupRead: async (id) => {
      const file = pickedFiles.get(id);
      if (!file) throw new Error(T.readEnded);
      const again = crypto.randomUUID();
      openReads.set(again, { file, at: 0 });
      rememberPicked(again, file);
      return { id: again, name: file.name, size: file.size };
    },
    // The browser has no menu and no "open with": these never fire.
    onMenuCommand: () => () => {},
    onFileOpened: () => () => {},
    // The browser has no main process asking for backups: never fires.
    onBackupRequested: () => () => {},
  };
}
