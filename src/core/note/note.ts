import { isMap, isScalar } from 'yaml';
import { FrontMatterError, splitNote, type SplitNote } from '../front-matter/front-matter.js';
import { normaliseTag } from '../slug.js';

import { NOTE_TYPES, type NoteType } from './note-types.js';

export { NOTE_TYPES, type NoteType };

/** What a note says about itself, read from its front matter. */
export interface NoteMeta {
  title: string;
  type: NoteType;
  conference: string | null;
  date: string;
  start: string | null;
  end: string | null;
  speakers: string[];
  track: string | null;
  room: string | null;
  tags: string[];
  rating: number | null;
  favourite: boolean;
  private: boolean;
  links: Record<string, string>;
  summary: string | null;
  /** The uid of the programme entry the note was started from (`new --from`), if any. */
  programme?: string | null;
}

/** Every NoteMeta field, in a fixed order (the note cache stores rows in it). */
export const NOTE_FIELDS = [
  'title',
  'type',
  'conference',
  'date',
  'start',
  'end',
  'speakers',
  'track',
  'room',
  'tags',
  'rating',
  'favourite',
  'private',
  'links',
  'summary',
  'programme',
] as const satisfies readonly (keyof NoteMeta)[];

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

export function isNoteType(value: string): value is NoteType {
  return (NOTE_TYPES as readonly string[]).includes(value);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isValidTime(value: string): boolean {
  return TIME.test(value);
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/**
 * Reads a note's text into its metadata. Lenient where a reader would be
 * (a single speaker or tag as a plain string), strict where a wrong value
 * would silently mislead (unknown type, a date that is not a date).
 * Throws FrontMatterError with the line of the offending field.
 */
export function parseNote(text: string): { meta: NoteMeta; split: SplitNote } {
  if (text.includes('\0'))
    throw new FrontMatterError('binary file (it holds NUL bytes), not a Markdown note', 1);
  if (text.trim() === '') throw new FrontMatterError('empty file', 1);
  const split = splitNote(text);
  const { data } = split;
  const lineOf = (key: string) => keyLine(split, key);
  const fail = (key: string, message: string): never => {
    throw new FrontMatterError(message, lineOf(key));
  };

  const title = optionalText(data.title);
  if (!title) fail('title', 'no title: add a line "title: ..." to the front matter');

  const rawType = data.type === undefined || data.type === null ? 'session' : String(data.type);
  if (!isNoteType(rawType)) fail('type', `unknown type "${rawType}" (one of ${NOTE_TYPES.join(', ')})`);

  const date = optionalText(data.date);
  if (!date) fail('date', 'no date: add a line "date: YYYY-MM-DD" to the front matter');
  if (!isValidDate(date!)) fail('date', `"${date}" is not a date (YYYY-MM-DD)`);

  const start = optionalText(data.start);
  if (start !== null && !isValidTime(start)) fail('start', `start "${start}" is not a time (HH:MM)`);
  const end = optionalText(data.end);
  if (end !== null && !isValidTime(end)) fail('end', `end "${end}" is not a time (HH:MM)`);

  let rating: number | null = null;
  if (data.rating !== undefined && data.rating !== null && data.rating !== '') {
    rating = Number(data.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      fail('rating', `rating "${String(data.rating)}" is not a whole number from 1 to 5`);
  }

  const meta: NoteMeta = {
    title: title!,
    type: rawType as NoteType,
    conference: optionalText(data.conference),
    date: date!,
    start,
    end,
    speakers: textList(data.speakers),
    track: optionalText(data.track),
    room: optionalText(data.room),
    tags: [...new Set(textList(data.tags).map(normaliseTag).filter(Boolean))],
    rating,
    favourite: data.favourite === true || data.favorite === true,
    private: data.private === true,
    links: linkMap(data.links),
    summary: optionalText(data.summary),
    programme: optionalText(data.programme),
  };
  return { meta, split };
}

/** The file line of a top-level front-matter key, or the first YAML line. */
export function keyLine(split: SplitNote, key: string): number {
  const { doc, lineCounter, firstLine } = split.yaml;
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return firstLine + lineCounter.linePos(pair.key.range[0]).line - 1;
      }
    }
  }
  return firstLine;
}

function optionalText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function textList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(optionalText).filter((item): item is string => item !== null);
}

function linkMap(value: unknown): Record<string, string> {
  const links: Record<string, string> = {};
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const url = optionalText(item);
      if (url) links[index === 0 ? 'link' : `link${index + 1}`] = url;
    });
  } else if (value && typeof value === 'object') {
    for (const [kind, raw] of Object.entries(value)) {
      const url = optionalText(raw);
      if (url) links[kind] = url;
    }
  } else {
    const url = optionalText(value);
    if (url) links.link = url;
  }
  return links;
}
