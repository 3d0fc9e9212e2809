import { readConference } from '../core/conference.js';
import { readNote, resolveNote } from '../core/store.js';
import { relativeToWorkspace, updateState } from '../core/workspace.js';
import type { CommandEnv } from '../io.js';
import { openInEditor } from './editor.js';
import { pathForUser, workspaceOf } from './shared.js';

/** Makes a note the current one (the target of `jot`), and opens it unless --no-edit. */
export async function run(env: CommandEnv, ref: string, options: { edit: boolean }): Promise<void> {
  const ws = workspaceOf(env);
  const file = resolveNote(ws, ref, env.ctx.cwd);
  const note = readNote(ws, file);
  let timezone: string | undefined;
  if (note.folder) {
    try {
      timezone = readConference(ws, note.folder).timezone ?? undefined;
    } catch {
      // A note outside a readable conference still can be current; jot uses the machine's zone then.
    }
  }
  updateState(ws, { note: relativeToWorkspace(ws, file), conference: note.folder ?? undefined, timezone });
  env.out(pathForUser(env, file));
  if (options.edit) await openInEditor(env, file);
}
