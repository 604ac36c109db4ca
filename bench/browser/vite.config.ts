/** Builds the in-browser benchmark page (real IndexedDB in Chromium); run.ts passes --outDir. */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '../..');
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  resolve: {
    alias: {
      '@core': resolve(root, 'src/core'),
      '@shared': resolve(root, 'src/shared'),
      '@renderer': resolve(root, 'src/renderer'),
    },
  },
  build: { emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  logLevel: 'warn',
});
