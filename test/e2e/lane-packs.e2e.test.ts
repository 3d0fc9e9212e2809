/**
 * The lane packs (dist/packs/<name>.cjs, scripts/lane-packs.mjs): a room
 * command run through the launcher takes every file of dist/ it loads from its
 * pack, one file with one code cache, and reads none of them on its own; each
 * module is still loaded once, under its own file's name. Without a pack, with
 * a damaged or foreign one, or for a file the pack lacks, the files are loaded
 * one by one, and the output is the same.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confnotes } from '../helpers/cli.js';
import { REPO, summitAndBuildCopy } from '../helpers/built-copy.js';
import { tempDir } from '../helpers/workspace.js';

const NOW = { CONFNOTES_NOW: '2013-04-16T16:35:00Z' };
const WORDS = JSON.parse(fs.readFileSync(path.join(REPO, 'bin', 'quick-words.json'), 'utf8')) as {
  room: string[];
  packs: Record<string, string>;
};
let home: string;
let ws: string;
/** A copy of bin/, dist/ and templates/, to damage. */
let copy: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Files of dist/ the process read itself (relative to dist/), in order. */
  read: string[];
  /** Files of dist/ in Node's module cache at exit. */
  loaded: string[];
}

/**
 * Runs the launcher of `root` with a hook that records, at exit, every file of
 * its dist/ read through fs.readFileSync (how bin/quick-load.js reads files,
 * caches and packs) and every file of it in Node's module cache.
 */
function run(root: string, args: string[], flags: string[] = []): Run {
  const hook = path.join(home, 'read-hook.cjs');
  const dist = path.join(root, 'dist');
  fs.writeFileSync(
    hook,
    `const fs = require('node:fs'); const path = require('node:path');
    const dist = ${JSON.stringify(dist + path.sep)}; const read = [];
    const plain = fs.readFileSync;
    fs.readFileSync = function (file, ...rest) {
      if (typeof file === 'string' && file.startsWith(dist)) read.push(path.relative(dist, file));
      return plain.call(this, file, ...rest);
    };
    process.on('exit', () => {
      const loaded = Object.keys(require.cache).filter((f) => f.startsWith(dist)).map((f) => path.relative(dist, f));
      fs.writeSync(2, '\\nLANE ' + JSON.stringify({ read, loaded }) + '\\n');
    });`,
  );
  const result = spawnSync(
    process.execPath,
    [...flags, '-r', hook, path.join(root, 'bin', 'confnotes.js'), ...args],
    {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...NOW },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const at = result.stderr.lastIndexOf('\nLANE ');
  const probe = JSON.parse(result.stderr.slice(at + 6)) as { read: string[]; loaded: string[] };
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.slice(0, at), ...probe };
}

/** What a person sees: exit code and both streams. */
const seen = (r: Run) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

/** The room lines of this test, after `new` has made the notes the listings show. */
const ROOM_LINES = [
  ['agenda', '--day', '2013-04-16'],
  ['agenda', '--day', '2013-04-16', '--json'],
  ['list'],
  ['ls', '--json'],
  ['list', '--tag', 'quantum'],
  ['tags'],
  ['search', 'quantum'],
  ['search', 'quantum', '--json'],
];

