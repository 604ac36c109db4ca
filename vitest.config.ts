import { defineConfig } from 'vitest/config';
import { ALIASES } from './aliases.config';

export default defineConfig({
  resolve: {
    alias: ALIASES,
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts', 'test/main/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
