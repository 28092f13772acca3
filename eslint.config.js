const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.js', '*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine runs in the browser too: it must not reach for Node or Office.js.
    files: ['src/engine/**/*.ts'],
    rules: {
      // `**/` so that a nested path (`../../xlsx/…` from src/engine/reference/) is caught too
      // (test/lint/boundary.test.ts proves it).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'fs/*', 'path', 'path/*', 'crypto', 'os', 'zlib', 'stream', 'worker_threads', 'child_process'], message: 'The engine runs in the browser too: no Node API.' },
            {
              group: ['**/cli', '**/cli/**', '**/node', '**/node/**', '**/xlsx', '**/xlsx/**', '**/addin', '**/addin/**', '**/taskpane', '**/taskpane/**'],
              message: 'The engine imports nothing from its shells (src/cli, src/node, src/xlsx, src/addin, src/taskpane).',
            },
            { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'office-*'], message: 'The engine imports no UI, Office or workbook-writing library.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window', 'process', 'Buffer', 'require'],
    },
  },
);
