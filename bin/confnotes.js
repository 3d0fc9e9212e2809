#!/usr/bin/env node
// Tiny launcher for the build that `npm run build` writes to dist/. It is
// CommonJS (bin/package.json) so that nothing starts Node's ES module loader:
// the quick lane (`--version`, `jot`, `current`) is dist/quick.cjs, the room
// lane (`agenda`, `new`, `list`, `tags`, `search`) dist/room.cjs, every other
// command the full CLI as CommonJS, dist/cli.cjs; each with the files of
// dist/chunks/ it requires, all loaded with the V8 code caches the build
// makes (bin/quick-load.js). It is the only place that sets the exit code.
'use strict';

// A reader that stops early (`confnotes list | head -1`) closes the pipe: stop quietly, as Unix tools do.
function quietOnClosedPipe(stream) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return stream;
}
// Set on the stream's first use, not here: creating process.stdout or process.stderr loads
// Node's stream modules (~2-5 ms), which the quick lane, writing to the descriptors, never needs.
for (const name of ['stdout', 'stderr']) {
  const { get, configurable } = Object.getOwnPropertyDescriptor(process, name) ?? {};
  if (!get || !configurable) quietOnClosedPipe(process[name]);
  else {
    let stream;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: true,
      get: () => {
        stream ??= quietOnClosedPipe(get.call(process));
        return stream;
      },
    });
  }
}

const fs = require('node:fs');
const path = require('node:path');

/** A JSON file beside the launcher, read directly: require() would resolve and stat it first. */
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(__dirname, name), 'utf8'));

// One list for the launcher and the lanes (src/quick.ts, src/room.ts).
const LANE_WORDS = readJson('quick-words.json');
const QUICK_WORDS = LANE_WORDS.words;
const ROOM_WORDS = LANE_WORDS.room;
const PACKS = LANE_WORDS.packs;

/** The command a line names, after the global options; undefined after any other option (the lanes take none). */
function commandWord(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dir') i += 1;
    else if (!(arg === '--color' || arg === '--no-color' || arg.startsWith('--dir='))) return arg;
  }
  return undefined;
}

const CLI_CJS = path.join(__dirname, '..', 'dist', 'cli.cjs');

function notBuilt(error) {
  const missing = error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND');
  return missing && /dist[\\/](cli\.js|cli\.cjs|quick\.cjs|room\.cjs)/.test(String(error.message));
}

async function launch(argv) {
  // `--version` alone needs no lane at all: the version is package.json's.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${readJson('../package.json').version}\n`);
    return 0;
  }
  const { loadQuick, loadFull, usePack, ROOM_FILE } = require('./quick-load.js');
  // The full CLI: dist/cli.cjs and the files it requires, each loaded with its V8 code cache
  // (the ES-module dist/cli.js compiles afresh each time).
  let cli;
  const full = async () => {
    cli ??= loadFull(CLI_CJS).lane;
    return cli;
  };
  let code;
  if (argv.some((arg) => QUICK_WORDS.includes(arg)))
    code = await loadQuick().lane.quickMain(argv, { importFull: full });
  // `agenda`, `new` and the listings: the room lane (dist/room.cjs), without commander, its files
  // taken from the command's lane pack (one file and one code cache for all of them).
  const word = commandWord(argv);
  if (code === undefined && ROOM_WORDS.includes(word)) {
    usePack(path.join(__dirname, '..', 'dist', 'packs', `${PACKS[word]}.cjs`));
    code = await loadFull(ROOM_FILE).lane.roomMain(argv);
  }
  if (code === undefined) code = await (await full()).main(argv);
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
