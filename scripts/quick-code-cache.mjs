// Writes dist/quick.cjs.cache, the V8 code cache bin/quick-load.js loads the
// quick lane with (see there). scripts/build.mjs runs this in a child Node of
// its own (a code cache fits only the Node and the flags that made it), on the
// freshly built folder: it runs `--version`, `current` and `jot` through the
// lane in a scratch workspace, so that their functions are compiled and saved.
//
//   node scripts/quick-code-cache.mjs <built folder> [<folder it will be run from>]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { makeCodeCache } = require('../bin/quick-load.js');

const dist = path.resolve(process.argv[2] ?? 'dist');
const quick = path.join(dist, 'quick.cjs');
// Error stacks name the file the cache was made for: the final dist/, not the build's scratch folder.
const runFrom = path.join(path.resolve(process.argv[3] ?? dist), 'quick.cjs');
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
    runFrom,
  );
  fs.writeFileSync(`${quick}.cache`, bytes);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
