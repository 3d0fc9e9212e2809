/**
 * Nothing leaked: every listing and reading command, and the writing ones on
 * hostile targets, run over a generated corpus of hostile files
 * (test/helpers/hostile-corpus.ts). For each run: the expected exit code, no
 * stack trace, a message naming the file, bounded output, time and memory,
 * and no file changed but the ones the command is meant to write.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import {
  buildHostileCorpus,
  digestTree,
  hostileExports,
  programmeYaml,
  type HostileCorpus,
} from '../helpers/hostile-corpus.js';
import { visible } from '../../src/visible.js';

const HEAP_MB = 128;
const MAX_RSS_KB = 400 * 1024;
const MAX_OUTPUT = 256 * 1024;
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const IGNORED = new Set([
  path.join('ws', '.confnotes', 'cache-v1.json'),
  path.join('ws', '.confnotes', 'state.json'),
]);

/** The per-conference note cache, the check cache and the parsed-programme cache: the tool's own files. */
const OWN_CACHES = ['notes-cache', 'check-cache', 'programme-cache'].map(
  (dir) => path.join('ws', '.confnotes', dir) + path.sep,
);

let corpus: HostileCorpus;
let runs = 0;
let peakRssKb = 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKb: number | null;
}

/** The built CLI with a small heap, under /usr/bin/time when present to measure its peak memory. */
function run(args: string[]): Run {
  // As root, run as nobody (corpus.runAs), so that a chmod 000 note really cannot be read.
  const node = [
    ...corpus.runAs,
    process.execPath,
    `--max-old-space-size=${HEAP_MB}`,
    BIN,
    '--dir',
    corpus.root,
    ...args,
  ];
  const [command, ...rest] = TIME ? [TIME, '-f', '@@maxrss %M', ...node] : node;
  const result = spawnSync(command!, rest, {
    cwd: corpus.top,
    env: {
      PATH: process.env.PATH,
      HOME: corpus.top,
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      NO_COLOR: '1',
      CONFNOTES_NOW: '2013-04-16T18:02:00Z',
    },
    input: '',
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 4 * MAX_OUTPUT,
  });
  runs++;
  expect(result.error, `${args.join(' ')}: did not finish`).toBeUndefined();
  let stderr = result.stderr;
  let maxRssKb: number | null = null;
  const rss = /\n?@@maxrss (\d+)\n$/.exec(stderr);
  if (rss) {
    maxRssKb = Number(rss[1]);
    peakRssKb = Math.max(peakRssKb, maxRssKb);
    // GNU time also reports a non-zero exit on its own line.
    stderr = stderr
      .slice(0, rss.index)
      .replace(/^Command (exited with non-zero status|terminated by signal) \d+\n?/m, '');
  }
  return { code: result.status, stdout: result.stdout, stderr, maxRssKb };
}

/** What every run must satisfy, whatever it was asked. */
function expectWellBehaved(result: Run, label: string): void {
  expect(result.stderr, `${label}: stack trace`).not.toMatch(/^\s+at /m);
  expect(
    result.stdout + result.stderr,
    `${label}: a raw escape character reached the terminal`,
  ).not.toContain('\x1b');
  expect(result.stderr, `${label}: crash`).not.toMatch(
    /unexpected error|FATAL ERROR|JavaScript heap|RangeError|TypeError/,
  );
  expect(result.stdout.length + result.stderr.length, `${label}: output not bounded`).toBeLessThan(
    MAX_OUTPUT,
  );
  if (result.maxRssKb !== null) expect(result.maxRssKb, `${label}: memory`).toBeLessThan(MAX_RSS_KB);
}

/** Files changed by a run, but the tool's own state and cache. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])]
    .filter((rel) => !IGNORED.has(rel) && !OWN_CACHES.some((dir) => rel.startsWith(dir)))
    .filter((rel) => before.get(rel) !== after.get(rel))
    .sort();
}

function runChecked(args: string[], expected: { code: number; writes?: string[] }): Run {
  const label = args.join(' ');
  const before = digestTree(corpus.top);
  const result = run(args);
  expectWellBehaved(result, label);
  expect(result.code, `${label}\n${result.stderr}`).toBe(expected.code);
  const changed = changedFiles(before, digestTree(corpus.top));
  expect(changed, `${label}: changed other files`).toEqual(
    (expected.writes ?? []).map((rel) => path.join('ws', rel)).sort(),
  );
  for (const canary of corpus.canaries)
    expect(fs.existsSync(canary), `${label}: ran code from a note (${canary})`).toBe(false);
  return result;
}

const unreadable = () => corpus.files.filter((file) => !file.readable);
const readable = () => corpus.files.filter((file) => file.readable);
/** A file name as messages show it (today: as it is, control characters included). */
// File names are shown with control characters escaped (src/visible.ts).
const shownName = (name: string) => visible(name);

