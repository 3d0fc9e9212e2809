import { readNote, resolveNote } from '../core/note/store.js';
import { makeCurrent } from '../core/workspace/current.js';
import { NoteFileError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { openInEditor } from './editor.js';
import { workspaceOf } from './shared.js';

export async function run(env: CommandEnv, ref: string): Promise<void> {
  const ws = workspaceOf(env);
  const file = resolveNote(ws, ref, env.ctx.cwd);
  await openInEditor(env, file);
  // Tell the user at once if the edit broke the front matter; the file is theirs to fix.
  try {
    makeCurrent(ws, readNote(ws, file));
  } catch (error) {
    if (error instanceof NoteFileError) env.warn(`${error.message} (the note is saved as you left it)`);
    else throw error;
  }
}
