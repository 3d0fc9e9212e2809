/** The note model: a note's text read into its fields (declared in schema.ts). */
import { fastYamlData } from '../front-matter/fast-yaml.js';
import {
  checkGrayMatterAgrees,
  findFrontMatter,
  FrontMatterError,
  splitNote,
  type SplitNote,
} from '../front-matter/front-matter.js';
import { keyLine } from '../front-matter/splice.js';
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
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
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
  const fast = fastSplit(text);
  if (fast) {
    try {
      return { meta: readFields(fast.data, refused), split: fast };
    } catch (error) {
      // A fatal issue: `yaml`'s path below throws it with the line of its key.
      if (error !== REFUSED) throw error;
    }
  }
  const split = splitNote(text);
  const meta = readFields(split.data, (issue) => {
    throw new FrontMatterError(issue.message, keyLine(split.yaml, issue.key));
  });
  return { meta, split };
}

const REFUSED = new Error('refused');
const refused = (): never => {
  throw REFUSED;
};

/**
 * splitNote through fast-yaml.ts, or undefined when its fast path does not
 * apply; the parsed Document (`yaml`) is made only when something asks for it.
 */
function fastSplit(text: string): SplitNote | undefined {
  const bounds = findFrontMatter(text);
  const source = text.slice(bounds.yamlStart, bounds.yamlEnd);
  checkGrayMatterAgrees(text, bounds, source);
  const fast = fastYamlData(source);
  const data = fast && (fast.data ?? {});
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  let full: SplitNote | undefined;
  return {
    bounds,
    data: data as Record<string, unknown>,
    body: text.slice(bounds.bodyStart),
    get yaml() {
      full ??= splitNote(text);
      return full.yaml;
    },
  };
}
