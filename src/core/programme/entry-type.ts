/**
 * The note type of a programme entry: the programme's own session type when it
 * names one (Workshop, Keynote, BoF…), else a track, tag or title that says
 * Keynote or Workshop, else session.
 */
import { isNoteType, type NoteType } from '../note/note.js';
import type { ProgrammeEntry } from './programme-model.js';
import { trackTag } from './schedule-fields.js';

/** Words of a published type, and the note type they mean. First match wins. */
const TYPE_WORDS: [RegExp, NoteType][] = [
  [/\bkeynotes?\b/, 'keynote'],
  [/\b(workshops?|hands on|tutorials?|labs?|hackathons?|trainings?)\b/, 'workshop'],
  [/\b(bofs?|birds of a feather|meetups?|meet ups?|gatherings?|self organi[sz]ed sessions?)\b/, 'meetup'],
  [/\b(expo|exhibition|booths?|stands?)\b/, 'expo'],
  [/\b(design summit)\b/, 'design-summit'],
  [/\b101\b/, '101'],
];

/** Words a track or title must contain to make a type when the programme gives none. */
const NAMING_WORDS: [RegExp, NoteType][] = [
  [/\bkeynotes?\b/, 'keynote'],
  [/\bworkshops?\b/, 'workshop'],
];

function words(text: string): string {
  return ` ${trackTag(text).replace(/-/g, ' ')} `;
}

function match(text: string | null | undefined, table: [RegExp, NoteType][]): NoteType | null {
  if (!text) return null;
  const spaced = words(text);
  return table.find(([pattern]) => pattern.test(spaced))?.[1] ?? null;
}

export function noteTypeOf(
  entry: Pick<ProgrammeEntry, 'track' | 'tags' | 'title'> & { type?: string | null },
): NoteType {
  const own = match(entry.type, TYPE_WORDS);
  if (own) return own;
  for (const tag of [entry.track ? trackTag(entry.track) : '', ...entry.tags])
    if (tag && isNoteType(tag)) return tag;
  return match(entry.track, NAMING_WORDS) ?? match(entry.title, NAMING_WORDS) ?? 'session';
}
