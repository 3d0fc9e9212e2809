// The benchmark behind every claim of speed in the README (issue 8).
//
//   npm run bench                 # build, then the full run (a few minutes on 2 cores)
//   node scripts/bench.mjs --quick            # fewer runs, 1,000 and 10,000 notes
//   node scripts/bench.mjs --sizes 100,1000 --runs 5 --out /tmp/b.json --keep
//   node scripts/bench.mjs --sizes 10000,100000 --runs 5   # a lifetime of notes (issue 18; ~300 MB of notes, long)
//
// It generates deterministic workspaces (scripts/bench-corpus.mjs), then times
// each command as a whole process, the way a person runs it: the median of
// --runs runs after a warm-up, with every case of a size run in turn within a
// round, so that a noisy neighbour slows every case alike. Each figure is
// divided by its floor measured in the same rounds: `node -e 0` for the quick
// commands, `rg -l` (a full scan of the same files by the fastest grep there
// is) for the commands that read every note. Peak RSS comes from one extra run
// of each case. Each ratio is printed next to its target (issues 8, 17 and 18)
// with met/missed. After the timing, the staleness test (bench-staleness.mjs)
// changes three notes behind the cache's back and the next listing must show
// each change. More cases come from scripts/bench-cases/*.mjs: each exports
// `cases(ctx)` returning cases of the shape described at casesFor.
// Results are printed as a table and written as JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_TAG, DEFAULT_SEED, generateCorpus } from './bench-corpus.mjs';
import { checkStaleness } from './bench-staleness.mjs';
import { roomCases, setUpRoom } from './bench-room.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI under test; --cli points at another build (an A/B comparison of two trees). */
let BIN = path.join(ROOT, 'bin', 'confnotes.js');
/** The instant every child sees as "now", so `new` and `jot` write the same bytes on every run. */
const FIXED_NOW = '2026-04-14T09:30:00Z';
/** A word of the corpus's texts; `list --search` looks at every note's body, so it reads every file. */
const SEARCH_WORD = 'checker';
/** A word of a few notes' titles and tags (storage/ceph, ~1.6% of them): what a person searches for. */
const RARE_WORD = 'ceph';

/**
 * Targets by corpus size: `{10000: 2, 100000: 1.5}` means ≤ 2× from 10,000
 * notes and ≤ 1.5× from 100,000; a smaller corpus shows its ratio without a
 * verdict. Ratios are to the case's floor; RSS targets are in MB.
 */
const TARGETS = {
  quick: { 0: 1.3 }, // ×`node -e 0`: --version, jot, non-interactive new (issue 8)
  scan: { 10000: 2, 100000: 1.5 }, // ×`rg -l`: list --tag, tags (issue 18)
  table: { 10000: 3, 100000: 2 }, // ×`rg -l`: list --all as a table
  cold: { 10000: 12, 100000: 12 }, // ×`rg -l`: the first listing, no cache
  check: { 10000: 6, 100000: 6 }, // ×`rg -l`: check --all, nothing changed
  report: { 0: 1.3 }, // × the same conference alone in a workspace
  search: { 10000: 3 }, // ×`rg -l -i <word>`: confnotes search <word> (issue 17)
  scanRssMB: { 10000: 100, 100000: 200 },
  coldRssMB: { 100000: 400 },
};

/** The target of a size: the one of the largest threshold not above it, else null. */
function targetAt(targets, notes) {
  if (targets === null || targets === undefined) return null;
  const keys = Object.keys(targets)
    .map(Number)
    .filter((n) => n <= notes)
    .sort((a, b) => b - a);
  return keys.length ? targets[keys[0]] : null;
}

/**
 * From this many notes a run of every case costs seconds (a cold listing of
 * 100,000 notes parses ~300 MB): unless --runs/--warmup are given, such a size
 * gets LARGE_RUNS runs after one warm-up, and a `costly` case (one that redoes
 * the whole parse on every run) is timed COSTLY_RUNS times, without warm-up.
 */
