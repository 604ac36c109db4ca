/**
 * A small log file for the IT department: userData/logs/main.log (one line per event,
 * trimmed when it grows past 1 MB). Never throws.
 */
import { appendFileSync, mkdirSync, statSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const MAX_LOG_BYTES = 1024 * 1024;

/** Creates a logger writing into `<userDataDir>/logs/main.log`. */
export function createLogger(userDataDir: string): (message: string, err?: unknown) => void {
  const dir = join(userDataDir, 'logs');
  const file = join(dir, 'main.log');
  return (message, err) => {
    const detail = err instanceof Error ? `: ${err.message}` : err === undefined ? '' : `: ${String(err)}`;
    const line = `${new Date().toISOString()} ${message}${detail}\n`;
    try {
      mkdirSync(dir, { recursive: true });
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line, 'utf8');
    } catch {
      // Logging must never break the app.
    }
    if (err !== undefined) console.error(line.trimEnd());
  };
}

/** What logRendererConsole needs of a WebContents (Electron ≥ 35 passes one details object). */
export interface ConsoleSource {
  on(event: 'console-message', listener: (details: { level: string; message: string }) => void): unknown;
}

/**
 * Writes the renderer's errors and warnings into main.log: the technical causes (a library's
 * English text) the officer is not shown end up where the IT department can read them.
 */
export function logRendererConsole(contents: ConsoleSource, log: (message: string) => void): void {
  contents.on('console-message', (details) => {
    if (details.level !== 'error' && details.level !== 'warning') return;
    const text = details.message.length > 4000 ? `${details.message.slice(0, 4000)}…` : details.message;
    log(`renderer ${details.level}: ${text.replace(/\s*\n\s*/g, ' | ')}`);
  });
}
