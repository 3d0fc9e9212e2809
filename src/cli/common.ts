/** What the command declarations share: the lazy action, option parsers and the examples block. */
import type { Command } from 'commander';
import { ConfnotesError } from '../errors.js';
import type { CommandEnv } from '../io.js';

// biome-ignore lint/suspicious/noExplicitAny: each command has its own argument list; commander hands them over untyped
export type Loader = () => Promise<{ run: (env: CommandEnv, ...args: any[]) => Promise<void> | void }>;

/** Turns a loader into a commander action: the command's module is imported only when it runs. */
export type Load = (loader: Loader) => (this: Command, ...args: unknown[]) => Promise<void>;

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

export const integer = (name: string) => (value: string) => {
  if (!/^-?\d+$/.test(value.trim())) throw new ConfnotesError(`${name} "${value}" is not a whole number`, 2);
  // A number of hundreds of digits would read as Infinity, and be named so in the next message.
  if (!Number.isSafeInteger(Number(value)))
    throw new ConfnotesError(`${name} "${value.trim()}" is too large`, 2);
  return Number(value);
};

/** The --width option of every command that prints a table: its help, and its parser (0: no limit). */
export const WIDTH_HELP =
  "fit the table in n columns, 0 for no limit (default: the terminal's width; piped output is not cut)";
export const width = (value: string) => {
  const columns = integer('--width')(value);
  if (columns < 0) throw new ConfnotesError(`--width ${value} is not 0 or more`, 2);
  return columns;
};

export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** How each command names the note it works on. */
export const NOTE_ARGUMENT = 'note id, a unique prefix of it or of its title, or a path';
/** The same, for commands that let the user pick the note on a terminal when it is left out. */
export const NOTE_PICKED = `${NOTE_ARGUMENT} (on a terminal, left out: pick it from a list)`;