const LARGE_NOTES = 50_000;
const LARGE_RUNS = 3;
const COSTLY_RUNS = 1;

/** Runs and warm-up rounds at a size (see LARGE_NOTES). */
function roundsAt(options, notes) {
  const large = notes >= LARGE_NOTES;
  return {
    runs: large && !options.runsGiven ? Math.min(options.runs, LARGE_RUNS) : options.runs,
    warmup: large && !options.warmupGiven ? Math.min(options.warmup, 1) : options.warmup,
    large,
  };
}

/** Whether case `c` runs in round `r` of `rounds`: a costly case at a large size only in the last COSTLY_RUNS. */
function runsInRound(c, r, rounds) {
  return !(c.costly && rounds.large) || r >= rounds.warmup + rounds.runs - COSTLY_RUNS;
}

/** The conference `report` is timed on holds this many notes (fewer in a smaller corpus). */
const REPORT_NOTES = 500;

function parseArgs(argv) {
  const options = {
    quick: false,
    runs: undefined,
    warmup: undefined,
    sizes: undefined,
    out: undefined,
    keep: false,
    seed: DEFAULT_SEED,
    rss: 'auto',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--runs') options.runs = positive(arg, value());
    else if (arg === '--warmup') options.warmup = Number(value());
    else if (arg === '--sizes')
      options.sizes = value()
        .split(',')
        .map((n) => positive(arg, n.replace(/_/g, '')));
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--seed') options.seed = positive(arg, value());
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--cli') options.cli = path.resolve(value());
    else if (arg === '--markdown') options.markdown = path.resolve(value());
    else if (arg === '--only') options.only = value();
    else if (arg === '--rss') {
      options.rss = value();
      if (!['auto', 'time', 'preload'].includes(options.rss)) fail('--rss is auto, time or preload');
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(
        'usage: node scripts/bench.mjs [--quick] [--runs N] [--warmup N] [--sizes 100,1000,10000] [--seed N] [--out file.json] [--keep] [--rss auto|time|preload] [--cli path/to/bin/confnotes.js] [--only search]\n' +
          '       node scripts/bench.mjs --markdown bench/results.json   # the README table of an earlier run\n',
      );
      process.exit(0);
    } else fail(`unknown option ${arg}`);
  }
  // Rounds asked for (--runs/--warmup) hold at every size; else a large corpus gets fewer (roundsAt).
  options.runsGiven = options.runs !== undefined;
  options.warmupGiven = options.warmup !== undefined;
  options.runs ??= options.quick ? 5 : 11;
  options.warmup ??= options.quick ? 1 : 2;
  options.sizes ??= options.quick ? [1_000, 10_000] : [100, 1_000, 10_000];
  options.out ??= path.join(ROOT, 'bench', options.quick ? 'results/quick.json' : 'results.json');
  return options;
}

function positive(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`${name}: "${text}" is not a positive whole number`);
  return n;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, command))) return path.join(dir, command);
  }
  return null;
}

/** The same environment for every child: no colour, a fixed clock, a home with no workspace in it. */
function childEnv(home) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
    NO_COLOR: '1',
    CONFNOTES_NOW: FIXED_NOW,
  };
}

/** The ISO instant (UTC) of a wall time in an IANA zone (UTC when none), found by asking Intl for the offset. */
function instantOfWallTime(day, time, zone = 'UTC') {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  const offsetAt = (ms) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      })
        .formatToParts(new Date(ms))
        .map((p) => [p.type, p.value]),
    );
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) - ms;
  };
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess)).toISOString();
}

