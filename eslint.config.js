// Lint rules keep the rings apart mechanically (see ../shared/GUIDE.md "The rings").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Nothing from a file becomes HTML: no HTML sinks anywhere, and echarts tooltip formatters only
// through textTooltip (features/dashboard/tooltip.ts), which escapes.
const htmlSinkProperties = [
  { property: 'innerHTML', message: 'Text from files must never become HTML: set textContent or render it with React.' },
  { property: 'outerHTML', message: 'Text from files must never become HTML.' },
  { property: 'insertAdjacentHTML', message: 'Text from files must never become HTML.' },
  { object: 'document', property: 'write', message: 'Text from files must never become HTML.' },
  { object: 'document', property: 'writeln', message: 'Text from files must never become HTML.' },
];
const htmlSinkSyntax = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Text from files must never become HTML: render it as React text.' },
  {
    selector: "Property[key.name='tooltip'] > ObjectExpression > Property[key.name='formatter'][value.type=/FunctionExpression$/]",
    message: 'echarts tooltips are HTML: build the formatter with textTooltip() from features/dashboard/tooltip.ts, which escapes every line.',
  },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'Text from files must never become HTML.' },
  { selector: "NewExpression[callee.name='DOMParser']", message: 'Parse files in a worker with the readers, never as HTML on the page.' },
];

// User-facing Chinese lives in a texts.ts per folder (GUIDE "Names and comments"): a string,
// template or JSX text with a CJK character anywhere else in src/renderer is flagged. Regular
// expressions are not texts (they read Chinese headers and units) and are left alone.
const cjk = /[\u4e00-\u9fff]/;
const textsPlugin = {
  rules: {
    'no-cjk-literal': {
      meta: { type: 'suggestion', schema: [], messages: { cjk: 'Chinese text belongs in a texts.ts next to this file (one place per feature), not in a literal here.' } },
      create(context) {
        const check = (node, text) => { if (typeof text === 'string' && cjk.test(text)) context.report({ node, messageId: 'cjk' }); };
        return {
          Literal(node) { if (!node.regex) check(node, node.value); },
          TemplateElement(node) { check(node, node.value.raw); },
          JSXText(node) { check(node, node.value); },
        };
      },
    },
  },
};
// What no renderer file outside its own ring imports.
const rendererImportBans = [
  { group: ['dexie', 'dexie-*'], message: 'Only src/renderer/storage imports dexie.' },
  { group: ['xlsx', 'exceljs'], message: 'Only src/renderer/spreadsheet imports xlsx and exceljs.' },
  { group: ['electron', 'node:*'], message: 'The renderer has no Node and no Electron: use src/renderer/platform.' },
];
const storageEntranceOnly = { group: ['**/storage/*'], message: "Features reach storage through its one entrance: import from '../../storage' (storage/index.ts)." };
const otherFeaturesInternals = {
  regex: '^\\.\\./(?!common/|\\.\\./)[^/]+/',
  message: "A feature does not import another feature's internals: move the shared piece to features/common.",
};
/** The stores of the ledger database (storage/ledger-db.ts); features use named queries and commands instead. */
const STORE_NAMES = 'documents|sections|tasks|targets|clusters|clusterIndicators|clusterIndicatorValues|clusterProgress|progress|settings|audit|submissions|imports|templates|progressSummary|drafts|assignments|rounds|roundApplies';
const storageNamingSyntax = [
  { selector: `MemberExpression[object.name='db'][property.name=/^(${STORE_NAMES}|transaction|table|tables)$/]`, message: 'Features never name a Dexie table: use a named query or command from storage/index.ts.' },
  { selector: "MemberExpression[object.callee.name='getDb']", message: 'Features never name a Dexie table: pass getDb() to a named query or command from storage/index.ts.' },
  { selector: "CallExpression[callee.property.name=/^(where|orderBy)$/][arguments.length=1][arguments.0.type=/^(Literal|ArrayExpression|ObjectExpression)$/]", message: 'Features never name a Dexie index: add a named query to storage/queries.ts.' },
];

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
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', ...htmlSinkProperties],
      'no-restricted-syntax': ['error', ...htmlSinkSyntax],
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
        patterns: rendererImportBans,
      }],
      'no-restricted-properties': ['error', { object: 'window', property: 'ledger', message: 'Only src/renderer/platform touches window.ledger.' }, ...htmlSinkProperties],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/**/{texts,*-texts}.ts', 'src/renderer/**/*.test.{ts,tsx}'],
    plugins: { texts: textsPlugin },
    rules: { 'texts/no-cjk-literal': 'error' },
  },
  {
    // Features see storage through its one entrance and never name a table or an index; a
    // feature does not reach into another feature (shared pieces live in features/common).
    // features/shell composes the pages, so it may import them.
    files: ['src/renderer/features/**/*.{ts,tsx}'],
    ignores: ['src/renderer/features/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererImportBans, storageEntranceOnly] }],
      'no-restricted-syntax': ['error', ...htmlSinkSyntax, ...storageNamingSyntax],
    },
  },
  {
    files: ['src/renderer/features/**/*.{ts,tsx}'],
    ignores: ['src/renderer/features/**/*.test.{ts,tsx}', 'src/renderer/features/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererImportBans, storageEntranceOnly, otherFeaturesInternals] }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
