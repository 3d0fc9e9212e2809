/**
 * The launcher runs the full CLI from dist/cli.cjs (CommonJS, split into
 * dist/cli.cjs and the files of dist/chunks/ it requires, each loaded with its
 * own V8 code cache), built from the same source as the ES-module
 * dist/cli.js. The two must be one program: for a table of command lines, run
 * in two workspaces made alike, each step prints the same bytes on stdout and
 * stderr, exits with the same code and leaves the same files (the caches
 * aside, whose format names the build that wrote them).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { snapshot, tempDir } from '../helpers/workspace.js';

const REPO = path.resolve(path.dirname(BIN), '..');
const FIXTURE = path.resolve(__dirname, '../fixtures/schedule/openstack-summit-2013.ics');
/** 09:35 in Portland: the Canonical keynote is on. */
const NOW = '2013-04-16T16:35:00Z';
/** Each step runs two processes; a busy machine takes seconds for each. */
const SLOW = 300_000;

let home: string;
/** Runs dist/cli.js's main() directly, as the launcher ran it before dist/cli.cjs. */
let esmRunner: string;
const roots: Record<'cjs' | 'esm', string> = { cjs: '', esm: '' };

function run(lane: 'cjs' | 'esm', args: string[], env: Record<string, string> = {}) {
  const entry = lane === 'cjs' ? BIN : esmRunner;
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd: roots[lane],
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', CONFNOTES_NOW: NOW, ...env },
    encoding: 'utf8',
    input: '',
    timeout: 30_000,
  });
  // The two workspaces differ only in their folder's name.
  const plain = (text: string) => text.split(roots[lane]).join('<ws>');
  return { code: result.status, stdout: plain(result.stdout), stderr: plain(result.stderr) };
}

/** The workspace's files but the tool's caches (their format is a hash of the reading code, which differs by bundle). */
function files(lane: 'cjs' | 'esm'): Record<string, string> {
  const all = snapshot(roots[lane]);
  return Object.fromEntries(
    [...all].filter(
      ([file]) => !/^\.confnotes[\\/](notes-cache|programme-cache|check-cache|search)[\\/]/.test(file),
    ),
  );
}

/** Runs `args` in both workspaces and expects the same output, exit code and files. */
function same(args: string[], env: Record<string, string> = {}) {
  const cjs = run('cjs', args, env);
  const esm = run('esm', args, env);
  expect(cjs, args.join(' ')).toEqual(esm);
  expect(files('cjs'), args.join(' ')).toEqual(files('esm'));
  return cjs;
}

/** The conference folder (its slug comes from "Zürich Summit"). */
const conference = (root: string) =>
  path.join(
    root,
    fs.readdirSync(root).find((name) => fs.existsSync(path.join(root, name, 'programme.yml')))!,
  );

const both = (change: (root: string) => void) => {
  change(roots.cjs);
  change(roots.esm);
};

