/**
 * The room lane: `agenda` and `new` (with or without `--from`), the commands
 * typed in the room besides `jot`, and the listings (`list`, `tags`,
 * `search`), run here without commander (its module and the declaration of
 * every command cost 2-4 ms a start): dist/room.cjs, an
 * entry of the split CommonJS build that requires the same files of
 * dist/chunks/ as the full CLI (bin/quick-load.js, with their code caches).
 * It calls the very `run` the full CLI's action would, with the options
 * object commander would hand it (camelCase names, each value through
 * commander's parser, a repeatable option's values in a list), on the same
 * CommandEnv, painted by the same painter (src/ui/painter.ts). It takes only
 * lines it reads exactly as commander does: help, a typo, an unknown option,
 * a value outside an option's choices or refused by its parser, or a group
 * of short flags return undefined, and the full CLI, which owns every
 * message about usage, runs them. test/unit/room.test.ts holds the tables
 * below to src/cli's declarations, and the reading of generated lines to
 * commander's.
 */
import type { Context } from './context.js';
import { integer, width } from './cli/common.js';
import { NOTE_TYPES } from './core/note/note-types.js';
import { reportError } from './exit.js';
import { fdIo } from './fd-io.js';
import { type CommandEnv, makeCommandEnv, type Io } from './io.js';
import { contextFromProcess } from './process-context.js';
import { laneLine, type Options } from './quick-args.js';
import { painterFor } from './ui/painter.js';

