import type { CommandEnv } from '../io.js';
import { jotLines, type JotOptions } from './jot-lines.js';

export async function run(env: CommandEnv, words: string[], options: JotOptions): Promise<void> {
  // `--note` without a value reaches here as true (declared `--note [note]`).
  const note = options.note as string | true | undefined;
  if (note === undefined) return jotLines(env, words, options);
  if (note === true) return jotPicked(env, words, options);
  // Resolving a reference reads the store; only then is that module loaded.
  const { resolveNote } = await import('../core/note/store.js');
  return jotLines(env, words, options, (ws) => resolveNote(ws, note, env.ctx.cwd));
}

/** `jot --note` on a terminal: pick the note, then ask for the line if none was typed. */
async function jotPicked(env: CommandEnv, words: string[], options: JotOptions): Promise<void> {
  const picker = await import('../ui/note-picker.js');
  // Without a terminal, the message commander gave when the value was required.
  picker.needsTerminal(env, false, "option '--note <note>' argument missing");
  if (words.length > 0) return jotLines(env, words, options, (ws) => picker.pickNote(env, ws));
  const { findWorkspace } = await import('../core/workspace/workspace.js');
  const file = await picker.pickNote(env, findWorkspace(env.ctx, env.dir));
  const prompts = await (await import('../ui/prompts.js')).promptsOf(env);
  const text = await prompts.input({ message: 'Jot', required: true });
  return jotLines(env, [text], options, () => file);
}
