/**
 * Between the programme and the notes: which entries already have a note, and
 * how an entry becomes a new note's input (`new --from`). Programme text is
 * untrusted: it reaches a note as plain values and quoted, inert Markdown.
 */
import { wallTime } from '../clock.js';
import { findFrontMatter } from '../front-matter/front-matter-bounds.js';
import type { NewNoteInput } from '../note/note-new.js';
import type { Note, NoteType } from '../note/note.js';
import { noteTypeOf } from './entry-type.js';
import type { ProgrammeEntry } from './programme-model.js';
import { programmeInFolder } from './programme-lookup.js';
import { normaliseTag } from '../slug.js';
import { scanNotes } from '../note/store.js';
import type { Workspace } from '../workspace/workspace.js';
import { yamlValue } from '../front-matter/yaml-text.js';
import { cleanText } from './schedule-common.js';

export interface LinkedNote {
  id: string;
  path: string;
}

/** The notes of a conference started from programme entries, by entry uid (the first note by id when several). */
export function notesByEntry(ws: Workspace, slug: string): Map<string, LinkedNote> {
  const links = new Map<string, LinkedNote>();
  const { notes } = scanNotes(ws, [slug]);
  for (const note of [...notes].sort((a, b) => a.id.localeCompare(b.id))) {
    if (note.programme && !links.has(note.programme))
      links.set(note.programme, { id: note.id, path: note.path });
  }
  return links;
}

/**
 * The ref of the entry a note was started from (`list --json`), read from its
 * conference's programme once per conference; null for any other note.
 */
export function noteRefs(ws: Workspace): (note: Pick<Note, 'folder' | 'programme'>) => string | null {
  const bySlug = new Map<string, Map<string, string>>();
  return (note) => {
    if (!note.programme || !note.folder) return null;
    let refs = bySlug.get(note.folder);
    if (!refs) {
      const entries = programmeInFolder(ws, note.folder)?.entries ?? [];
      refs = new Map(entries.map((entry) => [entry.uid, entry.ref]));
      bySlug.set(note.folder, refs);
    }
    return refs.get(note.programme) ?? null;
  };
}

/** The note type: the programme's own type, else a track, tag or title naming one (entry-type.ts), else session. */
export function typeOfEntry(entry: ProgrammeEntry): NoteType {
  return noteTypeOf(entry);
}

/** What `new` would have been given on the command line for this entry, times in `zone`. */
export function noteInputOf(entry: ProgrammeEntry, zone: string | null): NewNoteInput {
  const start = new Date(entry.start);
  const minutes = Math.round((Date.parse(entry.end) - start.getTime()) / 60000);
  return {
    title: entry.title,
    type: typeOfEntry(entry),
    speakers: entry.speakers,
    tags: entry.tags.map(normaliseTag).filter(Boolean),
    at: wallTime(start, zone),
    duration: Math.min(Math.max(minutes, 1), 24 * 60),
    track: entry.track ?? undefined,
    room: entry.room ?? undefined,
    links: [...(entry.url ? [entry.url] : []), ...(entry.links ?? []).map((link) => link.url)],
  };
}

/** Tags that end a line of text; every other tag is removed without a trace. */
const BLOCK_TAG = /<\/?(p|br|div|li|ul|ol|tr|h[1-6]|blockquote|pre|hr)\b[^>]*>/gi;
/** Elements whose content is code or embedded documents, never text. */
const DROPPED_ELEMENT = /<(script|style|iframe|object|template)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
/** Any other tag, comment or declaration; an unclosed one at the end is markup debris. */
const OTHER_TAG = /<[a-z/!?][^>]*(>|$)/gi;

/**
 * An abstract as inert text: HTML tags removed (the content of script, style
 * and the like dropped), entities decoded (by `entities`, as HTML does), the
 * control characters a decoded entity can produce removed, and every `<`
 * escaped, so neither a Markdown viewer nor the HTML report can turn it back
 * into live markup. The tags are matched, not parsed: only their text is kept.
 */
export function abstractText(abstract: string, decode: EntityDecoder): string {
  const stripped = abstract.replace(DROPPED_ELEMENT, '').replace(BLOCK_TAG, '\n').replace(OTHER_TAG, '');
  return (cleanText(decode(stripped).replace(/\u00a0/g, ' ')) ?? '').replace(/</g, '\\<');
}

/** Decodes HTML's character references (`&amp;`, `&#x1F600;`) in a programme's text. */
export type EntityDecoder = (text: string) => string;

/**
 * The decoder an entry's abstract and description need: `entities`' (loaded
 * here, on demand: its tables take milliseconds to build) when either holds a
 * `&`, else none at all, since every character reference starts with one.
 */
export async function entityDecoderFor(entry: {
  abstract?: string | null;
  description?: string | null;
}): Promise<EntityDecoder> {
  if (![entry.abstract, entry.description].some((text) => text?.includes('&'))) return (text) => text;
  return (await import('entities')).decodeHTML;
}

/**
 * Adds what the templates do not know about to a rendered note: `programme:
 * <uid>` at the end of the front matter, and the abstract as a quoted section
 * at the top of the body (its entities decoded by `decode`: see entityDecoderFor).
 */
export function addProgrammeFields(text: string, entry: ProgrammeEntry, decode: EntityDecoder): string {
  const bounds = findFrontMatter(text);
  const eol = bounds.eol;
  const head =
    text.slice(0, bounds.yamlEnd) +
    `programme: ${yamlValue(entry.uid)}${eol}` +
    text.slice(bounds.yamlEnd, bounds.bodyStart);
  // Both texts when the export has both: the abstract first, then the description.
  const abstract = [entry.abstract, entry.description]
    .map((text) => (text ? abstractText(text, decode) : ''))
    .filter(Boolean)
    .join('\n\n');
  const section = abstract
    ? `## Abstract${eol}${eol}${abstract
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join(eol)}${eol}${eol}`
    : '';
  return head + section + text.slice(bounds.bodyStart);
}
