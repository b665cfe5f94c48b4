// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Only these files may touch Electron; everything else must run in plain Node or the browser. */
const ELECTRON_ALLOWED = ['src/main/index.ts', 'src/main/platform/*/electron.ts', 'src/preload/**'];

const noElectron = {
  name: 'electron',
  message: 'Only src/main/index.ts, src/main/platform/*/electron.ts and src/preload/ may import electron.',
};

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ELECTRON_ALLOWED,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The contract and domain types are shared by main, renderer, workers and the server.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'src/shared must not depend on the UI.' }],
          patterns: [
            { group: nodeBuiltins, message: 'src/shared must run anywhere: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/server/**', '**/workers/**'], message: 'src/shared imports only src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: talk to the core through the client.' },
            { group: ['**/main/**', '**/server/**', '**/workers/**', '**/preload/**'], message: 'The renderer reaches the core only through src/renderer/client.' },
          ],
        },
      ],
    },
  },
);
