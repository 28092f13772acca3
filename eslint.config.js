const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

// What the engine may not import, as regular expressions over a module specifier (esquery's regex
// syntax allows no `/` inside, hence \x2F). The `no-restricted-imports` patterns below say the same
// for static imports and re-exports.
const ENGINE_FORBIDDEN = [
  {
    source: '^(?:node:|(?:fs|path|crypto|os|zlib|stream|worker_threads|child_process)(?:\\x2F|$))',
    message: 'The engine runs in the browser too: no Node API.',
  },
  {
    source: '(?:^|\\x2F)(?:cli|node|xlsx|addin|taskpane)(?:\\x2F|$)',
    message:
      'The engine imports nothing from its shells (src/cli, src/node, src/xlsx, src/addin, src/taskpane).',
  },
  {
    source: '^(?:(?:exceljs|react|react-dom)(?:\\x2F|$)|@fluentui\\x2F|office-)',
    message: 'The engine imports no UI, Office or workbook-writing library.',
  },
];

/** no-restricted-syntax entries for a dynamic `import()` and an `import()` type of a forbidden module. */
function importFormsOf({ source, message }) {
  return [
    { selector: `ImportExpression[source.value=/${source}/]`, message: `${message} (dynamic import)` },
    { selector: `TSImportType[source.value=/${source}/]`, message: `${message} (import type)` },
  ];
}

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['scripts/**/*.js', '*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
      },
    },
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
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'path/*',
                'crypto',
                'os',
                'zlib',
                'stream',
                'worker_threads',
                'child_process',
              ],
              message: 'The engine runs in the browser too: no Node API.',
            },
            {
              group: [
                '**/cli',
                '**/cli/**',
                '**/node',
                '**/node/**',
                '**/xlsx',
                '**/xlsx/**',
                '**/addin',
                '**/addin/**',
                '**/taskpane',
                '**/taskpane/**',
              ],
              message:
                'The engine imports nothing from its shells (src/cli, src/node, src/xlsx, src/addin, src/taskpane).',
            },
            {
              group: ['exceljs', 'react', 'react-dom', '@fluentui/*', 'office-*'],
              message: 'The engine imports no UI, Office or workbook-writing library.',
            },
          ],
        },
      ],
      // The same boundary for the forms no-restricted-imports does not see: `import('…')` and
      // `type X = import('…').Y` (test/lint/boundary.test.ts proves each form).
      'no-restricted-syntax': [
        'error',
        ...ENGINE_FORBIDDEN.flatMap(importFormsOf),
        {
          selector: 'ImportExpression[source.type!="Literal"]',
          message: 'The engine loads no module by a computed name (the boundary could not be checked).',
        },
      ],
      'no-restricted-globals': [
        'error',
        'Excel',
        'Office',
        'document',
        'window',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    // Office.js's own rules (eslint-plugin-office-addins) for the one layer that talks to Excel, at
    // the severities of the plugin's `recommended` config (its prettier and JS presets are not taken:
    // the project has its own). A warning is fixed or justified inline with the reason.
    files: ['src/addin/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
    },
  },
);
