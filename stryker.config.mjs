// Mutation testing of one folder at a time (`npm run mutation`, see scripts/mutation.sh):
// MUTATION_FOLDER names it (model, scenario or analysis). Each folder's mutants are run against
// that folder's own fast tests (vitest.mutation.config.ts), so a mutant counts as killed only
// when a test of its own layer notices it.
const folder = process.env.MUTATION_FOLDER;
if (!['model', 'scenario', 'analysis'].includes(folder ?? '')) {
  throw new Error(`MUTATION_FOLDER must be model, scenario or analysis, got ${JSON.stringify(folder)}`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [`src/${folder}/**/*.ts`, `!src/${folder}/index.ts`],
  coverageAnalysis: 'perTest',
  // Static mutants sit in code run once at import (the scenario schema is built from TypeBox
  // calls at load): no test can be said to cover one, so each reruns every test of the folder,
  // and in src/scenario they took 98% of the time. They are left out of the score unless
  // MUTATION_STATIC=1; the schema they build is checked whole by the test that compares
  // scenarios/schema.json with the spec.
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  concurrency: 2,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: `test/mutation/${folder}.incremental.json`,
  reporters: ['progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
