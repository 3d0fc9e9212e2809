/** The terminal side: streams, colour and the messages a command prints; one factory for both lanes. */
import type { Readable } from 'node:stream';
import type { Context } from './context.js';
import type { Prompts } from './ui/prompts.js';
import { colorLevel, type ColorFlag, type Colors, type Painter } from './ui/colors.js';
import { visible, visibleKeepingColour } from './visible.js';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: Readable & { isTTY?: boolean };
}

/** What every command gets: the outside world, and how to talk to the user. */
export interface CommandEnv {
  ctx: Context;
  io: Io;
  /** Colours for stdout; plain when stdout is not a terminal, NO_COLOR is set or --no-color given. */
  color: Colors;
  /** Colours for stderr, decided separately (stdout may be piped while stderr is not). */
  errColor: Colors;
  /** The global --dir option. */
  dir?: string;
  /** Data for stdout: a line. */
  out(line: string): void;
  /** A message for stderr: a line. */
  say(line: string): void;
  warn(line: string): void;
  /** True when a person can answer prompts: stdin and stderr (where prompts are drawn) are terminals. */
  readonly interactive: boolean;
  /** Prompts to use instead of the terminal's (tests inject scripted ones). */
  prompts?: Prompts;
}

export interface EnvOptions {
  /** How colours are painted: chalk in the full CLI, util.styleText in the quick lane. */
  paint: Painter;
  /** The global --color / --no-color flag. */
  color?: ColorFlag;
  dir?: string;
  prompts?: Prompts;
}

/** The CommandEnv of both lanes (src/cli.ts and src/quick.ts differ only in the painter they pass). */
export function makeCommandEnv(ctx: Context, io: Io, options: EnvOptions): CommandEnv {
  const color = options.paint(colorLevel(io.stdout, ctx.env, options.color));
  const errColor = options.paint(colorLevel(io.stderr, ctx.env, options.color));
  // Without colour, no escape character of ours is ever printed, so every one is shown.
  const shown = errColor.level > 0 ? visibleKeepingColour : visible;
  const { prompts } = options;
  return {
    ctx,
    io,
    color,
    errColor,
    dir: options.dir,
    out: (line) => io.stdout.write(`${line}\n`),
    // Messages carry file names and text from notes: shown, never obeyed by the terminal.
    say: (line) => io.stderr.write(`${shown(line)}\n`),
    warn: (line) => io.stderr.write(`${errColor.yellow('warning:')} ${shown(line)}\n`),
    // A getter: touching process.stdin costs start-up time, and only prompts ask.
    get interactive() {
      return prompts !== undefined || Boolean(io.stdin.isTTY && io.stderr.isTTY);
    },
    prompts,
  };
}
