/**
 * Spreadsheets opened from outside the app: a double-click on a .xlsx (file association),
 * a file dragged onto the app's icon, or a second launch with a file. Main reads the file
 * and hands its name and bytes to the page as CHANNELS.fileOpened, which starts an import.
 */
import type { BrowserWindow } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { CHANNELS, type OpenedFile } from '../shared/bridge';
import { MAX_FILE_BYTES } from './ipc';

/** The spreadsheet types the app opens (and registers as file associations). */
export const OPENABLE_EXTENSIONS = ['.xlsx', '.xls'];

/**
 * The spreadsheet named on a command line, if any. Skips the executable, Chromium switches
 * and (in development) the app folder; relative paths resolve against `cwd`.
 */
export function findSpreadsheetArg(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (!arg || arg.startsWith('-')) continue;
    if (!OPENABLE_EXTENSIONS.includes(extname(arg).toLowerCase())) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}

/** Reads a spreadsheet for the page; null when it is missing, not a file, or too big. */
export async function readOpenedFile(path: string): Promise<OpenedFile | null> {
  try {
    const st = await stat(path);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return null;
    return { name: basename(path), data: new Uint8Array(await readFile(path)) };
  } catch {
    return null;
  }
}

/**
 * Delivers opened files to the page, holding them until the page has loaded (a double-click
 * starts the app and names the file before there is a page to receive it).
 */
export class OpenedFileQueue {
  private readonly waiting: OpenedFile[] = [];
  private win: BrowserWindow | null = null;

  /** The page has loaded in `win`: deliver what waited. */
  attach(win: BrowserWindow): void {
    this.win = win;
    for (const file of this.waiting.splice(0)) this.send(file);
  }

  /** Reads `path` and delivers it (or keeps it until the page is ready). */
  async open(path: string): Promise<boolean> {
    const file = await readOpenedFile(path);
    if (!file) return false;
    if (this.win && !this.win.isDestroyed()) this.send(file);
    else this.waiting.push(file);
    return true;
  }

  private send(file: OpenedFile): void {
    this.win?.webContents.send(CHANNELS.fileOpened, file);
  }
}
