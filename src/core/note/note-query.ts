/** Choosing and ordering notes for listings: pure functions over Notes. */
import { noteInstants } from './note-json.js';
import type { Note, NoteMeta, NoteType } from './note.js';
import type { ListedNote, ScannedNote } from './store.js';
import { byTime, compareText } from './note-order.js';
import { listedFields } from './schema.js';
import { normaliseTag, tagMatches } from '../slug.js';
import { foldedIncludes } from '../search/fold.js';

export interface NoteFilter {
  /** All of these tags (or a child of each). */
  tags?: string[];
  type?: NoteType;
  day?: string;
  favourite?: boolean;
  minRating?: number;
  /** Each of these is part of a speaker's name (any case, any accents): all of them. */
  speakers?: string[];
  /** Words looked for, in any case, in title, speakers, summary, tags and body. */
  search?: string;
}

export type NoteSort = 'time' | 'title' | 'rating';

export function filterNotes(notes: Note[], filter: NoteFilter): Note[] {
  const { tagsMatch, restMatches } = noteMatcher(filter);
  return notes.filter(
    (note) =>
      tagsMatch(note.tags) &&
      (restMatches === null ||
        restMatches(
          () => note,
          () => note,
        )),
  );
}

/**
 * The notes of a scan that pass the filter, made Notes: the tags filter runs on
 * the cached tags, the other fields are parsed only when a filter needs them.
 */
export function selectNotes(entries: ScannedNote[], filter: NoteFilter): Note[] {
  return filterEntries(entries, filter).map((entry) => entry.note());
}

/** The notes of a scan that pass the filter, without their bodies (what a listing shows). */
export function selectListed(entries: ScannedNote[], filter: NoteFilter): ListedNote[] {
  return filterEntries(entries, filter).map((entry) => entry.listed());
}

/** The tags part of a filter, for a scan's `keep` (null when the filter names no tag). */
export function tagFilter(tags: string[] | undefined): ((tags: string[]) => boolean) | null {
  return tags?.some((tag) => normaliseTag(tag)) ? noteMatcher({ tags }).tagsMatch : null;
}

/** The notes of a scan that pass the filter, still unbuilt (a search builds only its hits). */
export function filterEntries(entries: ScannedNote[], filter: NoteFilter): ScannedNote[] {
  const { tagsMatch, restMatches } = noteMatcher(filter);
  // Tags first, on the cached tags: the other fields are parsed (and closures made) only for a note that passes.
  return entries.filter(
    (entry) =>
      tagsMatch(entry.tags) &&
      (restMatches === null ||
        restMatches(
          () => entry.meta(),
          () => entry.note(),
        )),
  );
}

/** A test of one note: its tags, then (null when the filter asks nothing else) its fields and, for a search of bodies, the Note. */
function noteMatcher(filter: NoteFilter): {
  tagsMatch: (tags: string[]) => boolean;
  restMatches: ((meta: () => NoteMeta, note: () => Note) => boolean) | null;
} {
  const wanted = (filter.tags ?? []).map(normaliseTag).filter(Boolean);
  const search = filter.search?.toLocaleLowerCase().trim();
  const speakers = filter.speakers ?? [];
  const other =
    filter.type || filter.day || filter.favourite || filter.minRating !== undefined || speakers.length > 0;
  const tagsMatch = (tags: string[]) => {
    for (const tag of wanted) if (!tags.some((own) => tagMatches(own, tag))) return false;
    return true;
  };
  if (!other && !search) return { tagsMatch, restMatches: null };
  return {
    tagsMatch,
    restMatches: (metaOf, noteOf) => {
      if (other) {
        const meta = metaOf();
        if (
          !(
            (!filter.type || meta.type === filter.type) &&
            (!filter.day || meta.date === filter.day) &&
            (!filter.favourite || meta.favourite) &&
            (filter.minRating === undefined || (meta.rating ?? 0) >= filter.minRating) &&
            speakers.every((part) => meta.speakers.some((name) => foldedIncludes(name, part)))
          )
        )
          return false;
      }
      return !search || searchableText(noteOf()).includes(search);
    },
  };
}

function searchableText(note: Note): string {
  return [
    note.title,
    note.speakers.join(' '),
    note.summary ?? '',
    note.tags.join(' '),
    note.track ?? '',
    note.room ?? '',
    note.body,
  ]
    .join('\n')
    .toLocaleLowerCase();
}

export function sortNotes<T extends ListedNote>(notes: T[], sort: NoteSort = 'time'): T[] {
  const sorted = [...notes];
  if (sort === 'title') sorted.sort((a, b) => compareText(a.title, b.title) || byTime(a, b));
  else if (sort === 'rating') sorted.sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || byTime(a, b));
  else sorted.sort(byTime);
  return sorted;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag with the number of notes carrying it, most used first, then by name. */
export function countTags(notes: readonly Pick<Note, 'tags'>[]): TagCount[] {
  const counter = tagCounter();
  for (const note of notes) counter.add(note.tags);
  return counter.counts();
}

/** countTags one note at a time (a scan's `keep` feeds it, keeping no note). */
export function tagCounter(): { add(tags: readonly string[]): void; counts(): TagCount[] } {
  const counts = new Map<string, number>();
  return {
    add: (tags) => {
      for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    },
    counts: () => sortCounts(counts),
  };
}

function sortCounts(counts: Map<string, number>): TagCount[] {
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || compareText(a.tag, b.tag));
}

/**
 * The fields `list --json` promises scripts, in this order (the schema's
 * `listed` ones), then `abs_path`, `start_at` and `end_at` (added in 0.2).
 * `zone` is the time zone of the note's conference.
 */
export function noteSummaryJson(note: ListedNote | Note, zone: string | null = null) {
  return {
    id: note.id,
    path: note.path,
    conference: note.conference ?? note.folder,
    ...listedFields(note),
    abs_path: note.file,
    ...noteInstants(note, zone),
  };
}