beforeAll(() => {
  home = tempDir();
  esmRunner = path.join(home, 'esm-main.mjs');
  fs.writeFileSync(
    esmRunner,
    `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'dist', 'cli.js')).href)});\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
  // Two folders whose names have the same length, so paths in messages line up.
  roots.cjs = path.join(home, 'cjs', 'ws');
  roots.esm = path.join(home, 'esm', 'ws');
  for (const root of Object.values(roots)) fs.mkdirSync(root, { recursive: true });
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('dist/cli.cjs and dist/cli.js', () => {
  it(
    'are loaded as the build made them: the launcher takes cli.cjs and the files it requires with their code caches',
    () => {
      const quickLoad = JSON.stringify(path.join(REPO, 'bin', 'quick-load.js'));
      const probe = spawnSync(
        process.execPath,
        [
          '-e',
          `const q = require(${quickLoad}); const { codeCache } = q.loadFull(${JSON.stringify(path.join(REPO, 'dist', 'cli.cjs'))}); process.stdout.write(JSON.stringify({ codeCache, files: q.codeCacheUse.size }))`,
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
      const loaded = JSON.parse(probe.stdout) as { codeCache: string; files: number };
      expect(loaded.codeCache).toBe('used');
      // cli.cjs and the chunks it requires at start-up, not one file holding every command.
      expect(loaded.files).toBeGreaterThan(1);
    },
    SLOW,
  );

  it(
    'set up a conference and import a programme alike',
    () => {
      same(['init', '.']);
      same(['conf', 'new', 'Zürich Summit', '--start', '2013-04-15', '--end', '2013-04-18']);
      same(['conf', 'set', 'timezone=America/Los_Angeles']);
      expect(same(['import', FIXTURE]).code).toBe(0);
    },
    SLOW,
  );

  it(
    'print the same agenda, as a table and as JSON, with filters and errors',
    () => {
      expect(same(['agenda', '--day', '2013-04-16']).stdout).toMatch(/▶.*Canonical Keynote/);
      for (const args of [
        ['agenda', '--day', '2013-04-16', '--json'],
        ['agenda', '--day', '2013-04-16', '--width', '80'],
        ['agenda', '--room', 'b', '--tag', 'keynote'],
        ['agenda', '--today', '--starred'],
        ['agenda', '--day', '16 April'],
        ['agenda', '--day', '2013-04-16', '--today'],
        ['agenda', '--nope'],
        ['agenda', '--help'],
      ])
        same(args);
    },
    SLOW,
  );

  it(
    'write the same notes with new, new --from now and new --from <ref>, non-ASCII titles too',
    () => {
      same(['new', 'Café – ünïcode and 日本語 in titles', '--speaker', 'Zoë Ångström', '--tag', 'i18n']);
      same(['new', 'Quantum deep dive', '--at', '2013-04-16 11:00', '--type', 'workshop', '--rating', '4']);
      same(['new', '--from', 'now']);
      same(['new', '--from', 'now']); // the same talk again: back to its note
      const ref = (
        JSON.parse(run('cjs', ['agenda', '--day', '2013-04-17', '--json']).stdout) as { ref: string }[]
      )[3]!.ref;
      same(['new', '--from', ref, '--tag', 'extra']);
      same(['new', '--from', 'no-such-talk']);
      same(['new', '--rating', '9', 'Bad rating']);
      same(['new']); // no title and no terminal: a usage error
      same(['list']);
      same(['current']);
      // Commands whose code lives in chunks of their own.
      same(['tags']);
      same(['search', 'quantum']);
      same(['search', 'quantum', '--json']);
      same(['list', '--help']);
      same(['check']);
    },
    SLOW,
  );

  it(
    'agree after the programme changes: starred, edited in place with its size and mtime put back, a damaged cache',
    () => {
      const ref = (
        JSON.parse(run('cjs', ['agenda', '--day', '2013-04-16', '--json']).stdout) as { ref: string }[]
      )[2]!.ref;
      same(['agenda', '--star', ref]);
      same(['agenda', '--starred']);
      // The same bytes count and mtime, one letter changed: only ctime and the content tell.
      both((root) => {
        const file = path.join(conference(root), 'programme.yml');
        const before = fs.statSync(file);
        const text = fs.readFileSync(file, 'utf8');
        expect(text).toContain('Canonical Keynote');
        fs.writeFileSync(file, text.replace('Canonical Keynote', 'Canonical Keynotf'));
        fs.utimesSync(file, before.atime, before.mtime);
      });
      expect(same(['agenda', '--day', '2013-04-16']).stdout).toContain('Canonical Keynotf');
      // A damaged cache where the programme's would be.
      both((root) => {
        const dir = path.join(root, '.confnotes', 'programme-cache');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(
          path.join(dir, `cache-${path.basename(conference(root))}.json`),
          '{"format": broken',
        );
      });
      same(['agenda', '--day', '2013-04-16', '--json']);
      same(['new', '--from', 'next']);
    },
    SLOW,
  );
});
