/**
 * The tests Stryker runs against each mutant of one folder (`npm run mutation`): that folder's
 * fast, in-process tests. Left out:
 * - tests that reach the code through a child process (the CLI) or a worker thread: Stryker
 *   cannot see which mutants they cover, so each of those mutants would rerun the whole suite;
 * - statistical checks that run hundreds of replications or years of simulated time, and the
 *   long whole runs of scenario-defaults.test.ts: Stryker reruns every test that covers a
 *   mutant, and these cost seconds each time. They stay in
 *   `npm test`; in src/model, the exact behaviour tests (one or two people, dated use cases,
 *   constant efforts) are what catch a broken mechanism.
 */
import { defineConfig } from 'vitest/config';

const folder = process.env.MUTATION_FOLDER ?? 'model';

/**
 * Slow tests, by folder: kept in `npm test`, out of mutation runs. In analysis, the tests that
 * run real experiments before they check anything (seconds each time, and every mutant their
 * experiments reach reruns them); the hand-made results of the other analysis tests check the
 * same behaviour exactly.
 */
const SLOW: Record<string, string[]> = {
  model: [
    'test/model/model-behaviour.test.ts',
    'test/model/censored-time-to-production.test.ts',
    'test/model/maintenance.test.ts',
    'test/model/nobody-held-while-waiting.test.ts',
    'test/model/run-limit-worker.test.ts',
    'test/model/scenario-defaults.test.ts',
  ],
  scenario: [],
  analysis: ['test/analysis/findings.test.ts', 'test/analysis/stability.test.ts', 'test/analysis/tables.test.ts'],
};

export default defineConfig({
  test: {
    include: [`test/${folder}/**/*.test.ts`],
    exclude: SLOW[folder] ?? [],
    testTimeout: 120_000,
  },
});
