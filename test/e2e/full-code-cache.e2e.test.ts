/**
 * The full CLI as the launcher loads it (bin/quick-load.js's loadFull): dist/cli.cjs
 * and the files of dist/chunks/ a command requires, each from a V8 code cache of its
 * own. A command loads only its own files; each file is loaded once (one copy of every
 * module, so classes such as UsageError stay one); a damaged, foreign or stale cache
 * of any one file is never handed to V8 and changes no output.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { REPO, summitAndBuildCopy } from '../helpers/built-copy.js';
import { tempDir } from '../helpers/workspace.js';

const NOW = { CONFNOTES_NOW: '2013-04-16T16:35:00Z' };
let home: string;
let ws: string;
/** A copy of bin/ and dist/ (and the templates the CLI reads), so the shared build is never damaged. */
let copy: string;

interface Probe {
  code: number;
  /** loadFull's summary over the files loaded. */
  codeCache: string;
  /** Each file loaded (relative to dist/), with what its cache gave. */
  uses: Record<string, string>;
  /** Files of dist/ in Node's module cache after the command. */
  loaded: string[];
  /** A plain require() of dist/cli.cjs gives the very exports loadFull gave. */
  sameExports: boolean;
}

/** Loads the full CLI through `root`'s bin/quick-load.js and runs `args` with output discarded. */
function probe(root: string, args: string[], flags: string[] = []): Probe {
  const script = `
    const path = require('node:path');
    const dist = ${JSON.stringify(path.join(root, 'dist'))};
    const q = require(${JSON.stringify(path.join(root, 'bin', 'quick-load.js'))});
    const full = q.loadFull(path.join(dist, 'cli.cjs'));
    const silent = { write: () => true, isTTY: false };
    full.lane.main(${JSON.stringify(args)}, { io: { stdout: silent, stderr: silent, stdin: { isTTY: false } } }).then((code) => {
      const rel = (file) => path.relative(dist, file);
      const uses = Object.fromEntries([...q.codeCacheUse].map(([file, use]) => [rel(file), use]));
      const loaded = Object.keys(require.cache).filter((file) => file.startsWith(dist + path.sep)).map(rel);
      const sameExports = require(path.join(dist, 'cli.cjs')) === full.lane;
      process.stdout.write(JSON.stringify({ code, codeCache: q.loadFull(path.join(dist, 'cli.cjs')).codeCache, uses, loaded, sameExports }));
    });`;
  const result = spawnSync(process.execPath, [...flags, '-e', script], {
    cwd: ws,
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...NOW },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Probe;
}

/** Runs a command through the copied launcher. */
function runCopy(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'confnotes.js'), ...args], {
    cwd: ws,
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...NOW },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cjsFiles = (dist: string) => [
  'cli.cjs',
  ...fs
    .readdirSync(path.join(dist, 'chunks'))
    .filter((name) => name.endsWith('.cjs'))
    .map((name) => path.join('chunks', name)),
];

