/**
 * A new note end to end, for `new` and `new --from`: the checked draft, the
 * template rendered, the file created exclusively, and the note made current.
 */
import type { Conference } from '../workspace/conference.js';
import { setCurrentNote } from '../workspace/current.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  draftNote,
  noteTemplate,
  renderNote,
  writeNewNote,
  type NewNoteInput,
  type NoteDraft,
} from './note-new.js';

export interface CreateNoteOptions {
  now: Date;
  /** Where a template given as a path is read from. */
  cwd: string;
  /** A template name or file (`--template`). */
  template?: string;
  /** Changes the rendered text before it is written (`new --from` adds the programme's fields); may throw to refuse. */
  finish?: (text: string, draft: NoteDraft) => string;
}

export interface CreatedNote {
  file: string;
  draft: NoteDraft;
}

export function createNote(
  ws: Workspace,
  conference: Conference,
  input: NewNoteInput,
  options: CreateNoteOptions,
): CreatedNote {
  const draft = draftNote(input, conference, options.now);
  const rendered = renderNote(noteTemplate(ws, draft, options.cwd, options.template), draft);
  const text = options.finish ? options.finish(rendered, draft) : rendered;
  const file = writeNewNote(conference, draft, text);
  setCurrentNote(ws, file, conference);
  return { file, draft };
}

/** True when the note's day falls outside the conference's dates (worth a warning, not a refusal). */
export function outsideConference(draft: NoteDraft, conference: Conference): boolean {
  return Boolean(
    conference.start && conference.end && (draft.date < conference.start || draft.date > conference.end),
  );
}
