import { defineConfig } from 'vitest/config';
import { ALIASES } from './aliases.config';

/** End-to-end: the built renderer (out/renderer) served on localhost, driven in Debian's Chromium. */
export default defineConfig({
  resolve: {
    alias: ALIASES,
  },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
