/**
 * The trip report's data model: from a conference and its notes to the plain
 * values a report template renders. Pure and deterministic: the same notes
 * give the same model, whatever the clock, locale or file system order.
 * Private notes and private blocks are removed here, before anything counts.
 */
import type { Conference } from '../workspace/conference.js';
import { minutesOf, type Note, type NoteType } from '../note/note.js';
import {
  dateRange,
  dayLabel,
  hoursText,
  markdownSections,
  openTasks,
  sectionBody,
  shiftHeadings,
  stripComments,
  stripPrivate,
  tidyBlankLines,
} from './report-text.js';

export type GroupBy = 'type' | 'day' | 'track';
export const GROUP_BY: readonly GroupBy[] = ['type', 'day', 'track'];

export interface ReportOptions {
  includePrivate?: boolean;
  groupBy?: GroupBy;
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
}

/** What the report's groups are when grouping by type, in this order. */
export const TYPE_GROUPS: { key: string; title: string; types: NoteType[] }[] = [
  { key: 'keynotes', title: 'Keynotes', types: ['keynote'] },
  { key: 'sessions', title: 'Sessions', types: ['session'] },
  { key: 'design-summit', title: 'Design summit', types: ['design-summit'] },
  { key: 'workshops', title: 'Hands-on workshops and 101 sessions', types: ['workshop', '101'] },
  {
    key: 'expo-and-hallway',
    title: 'Expo hall, hallway track and meetups',
    types: ['expo', 'hallway', 'meetup'],
  },
];

const SESSION_TYPES: readonly NoteType[] = ['keynote', 'session', 'design-summit', 'workshop', '101'];

const TYPE_NAMES: Record<NoteType, [string, string]> = {
  keynote: ['keynote', 'keynotes'],
  session: ['session', 'sessions'],
  'design-summit': ['design summit session', 'design summit sessions'],
  workshop: ['hands-on workshop', 'hands-on workshops'],
  '101': ['101 session', '101 sessions'],
  expo: ['expo hall visit', 'expo hall visits'],
  hallway: ['hallway conversation', 'hallway conversations'],
  meetup: ['meetup', 'meetups'],
};

/** Headings that start the observations part of conference.md. */
export const OBSERVATIONS_HEADING = /^(observations|impressions)\b/i;
/** A leading heading of the introduction part that the report replaces with its own. */
const INTRODUCTION_HEADING = /^(introduction|intro)\b/i;
/** The section of a note that the report quotes. */
export const TAKEAWAYS_HEADING = /^(key\s+)?take-?aways?\b/i;
/** Link kinds the Links section and the favourites use. */
export const MEDIA_KINDS = ['video', 'slides'];

/** A link the report prints: http or https, no spaces or angle brackets (parentheses are percent-encoded). */
const SAFE_URL = /^https?:\/\/[^\s<>]+$/i;

const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true });

/** Date, start time, then title: the order of the week (independent of the machine's locale). */
export function compareNotes(a: Note, b: Note): number {
  return (
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    (a.start ?? '').localeCompare(b.start ?? '', 'en') ||
    collator.compare(a.title, b.title) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
  );
}

