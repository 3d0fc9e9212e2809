/**
 * The trip report's data model: from a conference and its notes to the plain
 * values a report template renders. Pure and deterministic: the same notes
 * give the same model, whatever the clock, locale or file system order.
 * Private notes and private blocks are removed here, before anything counts.
 */
import type { Conference } from '../workspace/conference.js';
import type { Note } from '../note/note.js';
import { cleanMarkdown, MEDIA_KINDS, reportNote, safeUrl } from './report-note.js';
import { noteSource, publicField } from './report-privacy.js';
import { buildStats, groupNotes } from './report-stats.js';
import { dateRange, markdownSections, openTasks, stripComments, stripPrivate } from './report-text.js';
import type {
  ReportFavourite,
  ReportFollowUpGroup,
  ReportLink,
  ReportLinkGroup,
  ReportModel,
  ReportOptions,
} from './report-types.js';
import { compareNotes, flags } from './report-words.js';

export * from './report-types.js';
export { MEDIA_KINDS, TAKEAWAYS_HEADING } from './report-note.js';
export { NOTES_MODES, type NotesMode } from './report-jots.js';
export { compareNotes, joinWords, TYPE_GROUPS, typeName } from './report-words.js';

/** Headings that start the observations part of conference.md. */
export const OBSERVATIONS_HEADING = /^(observations|impressions)\b/i;
/** A leading heading of the introduction part that the report replaces with its own. */
const INTRODUCTION_HEADING = /^(introduction|intro)\b/i;

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

/** A note dated outside conference.md's dates was not a day attended (a talk watched on video later). */
export function watchedLater(conference: Conference, date: string): boolean {
  if (!conference.start || !conference.end) return false;
  return date < conference.start || date > conference.end;
}

/** A favourite's best link: the video, else the slides, else any other (links are in that order already). */
function bestLink(links: ReportLink[]): { kind: string; url: string } | null {
  const first = links[0];
  return first ? { kind: first.kind, url: first.url } : null;
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
  const judged = allNotes.map((note) => ({ note, ...noteSource(note, options.source) }));
  const privateNotes = judged.filter((entry) => entry.private).length;
  const notes = judged
    .filter((entry) => includePrivate || !entry.private)
    .sort((a, b) => compareNotes(a.note, b.note))
    .map(({ note, body: text, private: isPrivate }) => {
      const body = stripPrivate(text, includePrivate);
      // A talk watched after the trip is in no day's group, so its meta names its day.
      const later = watchedLater(conference, note.date);
      const by = later && groupBy === 'day' ? 'track' : groupBy;
      const report = reportNote(note, body, includePrivate, by, isPrivate, options.notes);
      return { note, body, report: { ...report, watchedLater: later } };
    });
  const reportNotes = notes.map((entry) => entry.report);
  const attended = reportNotes.filter((note) => !note.watchedLater);
  const later = reportNotes.filter((note) => note.watchedLater);
  const groups = groupNotes(attended, groupBy);
  if (later.length > 0)
    groups.push({ key: 'watched-later', title: 'Watched later', notes: later, count: later.length });

  const favourites: ReportFavourite[] = reportNotes
    .filter((note) => note.favourite || note.rating === 5)
    .map((note) => ({
      id: note.id,
      title: note.title,
      summary: note.summary,
      rating: note.rating,
      stars: note.stars,
      link: bestLink(note.links),
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

  const field = (text: string | null) => publicField(text, includePrivate);
  const name = field(conference.name) ?? conference.slug;
  const { introduction, observations } = splitConferenceBody(conference.body, includePrivate);
  const dates = [...new Set(attended.map((note) => note.date))].sort();
  const start = conference.start ?? dates[0] ?? null;
  const end = conference.end ?? dates[dates.length - 1] ?? start;

  return {
    title: `${name} trip report`,
    conference: {
      slug: conference.slug,
      name,
      start: conference.start,
      end: conference.end,
      dates: start && end ? dateRange(start, end) : null,
      location: field(conference.location),
      timezone: conference.timezone,
      // conference.md's `url`, or `website` where the conference model calls it that.
      url: safeUrl((conference as { website?: string | null }).website ?? conference.url),
      author: field(conference.author),
      disclaimer: field(conference.disclaimer),
    },
    introduction,
    observations,
    stats: buildStats(attended),
    groupBy,
    groups,
    notes: reportNotes,
    favourites,
    followUps,
    followUpCount: followUps.reduce((sum, group) => sum + group.items.length, 0),
    links,
    linkCount: links.reduce((sum, group) => sum + group.items.length, 0),
    includePrivate,
    privateNotes,
  };
}
