#!/usr/bin/env node
// Tiny launcher for the build that `npm run build` writes to dist/. It is
// CommonJS (bin/package.json) so that the quick lane (`--version`, `jot`,
// `current`) starts without Node's ES module loader; every other command
// loads the full CLI, dist/cli.js. It is the only place that sets the exit code.
'use strict';

// A reader that stops early (`confnotes list | head -1`) closes the pipe: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const fs = require('node:fs');
const path = require('node:path');

/** A JSON file beside the launcher, read directly: require() would resolve and stat it first. */
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(__dirname, name), 'utf8'));

// One list for the launcher and the quick lane (src/quick.ts).
const QUICK_WORDS = readJson('quick-words.json').words;

function notBuilt(error) {
  const missing = error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND');
  return missing && /dist[\\/](cli\.js|quick\.cjs)/.test(String(error.message));
}

async function launch(argv) {
  // `--version` alone needs no lane at all: the version is package.json's.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${readJson('../package.json').version}\n`);
    return 0;
  }
  let code;
  if (argv.some((arg) => QUICK_WORDS.includes(arg)))
    code = await require('./quick-load.js')
      .loadQuick()
      .lane.quickMain(argv, { importFull: () => import('../dist/cli.js') });
  if (code === undefined) code = await (await import('../dist/cli.js')).main(argv);
  return code;
}

launch(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (!notBuilt(error)) throw error;
    process.stderr.write('confnotes: not built yet; run `npm run build` in the confnotes folder first\n');
    process.exitCode = 1;
  },
);
