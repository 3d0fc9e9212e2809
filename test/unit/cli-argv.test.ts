/**
 * argv → options for every command, parsed by the real program without running
 * any action: a change in commander or in a declaration cannot rename, drop or
 * retype an option unnoticed. The table must cover every option declared.
 */
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import type { Io } from '../../src/io.js';
import { testContext } from '../helpers/workspace.js';

interface Parsed {
  command: string;
  args: unknown[];
  options: Record<string, unknown>;
  globals: Record<string, unknown>;
}

function silentIo(): Io {
  const sink = { write: () => true };
  return { stdout: sink, stderr: sink, stdin: Object.assign(new Readable({ read() {} }), { isTTY: false }) };
}

function allCommands(command: Command, prefix: string[] = []): [string, Command][] {
  return command.commands.flatMap((sub) => {
    const name = [...prefix, sub.name()];
    return [[name.join(' '), sub] as [string, Command], ...allCommands(sub, name)];
  });
}

/** The program, with every action replaced by one that records what it was given. */
async function parse(argv: string[]): Promise<Parsed> {
  const program = buildProgram(testContext('/'), silentIo());
  let parsed: Parsed | undefined;
  for (const [name, command] of allCommands(program)) {
    command.action((...received: unknown[]) => {
      // commander passes the arguments, then the options object, then the command itself.
      parsed = {
        command: name,
        args: received.slice(0, -2),
        options: { ...command.opts() },
        globals: { ...program.opts() },
      };
    });
  }
  await program.parseAsync(argv, { from: 'user' });
  if (!parsed) throw new Error(`no command ran for: ${argv.join(' ')}`);
  return parsed;
}

const LINK = 'slides=https://example.org/a.pdf';

