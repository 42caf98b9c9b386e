import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // No import cycles anywhere: a cycle hides which module depends on which and breaks load order.
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // The layering rule: shared/ is pure, the renderer never reaches Node or Electron, the service layer never imports Electron.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // An allow-list: anything not named here (Node, Electron, React, the other layers) is refused.
          patterns: [
            {
              regex: '^(?!(zod|date-fns|papaparse|mdast-util-from-markdown|mdast)(/|$)|\\.\\.?/)',
              message:
                'shared/ is pure: it may import only zod, date-fns, papaparse, the Markdown parser (mdast) and shared/ itself.',
            },
            {
              regex: '(^|/)(electron|renderer|test|bench)(/|$)',
              message:
                'shared/ is pure: it may import only zod, date-fns, papaparse, the Markdown parser (mdast) and shared/ itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'conf', 'electron-store', '*/electron/*'],
              message: 'The renderer talks to the main process only through window.workbook.',
            },
            {
              // "../<feature>/…" from inside another feature: anything but ui/, platform/ and app/.
              regex: '^\\.\\./(?!(ui|platform|app|\\.\\.)/)',
              message:
                'Renderer features do not import each other: they meet in renderer/app/ (routes, composition) and share widgets from renderer/ui/.',
            },
          ],
        },
      ],
    },
  },
  {
    // app/ composes the features; it may import every one of them.
    files: ['renderer/app/**/*.{ts,tsx}', 'renderer/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'conf', 'electron-store', '*/electron/*'],
              message: 'The renderer talks to the main process only through window.workbook.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/service/**/*.ts', 'electron/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron-store', '*/shell/main', '*/shell/security', '*/shell/menu'],
              message: 'The service layer is plain Node: only the shell imports Electron.',
            },
          ],
        },
      ],
    },
  },
  // Small rooms: a file over 400 lines or a function over 150 hides more than one concern. Tests and the
  // bench too: a test's `describe` over 150 lines holds more than one subject.
  // Lines are counted as `wc -l` counts them (blanks and comments included), so the limit is the one a reader sees.
  {
    files: [
      'electron/**/*.{ts,tsx}',
      'shared/**/*.{ts,tsx}',
      'renderer/**/*.{ts,tsx}',
      'test/**/*.{ts,tsx}',
      'bench/**/*.{ts,tsx}',
    ],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': [
        'error',
        { max: 150, skipBlankLines: false, skipComments: false, IIFEs: true },
      ],
    },
  },
);
