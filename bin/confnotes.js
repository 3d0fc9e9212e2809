#!/usr/bin/env node
// Tiny launcher for the bundle that `npm run build` writes to dist/.
// It is the only place that sets the process exit code.
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('confnotes: not built yet; run `npm run build` in the confnotes folder first\n');
    process.exit(1);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv.slice(2));
