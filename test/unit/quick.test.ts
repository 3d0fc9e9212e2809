/** The quick lane must run exactly what the full CLI would, or hand the command line over to it. */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import type { Io } from '../../src/io.js';
import {
  GLOBAL,
  parseQuick,
  protectJotText,
  QUICK_COMMANDS,
  QUICK_WORDS,
  quickMain,
} from '../../src/quick.js';
import { VERSION } from '../../src/version.js';
import { makeWorkspace, note, testContext } from '../helpers/workspace.js';

function capture(): Io & { text: { out: string; err: string } } {
  const text = { out: '', err: '' };
  return {
    text,
    stdout: { write: (chunk: string) => (text.out += chunk) },
    stderr: { write: (chunk: string) => (text.err += chunk) },
    stdin: Object.assign(new Readable({ read() {} }), { isTTY: true }),
  } as never;
}

describe('a bare jot on a terminal', () => {
  it('is handed to the full CLI, which runs the capture session', async () => {
    const { root } = makeWorkspace();
    const io = capture();
    (io.stdout as { isTTY?: boolean }).isTTY = true;
    expect(await quickMain(['jot'], { ctx: testContext(root), io })).toBeUndefined();
    expect(io.text).toEqual({ out: '', err: '' });
  });
});

describe('parseQuick', () => {
  it('takes plain jot, current and --version lines', () => {
    expect(parseQuick(['--version'])).toMatchObject({ command: 'version' });
    expect(parseQuick(['-V'])).toMatchObject({ command: 'version' });
    expect(parseQuick(['jot', 'FC', 'needs', 'zoning'])).toMatchObject({
      command: 'jot',
      positionals: ['FC', 'needs', 'zoning'],
    });
    expect(parseQuick(['--dir', 'w', 'jot', '--at', '10:05', '--todo', 'x'])).toMatchObject({
      command: 'jot',
      dir: 'w',
      positionals: ['x'],
      options: { at: '10:05', todo: true },
    });
    expect(parseQuick(['--dir=w', 'current', '--absolute'])).toMatchObject({
      command: 'current',
      dir: 'w',
      options: { absolute: true },
    });
    expect(parseQuick(['jot', '--dir', 'later', 'x'])).toMatchObject({ dir: 'later', positionals: ['x'] });
    expect(parseQuick(['jot', '--', '-5', 'degrees'])).toMatchObject({ positionals: ['-5', 'degrees'] });
  });

  it('keeps everything after the first word of a jot as text, whatever it looks like', () => {
    expect(protectJotText(['jot', 'what', 'does', '-h', 'do'])).toEqual([
      'jot',
      '--',
      'what',
      'does',
      '-h',
      'do',
    ]);
    expect(protectJotText(['--dir', 'w', 'jot', '--at', '10:05', '--todo', 'use', '--force'])).toEqual([
      '--dir',
      'w',
      'jot',
      '--at',
      '10:05',
      '--todo',
      '--',
      'use',
      '--force',
    ]);
    expect(protectJotText(['jot', '--', 'x', '-h'])).toEqual(['jot', '--', 'x', '-h']);
    expect(protectJotText(['jot', '--help'])).toEqual(['jot', '--help']);
    expect(protectJotText(['list', '--search', 'jot', 'x'])).toEqual(['list', '--search', 'jot', 'x']);
    expect(parseQuick(['jot', 'speaker', 'said', 'use', '--force', 'carefully'])).toMatchObject({
      positionals: ['speaker', 'said', 'use', '--force', 'carefully'],
      options: {},
    });
    expect(parseQuick(['jot', '--quote', 'never', 'type', '-h'])).toMatchObject({
      positionals: ['never', 'type', '-h'],
      options: { quote: true },
    });
  });

  it('hands everything else to the full CLI', () => {
    for (const argv of [
      [],
      ['list'],
      ['jot', '--help'],
      ['jot', '-h', 'x'],
      ['jot', '--bogus', 'x'],
      ['jot', '-5', 'degrees'],
      ['jot', '--note', 'fibre', 'x'],
      ['current', 'extra'],
      ['--version', 'jot'],
      ['--verbose', 'jot', 'x'],
      ['--dir'],
      ['new', 'jot'],
    ]) {
      expect(parseQuick(argv), argv.join(' ')).toBeUndefined();
    }
  });

  it('knows the same options as src/cli.ts declares for those commands', () => {
    const program = buildProgram(testContext('/'), capture());
    for (const [name, options] of Object.entries(QUICK_COMMANDS)) {
      const command = program.commands.find((c) => c.name() === name)!;
      const declared = command.options.map((o) => o.long!.slice(2)).filter((o) => o !== 'help');
      expect(Object.keys(options).sort(), name).toEqual(declared.sort());
      for (const option of command.options) {
        expect(options[option.long!.slice(2)]?.type, `${name} ${option.long}`).toBe(
          option.required || option.optional ? 'string' : 'boolean',
        );
      }
      expect(QUICK_WORDS).toContain(name);
    }
    expect(program.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--dir', '--version']));
  });

  it('knows the global options src/cli.ts declares, and the launcher reads the same quick words', () => {
    const program = buildProgram(testContext('/'), capture());
    const declared = program.options.map((o) => o.long!.slice(2)).filter((o) => o !== 'version');
    expect(Object.keys(GLOBAL).sort()).toEqual(declared.sort());
    // Every quick command, and the version flags, are quick words; nothing else is.
    expect([...QUICK_WORDS].sort()).toEqual([...Object.keys(QUICK_COMMANDS), '--version', '-V'].sort());
    const launcher = fs.readFileSync(new URL('../../bin/confnotes.js', import.meta.url), 'utf8');
    expect(launcher).toContain("readJson('quick-words.json')");
    expect(launcher).toContain('LANE_WORDS.words');
    expect(launcher).not.toMatch(/'jot'|'current'/);
  });

  it('takes --color and --no-color before or after the command', () => {
    expect(parseQuick(['--no-color', 'jot', 'x'])).toMatchObject({ color: false, positionals: ['x'] });
    expect(parseQuick(['--no-color', '--color', 'current'])).toMatchObject({ color: true });
    expect(parseQuick(['jot', '--color', 'x'])).toMatchObject({ color: true, positionals: ['x'] });
    expect(parseQuick(['--color', 'current', '--no-color'])).toMatchObject({ color: false });
    expect(parseQuick(['current'])!.color).toBeUndefined();
    expect(parseQuick(['current', '--color', '--no-color'])).toBeUndefined();
  });

  it('prints the version in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});

describe('quickMain', () => {
  it('jots into the current note and reports errors as the full CLI does', async () => {
    const { root, confDir } = makeWorkspace();
    const file = path.join(confDir, '2013-04-16-1000-a-talk.md');
    // The slot holds the jot's 11:02, so no out-of-slot warning joins the message.
    fs.writeFileSync(file, note({ start: '"11:00"', end: '"11:30"' }, '## Notes\n'));
    fs.writeFileSync(
      path.join(root, '.confnotes', 'state.json'),
      JSON.stringify({
        conference: 'conf',
        note: 'conf/2013-04-16-1000-a-talk.md',
        timezone: 'America/Los_Angeles',
      }),
    );
    const ctx = testContext(root);

    const io = capture();
    expect(await quickMain(['jot', 'Quantum', 'is', 'pluggable'], { ctx, io })).toBe(0);
    expect(fs.readFileSync(file, 'utf8').endsWith('## Notes\n- 11:02 Quantum is pluggable\n')).toBe(true);
    expect(io.text.err).toBe('conf/2013-04-16-1000-a-talk.md: - 11:02 Quantum is pluggable\n');

    const current = capture();
    expect(await quickMain(['current', '--absolute'], { ctx, io: current })).toBe(0);
    expect(current.text.out).toBe(`${file}\n`);

    const empty = capture();
    expect(await quickMain(['jot', '   '], { ctx, io: empty })).toBe(2);
    expect(empty.text.err).toMatch(/^confnotes: an empty jot is not saved/);

    fs.rmSync(path.join(root, '.confnotes', 'state.json'));
    const none = capture();
    expect(await quickMain(['current'], { ctx, io: none })).toBe(1);
    expect(none.text.err).toMatch(/^confnotes: no current note; start one with/);
    expect(await quickMain(['list'], { ctx, io: none })).toBeUndefined();
  });
});
