/**
 * Reads a conference's search index file (its layout: index-layout.ts).
 *
 * Why not `JSON.stringify(miniSearch)`: a search of 10,000 notes needs every
 * note's stamp (to prove the index current) but only the postings of its own
 * words. So the stamps are binary, `loadFor` finds the wanted terms in the
 * head as text, a conference lacking one of them is answered "no hit" without
 * parsing anything more, and MiniSearch scores the others with the very same
 * statistics (document count, field lengths, each term's document frequency)
 * as the whole index.
 */
import fs from 'node:fs';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { readAt } from '../fs/read-at.js';
import { withNotesOf } from './index-notes.js';
import type { FileStamp } from '../note/note-cache.js';
import {
  HEAD_SECTIONS,
  type Head,
  NUL,
  pieces,
  samePaths,
  SEARCH_INDEX_FORMAT,
  type StoredStamp,
  validHead,
} from './index-layout.js';

/** The first read: the head and MiniSearch's JSON of a conference of a hundred notes or so. */
const FIRST_READ = 1 << 14;
/** The first read of every file goes here (what is kept is copied out): not 16 KB more per conference. */
let scratch: Buffer | null = null;
/** Bodies further apart than this are read one by one. */
const GAP = 1 << 13;

/** A postings line of a term, as MiniSearch serialises it. */
type Postings = AsPlainObject['index'][0][1];

/**
 * An open index file: its head read, the rest read from the file only when
 * asked for (a search of 10,000 notes needs a few of its tens of MB).
 */
export class IndexFile {
  private docMap: Map<string, number> | null = null;
  /** The stamps as numbers, four a note (copied once: a Float64Array reads faster than readDoubleLE). */
  private readonly stamps: Float64Array;

  private constructor(
    private readonly head: Head,
    /** The paths joined by NUL, as stored: one comparison tells a conference whose notes are those indexed, in order. */
    private readonly pathsText: string,
    stamps: Buffer,
    private readonly texts: Buffer,
    /** NUL, the terms joined by NUL, NUL: `\0term\0` finds a term. */
    private readonly terms: string,
    private readonly spans: Buffer,
    private readonly fd: number,
    /** Where MiniSearch's JSON starts; the postings and bodies follow it. */
    private readonly restStart: number,
    /** MiniSearch's JSON when the first read held it. */
    private readonly restBytes: Buffer | null,
  ) {
    this.stamps = new Float64Array(stamps.length / 8);
    new Uint8Array(this.stamps.buffer).set(stamps);
  }

  /** Workspace-relative path → its number in the file; made on first use (an unchanged search needs none). */
  get docs(): Map<string, number> {
    if (this.docMap) return this.docMap;
    const docs = new Map<string, number>();
    const paths = this.head.count === 0 ? [] : this.pathsText.split(NUL);
    for (const [i, rel] of paths.entries()) docs.set(rel, i);
    // A path twice: damaged, built again (openIndex rebuilds on a throw).
    if (docs.size !== this.head.count) throw new Error('damaged: a path twice');
    this.docMap = docs;
    return docs;
  }

  /** The file, or null when it is missing, damaged or of another format. Never throws. */
  static open(file: string): IndexFile | null {
    let fd: number;
    try {
      // Never through a link: the index is the tool's own file.
      fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    } catch {
      return null;
    }
    try {
      const opened = IndexFile.read(fd);
      if (opened) return opened;
    } catch {
      // Damaged: rebuilt.
    }
    fs.closeSync(fd);
    return null;
  }