beforeAll(() => {
  corpus = buildHostileCorpus();
}, 60_000);

afterAll(() => {
  // The closing note of issue 7 reports these numbers.
  console.log(
    `hostile inputs: ${corpus.files.length} files (+1 broken conference.md); command runs checked: ${runs}; permissions enforced: ${corpus.permissionsEnforced}; peak memory of one run: ${TIME ? `${Math.round(peakRssKb / 1024)} MB` : 'not measured (no /usr/bin/time)'}`,
  );
  for (const file of corpus.files)
    if (file.name === 'unreadable.md') fs.chmodSync(path.join(corpus.root, file.path), 0o644);
  // The corpus holds a 50 MB file: never leave it behind.
  fs.rmSync(corpus.top, { recursive: true, force: true });
});

describe('listing commands over the hostile corpus', () => {
  it('the corpus is what it claims: chmod 000 is unreadable to the CLI (as nobody when the tests run as root)', () => {
    expect(corpus.permissionsEnforced).toBe(true);
    expect(corpus.runAs.length > 0).toBe(process.getuid?.() === 0);
    expect(corpus.files.length).toBeGreaterThanOrEqual(30);
  });

  for (const args of [
    ['list', '--all'],
    ['list', '--all', '--json'],
    ['tags', '--all'],
    ['tags', '--all', '--json'],
  ]) {
    it(`${args.join(' ')}: lists the good notes, warns about each bad file by name, exit 0`, () => {
      const result = runChecked(args, { code: 0 });
      for (const file of unreadable()) {
        if (file.name === 'fifo.md') continue; // not a regular file: skipped silently, never opened
        const line = result.stderr.split('\n').find((one) => one.includes(shownName(file.path)));
        expect(line, `${args.join(' ')}: no message names ${file.path}\n${result.stderr}`).toBeDefined();
        expect(line).toMatch(file.message!);
      }
      if (args[0] === 'list' && args.includes('--json')) {
        const ids = (JSON.parse(result.stdout) as { id: string }[]).map((note) => note.id).sort();
        expect(ids).toEqual(
          readable()
            .map((file) => file.name.replace(/\.md$/, ''))
            .sort(),
        );
      }
    });
  }

  for (const args of [
    ['check', '--all'],
    ['check', '--all', '--json'],
  ]) {
    it(`${args.join(' ')}: names every bad file with its rule, exit 1`, () => {
      const result = runChecked(args, { code: 1 });
      const paths = args.includes('--json')
        ? (JSON.parse(result.stdout) as { problems: { path: string }[] }).problems.map(
            (problem) => problem.path,
          )
        : result.stdout.split('\n').map((line) => line.split(/:\d*:? /)[0]!);
      for (const file of unreadable())
        if (file.name !== 'fifo.md')
          expect(paths.map(shownName), `${file.path} not reported`).toContain(shownName(file.path));
      for (const file of readable()) expect(paths).not.toContain(file.path);
      expect(paths).toContain('broken-conf/conference.md');
    });
  }

  for (const args of [
    ['conf', 'list'],
    ['conf', 'list', '--json'],
  ]) {
    it(`${args.join(' ')}: shows the good conference and names the broken conference.md, exit 0`, () => {
      const result = runChecked(args, { code: 0 });
      expect(result.stderr).toMatch(/broken-conf\/conference\.md:2: broken YAML/);
      expect(result.stdout).toContain('Test Conf 2013');
    });
  }

  it('report: stops naming the bad files; with --skip-broken compiles the readable notes and names them', () => {
    expect(runChecked(['report', 'conf'], { code: 1 }).stdout).toBe('');
    const result = runChecked(['report', 'conf', '--skip-broken'], { code: 0 });
    expect(result.stdout).toContain('A plain note');
    for (const file of unreadable())
      if (file.name !== 'fifo.md') expect(result.stderr).toContain(shownName(file.path));
  });
});

describe('reading and writing commands aimed at each hostile file', () => {
  it('show, show --json, tag, untag and jot --note: exit 1 naming the file and changing nothing, or work on a valid note', () => {
    for (const file of corpus.files) {
      const ref = file.path;
      const check = (args: string[], writes: boolean, accepts = file.readable) => {
        const bad = !accepts;
        const result = runChecked(args, { code: bad ? 1 : 0, writes: !bad && writes ? [file.path] : [] });
        if (bad) {
          expect(result.stderr, `${args.join(' ')}`).toContain(shownName(file.name));
          if (file.message) expect(result.stderr, args.join(' ')).toMatch(file.message);
          expect(
            result.stderr.trim().split('\n'),
            `${args.join(' ')}: one line\n${result.stderr}`,
          ).toHaveLength(1);
        }
        return result;
      };
      check(['show', ref], false);
      check(['show', ref, '--json'], false);
      check(['tag', ref, 'hostile-check'], true);
      check(['untag', ref, 'hostile-check'], true);
      check(['jot', '--note', ref, 'a line typed in the room'], true, file.jotAccepts);
    }
  }, 240_000);
});