export function typeName(type: NoteType, count = 1): string {
  return TYPE_NAMES[type][count === 1 ? 0 : 1];
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function flags<T>(items: T[]): (T & { first: boolean; last: boolean })[] {
  return items.map((item, index) => ({ ...item, first: index === 0, last: index === items.length - 1 }));
}

function cleanMarkdown(text: string, includePrivate: boolean, headingLevel: number): string | null {
  const tidied = tidyBlankLines(stripComments(stripPrivate(text, includePrivate)));
  return tidied ? shiftHeadings(tidied, headingLevel) : null;
}

/**
 * Splits conference.md's body: the Observations section (a heading starting
 * with "Observations" or "Impressions", at any level) and everything after it
 * are the observations; everything before it is the introduction, without a
 * leading "Introduction" heading (the report prints its own).
 */
export function splitConferenceBody(
  body: string,
  includePrivate = false,
): { introduction: string | null; observations: string | null } {
  const text = stripComments(stripPrivate(body, includePrivate));
  const sections = markdownSections(text);
  const observations = sections.find((section) => OBSERVATIONS_HEADING.test(section.heading));
  let intro = observations ? text.slice(0, observations.start) : text;
  const first = markdownSections(intro)[0];
  if (first && INTRODUCTION_HEADING.test(first.heading) && intro.slice(0, first.start).trim() === '')
    intro = intro.slice(first.bodyStart);
  return {
    introduction: cleanMarkdown(intro, true, 3),
    observations: observations ? cleanMarkdown(text.slice(observations.bodyStart), true, 3) : null,
  };
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

function reportNote(note: Note, body: string, includePrivate: boolean, groupBy: GroupBy): ReportNote {
  const takeawaysText = sectionBody(body, TAKEAWAYS_HEADING);
  const takeaways = takeawaysText === null ? null : cleanMarkdown(takeawaysText, includePrivate, 4);
  const time = noteTime(note);
  const day = dayLabel(note.date);
  const when = groupBy === 'day' ? time : [day, time].filter(Boolean).join(', ');
  const speakers = note.speakers.map(inline);
  const room = inlineOrNull(note.room);
  const speakersText = joinWords(speakers);
  const meta = [groupBy === 'type' ? '' : capitalise(typeName(note.type)), speakersText, when, room ?? '']
    .filter(Boolean)
    .join(' · ');
  return {
    id: note.id,
    path: note.path,
    title: inline(note.title),
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
    track: inlineOrNull(note.track),
    room,
    tags: note.tags,
    hashtags: note.tags.map((tag) => `#${tag}`).join(' '),
    rating: note.rating,
    stars: note.rating ? '★'.repeat(note.rating) + '☆'.repeat(5 - note.rating) : '',
    favourite: note.favourite,
    private: note.private,
    summary: inlineOrNull(note.summary),
    takeaways: takeaways !== null && saysSomething(takeaways) ? takeaways : null,
    links: flags(
      Object.entries(note.links)
        .filter(([, url]) => SAFE_URL.test(url))
        .map(([kind, url]) => ({ kind, url: url.replace(/\(/g, '%28').replace(/\)/g, '%29') })),
    ),
    meta,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function groupNotes(notes: ReportNote[], groupBy: GroupBy): ReportGroup[] {
  const group = (key: string, title: string, members: ReportNote[]): ReportGroup => ({
    key,
    title,
    notes: members,
    count: members.length,
  });
  if (groupBy === 'type') {
    return TYPE_GROUPS.map(({ key, title, types }) =>
      group(
        key,
        title,
        notes.filter((note) => types.includes(note.type)),
      ),
    ).filter((g) => g.count > 0);
  }
  // Days and tracks in the order they first come up in the week; notes without a track last.
  const keyOf = (note: ReportNote) => (groupBy === 'day' ? note.date : (note.track ?? ''));
  const keys: string[] = [];
  for (const note of notes) if (!keys.includes(keyOf(note))) keys.push(keyOf(note));
  if (keys.includes('')) keys.push(...keys.splice(keys.indexOf(''), 1));
  return keys.map((key) =>
    group(
      groupBy === 'day' ? key : key || 'other',
      groupBy === 'day' ? dayLabel(key) : key || 'Other',
      notes.filter((note) => keyOf(note) === key),
    ),
  );
}

function buildStats(notes: ReportNote[]): ReportStats | null {
  if (notes.length === 0) return null;
  const sessions = notes.filter((note) => SESSION_TYPES.includes(note.type));
  const byType = TYPE_GROUPS.flatMap((g) => g.types)
    .map((type) => {
      const count = notes.filter((note) => note.type === type).length;
      return { type, label: typeName(type, count), count, text: `${count} ${typeName(type, count)}` };
    })
    .filter((item) => item.count > 0);
  const sessionMinutes = (list: ReportNote[]) => list.reduce((sum, note) => sum + (note.minutes ?? 0), 0);
  const dates = [...new Set(notes.map((note) => note.date))].sort();
  const tagCounts = new Map<string, number>();
  for (const note of notes) for (const tag of note.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const topTags = [...tagCounts.entries()]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 8)
    .map(([tag, count]) => ({ tag, label: tag, count, text: `${tag} (${count})` }));
  const minutes = sessionMinutes(sessions);
  return {
    notes: notes.length,
    sessions: sessions.length,
    other: notes.length - sessions.length,
    byType: flags(byType),
    sessionTypesText: joinWords(
      byType.filter((item) => SESSION_TYPES.includes(item.type)).map((item) => item.text),
    ),
    otherTypesText: joinWords(
      byType.filter((item) => !SESSION_TYPES.includes(item.type)).map((item) => item.text),
    ),
    days: dates.length,
    minutes,
    hours: hoursText(minutes),
    perDay: flags(
      dates.map((date) => {
        const ofDay = sessions.filter((note) => note.date === date);
        return {
          date,
          day: dayLabel(date),
          sessions: ofDay.length,
          notes: notes.filter((note) => note.date === date).length,
          hours: hoursText(sessionMinutes(ofDay)),
        };
      }),
    ),
    topTags: flags(topTags),
    topTagsText: topTags.map((item) => item.text).join(', '),
  };
}

function mediaLink(links: ReportLink[]): { kind: string; url: string } | null {
  for (const kind of MEDIA_KINDS) {
    const found = links.find((link) => link.kind === kind);
    if (found) return { kind: found.kind, url: found.url };
  }
  return null;
}

/**
 * Builds the report's model from a conference and its notes (in any order).
 * Private notes and blocks are dropped first unless `includePrivate`, so
 * nothing after this point (statistics, favourites, follow-ups, links) sees them.
 */
export function buildReport(
  conference: Conference,
  allNotes: Note[],
  options: ReportOptions = {},
): ReportModel {
  const includePrivate = options.includePrivate ?? false;
  const groupBy = options.groupBy ?? 'type';
  const chosen = allNotes.filter((note) => includePrivate || !note.private).sort(compareNotes);
  const notes = chosen
    .map((note) => ({ note, body: stripPrivate(note.body, includePrivate) }))
    .map(({ note, body }) => ({
      note,
      body,
      report: reportNote(note, body, includePrivate, groupBy),
    }));
  const reportNotes = notes.map((entry) => entry.report);

  const favourites: ReportFavourite[] = reportNotes
    .filter((note) => note.favourite || note.rating === 5)
    .map((note) => ({
      id: note.id,
      title: note.title,
      summary: note.summary,
      rating: note.rating,
      stars: note.stars,
      link: mediaLink(note.links),
    }));

  const followUps: ReportFollowUpGroup[] = notes
    .map(({ report, body }) => ({
      id: report.id,
      title: report.title,
      date: report.date,
      day: report.day,
      items: openTasks(stripComments(body)).map((text) => ({ text })),
    }))
    .filter((group) => group.items.length > 0);

  const seen = new Set<string>();
  const links: ReportLinkGroup[] = reportNotes
    .map((note) => {
      const items = MEDIA_KINDS.flatMap((kind) => note.links.filter((link) => link.kind === kind)).filter(
        (link) => {
          if (seen.has(link.url)) return false;
          seen.add(link.url);
          return true;
        },
      );
      return { id: note.id, title: note.title, items: flags(items.map(({ kind, url }) => ({ kind, url }))) };
    })
    .filter((group) => group.items.length > 0);

  const { introduction, observations } = splitConferenceBody(conference.body, includePrivate);
  const dates = [...new Set(reportNotes.map((note) => note.date))].sort();
  const start = conference.start ?? dates[0] ?? null;
  const end = conference.end ?? dates[dates.length - 1] ?? start;

  return {
    title: `${conference.name} trip report`,
    conference: {
      slug: conference.slug,
      name: conference.name,
      start: conference.start,
      end: conference.end,
      dates: start && end ? dateRange(start, end) : null,
      location: conference.location,
      timezone: conference.timezone,
      url: conference.url,
      author: conference.author,
      disclaimer: conference.disclaimer,
    },
    introduction,
    observations,
    stats: buildStats(reportNotes),
    groupBy,
    groups: groupNotes(reportNotes, groupBy),
    notes: reportNotes,
    favourites,
    followUps,
    followUpCount: followUps.reduce((sum, group) => sum + group.items.length, 0),
    links,
    linkCount: links.reduce((sum, group) => sum + group.items.length, 0),
    includePrivate,
  };
}
