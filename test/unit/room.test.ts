/**
 * The room lane (src/room.ts) must hand its commands exactly what
 * commander would, or leave the line to the full CLI: its tables against
 * src/cli's declarations, and generated command lines read both ways.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { collect } from '../../src/cli/common.js';
import type { Io } from '../../src/io.js';
import {
  ROOM_ALIASES,
  ROOM_ARGUMENTS,
  ROOM_CHOICES,
  ROOM_COMMANDS,
  ROOM_DEFAULTS,
  ROOM_PARSERS,
  ROOM_REPEATABLE,
  ROOM_WORDS,
  roomCall,
} from '../../src/room.js';
import { testContext } from '../helpers/workspace.js';

function quietIo(): Io {
  const sink = { write: () => true };
  return {
    stdout: sink,
    stderr: sink,
    stdin: Object.assign(new Readable({ read() {} }), { isTTY: false }),
  } as never;
}

type Name = keyof typeof ROOM_COMMANDS;
const commandOf = (program: Command, name: string) => program.commands.find((c) => c.name() === name)!;

interface Reading {
  name: Name;
  positionals: string[];
  options: Record<string, unknown>;
  dir?: string;
  color?: boolean;
}

/** What commander hands the action for `argv`, or null when it refuses the line (or shows help). */
async function commanderReading(argv: string[]): Promise<Reading | null> {
  const program = buildProgram(testContext('/'), quietIo());
  let got = null as Reading | null;
  for (const name of Object.keys(ROOM_COMMANDS) as Name[]) {
    commandOf(program, name).action(function (this: Command, ...args: unknown[]) {
      const globals = this.optsWithGlobals() as { dir?: string; color?: boolean };
      got = {
        name,
        positionals: ROOM_ARGUMENTS[name] === 'none' ? [] : (args[0] as string[]),
        options: { ...this.opts() },
        dir: globals.dir,
        color: globals.color,
      };
    });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch {
    return null;
  }
  return got;
}

/** A call's result, or the message it threw. */
function attempt(call: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: call() };
  } catch (error) {
    return { error: String(error) };
  }
}

const laneReading = (argv: string[]) => {
  const call = roomCall(argv);
  return call && { ...call, options: { ...call.options } };
};