beforeAll(() => {
  home = tempDir();
  ({ ws, copy } = summitAndBuildCopy(home, NOW));
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('the full CLI, split into CommonJS files', () => {
  it('is made of files that never call import(), which a script run from a code cache cannot do', () => {
    const dist = path.join(REPO, 'dist');
    const files = cjsFiles(dist);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files)
      expect(fs.readFileSync(path.join(dist, file), 'utf8').match(/\bimport\(/g) ?? [], file).toEqual([]);
  });

  it('loads each file a command needs from its own code cache, and only those files', () => {
    const all = cjsFiles(path.join(REPO, 'dist'));
    for (const args of [
      ['agenda', '--day', '2013-04-16'],
      ['new', 'Cached talk', '--tag', 'cache'],
      ['new', '--from', 'now'],
      ['list'],
      ['tags'],
      ['list', '--help'],
    ]) {
      const result = probe(REPO, args);
      expect(result, args.join(' ')).toMatchObject({ code: 0, codeCache: 'used', sameExports: true });
      expect(
        Object.values(result.uses).every((use) => use === 'used'),
        args.join(' '),
      ).toBe(true);
      // Every file of dist/ it loaded went through the loader, and no command loads them all.
      expect(Object.keys(result.uses).sort(), args.join(' ')).toEqual([...result.loaded].sort());
      expect(result.loaded.length, args.join(' ')).toBeLessThan(all.length / 2);
    }
    // Help needs the program, not a command's code.
    expect(probe(REPO, ['list', '--help']).loaded.length).toBeLessThan(probe(REPO, ['tags']).loaded.length);
  });

  it('keeps one copy of every module: a usage error thrown in a command is reported as one (exit 2)', () => {
    const result = runCopy(['new', '--rating', '9', 'Bad rating']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^confnotes: /);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a usage error, not a crash with a stack
  });

  it('ignores a damaged, cut short, garbage or stale cache of one file, with the same output', () => {
    const dist = path.join(copy, 'dist');
    const reference = [runCopy(['tags']), runCopy(['agenda', '--day', '2013-04-16', '--json'])];
    expect(reference.map((r) => r.code)).toEqual([0, 0]);
    const used = probe(copy, ['tags']);
    // A file shared by most commands (the largest one tags loads, not a YAML reader: those load only
    // for a note no cache holds yet) and the tags command's own.
    const shared = Object.keys(used.uses)
      .filter((file) => file.startsWith('chunks') && !file.startsWith('chunks/vendor-'))
      .sort((a, b) => fs.statSync(path.join(dist, b)).size - fs.statSync(path.join(dist, a)).size)[0]!;
    for (const file of ['cli.cjs', shared]) {
      const cache = path.join(dist, `${file}.cache`);
      const good = fs.readFileSync(cache);
      const flipped = Buffer.from(good);
      flipped[good.length - Math.floor(good.length / 4)]! ^= 0xff;
      for (const [how, bytes] of [
        ['a flipped byte', flipped],
        ['cut short', good.subarray(0, good.length - 100)],
        ['garbage', Buffer.alloc(good.length, 7)],
        ['empty', Buffer.alloc(0)],
      ] as const) {
        fs.writeFileSync(cache, bytes);
        const result = probe(copy, ['tags']);
        expect(result.uses[file], `${file}: ${how}`).toBe('none');
        expect(result.code, `${file}: ${how}`).toBe(0);
        expect(Object.values(result.uses).filter((use) => use === 'used').length).toBe(
          Object.keys(result.uses).length - 1,
        );
        expect([runCopy(['tags']), runCopy(['agenda', '--day', '2013-04-16', '--json'])], how).toEqual(
          reference,
        );
      }
      fs.writeFileSync(cache, good);
      expect(probe(copy, ['tags']).uses[file]).toBe('used');
    }
    // Another build's file: its cache holds a copy of the source it was made from.
    fs.appendFileSync(path.join(dist, shared), '\n// rebuilt\n');
    expect(probe(copy, ['tags']).uses[shared]).toBe('none');
    expect(runCopy(['tags'])).toEqual(reference[0]);
    // No caches at all.
    for (const file of cjsFiles(dist)) fs.rmSync(path.join(dist, `${file}.cache`), { force: true });
    expect(probe(copy, ['tags'])).toMatchObject({ code: 0, codeCache: 'none', sameExports: true });
    expect([runCopy(['tags']), runCopy(['agenda', '--day', '2013-04-16', '--json'])]).toEqual(reference);
  });

  it('is compiled afresh, file by file, when V8 rejects the caches (other flags), with the same output', () => {
    const rejected = probe(REPO, ['tags'], ['--stack-size=2000']);
    expect(rejected).toMatchObject({ code: 0, codeCache: 'rejected', sameExports: true });
    expect(Object.values(rejected.uses).every((use) => use === 'rejected')).toBe(true);
    const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...NOW };
    const run = (flags: string[]) =>
      spawnSync(process.execPath, [...flags, BIN, 'agenda', '--day', '2013-04-16'], {
        cwd: ws,
        env,
        encoding: 'utf8',
      });
    const plain = run([]);
    expect(plain.status).toBe(0);
    expect(run(['--stack-size=2000'])).toMatchObject({
      status: 0,
      stdout: plain.stdout,
      stderr: plain.stderr,
    });
  });

  it('says the CLI is not built when dist/ is missing', () => {
    const bare = path.join(home, 'bare');
    fs.cpSync(path.join(REPO, 'bin'), path.join(bare, 'bin'), { recursive: true });
    fs.copyFileSync(path.join(REPO, 'package.json'), path.join(bare, 'package.json'));
    const result = spawnSync(process.execPath, [path.join(bare, 'bin', 'confnotes.js'), 'tags'], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: home },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'confnotes: not built yet; run `npm run build` in the confnotes folder first\n',
    );
  });
});
