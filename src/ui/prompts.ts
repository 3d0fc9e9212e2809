/**
 * Questions on the terminal, behind an interface so tests can drive the real
 * @inquirer prompts on their own streams (`CommandEnv.prompts`). Used by the
 * guided `new`, `new --from`, `report` and the note picker (src/ui/note-picker.ts);
 * @inquirer loads on the first question.
 */
import { nodeStreamOf } from '../fd-io.js';
import type { CommandEnv } from '../io.js';
import { loadStringWidth, makeMeasurer } from './text-width.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompts {
  input(config: {
    message: string;
    default?: string;
    required?: boolean;
    validate?: (value: string) => boolean | string;
  }): Promise<string>;
  select<T>(config: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(config: { message: string; choices: Choice<T>[] }): Promise<T[]>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
  /** A list that `source` filters again as the user types; Enter takes the highlighted choice. */
  search<T>(config: {
    message: string;
    source: (term: string | undefined) => Choice<T>[] | Promise<Choice<T>[]>;
    pageSize?: number;
  }): Promise<T>;
}

/** The real prompts, drawn on stderr so stdout keeps only the command's data. */
export async function terminalPrompts(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<Prompts> {
  const inquirer = await import('@inquirer/prompts');
  const context = { input, output };
  return {
    input: (config) => inquirer.input(config, context),
    select: (config) => inquirer.select(config, context),
    checkbox: (config) => inquirer.checkbox(config, context),
    confirm: (config) => inquirer.confirm(config, context),
    search: (config) => inquirer.search(config, context),
  };
}

/** The prompts a command asks with: the injected ones, else the terminal's. */
export async function promptsOf(env: CommandEnv): Promise<Prompts> {
  return env.prompts ?? terminalPrompts(env.io.stdin, nodeStreamOf(env.io.stderr));
}

/**
 * Cuts a choice to the terminal's width (an ellipsis at the end of `text`, then
 * `after` whole, as a choice's marks), so that a long title does not wrap onto
 * a second line and push the list off the screen: the prompt marks the chosen
 * line with two columns of its own. The width is stderr's, where prompts draw.
 */
export async function fitToTerminal(env: CommandEnv): Promise<(text: string, after?: string) => string> {
  const columns = env.io.stderr.columns;
  if (!columns) return (text, after = '') => text + after;
  const measurer = makeMeasurer(await loadStringWidth());
  const room = Math.max(10, columns - 3);
  return (text, after = '') => {
    const left = Math.max(1, room - measurer.width(after));
    return (measurer.width(text) > left ? measurer.cut(text, left).text : text) + after;
  };
}
