/** The import aliases of every build and test config: one list, so they cannot drift. */
import { resolve } from 'node:path';

/** `@core`, `@shared` and `@renderer` resolved from the repository root. */
export const ALIASES = {
  '@core': resolve(import.meta.dirname, 'src/core'),
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer'),
};
