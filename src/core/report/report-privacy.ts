/**
 * What the report treats as private. The note model reads `private` as true
 * only for the YAML boolean `true`; a report errs the other way: any
 * `private` key (in any case) whose value is not the plain boolean `false`
 * keeps the note out (`"true"`, `yes`, `on`, `1`, `Private: true`), since a
 * writer who typed it meant it. `check` still flags the spelling. Private
 * markers inside one-line fields hide that part of the field.
 */
import { findFrontMatter } from '../front-matter/front-matter-bounds.js';
import type { Note } from '../note/note.js';
import { stripPrivate } from './report-text.js';

/** A top-level key line of block-style YAML: `private: x`, `"Private": x`, `PRIVATE:`. */
const KEY_LINE = /^(["']?)([^\s"'#:][^"':]*?)\1[ \t]*:(?:[ \t]+(.*))?$/;
/** YAML 1.2 core schema spellings of false (the schema confnotes reads with). */
const PLAIN_FALSE = /^(?:false|False|FALSE)$/;

/** True unless the value is the plain boolean false (an empty `private:` counts as private). */
export function meansPrivate(value: unknown): boolean {
  return value !== false;
}

/**
 * Whether a note's front matter (the YAML text between the `---` lines) says
 * private in any spelling. Read line by line, without a YAML parser, so a
 * report of thousands of notes stays fast; a flow-style mapping (`{...}`)
 * that mentions private counts as private.
 */
export function frontMatterSaysPrivate(yaml: string): boolean {
  if (!/private/i.test(yaml)) return false;
  if (/^\s*\{/.test(yaml)) return true;
  for (const line of yaml.split(/\r?\n/)) {
    const key = KEY_LINE.exec(line);
    if (!key || key[2]!.trim().toLowerCase() !== 'private') continue;
    const value = (key[3] ?? '').replace(/(^|\s)#.*$/, '').trim();
    if (!PLAIN_FALSE.test(value)) return true;
  }
  return false;
}

export interface NoteSource {
  body: string;
  private: boolean;
}

/**
 * The body a report uses and whether the note is private: from the note's
 * file text when `source` gives it (so the front matter is read as written),
 * else from the note as the store read it.
 */
export function noteSource(note: Note, source?: (note: Note) => string): NoteSource {
  if (!source) return { body: note.body, private: note.private };
  const text = source(note);
  const bounds = findFrontMatter(text);
  return {
    body: text.slice(bounds.bodyStart),
    private: note.private || frontMatterSaysPrivate(text.slice(bounds.yamlStart, bounds.yamlEnd)),
  };
}

/** A one-line field with its private parts removed (or only the markers, with `keep`); null when nothing is left. */
export function publicField(text: string | null, keep: boolean): string | null {
  if (text === null || !text.includes('<!--')) return text;
  const left = stripPrivate(text, keep).replace(/\s+/g, ' ').trim();
  return left === '' ? null : left;
}