  private static read(fd: number): IndexFile | null {
    scratch ??= Buffer.allocUnsafe(FIRST_READ);
    let bytes = readAt(fd, 0, FIRST_READ, scratch);
    const newline = bytes.indexOf(10);
    if (newline < 0) return null;
    const head = JSON.parse(bytes.toString('utf8', 0, newline)) as Head;
    if (head?.format !== SEARCH_INDEX_FORMAT || !validHead(head)) return null;
    const { count, termCount, sizes } = head;
    if (sizes.stamps !== count * 32 || sizes.texts !== count * 8 || sizes.spans !== termCount * 8)
      return null;
    let at = newline + 1;
    const headEnd = HEAD_SECTIONS.reduce((end, name) => end + sizes[name], at);
    // A file cut short (a full disk, a copy interrupted) is rebuilt, not read in part.
    if (fs.fstatSync(fd).size !== headEnd + sizes.rest + sizes.data) return null;
    if (bytes.length < headEnd)
      bytes = Buffer.concat([bytes, readAt(fd, bytes.length, headEnd - bytes.length)]);
    if (bytes.length < headEnd) return null;
    const section = (name: (typeof HEAD_SECTIONS)[number]) => {
      at += sizes[name];
      return bytes.subarray(at - sizes[name], at);
    };
    const pathsText = section('paths').toString('utf8');
    const stamps = section('stamps');
    const texts = Buffer.from(section('texts'));
    const terms = section('terms').toString('utf8');
    const spans = Buffer.from(section('spans'));
    // Counted, not split: an unchanged search never needs the paths or terms one by one.
    if (
      (count > 0 && pieces(pathsText) !== count) ||
      (termCount === 0 ? terms !== '' : pieces(terms) !== termCount)
    )
      return null;
    const restEnd = headEnd + sizes.rest;
    const rest = bytes.length >= restEnd ? Buffer.from(bytes.subarray(headEnd, restEnd)) : null;
    return new IndexFile(head, pathsText, stamps, texts, `${NUL}${terms}${NUL}`, spans, fd, headEnd, rest);
  }

  private closed = false;
  /** Lets go of the file; again is harmless. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  /** True when `rel` was indexed from exactly this version of the file (size, mtime, ctime, inode). */
  current(rel: string, stamp: FileStamp): boolean {
    const i = this.docs.get(rel);
    return i !== undefined && this.currentAt(i, stamp);
  }

  private currentAt(i: number, stamp: FileStamp): boolean {
    const { stamps } = this;
    return (
      stamps[i * 4] === stamp.size &&
      stamps[i * 4 + 1] === stamp.mtimeMs &&
      stamps[i * 4 + 2] === stamp.ctimeMs &&
      stamps[i * 4 + 3] === stamp.ino
    );
  }

  /**
   * True when these are exactly the notes indexed, in the stored order, each
   * at the version it was indexed from: the search then needs nothing else.
   * Without a map of paths, the way 10,000 unchanged notes are checked fastest.
   */
  holdsExactly(paths: string[], stampAt: (i: number) => FileStamp | null, prefix = ''): boolean {
    if (paths.length !== this.head.count) return false;
    // `prefix` before each stored path: a caller holding whole file names makes no path of its own.
    if (!samePaths(paths, this.pathsText, prefix)) return false;
    for (let i = 0; i < paths.length; i++) {
      const stamp = stampAt(i);
      if (!stamp || !this.currentAt(i, stamp)) return false;
    }
    return true;
  }

  /** The stamp `rel` (or note number `rel`, in the stored order) was indexed at (null: index it again next time). */
  stamp(rel: string | number): StoredStamp {
    const i = typeof rel === 'number' ? rel : this.docs.get(rel);
    if (i === undefined || i < 0 || i >= this.head.count) return null;
    const values = [0, 1, 2, 3].map((k) => this.stamps[i * 4 + k]!);
    return values.some(Number.isNaN) ? null : (values as [number, number, number, number]);
  }

