import { readNote } from '../core/note/store.js';
import { makeCurrent } from '../core/workspace/current.js';
import type { CommandEnv } from '../io.js';
import { missingArgument, needsTerminal, noteFile } from '../ui/note-picker.js';
import { openInEditor } from './editor.js';
import { pathForUser, workspaceOf } from './shared.js';

/** Makes a note the current one (the target of `jot`), and opens it unless --no-edit; no note: pick one. */
export async function run(
  env: CommandEnv,
  ref: string | undefined,
  options: { edit: boolean },
): Promise<void> {
  needsTerminal(env, ref !== undefined, missingArgument('note'));
  const ws = workspaceOf(env);
  const file = await noteFile(env, ws, ref);
  makeCurrent(ws, readNote(ws, file));
  env.out(pathForUser(env, file));
  if (options.edit) await openInEditor(env, file);
}
