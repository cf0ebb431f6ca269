import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Files that run other processes (the CLI) or a browser are slow for their size. Without timings
// of an earlier run (a fresh CI checkout), vitest starts the largest files first and these would
// come last, leaving one worker busy alone at the end; they start first instead.
const SLOW = /(^|\/)(cli\.test\.ts|login-page\.test\.ts)$|\/test\/e2e\//;

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = (spec: TestSpecification) => SLOW.test(spec.moduleId);
    return [...sorted.filter(slow), ...sorted.filter((spec) => !slow(spec))];
  }
}

// One suite for both databases: DATABASE_URL unset → PGlite in memory, set → a fresh
// PostgreSQL database per test file (see src/db/testing.ts). Either way every test file's
// database is a copy of one made and migrated once per run (test/support/global-setup.ts).
export default defineConfig({
  // The web app's alias for the server's code (tsconfig.json, web/vite.config.ts).
  resolve: { alias: { '@server': fileURLToPath(new URL('./src', import.meta.url)) } },
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
    sequence: { sequencer: SlowFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