/** [argv, command, positional arguments, options exactly as the command module receives them] */
const TABLE: [string[], string, unknown[], Record<string, unknown>][] = [
  [['init'], 'init', [undefined], {}],
  [['init', '~/notes'], 'init', ['~/notes'], {}],
  [
    [
      'conf',
      'new',
      'FOSDEM 2026',
      '--start',
      '2026-01-31',
      '--end',
      '2026-02-01',
      '--location',
      'Brussels',
      '--timezone',
      'Europe/Brussels',
      '--slug',
      'fosdem',
      '--url',
      'https://fosdem.org',
      '--author',
      'Ada',
    ],
    'conf new',
    ['FOSDEM 2026'],
    {
      start: '2026-01-31',
      end: '2026-02-01',
      location: 'Brussels',
      timezone: 'Europe/Brussels',
      slug: 'fosdem',
      url: 'https://fosdem.org',
      author: 'Ada',
    },
  ],
  [
    ['conf', 'new', 'X', '--start', '2026-01-31', '--end', '2026-02-01', '--website', 'https://x.example'],
    'conf new',
    ['X'],
    { start: '2026-01-31', end: '2026-02-01', website: 'https://x.example' },
  ],
  [['conf', 'use', 'fosdem'], 'conf use', ['fosdem'], {}],
  [['conf', 'list', '--json'], 'conf list', [], { json: true }],
  [
    ['conf', 'set', 'timezone=Europe/Brussels', 'disclaimer=', '--conf', 'fosdem', '--json'],
    'conf set',
    [['timezone=Europe/Brussels', 'disclaimer=']],
    { conf: 'fosdem', json: true },
  ],
  [
    [
      'new',
      'Scaling',
      'etcd',
      '-t',
      'workshop',
      '-s',
      'Ada',
      '--speaker',
      'Bob',
      '--tag',
      'a',
      '--tag',
      'b,c',
      '--at',
      '10:00',
      '--duration',
      '45',
      '--track',
      'Storage',
      '--room',
      'B1',
      '--conf',
      'fosdem',
      '--rating',
      '4',
      '--favourite',
      '--private',
      '--link',
      LINK,
      '--summary',
      'Short',
      '--template',
      'talk',
      '-e',
    ],
    'new',
    [['Scaling', 'etcd']],
    {
      type: 'workshop',
      speaker: ['Ada', 'Bob'],
      tag: ['a', 'b,c'],
      at: '10:00',
      duration: 45,
      track: 'Storage',
      room: 'B1',
      conf: 'fosdem',
      rating: 4,
      favourite: true,
      private: true,
      link: [LINK],
      summary: 'Short',
      template: 'talk',
      edit: true,
    },
  ],
  [['new', '--from', 'next', '--type', 'keynote'], 'new', [[]], { from: 'next', type: 'keynote' }],
  [['tag', 'fibre', 'storage', 'ha'], 'tag', ['fibre', ['storage', 'ha']], {}],
  [['untag', 'fibre', 'ha'], 'untag', ['fibre', ['ha']], {}],
  [
    ['set', 'fibre', 'rating=4', 'speakers=Jane Roe, John Doe', 'summary=', '--json'],
    'set',
    ['fibre', ['rating=4', 'speakers=Jane Roe, John Doe', 'summary=']],
    { json: true },
  ],
  [['rm', 'fibre', '--json'], 'rm', ['fibre'], { json: true }],
  [['restore'], 'restore', [undefined], {}],
  [
    ['restore', '20130416T180200Z.conf~fibre.md', '--json'],
    'restore',
    ['20130416T180200Z.conf~fibre.md'],
    { json: true },
  ],
  [['list'], 'list', [], { sort: 'time' }],
  [
    [
      'ls',
      '--tag',
      'storage',
      '--tag',
      'ha',
      '-t',
      'keynote',
      '--day',
      '2013-04-16',
      '--favourite',
      '--min-rating',
      '3',
      '--search',
      'ceph',
      '--conf',
      'x',
      '--all',
      '--sort',
      'rating',
      '--json',
    ],
    'list',
    [],
    {
      tag: ['storage', 'ha'],
      type: 'keynote',
      day: '2013-04-16',
      favourite: true,
      minRating: 3,
      search: 'ceph',
      conf: 'x',
      all: true,
      sort: 'rating',
      json: true,
    },
  ],
  [
    ['list', '--speaker', 'muller', '--speaker', 'ada'],
    'list',
    [],
    { sort: 'time', speaker: ['muller', 'ada'] },
  ],
  [['search', 'zoning', 'fibre channel'], 'search', [['zoning', 'fibre channel']], {}],
  [
    [
      'search',
      'ceph',
      '--tag',
      'storage',
      '-t',
      'keynote',
      '--speaker',
      'ada',
      '--day',
      '2013-04-16',
      '--favourite',
      '--min-rating',
      '4',
      '--conf',
      'x',
      '--all',
      '--json',
    ],
    'search',
    [['ceph']],
    {
      tag: ['storage'],
      type: 'keynote',
      speaker: ['ada'],
      day: '2013-04-16',
      favourite: true,
      minRating: 4,
      conf: 'x',
      all: true,
      json: true,
    },
  ],
  [['speakers', '--conf', 'x', '--all', '--json'], 'speakers', [], { conf: 'x', all: true, json: true }],
  [['tags', '--conf', 'x', '--all', '--json'], 'tags', [], { conf: 'x', all: true, json: true }],
  [['show', 'fibre', '--json', '--path'], 'show', ['fibre'], { json: true, path: true }],
  [['edit', 'fibre'], 'edit', ['fibre'], {}],
  [['templates'], 'templates', [], {}],
  // --width on every command that prints a table (0: no limit).
  [['conf', 'list', '--width', '80'], 'conf list', [], { width: 80 }],
  [['list', '--width', '0'], 'list', [], { sort: 'time', width: 0 }],
  [['search', 'ceph', '--width', '120'], 'search', [['ceph']], { width: 120 }],
  [['speakers', '--width', '60'], 'speakers', [], { width: 60 }],
  [['tags', '--width', '60'], 'tags', [], { width: 60 }],
  [['templates', '--width', '60'], 'templates', [], { width: 60 }],
  [['restore', '--width', '60'], 'restore', [undefined], { width: 60 }],
  [['agenda', '--width', '80'], 'agenda', [], { width: 80 }],
  [['report'], 'report', [undefined], { groupBy: 'type' }],
  [
    [
      'report',
      'summit',
      '-f',
      'html',
      '-o',
      'out.html',
      '--template',
      'email.md',
      '--include-private',
      '--group-by',
      'day',
      '--force',
    ],
    'report',
    ['summit'],
    {
      format: 'html',
      output: 'out.html',
      template: 'email.md',
      includePrivate: true,
      groupBy: 'day',
      force: true,
    },
  ],
  [
    ['report', '--notes', 'always', '--skip-broken', '--front-matter', '--paper', 'a4'],
    'report',
    [undefined],
    { groupBy: 'type', notes: 'always', skipBroken: true, frontMatter: true, paper: 'a4' },
  ],
  [['publish', 'site'], 'publish', ['site'], {}],
  [
    ['publish', '../site/content', '--conf', 'x', '--all', '--dry-run', '--strict', '--json'],
    'publish',
    ['../site/content'],
    { conf: 'x', all: true, dryRun: true, strict: true, json: true },
  ],
  [
    ['check', '--conf', 'x', '--all', '--json', '--fix'],
    'check',
    [],
    { conf: 'x', all: true, json: true, fix: true },
  ],
  [
    ['import', '-', '--conf', 'x', '--format', 'pretalx', '--replace'],
    'import',
    ['-'],
    { conf: 'x', format: 'pretalx', replace: true },
  ],
  [['import', 'schedule.ics', '--update-notes'], 'import', ['schedule.ics'], { updateNotes: true }],
  [
    [
      'agenda',
      '--day',
      '2026-06-17',
      '--today',
      '--tag',
      'k8s',
      '--room',
      'Hall A',
      '--search',
      'etcd',
      '--starred',
      '--star',
      'u1',
      '--star',
      'u2',
      '--unstar',
      'u3',
      '--conf',
      'x',
      '--json',
    ],
    'agenda',
    [],
    {
      day: '2026-06-17',
      today: true,
      tag: 'k8s',
      room: 'Hall A',
      search: 'etcd',
      starred: true,
      star: ['u1', 'u2'],
      unstar: ['u3'],
      conf: 'x',
      json: true,
    },
  ],
  [
    [
      'agenda',
      '--starred',
      '--format',
      'ics',
      '-o',
      'plan.ics',
      '--remind',
      '5',
      '--force',
      '--star-from',
      'faved.ics',
    ],
    'agenda',
    [],
    { starred: true, format: 'ics', output: 'plan.ics', remind: '5', force: true, starFrom: 'faved.ics' },
  ],
  [
    ['jot', '--at', '10:05', '--note', 'fibre', '--todo', '--quote', 'use', '--force'],
    'jot',
    [['use', '--force']],
    { at: '10:05', note: 'fibre', todo: true, quote: true },
  ],
  [['jot', '--since-start', 'x'], 'jot', [['x']], { sinceStart: true }],
  [['current', '--absolute'], 'current', [], { absolute: true }],
  [['open', 'fibre'], 'open', ['fibre'], { edit: true }],
  [['open', 'fibre', '--no-edit'], 'open', ['fibre'], { edit: false }],
  // No note named: on a terminal the command picks it (src/ui/note-picker.ts).
  [['open'], 'open', [undefined], { edit: true }],
  [['show'], 'show', [undefined], {}],
  [['edit'], 'edit', [undefined], {}],
  [['tag'], 'tag', [undefined, []], {}],
  [['tag', 'fibre'], 'tag', ['fibre', []], {}],
  [['set'], 'set', [undefined, []], {}],
  [['jot', '--note'], 'jot', [[]], { note: true }],
  [['jot', '--note', '--todo', 'buy', 'milk'], 'jot', [['buy', 'milk']], { note: true, todo: true }],
  [['completion', 'zsh'], 'completion', ['zsh'], {}],
  [['__complete', 'bash', '--', 'show', ''], '__complete', ['bash', ['show', '']], {}],
];

