/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
};

// CI asks for a machine-readable summary (see .ci/run).
if (process.env.JEST_JSON) {
  module.exports.reporters = [
    'default',
    ['<rootDir>/scripts/jest-json-reporter.js', { outputFile: process.env.JEST_JSON }],
  ];
}
