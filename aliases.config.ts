/** The import aliases (and the build's defines) of every build and test config: one list, so they cannot drift. */
import { resolve } from 'node:path';

/** `@core`, `@shared` and `@renderer` resolved from the repository root. */
export const ALIASES = {
  '@core': resolve(import.meta.dirname, 'src/core'),
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer'),
};

/**
 * Defines of the renderer's builds: the build's own stamp, so that what a start keeps worked out
 * from the tasks (storage/task-heads.ts) is worked out again by a new version of the app.
 */
export const BUILD_DEFINES = {
  'import.meta.env.VITE_LEDGER_BUILD': JSON.stringify(new Date().toISOString()),
};
