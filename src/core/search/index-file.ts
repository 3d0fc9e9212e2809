/**
 * The stored form of one conference's search index, `.confnotes/search/<slug>.idx`:
 * - line 1, JSON: format, the stamp each note was indexed at, MiniSearch's
 *   serialised index without its postings, where each note's body line lies;
 * - line 2: every term, joined by NUL (a term never holds one: notes with a NUL are refused);
 * - line 3: where each term's postings line lies, 14 base-36 digits a term;
 * - then one line of JSON postings per term, and one line per note: its
 *   body on one line (a JSON string), which snippets and phrases are taken
 *   from without opening every matching note again.
 *
 * Why not `JSON.stringify(miniSearch)` as one document: loading a whole index
 * of 10,000 notes takes about a second, while a search needs only the
 * postings of its own words. `loadFor` finds the wanted terms in line 2 as
 * text (nothing is parsed for the others) and reads only their postings, so
 * MiniSearch scores with the very same statistics (document count, field
 * lengths, each term's document frequency) as the whole index, at a fraction of the cost.
 */
import fs from 'node:fs';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { FileStamp } from '../note/note-cache.js';
import { replaceOwnFile } from '../safe-write.js';

/** Bump when the fields, the tokenizer or folding change: an index of another format is rebuilt. */
export const SEARCH_INDEX_FORMAT =
  'confnotes search index 5: title,speakers,tags,summary,body; fold 1; flatten 2';

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
  termCount: number;
  /** Each note's body line. */
  texts: Record<string, Span>;
}

const CHUNK = 1 << 16;
const NUL = '\0';
/** A span in line 3: offset in 8 base-36 digits, length in 6. */
const SPAN_DIGITS = 14;

function spanText([offset, length]: Span): string {
  return offset.toString(36).padStart(8, '0') + length.toString(36).padStart(6, '0');
}

/** The i-th span of line 3; throws when it is not one (a damaged file is rebuilt). */
function spanAt(spans: string, i: number): Span {
  const text = spans.slice(i * SPAN_DIGITS, (i + 1) * SPAN_DIGITS);
  if (!/^[0-9a-z]{14}$/.test(text)) throw new Error('damaged span');
  return [Number.parseInt(text.slice(0, 8), 36), Number.parseInt(text.slice(8), 36)];
}

/**
 * An open index file: its header read, the other lines read from the file
 * only when asked for (a search of 10,000 notes needs a few of its tens of MB).
 */
export class IndexFile {
  private constructor(
    readonly header: Header,
    /** NUL, the terms joined by NUL, NUL: `\0term\0` finds a term. */
    private readonly terms: string,
    private readonly spans: string,
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
      const [first, terms, spans, length] = readLines(fd);
      const header = JSON.parse(first) as Header;
      const valid =
        header?.format === SEARCH_INDEX_FORMAT &&
        header.docs &&
        typeof header.docs === 'object' &&
        header.index &&
        Number.isInteger(header.termCount) &&
        spans.length === header.termCount * SPAN_DIGITS &&
        header.texts &&
        typeof header.texts === 'object';
      if (valid) return new IndexFile(header, `${NUL}${terms}${NUL}`, spans, fd, length);
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
    const terms = this.header.termCount === 0 ? [] : this.terms.slice(1, -1).split(NUL);
    if (terms.length !== this.header.termCount) throw new Error('damaged terms');
    return this.load(
      options,
      terms.map((term, i) => [term, i]),
    );
  }

  /** An index holding only the postings of these terms (and of words starting with `prefix`): to search, not to save. */
  loadFor(options: Options, terms: string[], prefix: string | null): MiniSearch {
    const { terms: all } = this;
    // Where each wanted term starts in line 2 (at its leading NUL)...
    const found = new Map<string, number>();
    for (const term of terms) {
      if (!term || term.includes(NUL) || found.has(term)) continue;
      const at = all.indexOf(`${NUL}${term}${NUL}`);
      if (at >= 0) found.set(term, at);
    }
    if (prefix && !prefix.includes(NUL)) {
      for (let at = all.indexOf(`${NUL}${prefix}`); at !== -1 && at < all.length - 1; ) {
        const end = all.indexOf(NUL, at + 1);
        const term = all.slice(at + 1, end);
        if (!found.has(term)) found.set(term, at);
        at = all.indexOf(`${NUL}${prefix}`, end);
      }
    }
    // ...then its number, the count of NULs before it, in one pass.
    const wanted = [...found].sort((a, b) => a[1] - b[1]);
    const numbered: [string, number][] = [];
    let n = 0;
    let nul = 0;
    for (const [term, at] of wanted) {
      for (; nul < at; nul = all.indexOf(NUL, nul + 1)) n++;
      numbered.push([term, n]);
    }
    return this.load(options, numbered);
  }

  private load(options: Options, terms: [string, number][]): MiniSearch {
    const index: AsPlainObject['index'] = [];
    for (const [term, i] of terms) {
      if (i >= this.header.termCount) throw new Error('damaged terms');
      index.push([term, this.line(spanAt(this.spans, i)) as AsPlainObject['index'][0][1]]);
    }
    return MiniSearch.loadJS({ ...this.header.index, index } as AsPlainObject, options);
  }
}

/** The first three lines, read a chunk at a time until their end, and the bytes they take with their newlines. */
function readLines(fd: number): [string, string, string, number] {
  const chunks: Buffer[] = [];
  let length = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const read = fs.readSync(fd, chunk, 0, CHUNK, length);
    if (read === 0) throw new Error('no end of header');
    chunks.push(chunk.subarray(0, read));
    length += read;
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const one = all.indexOf(10);
    const two = one < 0 ? -1 : all.indexOf(10, one + 1);
    const three = two < 0 ? -1 : all.indexOf(10, two + 1);
    if (three >= 0)
      return [
        all.toString('utf8', 0, one),
        all.toString('utf8', one + 1, two),
        all.toString('utf8', two + 1, three),
        three + 1,
      ];
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
  if (terms.some((term) => term.includes(NUL) || term.includes('\n'))) return false;
  const spans = postings.map(([, data]) => spanText(span(JSON.stringify(data)))).join('');
  const texts: Record<string, Span> = {};
  for (const [rel, body] of bodies) texts[rel] = span(JSON.stringify(body));
  const header: Header = { format: SEARCH_INDEX_FORMAT, docs, index: rest, termCount: terms.length, texts };
  try {
    replaceOwnFile(
      file,
      `${JSON.stringify(header)}\n${terms.join(NUL)}\n${spans}\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
    );
    return true;
  } catch {
    // A read-only workspace or a full disk: the search was answered all the same.
    return false;
  }
}