describe('hostile titles and tags through new and tag', () => {
  const titles = [
    '../../../etc/passwd',
    '/etc/passwd',
    '..',
    `$(touch PWNED); \`touch PWNED2\` | rm -rf ~ && echo > /dev/null`,
    '\u202Egnp.exe\u200B\u200D',
    'עברית ושלום',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
  ];

  for (const title of titles) {
    it(`new ${JSON.stringify(title)}: a safe file name inside the conference folder, nothing else written`, () => {
      const before = new Set(fs.readdirSync(path.join(corpus.root, 'conf')));
      const result = run([
        'new',
        title,
        '--conf',
        'conf',
        '--at',
        '2013-04-16 16:00',
        '--tag',
        title,
        '--speaker',
        title,
      ]);
      expectWellBehaved(result, `new ${title}`);
      if (!/[\p{L}\p{N}]/u.test(title)) {
        // Nothing to name a file or a tag after: refused as bad input, saying why.
        expect(result.code, result.stderr).toBe(2);
        expect(result.stderr).toMatch(/^confnotes: --tag ".*" has nothing left once normalised\n$/);
      } else {
        expect(result.code, result.stderr).toBe(0);
      }
      const created = fs.readdirSync(path.join(corpus.root, 'conf')).filter((name) => !before.has(name));
      if (result.code === 0) {
        expect(created).toHaveLength(1);
        expect(created[0]).toMatch(/^[\p{L}\p{M}\p{N}-]+\.md$/u);
        expect(result.stdout.trim()).toMatch(/conf\/[^/]+\.md$/);
        const text = fs.readFileSync(path.join(corpus.root, 'conf', created[0]!), 'utf8');
        expect(text.startsWith('---\n')).toBe(true);
        // It reads back as a note with the title as typed.
        const show = run(['show', path.join('ws', 'conf', created[0]!), '--json']);
        expect(show.code, show.stderr).toBe(0);
        // As typed, but for bidirectional controls, which are dropped (they could disguise the title).
        expect(JSON.parse(show.stdout).title).toBe(
          title.replace(/[\u202A-\u202E\u2066-\u2069]/gu, '').trim(),
        );
        fs.rmSync(path.join(corpus.root, 'conf', created[0]!));
      } else {
        expect(created).toEqual([]);
      }
      for (const canary of ['PWNED', 'PWNED2', ...corpus.canaries])
        expect(fs.existsSync(path.join(corpus.top, canary)) || fs.existsSync(canary)).toBe(false);
      expect(fs.existsSync(path.join(corpus.top, 'etc'))).toBe(false);
    });
  }

  it('tag with ../, absolute, shell and invisible tags: normalised to safe tags in that note only', () => {
    const tags = [
      '../../escape',
      '/etc/passwd',
      '$(touch PWNED)',
      ';rm -rf ~',
      '\u202Eevil\u200B',
      'C:\\temp',
    ];
    const result = runChecked(['tag', 'conf/plain.md', ...tags], { code: 0, writes: ['conf/plain.md'] });
    const added = result.stdout.trim().split(' ');
    for (const tag of added) {
      expect(tag).not.toMatch(/(^|\/)\.\.?(\/|$)|^\/|[\u200B-\u200F\u202A-\u202E]/u);
    }
    expect(added).toEqual(expect.arrayContaining(['escape', 'etc/passwd', 'evil']));
    const list = runChecked(['list', '--conf', 'conf', '--tag', 'etc', '--json'], { code: 0 });
    expect((JSON.parse(list.stdout) as { id: string }[]).map((note) => note.id)).toEqual(['plain']);
    runChecked(['untag', 'conf/plain.md', ...tags], { code: 0, writes: ['conf/plain.md'] });
  });
});

