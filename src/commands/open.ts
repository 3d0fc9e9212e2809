import { readNote, resolveNote } from '../core/note/store.js';
import { makeCurrent } from '../core/workspace/current.js';
import type { CommandEnv } from '../io.js';
import { openInEditor } from './editor.js';
import { pathForUser, workspaceOf } from './shared.js';

/** Makes a note the current one (the target of `jot`), and opens it unless --no-edit. */
export async function run(env: CommandEnv, ref: string, options: { edit: boolean }): Promise<void> {
  const ws = workspaceOf(env);
  const file = resolveNote(ws, ref, env.ctx.cwd);
  makeCurrent(ws, readNote(ws, file));
  env.out(pathForUser(env, file));
  if (options.edit) await openInEditor(env, file);
}
