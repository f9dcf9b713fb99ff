/**
 * The tests Stryker runs against each mutant of one folder (`npm run mutation`): that folder's
 * fast, in-process tests. Left out:
 * - tests that reach the code through a child process (the CLI) or a worker thread: Stryker
 *   cannot see which mutants they cover, so each of those mutants would rerun the whole suite;
 * - statistical checks that run hundreds of replications or years of simulated time: Stryker
 *   reruns every test that covers a mutant, and these cost seconds each time. They stay in
 *   `npm test`; in src/model, the exact behaviour tests (one or two people, dated use cases,
 *   constant efforts) are what catch a broken mechanism.
 */
import { defineConfig } from 'vitest/config';

const folder = process.env.MUTATION_FOLDER ?? 'model';

/** Slow statistical checks, by folder: kept in `npm test`, out of mutation runs. */
const SLOW: Record<string, string[]> = {
  model: [
    'test/model/model-behaviour.test.ts',
    'test/model/censored-time-to-production.test.ts',
    'test/model/maintenance.test.ts',
    'test/model/nobody-held-while-waiting.test.ts',
    'test/model/run-limit-worker.test.ts',
  ],
  scenario: [],
  analysis: [],
};

export default defineConfig({
  test: {
    include: [`test/${folder}/**/*.test.ts`],
    exclude: SLOW[folder] ?? [],
    testTimeout: 120_000,
  },
});
