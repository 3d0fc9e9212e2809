/**
 * The quick lane: `--version`, `jot` and `current`, the commands typed while a
 * speaker talks, run here without loading commander and chalk (together about
 * two thirds of the start-up cost above bare Node): the same CommandEnv as the
 * full CLI (src/io.ts), painted with util.styleText instead of chalk. It takes only plain,
 * well-formed command lines; anything else (help, a typo, an unknown option)
 * returns undefined and goes to the full CLI, which owns every message about
 * usage. src/cli.ts stays the one declaration of the commands and their help;
 * test/unit/quick.test.ts checks that the options below match it.
 * What this lane may import is listed in src/quick-lane-modules.ts (enforced
 * on the built bundle by test/e2e/launcher.e2e.test.ts).
 */
import quickWords from '../bin/quick-words.json' with { type: 'json' };
import type { Context } from './context.js';
import { reportError } from './exit.js';
import type { JotHooks } from './commands/jot-lines.js';
import { makeCommandEnv, type Io } from './io.js';
import { fdIo } from './fd-io.js';
import { GLOBAL, laneLine, type Options } from './quick-args.js';
import { contextFromProcess } from './process-context.js';
import { styleTextColors } from './ui/colors.js';
import { VERSION } from './version.js';

export { GLOBAL };

/** The options of each quick command, as declared in src/cli.ts (plus the global --dir). */
export const QUICK_COMMANDS: Record<string, Options> = {
  jot: {
    at: { type: 'string' },
    note: { type: 'string' },
    todo: { type: 'boolean' },
    quote: { type: 'boolean' },
    'since-start': { type: 'boolean' },
  },
  current: { absolute: { type: 'boolean' } },
};

/** Words that can send a command line down the quick lane; the launcher checks the same file before loading this module. */
export const QUICK_WORDS: readonly string[] = quickWords.words;

interface QuickCall {
  command: 'version' | 'jot' | 'current';
  dir?: string;
  /** --color (true) or --no-color (false). */
  color?: boolean;
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
}

/**
 * In `jot`, everything from the first word of text on is text: a speaker's
 * "-h" or "--force" must land in the note, not show help or fail (the typed
 * thought would be lost). Options go before the text. Both lanes call this,
 * by inserting `--` before the first word when there is none.
 */
export function protectJotText(argv: string[]): string[] {
  let i = 0;
  while (i < argv.length && argv[i] !== 'jot') {
    if (argv[i] === '--dir') i += 2;
    else if (argv[i]!.startsWith('-')) i += 1;
    else return argv; // another command
  }
  const takesValue = new Set(
    Object.entries({ ...GLOBAL, ...QUICK_COMMANDS.jot })
      .filter(([, o]) => o.type === 'string')
      .map(([name]) => `--${name}`),
  );
  for (let j = i + 1; j < argv.length; j++) {
    const arg = argv[j]!;
    if (arg === '--') return argv;
    if (takesValue.has(arg)) j += 1;
    else if (!arg.startsWith('-') || arg === '-') return [...argv.slice(0, j), '--', ...argv.slice(j)];
  }
  return argv;
}

/** Parses a command line the quick lane can take, or returns undefined for the full CLI. */
export function parseQuick(argv: string[]): QuickCall | undefined {
  argv = protectJotText(argv);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V'))
    return { command: 'version', positionals: [], options: {} };
  const line = laneLine(argv, QUICK_COMMANDS);
  if (!line) return undefined;
  if (line.name === 'current' && line.positionals.length > 0) return undefined;
  // Aiming at another note resolves a reference through the store, which the quick lane does not carry.
  if (line.values.note !== undefined) return undefined;
  return {
    command: line.name as QuickCall['command'],
    dir: line.dir,
    color: line.color,
    positionals: line.positionals,
    options: line.values as QuickCall['options'],
  };
}

/**
 * Runs a quick command and returns its exit code, or undefined when the
 * command line is not one for the quick lane.
 */
export async function quickMain(
  argv: string[],
  overrides: { ctx?: Partial<Context>; io?: Io; importFull?: ImportFull } = {},
): Promise<number | undefined> {
  const call = parseQuick(argv);
  if (!call) return undefined;
  const io = overrides.io ?? fdIo();
  if (call.command === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    const env = makeCommandEnv(contextFromProcess(overrides.ctx), io, {
      paint: styleTextColors,
      color: call.color,
      dir: call.dir,
    });
    if (call.command === 'jot') {
      // A bare jot on a terminal is a capture session: the full CLI runs it.
      if (call.positionals.length === 0 && io.stdin.isTTY && io.stdout.isTTY) return undefined;
      const { 'since-start': sinceStart, ...options } = call.options;
      await (await import('./commands/jot-lines.js')).jotLines(
        env,
        call.positionals,
        { ...options, sinceStart: sinceStart as boolean | undefined },
        undefined,
        fullLaneHooks(overrides.importFull),
      );
    } else (await import('./commands/current.js')).run(env, call.options);
    return 0;
  } catch (error) {
    return reportError(error, io.stderr, overrides.ctx?.env ?? process.env);
  }
}

/**
 * Loads the full CLI (dist/cli.cjs), which reads the programme. The launcher
 * passes its own loader: this file runs as a vm.Script from its V8 code
 * cache (bin/quick-load.js), where import() cannot work, and importing it here
 * would put the YAML parser in this lane. Without it, a jot outside its
 * note's slot warns without naming the talk on now.
 */
export type ImportFull = () => Promise<typeof import('./cli.js')>;

/** The talk on now, for a jot outside its note's slot: only then is the full CLI loaded. */
const fullLaneHooks = (importFull: ImportFull | undefined): JotHooks =>
  importFull ? { talkNow: async (ws, file, now) => (await importFull()).jotTalkNow(ws, file, now) } : {};
