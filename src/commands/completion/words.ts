/**
 * What the word under the cursor can be, read from the commander program
 * itself: commands, options with their descriptions, option and argument
 * choices, or a kind of value found in the workspace at completion time.
 * Pure: no file is read here.
 */
import type { Argument, Command, Option } from 'commander';

/** Values that come from the workspace (or the file system) when TAB is pressed. */
export type Source =
  | 'notes'
  | 'tags'
  | 'conferences'
  | 'entries'
  | 'from'
  | 'rooms'
  | 'agenda-tags'
  | 'files'
  | 'dirs'
  | 'none';

export interface Item {
  value: string;
  description?: string;
}

export interface Wanted {
  /** Fixed words (commands, options, choices) to offer. */
  items: Item[];
  /** Values to look up, when the word is a note, a tag, a slug, a file… */
  source?: Source;
  /** `--dir` and `--conf` seen on the line: where to look them up. */
  dir?: string;
  conf?: string;
  /** `--format=` when the value is written in the same word: each value is offered after it. */
  prefix?: string;
}

/** Option values by the option's name; the agenda's --tag also matches tracks. */
const OPTION_SOURCES: Record<string, Source> = {
  dir: 'dirs',
  conf: 'conferences',
  note: 'notes',
  tag: 'tags',
  output: 'files',
  template: 'files',
  starFrom: 'files',
  from: 'from',
  star: 'entries',
  unstar: 'entries',
  room: 'rooms',
};

/** Argument values by the argument's name. */
const ARGUMENT_SOURCES: Record<string, Source> = {
  note: 'notes',
  tags: 'tags',
  slug: 'conferences',
  'conf-slug': 'conferences',
  path: 'dirs',
  folder: 'dirs',
  file: 'files',
};

const takesValue = (option: Option) => option.required || option.optional;
const visible = (command: Command) => !command.name().startsWith('__');

function optionsInScope(command: Command): Option[] {
  const help = command.createHelp();
  const own = help.visibleOptions(command);
  const inherited: Option[] = [];
  for (let parent = command.parent; parent; parent = parent.parent) {
    inherited.push(...parent.options.filter((option) => !option.hidden && option.long !== '--version'));
  }
  return [...own, ...inherited];
}

function findOption(command: Command, flag: string): Option | undefined {
  return optionsInScope(command).find((option) => option.long === flag || option.short === flag);
}

function choiceItems(choices: readonly string[] | undefined): Item[] | undefined {
  return choices ? choices.map((value) => ({ value })) : undefined;
}

function optionValues(command: Command, option: Option): Pick<Wanted, 'items' | 'source'> {
  const choices = choiceItems(option.argChoices);
  if (choices) return { items: choices };
  const name = option.attributeName();
  if (name === 'tag' && command.name() === 'agenda') return { items: [], source: 'agenda-tags' };
  return { items: [], source: OPTION_SOURCES[name] ?? 'none' };
}

function argumentValues(argument: Argument | undefined): Pick<Wanted, 'items' | 'source'> {
  if (!argument) return { items: [], source: 'none' };
  const choices = choiceItems(argument.argChoices);
  if (choices) return { items: choices };
  return { items: [], source: ARGUMENT_SOURCES[argument.name()] ?? 'none' };
}

/**
 * `words` are the words after `confnotes` up to the cursor, the last one
 * being the (possibly empty) word being completed.
 */
export function wanted(program: Command, words: string[]): Wanted {
  let command = program;
  let positionals = 0;
  let dashDash = false;
  const seen: { dir?: string; conf?: string } = {};
  const done = words.length - 1;
  for (let i = 0; i < done; i++) {
    const word = words[i]!;
    if (word === '--' && !dashDash) {
      dashDash = true;
      continue;
    }
    if (!dashDash && word.startsWith('-') && word.length > 1) {
      const eq = word.startsWith('--') ? word.indexOf('=') : -1;
      const option = findOption(command, eq > 0 ? word.slice(0, eq) : word);
      if (!option || !takesValue(option)) continue;
      const value = eq > 0 ? word.slice(eq + 1) : words[i + 1];
      if (eq < 0) {
        i++;
        if (i === done) return { ...seen, ...optionValues(command, option) };
      }
      const name = option.attributeName();
      if ((name === 'dir' || name === 'conf') && value !== undefined) seen[name] = value;
      continue;
    }
    const sub =
      positionals === 0
        ? command.commands.find((c) => c.name() === word || c.aliases().includes(word))
        : undefined;
    if (sub) command = sub;
    else positionals++;
  }
  const current = words[done] ?? '';
  const eq = current.startsWith('--') && !dashDash ? current.indexOf('=') : -1;
  const inline = eq > 0 ? findOption(command, current.slice(0, eq)) : undefined;
  if (inline && takesValue(inline)) {
    return { ...seen, ...optionValues(command, inline), prefix: current.slice(0, eq + 1) };
  }
  if (current.startsWith('-') && !dashDash) {
    const items = optionsInScope(command).flatMap((option) =>
      [option.long, option.short]
        .filter((flag): flag is string => Boolean(flag))
        .map((flag) => ({ value: flag, description: option.description })),
    );
    return { ...seen, items };
  }
  if (positionals === 0 && command.commands.some(visible)) {
    const items = command.commands
      .filter(visible)
      .map((sub) => ({ value: sub.name(), description: sub.description() }));
    return { ...seen, items };
  }
  const args = command.registeredArguments;
  const last = args[args.length - 1];
  const argument = positionals < args.length ? args[positionals] : last?.variadic ? last : undefined;
  return { ...seen, ...argumentValues(argument) };
}
