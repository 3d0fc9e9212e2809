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
import os from 'node:os';

export interface PackedCache {
  paths: string[];
  /** 4 numbers per note, in `paths` order. */
  stamps: Float64Array;
  /** Each note's tags (not yet checked: the reader checks them). */
  tags: unknown[];
  /** Each note's fields as a JSON array, in schema order (parsed when needed). */
  rows: string[];
}

interface Header {
  format: string;
  count: number;
  /** Byte lengths of stamps, paths, tags, rows. */
  sections: [number, number, number, number];
}

/** The byte order is part of the format: a cache copied to another machine kind is rebuilt. */
export const PACK_LAYOUT = `packed 1 ${os.endianness()}`;

const NUL = '\0';

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

/** The cache in `bytes`, or null when it is not exactly a cache of `format`. Never throws. */
export function decodeCache(format: string, bytes: Buffer): PackedCache | null {
  try {
    const newline = bytes.indexOf(10);
    if (newline < 0 || newline > 4096) return null;
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Header;
    if (!header || header.format !== `${format} ${PACK_LAYOUT}`) return null;
    const { count, sections } = header;
    if (!Number.isInteger(count) || count < 0 || !Array.isArray(sections) || sections.length !== 4)
      return null;
    if (!sections.every((n) => Number.isInteger(n) && n >= 0) || sections[0] !== count * 32) return null;
    let offset = newline + 1;
    offset += (8 - (offset % 8)) % 8;
    if (offset + sections.reduce((a, b) => a + b, 0) !== bytes.length) return null;
    const stamps = new Float64Array(count * 4);
    new Uint8Array(stamps.buffer).set(bytes.subarray(offset, offset + sections[0]));
    offset += sections[0];
    const pathText = bytes.toString('utf8', offset, offset + sections[1]);
    offset += sections[1];
    const tags = JSON.parse(bytes.toString('utf8', offset, offset + sections[2])) as unknown;
    offset += sections[2];
    const rowText = bytes.toString('utf8', offset, offset + sections[3]);
    const paths = count === 0 ? [] : pathText.split(NUL);
    const rows = count === 0 ? [] : rowText.split('\n');
    if (!Array.isArray(tags) || paths.length !== count || tags.length !== count || rows.length !== count)
      return null;
    return { paths, stamps, tags, rows };
  } catch {
    return null;
  }
}
