// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * Dependencies point inward (../shared/STYLE.md). Each layer gets a no-restricted-imports rule so
 * that a wrong import fails `npm run lint`, not a code review.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'crypto', 'stream'];
const io = ['electron', 'better-sqlite3', 'kysely', 'exceljs', 'pdfkit', 'yauzl', 'papaparse'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'test-results/**', 'test/fixtures/generated/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...nodeBuiltins, ...io, 'react', 'react-dom'], message: 'src-shared is pure: no Node, no DOM, no IO.' },
        { group: ['**/src-main/**', '**/src-renderer/**', '../src-main/*', '../src-renderer/*'], message: 'src-shared depends on nothing else in the app.' },
      ] }],
    },
  },
  {
    files: ['src-main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...nodeBuiltins, ...io], message: 'domain/ is pure: no IO, no clock. Pass data and `now` in.' },
        { group: ['**/db/**', '**/services/**', '**/io/**', '**/ipc/**', '**/cli/**', '**/testhost/**', '../db', '../services', '../io'], message: 'domain/ imports only src-shared and itself.' },
      ] }],
      // No clock in domain/: `new Date()` and `Date.now()` are banned; date arithmetic on given values is fine.
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain/ takes `now` as an argument.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain/ takes `now` as an argument.' },
      ],
      // The CLI prints exactly one JSON object on stdout: nothing in domain/ may print.
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Results must be deterministic.' }],
    },
  },
  {
    files: ['src-main/ipc/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/db/repositories/*', '**/domain/*'], message: 'Handlers and commands are thin: parse, call one service, return.' },
      ] }],
    },
  },
  {
    files: ['src-main/index.ts', 'src-main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/testhost/**', './testhost/*'], message: 'The loopback test host never starts inside the Electron app.' },
      ] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...nodeBuiltins, ...io], message: 'The renderer has no Node and no IO: call main through lib/api.ts.' },
        { group: ['**/src-main/**'], message: 'The renderer talks to main only through src-renderer/src/lib/api.ts.' },
      ] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/src/lib/api.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Only src-renderer/src/lib/api.ts talks to window.api.' }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
