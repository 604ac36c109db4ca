/** The page's side of the import worker: one worker per import, promises per step. */
import type { ImportWorkerRequest, ImportWorkerResponse, SheetSummary } from '../../workers/import-worker';
import type { ImportPlan, RememberedMapping, TableLayout } from '@core/import';
import { IMPORT_TEXT as T } from './texts';

export type { SheetSummary };

/** A running import worker. */
export class ImportClient {
  private worker = new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' });

  constructor(private onProgress: (stage: string, fraction: number) => void) {}

  private ask<T extends ImportWorkerResponse['type']>(req: ImportWorkerRequest, want: T, transfer: Transferable[] = []) {
    return new Promise<Extract<ImportWorkerResponse, { type: T }> | { type: 'read'; ok: false; message: string }>((resolve) => {
      this.worker.onmessage = (e: MessageEvent<ImportWorkerResponse>) => {
        const m = e.data;
        if (m.type === 'progress') this.onProgress(m.stage, m.fraction);
        // The technical cause goes to the log (main.log in the desktop app), never on screen.
        else if (m.type === 'log') console.error(m.message);
        else if (m.type === want) resolve(m as Extract<ImportWorkerResponse, { type: T }>);
        else if (m.type === 'read' && !m.ok) resolve(m);
      };
      this.worker.onerror = (e) => {
        console.error(`import worker error: ${e.message}`);
        resolve({ type: 'read', ok: false, message: T.workerFailed });
      };
      this.worker.onmessageerror = () => resolve({ type: 'read', ok: false, message: T.workerFailed });
      this.worker.postMessage(req, transfer);
    });
  }

  /** Read the file; sheets with their tables found, or a Chinese message. */
  async read(name: string, data: Uint8Array, remembered: RememberedMapping) {
    const copy = data.slice().buffer;
    const m = await this.ask({ type: 'read', name, data: copy, remembered }, 'read', [copy]);
    return m as { type: 'read'; ok: true; sheets: SheetSummary[] } | { type: 'read'; ok: false; message: string };
  }

  /** Plan the import of one sheet. */
  async plan(req: Extract<ImportWorkerRequest, { type: 'plan' }>): Promise<{ plan: ImportPlan; layout?: TableLayout } | { message: string }> {
    const m = await this.ask(req, 'plan');
    if (m.type === 'plan') return { plan: m.plan, layout: m.layout };
    return { message: (m as { message: string }).message };
  }

  /** Stop the worker. */
  close(): void {
    this.worker.terminate();
  }
}
