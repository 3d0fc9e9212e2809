import { FrontMatterError } from '../core/front-matter/front-matter.js';
import { conferenceZones } from '../core/note/note-json.js';
import { noteSummaryJson } from '../core/note/note-query.js';
import { parseAssignments, setNoteFields, type SetResult } from '../core/note/note-set.js';
import { readNote, readNoteText } from '../core/note/store.js';
import { noteRefs } from '../core/programme/programme-notes.js';
import { rewrite } from '../core/safe-write.js';
import { relativeToWorkspace } from '../core/workspace/workspace.js';
import { ConfnotesError, NoteFileError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { missingArgument, needsTerminal, noteFile, splitAssignments } from '../ui/note-picker.js';
import { promptsOf } from '../ui/prompts.js';
import { workspaceOf } from './shared.js';

/**
 * `set <note> <field=value...>`. On a terminal either may be left out: with no
 * note, the picker chooses it; with no fields, they are asked for after the note.
 */
export async function run(
  env: CommandEnv,
  ref: string | undefined,
  words: string[],
  options: { json?: boolean },
): Promise<void> {
  needsTerminal(env, ref !== undefined, missingArgument('note'));
  needsTerminal(env, words.length > 0, missingArgument('field=value'));
  let assignments = words.length > 0 ? parseAssignments(words) : [];
  const ws = workspaceOf(env);
  const file = await noteFile(env, ws, ref);
  if (assignments.length === 0) assignments = parseAssignments(splitAssignments(await askFields(env)));
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
    // The row `list --json` gives, ref included.
    const row = { ...noteSummaryJson(note, conferenceZones(ws)(note)), ref: noteRefs(ws)(note) };
    env.out(JSON.stringify(row, null, 2));
  }
}

async function askFields(env: CommandEnv): Promise<string> {
  return (await promptsOf(env)).input({
    message: 'Fields to set (field=value, e.g. rating=4 room=B110)',
    required: true,
    validate: (value) => {
      try {
        parseAssignments(splitAssignments(value));
        return true;
      } catch (error) {
        if (error instanceof ConfnotesError) return error.message;
        throw error;
      }
    },
  });
}
