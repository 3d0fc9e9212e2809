/**
 * The bytes of one conference's note cache (`.confnotes/notes-cache/<slug>.bin`),
 * packed so that a listing pays only for what it looks at:
 *
 *   line 1   JSON header: format, note count, the byte length of each section
 *   (pad)    up to a multiple of 8
 *   stamps   Float64 × 4 per note: size, mtime, ctime, inode (this machine's byte order)
 *   paths    the workspace-relative paths, joined by NUL (no file name holds one)
 *   tags     one JSON line: every note's tags (what `tags` and `list --tag` filter on)
 *   rows     one JSON line per note: its fields in schema order, parsed only for a note shown
 *
 * Decoding checks the header and every length; anything that does not add
 * up is "no cache" (the caller rebuilds it). Pure: no file system here.
 */
import { isAscii } from 'node:buffer';
import os from 'node:os';

export interface PackedCache {
  paths: string[];
  /** 4 numbers per note, in `paths` order. */
  stamps: Float64Array;
  /** Each note's tags (not yet checked: the reader checks them). */
  tags: unknown[];
  /** Each note's fields as a JSON array, in schema order (parsed when needed). */
  rows: string[];
  /**
   * A decoded cache's row `i` alone: a listing decodes only the rows of the
   * notes it keeps (`rows` decodes them all, on first use).
   */
  rowAt?(i: number): string;
}

/** Row `i` of `cache`, decoding only that one where it can. */
export const rowOfPacked = (cache: PackedCache, i: number): string => cache.rowAt?.(i) ?? cache.rows[i]!;

interface Header {
  format: string;
  count: number;
  /** Byte lengths of stamps, paths, tags, rows. */
  sections: [number, number, number, number];
}

/** The byte order is part of the format: a cache copied to another machine kind is rebuilt. */
export const PACK_LAYOUT = `packed 1 ${os.endianness()}`;

const NUL = '\0';

/** Where each of `count` newline-separated rows ends, or null when there are not exactly `count`. */
function rowEnds(rowBytes: Buffer, count: number): Uint32Array | null {
  const ends = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count - 1; i++) {
    const newline = rowBytes.indexOf(10, at);
    if (newline < 0) return null;
    ends[i] = newline;
    at = newline + 1;
  }
  if (count > 0) {
    if (rowBytes.indexOf(10, at) >= 0) return null;
    ends[count - 1] = rowBytes.length;
  } else if (rowBytes.length > 0) return null;
  return ends;
}

export function encodeCache(format: string, cache: PackedCache): Buffer {
  const count = cache.paths.length;
  const stamps = Buffer.from(cache.stamps.buffer, cache.stamps.byteOffset, count * 32);
  const paths = Buffer.from(cache.paths.join(NUL));
  const tags = Buffer.from(JSON.stringify(cache.tags));
  const rows = Buffer.from(cache.rows.join('\n'));
  const header: Header = {
    format: `${format} ${PACK_LAYOUT}`,
    count,
    sections: [stamps.length, paths.length, tags.length, rows.length],
  };
  const head = Buffer.from(`${JSON.stringify(header)}\n`);
  const pad = Buffer.alloc((8 - (head.length % 8)) % 8, 0x20);
  return Buffer.concat([head, pad, stamps, paths, tags, rows]);
}

/** Where a cache's sections lie, from its header line; the rows section is last, from `rowsStart` to the end. */
export interface CacheLayout {
  count: number;
  /** Byte lengths of stamps, paths, tags, rows. */
  sections: [number, number, number, number];
  /** Where the stamps begin (after the header line and its padding). */
  stampsStart: number;
  rowsStart: number;
}

/** The longest header line believed. */
const MAX_HEADER_BYTES = 4096;

/**
 * The layout of a cache of `format` that is `total` bytes long, read from its
 * first bytes (`head`, which must hold the header line), or null when the
 * header does not add up. Never throws.
 */
