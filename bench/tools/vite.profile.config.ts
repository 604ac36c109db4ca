/** The bench page with exceljs unminified, for bench/tools/profile-export.ts (names in the CPU profile). */
import { resolve } from 'node:path';
import { mergeConfig } from 'vite';
import benchPage from '../browser/vite.config';

const root = resolve(import.meta.dirname, '../..');
export default mergeConfig(benchPage, {
  resolve: { alias: { exceljs: resolve(root, 'node_modules/exceljs/dist/exceljs.js') } },
  build: { minify: false },
});
