/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testMatch: ['**/*.test.ts'],
};
