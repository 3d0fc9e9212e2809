/**
 * The layout of a search index file, `.confnotes/search/<slug>.idx`, shared
 * by its reader (index-file.ts) and its writer (index-write.ts):
 * - line 1, JSON: the format, the number of notes and terms, each section's size in bytes;
 * - the head, read whole: the notes' paths joined by NUL, their stamps (four
 *   Float64 each, NaN for "index again next time"), where each note's body
 *   lies (two Uint32 each), the terms joined by NUL (a term never holds one:
 *   notes with a NUL are refused), where each term's postings lie;
 * - then, read only when a search needs them: MiniSearch's serialised index
 *   without its postings (JSON), each term's postings (JSON), and each note's
 *   text (UTF-8): its note-cache row (the fields a hit shows, read without
 *   the note cache) and its body on one line, which snippets and phrases are
 *   taken from without opening every matching note again.
 */
import { type FileStamp, NOTE_CACHE_FORMAT } from '../note/note-cache-format.js';

/**
 * Bump when the fields, the tokenizer, folding or the layout change: an index
 * of another format is rebuilt. The note cache's format is part of it (the
 * rows are that cache's rows: another schema, another format).
 */
export const SEARCH_INDEX_FORMAT = `confnotes search index 7: title,speakers,tags,summary,body; fold 2; flatten 3; binary head 1; rows of ${NOTE_CACHE_FORMAT}`;

/** A note's stored text: its note-cache row (JSON, never a line break) and its flattened body (one line). */
export function storedText(row: string, body: string): string {
  return `${row}\n${body}`;
}

/** The row and body of a stored text; null when it holds no row (damaged). */
export function splitText(text: string | undefined): { row: string; body: string } | null {
  const newline = text === undefined ? -1 : text.indexOf('\n');
  return newline < 0 ? null : { row: text!.slice(0, newline), body: text!.slice(newline + 1) };
}

/** A note's stamp as stored: size, mtime, ctime, inode; null when it must be indexed again next time. */
export type StoredStamp = [number, number, number, number] | null;

export function storedStamp(stamp: FileStamp): StoredStamp {
  return [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino];
}

/** Section sizes in bytes, in file order; `rest` and the data after it are read only on demand. */
export interface Sizes {
  paths: number;
  stamps: number;
  texts: number;
  terms: number;
  spans: number;
  rest: number;
  /** The postings and bodies after MiniSearch's JSON: with the rest, the file's whole length. */
  data: number;
}

export interface Head {
  format: string;
  count: number;
  termCount: number;
  sizes: Sizes;
}

export const NUL = '\0';
/** The sections read whole at open, in file order. */
export const HEAD_SECTIONS = ['paths', 'stamps', 'texts', 'terms', 'spans'] as const;

/** Every count and size of the head a whole number. */
export function validHead(head: Head): boolean {
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return (
    count(head.count) &&
    count(head.termCount) &&
    typeof head.sizes === 'object' &&
    head.sizes !== null &&
    [...HEAD_SECTIONS, 'rest' as const, 'data' as const].every((name) => count(head.sizes[name]))
  );
}

/** How many NUL-separated pieces `text` holds. */
export function pieces(text: string): number {
  let n = 1;
  for (let at = text.indexOf(NUL); at !== -1; at = text.indexOf(NUL, at + 1)) n++;
  return n;
}

/**
 * Whether `paths` are, in order, `prefix` followed by each of the NUL-joined
 * `stored` paths (none of them empty). Compared in place: joining 10,000 file
 * names and the stored paths with the prefix put back made ~2 MB of strings a
 * search.
 */
export function samePaths(paths: readonly string[], stored: string, prefix: string): boolean {
  if (paths.length === 0) return stored === '';
  let at = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const length = path.length - prefix.length;
    if (length <= 0 || !path.startsWith(prefix) || !stored.startsWith(path.slice(prefix.length), at))
      return false;
    at += length;
    // A NUL after every path but the last, which ends the text.
    if (i < paths.length - 1 ? stored.charCodeAt(at) !== 0 : at !== stored.length) return false;
    at += 1;
  }
  return true;
}
