/** The note model: a note's text read into its fields (declared in schema.ts). */
import { FrontMatterError, splitNote, type SplitNote } from '../front-matter/front-matter.js';
import { keyLine } from '../front-matter/splice.js';
import { timeParts } from '../clock.js';
import { NOTE_TYPES, type NoteType } from './note-types.js';
import { readFields, type NoteMeta } from './schema.js';

export { NOTE_TYPES, type NoteType, type NoteMeta };
export { isNoteType, isValidDate, isValidTime, NOTE_FIELDS } from './schema.js';
export { compareNotes, byTime } from './note-order.js';

/** A note as found in a workspace. */
export interface Note extends NoteMeta {
  /** The file name without `.md`. */
  id: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the workspace, `/`-separated. */
  path: string;
  /** The folder (conference slug) it lives in, or null outside any conference. */
  folder: string | null;
  body: string;
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [hours, minutes] = timeParts(time);
  return hours * 60 + minutes;
}

/**
 * Reads a note's text into its metadata. Lenient where a reader would be
 * (a single speaker or tag as a plain string), strict where a wrong value
 * would silently mislead (unknown type, a date that is not a date): the
 * schema's fatal issues. Throws FrontMatterError with the line of the field.
 */
export function parseNote(text: string): { meta: NoteMeta; split: SplitNote } {
  if (text.includes('\0'))
    throw new FrontMatterError('binary file (it holds NUL bytes), not a Markdown note', 1);
  if (text.trim() === '') throw new FrontMatterError('empty file', 1);
  const split = splitNote(text);
  const meta = readFields(split.data, (issue) => {
    throw new FrontMatterError(issue.message, keyLine(split.yaml, issue.key));
  });
  return { meta, split };
}
