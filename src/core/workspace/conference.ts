import fs from 'node:fs';
import path from 'node:path';
import { ConfnotesError, NoteFileError } from '../../errors.js';
import { findFrontMatter, FrontMatterError, splitNote } from '../front-matter/front-matter.js';
import { stripPrivate } from '../markdown/private.js';
import { keyLine } from '../front-matter/splice.js';
import { isValidDate } from '../note/note.js';
import { createExclusive, ensureDir } from '../safe-write.js';
import { slugify } from '../slug.js';
import { isValidTimeZone } from '../clock.js';
import type { Workspace, WorkspaceState } from './workspace.js';
import { readState, relativeToWorkspace } from './workspace.js';
import { workspaceConfig } from './workspace-config.js';
import { CONFERENCE_FILE, RESERVED_FOLDERS } from './layout.js';
import { readInside } from './read-inside.js';
import { keepParse, keptParse, regularFileStamp } from './parsed-file-cache.js';

export { CONFERENCE_FILE, RESERVED_FOLDERS } from './layout.js';
export { conferenceSlugs, isConference, LINKED_FOLDER, linkedFolders } from './conference-folders.js';
import { conferenceSlugs, folderKind, isConference, LINKED_FOLDER } from './conference-folders.js';

/** A conference as commands use it: conference.md's fields, the workspace's defaults, its folder. */
export interface Conference extends Omit<ConferenceFields, 'name'> {
  slug: string;
  /** The conference's name, else its slug. */
  name: string;
  /** Absolute path of the folder. */
  dir: string;
  /** Workspace-relative path of conference.md. */
  path: string;
  /** conference.md's body: the writer's introduction and observations. */
  body: string;
}

export function conferenceDir(ws: Workspace, slug: string): string {
  return path.join(ws.root, slug);
}

export function readConference(ws: Workspace, slug: string): Conference {
  const dir = conferenceDir(ws, slug);
  const file = path.join(dir, CONFERENCE_FILE);
  const shown = relativeToWorkspace(ws, file);
  // Stamped before it is read: a change made meanwhile leaves a stamp that no longer matches.
  const stamp = regularFileStamp(ws, slug, CONFERENCE_FILE);
  const key = `${slug}/${CONFERENCE_FILE}`;
  const kept = stamp && keptParse(ws, key, stamp, readConferenceFields, isConferenceFields);
  if (kept) {
    let body: string | undefined;
    // The body only when asked for (a report): read then, with every check of readInside.
    return withDefaults(ws, slug, kept, dir, shown, () => {
      body ??= bodyOf(readConferenceText(ws, slug, file, shown), shown);
      return body;
    });
  }
  const text = readConferenceText(ws, slug, file, shown);
  const { fields, body } = readConferenceFields(text, shown);
  if (stamp) keepParse(ws, key, stamp, readConferenceFields, fields);
  return withDefaults(ws, slug, fields, dir, shown, () => body);
}

/** conference.md's own fields, before the workspace's defaults (config.yml may change on its own). */
export interface ConferenceFields {
  name: string | null;
  start: string | null;
  end: string | null;
  location: string | null;
  timezone: string | null;
  /** The web site: `website:` (or the old `url:`) in conference.md. */
  url: string | null;
  /** The report's author; the workspace's (config.yml) where it gives none. */
  author: string | null;
  /** The report's disclaimer; the workspace's where it gives none. */
  disclaimer: string | null;
}

const FIELD_KEYS = ['name', 'start', 'end', 'location', 'timezone', 'url', 'author', 'disclaimer'] as const;

/** Exactly the fields, each a string or null: what a kept entry must be to be used. */
function isConferenceFields(value: unknown): value is ConferenceFields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  return (
    Object.keys(fields).length === FIELD_KEYS.length &&
    FIELD_KEYS.every((key) => fields[key] === null || typeof fields[key] === 'string')
  );
}

/** conference.md's text; only a regular file inside the workspace: never a link to a secret, a FIFO or /dev/zero. */
function readConferenceText(ws: Workspace, slug: string, file: string, shown: string): string {
  const text = readInside(ws.root, file, { shown });
  if (text === null)
    throw new ConfnotesError(`no conference "${slug}" in ${ws.root}; see: confnotes conf list`);
  return text;
}

/** The fields conference.md's front matter gives, checked, and its body. */
export function readConferenceFields(
  text: string,
  shown: string,
): { fields: ConferenceFields; body: string } {
  try {
    // `yaml` (the parsed Document) is asked for only for a message: splitNote makes it on first use.
    const split = splitNote(text);
    const { data, body } = split;
    const field = (key: string): string | null => {
      const value = data[key];
      if (value === undefined || value === null) return null;
      return String(value).trim() || null;
    };
    for (const key of ['start', 'end']) {
      const value = field(key);
      if (value !== null && !isValidDate(value))
        throw new FrontMatterError(`${key} "${value}" is not a date (YYYY-MM-DD)`);
    }
    const timezone = field('timezone');
    if (timezone !== null && !isValidTimeZone(timezone)) {
      throw new FrontMatterError(
        `timezone "${timezone}" is not an IANA time zone (e.g. Europe/Berlin)`,
        keyLine(split.yaml, 'timezone'),
      );
    }
    const fields: ConferenceFields = {
      name: field('name'),
      start: field('start'),
      end: field('end'),
      location: field('location'),
      timezone,
      // `website` since 0.2 (Hugo reserves `url`); the old key is still read.
      url: field('website') ?? field('url'),
      author: field('author'),
      disclaimer: field('disclaimer'),
    };
    return { fields, body };
  } catch (error) {
    if (error instanceof FrontMatterError) throw new NoteFileError(shown, error.line, error.message);
    throw error;
  }
}

