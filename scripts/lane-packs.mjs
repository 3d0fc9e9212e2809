// Makes the lane packs bin/quick-load.js loads the room commands from (usePack): for each
// pack of bin/quick-words.json's `packs`, dist/packs/<name>.cjs holds every file of dist/ its
// commands load, in the order they load, each wrapped as Node's loader would wrap it, and
// dist/packs/<name>.cjs.cache its V8 code cache. One file and one cache in place of some thirty:
// the launcher reads, checks and deserialises one, where each file costs ~0.2 ms on its own.
//
// Each pack is made in two child processes of its own, so that nothing another command loaded
// is in it and nothing it lacks is hidden by a module already loaded: the first runs the pack's
// warm-up commands file by file and writes the pack from the files they loaded; the second runs
// them again through the pack, compiled afresh, and writes the cache of what they compiled. The
// two run in twin workspaces made before either, and both wait until the notes are older than
// the note cache's 2 s (RECENT_MS), so that the warm-ups take the path of a warm workspace, as a
// person's commands do (a note the caches do not hold loads its YAML reader from its own file).
//
//   node scripts/lane-packs.mjs <built folder>      (scripts/build.mjs runs it after the code caches)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { warmUpIcs } from './warm-up-programme.mjs';

const require = createRequire(import.meta.url);
const { loadFull, makePackCache, packSource, codeCacheUse } = require('../bin/quick-load.js');
const PACKS = JSON.parse(fs.readFileSync(new URL('../bin/quick-words.json', import.meta.url), 'utf8')).packs;

/** What each pack's commands are warmed up with, as typed in the room (the fixed now is 09:30 on 2026-04-14). */
export const WARM_UPS = {
  agenda: [
    ['agenda', '--day', '2026-04-14'],
    ['agenda', '--day', '2026-04-14', '--json'],
  ],
  list: [['list'], ['list', '--json'], ['list', '--tag', 'warm']],
  tags: [['tags']],
  search: [
    ['search', 'warm'],
    ['search', 'warm', '--json'],
  ],
  // Last: it adds notes, which the listings would then read from their files.
  new: [
    ['new', 'Pack warm-up', '--speaker', 'Ada Byron', '--tag', 'warm', '--at', '2026-04-14 13:00'],
    ['new', '--from', 'now'],
    ['new', '--from', 'warm-up-3@example.org'],
  ],
};

/** How long the twin workspaces are left to settle: past the note cache's RECENT_MS (test/unit/lane-packs.test.ts). */
export const SETTLE_MS = 2100;

const silent = { write: () => true, isTTY: false };
const io = { stdout: silent, stderr: silent, stdin: { isTTY: false } };

/** Runs one pack's warm-ups through the room lane of `dist`, loaded as the launcher loads it. */
async function warmUp(dist, name) {
  const room = loadFull(path.join(dist, 'room.cjs')).lane;
  for (const argv of WARM_UPS[name]) {
    const code = await room.roomMain(argv, { io });
    if (code !== 0) throw new Error(`lane pack ${name}: confnotes ${argv.join(' ')} exited with ${code}`);
  }
}

/** In a child: `record` writes the pack from the files the warm-ups load; `cache` writes its code cache. */
async function child(phase, dist, name) {
  const file = path.join(dist, 'packs', `${name}.cjs`);
  if (phase === 'record') {
    await warmUp(dist, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, packSource(dist, [...codeCacheUse.keys()]));
  } else {
    fs.writeFileSync(`${file}.cache`, await makePackCache(file, () => warmUp(dist, name)));
    // Every file the warm-ups loaded came from the pack.
    const outside = [...codeCacheUse.keys()].filter((loaded) => codeCacheUse.get(loaded) !== 'recording');
    if (outside.length > 0)
      throw new Error(`lane pack ${name}: loaded outside the pack: ${outside.join(', ')}`);
  }
}

/** Runs a command of the full CLI of `dist` in `ws`. */
async function cliIn(dist, ws, ...argv) {
  const { main } = await import(pathToFileURL(path.join(dist, 'cli.js')).href);
  const code = await main(argv[0] === 'init' ? argv : ['--dir', ws, ...argv], { io });
  if (code !== 0) throw new Error(`lane packs: confnotes ${argv.join(' ')} exited with ${code}`);
}

/** A workspace as the room has it: a conference in UTC, its programme, and a note with a tag. */
async function workspace(dist, ws) {
  const cli = (...argv) => cliIn(dist, ws, ...argv);
  await cli('init', ws);
  const conf = ['conf', 'new', 'Warm Up 2026', '--start', '2026-04-14', '--end', '2026-04-14'];
  await cli(...conf, '--timezone', 'UTC');
  const ics = path.join(path.dirname(ws), 'warm-up.ics');
  fs.writeFileSync(ics, warmUpIcs());
  await cli('import', ics, '--conf', 'warm-up-2026');
  await cli('new', 'Warm-up talk', '--tag', 'warm', '--at', '2026-04-14 09:00', '--conf', 'warm-up-2026');
}

async function makeAll(dist) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-lane-packs-'));
  // Quiet, fixed and away from the user's workspaces: the warm-ups only have to run the code.
  const env = {
    ...process.env,
    HOME: scratch,
    CONFNOTES_NOW: '2026-04-14T09:30:00Z',
    NO_COLOR: '1',
    TZ: 'UTC',
  };
  Object.assign(process.env, env);
  try {
    const twins = { record: path.join(scratch, 'record'), cache: path.join(scratch, 'cache') };
    for (const ws of Object.values(twins)) await workspace(dist, ws);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // Warm, as a person's workspace is after its first listing: the caches hold the notes and the programme.
    for (const ws of Object.values(twins))
      for (const argv of [['agenda', '--day', '2026-04-14'], ['list'], ['search', 'warm']])
        await cliIn(dist, ws, ...argv);
    const names = [...new Set(Object.values(PACKS))];
    const order = Object.keys(WARM_UPS).filter((name) => names.includes(name));
    const missing = names.filter((name) => !order.includes(name));
    if (missing.length > 0) throw new Error(`lane packs: no warm-up for ${missing.join(', ')}`);
    for (const phase of ['record', 'cache'])
      for (const name of order) {
        const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), phase, dist, name], {
          env: { ...env, CONFNOTES_DIR: twins[phase] },
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
        });
        if (made.status !== 0) throw new Error(`lane pack ${name} (${phase}): ${made.stderr.trim()}`);
      }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [first, ...rest] = process.argv.slice(2);
  if (first === 'record' || first === 'cache') await child(first, path.resolve(rest[0]), rest[1]);
  else await makeAll(path.resolve(first ?? 'dist'));
}
