/**
 * One running copy at a time: a second launch (the officer double-clicks the icon again, or
 * double-clicks a .xlsx) hands its command line to the first copy and exits.
 */
import { app, type BrowserWindow } from 'electron';
import { findSpreadsheetArg, type OpenedFileQueue } from './open-files';
import { focusWindow } from './window';

/**
 * Takes the single-instance lock. False means another copy is running: this one must quit
 * (the other receives our command line as 'second-instance').
 */
export function claimSingleInstance(): boolean {
  return app.requestSingleInstanceLock();
}

/** What the first copy does when a second one starts: come to the front, open its file. */
export async function handleSecondInstance(
  win: BrowserWindow | null,
  files: OpenedFileQueue,
  argv: readonly string[],
  cwd: string,
): Promise<void> {
  if (win && !win.isDestroyed()) focusWindow(win);
  const path = findSpreadsheetArg(argv, cwd);
  if (path) await files.open(path);
}
