/** The trip report's data model: the plain values a report template renders (README, "Report templates"). */
import type { Note, NoteType } from '../note/note.js';

export type GroupBy = 'type' | 'day' | 'track';
export const GROUP_BY: readonly GroupBy[] = ['type', 'day', 'track'];

export interface ReportOptions {
  includePrivate?: boolean;
  groupBy?: GroupBy;
  /**
   * The full text of a note's file. With it the report reads each note's
   * front matter as written, so `private: yes` or `Private: true` count as
   * private (the note model reads those as false); without it, `note.private`.
   */
  source?: (note: Note) => string;
  /** When a note's Notes section is shown: `auto` (no takeaways), `always`, `never`. */
  notes?: 'auto' | 'always' | 'never';
}

/** A line jotted in the room: `- 11:05 text` or, with `quote`, `- 11:05 > "text"`. */
export interface ReportJot {
  time: string;
  /** `jot --since-start`'s `+12:30` (time since the talk began), when the line has one. */
  since?: string;
  text: string;
  quote: boolean;
  /** The note's recording at `since` (YouTube, Vimeo, media.ccc.de; recording-link.ts), when it has one. */
  recording?: string;
}

export interface ReportLink {
  kind: string;
  url: string;
  first: boolean;
}

export interface ReportNote {
  id: string;
  /** The note's workspace-relative path. */
  path: string;
  title: string;
  type: NoteType;
  /** `keynote`, `design summit session`, `hands-on workshop`... */
  typeLabel: string;
  date: string;
  /** `Tuesday 16 April`. */
  day: string;
  start: string | null;
  end: string | null;
  /** `09:00–09:25`, `09:00`, or empty. */
  time: string;
  /** Minutes from start to end, or null. */
  minutes: number | null;
  speakers: string[];
  speakersText: string;
  track: string | null;
  room: string | null;
  tags: string[];
  hashtags: string;
  rating: number | null;
  /** `★★★★☆`, or empty without a rating. */
  stars: string;
  favourite: boolean;
  private: boolean;
  summary: string | null;
  /** The note's key takeaways section as Markdown (its own headings moved to level 4), or null. */
  takeaways: string | null;
  /** The Notes section as Markdown: jots as `- 11:05 text`, quotes as block quotes `> text (11:05)`; or null. */
  notes: string | null;
  /** The same without the times. */
  notesUntimed: string | null;
  /** The jotted lines of the Notes section, in order. */
  jots: ReportJot[];
  /** Whether the template shows the notes (`--notes`: by default when there are no takeaways). */
  showNotes: boolean;
  /** Neither takeaways nor notes: the report names it on stderr. */
  empty: boolean;
  /** Dated outside conference.md's dates: in the "Watched later" group, not in the statistics. */
  watchedLater: boolean;
  links: ReportLink[];
  /** Speakers, time and room (and what the grouping does not already say), joined with ` · `. */
  meta: string;
}

export interface ReportGroup {
  key: string;
  title: string;
  notes: ReportNote[];
  count: number;
}

export interface CountItem {
  label: string;
  count: number;
  /** `3 keynotes`, `Tuesday 16 April: 5`. */
  text: string;
  first: boolean;
  last: boolean;
}

export interface ReportStats {
  /** Notes in the report. */
  notes: number;
  /** Sessions attended: keynotes, sessions, design summit sessions, workshops, 101 sessions. */
  sessions: number;
  /** Expo visits, hallway conversations and meetups. */
  other: number;
  byType: (CountItem & { type: NoteType })[];
  /** `3 keynotes, 4 sessions and 1 hands-on workshop`. */
  sessionTypesText: string;
  /** `1 expo hall visit and 1 hallway conversation`, or empty. */
  otherTypesText: string;
  /** Days with at least one note. */
  days: number;
  /** Minutes in sessions, from start and end. */
  minutes: number;
  /** The same in hours, one decimal at most: `7.5`. */
  hours: string;
  perDay: {
    date: string;
    day: string;
    sessions: number;
    notes: number;
    hours: string;
    first: boolean;
    last: boolean;
  }[];
  /** The most used tags (used by two notes or more), at most eight. */
  topTags: (CountItem & { tag: string })[];
  topTagsText: string;
}

export interface ReportFavourite {
  id: string;
  title: string;
  summary: string | null;
  rating: number | null;
  stars: string;
  /** The video link, else the slides, else null. */
  link: { kind: string; url: string } | null;
}

export interface ReportFollowUpGroup {
  id: string;
  title: string;
  date: string;
  day: string;
  items: { text: string }[];
}

export interface ReportLinkGroup {
  id: string;
  title: string;
  items: ReportLink[];
}

export interface ReportModel {
  /** `OpenStack Summit 2013 trip report`. */
  title: string;
  conference: {
    slug: string;
    name: string;
    start: string | null;
    end: string | null;
    /** `15–18 April 2013` (from the notes when conference.md has no dates), or null. */
    dates: string | null;
    location: string | null;
    timezone: string | null;
    url: string | null;
    author: string | null;
    disclaimer: string | null;
  };
  /** Everything before conference.md's Observations heading, as Markdown. */
  introduction: string | null;
  /** The Observations section of conference.md (and what follows it), as Markdown. */
  observations: string | null;
  stats: ReportStats | null;
  groupBy: GroupBy;
  groups: ReportGroup[];
  /** Every note of the report, in time order. */
  notes: ReportNote[];
  favourites: ReportFavourite[];
  followUps: ReportFollowUpGroup[];
  followUpCount: number;
  links: ReportLinkGroup[];
  linkCount: number;
  includePrivate: boolean;
  /** How many of the given notes the report judged private (left out unless includePrivate). */
  privateNotes: number;
}