describe('hostile programmes through import and agenda', () => {
  const confDir = () => path.join(corpus.root, 'conf');
  const programme = () => path.join(confDir(), 'programme.yml');
  // Each case starts with no programme, whatever the one before left (a FIFO, a link, a file).
  afterEach(() => fs.rmSync(programme(), { force: true }));
  const exportFile = (name: string, text: string) => {
    const dir = path.join(corpus.top, 'exports');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  for (const hostile of hostileExports()) {
    if (hostile.name === 'large-pretalx.json') continue;
    it(`import ${hostile.name}: ${hostile.code === 1 ? 'one line naming the line, exit 1, nothing written' : 'an answer in time, a programme that reads back'}`, () => {
      const file = exportFile(hostile.name, hostile.text);
      if (hostile.code === 1) {
        const result = runChecked(['import', file, '--conf', 'conf'], { code: 1 });
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toMatch(
          new RegExp(`^confnotes: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: `),
        );
        expect(result.stderr).toMatch(hostile.message!);
        return;
      }
      const result = runChecked(['import', file, '--conf', 'conf', '--replace'], {
        code: 0,
        writes: ['conf/programme.yml'],
      });
      if (hostile.message) expect(result.stderr).toMatch(hostile.message);
      runChecked(['agenda', '--conf', 'conf', '--search', 'anchor'], { code: 0 });
      fs.rmSync(programme());
    });
  }

  it('import of a large pretalx file (20 000 talks) finishes, in time proportional to its size', () => {
    const large = hostileExports().find((one) => one.name === 'large-pretalx.json')!;
    const file = exportFile(large.name, large.text);
    const result = spawnSync(
      process.execPath,
      [BIN, '--dir', corpus.root, 'import', file, '--conf', 'conf'],
      {
        cwd: corpus.top,
        env: { PATH: process.env.PATH, HOME: corpus.top, TZ: 'UTC', NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    try {
      expect(result.error, 'did not finish').toBeUndefined();
      expect(result.status, result.stderr).toBe(0);
      // Reading 20 000 entries back is agenda's job (too slow for this run's small heap and time limit).
      expect(fs.readFileSync(programme(), 'utf8').match(/^ {2}- uid: /gm)).toHaveLength(20_000);
    } finally {
      fs.rmSync(programme(), { force: true });
    }
  }, 240_000);

  it('import - stops reading standard input at the size limit', () => {
    const result = spawnSync(
      'sh',
      [
        '-c',
        `yes BEGIN:VCALENDAR | "${process.execPath}" "${BIN}" --dir "${corpus.root}" import - --conf conf`,
      ],
      {
        cwd: corpus.top,
        env: { PATH: process.env.PATH, HOME: corpus.top, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.error, 'did not finish').toBeUndefined();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^confnotes: <stdin>: more than 50 MB, too large for a programme; stopped reading\n$/,
    );
    expect(fs.existsSync(programme())).toBe(false);
  }, 90_000);

  it('agenda never reads a programme.yml linked out of the workspace, a device or a FIFO', () => {
    fs.writeFileSync(path.join(corpus.outside, 'programme.yml'), programmeYaml('SECRET-TITLE'));
    const cases: [string, () => void, RegExp][] = [
      [
        'link out',
        () => fs.symlinkSync(path.join(corpus.outside, 'programme.yml'), programme()),
        /symbolic link out of the workspace/,
      ],
      ['device', () => fs.symlinkSync('/dev/zero', programme()), /symbolic link out of the workspace/],
    ];
    if (spawnSync('mkfifo', ['--help']).status === 0)
      cases.push(['fifo', () => spawnSync('mkfifo', [programme()]), /not a regular file/]);
    for (const [label, make, message] of cases) {
      make();
      for (const args of [
        ['agenda', '--conf', 'conf'],
        ['new', '--from', 'hostile-1', '--conf', 'conf'],
      ]) {
        const result = runChecked(args, { code: 1 });
        expect(result.stderr, label).toMatch(/^confnotes: conf\/programme\.yml: /);
        expect(result.stderr, label).toMatch(message);
        expect(result.stdout + result.stderr, label).not.toContain('SECRET');
      }
      fs.rmSync(programme());
    }
  });

  it('agenda shows programme.yml text without escape sequences or bidi controls; an impossible date is refused', () => {
    fs.writeFileSync(programme(), programmeYaml('Evil \x1b[2J\x1b]0;owned\x07 \u202Etitle\u2066'));
    const result = runChecked(['agenda', '--conf', 'conf'], { code: 0 });
    expect(result.stdout).toContain('Evil');
    expect(result.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069\x07]/);
    const star = runChecked(['agenda', '--conf', 'conf', '--star', 'hostile'], {
      code: 0,
      writes: ['conf/programme.yml'],
    });
    expect(star.stderr).not.toMatch(/[\u202A-\u202E\u2066-\u2069\x07]/);
    fs.writeFileSync(programme(), programmeYaml('Far future', '9999-12-31T10:00:00-07:00'));
    const far = runChecked(['agenda', '--conf', 'conf'], { code: 1 });
    expect(far.stderr).toMatch(
      /^confnotes: conf\/programme\.yml:\d+: entry hostile-1: start "9999-12-31T10:00:00-07:00" is not/,
    );
    fs.rmSync(programme());
  });
});
