import { FrontMatterError } from '../core/front-matter/front-matter.js';
import { conferenceZones } from '../core/note/note-json.js';
import { noteSummaryJson } from '../core/note/note-query.js';
import { parseAssignments, setNoteFields, type SetResult } from '../core/note/note-set.js';
import { readNote, readNoteText, resolveNote } from '../core/note/store.js';
import { rewrite } from '../core/safe-write.js';
import { relativeToWorkspace } from '../core/workspace/workspace.js';
import { ConfnotesError, NoteFileError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { workspaceOf } from './shared.js';

export function run(env: CommandEnv, ref: string, words: string[], options: { json?: boolean }): void {
  const assignments = parseAssignments(words);
  const ws = workspaceOf(env);
  const file = resolveNote(ws, ref, env.ctx.cwd);
  const shown = relativeToWorkspace(ws, file);
  if (shown.startsWith('../') || shown === '..' || shown.startsWith('/'))
    throw new ConfnotesError(`${file}: not inside the workspace ${ws.root}; set changes only its notes`);
  // Read and check first, so a file that is no note is reported before any lock is taken.
  readNoteText(file, shown);
  let result: SetResult | undefined;
  try {
    rewrite(file, (old) => {
      result = setNoteFields(old, assignments);
      return result.text;
    });
  } catch (error) {
    if (error instanceof FrontMatterError) throw new NoteFileError(shown, error.line, error.message);
    throw error;
  }
  env.say(result!.changed.length ? `${shown}: ${result!.changed.join(' ')}` : `${shown}: no change`);
  if (options.json) {
    const note = readNote(ws, file);
    env.out(JSON.stringify(noteSummaryJson(note, conferenceZones(ws)(note)), null, 2));
  }
}
