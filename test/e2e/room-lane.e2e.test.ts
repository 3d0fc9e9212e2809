/**
 * The room lane (dist/room.cjs: `agenda`, `new` and the listings without commander) against
 * the full CLI (dist/cli.cjs), on twin workspaces with a real programme: the
 * same output, exit codes and files for every line, and the lane really taken
 * (commander's file never loaded) for the lines it reads, the full CLI for the rest.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, confnotes } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const REPO = path.resolve(path.dirname(BIN), '..');
const FIXTURE = path.resolve(__dirname, '../fixtures/schedule/openstack-summit-2013.ics');
const NOW = '2013-04-16T18:02:00Z'; // 11:02 in Portland, during a talk

let home: string;
const twins = { lane: '', full: '' };

/** Runs `args` in a twin: through the launcher (`lane`), or straight into dist/cli.cjs's main (`full`). */
function run(twin: keyof typeof twins, args: string[], cwd = twins[twin]) {
  const hook = path.join(home, 'hook.cjs');
  const full = path.join(home, 'full.cjs');
  const script = twin === 'lane' ? ['-r', hook, BIN] : ['-r', hook, full];
  const result = spawnSync(process.execPath, [...script, ...args], {
    cwd,
    encoding: 'utf8',
    // An editor that returns at once, should a line ever open one.
    env: {
      PATH: process.env.PATH,
      HOME: home,
      LANG: 'C.UTF-8',
      TZ: 'UTC',
      CONFNOTES_NOW: NOW,
      EDITOR: 'true',
      VISUAL: 'true',
    },
    timeout: 20_000,
  });
  const [stderr, loaded] = result.stderr.split('\nLOADED ');
  return {
    code: result.status,
    stdout: result.stdout.replaceAll(twins[twin], '<ws>'),
    stderr: stderr!.replaceAll(twins[twin], '<ws>'),
    loaded: JSON.parse(loaded!) as { room: boolean; cli: boolean },
  };
}

/** Every file of a workspace but the caches (their bytes hold times and inodes), with its text. */
function filesOf(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, name);
    if (/(^|\/)\.confnotes\/(notes-cache|programme-cache|search|check-cache)(\/|$)/.test(name)) continue;
    if (fs.statSync(full).isFile()) files[name] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

beforeAll(() => {
  home = tempDir();
  fs.writeFileSync(
    path.join(home, 'hook.cjs'),
    `process.on('exit', () => { const files = Object.keys(require.cache); require('fs').writeSync(2, '\\nLOADED ' + JSON.stringify({
      room: files.some((f) => /[\\\\/]dist[\\\\/]room\\.cjs$/.test(f)),
      cli: files.some((f) => /[\\\\/]dist[\\\\/]cli\\.cjs$/.test(f)),
    }) + '\\n'); });`,
  );
  fs.writeFileSync(
    path.join(home, 'full.cjs'),
    `require(${JSON.stringify(path.join(REPO, 'bin', 'quick-load.js'))}).loadFull().lane.main(process.argv.slice(2)).then((code) => { process.exitCode = code; });`,
  );
  for (const twin of ['lane', 'full'] as const) {
    twins[twin] = path.join(home, twin);
    const cli = (...args: string[]) => {
      const result = confnotes(args, { cwd: home, env: { CONFNOTES_NOW: NOW } });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    };
    cli('init', twins[twin]);
    cli(
      '--dir',
      twins[twin],
      'conf',
      'new',
      'OpenStack Summit 2013',
      '--start',
      '2013-04-15',
      '--end',
      '2013-04-18',
    );
    cli('--dir', twins[twin], 'import', FIXTURE);
  }
});

