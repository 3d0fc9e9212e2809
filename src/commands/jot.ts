import type { Workspace } from '../core/workspace/workspace.js';
import { currentNoteFile } from '../core/jot/current-note.js';
import type { CommandEnv } from '../io.js';
import { jotKind, jotLines, type JotHooks, type JotOptions } from './jot-lines.js';

/** The full lane's jot: `--note`, the talk on now in the out-of-slot warning, and the capture session. */
export async function run(env: CommandEnv, words: string[], options: JotOptions): Promise<void> {
  const note = options.note;
  // Resolving a reference reads the store; only then is that module loaded.
  const pickNote = async (ws: Workspace) =>
    note === undefined
      ? currentNoteFile(ws)
      : (await import('../core/note/store.js')).resolveNote(ws, note, env.ctx.cwd);
  if (words.length === 0 && env.io.stdin.isTTY && env.io.stdout.isTTY) {
    jotKind(options);
    const { findWorkspace } = await import('../core/workspace/workspace.js');
    const ws = findWorkspace(env.ctx, env.dir);
    const file = await pickNote(ws);
    return (await import('./jot/capture.js')).runCapture(env, ws, file, options);
  }
  return jotLines(env, words, options, pickNote, jotHooks);
}

/** The programme is read only when a jot falls outside its note's slot. */
export const jotHooks: JotHooks = {
  talkNow: async (ws, file, now) => (await import('../core/jot/jot-programme.js')).talkNow(ws, file, now),
};
