/** Scaffolding a new note: from the user's input to a file that did not exist before. */
import path from 'node:path';
import { ConfnotesError, UsageError } from '../../errors.js';
import { addMinutes, wallTime, type WallTime } from '../clock.js';
import type { Conference } from '../workspace/conference.js';
import { FrontMatterError } from '../front-matter/front-matter.js';
import { isNoteType, NOTE_FIELDS, NOTE_TYPES, parseNote, type NoteType } from './note.js';
import { createExclusive, FileExistsError } from '../safe-write.js';
import { stripPrivate } from '../markdown/private.js';
import { normaliseTag, slugify, whyNotATag } from '../slug.js';
import { findTemplate, renderTemplate, tidyFrontMatter, type TemplateSource } from '../templates.js';
import type { Workspace } from '../workspace/workspace.js';
import { yamlValue } from '../front-matter/yaml-text.js';
import { unpublishedLines } from './publish-flags.js';
import { isReservedKey } from './schema.js';

/** Minutes a session of each type usually lasts, when --duration is not given. */
export const DEFAULT_DURATION: Record<NoteType, number> = {
  keynote: 30,
  session: 40,
  'design-summit': 40,
  workshop: 90,
  '101': 40,
  expo: 30,
  hallway: 15,
  meetup: 60,
};

export const MAX_TITLE_LENGTH = 200;

export interface NewNoteInput {
  title: string;
  type?: string;
  speakers?: string[];
  tags?: string[];
  /** Start; the current wall time in the conference's zone when absent. */
  at?: WallTime;
  duration?: number;
  track?: string;
  room?: string;
  rating?: number;
  favourite?: boolean;
  private?: boolean;
  /** URLs, or `kind=URL` (`slides=https://…`). */
  links?: string[];
  summary?: string;
  template?: string;
}

/** The checked, complete description of a note about to be written. */
export interface NoteDraft {
  title: string;
  type: NoteType;
  conference: Conference;
  date: string;
  start: string;
  end: string;
  duration: number;
  speakers: string[];
  tags: string[];
  track: string | null;
  room: string | null;
  rating: number | null;
  favourite: boolean;
  private: boolean;
  links: Record<string, string>;
  summary: string | null;
}

