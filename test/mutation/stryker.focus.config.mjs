// `npm run mutate` against a few chosen unit test files instead of all of them:
//   MUTATE_TESTS=test/unit/a.test.ts,test/unit/b.test.ts npx stryker run test/mutation/stryker.focus.config.mjs --mutate src/x.ts
// Fewer tests can only kill fewer mutants, so the score is a lower bound of the
// score with every unit test, reached in minutes where a widely imported module
// (the note schema: every unit test parses notes) takes hours on a busy machine.
import base from '../../stryker.config.mjs';

export default { ...base, vitest: { configFile: 'test/mutation/vitest.focus.config.ts' } };
