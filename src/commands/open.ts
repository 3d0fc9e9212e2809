import { readConference } from '../core/workspace/conference.js';
import type { Note } from '../core/note/note.js';
import { readNote, resolveNote } from '../core/note/store.js';
import { relativeToWorkspace, updateState, type Workspace } from '../core/workspace/workspace.js';
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

/** Records the note, its conference and that conference's time zone as current. */
export function makeCurrent(ws: Workspace, note: Note): void {
  let timezone: string | undefined;
  if (note.folder) {
    try {
      timezone = readConference(ws, note.folder).timezone ?? undefined;
    } catch {
      // A note outside a readable conference can still be current; jot then uses the machine's zone.
    }
  }
  updateState(ws, {
    note: relativeToWorkspace(ws, note.file),
    conference: note.folder ?? undefined,
    timezone,
  });
}
