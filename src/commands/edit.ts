import { readNote } from '../core/note/store.js';
import { makeCurrent } from '../core/workspace/current.js';
import { NoteFileError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { missingArgument, needsTerminal, noteFile } from '../ui/note-picker.js';
import { openInEditor } from './editor.js';
import { workspaceOf } from './shared.js';

/** Opens a note in the editor; with none named, on a terminal, the one picked. */
export async function run(env: CommandEnv, ref: string | undefined): Promise<void> {
  needsTerminal(env, ref !== undefined, missingArgument('note'));
  const ws = workspaceOf(env);
  const file = await noteFile(env, ws, ref);
  await openInEditor(env, file);
  // Tell the user at once if the edit broke the front matter; the file is theirs to fix.
  try {
    makeCurrent(ws, readNote(ws, file));
  } catch (error) {
    if (error instanceof NoteFileError) env.warn(`${error.message} (the note is saved as you left it)`);
    else throw error;
  }
}