function run(argv, { cwd, env }) {
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Peak RSS of one run, in MB. GNU time's %M is the kernel's own count for the
 * child; without GNU time, a preloaded script has the Node child report its
 * own process.resourceUsage().maxRSS as it exits (no figure for rg then).
 */
function makeRssMeter(scratch, choice) {
  const timeBin = '/usr/bin/time';
  const outFile = path.join(scratch, 'rss.txt');
  if (choice !== 'preload' && fs.existsSync(timeBin)) {
    const probe = spawnSync(timeBin, ['-f', '%M', '-o', outFile, process.execPath, '-e', '0'], {
      stdio: 'ignore',
    });
    if (probe.status === 0 && /^\d+\s*$/.test(safeRead(outFile))) {
      return {
        method: 'GNU time %M',
        measure(argv, options) {
          fs.rmSync(outFile, { force: true });
          const result = spawnSync(timeBin, ['-f', '%M', '-o', outFile, ...argv], {
            ...options,
            stdio: 'ignore',
          });
          const kb = Number(safeRead(outFile).trim().split('\n').pop());
          return result.status === null || !Number.isFinite(kb) ? null : kb / 1024;
        },
      };
    }
  }
  if (choice === 'time') fail('--rss time needs GNU time at /usr/bin/time');
  const preload = path.join(scratch, 'report-rss.cjs');
  fs.writeFileSync(
    preload,
    "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  return {
    method: 'process.resourceUsage().maxRSS of the Node child (preloaded)',
    measure(argv, options) {
      if (argv[0] !== process.execPath) return null;
      fs.rmSync(outFile, { force: true });
      const env = { ...options.env, NODE_OPTIONS: `--require ${preload}`, BENCH_RSS_FILE: outFile };
      spawnSync(argv[0], argv.slice(1), { ...options, env, stdio: 'ignore' });
      const kb = Number(safeRead(outFile));
      return Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
    },
  };
}

function safeRead(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Commands written by other issues are timed once they exist. */
function available(name, env) {
  // Commander answers `<unknown> --help` with the program's help and exit 0, so look at what it printed.
  const result = spawnSync(process.execPath, [BIN, name, '--help'], { env, encoding: 'utf8' });
  return result.status === 0 && result.stdout.startsWith(`Usage: confnotes ${name} `);
}

/** The note cache (the first listing after a clone); check's and search's own caches stay, for their cases. */
function removeCache(ws) {
  const dir = path.join(ws, '.confnotes');
  for (const name of fs.readdirSync(dir))
    if (/^(cache|notes-cache)/.test(name)) fs.rmSync(path.join(dir, name), { force: true, recursive: true });
}

/** Case sources beyond the core ones: every scripts/bench-cases/*.mjs (each exports `cases(ctx)`). */
async function loadCaseModules() {
  const dir = path.join(ROOT, 'scripts', 'bench-cases');
  if (!fs.existsSync(dir)) return [];
  const names = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mjs'))
    .sort();
  return Promise.all(names.map((name) => import(pathToFileURL(path.join(dir, name)).href)));
}

/**
 * The cases for one workspace. A case: `name`, `argv` (or `argv(round)`),
 * optional `cwd` (default the corpus), `floor` (the name of the case a figure
 * is divided by), `target`/`rssTarget` (by size, see TARGETS), `group: 'floor'`,
 * `okStatus`, `before()`, `checkOutput(stdout)`, `sameOutputAs`, `mutates`, `env` (added to the
 * children's environment for this case).
 * Read-only cases run first; `new` then `jot` change the workspace, so they come last.
 */
function casesFor(corpus, have, rgPath, modules) {
  const node = (...args) => [process.execPath, BIN, ...args];
  const scanFloor = rgPath ? 'rg -l' : null;
  const tagPattern = `^tags:.*\\b${BENCH_TAG}\\b`;
  const tagged = (stdout) => JSON.parse(stdout).length === corpus.tagged || `expected ${corpus.tagged} notes`;
  const cases = [
    { name: 'node -e 0', argv: [process.execPath, '-e', '0'], group: 'floor' },
    rgPath && {
      name: 'rg -l',
      argv: [rgPath, '-l', '--no-config', '-g', '*.md', tagPattern, '.'],
      group: 'floor',
      okStatus: [0, 1],
    },
    // search (issue 17) against rg doing the same job: every note holding the word, in any case.
    ...(have.search && rgPath
      ? [RARE_WORD, SEARCH_WORD].map((word) => ({
          name: `rg -l -i ${word}`,
          argv: [rgPath, '-l', '-i', '--no-config', '-g', '*.md', word, '.'],
          group: 'floor',
          okStatus: [0, 1],
        }))
      : []),
    { name: '--version', argv: node('--version'), floor: 'node -e 0', target: TARGETS.quick },
    {
      name: `list --all --tag ${BENCH_TAG} --json`,
      argv: node('list', '--all', '--tag', BENCH_TAG, '--json'),
      floor: scanFloor,
      target: TARGETS.scan,
      rssTarget: TARGETS.scanRssMB,
      checkOutput: tagged,
    },
    {
      name: `list --all --tag ${BENCH_TAG} --json (cache deleted)`,
      argv: node('list', '--all', '--tag', BENCH_TAG, '--json'),
      before: () => removeCache(corpus.root),
      costly: true,
      floor: scanFloor,
      target: TARGETS.cold,
      rssTarget: TARGETS.coldRssMB,
      sameOutputAs: `list --all --tag ${BENCH_TAG} --json`,
    },
    {
      name: 'tags --all',
      argv: node('tags', '--all'),
      floor: scanFloor,
      target: TARGETS.scan,
      rssTarget: TARGETS.scanRssMB,
    },
    { name: 'list --all (table)', argv: node('list', '--all'), floor: scanFloor, target: TARGETS.table },
    // A search needs every body, which the cache does not hold: this is the price of reading them.
    {
      name: `list --all --search ${SEARCH_WORD} --json`,
      argv: node('list', '--all', '--search', SEARCH_WORD, '--json'),
      floor: scanFloor,
    },
    // The first run builds the index (a warm-up); the timed runs check every note's stamp and read it.
    have.search && {
      name: `search ${RARE_WORD} --json`,
      argv: node('search', RARE_WORD, '--json'),
      floor: rgPath ? `rg -l -i ${RARE_WORD}` : null,
      target: TARGETS.search,
    },
    // The worst case: a word in nine notes of ten, so nearly every note is a hit with a snippet.
    have.search && {
      name: `search ${SEARCH_WORD} --json (most notes match)`,
      argv: node('search', SEARCH_WORD, '--json'),
      floor: rgPath ? `rg -l -i ${SEARCH_WORD}` : null,
    },
    // One conference of the workspace against the very same folder alone in a workspace of its own.
    have.report && {
      name: `report <slug> (${corpus.reportNotes} notes, alone)`,
      argv: node('report', corpus.reportConference),
      cwd: corpus.aloneRoot,
      floor: 'node -e 0',
    },
    have.report && {
      name: `report <slug> (${corpus.reportNotes} notes)`,
      argv: node('report', corpus.reportConference),
      floor: `report <slug> (${corpus.reportNotes} notes, alone)`,
      target: TARGETS.report,
    },
    have.check && {
      name: 'check --all',
      argv: node('check', '--all'),
      floor: scanFloor,
      target: TARGETS.check,
      okStatus: [0, 1],
    },
    // The room commands on a 300-talk programme (scripts/bench-room.mjs); before `new`, which `jot` writes into.
    ...roomCases({ node, root: corpus.root }),
    ...modules.flatMap((module) =>
      module.cases({ corpus, have, rgPath, node, scanFloor, TARGETS, BENCH_TAG }),
    ),
    {
      name: 'new',
      mutates: true,
      argv: (round) =>
        node(
          'new',
          `Bench talk ${round}`,
          '--conf',
          corpus.reportConference,
          '--at',
          `${corpus.reportDay} 10:00`,
          '--tag',
          BENCH_TAG,
        ),
      floor: 'node -e 0',
      target: TARGETS.quick,
    },
    // A jot while the talk is on, as in the room: "now" is an instant inside the slot of the note
    // `new` made (an instant, as the real clock gives: a wall time would be read through Intl).
    have.jot && {
      name: 'jot',
      mutates: true,
      env: { CONFNOTES_NOW: corpus.jotNow },
      argv: (round) => node('jot', `bench line ${round}`),
      floor: 'node -e 0',
      target: TARGETS.quick,
    },
    // The same jot hours after the talk: it warns and names the talk on now, which loads the full CLI.
    have.jot && {
      name: "jot (outside the note's slot)",
      mutates: true,
      argv: (round) => node('jot', `late line ${round}`),
      floor: 'node -e 0',
    },
  ];
  return cases.filter(Boolean);
}

/** With `--only <text>`: the cases whose name holds the text, and the floors they are divided by. */
function onlyCases(cases, only) {
  if (only === undefined) return cases;
  const kept = new Set(cases.filter((c) => c.name.includes(only)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of cases) {
      // A case's floor and the case its output is compared with come along.
      if (kept.has(c) || ![...kept].some((k) => k.floor === c.name || k.sameOutputAs === c.name)) continue;
      kept.add(c);
      grew = true;
    }
  }
  if (kept.size === 0) fail(`--only ${only}: no case's name holds it`);
  return cases.filter((c) => kept.has(c));
}

function benchSize(corpus, options, env, have, rgPath, rss, modules) {
  const cases = onlyCases(casesFor(corpus, have, rgPath, modules), options.only);
  const samples = new Map(cases.map((c) => [c.name, []]));
  const outputs = new Map();
  const problems = [];
  const exec = (c, round) => {
    c.before?.();
    const argv = typeof c.argv === 'function' ? c.argv(round) : c.argv;
    const result = run(argv, { cwd: c.cwd ?? corpus.root, env: c.env ? { ...env, ...c.env } : env });
    if (!(c.okStatus ?? [0]).includes(result.status)) {
      throw new Error(
        `${c.name} (${corpus.notes} notes) exited with ${result.status}: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`,
      );
    }
    return { ...result, argv };
  };
  // Read-only cases in rounds, then each changing case in its own rounds (new before jot: jot needs a current note).
  const phases = [cases.filter((c) => !c.mutates), ...cases.filter((c) => c.mutates).map((c) => [c])];
  const floors = cases.filter((c) => c.group === 'floor');
  const rounds = roundsAt(options, corpus.notes);
  let round = 0;
  for (const phase of phases) {
    const inRound = phase.some((c) => c.group === 'floor') ? phase : [...floors, ...phase];
    for (let r = 0; r < rounds.warmup + rounds.runs; r++, round++) {
      for (const c of inRound) {
        if (!runsInRound(c, r, rounds)) continue;
        const first = !(c.costly && rounds.large) ? r === 0 : r === rounds.warmup + rounds.runs - COSTLY_RUNS;
        const result = exec(c, round);
        if (first) {
          const verdict = c.checkOutput?.(result.stdout);
          if (typeof verdict === 'string') problems.push(`${c.name}: ${verdict}`);
        }
        // The last round's output is compared: by then the warm cases read a cache written by earlier rounds.
        outputs.set(c.name, result.stdout);
        if (r >= rounds.warmup) samples.get(c.name).push(result.ms);
      }
    }
  }
  for (const c of cases) {
    if (c.sameOutputAs && outputs.get(c.name) !== outputs.get(c.sameOutputAs))
      problems.push(`${c.name}: output differs from "${c.sameOutputAs}"`);
  }
  const results = cases.map((c) => {
    const ms = samples.get(c.name);
    const argv = typeof c.argv === 'function' ? c.argv(round++) : c.argv;
    c.before?.();
    const peak = rss.measure(argv, { cwd: c.cwd ?? corpus.root, env: c.env ? { ...env, ...c.env } : env });
    return {
      name: c.name,
      command: argv
        .map((a) => (a === process.execPath ? 'node' : a === BIN ? 'bin/confnotes.js' : a))
        .join(' '),
      medianMs: round1(median(ms)),
      minMs: round1(Math.min(...ms)),
      maxMs: round1(Math.max(...ms)),
      samplesMs: ms.map(round1),
      floor: c.floor ?? null,
      target: targetAt(c.target, corpus.notes),
      rssTarget: targetAt(c.rssTarget, corpus.notes),
      peakRssMB: peak === null ? null : round1(peak),
    };
  });
  const byName = new Map(results.map((r) => [r.name, r]));
  for (const r of results) {
    const floor = r.floor ? byName.get(r.floor) : null;
    r.floorMs = floor ? floor.medianMs : null;
    r.ratio = floor ? round2(r.medianMs / floor.medianMs) : null;
    r.meetsTarget = r.target !== null && r.ratio !== null ? r.ratio <= r.target : null;
    r.meetsRssTarget = r.rssTarget !== null && r.peakRssMB !== null ? r.peakRssMB < r.rssTarget : null;
  }
  return { results, problems, rounds };
}

const round1 = (n) => Math.round(n * 10) / 10;
const round2 = (n) => Math.round(n * 100) / 100;

function table(sizes) {
  const rows = [['notes', 'command', 'median', 'floor', 'ratio', 'target', 'peak RSS']];
  for (const size of sizes) {
    for (const r of size.results) {
      // Scan targets are set for 10,000 notes; smaller sizes show their ratio without a verdict.
      const target =
        r.target === null || r.meetsTarget === null
          ? ''
          : `≤${r.target}× ${r.meetsTarget ? 'met' : 'MISSED'}`;
      const rssTarget =
        r.meetsRssTarget === null ? '' : ` (<${r.rssTarget}) ${r.meetsRssTarget ? 'met' : 'MISSED'}`;
      rows.push([
        size.notes.toLocaleString('en-US'),
        r.name,
        `${r.medianMs.toFixed(1)} ms`,
        r.floor ? `${r.floor} ${r.floorMs.toFixed(1)} ms` : '',
        r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
        target,
        r.peakRssMB === null ? '' : `${r.peakRssMB.toFixed(0)} MB${rssTarget}`,
      ]);
    }
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => [...row[col]].length)));
  const right = new Set([0, 2, 4, 6]);
  return rows
    .map((row, i) => {
      const line = row
        .map((cell, col) => (right.has(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
        .join('  ')
        .trimEnd();
      return i === 0 ? `${line}\n${'-'.repeat(line.length)}` : line;
    })
    .join('\n');
}

/** One line per size: each staleness check, passed or STALE. */
function stalenessLines(sizes) {
  return sizes.map(
    (size) =>
      `staleness test, ${size.notes.toLocaleString('en-US')} notes: ${Object.entries(size.staleness ?? {})
        .map(([check, ok]) => `${check} ${ok ? 'ok' : 'STALE'}`)
        .join(', ')}`,
  );
}

/** How each figure grows from the second-largest size to the largest: 10× the notes should cost at most 10× the work. */
function growth(sizes) {
  if (sizes.length < 2) return null;
  const [small, large] = sizes.slice(-2);
  const floorOf = (size) => size.results.find((r) => r.name === 'node -e 0').medianMs;
  const cases = {};
  for (const r of large.results) {
    const before = small.results.find((s) => s.name === r.name);
    if (!before || r.name === 'node -e 0') continue;
    const overFloorBefore = before.medianMs - floorOf(small);
    const overFloorAfter = r.medianMs - floorOf(large);
    cases[r.name] = {
      factor: round2(r.medianMs / before.medianMs),
      // The part above the bare Node start-up, which is what the notes cost.
      factorAboveNodeStart: overFloorBefore > 1 ? round2(overFloorAfter / overFloorBefore) : null,
    };
  }
  return { from: small.notes, to: large.notes, notesFactor: large.notes / small.notes, cases };
}

function machine(rgPath) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    rg: rgPath ? spawnSync(rgPath, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : null,
  };
}

/** A case's name as Markdown: the command as code, a remark in brackets after it as text. */
const code = (name) =>
  name.replace(/^(.*?)( \(.*\))?$/, (_, command, remark = '') => `\`${command}\`${remark}`);

/** The README's table, from a results file. */
function markdown(report) {
  const lines = [
    `${report.machine.cpu}, ${report.machine.memoryGB} GB, ${report.machine.os}; Node ${report.machine.node}; ${report.machine.rg ?? 'no rg'}; ${report.date.slice(0, 10)}; median of ${report.runs} runs after ${report.warmup} warm-up (${report.mode} run, ${report.seconds} s).`,
    '',
    '| notes | command | median | floor | ratio | target | peak RSS |',
    '| ---: | --- | ---: | --- | ---: | --- | ---: |',
  ];
  for (const size of report.sizes) {
    for (const r of size.results) {
      const target =
        r.target === null || r.meetsTarget === null
          ? ''
          : `≤ ${r.target}× ${r.meetsTarget ? 'met' : '**missed**'}`;
      const rss =
        r.peakRssMB === null
          ? ''
          : `${r.peakRssMB.toFixed(0)} MB${r.meetsRssTarget === null ? '' : r.meetsRssTarget ? ` (< ${r.rssTarget} met)` : ` (**≥ ${r.rssTarget}**)`}`;
      lines.push(
        `| ${size.notes.toLocaleString('en-US')} | ${code(r.name)} | ${r.medianMs.toFixed(1)} ms | ${r.floor ? `\`${r.floor}\` ${r.floorMs.toFixed(1)} ms` : ''} | ${r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`} | ${target} | ${rss} |`,
      );
    }
  }
  lines.push('', ...stalenessLines(report.sizes).map((line) => `${line}.`));
  if (report.growth) {
    lines.push(
      '',
      `Growth from ${report.growth.from.toLocaleString('en-US')} to ${report.growth.to.toLocaleString('en-US')} notes (${report.growth.notesFactor}× the notes):`,
      '',
    );
    lines.push('| command | median grows | above Node start-up |', '| --- | ---: | ---: |');
    for (const [name, g] of Object.entries(report.growth.cases)) {
      lines.push(
        `| ${code(name)} | ${g.factor.toFixed(2)}× | ${g.factorAboveNodeStart === null ? '' : `${g.factorAboveNodeStart.toFixed(2)}×`} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.markdown) {
    process.stdout.write(markdown(JSON.parse(fs.readFileSync(options.markdown, 'utf8'))));
    return;
  }
  if (options.cli) BIN = options.cli;
  else if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js')))
    fail('dist/cli.js is missing: run `npm run bench` (it builds first)');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'confnotes-bench-'));
  const home = path.join(scratch, 'home');
  fs.mkdirSync(home);
  const env = childEnv(home);
  const rgPath = onPath('rg');
  const rss = makeRssMeter(scratch, options.rss);
  const have = {
    jot: available('jot', env),
    report: available('report', env),
    check: available('check', env),
    search: available('search', env),
  };
  const info = machine(rgPath);
  const modules = await loadCaseModules();
  const started = Date.now();
  process.stderr.write(
    `bench: ${info.cpu}, Node ${info.node}; sizes ${options.sizes.join(', ')}; median of ${options.runs} runs after ${options.warmup} warm-up${options.sizes.some((n) => n >= LARGE_NOTES) && !options.runsGiven ? ` (${LARGE_RUNS} from ${LARGE_NOTES.toLocaleString('en-US')} notes; a cold listing there once)` : ''}\n` +
      `bench: timing ${Object.entries(have)
        .map(([name, yes]) => `${name} ${yes ? 'yes' : 'no (not in this build)'}`)
        .join(', ')}; rg ${rgPath ? 'yes' : 'no (scan ratios left empty)'}; RSS by ${rss.method}\n`,
  );

  try {
    // Generate every workspace first, then give the file system a moment: a
    // cache (rightly) does not trust a file changed in the last two seconds.
    const corpora = options.sizes.map((notes) => {
      const root = path.join(scratch, `ws-${notes}`);
      const t = Date.now();
      const reportNotes = Math.min(REPORT_NOTES, Math.floor(notes / 2));
      const corpus = generateCorpus(root, { notes, seed: options.seed, reportNotes });
      const reportConf = fs.readFileSync(path.join(root, corpus.reportConference, 'conference.md'), 'utf8');
      corpus.reportDay = /^start: (\S+)/m.exec(reportConf)[1];
      corpus.jotNow = instantOfWallTime(corpus.reportDay, '10:05', /^timezone: (\S+)/m.exec(reportConf)?.[1]);
      // The report's conference alone in a workspace of its own: what `report <slug>` should cost.
      corpus.aloneRoot = path.join(scratch, `ws-${notes}-alone`);
      fs.mkdirSync(path.join(corpus.aloneRoot, '.confnotes'), { recursive: true });
      fs.copyFileSync(
        path.join(root, '.confnotes', 'config.yml'),
        path.join(corpus.aloneRoot, '.confnotes', 'config.yml'),
      );
      fs.cpSync(
        path.join(root, corpus.reportConference),
        path.join(corpus.aloneRoot, corpus.reportConference),
        {
          recursive: true,
        },
      );
      setUpRoom(root, { bin: BIN, env });
      process.stderr.write(
        `bench: generated ${notes} notes in ${corpus.conferences} conferences (${(corpus.bytes / 1e6).toFixed(1)} MB) in ${Date.now() - t} ms\n`,
      );
      return corpus;
    });
    const generated = Date.now();
    const settle = 2100 - (Date.now() - generated);
    if (settle > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, settle);

    const sizes = [];
    const problems = [];
    for (const corpus of corpora) {
      const t = Date.now();
      const {
        results,
        problems: found,
        rounds,
      } = benchSize(corpus, options, env, have, rgPath, rss, modules);
      problems.push(...found.map((p) => `${corpus.notes} notes: ${p}`));
      // Last: it changes three notes behind the cache's back; the next listing must show each change.
      const staleness = checkStaleness(
        (argv) => run([process.execPath, BIN, ...argv], { cwd: corpus.root, env }),
        { search: have.search },
      );
      problems.push(...staleness.problems.map((p) => `${corpus.notes} notes: ${p}`));
      sizes.push({
        notes: corpus.notes,
        conferences: corpus.conferences,
        megabytes: round1(corpus.bytes / 1e6),
        tag: corpus.tag,
        tagged: corpus.tagged,
        reportConference: corpus.reportConference,
        reportNotes: corpus.reportNotes,
        staleness: staleness.checks,
        runs: rounds.runs,
        warmup: rounds.warmup,
        results,
      });
      process.stderr.write(
        `bench: ${corpus.notes} notes timed in ${((Date.now() - t) / 1000).toFixed(0)} s\n`,
      );
    }
    const grown = growth(sizes);
    const report = {
      schema: 1,
      date: new Date().toISOString(),
      mode: options.quick ? 'quick' : 'full',
      machine: info,
      runs: options.runs,
      warmup: options.warmup,
      seed: options.seed,
      rssMethod: rss.method,
      cli: path.relative(ROOT, BIN),
      commands: have,
      targets: TARGETS,
      sizes,
      growth: grown,
      problems,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(`\n${table(sizes)}\n\n${stalenessLines(sizes).join('\n')}\n`);
    if (grown) {
      process.stdout.write(
        `\nGrowth ${grown.from.toLocaleString('en-US')} → ${grown.to.toLocaleString('en-US')} notes (${grown.notesFactor}× the notes): median factor, and factor above the bare Node start-up\n`,
      );
      for (const [name, g] of Object.entries(grown.cases)) {
        process.stdout.write(
          `  ${name.padEnd(48)} ${g.factor.toFixed(2)}×${g.factorAboveNodeStart === null ? '' : `   ${g.factorAboveNodeStart.toFixed(2)}×`}\n`,
        );
      }
    }
    for (const problem of problems) process.stdout.write(`\nPROBLEM: ${problem}\n`);
    process.stdout.write(
      `\n${info.cpu}, ${info.memoryGB} GB, ${info.os}, Node ${info.node}${info.rg ? `, ${info.rg}` : ''}; ${report.date.slice(0, 10)}; ${report.seconds} s\n`,
    );
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`results: ${path.relative(process.cwd(), options.out) || options.out}\n`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    if (options.keep) process.stderr.write(`bench: workspaces kept in ${scratch}\n`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
