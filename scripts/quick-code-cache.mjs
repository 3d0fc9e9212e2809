// Writes the V8 code caches bin/quick-load.js loads the quick lane and the
// CommonJS full CLI with (see there): dist/quick.cjs.cache, and a
// `<file>.cache` beside dist/cli.cjs, dist/room.cjs and each file of
// dist/chunks/ the warm-up loads. scripts/build.mjs runs this in a child Node
// of its own (a code cache fits only the Node and the flags that made it), on
// the freshly built folder: it runs `--version`, `current` and `jot` through
// the quick lane, the room commands (`new`, `new --from`, `agenda`) and the
// listings through the room lane (dist/room.cjs), then those and a few common
// ones through dist/cli.cjs, in a scratch workspace, so that their functions are compiled
// and saved. A file no warm-up command loads gets no cache (it is compiled
// afresh when a rarer command needs it).
//
//   node scripts/quick-code-cache.mjs <built folder> [<folder it will be run from>]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { warmUpIcs } from './warm-up-programme.mjs';

const require = createRequire(import.meta.url);
const { loadFull, makeCodeCache, makeCodeCaches } = require('../bin/quick-load.js');

const dist = path.resolve(process.argv[2] ?? 'dist');
const quick = path.join(dist, 'quick.cjs');
const cliCjs = path.join(dist, 'cli.cjs');
// Error stacks name the file the cache was made for: the final dist/, not the build's scratch folder.
const runFrom = (name) => path.join(path.resolve(process.argv[3] ?? dist), name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-code-cache-'));
const ws = path.join(scratch, 'ws');
// Quiet, fixed and away from the user's workspaces: the warm-up only has to run the code.
Object.assign(process.env, {
  HOME: scratch,
  CONFNOTES_NOW: '2026-04-14T09:30:00Z',
  CONFNOTES_DIR: ws,
  NO_COLOR: '1',
  TZ: 'UTC',
});
const silent = { write: () => true, isTTY: false };
const io = { stdout: silent, stderr: silent, stdin: { isTTY: false } };

try {
  const { main } = await import(pathToFileURL(path.join(dist, 'cli.js')).href);
  const full = async (...argv) => {
    const code = await main(argv, { io });
    if (code !== 0) throw new Error(`confnotes ${argv.join(' ')} exited with ${code}`);
  };
  await full('init', ws);
  await full(
    'conf',
    'new',
    'Warm Up 2026',
    '--start',
    '2026-04-14',
    '--end',
    '2026-04-14',
    '--timezone',
    'UTC',
  );
  await full('new', 'Warm-up talk', '--at', '2026-04-14 09:00');
  const bytes = await makeCodeCache(
    quick,
    async (lane) => {
      for (const argv of [
        ['--version'],
        ['current'],
        ['jot', 'a warm-up line'],
        ['jot', '--todo', 'a task'],
      ]) {
        const code = await lane.quickMain(argv, { io });
        if (code !== 0) throw new Error(`quick lane ${argv.join(' ')} exited with ${code}`);
      }
    },
    runFrom('quick.cjs'),
  );
  fs.writeFileSync(`${quick}.cache`, bytes);
  // A small programme, so that `agenda` and `new --from` run their whole path (entry 1 is on at the fixed now).
  const ics = path.join(scratch, 'warm-up.ics');
  fs.writeFileSync(ics, warmUpIcs());
  await full('import', ics);
  const cliCaches = await makeCodeCaches(cliCjs, async (cli) => {
    // The room lane first (dist/room.cjs and the files of dist/chunks/ it shares with the full CLI),
    // as typed in the room, each the whole way; then the full CLI, the room commands among its own.
    const room = loadFull(path.join(dist, 'room.cjs')).lane;
    for (const argv of [
      ['agenda', '--day', '2026-04-14'],
      ['agenda', '--day', '2026-04-14', '--json'],
      ['new', 'Room warm-up', '--speaker', 'Ada Byron', '--tag', 'warm', '--at', '2026-04-14 13:00'],
      ['new', '--from', 'warm-up-3@example.org'],
      ['list'],
      ['tags'],
      ['search', 'warm'],
    ]) {
      const code = await room.roomMain(argv, { io });
      if (code !== 0) throw new Error(`dist/room.cjs ${argv.join(' ')} exited with ${code}`);
    }
    for (const argv of [
      ['agenda', '--day', '2026-04-14'],
      ['agenda', '--day', '2026-04-14', '--json'],
      ['new', 'Warm-up note', '--speaker', 'Ada Byron', '--tag', 'warm', '--at', '2026-04-14 12:00'],
      ['new', '--from', 'now'],
      ['new', '--from', 'warm-up-2@example.org'],
      ['list'],
      ['tags'],
      ['conf', 'list'],
      ['check'],
      ['search', 'warm'],
      ['list', '--help'],
    ]) {
      const code = await cli.main(argv, { io });
      if (code !== 0) throw new Error(`dist/cli.cjs ${argv.join(' ')} exited with ${code}`);
    }
  });
  for (const [file, bytes] of cliCaches) fs.writeFileSync(`${file}.cache`, bytes);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