describe('the room lane', () => {
  it('knows every option src/cli declares for its commands, as declared', () => {
    const program = buildProgram(testContext('/'), quietIo());
    for (const [name, options] of Object.entries(ROOM_COMMANDS) as [Name, (typeof ROOM_COMMANDS)[Name]][]) {
      const command = commandOf(program, name);
      const declared = command.options.filter((o) => o.long !== '--help');
      expect(Object.keys(options).sort(), name).toEqual(declared.map((o) => o.long!.slice(2)).sort());
      for (const option of declared) {
        const key = option.long!.slice(2);
        const mine = options[key]!;
        expect(mine.type, `${name} ${option.long}`).toBe(
          option.required || option.optional ? 'string' : 'boolean',
        );
        expect(mine.short, `${name} ${option.long}`).toBe(option.short?.slice(1));
        expect(ROOM_REPEATABLE[name].includes(key), `${name} ${option.long} repeatable`).toBe(
          option.parseArg === collect,
        );
        expect(ROOM_CHOICES[name][key], `${name} ${option.long} choices`).toEqual(option.argChoices);
        expect(option.defaultValue, `${name} ${option.long} default`).toEqual(
          ROOM_DEFAULTS[name][option.attributeName()],
        );
        // An option with a parser of its own (not collect, nor commander's check of its choices) has it
        // here too, and it reads values alike.
        const parser =
          option.parseArg && option.parseArg !== collect && !option.argChoices ? option.parseArg : undefined;
        expect(Boolean(ROOM_PARSERS[name][key]), `${name} ${option.long} parser`).toBe(Boolean(parser));
        for (const value of ['0', '12', ' 3', '-1', 'x', '', '1.5'])
          if (parser)
            expect(attempt(() => ROOM_PARSERS[name][key]!(value))).toEqual(
              attempt(() => parser(value, undefined)),
            );
      }
    }
  });

  it('knows the aliases and the arguments src/cli declares for its commands', () => {
    const program = buildProgram(testContext('/'), quietIo());
    for (const name of Object.keys(ROOM_COMMANDS) as Name[]) {
      const command = commandOf(program, name);
      expect(
        Object.entries(ROOM_ALIASES)
          .filter(([, of]) => of === name)
          .map(([alias]) => alias),
        name,
      ).toEqual(command.aliases());
      const args = command.registeredArguments;
      const takes = args.length === 0 ? 'none' : args[0]!.required ? 'some words' : 'words';
      expect(
        args.every((arg) => arg.variadic),
        name,
      ).toBe(true);
      expect(args.length, name).toBeLessThanOrEqual(1);
      expect(ROOM_ARGUMENTS[name], name).toBe(takes);
    }
    expect(Object.keys(ROOM_DEFAULTS).sort()).toEqual(Object.keys(ROOM_COMMANDS).sort());
  });

  it('is the launcher’s room words, and no command is in both lanes', () => {
    const words = JSON.parse(fs.readFileSync(new URL('../../bin/quick-words.json', import.meta.url), 'utf8'));
    expect([...words.room].sort()).toEqual([...ROOM_WORDS].sort());
    expect(words.words.filter((word: string) => words.room.includes(word))).toEqual([]);
  });

  it('reads plain room lines as commander does', async () => {
    const lines = [
      ['agenda', '--day', '2026-04-14'],
      ['agenda', '--today', '--room', 'hall', '--json'],
      ['--dir', 'w', 'agenda', '--star', 'k7m', '--star', 'x2p', '--width', '100'],
      ['agenda', '--starred', '-o', 'plan.ics', '--remind', '5', '--format', 'ics'],
      ['new', 'Scaling', 'etcd', '--speaker', 'Ada', '-s', 'Bob', '--tag', 'storage', '--at', '10:00'],
      ['new', '-t', 'keynote', 'Opening', '--duration', '30', '--rating', '4', '-e'],
      ['new', '--from', 'now'],
      ['--no-color', 'new', '--from=next', '--conf', 'summit', '--link', 'slides=https://x.example/s'],
      ['new', '--', '-5', 'degrees'],
      ['list', '--all', '--tag', 'storage', '--tag', 'ceph', '--sort', 'rating', '--json'],
      ['ls', '-t', 'keynote', '--min-rating', '4', '--speaker', 'muller'],
      ['tags', '--all', '--json'],
      ['search', 'fibre', 'channel', '--conf', 'summit', '--width', '0'],
      ['--dir=w', 'search', '"fibre channel"', 'zon', '--favourite', '--day', '2013-04-16'],
    ];
    for (const argv of lines) {
      const lane = laneReading(argv);
      expect(lane, argv.join(' ')).not.toBeUndefined();
      expect(lane, argv.join(' ')).toEqual(await commanderReading(argv));
    }
  });

  it('leaves to the full CLI what it does not read as commander would', () => {
    for (const argv of [
      ['agenda', '--help'],
      ['new', '-h'],
      ['agenda', 'extra'],
      ['agenda', '--bogus'],
      ['agenda', '--format', 'pdf'],
      ['new', '--type', 'party', 'x'],
      ['new', '--rating', 'four', 'x'],
      ['new', '--rating', 'x', '--duration', 'y', 'z'],
      ['agenda', '--width', '-1'],
      ['new', '-es', 'Ada', 'x'],
      ['new', '-tkeynote', 'x'],
      ['new', '--favourite=yes', 'x'],
      ['new', '--from'],
      ['new', 'x', '-'],
      ['speakers'],
      ['show', 'x'],
      ['--verbose', 'agenda'],
      ['agenda', '--color', '--no-color'],
      ['search'],
      ['search', '--json'],
      ['list', 'extra'],
      ['tags', 'x'],
      ['list', '--sort', 'size'],
      ['ls', '--min-rating', 'high'],
    ])
      expect(roomCall(argv), argv.join(' ')).toBeUndefined();
  });

  it('reads any line it takes exactly as commander does', async () => {
    const values = [
      '2026-04-14',
      'keynote',
      'workshop',
      'party',
      'table',
      'ics',
      'title',
      'rating',
      '12',
      '0',
      'x',
      '-1',
      'a b',
      '',
    ];
    /** The words of a line of `name`: its options in every spelling, values, and words that are none of them. */
    const wordsOf = (name: Name) => [
      ...Object.entries(ROOM_COMMANDS[name]).flatMap(([key, option]) => [
        `--${key}`,
        ...(option.type === 'string' ? values.map((value) => `--${key}=${value}`) : [`--${key}=1`]),
        ...(option.short ? [`-${option.short}`] : []),
      ]),
      ...values,
      ...ROOM_WORDS,
      '--dir',
      '--dir=w',
      '--color',
      '--no-color',
      '--',
      '-',
      '-es',
      '--help',
      '--bogus',
      '--sort',
      'Talk',
    ];
    const word = fc.constantFrom(...ROOM_WORDS);
    const line = fc.tuple(
      fc.array(fc.constantFrom('--dir', 'w', '--color', '--no-color'), { maxLength: 3 }),
      word.chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.array(fc.constantFrom(...wordsOf(ROOM_ALIASES[name] ?? (name as Name))), { maxLength: 8 }),
        ),
      ),
    );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(line, async ([globals, [name, rest]]) => {
        const argv = [...globals, name, ...rest];
        const lane = laneReading(argv);
        if (!lane) return;
        taken++;
        expect(lane, argv.join(' ')).toEqual(await commanderReading(argv));
      }),
      { numRuns: 600 },
    );
    // Generated lines are mostly nonsense, but the lane must still take a good share of them
    // (about 15%: 80 to 105 of 600 in a dozen runs; 50 is some five standard deviations below).
    expect(taken).toBeGreaterThan(50);
  });
});
