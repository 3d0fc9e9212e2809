/**
 * The note a command works on when none is named: on a terminal, a picker over
 * every note (most recent first) that filters as the user types; without one,
 * the usage error commander gave when the argument was required, word for word.
 */
import { filterNoteChoices, noteChoices } from '../core/note/note-choices.js';
import { resolveNote } from '../core/note/note-resolve.js';
import { scanNotes } from '../core/note/store.js';
import { conferenceSlugs } from '../core/workspace/conference.js';
import type { Workspace } from '../core/workspace/workspace.js';
import { ConfnotesError, UsageError } from '../errors.js';
import type { CommandEnv } from '../io.js';
import { visible } from '../visible.js';
import { fitToTerminal, promptsOf } from './prompts.js';

/** Commander's message for a missing required argument, kept now that the argument is optional. */
export const missingArgument = (name: string) => `missing required argument '${name}'`;

/** Throws the usage error (exit 2) for a value that is absent when no one can be asked for it. */
export function needsTerminal(env: CommandEnv, given: boolean, message: string): void {
  if (!given && !env.interactive) throw new UsageError(message);
}

/** The file of the note named by `ref`, else of the one the user picks (call needsTerminal first). */
export async function noteFile(env: CommandEnv, ws: Workspace, ref: string | undefined): Promise<string> {
  return ref === undefined ? pickNote(env, ws) : resolveNote(ws, ref, env.ctx.cwd);
}

/** Lines of the list shown at once. */
const PAGE_SIZE = 12;

/** Asks for a note of any conference; returns its file. */
export async function pickNote(env: CommandEnv, ws: Workspace, message = 'Which note?'): Promise<string> {
  // A note that cannot be read is left out here; `confnotes check` is where it is reported.
  const { notes } = scanNotes(ws, conferenceSlugs(ws));
  if (notes.length === 0)
    throw new ConfnotesError('no notes yet; start one with: confnotes new "Talk title"');
  const choices = noteChoices(notes);
  const prompts = await promptsOf(env);
  const fitLine = await fitToTerminal(env);
  return prompts.search({
    message,
    pageSize: PAGE_SIZE,
    // Titles and names come from the notes: shown, never obeyed by the terminal.
    source: (term) =>
      filterNoteChoices(choices, term).map((choice) => ({
        name: fitLine(visible(choice.label)),
        value: choice.note.file,
        description: visible(choice.note.path),
      })),
  });
}

/** Splits what was typed into a list prompt: comma-separated, as in the guided `new`. */
export const splitAnswer = (answer: string) =>
  answer
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Splits `rating=4 summary=A long line room=B110` before each `field=`, so a value may hold spaces. */
export const splitAssignments = (answer: string) =>
  answer
    .trim()
    .split(/\s+(?=[\p{L}\p{N}_.-]+=)/u)
    .filter(Boolean);
