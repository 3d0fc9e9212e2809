// Mutation testing of the core against the unit tests (`npm run mutate`; see CONTRIBUTING.md).
// No typescript-checker: TypeScript 7 has no JS compiler API for it to call.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 30_000,
  // Stryker rewrites tsconfig.json paths with TypeScript's JS API, gone in TypeScript 7;
  // no such file means no rewrite (the sandbox sits inside the project, so none is needed).
  tsconfigFile: 'no-tsconfig-rewrite.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'dist.*', 'reports', 'coverage', 'bench/results', '.vitest-report.json'],
};
