import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // End-to-end tests run the built CLI, so `npm test` builds first (see package.json).
    // Generous: a shared two-core machine under load runs a CLI in seconds, not milliseconds.
    testTimeout: 120_000,
    // vitest's default is one worker fewer than the cores: one on a two-core machine. Most
    // of an end-to-end test is waiting on the CLI it spawned, so a worker per core keeps both busy.
    maxWorkers: Math.max(2, os.availableParallelism()),
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