describe('the room lane', () => {
  it('prints, writes and exits as the full CLI does, line after line', () => {
    const refs = (
      JSON.parse(run('full', ['agenda', '--day', '2013-04-17', '--json']).stdout) as { ref: string }[]
    ).map((entry) => entry.ref);
    expect(refs.length).toBeGreaterThan(3);
    const lines = [
      ['agenda', '--day', '2013-04-16'],
      ['agenda', '--day', '2013-04-16', '--json'],
      // Painted with util.styleText, as the full CLI paints with chalk: the same bytes.
      ['--color', 'agenda', '--day', '2013-04-16'],
      ['agenda', '--today', '--search', 'quantum', '--width', '70'],
      ['--no-color', 'agenda', '--day', '2013-04-16', '--room', 'b', '--tag', 'storage'],
      [
        'new',
        'Hallway chat',
        '-s',
        'Ada Byron',
        '--tag',
        'storage',
        '--tag',
        'ML & AI',
        '--at',
        '2013-04-16 12:30',
      ],
      ['new', '--from', 'now', '--rating', '4'],
      ['agenda', '--star', refs[0]!, '--star', refs[1]!],
      ['agenda', '--starred', '--json'],
      ['agenda', '--unstar', refs[1]!],
      ['new', '--from', refs[2]!, '--favourite', '--link', 'slides=https://slides.example/1'],
      ['new', '--from', 'now'],
      ['new', '--from', 'no-such-talk'],
      ['new', '--conf', 'nope', 'A title'],
      ['agenda', '--day', '2013-02-30'],
      ['new', '-t', 'workshop', 'Lab', '--duration', '90', '--at', '14:00', '--room', 'B110'],
      // The listings, over the notes written above.
      ['list'],
      ['ls', '--json'],
      ['list', '--tag', 'storage', '--sort', 'title', '--width', '60'],
      ['--color', 'list', '--min-rating', '4'],
      ['tags', '--json'],
      ['tags', '--all'],
      ['search', 'hallway'],
      ['search', 'fibre', 'channel', '--json'],
      ['search', 'nothing-has-this-word'],
    ];
    // --dir before or after the command, given from outside the workspace.
    const fromOutside = [
      ['--dir', '<ws>', 'agenda', '--day', '2013-04-17'],
      ['new', 'From outside', '--dir', '<ws>', '--at', '2013-04-17 16:00'],
    ];
    const codes = new Set<number | null>();
    for (const line of lines) {
      const lane = run('lane', line);
      const full = run('full', line);
      expect({ ...lane, loaded: undefined }, line.join(' ')).toEqual({ ...full, loaded: undefined });
      expect(lane.loaded, line.join(' ')).toEqual({ room: true, cli: false });
      codes.add(lane.code);
    }
    // Paths are printed from the folder the command ran in: each twin's own name.
    const fromHome = (result: ReturnType<typeof run>) => ({
      ...result,
      stdout: result.stdout.replace(/^(lane|full)\//gm, '<twin>/'),
      loaded: undefined,
    });
    for (const line of fromOutside) {
      const lane = run(
        'lane',
        line.map((arg) => arg.replace('<ws>', twins.lane)),
        home,
      );
      const full = run(
        'full',
        line.map((arg) => arg.replace('<ws>', twins.full)),
        home,
      );
      expect(fromHome(lane), line.join(' ')).toEqual(fromHome(full));
      expect(lane.code, `${line.join(' ')}: ${lane.stderr}`).toBe(0);
      expect(lane.loaded, line.join(' ')).toEqual({ room: true, cli: false });
    }
    // Some of these failed (1 and 2), some wrote notes, stars and the current note: the same in both.
    expect([...codes].sort()).toEqual([0, 1, 2]);
    expect(filesOf(twins.lane)).toEqual(filesOf(twins.full));
    expect(Object.keys(filesOf(twins.lane)).filter((name) => name.endsWith('.md')).length).toBeGreaterThan(4);
  });

  it('paints a programme text that holds a line break as the full CLI does (chalk closes each line)', () => {
    // Import folds white space; programme.yml is a file anyone can edit.
    for (const twin of ['lane', 'full'] as const) {
      const file = path.join(twins[twin], 'openstack-summit-2013', 'programme.yml');
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain('title: Orchestrating Fibre Channel in Cinder\n');
      // A YAML escape: the title holds a line break.
      fs.writeFileSync(
        file,
        text.replace(
          'title: Orchestrating Fibre Channel in Cinder\n',
          'title: "Orchestrating Fibre\\nChannel in Cinder"\n',
        ),
      );
    }
    for (const line of [
      ['--color', 'agenda', '--day', '2013-04-16'],
      ['--color', 'agenda', '--day', '2013-04-16', '--width', '0'],
    ]) {
      const lane = run('lane', line);
      const full = run('full', line);
      expect(lane.code).toBe(0);
      // The talk on now is bold: closed before the break and opened again after it (a space in the table).
      expect(lane.stdout).toContain('Fibre\u001b[22m \u001b[1mChannel in Cinder');
      expect({ ...lane, loaded: undefined }, line.join(' ')).toEqual({ ...full, loaded: undefined });
    }
  });

  it('leaves help, typos and what commander must judge to the full CLI, which answers them', () => {
    for (const line of [
      ['agenda', '--help'],
      ['new', '--type', 'party', 'x'],
      ['new', '--rating', 'four', 'x'],
      ['agenda', '--tomorrow'],
      ['new', '--speaker'],
      ['search'],
      ['list', '--sort', 'size'],
    ]) {
      const lane = run('lane', line);
      const full = run('full', line);
      expect({ ...lane, loaded: undefined }, line.join(' ')).toEqual({ ...full, loaded: undefined });
      expect(lane.loaded, line.join(' ')).toEqual({ room: true, cli: true });
    }
  });
});
