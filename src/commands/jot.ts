import type { Workspace, WorkspaceState } from '../core/workspace/workspace.js';
import { currentNoteFile } from '../core/jot/current-note.js';
import type { CommandEnv } from '../io.js';
import { jotKind, jotLines, type JotHooks, type JotOptions } from './jot-lines.js';

/** The full lane's jot: `--note`, the talk on now in the out-of-slot warning, and the capture session. */
export async function run(env: CommandEnv, words: string[], options: JotOptions): Promise<void> {
  // `--note` without a value reaches here as true (declared `--note [note]`).
  const note = options.note as string | true | undefined;
  if (note === true) return jotPicked(env, words, options);
  // Resolving a reference reads the store; only then is that module loaded.
  const pickNote = async (ws: Workspace, state?: WorkspaceState) =>
    note === undefined
      ? currentNoteFile(ws, state)
      : (await import('../core/note/note-resolve.js')).resolveNote(ws, note, env.ctx.cwd);
  if (words.length === 0 && env.io.stdin.isTTY && env.io.stdout.isTTY) {
    jotKind(options);
    const { findWorkspace } = await import('../core/workspace/workspace.js');
    const ws = findWorkspace(env.ctx, env.dir);
    const file = await pickNote(ws);
    return (await import('./jot/capture.js')).runCapture(env, ws, file, options);
  }
  return jotLines(env, words, options, pickNote, jotHooks);
}

/** `jot --note` on a terminal: pick the note, then ask for the line if none was typed. */
async function jotPicked(env: CommandEnv, words: string[], options: JotOptions): Promise<void> {
  const picker = await import('../ui/note-picker.js');
  // Without a terminal, the message commander gave when the value was required.
  picker.needsTerminal(env, false, "option '--note <note>' argument missing");
  if (words.length > 0) return jotLines(env, words, options, (ws) => picker.pickNote(env, ws), jotHooks);
  const { findWorkspace } = await import('../core/workspace/workspace.js');
  const file = await picker.pickNote(env, findWorkspace(env.ctx, env.dir));
  const prompts = await (await import('../ui/prompts.js')).promptsOf(env);
  const text = await prompts.input({ message: 'Jot', required: true });
  return jotLines(env, [text], options, () => file, jotHooks);
}

/** The programme is read only when a jot falls outside its note's slot. */
export const jotHooks: JotHooks = {
  talkNow: async (ws, file, now) => (await import('../core/jot/jot-programme.js')).talkNow(ws, file, now),
};