  /**
   * The texts of these notes (those the file holds; see storedText), read at
   * once when they lie close together (a common word: most of a conference's
   * notes), else one by one. A note is named by its path, or by its number
   * in the stored order with the key to give it.
   */
  textsOf(rels: (string | [string, number])[]): Map<string, string> {
    const found = new Map<string, string>();
    const spans: [string, number, number][] = [];
    for (const rel of rels) {
      const [key, i] = typeof rel === 'string' ? [rel, this.docs.get(rel)] : rel;
      if (i !== undefined && i >= 0 && i < this.head.count)
        spans.push([key, this.texts.readUInt32LE(i * 8), this.texts.readUInt32LE(i * 8 + 4)]);
    }
    if (spans.length === 0) return found;
    let [start, end, wanted] = [Number.POSITIVE_INFINITY, 0, 0];
    for (const [, offset, length] of spans) {
      start = Math.min(start, offset);
      end = Math.max(end, offset + length);
      wanted += length;
    }
    try {
      if (end - start <= 2 * wanted + GAP) {
        const bytes = this.data(start, end - start);
        for (const [rel, offset, length] of spans)
          found.set(rel, bytes.toString('utf8', offset - start, offset - start + length));
      } else {
        for (const [rel, offset, length] of spans) found.set(rel, this.data(offset, length).toString('utf8'));
      }
    } catch {
      // Damaged: the caller reads the notes themselves.
    }
    return found;
  }

  /** Bytes of the data after the head: `offset` counts from MiniSearch's JSON. */
  private data(offset: number, length: number): Buffer {
    const bytes = readAt(this.fd, this.restStart + offset, length);
    if (bytes.length !== length) throw new Error('damaged: short read');
    return bytes;
  }

  /** The whole index, to change it. */
  loadAll(options: Options): MiniSearch {
    const { termCount } = this.head;
    const terms = termCount === 0 ? [] : this.terms.slice(1, -1).split(NUL);
    return this.load(
      options,
      terms.map((term, i) => [term, i]),
    );
  }

  /**
   * An index holding only the postings of these terms (and of words starting
   * with `prefix`, the last term): to search, not to save. Null when one of
   * the terms every hit must hold is not in this conference at all.
   */
  loadFor(options: Options, terms: string[], prefix: string | null): MiniSearch | null {
    const { terms: all } = this;
    // Where each wanted term starts in the terms (at its leading NUL)...
    const found = new Map<string, number>();
    const exact = prefix === null ? terms : terms.slice(0, -1);
    for (const term of exact) {
      if (found.has(term)) continue;
      const at = term && !term.includes(NUL) ? all.indexOf(`${NUL}${term}${NUL}`) : -1;
      // Every word must be found: a conference without one of them has no hit.
      if (at < 0) return null;
      found.set(term, at);
    }
    if (prefix !== null) {
      let any = false;
      if (prefix && !prefix.includes(NUL)) {
        for (let at = all.indexOf(`${NUL}${prefix}`); at !== -1 && at < all.length - 1; ) {
          const end = all.indexOf(NUL, at + 1);
          const term = all.slice(at + 1, end);
          if (!found.has(term)) found.set(term, at);
          any = true;
          at = all.indexOf(`${NUL}${prefix}`, end);
        }
      }
      if (!any) return null;
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
    return this.load(options, numbered, true);
  }

  /** MiniSearch over these terms' postings; with `onlyTheirNotes`, knowing only the notes those name. */
  private load(options: Options, terms: [string, number][], onlyTheirNotes = false): MiniSearch {
    const { termCount, sizes } = this.head;
    const restBytes = this.restBytes ?? this.data(0, sizes.rest);
    const rest = JSON.parse(restBytes.toString('utf8')) as Omit<AsPlainObject, 'index'>;
    const index: AsPlainObject['index'] = [];
    for (const [term, i] of terms) {
      if (i >= termCount) throw new Error('damaged terms');
      const line = this.data(this.spans.readUInt32LE(i * 8), this.spans.readUInt32LE(i * 8 + 4));
      index.push([term, JSON.parse(line.toString('utf8')) as Postings]);
    }
    const plain = { ...rest, index } as AsPlainObject;
    return MiniSearch.loadJS(onlyTheirNotes ? withNotesOf(plain) : plain, options);
  }
}
