/**
 * The stored form of one conference's search index, `.confnotes/search/<slug>.idx`:
 * a first line of JSON (format, the stamp each note was indexed at, MiniSearch's
 * serialised index without its postings, the terms and where each one's
 * postings line lies), then one line of JSON postings per term, then one line
 * per note: its body on one line (a JSON string), which snippets and phrases
 * are taken from without opening every matching note again.
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
export const SEARCH_INDEX_FORMAT =
  'confnotes search index 4: title,speakers,tags,summary,body; fold 1; flatten 2';

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

/** Where a line starts, counted in bytes from the start of the second line, and its length in bytes. */
type Span = [number, number];

interface Header {
  format: string;
  /** Workspace-relative path → the stamp the note was indexed at. */
  docs: Record<string, StoredStamp>;
  index: Omit<AsPlainObject, 'index'>;
  terms: string[];
  /** Each term's postings line. */
  postings: Span[];
  /** Each note's body line. */
  texts: Record<string, Span>;
}

const CHUNK = 1 << 16;

/**
 * An open index file: its header read, the other lines read from the file
 * only when asked for (a search of 10,000 notes needs a few of its tens of MB).
 */
export class IndexFile {
  private constructor(
    readonly header: Header,
    private readonly fd: number,
    private readonly bodyStart: number,
  ) {}

  /** The file, or null when it is missing, damaged or of another format. Never throws. */
  static open(file: string): IndexFile | null {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return null;
    }
    try {
      const { header, length } = readHeader(fd);
      const valid =
        header?.format === SEARCH_INDEX_FORMAT &&
        header.docs &&
        typeof header.docs === 'object' &&
        header.index &&
        Array.isArray(header.terms) &&
        Array.isArray(header.postings) &&
        header.terms.length === header.postings.length &&
        header.texts &&
        typeof header.texts === 'object';
      if (valid) return new IndexFile(header, fd, length + 1);
    } catch {
      // Damaged: rebuilt.
    }
    fs.closeSync(fd);
    return null;
  }

  private closed = false;

  /** Lets go of the file; again is harmless. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  get docs(): Record<string, StoredStamp> {
    return this.header.docs;
  }

  hasText(rel: string): boolean {
    return Object.hasOwn(this.header.texts, rel) && Array.isArray(this.header.texts[rel]);
  }

  /** The body of a note on one line, as it was indexed; null when the file does not hold it. */
  text(rel: string): string | null {
    if (!this.hasText(rel)) return null;
    try {
      const text = this.line(this.header.texts[rel]!);
      return typeof text === 'string' ? text : null;
    } catch {
      // Damaged: the caller reads the note itself.
      return null;
    }
  }

  private line([offset, length]: Span): unknown {
    const bytes = Buffer.allocUnsafe(length);
    const read = fs.readSync(this.fd, bytes, 0, length, this.bodyStart + offset);
    return JSON.parse(bytes.toString('utf8', 0, read));
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
    const { terms, postings } = this.header;
    const index: AsPlainObject['index'] = [];
    for (let i = 0; i < terms.length; i++) {
      if (keep(terms[i]!)) index.push([terms[i]!, this.line(postings[i]!) as AsPlainObject['index'][0][1]]);
    }
    return MiniSearch.loadJS({ ...this.header.index, index } as AsPlainObject, options);
  }
}

/** The first line, read a chunk at a time until its end. */
function readHeader(fd: number): { header: Header; length: number } {
  const chunks: Buffer[] = [];
  let length = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const read = fs.readSync(fd, chunk, 0, CHUNK, length);
    if (read === 0) throw new Error('no end of header');
    const newline = chunk.subarray(0, read).indexOf(10);
    chunks.push(chunk.subarray(0, newline < 0 ? read : newline));
    if (newline >= 0) {
      length += newline;
      return { header: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Header, length };
    }
    length += read;
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
  let offset = 0;
  const span = (line: string): Span => {
    const length = Buffer.byteLength(line);
    lines.push(line);
    offset += length + 1;
    return [offset - length - 1, length];
  };
  const terms = postings.map(([term]) => term);
  const spans = postings.map(([, data]) => span(JSON.stringify(data)));
  const texts: Record<string, Span> = {};
  for (const [rel, body] of bodies) texts[rel] = span(JSON.stringify(body));
  const header: Header = { format: SEARCH_INDEX_FORMAT, docs, index: rest, terms, postings: spans, texts };
  try {
    replaceOwnFile(file, `${JSON.stringify(header)}\n${lines.join('\n')}\n`);
    return true;
  } catch {
    // A read-only workspace or a full disk: the search was answered all the same.
    return false;
  }
}
