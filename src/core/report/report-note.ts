/** One note as the report shows it: one-line fields made inert, the takeaways section, links, the meta line. */
import { minutesOf, type Note } from '../note/note.js';
import {
  dayLabel,
  sectionBody,
  shiftHeadings,
  stripComments,
  stripPrivate,
  tidyBlankLines,
} from './report-text.js';
import { NOTES_SECTION, notesMarkdown, readNotesSection, showsNotes, type NotesMode } from './report-jots.js';
import { publicField } from './report-privacy.js';
import { recordingAt, recordingOf, stampSeconds } from './recording-link.js';
import type { GroupBy, ReportNote } from './report-types.js';
import { capitalise, flags, joinWords, typeName } from './report-words.js';

/** The section of a note that the report quotes. */
export const TAKEAWAYS_HEADING = /^(key\s+)?take-?aways?\b/i;
/** Link kinds the Links section and the favourites use. */
export const MEDIA_KINDS = ['video', 'slides'];

/** A link the report prints: http or https, no spaces or angle brackets (parentheses are percent-encoded). */
const SAFE_URL = /^https?:\/\/[^\s<>]+$/i;

/** The URL as the report prints it, or null when it is not one it prints. */
export function safeUrl(url: string): string;
export function safeUrl(url: string | null | undefined): string | null;
export function safeUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || !SAFE_URL.test(url)) return null;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** Videos first, then slides, then every other kind as written (`video2` ranks as a video). */
export function linkRank(kind: string): number {
  const at = MEDIA_KINDS.indexOf(kind.replace(/\d+$/, ''));
  return at === -1 ? MEDIA_KINDS.length : at;
}

export function cleanMarkdown(text: string, includePrivate: boolean, headingLevel: number): string | null {
  const tidied = tidyBlankLines(stripComments(stripPrivate(text, includePrivate)));
  return tidied ? shiftHeadings(tidied, headingLevel) : null;
}

function noteTime(note: Note): string {
  if (note.start && note.end) return `${note.start}–${note.end}`;
  return note.start ?? '';
}

function noteMinutes(note: Note): number | null {
  if (!note.start || !note.end) return null;
  const minutes = minutesOf(note.end) - minutesOf(note.start);
  return minutes > 0 ? minutes : null;
}

/**
 * One-line fields go into Markdown as text: a `<` is written as `&lt;`, so a
 * title copied from a conference site ("<img onerror=...>") stays text in
 * any Markdown renderer, not only in confnotes' own HTML.
 */
const inline = (text: string): string => text.replace(/</g, '&lt;');
const inlineOrNull = (text: string | null): string | null => (text === null ? null : inline(text));

/** Takeaways still as the template left them ("- " lines only) say nothing. */
function saysSomething(markdown: string): boolean {
  return markdown.split('\n').some((line) => line.trim() !== '' && !/^\s*[-*+]\s*$/.test(line));
}

/**
 * A note as the report shows it. `body` has its private blocks removed
 * already; `isPrivate` is the report's own judgement (report-privacy.ts).
 */
export function reportNote(
  note: Note,
  body: string,
  includePrivate: boolean,
  groupBy: GroupBy,
  isPrivate = note.private,
  notesMode: NotesMode = 'auto',
): ReportNote {
  const field = (text: string | null) => inlineOrNull(publicField(text, includePrivate));
  const takeawaysText = sectionBody(body, TAKEAWAYS_HEADING);
  const cleaned = takeawaysText === null ? null : cleanMarkdown(takeawaysText, includePrivate, 4);
  const takeaways = cleaned !== null && saysSomething(cleaned) ? cleaned : null;
  const notesText = sectionBody(body, NOTES_SECTION);
  const notesClean = notesText === null ? null : cleanMarkdown(notesText, includePrivate, 4);
  const blocks = notesClean === null ? [] : readNotesSection(notesClean);
  const links = flags(
    Object.entries(note.links)
      .filter(([, url]) => SAFE_URL.test(url))
      .map(([kind, url]) => ({ kind, url: safeUrl(url) }))
      .sort((a, b) => linkRank(a.kind) - linkRank(b.kind)),
  );
  // A `+12:30` links to that moment of the note's recording, when it has one that takes a start time.
  const recording = recordingOf(links);
  const momentOf = (stamp: string): string | null => {
    const seconds = stampSeconds(stamp);
    return recording && seconds !== null ? safeUrl(recordingAt(recording, seconds)) : null;
  };
  const notes = notesMarkdown(blocks, true, momentOf);
  const time = noteTime(note);
  const day = dayLabel(note.date);
  const when = groupBy === 'day' ? time : [day, time].filter(Boolean).join(', ');
  const speakers = note.speakers.map(field).filter((name): name is string => name !== null);
  const room = field(note.room);
  const speakersText = joinWords(speakers);
  const meta = [groupBy === 'type' ? '' : capitalise(typeName(note.type)), speakersText, when, room ?? '']
    .filter(Boolean)
    .join(' · ');
  return {
    id: note.id,
    path: note.path,
    title: field(note.title) ?? 'Untitled note',
    type: note.type,
    typeLabel: typeName(note.type),
    date: note.date,
    day,
    start: note.start,
    end: note.end,
    time,
    minutes: noteMinutes(note),
    speakers,
    speakersText,
    track: field(note.track),
    room,
    tags: note.tags,
    hashtags: note.tags.map((tag) => `#${tag}`).join(' '),
    rating: note.rating,
    stars: note.rating ? '★'.repeat(note.rating) + '☆'.repeat(5 - note.rating) : '',
    favourite: note.favourite,
    private: isPrivate,
    summary: field(note.summary),
    takeaways,
    notes,
    notesUntimed: notesMarkdown(blocks, false, momentOf),
    jots: blocks.flatMap((block) => {
      if (!('jot' in block)) return [];
      const at = block.jot.since ? momentOf(block.jot.since) : null;
      return [at ? { ...block.jot, recording: at } : block.jot];
    }),
    showNotes: showsNotes(notesMode, takeaways !== null, notes !== null),
    empty: takeaways === null && notes === null,
    watchedLater: false,
    links,
    meta,
  };
}