/** The scope and output options of the listings. */
const SCOPE: Options = {
  conf: { type: 'string' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  width: { type: 'string' },
};

/** The filters `list` and `search` share. */
const FILTERS: Options = {
  tag: { type: 'string' },
  type: { type: 'string', short: 't' },
  day: { type: 'string' },
  favourite: { type: 'boolean' },
  'min-rating': { type: 'string' },
  speaker: { type: 'string' },
};

/** Each command's options, as src/cli declares them (every value option read as repeatable: see roomCall). */
export const ROOM_COMMANDS: Record<'agenda' | 'new' | 'list' | 'tags' | 'search', Options> = {
  agenda: {
    day: { type: 'string' },
    today: { type: 'boolean' },
    tag: { type: 'string' },
    room: { type: 'string' },
    search: { type: 'string' },
    starred: { type: 'boolean' },
    star: { type: 'string' },
    unstar: { type: 'string' },
    'star-from': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    remind: { type: 'string' },
    force: { type: 'boolean' },
    conf: { type: 'string' },
    json: { type: 'boolean' },
    width: { type: 'string' },
  },
  new: {
    type: { type: 'string', short: 't' },
    speaker: { type: 'string', short: 's' },
    tag: { type: 'string' },
    at: { type: 'string' },
    duration: { type: 'string' },
    track: { type: 'string' },
    room: { type: 'string' },
    conf: { type: 'string' },
    rating: { type: 'string' },
    favourite: { type: 'boolean' },
    private: { type: 'boolean' },
    link: { type: 'string' },
    summary: { type: 'string' },
    template: { type: 'string' },
    edit: { type: 'boolean', short: 'e' },
    from: { type: 'string' },
  },
  list: { ...SCOPE, ...FILTERS, search: { type: 'string' }, sort: { type: 'string' } },
  tags: SCOPE,
  search: { ...SCOPE, ...FILTERS },
};

type Name = keyof typeof ROOM_COMMANDS;

/** Other names src/cli declares for a command (`ls`). */
export const ROOM_ALIASES: Record<string, Name> = { ls: 'list' };

/** What a command takes besides its options: nothing, words (`[title...]`) or at least one (`<words...>`). */
export const ROOM_ARGUMENTS: Record<Name, 'none' | 'words' | 'some words'> = {
  agenda: 'none',
  new: 'words',
  list: 'none',
  tags: 'none',
  search: 'some words',
};

/** The values src/cli declares for an option left out (commander sets them). */
export const ROOM_DEFAULTS: Record<Name, Record<string, unknown>> = {
  agenda: {},
  new: {},
  list: { sort: 'time' },
  tags: {},
  search: {},
};

/** The options src/cli declares with `collect`: every value, in order (the others keep their last). */
export const ROOM_REPEATABLE: Record<Name, readonly string[]> = {
  agenda: ['star', 'unstar'],
  new: ['speaker', 'tag', 'link'],
  list: ['tag', 'speaker'],
  tags: [],
  search: ['tag', 'speaker'],
};

/** The options src/cli declares with a parser of its value (other than collect). */
export const ROOM_PARSERS: Record<Name, Record<string, (value: string) => unknown>> = {
  agenda: { width },
  new: { duration: integer('--duration'), rating: integer('--rating') },
  list: { 'min-rating': integer('--min-rating'), width },
  tags: { width },
  search: { 'min-rating': integer('--min-rating'), width },
};

/** The options src/cli declares with choices: a value outside them is the full CLI's to refuse. */
export const ROOM_CHOICES: Record<Name, Record<string, readonly string[]>> = {
  agenda: { format: ['table', 'json', 'ics'] },
  new: { type: NOTE_TYPES },
  list: { type: NOTE_TYPES, sort: ['time', 'title', 'rating'] },
  tags: {},
  search: { type: NOTE_TYPES },
};

/** Words that can send a command line down the room lane (the launcher's list, bin/quick-words.json). */
export const ROOM_WORDS: readonly string[] = [...Object.keys(ROOM_COMMANDS), ...Object.keys(ROOM_ALIASES)];

export interface RoomCall {
  name: Name;
  dir?: string;
  color?: boolean;
  positionals: string[];
  /** What commander's `opts()` would be. */
  options: Record<string, unknown>;
}

/** Every string option read as repeatable, so that each value given is parsed and checked as commander does. */
const READ_AS = Object.fromEntries(
  [
    ...Object.entries(ROOM_COMMANDS),
    ...Object.entries(ROOM_ALIASES).map(([alias, name]) => [alias, ROOM_COMMANDS[name]] as const),
  ].map(([name, options]) => [
    name,
    Object.fromEntries(
      Object.entries(options).map(([key, option]) => [
        key,
        option.type === 'string' ? { ...option, multiple: true } : option,
      ]),
    ),
  ]),
) as Record<string, Options>;

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The room command a line asks for, with the options commander would give
 * its action, or undefined for a line the full CLI must read (among them a
 * value commander's parser refuses: the full CLI names it).
 */
export function roomCall(argv: string[]): RoomCall | undefined {
  const line = laneLine(argv, READ_AS);
  if (!line) return undefined;
  // A group of short flags, or a value stuck to one (`-es`, `-tkeynote`), before the command's `--`:
  // commander's reading, not parseArgs'.
  const end = line.rest.indexOf('--');
  if ((end === -1 ? line.rest : line.rest.slice(0, end)).some((arg) => /^-[^-]./.test(arg))) return undefined;
  const name = ROOM_ALIASES[line.name] ?? (line.name as Name);
  const takes = ROOM_ARGUMENTS[name];
  // Words where none are declared, or none where one is required: commander's message.
  if (
    takes === 'none' ? line.positionals.length > 0 : takes === 'some words' && line.positionals.length === 0
  )
    return undefined;
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(line.values)) {
    if (value === undefined) continue;
    const attribute = camelCase(key);
    if (typeof value === 'boolean') {
      options[attribute] = value;
      continue;
    }
    // A value option is read as repeatable: every value given, in order.
    const values = value as string[];
    const choices = ROOM_CHOICES[name][key];
    if (choices && values.some((one) => !choices.includes(one))) return undefined;
    const parse = ROOM_PARSERS[name][key];
    let parsed: unknown[];
    try {
      parsed = parse ? values.map((one) => parse(one)) : values;
    } catch {
      // Which bad value commander names first depends on the order of every option: its call.
      return undefined;
    }
    options[attribute] = ROOM_REPEATABLE[name].includes(key) ? parsed : parsed.at(-1);
  }
  for (const [key, value] of Object.entries(ROOM_DEFAULTS[name])) options[key] ??= value;
  return { name, dir: line.dir, color: line.color, positionals: line.positionals, options };
}

/** Each command's module, and how its `run` takes what the line gave (as its commander action does). */
const RUNS: Record<Name, (env: CommandEnv, call: RoomCall) => Promise<void>> = {
  agenda: async (env, call) => (await import('./commands/agenda.js')).run(env, call.options),
  // `new --from` fills the note from the programme: its own module, as in src/cli/declare-notes.ts.
  new: async (env, call) =>
    call.options.from !== undefined
      ? (await import('./commands/new-from.js')).run(env, call.positionals, call.options)
      : (await import('./commands/new.js')).run(env, call.positionals, call.options),
  list: async (env, call) => (await import('./commands/list.js')).run(env, call.options),
  tags: async (env, call) => (await import('./commands/tags.js')).run(env, call.options),
  search: async (env, call) =>
    (await import('./commands/search.js')).run(env, call.positionals, call.options),
};

/**
 * Runs a room command and returns its exit code, or undefined when the line
 * is not one for this lane (the launcher then runs the full CLI).
 */
export async function roomMain(
  argv: string[],
  overrides: { ctx?: Partial<Context>; io?: Io } = {},
): Promise<number | undefined> {
  const io = overrides.io ?? fdIo();
  try {
    const call = roomCall(argv);
    if (!call) return undefined;
    const ctx = contextFromProcess(overrides.ctx);
    // Painted as the full CLI paints (chalk, when a stream gets colour), so the bytes are the same.
    const paint = await painterFor(io, ctx.env, call.color);
    const env = makeCommandEnv(ctx, io, { paint, color: call.color, dir: call.dir });
    await RUNS[call.name](env, call);
    return 0;
  } catch (error) {
    return reportError(error, io.stderr, overrides.ctx?.env ?? process.env);
  }
}
