/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type errors are caught by `npm run typecheck`; ts-jest only transpiles here, file by file
  // (tsconfig's isolatedModules), which still emits the decorator metadata type-graphql reads.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFiles: ['reflect-metadata'],
  // Most suites wait on sockets, child processes and timers more than they compute: two workers on
  // two cores keep both busy.
  maxWorkers: 2,
  testTimeout: 30000,
};
