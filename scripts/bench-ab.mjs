// A/B start-up of the quick commands against another build, interleaved.
//
//   git worktree add /tmp/old be99b8d && (cd /tmp/old && npm ci && npm run build)
//   node scripts/bench-ab.mjs --old /tmp/old/bin/confnotes.js [--rounds 80] [--room]
//
// `npm run bench` times one build against its floors; this runs two builds in
// the same rounds (each round runs every case once, in alternating order), so a
// noisy neighbour slows both alike, and prints each median as a multiple of
// `node -e 0` measured in those rounds, twice: wall time, and the CPU time
// (user + system) each process reports at exit through a preloaded hook (the
// same hook in every case, `node -e 0` included), which a busy machine
// disturbs far less. Each build gets a workspace of its own, made by its own
// CLI, with one note whose slot holds the fixed "now". With --room, the room
// commands too (`agenda`, `new`, `new --from`) on the 300-talk programme of
// scripts/bench-room.mjs, imported by each build's own CLI; the notes those
// write are removed before each round, so every round starts alike.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOM_CONFERENCE, setUpRoom } from './bench-room.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOW = '2026-12-02T10:05:00Z';

function parse(argv) {
  const options = { old: null, rounds: 60, warmup: 3, room: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--old') options.old = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--room') options.room = true;
    else if (argv[i] === '--rounds') options.rounds = Number(argv[++i]);
    else
      throw new Error(
        `unknown option ${argv[i]}; usage: bench-ab.mjs --old other/bin/confnotes.js [--rounds N] [--room]`,
      );
  }
  if (!options.old || !fs.existsSync(options.old))
    throw new Error('--old needs the bin/confnotes.js of another build');
  if (!(options.rounds > 0)) throw new Error('--rounds needs a positive number');
  return options;
}

/** A workspace made by `bin`: one conference in UTC and one note from 10:00 to 10:40. */
function workspace(bin, dir, env) {
  fs.mkdirSync(dir, { recursive: true });
  const cli = (...args) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')}: ${result.stderr}`);
  };
  cli('init', '.');
  cli('conf', 'new', 'Start-up Bench', '--start', '2026-12-01', '--end', '2026-12-03', '--timezone', 'UTC');
  cli('new', 'A talk', '--at', '2026-12-02 10:00');
}

/** The commands timed, each in both builds: [label, argv]. */
const commands = [
  ['jot', ['jot', 'a line of notes']],
  ['current', ['current']],
  ['--version', ['--version']],
];
/** The room commands (--room), at a now during the keynote of the programme's second day. */
const ROOM_NOW = '2026-04-14T09:30:00Z';
const DAY = '2026-04-14';
const roomCommands = [
  ['agenda', ['agenda', '--conf', ROOM_CONFERENCE, '--day', DAY]],
  ['agenda --json', ['agenda', '--conf', ROOM_CONFERENCE, '--day', DAY, '--json']],
  [
    'new',
    [
      'new',
      'Room talk',
      '--conf',
      ROOM_CONFERENCE,
      '--speaker',
      'Ada Byron',
      '--tag',
      'storage',
      '--at',
      `${DAY} 11:00`,
    ],
  ],
  ['new --from now', ['new', '--from', 'now', '--conf', ROOM_CONFERENCE]],
  ['new --from uid', ['new', '--from', 'room-bench-0150@bench.example.org', '--conf', ROOM_CONFERENCE]],
];

/** Removes the notes the room commands wrote, so each round writes new ones. */
function clearRoomNotes(root) {
  const folder = path.join(root, ROOM_CONFERENCE);
  for (const name of fs.readdirSync(folder))
    if (name.endsWith('.md') && name !== 'conference.md') fs.rmSync(path.join(folder, name));
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

const options = parse(process.argv.slice(2));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-bench-ab-'));
try {
  const env = { PATH: process.env.PATH, HOME: scratch, CONFNOTES_NOW: NOW, NO_COLOR: '1', LANG: 'C.UTF-8' };
  const cases = [{ name: 'node -e 0', args: ['-e', '0'], cwd: scratch, env }];
  const timed = options.room ? [...commands, ...roomCommands] : commands;
  const roots = [];
  for (const [label, bin] of [
    ['old', options.old],
    ['new', path.join(ROOT, 'bin', 'confnotes.js')],
  ]) {
    const cwd = path.join(scratch, label);
    workspace(bin, cwd, env);
    // The room commands in a workspace of their own: the notes they write become current.
    const roomCwd = path.join(scratch, `${label}-room`);
    if (options.room) {
      workspace(bin, roomCwd, env);
      setUpRoom(roomCwd, { bin, env });
      roots.push(roomCwd);
    }
    for (const [name, argv] of timed) {
      const room = roomCommands.some((one) => one[0] === name);
      cases.push({
        name: `${label} ${name}`,
        args: [bin, ...argv],
        cwd: room ? roomCwd : cwd,
        env: room ? { ...env, CONFNOTES_NOW: ROOM_NOW } : env,
      });
    }
  }
  // Caches keep nothing changed in the last 2 s (programme-cache.ts): let the programmes age first.
  if (options.room) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
  // process.cpuUsage() at exit: the whole process's CPU time, start-up included, on a fourth descriptor.
  const hook = path.join(scratch, 'cpu-hook.cjs');
  fs.writeFileSync(
    hook,
    "process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(3, String(u.user + u.system)); });\n",
  );
  const times = new Map(cases.map((one) => [one.name, []]));
  const cpu = new Map(cases.map((one) => [one.name, []]));
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (const root of roots) clearRoomNotes(root);
    for (const one of round % 2 ? [...cases].reverse() : cases) {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, ['-r', hook, ...one.args], {
        cwd: one.cwd,
        env: one.env,
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0) throw new Error(`${one.name}: ${result.stderr}`);
      if (round >= options.warmup) {
        times.get(one.name).push(ms);
        cpu.get(one.name).push(Number(String(result.output[3]).trim()) / 1000);
      }
    }
  }
  for (const [what, table] of [
    ['wall time', times],
    ['CPU time', cpu],
  ]) {
    const floor = median(table.get('node -e 0'));
    process.stdout.write(
      `${what}: median of ${options.rounds} interleaved rounds; ratio to node -e 0 (${floor.toFixed(1)} ms)\n`,
    );
    for (const command of timed.map((one) => one[0])) {
      const [old, now] = ['old', 'new'].map((label) => median(table.get(`${label} ${command}`)));
      process.stdout.write(
        `  ${command.padEnd(15)} old ${old.toFixed(1)} ms ${(old / floor).toFixed(3)}×   new ${now.toFixed(1)} ms ${(now / floor).toFixed(3)}×   new/old ${(now / old).toFixed(3)}\n`,
      );
    }
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
