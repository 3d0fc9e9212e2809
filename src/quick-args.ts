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
  values: Record<string, string | boolean | undefined>;
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
    const type = Object.hasOwn(options, name) ? options[name]!.type : undefined;
    if (type === 'boolean' && equals === -1) values[name] = true;
    else if (type === 'string' && equals !== -1) values[name] = arg.slice(equals + 1);
    else if (type === 'string' && i + 1 < args.length && !args[i + 1]!.startsWith('-'))
      values[name] = args[++i];
    else return undefined;
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
