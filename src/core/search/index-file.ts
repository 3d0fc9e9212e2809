/**
 * The stored form of one conference's search index, `.confnotes/search/<slug>.idx`:
 * a first line of JSON (format, the stamp each note was indexed at, MiniSearch's
 * serialised index without its postings, the terms and where each one's
 * postings start), then one line of JSON postings per term, then one line per
 * note: its body on one line (a JSON string), which snippets and phrases are
 * taken from without opening every matching note again.
 *
 * Why not `JSON.stringify(miniSearch)` as one document: loading a whole index
 * of 10,000 notes takes about a second, while a search needs only the
 * postings of its own words. `loadFor` reads the first line and the lines of
 * the wanted terms, so MiniSearch scores with the very same statistics
 * (document count, field lengths, each term's document frequency) as the
 * whole index, at a fraction of the cost.
 */
import fs from 'node:fs';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { FileStamp } from '../note/note-cache.js';
import { replaceOwnFile } from '../safe-write.js';

/** Bump when the fields, the tokenizer or folding change: an index of another format is rebuilt. */
export const SEARCH_INDEX_FORMAT = 'confnotes search index 3: title,speakers,tags,summary,body; fold 1';

/** A note's stamp as stored: size, mtime, ctime, inode; null when it must be indexed again next time. */
export type StoredStamp = [number, number, number, number] | null;

export function storedStamp(stamp: FileStamp): StoredStamp {
  return [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino];
}

export function sameStamp(stored: StoredStamp | undefined, stamp: FileStamp): boolean {
  return (
    Array.isArray(stored) &&
    stored[0] === stamp.size &&
    stored[1] === stamp.mtimeMs &&
    stored[2] === stamp.ctimeMs &&
    stored[3] === stamp.ino
  );
}

interface Header {
  format: string;
  /** Workspace-relative path → the stamp the note was indexed at. */
  docs: Record<string, StoredStamp>;
  index: Omit<AsPlainObject, 'index'>;
  terms: string[];
  /** Where each term's postings line starts, counted in bytes from the start of the second line. */
  offsets: number[];
  /** Where each note's body line starts, counted the same way. */
  texts: Record<string, number>;
}

/** A read index file: its header, and its postings still as text. */
export class IndexFile {
  private constructor(
    readonly header: Header,
    /** Kept as bytes: only the first line and the lines a search needs are decoded. */
    private readonly content: Buffer,
    private readonly bodyStart: number,
  ) {}

  /** The file's contents, or null when it is missing, damaged or of another format. Never throws. */
  static read(file: string): IndexFile | null {
    try {
      const bytes = fs.readFileSync(file);
      const newline = bytes.indexOf(10);
      if (newline < 0) return null;
      const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Header;
      const valid =
        header?.format === SEARCH_INDEX_FORMAT &&
        header.docs &&
        typeof header.docs === 'object' &&
        header.index &&
        Array.isArray(header.terms) &&
        Array.isArray(header.offsets) &&
        header.terms.length === header.offsets.length &&
        header.texts &&
        typeof header.texts === 'object';
      return valid ? new IndexFile(header, bytes, newline + 1) : null;
    } catch {
      return null;
    }
  }

  get docs(): Record<string, StoredStamp> {
    return this.header.docs;
  }

  /** The body of a note on one line, as it was indexed; null when the file does not hold it. */
  text(rel: string): string | null {
    const offset = Object.hasOwn(this.header.texts, rel) ? this.header.texts[rel] : undefined;
    if (typeof offset !== 'number') return null;
    const text = this.line(offset);
    return typeof text === 'string' ? text : null;
  }

  private line(offset: number): unknown {
    const start = this.bodyStart + offset;
    const end = this.content.indexOf(10, start);
    return JSON.parse(this.content.toString('utf8', start, end < 0 ? undefined : end));
  }

  /** The whole index, to change it. */
  loadAll(options: Options): MiniSearch {
    return this.load(options, () => true);
  }

  /** An index holding only the postings of these terms (and of words starting with `prefix`): to search, not to save. */
  loadFor(options: Options, terms: string[], prefix: string | null): MiniSearch {
    const wanted = new Set(terms);
    return this.load(options, (term) => wanted.has(term) || (prefix !== null && term.startsWith(prefix)));
  }

  private load(options: Options, keep: (term: string) => boolean): MiniSearch {
    const { terms, offsets } = this.header;
    const index: AsPlainObject['index'] = [];
    for (let i = 0; i < terms.length; i++) {
      if (keep(terms[i]!)) index.push([terms[i]!, this.line(offsets[i]!) as AsPlainObject['index'][0][1]]);
    }
    return MiniSearch.loadJS({ ...this.header.index, index } as AsPlainObject, options);
  }
}

/** Writes an index and the stamps it was built from; returns false when it could not (never throws). */
export function writeIndexFile(
  file: string,
  index: MiniSearch,
  docs: Record<string, StoredStamp>,
  bodies: Map<string, string>,
): boolean {
  const { index: postings, ...rest } = index.toJSON();
  const lines: string[] = [];
  const terms: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const [term, data] of postings) {
    const line = JSON.stringify(data);
    terms.push(term);
    offsets.push(offset);
    lines.push(line);
    offset += Buffer.byteLength(line) + 1;
  }
  const texts: Record<string, number> = {};
  for (const [rel, body] of bodies) {
    const line = JSON.stringify(body);
    texts[rel] = offset;
    lines.push(line);
    offset += Buffer.byteLength(line) + 1;
  }
  const header: Header = { format: SEARCH_INDEX_FORMAT, docs, index: rest, terms, offsets, texts };
  try {
    replaceOwnFile(file, `${JSON.stringify(header)}\n${lines.join('\n')}\n`);
    return true;
  } catch {
    // A read-only workspace or a full disk: the search was answered all the same.
    return false;
  }
}
