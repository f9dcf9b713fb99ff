import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // The validation runs are CPU-bound: one test file per core is all a 2-core machine can take.
    pool: 'forks',
  },
});
