// Lint rules keep the rings apart mechanically (see ../shared/GUIDE.md "The rings").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const platformOnly = ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'dexie', 'dexie-*', 'electron', 'xlsx', 'exceljs', 'antd', 'echarts', 'node:*', 'fs', 'path', 'os', 'crypto'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: platformOnly, message: 'src/core is pure TypeScript: no React, zustand, Dexie, Electron, spreadsheet libraries, DOM or Node.' },
          { group: ['**/renderer/**', '**/main/**', '**/preload/**', '@renderer/*'], message: 'src/core must not import outer rings.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'Buffer'],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['*', '!./*'], message: 'src/shared holds types and channel names only.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/storage/**', 'src/renderer/spreadsheet/**', 'src/renderer/platform/**', 'src/renderer/workers/**', 'src/renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'dexie-*'], message: 'Only src/renderer/storage imports dexie.' },
          { group: ['xlsx', 'exceljs'], message: 'Only src/renderer/spreadsheet imports xlsx and exceljs.' },
          { group: ['electron', 'node:*'], message: 'The renderer has no Node and no Electron: use src/renderer/platform.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'window', property: 'ledger', message: 'Only src/renderer/platform touches window.ledger.' }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
