/**
 * The quick lane's V8 code cache (bin/quick-load.js): the build makes one that
 * Node takes, and a damaged, foreign or stale one is never handed to V8 (which
 * can crash on damaged data): the lane runs as without a cache, with the same output.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const NOW = { CONFNOTES_NOW: '2013-04-16T18:02:00Z' };
const REPO = path.resolve(path.dirname(BIN), '..');
let home: string;
let ws: string;
/** A copy of bin/ and dist/, so the shared build is never damaged under other tests. */
let copy: string;

/** Runs a command through the copied launcher, and says whether the code cache was used. */
function runCopy(args: string[], now = NOW) {
  const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...now };
  const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'confnotes.js'), ...args], {
    cwd: ws,
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `process.stdout.write(require(${JSON.stringify(path.join(copy, 'bin', 'quick-load.js'))}).loadQuick().codeCache)`,
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, codeCache: probe.stdout };
}

const cacheFile = () => path.join(copy, 'dist', 'quick.cjs.cache');

beforeAll(() => {
  home = tempDir();
  ws = path.join(home, 'ws');
  confnotes(['init', ws], { cwd: home });
  const conf = ['conf', 'new', 'Summit', '--start', '2013-04-15', '--end', '2013-04-18', '--timezone', 'UTC'];
  expect(confnotes(conf, { cwd: ws, env: NOW }).code).toBe(0);
  expect(
    confnotes(['new', 'Quantum deep dive', '--at', '2013-04-16 18:00'], { cwd: ws, env: NOW }).code,
  ).toBe(0);
  const fixture = path.resolve(__dirname, '../fixtures/schedule/openstack-summit-2013.ics');
  expect(confnotes(['import', fixture], { cwd: ws, env: NOW }).code).toBe(0);
  copy = path.join(home, 'package');
  fs.cpSync(path.join(REPO, 'bin'), path.join(copy, 'bin'), { recursive: true });
  fs.cpSync(path.join(REPO, 'dist'), path.join(copy, 'dist'), { recursive: true });
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('the quick lane code cache', () => {
  it('is made by the build and taken by this Node', () => {
    expect(fs.existsSync(cacheFile())).toBe(true);
    const result = runCopy(['current']);
    expect(result).toMatchObject({ code: 0, codeCache: 'used' });
  });

  it('runs a bundle without import(), which a script run from a code cache cannot do; piped jots work', () => {
    const bundle = fs.readFileSync(path.join(REPO, 'dist', 'quick.cjs'), 'utf8');
    expect(bundle.match(/\bimport\(/g) ?? []).toEqual([]);
    const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...NOW };
    const piped = spawnSync(process.execPath, [BIN, 'jot'], {
      cwd: ws,
      env,
      input: 'one\ntwo\n',
      encoding: 'utf8',
    });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).toMatch(/: 2 lines\n$/);
  });

  it('is ignored when damaged, cut short, stale or foreign, with the same output', () => {
    const good = fs.readFileSync(cacheFile());
    const reference = [runCopy(['current']), runCopy(['jot', '--at', '18:03', 'with', 'the', 'cache'])];
    const flipped = Buffer.from(good);
    // A byte in the first copy of V8's data (which would crash V8 if it were handed on).
    flipped[good.length - Math.floor(good.length / 4)]! ^= 0xff;
    const damaged: [string, Buffer][] = [
      ['a flipped byte', flipped],
      ['cut short', good.subarray(0, good.length - 100)],
      ['garbage', Buffer.alloc(good.length, 7)],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [how, bytes] of damaged) {
      fs.writeFileSync(cacheFile(), bytes);
      const current = runCopy(['current']);
      expect(current, how).toMatchObject({ ...reference[0], codeCache: 'none' });
      const jot = runCopy(['jot', '--at', '18:03', 'with', 'the', 'cache']);
      expect(jot, how).toMatchObject({ code: 0, stderr: reference[1]!.stderr, codeCache: 'none' });
    }
    // Another build's quick.cjs: the cache holds a copy of the source it was made from.
    fs.writeFileSync(cacheFile(), good);
    fs.appendFileSync(path.join(copy, 'dist', 'quick.cjs'), '\n// rebuilt\n');
    expect(runCopy(['current'])).toMatchObject({ ...reference[0], codeCache: 'none' });
  });

  it('lets a jot outside its slot name the talk on now (the full CLI, imported by the launcher)', () => {
    fs.cpSync(path.join(REPO, 'dist', 'quick.cjs'), path.join(copy, 'dist', 'quick.cjs'));
    fs.cpSync(path.join(REPO, 'dist', 'quick.cjs.cache'), cacheFile());
    // 09:35 in Portland: the Canonical keynote is on, the note's slot (18:00 UTC) is later.
    const early = { CONFNOTES_NOW: '2013-04-16T16:35:00Z' };
    const cached = runCopy(['jot', 'early', 'line'], early);
    expect(cached).toMatchObject({ code: 0, codeCache: 'used' });
    expect(cached.stderr).toMatch(/; on now: \S+ "Canonical Keynote: Ubuntu and the Cloud"/);
    fs.rmSync(cacheFile());
    const plain = runCopy(['jot', 'early', 'line'], early);
    expect(plain).toMatchObject({ code: 0, stderr: cached.stderr, codeCache: 'none' });
  });

  it('is compiled afresh when V8 rejects it (other flags), with the same output', () => {
    const probe = spawnSync(
      process.execPath,
      [
        '--stack-size=2000',
        '-e',
        `process.stdout.write(require(${JSON.stringify(path.join(REPO, 'bin', 'quick-load.js'))}).loadQuick().codeCache)`,
      ],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(probe.stdout).toBe('rejected');
    const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...NOW };
    const run = (flags: string[]) =>
      spawnSync(process.execPath, [...flags, BIN, 'current'], { cwd: ws, env, encoding: 'utf8' });
    expect(run(['--stack-size=2000']).stdout).toBe(run([]).stdout);
    expect(run(['--stack-size=2000']).status).toBe(0);
  });
});