beforeAll(async () => {
  home = tempDir();
  ({ ws, copy } = summitAndBuildCopy(home, NOW));
  // A source-mapped build (`npm run coverage`) makes no code caches nor packs: make the copy's.
  if (!fs.existsSync(path.join(copy, 'dist', 'packs'))) {
    for (const script of ['quick-code-cache.mjs', 'lane-packs.mjs'])
      expect(
        spawnSync(process.execPath, [path.join(REPO, 'scripts', script), path.join(copy, 'dist')]).status,
      ).toBe(0);
  }
  // Notes changed in the last 2 s are read from their files, not the caches (RECENT_MS): let them age, then warm the caches.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  for (const args of ROOM_LINES) expect(confnotes(args, { cwd: ws, env: NOW }).code).toBe(0);
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('lane packs', () => {
  it('are built for every room word, and name only files of dist/', () => {
    expect(Object.keys(WORDS.packs).sort()).toEqual([...WORDS.room].sort());
    for (const name of new Set(Object.values(WORDS.packs))) {
      const pack = fs.readFileSync(path.join(copy, 'dist', 'packs', `${name}.cjs`), 'utf8');
      expect(fs.existsSync(path.join(copy, 'dist', 'packs', `${name}.cjs.cache`)), name).toBe(true);
      const names = [
        ...pack.matchAll(/^\["([^"]+)", function \(exports, require, module, __filename, __dirname\) \{/gm),
      ].map((m) => m[1]!);
      expect(names[0], name).toBe('room.cjs');
      expect(names.length, name).toBeGreaterThan(10);
      for (const file of names) {
        // Each file of the pack, byte for byte, between its wrapper's braces.
        const text = fs.readFileSync(path.join(copy, 'dist', file), 'utf8');
        expect(
          pack.includes(`function (exports, require, module, __filename, __dirname) {${text}\n}]`),
          file,
        ).toBe(true);
      }
    }
  });

  it('give a room command every file it loads: it reads its pack and cache, and no file of its own', () => {
    const lines = [...ROOM_LINES, ['new', 'Packed talk', '--tag', 'pack'], ['new', '--from', 'now']];
    for (const args of lines) {
      const result = run(copy, args);
      const pack = WORDS.packs[args[0]!]!;
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.read, args.join(' ')).toEqual([`packs/${pack}.cjs`, `packs/${pack}.cjs.cache`]);
      // Each module under its own file's name, as a file loaded on its own would be.
      expect(result.loaded, args.join(' ')).toContain('room.cjs');
      expect(result.loaded.length, args.join(' ')).toBeGreaterThan(10);
      expect(
        result.loaded.every((file) => !file.startsWith('packs')),
        args.join(' '),
      ).toBe(true);
    }
  });

  it('load a file the pack lacks from the file itself (a rarer path of the command)', () => {
    const result = run(copy, ['agenda', '--format', 'ics']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('BEGIN:VCALENDAR');
    expect(result.read.slice(0, 2)).toEqual(['packs/agenda.cjs', 'packs/agenda.cjs.cache']);
    const own = result.read.filter((file) => file.startsWith('chunks/') && file.endsWith('.cjs'));
    expect(own.some((file) => /plan-export/.test(file))).toBe(true);
  });

  it('are compiled afresh when V8 rejects their caches (other flags), and still hold every file', () => {
    for (const args of [
      ['tags'],
      ['agenda', '--day', '2013-04-16', '--json'],
      ['new', '--rating', '9', 'Bad'],
    ]) {
      const plain = run(copy, args);
      const flagged = run(copy, args, ['--stack-size=2000']);
      expect(seen(flagged), args.join(' ')).toEqual(seen(plain));
      const pack = WORDS.packs[args[0]!]!;
      // The pack, and only what the same line reads without the flag (a note too new for the caches loads its YAML reader).
      expect(flagged.read.slice(0, 2), args.join(' ')).toEqual([
        `packs/${pack}.cjs`,
        `packs/${pack}.cjs.cache`,
      ]);
      expect(flagged.read, args.join(' ')).toEqual(plain.read);
    }
    // A usage error thrown in a command from the pack is still one (exit 2), not a crash.
    expect(run(copy, ['new', '--rating', '9', 'Bad'], ['--stack-size=2000']).code).toBe(2);
  });

  it('change no output: without packs, with a damaged, cut short or foreign one, files are loaded one by one', () => {
    const lines = [...ROOM_LINES, ['list', '--bogus'], ['tags', '--help']];
    const reference = lines.map((args) => seen(run(copy, args)));
    expect(reference.slice(0, ROOM_LINES.length).every((r) => r.code === 0)).toBe(true);
    expect(reference.at(-2)!.code).toBe(2);
    const packs = path.join(copy, 'dist', 'packs');
    const cache = path.join(packs, 'tags.cjs.cache');
    const source = path.join(packs, 'tags.cjs');
    const goodCache = fs.readFileSync(cache);
    const goodSource = fs.readFileSync(source);
    const flipped = Buffer.from(goodCache);
    flipped[goodCache.length - Math.floor(goodCache.length / 3)]! ^= 0xff;
    const damage: [string, () => void][] = [
      ['a flipped byte in the cache', () => fs.writeFileSync(cache, flipped)],
      ['a cache cut short', () => fs.writeFileSync(cache, goodCache.subarray(0, goodCache.length - 100))],
      [
        'another build of the pack',
        () => fs.writeFileSync(source, Buffer.concat([goodSource, Buffer.from('\n')])),
      ],
      ['no cache', () => fs.rmSync(cache)],
    ];
    for (const [how, spoil] of damage) {
      spoil();
      const tags = run(copy, ['tags']);
      expect(seen(tags), how).toEqual(reference[ROOM_LINES.findIndex((a) => a[0] === 'tags')]);
      // The pack was refused: the files were read one by one.
      expect(
        tags.read.some((file) => file === 'room.cjs'),
        how,
      ).toBe(true);
      fs.writeFileSync(cache, goodCache);
      fs.writeFileSync(source, goodSource);
    }
    fs.rmSync(packs, { recursive: true });
    expect(lines.map((args) => seen(run(copy, args)))).toEqual(reference);
    expect(run(copy, ['tags']).read).toContain('room.cjs');
  });
});
