/**
 * Shell completion. The scripts are small and fixed: at each TAB they hand the
 * words typed so far to the hidden `confnotes __complete <shell> -- <words>`,
 * which reads the commander program (commands, options and their
 * descriptions, choices) and the workspace (note ids, tags, slugs, programme
 * entries), and prints a mode line (`words`, `files` or `dirs`) and then one
 * candidate per line. The scripts never pass a candidate through word
 * expansion, so a note, tag or track named `$(…)` is only ever text.
 */
import type { Command } from 'commander';
import type { CommandEnv } from '../io.js';
import { UsageError } from '../errors.js';
import { BASH_SCRIPT } from './completion/bash.js';
import { candidateLines } from './completion/candidates.js';
import { FISH_SCRIPT } from './completion/fish.js';
import { PREFIX_SOURCES, sourceItems } from './completion/sources.js';
import { wanted, type Item } from './completion/words.js';
import { ZSH_SCRIPT } from './completion/zsh.js';
import { workspaceOf } from './shared.js';

const SCRIPTS: Record<string, string> = { bash: BASH_SCRIPT, zsh: ZSH_SCRIPT, fish: FISH_SCRIPT };

/** The script is the same whatever the program: `__complete` reads the program when TAB is pressed. */
export function run(env: CommandEnv, shell: string, _program?: Command): void {
  const script = SCRIPTS[shell];
  if (!script) throw new UsageError(`no completion for "${shell}" (bash, zsh or fish)`);
  env.io.stdout.write(script);
}

/** bash hands over the words as typed; only their quoting is undone here, nothing is expanded. */
export function unquote(word: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    const next = word[i + 1];
    if (quote === "'") {
      if (char === quote) quote = '';
      else out += char;
    } else if (char === '\\' && next !== undefined && (!quote || '"\\$`'.includes(next))) {
      out += next;
      i++;
    } else if (char === '"') quote = quote ? '' : char;
    else if (char === "'" && !quote) quote = char;
    else out += char;
  }
  return out;
}

function homeRelative(dir: string | undefined, home: string): string | undefined {
  if (dir === '~') return home;
  return dir?.startsWith('~/') ? `${home}${dir.slice(1)}` : dir;
}

async function lines(env: CommandEnv, shell: string, typed: string[], program: Command): Promise<string[]> {
  const words = shell === 'bash' ? typed.map(unquote) : typed;
  const want = wanted(program, words.length ? words : ['']);
  if (want.source === 'files' || want.source === 'dirs') return [want.source];
  let items: Item[] = want.items;
  if (want.source && want.source !== 'none') {
    try {
      const ws = workspaceOf({ ...env, dir: homeRelative(want.dir, env.ctx.homeDir) ?? env.dir });
      items = await sourceItems(ws, want.source, want.conf);
    } catch {
      // No workspace, no programme: nothing to offer, and nothing on the screen.
    }
  }
  if (want.prefix) items = items.map((item) => ({ ...item, value: `${want.prefix}${item.value}` }));
  const prefixOk = want.source !== undefined && PREFIX_SOURCES.has(want.source);
  return ['words', ...candidateLines(items, { prefixOk, descriptions: shell !== 'bash' })];
}

/** `confnotes __complete <shell> -- <words>`: quiet, and never an error on the screen. */
export async function runCandidates(
  env: CommandEnv,
  shell: string,
  words: string[],
  program: Command,
): Promise<void> {
  // Scripts from before `<shell>` asked `__complete notes`: they expand what they get, so give them nothing.
  if (!(shell in SCRIPTS)) return;
  let out: string[];
  try {
    out = await lines(env, shell, words, program);
  } catch {
    out = ['words'];
  }
  env.io.stdout.write(`${out.join('\n')}\n`);
}

/** The `__complete` action for a program: `(env, shell, words)`. */
export const candidatesFor =
  (program: Command) =>
  (env: CommandEnv, shell: string, words: string[] = []): Promise<void> =>
    runCandidates(env, shell, words, program);
