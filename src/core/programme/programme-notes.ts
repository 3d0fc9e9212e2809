/**
 * Between the programme and the notes: which entries already have a note, and
 * how an entry becomes a new note's input (`new --from`). Programme text is
 * untrusted: it reaches a note as plain values and quoted, inert Markdown.
 */
import { wallTime } from '../clock.js';
import { findFrontMatter } from '../front-matter/front-matter-bounds.js';
import type { NewNoteInput } from '../note/note-new.js';
import type { NoteType } from '../note/note.js';
import { noteTypeOf } from './entry-type.js';
import type { ProgrammeEntry } from './programme.js';
import { normaliseTag } from '../slug.js';
import { scanNotes } from '../note/store.js';
import type { Workspace } from '../workspace/workspace.js';
import { yamlValue } from '../front-matter/yaml-text.js';

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

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};
const BLOCK_TAGS = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
]);
const DROPPED_TAGS = new Set(['script', 'style', 'iframe', 'object', 'template']);

/**
 * An abstract as inert text: HTML tags removed (the content of script, style
 * and the like dropped), entities decoded, and every `<` escaped, so neither a
 * Markdown viewer nor the HTML report can turn it back into live markup.
 */
export function abstractText(abstract: string): string {
  let out = '';
  let i = 0;
  while (i < abstract.length) {
    const char = abstract[i]!;
    if (char === '<' && /[a-z/!?]/i.test(abstract[i + 1] ?? '')) {
      const close = abstract.indexOf('>', i);
      if (close === -1) break; // an unclosed tag: the rest is markup debris
      const tag = abstract
        .slice(i + 1, close)
        .replace(/^\//, '')
        .split(/[\s/>]/)[0]!
        .toLowerCase();
      if (DROPPED_TAGS.has(tag) && abstract[i + 1] !== '/') {
        const end = abstract.toLowerCase().indexOf(`</${tag}`, close);
        i = end === -1 ? abstract.length : abstract.indexOf('>', end) + 1 || abstract.length;
        continue;
      }
      if (BLOCK_TAGS.has(tag)) out += '\n';
      i = close + 1;
      continue;
    }
    if (char === '&') {
      const semi = abstract.indexOf(';', i);
      const name = semi > i && semi - i <= 8 ? abstract.slice(i + 1, semi) : '';
      const numeric = /^#(\d{1,6}|x[0-9a-f]{1,5})$/i.test(name)
        ? Number(name[1]!.toLowerCase() === 'x' ? `0${name.slice(1)}` : name.slice(1))
        : NaN;
      const decoded =
        ENTITIES[name] ??
        (Number.isInteger(numeric) && numeric > 31 && numeric < 0x110000
          ? String.fromCodePoint(numeric)
          : undefined);
      if (decoded !== undefined) {
        out += decoded;
        i = semi + 1;
        continue;
      }
    }
    out += char;
    i++;
  }
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/</g, '\\<');
}

/**
 * Adds what the templates do not know about to a rendered note: `programme:
 * <uid>` at the end of the front matter, and the abstract as a quoted section
 * at the top of the body.
 */
export function addProgrammeFields(text: string, entry: ProgrammeEntry): string {
  const bounds = findFrontMatter(text);
  const eol = bounds.eol;
  const head =
    text.slice(0, bounds.yamlEnd) +
    `programme: ${yamlValue(entry.uid)}${eol}` +
    text.slice(bounds.yamlEnd, bounds.bodyStart);
  // Both texts when the export has both: the abstract first, then the description.
  const abstract = [entry.abstract, entry.description]
    .map((text) => (text ? abstractText(text) : ''))
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