/** Removes what must never reach a one-line field: control characters and bidi overrides; folds white space. */
export function cleanText(text: string): string {
  return text
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A title: cleanText, at most MAX_TITLE_LENGTH characters. */
export function cleanTitle(title: string): string {
  return [...cleanText(title)].slice(0, MAX_TITLE_LENGTH).join('').trimEnd(); // a cut that ends on a space would not read back as the title written
}

export function draftNote(input: NewNoteInput, conference: Conference, now: Date): NoteDraft {
  const title = cleanTitle(input.title);
  if (!title) throw new UsageError('the note needs a title: confnotes new "Talk title"');
  const type = input.type ?? 'session';
  if (!isNoteType(type)) throw new UsageError(`--type "${type}" is not one of ${NOTE_TYPES.join(', ')}`);
  const duration = input.duration ?? DEFAULT_DURATION[type];
  if (!Number.isInteger(duration) || duration < 1 || duration > 24 * 60) {
    throw new UsageError(`--duration "${input.duration}" is not a whole number of minutes from 1 to 1440`);
  }
  if (
    input.rating !== undefined &&
    (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
  ) {
    throw new UsageError(`--rating "${input.rating}" is not a whole number from 1 to 5`);
  }
  const tags: string[] = [];
  for (const raw of input.tags ?? []) {
    for (const part of raw.split(',')) {
      const tag = normaliseTag(part);
      if (!tag && part.trim())
        throw new UsageError(
          part.includes('<!--')
            ? `--tag: ${whyNotATag(part)}`
            : /\p{L}/u.test(part) || !/\p{N}/u.test(part)
              ? `--tag "${part}" has nothing left once normalised`
              : `--tag ${whyNotATag(part)}`,
        );
      if (tag && !tags.includes(tag)) tags.push(tag);
    }
  }
  const when = input.at ?? wallTime(now, conference.timezone);
  return {
    title,
    type,
    conference,
    date: when.date,
    start: when.time,
    end: addMinutes(when.time, duration),
    duration,
    speakers: (input.speakers ?? []).map(cleanTitle).filter(Boolean),
    tags,
    track: input.track ? cleanTitle(input.track) : null,
    room: input.room ? cleanTitle(input.room) : null,
    rating: input.rating ?? null,
    favourite: input.favourite ?? false,
    private: input.private ?? false,
    links: parseLinks(input.links ?? []),
    summary: input.summary ? cleanTitle(input.summary) : null,
  };
}

/** `kind=URL` or a bare URL whose kind is guessed from where it points. */
export function parseLinks(values: string[]): Record<string, string> {
  const links: Record<string, string> = {};
  for (const value of values) {
    const match = /^([a-z][\w-]*)=(.+)$/i.exec(value.trim());
    const url = (match ? match[2]! : value).trim();
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--link "${value}" is not a URL (https://…), nor kind=URL`);
    }
    if (!['http:', 'https:'].includes(parsed.protocol))
      throw new UsageError(`--link "${value}": only http and https links are kept`);
    let kind = match ? match[1]!.toLowerCase() : guessLinkKind(parsed);
    // Links are flat properties (`slides: …`): a kind may not be one of the note's own keys.
    if (isReservedKey(kind))
      throw new UsageError(`--link "${value}": "${kind}" is a note field, not a link kind`);
    for (let n = 2; links[kind] !== undefined; n++) kind = `${kind.replace(/\d+$/, '')}${n}`;
    links[kind] = url;
  }
  return links;
}

function guessLinkKind(url: URL): string {
  const where = `${url.hostname}${url.pathname}`.toLowerCase();
  if (/youtube\.com|youtu\.be|vimeo\.com|\/videos?\/|\.(mp4|webm)$/.test(where)) return 'video';
  if (/slideshare|speakerdeck|slides\.com|\/slides?\/|\.(pdf|pptx?|key)$/.test(where)) return 'slides';
  return 'link';
}

/** What a note template sees. Plain values for Markdown, `yaml.*` for front matter. */
export function noteView(draft: NoteDraft): Record<string, unknown> {
  const links = Object.entries(draft.links).map(([kind, url]) => ({ kind, url }));
  return {
    title: draft.title,
    type: draft.type,
    conference: draft.conference.slug,
    conferenceName: draft.conference.name,
    date: draft.date,
    start: draft.start,
    end: draft.end,
    duration: draft.duration,
    speakers: draft.speakers,
    speakersText: draft.speakers.join(', '),
    track: draft.track ?? '',
    room: draft.room ?? '',
    tags: draft.tags,
    hashtags: draft.tags.map((tag) => `#${tag}`).join(' '),
    rating: draft.rating ?? '',
    favourite: draft.favourite,
    private: draft.private,
    links,
    summary: draft.summary ?? '',
    yaml: frontMatterView(draft),
  };
}

/**
 * Each of the draft's fields as front-matter text (`{{{yaml.title}}}`): an ISO
 * date as it is, anything else through yamlValue, which quotes what a YAML 1.1
 * reader would misread. Keyed by the schema's fields, so a new field is there too.
 */
function frontMatterView(draft: NoteDraft): Record<string, string> {
  const fields: Record<string, unknown> = { ...draft, conference: draft.conference.slug };
  const view: Record<string, string> = {};
  for (const key of NOTE_FIELDS)
    if (key in fields) view[key] = key === 'date' ? String(fields.date) : yamlValue(fields[key]);
  // Whole lines, empty when there is nothing to write (templates wrap them in a section).
  view.linkFields = Object.entries(draft.links)
    .map(([kind, url]) => `${kind}: ${yamlValue(url)}`)
    .join('\n');
  view.unpublished = draft.private ? unpublishedLines() : '';
  return view;
}

/** The template a note of this type uses when none is named: `<type>.md`, else `note.md`. */
export function noteTemplate(ws: Workspace, draft: NoteDraft, cwd: string, named?: string): TemplateSource {
  return named ? findTemplate(ws, named, cwd) : findTemplate(ws, draft.type, cwd, ['note']);
}

/** Renders the note and checks that the template produced a note that reads back as the draft. */
export function renderNote(template: TemplateSource, draft: NoteDraft): string {
  const text = tidyFrontMatter(renderTemplate(template, noteView(draft)));
  try {
    const { meta } = parseNote(text);
    if (meta.title !== draft.title || meta.date !== draft.date) {
      throw new FrontMatterError('its front matter does not give back the title and date it was given');
    }
  } catch (error) {
    if (error instanceof FrontMatterError) {
      throw new ConfnotesError(
        `template ${template.file} does not make a valid note${error.line ? ` (line ${error.line})` : ''}: ${error.message}`,
      );
    }
    throw error;
  }
  return text;
}

/** `YYYY-MM-DD-HHMM-slug`: `ls` then lists a conference's notes in time order. */
export function noteBaseName(draft: Pick<NoteDraft, 'date' | 'start' | 'title'>): string {
  // The private part of a title (`<!-- private -->…<!-- /private -->`) never reaches the file name, which every
  // listing, completion and site shows.
  return `${draft.date}-${draft.start.replace(':', '')}-${slugify(stripPrivate(draft.title))}`;
}

/** Writes the note under a name of its own: `-2`, `-3`, ... when the name is taken. Returns the file. */
export function writeNewNote(conference: Conference, draft: NoteDraft, text: string): string {
  const base = noteBaseName(draft);
  for (let n = 1; n < 1000; n++) {
    const file = path.join(conference.dir, `${base}${n === 1 ? '' : `-${n}`}.md`);
    try {
      createExclusive(file, text);
      return file;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
  throw new ConfnotesError(`too many notes named ${base} in ${conference.dir}`);
}