function bodyOf(text: string, shown: string): string {
  try {
    return text.slice(findFrontMatter(text).bodyStart);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new NoteFileError(shown, error.line, error.message);
    throw error;
  }
}

/** The Conference: its fields, the workspace's author and disclaimer where it gives none, the body on first use. */
function withDefaults(
  ws: Workspace,
  slug: string,
  fields: ConferenceFields,
  dir: string,
  shown: string,
  body: () => string,
): Conference {
  return {
    slug,
    name: fields.name ?? slug,
    start: fields.start,
    end: fields.end,
    location: fields.location,
    timezone: fields.timezone,
    url: fields.url,
    author: fields.author ?? workspaceConfig(ws).author ?? null,
    disclaimer: fields.disclaimer ?? workspaceConfig(ws).disclaimer ?? null,
    dir,
    path: shown,
    // An own enumerable accessor: spreading or serialising the conference still gives its body.
    get body(): string {
      return body();
    },
  };
}

/** The time zone of the conference a note file is in (its first folder), or null when it has none or cannot say. */
export function zoneOfNoteFile(ws: Workspace, file: string): string | null {
  const rel = relativeToWorkspace(ws, file);
  const slash = rel.indexOf('/');
  if (slash <= 0 || rel.startsWith('..')) return null;
  try {
    return readConference(ws, rel.slice(0, slash)).timezone;
  } catch {
    return null;
  }
}

/**
 * The conference a command works on: the one named, else the current one,
 * else the only one in the workspace. Throws with a hint when there is none.
 */
export function chooseConference(ws: Workspace, state: WorkspaceState, named?: string): string {
  if (named) {
    const kind = folderKind(ws, named);
    if (kind === 'conference') return named;
    if (kind === 'linked conference') throw new ConfnotesError(`${named}: ${LINKED_FOLDER}`);
    throw new ConfnotesError(
      `no conference "${named}" in ${ws.root}; known: ${conferenceSlugs(ws).join(', ') || 'none'}`,
    );
  }
  if (state.conference && isConference(ws, state.conference)) return state.conference;
  const slugs = conferenceSlugs(ws);
  if (slugs.length === 1) return slugs[0]!;
  if (slugs.length === 0) {
    throw new ConfnotesError(
      'no conference yet; start one with: confnotes conf new "Name" --start YYYY-MM-DD --end YYYY-MM-DD',
    );
  }
  throw new ConfnotesError(
    `no current conference; choose one with: confnotes conf use <slug> (one of ${slugs.join(', ')}), or pass --conf`,
  );
}

/** The conference a command works on (see chooseConference), read. */
export function chosenConference(ws: Workspace, named?: string): Conference {
  return readConference(ws, chooseConference(ws, readState(ws), named));
}

export interface NewConference {
  name: string;
  start: string;
  end: string;
  location?: string;
  timezone?: string;
  slug?: string;
  url?: string;
}

/** Checks a new conference's input; returns its slug. */
export function validateNewConference(input: NewConference): string {
  if (!input.name.trim()) throw new ConfnotesError('the conference needs a name', 2);
  for (const [option, value] of [
    ['--start', input.start],
    ['--end', input.end],
  ] as const) {
    if (!isValidDate(value)) throw new ConfnotesError(`${option} "${value}" is not a date (YYYY-MM-DD)`, 2);
  }
  if (input.end < input.start)
    throw new ConfnotesError(`--end ${input.end} is before --start ${input.start}`, 2);
  if (input.timezone && !isValidTimeZone(input.timezone)) {
    throw new ConfnotesError(
      `--timezone "${input.timezone}" is not an IANA time zone (e.g. Europe/Berlin)`,
      2,
    );
  }
  // The private part of a name never reaches the folder's name (as for a note's file name).
  const slug = slugify(input.slug ?? stripPrivate(input.name), '');
  if (!slug)
    throw new ConfnotesError(
      'the conference name has no letters or digits to make a folder name from; pass --slug',
      2,
    );
  if (RESERVED_FOLDERS.has(slug)) throw new ConfnotesError(`"${slug}" is reserved; pass another --slug`, 2);
  return slug;
}

/** Creates `<slug>/conference.md` from already rendered text; never replaces one. */
export function createConference(ws: Workspace, slug: string, text: string): string {
  const dir = conferenceDir(ws, slug);
  const file = path.join(dir, CONFERENCE_FILE);
  if (fs.existsSync(file))
    throw new ConfnotesError(`conference "${slug}" already exists (${relativeToWorkspace(ws, file)})`);
  ensureDir(dir);
  createExclusive(file, text);
  return file;
}
