import { defineConfig } from 'vitest/config';

// One suite for both databases: DATABASE_URL unset → PGlite in memory, set → a fresh
// PostgreSQL database per test file (see src/db/testing.ts). Either way every test file's
// database is a copy of one made and migrated once per run (test/support/global-setup.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    // Measured on the 2-core machine: worker threads without a fresh module graph per file
    // (isolate: false) spend a fifth of the import time of isolated forks. Test files share a
    // worker's modules, so a test must not leave global state behind (env, timers, mocks).
    pool: 'threads',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
