// Lint, including the layer rules that keep Attest's runtimes apart (README, "Architecture").
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronOnly = { name: 'electron', message: 'Only main/shell, main/index.ts and preload/ may import electron.' };
const keytarOnly = { name: 'keytar', message: 'Only main/core/keychain/keychain.ts may import keytar.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.tmp/**', 'catalog/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [electronOnly, keytarOnly] }],
    },
  },
  // The contract is environment-neutral: zod and its own files only.
  {
    files: ['main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\./).*', message: 'main/contract may import only zod and its own files.' }] },
      ],
    },
  },
  // The core and the CLI are plain Node: never electron, never the shell, preload or renderer.
  {
    files: ['main/core/**/*.ts', 'main/cli/**/*.ts', 'main/cli/**/*.mjs'],
    ignores: ['main/core/keychain/keychain.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, keytarOnly],
          patterns: [
            {
              group: ['**/shell/**', '**/preload/**', '**/renderer/**'],
              message: 'The core may not depend on the Electron shell, preload or renderer.',
            },
          ],
        },
      ],
      // Backstop for tsconfig.node.json, into which @types/pdfmake pulls the DOM library.
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location'].map((name) => ({
          name,
          message: 'The core runs in Node: no browser globals.',
        })),
      ],
    },
  },
  {
    files: ['main/core/keychain/keychain.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly] }] },
  },
  // The Electron shell may import electron and the core; nothing imports the shell but main/index.ts.
  {
    files: ['main/shell/**/*.ts', 'main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [keytarOnly],
          patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'The shell does not import renderer or preload code.' }],
        },
      ],
    },
  },
  // Preload: electron and the contract, nothing else.
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\.\\./main/contract/).*', message: 'preload may import only electron and main/contract.' }] },
      ],
    },
  },
  // Renderer: browser code; from main/ only the contract's types.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnly],
          patterns: [
            { regex: '^node:', message: 'The renderer is a sandboxed web page: no Node modules.' },
            { regex: '^(\\.\\./)+main/(?!contract/)', message: 'The renderer imports from main/ only the IPC contract.' },
            {
              regex: '^(\\.\\./)+main/contract/(?!(vocabulary|visibility)$)',
              allowTypeImports: true,
              message:
                "The renderer imports only the contract's types (import type), and values only from contract/vocabulary and contract/visibility.",
            },
            { regex: '^(\\.\\./)+preload/', message: 'The renderer reaches preload only through window.attest.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
