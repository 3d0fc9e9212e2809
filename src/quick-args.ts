/**
 * The quick lane's reading of a command's options: the plain forms a person
 * types (`--todo`, `--at 10:05`, `--dir=w`, `--`, words) read here directly,
 * anything else by node:util parseArgs, which costs ~0.4 ms to load and run
 * for the first time. For every line read here, the result is the one
 * parseArgs gives in strict mode (test/unit/quick-args.test.ts checks it).
 */
// util's parseArgs is a lazy getter: naming it here loads nothing until a line needs it.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  /** A string, a flag, or every value of an option that may be given more than once (`multiple`). */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** The plain forms only, or undefined where parseArgs must decide (short options, `--flag=x`, unknown names). */
function plainArgs(args: string[], options: Options): ParsedArgs | undefined {
  const values: ParsedArgs['values'] = { __proto__: null } as never;
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) return undefined;
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const option = Object.hasOwn(options, name) ? options[name]! : undefined;
    let value: string | boolean;
    if (option?.type === 'boolean' && equals === -1) value = true;
    else if (option?.type === 'string' && equals !== -1) value = arg.slice(equals + 1);
    else if (option?.type === 'string' && i + 1 < args.length && !args[i + 1]!.startsWith('-'))
      value = args[++i]!;
    else return undefined;
    const before = values[name];
    // A repeatable option's values, in order (parseArgs gives a list for `multiple`).
    values[name] = option.multiple ? [...((before as string[] | undefined) ?? []), value as string] : value;
  }
  return { values, positionals };
}

/** parseArgs (strict, positionals allowed) for `args`, or undefined for a line it refuses. */
export function quickArgs(args: string[], options: Options): ParsedArgs | undefined {
  const plain = plainArgs(args, options);
  if (plain) return plain;
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedArgs;
  } catch {
    return undefined;
  }
}

/** The global options of src/cli.ts but --version and --help (parseArgs on Node 20 has no negated flags). */
export const GLOBAL: Options = {
  dir: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
};

/** A command line a lane can take: the command, the global options, and the command's own. */
export interface LaneLine {
  name: string;
  dir?: string;
  /** --color (true) or --no-color (false). */
  color?: boolean;
  positionals: string[];
  values: ParsedArgs['values'];
  /** The words after the command, as given. */
  rest: string[];
}

/**
 * Reads a command line as the full CLI would, for one of `commands` (each
 * with its options), or undefined for anything a lane leaves to it: another
 * command, help, a lone dash, an option it does not know, both colour flags
 * after the command. Global options come before the command, or after it, as
 * in commander.
 */
export function laneLine(argv: string[], commands: Record<string, Options>): LaneLine | undefined {
  let i = 0;
  let dir: string | undefined;
  let color: boolean | undefined;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    if (argv[i] === '--color' || argv[i] === '--no-color') {
      color = argv[i] === '--color';
      i += 1;
    } else if (argv[i] === '--dir' && i + 1 < argv.length) {
      dir = argv[i + 1];
      i += 2;
    } else if (argv[i]!.startsWith('--dir=')) {
      dir = argv[i]!.slice('--dir='.length);
      i += 1;
    } else return undefined;
  }
  const name = argv[i];
  if (name === undefined || !Object.hasOwn(commands, name)) return undefined;
  const rest = argv.slice(i + 1);
  // Help, or a lone dash, among the options is the full CLI's business.
  const end = rest.indexOf('--');
  if ((end === -1 ? rest : rest.slice(0, end)).some((arg) => arg === '-h' || arg === '--help' || arg === '-'))
    return undefined;
  const parsed = quickArgs(rest, { ...GLOBAL, ...commands[name] });
  if (!parsed) return undefined;
  const { dir: laterDir, color: colorLater, 'no-color': noColorLater, ...values } = parsed.values;
  // Both flags after the command: which one wins is commander's call.
  if (colorLater && noColorLater) return undefined;
  return {
    name,
    dir: (laterDir as string | undefined) ?? dir,
    color: colorLater ? true : noColorLater ? false : color,
    positionals: parsed.positionals,
    values,
    rest,
  };
}
