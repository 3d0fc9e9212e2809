import type { CommandEnv } from '../io.js';
import { jotLines, type JotOptions } from './jot-lines.js';

export async function run(env: CommandEnv, words: string[], options: JotOptions): Promise<void> {
  const note = options.note;
  if (note === undefined) return jotLines(env, words, options);
  // Resolving a reference reads the store; only then is that module loaded.
  const { resolveNote } = await import('../core/note/store.js');
  return jotLines(env, words, options, (ws) => resolveNote(ws, note, env.ctx.cwd));
}
