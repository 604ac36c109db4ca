/** The renderer alone, for `npm run web`: the same UI in a plain browser. */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { ALIASES, BUILD_DEFINES } from './aliases.config';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  resolve: {
    alias: ALIASES,
  },
  define: BUILD_DEFINES,
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, open: false },
});
