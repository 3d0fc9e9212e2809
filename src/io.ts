/** The terminal side: streams, colour and the messages a command prints. */
import type { Readable } from 'node:stream';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from './context.js';
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
  /** Colours for stdout; plain when stdout is not a terminal or NO_COLOR is set. */
  color: ChalkInstance;
  /** Colours for stderr, decided separately (stdout may be piped while stderr is not). */
  errColor: ChalkInstance;
  /** The global --dir option. */
  dir?: string;
  /** Data for stdout: a line. */
  out(line: string): void;
  /** A message for stderr: a line. */
  say(line: string): void;
  warn(line: string): void;
  /** True when a person can answer prompts: stdin and stderr (where prompts are drawn) are terminals. */
  interactive: boolean;
  /** Prompts to use instead of the terminal's (tests inject scripted ones). */
  prompts?: import('./commands/new-prompts.js').Prompts;
}

export function colorFor(stream: OutStream, env: Context['env']): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const level = noColor ? 0 : forced || stream.isTTY ? (env.COLORTERM === 'truecolor' ? 3 : 2) : 0;
  return new Chalk({ level: level as 0 | 2 | 3 });
}

export function makeCommandEnv(
  ctx: Context,
  io: Io,
  dir?: string,
  prompts?: CommandEnv['prompts'],
): CommandEnv {
  const color = colorFor(io.stdout, ctx.env);
  const errColor = colorFor(io.stderr, ctx.env);
  // Without colour, no escape character of ours is ever printed, so every one is shown.
  const shown = errColor.level > 0 ? visibleKeepingColour : visible;
  return {
    ctx,
    io,
    color,
    errColor,
    dir,
    out: (line) => io.stdout.write(`${line}\n`),
    // Messages carry file names and text from notes: shown, never obeyed by the terminal.
    say: (line) => io.stderr.write(`${shown(line)}\n`),
    warn: (line) => io.stderr.write(`${errColor.yellow('warning:')} ${shown(line)}\n`),
    interactive: prompts !== undefined || Boolean(io.stdin.isTTY && io.stderr.isTTY),
    prompts,
  };
}
