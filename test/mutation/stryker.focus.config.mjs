// `npm run mutate` against a few chosen unit test files instead of all of them:
//   MUTATE_TESTS=test/unit/a.test.ts,test/unit/b.test.ts npx stryker run test/mutation/stryker.focus.config.mjs --mutate src/x.ts
// Fewer tests can only kill fewer mutants, so the score is a lower bound of the
// score with every unit test, reached in minutes where a widely imported module
// (the note schema: every unit test parses notes) takes hours on a busy machine.
// MUTATE_REPORT names another JSON report (and sandbox folder), so two runs can share the tree.
import base from '../../stryker.config.mjs';

const name = process.env.MUTATE_REPORT;

export default {
  ...base,
  vitest: { configFile: 'test/mutation/vitest.focus.config.ts' },
  ignorePatterns: [...base.ignorePatterns, '.stryker-tmp*'],
  ...(name && {
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: `.stryker-tmp-${name}`,
  }),
};
