/** The one order of notes: the same on every machine, whatever its locale. */
import type { Note } from './note.js';

/**
 * Titles and tags compared as an English reader would ("Talk 9" before "Talk
 * 10"), never by the machine's locale. Made on first use: a collator costs
 * ~5 ms of ICU loading, which commands that never compare titles should not pay.
 */
let collator: Intl.Collator | undefined;

export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { sensitivity: 'variant', numeric: true });
  return collator.compare(a, b);
}

/** Code-unit order, for ISO dates, `HH:MM` times and paths. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Date, start time, title, then path: the order of the week. */
export function compareNotes(
  a: Pick<Note, 'date' | 'start' | 'title' | 'path'>,
  b: Pick<Note, 'date' | 'start' | 'title' | 'path'>,
): number {
  return (
    compareCodes(a.date, b.date) ||
    compareCodes(a.start ?? '', b.start ?? '') ||
    compareText(a.title, b.title) ||
    compareCodes(a.path, b.path)
  );
}

/** The name listings have used for the same order. */
export const byTime = compareNotes;