describe('argv → options', () => {
  it.each(TABLE)('%j', async (argv, command, args, options) => {
    // main() protects a jot's text with `--` before parsing; the table states argv as typed.
    const { protectJotText } = await import('../../src/quick.js');
    const parsed = await parse(protectJotText(argv));
    expect(parsed.command).toBe(command);
    expect(parsed.args).toEqual(args);
    expect(parsed.options).toEqual(options);
  });

  it('covers every command and every option the CLI declares', () => {
    const program = buildProgram(testContext('/'), silentIo());
    const named = new Set(TABLE.map(([, command]) => command));
    for (const [name, command] of allCommands(program)) {
      if (command.commands.length > 0) continue; // `conf` only groups its subcommands
      expect(named, name).toContain(name);
      const given = TABLE.filter(([, c]) => c === name).flatMap(([, , , options]) => Object.keys(options));
      for (const option of command.options) {
        if (option.long === '--help') continue;
        expect(given, `${name} ${option.long}`).toContain(option.attributeName());
      }
    }
  });

  it('reads the global options before or after the command', async () => {
    expect((await parse(['--dir', 'w', '--no-color', 'list'])).globals).toEqual({ dir: 'w', color: false });
    expect((await parse(['list', '--dir', 'w', '--color'])).globals).toEqual({ dir: 'w', color: true });
    expect((await parse(['list'])).globals).toEqual({});
  });

  it('refuses a value outside the choices with exit code 2', async () => {
    const { main } = await import('../../src/cli.js');
    let err = '';
    const io = { ...silentIo(), stderr: { write: (text: string) => (err += text) } };
    expect(await main(['list', '--sort', 'size'], { io, ctx: testContext('/') })).toBe(2);
    expect(err).toMatch(/--sort <key>' argument 'size' is invalid/);
  });
});