export function cacheLayout(format: string, head: Buffer, total: number): CacheLayout | null {
  try {
    const newline = head.indexOf(10);
    if (newline < 0 || newline > MAX_HEADER_BYTES) return null;
    const header = JSON.parse(head.toString('utf8', 0, newline)) as Header;
    if (!header || header.format !== `${format} ${PACK_LAYOUT}`) return null;
    const { count, sections } = header;
    if (!Number.isInteger(count) || count < 0 || !Array.isArray(sections) || sections.length !== 4)
      return null;
    if (!sections.every((n) => Number.isInteger(n) && n >= 0) || sections[0] !== count * 32) return null;
    let stampsStart = newline + 1;
    stampsStart += (8 - (stampsStart % 8)) % 8;
    if (stampsStart + sections.reduce((a, b) => a + b, 0) !== total) return null;
    return { count, sections, stampsStart, rowsStart: total - sections[3] };
  } catch {
    return null;
  }
}

/** The cache in `bytes`, or null when it is not exactly a cache of `format`. Never throws. */
export function decodeCache(format: string, bytes: Buffer): PackedCache | null {
  const layout = cacheLayout(format, bytes, bytes.length);
  if (!layout) return null;
  const rowBytes = bytes.subarray(layout.rowsStart);
  // Every row is there to count: a cache with a row too many or too few is no cache.
  if (!rowEnds(rowBytes, layout.count)) return null;
  return decodeSections(bytes, layout, () => rowBytes);
}

/**
 * The cache whose bytes up to its rows are `head` (laid out as `layout`), its
 * rows section read by `readRows` only when the first row is asked for: a
 * listing that keeps no note of a conference (`tags`) never reads its rows.
 * Rows that cannot be read, or do not add up, read as '' (no row: the caller
 * reads the note itself, and ConferenceCache.pack leaves the row out). Nothing is kept of `head`.
 */
export function decodeSections(
  head: Buffer,
  layout: CacheLayout,
  readRows: () => Buffer | null,
): PackedCache | null {
  try {
    const { count, sections } = layout;
    let offset = layout.stampsStart;
    const stamps = new Float64Array(count * 4);
    new Uint8Array(stamps.buffer).set(head.subarray(offset, offset + sections[0]));
    offset += sections[0];
    const pathText = head.toString('utf8', offset, offset + sections[1]);
    offset += sections[1];
    const tags = JSON.parse(head.toString('utf8', offset, offset + sections[2])) as unknown;
    const paths = count === 0 ? [] : pathText.split(NUL);
    if (!Array.isArray(tags) || paths.length !== count || tags.length !== count) return null;
    // Rows are ASCII but for non-English text: then the section is decoded once, on the first row
    // asked for (as one string, each row a slice of it), else each row asked for is decoded alone.
    let loaded: { bytes: Buffer; ends: Uint32Array; ascii: boolean; text?: string } | null | undefined;
    const rowAt = (i: number) => {
      if (loaded === undefined) {
        const bytes = readRows();
        const ends = bytes && bytes.length === sections[3] ? rowEnds(bytes, count) : null;
        loaded = bytes && ends ? { bytes, ends, ascii: isAscii(bytes) } : null;
      }
      if (loaded === null) return '';
      const { bytes, ends } = loaded;
      const start = i === 0 ? 0 : ends[i - 1]! + 1;
      if (!loaded.ascii) return bytes.toString('utf8', start, ends[i]);
      loaded.text ??= bytes.toString('latin1');
      return loaded.text.slice(start, ends[i]);
    };
    let rows: string[] | undefined;
    const cache: PackedCache = {
      paths,
      stamps,
      tags,
      get rows() {
        rows ??= Array.from({ length: count }, (_, i) => rowAt(i));
        return rows;
      },
      set rows(value: string[]) {
        rows = value;
      },
    };
    // Not enumerable: a decoded cache equals (and spreads as) the plain object it was encoded from.
    Object.defineProperty(cache, 'rowAt', { value: (i: number) => (rows ? rows[i]! : rowAt(i)) });
    return cache;
  } catch {
    return null;
  }
}
