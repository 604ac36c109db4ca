/** The bench page with exceljs unminified, for bench/tools/profile-export.ts (names in the CPU profile). */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
const root = resolve(import.meta.dirname, '../..');
export default defineConfig({
  root: resolve(root, 'bench/browser'),
  base: './',
  resolve: {
    alias: {
      '@core': resolve(root, 'src/core'),
      '@shared': resolve(root, 'src/shared'),
      '@renderer': resolve(root, 'src/renderer'),
      exceljs: resolve(root, 'node_modules/exceljs/dist/exceljs.js'),
    },
  },
  build: { emptyOutDir: true, chunkSizeWarningLimit: 8000, minify: false },
  logLevel: 'warn',
});
