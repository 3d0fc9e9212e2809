/**
 * The note cache through its public functions only (the layout may change):
 * rows of real notes round-trip, a row of another shape is no row, a cache of
 * another format is no cache even with rows, and damaged bytes are no cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeCache,
  encodeCache,
  PACK_LAYOUT,
  type PackedCache,
} from '../../src/core/note/note-cache-file.js';
import {
  cacheFormatOf,
  metaOfRow,
  NOTE_CACHE_FORMAT,
  rowOf,
  statStamp,
} from '../../src/core/note/note-cache-format.js';
import { READ_HELPERS } from '../../src/core/note/field-values.js';
import { parseNote } from '../../src/core/note/note.js';
import { NOTE_FIELDS, NOTE_SCHEMA, type FieldSpec } from '../../src/core/note/schema.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const metas = [
  parseNote(note({ title: 'Alpha', tags: '[storage, HA]', rating: '4', favorite: 'true' })).meta,
  parseNote(note({ title: '"Ünïcode — \\"quoted\\" \\\\ back"', speakers: '[Ann, Bob]', private: 'true' }))
    .meta,
  parseNote(note({ title: 'Links', links: '{slides: https://a.example/s}', video: 'https://a.example/v' }))
    .meta,
];

/** A cache of the real notes above, at `conf/<n>.md`. */
function realCache(): PackedCache {
  return {
    paths: metas.map((_, i) => `conf/sub folder/${i}-é.md`),
    stamps: Float64Array.from(metas.flatMap((_, i) => [100 + i, 1.7e12 + i / 3, 1.7e12 + 0.5, 4242 + i])),
    tags: metas.map((meta) => meta.tags),
    rows: metas.map(rowOf),
  };
}

const decoded = (bytes: Buffer, format = NOTE_CACHE_FORMAT) => decodeCache(format, bytes);

describe('a row', () => {
  it('is a note fields as a JSON array in schema order, and reads back as the same fields', () => {
    for (const meta of metas) {
      const row = rowOf(meta);
      expect(JSON.parse(row)).toEqual(NOTE_FIELDS.map((key) => meta[key]));
      expect(metaOfRow(row)).toEqual(meta);
    }
  });

  it.each<[string, string]>([
    ['not JSON', '[1,'],
    ['empty', ''],
    ['an object', JSON.stringify(Object.fromEntries(NOTE_FIELDS.map((key) => [key, metas[0]![key]])))],
    ['a string', '"Alpha"'],
    ['null', 'null'],
    ['one field short', JSON.stringify(JSON.parse(rowOf(metas[0]!)).slice(0, -1))],
    ['one field more', JSON.stringify([...JSON.parse(rowOf(metas[0]!)), null])],
    ['the title as a number', JSON.stringify([42, ...JSON.parse(rowOf(metas[0]!)).slice(1)])],
    ['the last field of the wrong type', JSON.stringify([...JSON.parse(rowOf(metas[0]!)).slice(0, -1), 7])],
  ])('is no row when %s', (_, text) => {
    expect(metaOfRow(text)).toBeNull();
  });
});

describe('the cache format', () => {
  it('names the fields, and changes with a field key, alias, reader or cache check', () => {
    expect(NOTE_CACHE_FORMAT).toBe(cacheFormatOf(NOTE_SCHEMA));
    expect(NOTE_CACHE_FORMAT).toMatch(
      new RegExp(`^confnotes note cache 3 [0-9a-f]{16}: ${NOTE_FIELDS.join(',')}$`),
    );
    const schema = NOTE_SCHEMA as readonly FieldSpec[];
    const swap = (key: string, change: Partial<FieldSpec>) =>
      cacheFormatOf(schema.map((spec) => (spec.key === key ? { ...spec, ...change } : spec)));
    const formats = [
      NOTE_CACHE_FORMAT,
      swap('favourite', { aliases: ['favorite', 'fav'] }),
      swap('favourite', { aliases: [] }),
      swap('room', { read: (raws) => String(raws[0]) }),
      swap('room', { cached: (value): value is string => typeof value === 'string' }),
      cacheFormatOf(schema.slice(0, -1)),
    ];
    expect(new Set(formats.map((format) => format.split(':')[0])).size).toBe(formats.length);
  });

  it('changes with the code of the helpers the readers call', () => {
    READ_HELPERS.push(() => 'a reader changed');
    try {
      expect(cacheFormatOf(NOTE_SCHEMA)).not.toBe(NOTE_CACHE_FORMAT);
    } finally {
      READ_HELPERS.pop();
    }
    expect(cacheFormatOf(NOTE_SCHEMA)).toBe(NOTE_CACHE_FORMAT);
  });
});

describe('a file stamp', () => {
  it('is the size, times and inode of the file a path names (a link followed), or null', () => {
    const { root } = makeWorkspace();
    const file = path.join(root, 'a.md');
    fs.writeFileSync(file, 'twelve bytes');
    const stats = fs.statSync(file);
    const stamp = { size: 12, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    expect(statStamp(file)).toEqual(stamp);
    fs.symlinkSync(file, path.join(root, 'link.md'));
    expect(statStamp(path.join(root, 'link.md'))).toEqual(stamp);
    expect(statStamp(path.join(root, 'missing.md'))).toBeNull();
  });
});

describe('the packed cache', () => {
  it('reads back the real rows, paths, tags and stamps exactly', () => {
    const cache = realCache();
    const back = decoded(encodeCache(NOTE_CACHE_FORMAT, cache))!;
    expect(back.paths).toEqual(cache.paths);
    expect([...back.stamps]).toEqual([...cache.stamps]);
    expect(back.tags).toEqual([['storage', 'ha'], [], []]);
    expect(back.rows).toEqual(cache.rows);
    expect(back.rows.map((row) => metaOfRow(row))).toEqual(metas);
  });

  it('reads back an empty cache as empty', () => {
    const empty = { paths: [], stamps: new Float64Array(0), tags: [], rows: [] };
    const back = decoded(encodeCache(NOTE_CACHE_FORMAT, empty));
    expect(back).toEqual(empty);
  });

  it('reads back one note, and stamps that are not plain numbers', () => {
    const one = {
      paths: ['conf/a.md'],
      stamps: Float64Array.from([0, -0, Number.NaN, Number.MAX_SAFE_INTEGER]),
      tags: [['x']],
      rows: [rowOf(metas[0]!)],
    };
    const back = decoded(encodeCache(NOTE_CACHE_FORMAT, one))!;
    expect(back.paths).toEqual(['conf/a.md']);
    expect(Object.is(back.stamps[1], -0)).toBe(true);
    expect(back.stamps[2]).toBeNaN();
    expect(back.stamps[3]).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads back whatever the length of the format (the header padding)', () => {
    for (let extra = 0; extra < 9; extra++) {
      const format = `${NOTE_CACHE_FORMAT}${'x'.repeat(extra)}`;
      const back = decoded(encodeCache(format, realCache()), format);
      expect(back?.rows).toEqual(realCache().rows);
      expect([...back!.stamps]).toEqual([...realCache().stamps]);
    }
  });

  it('is no cache in another format, even with rows that would read', () => {
    const bytes = encodeCache(NOTE_CACHE_FORMAT, realCache());
    expect(decoded(bytes)?.rows).toHaveLength(3);
    const other = NOTE_CACHE_FORMAT.replace(/cache [0-9a-f]+/, 'cache 0123456789abcdef');
    for (const format of [other, `${NOTE_CACHE_FORMAT}x`, NOTE_CACHE_FORMAT.slice(0, -1), ''])
      expect(decoded(bytes, format)).toBeNull();
    expect(decoded(encodeCache(other, realCache()))).toBeNull();
  });

  it('is no cache when written in the other byte order', () => {
    const bytes = encodeCache(NOTE_CACHE_FORMAT, realCache());
    expect(bytes.includes(PACK_LAYOUT)).toBe(true);
    const other = PACK_LAYOUT.endsWith('LE')
      ? PACK_LAYOUT.replace(/LE$/, 'BE')
      : PACK_LAYOUT.replace(/BE$/, 'LE');
    const at = bytes.indexOf(PACK_LAYOUT);
    const swapped = Buffer.concat([
      bytes.subarray(0, at),
      Buffer.from(other),
      bytes.subarray(at + other.length),
    ]);
    expect(decoded(swapped)).toBeNull();
    expect(decoded(bytes)).not.toBeNull();
  });

  it('is no cache when its header line is over 4 KiB, even in the format asked for', () => {
    const long = 'f'.repeat(5000);
    expect(decoded(encodeCache(long, realCache()), long)).toBeNull();
    const fits = 'f'.repeat(3000);
    expect(decoded(encodeCache(fits, realCache()), fits)?.rows).toHaveLength(3);
  });

  it('reads a header line of exactly 4 KiB, and not one byte more', () => {
    const firstLine = (format: string) => encodeCache(format, realCache()).indexOf(10);
    const base = firstLine('');
    const exact = 'f'.repeat(4096 - base);
    expect(firstLine(exact)).toBe(4096);
    expect(decoded(encodeCache(exact, realCache()), exact)?.rows).toHaveLength(3);
    const over = `${exact}f`;
    expect(decoded(encodeCache(over, realCache()), over)).toBeNull();
  });

  it('is no cache when its sections disagree on the number of notes', () => {
    const cache = realCache();
    expect(decoded(encodeCache(NOTE_CACHE_FORMAT, { ...cache, tags: cache.tags.slice(1) }))).toBeNull();
    expect(decoded(encodeCache(NOTE_CACHE_FORMAT, { ...cache, rows: cache.rows.slice(1) }))).toBeNull();
    expect(decoded(encodeCache(NOTE_CACHE_FORMAT, { ...cache, rows: [...cache.rows, '[]'] }))).toBeNull();
    expect(decoded(encodeCache(NOTE_CACHE_FORMAT, { ...cache, paths: cache.paths.slice(1) }))).toBeNull();
    expect(decoded(encodeCache(NOTE_CACHE_FORMAT, { ...cache, tags: {} as unknown[] }))).toBeNull();
    // A path holding NUL (no file name does) splits into one path too many.
    const nul = { ...cache, paths: ['conf/a\0b.md', ...cache.paths.slice(1)] };
    expect(decoded(encodeCache(NOTE_CACHE_FORMAT, nul))).toBeNull();
    // Tags that are not a list, even one with a length.
    expect(
      decoded(encodeCache(NOTE_CACHE_FORMAT, { ...cache, tags: { length: 3 } as unknown as unknown[] })),
    ).toBeNull();
    const none = { paths: [], stamps: new Float64Array(0), tags: [], rows: [] };
    expect(decoded(encodeCache(NOTE_CACHE_FORMAT, { ...none, tags: [[]] }))).toBeNull();
  });

  it('is no cache when cut, extended, emptied or not a cache at all', () => {
    const bytes = encodeCache(NOTE_CACHE_FORMAT, realCache());
    const newline = bytes.indexOf(10);
    for (const cut of [1, newline, newline + 1, newline + 9, bytes.length - 1])
      expect(decoded(bytes.subarray(0, cut))).toBeNull();
    expect(decoded(Buffer.concat([bytes, Buffer.from(' ')]))).toBeNull();
    expect(decoded(Buffer.alloc(0))).toBeNull();
    expect(decoded(Buffer.from('\n'))).toBeNull();
    expect(decoded(Buffer.from('null\n'))).toBeNull();
    expect(decoded(Buffer.from(fs.readFileSync(__filename)))).toBeNull();
    const noNewline = Buffer.from(bytes);
    noNewline.fill(0x20, newline, newline + 1);
    expect(decoded(noNewline)).toBeNull();
  });
});

/** `bytes` with its header line changed by `change` (and padded again), the sections left as they are. */
function withHeader(bytes: Buffer, change: (header: Record<string, unknown>) => unknown): Buffer {
  const newline = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Record<string, unknown>;
  const body = bytes.subarray(newline + 1 + ((8 - ((newline + 1) % 8)) % 8));
  const head = Buffer.from(`${JSON.stringify(change(header))}\n`);
  return Buffer.concat([head, Buffer.alloc((8 - (head.length % 8)) % 8, 0x20), body]);
}

type Sections = [number, number, number, number];
const sectionsOf = (header: Record<string, unknown>) => header.sections as Sections;

describe('the packed cache header', () => {
  // Stamps without a zero byte, so that stamp bytes read as a path do not split it.
  const one: PackedCache = {
    paths: ['conf/a.md'],
    stamps: Float64Array.from([1.1, 2.2, 3.3, 4.4]),
    tags: [['x']],
    rows: [rowOf(metas[0]!)],
  };
  const bytes = encodeCache(NOTE_CACHE_FORMAT, one);
  const empty = encodeCache(NOTE_CACHE_FORMAT, {
    paths: [],
    stamps: new Float64Array(0),
    tags: [],
    rows: [],
  });

  it('re-written as it was, reads back the same (so each change below is the only one)', () => {
    expect(withHeader(bytes, (header) => header)).toEqual(bytes);
    expect(decoded(withHeader(bytes, (header) => header))?.paths).toEqual(['conf/a.md']);
    expect(decoded(withHeader(empty, (header) => header))).toEqual(decodeCache(NOTE_CACHE_FORMAT, empty));
    expect(new Uint8Array(one.stamps.buffer).includes(0)).toBe(false);
  });

  it.each<[string, (header: Record<string, unknown>) => unknown]>([
    ['a count one more', (h) => ({ ...h, count: (h.count as number) + 1 })],
    ['a count one less', (h) => ({ ...h, count: (h.count as number) - 1 })],
    ['a count of -1', (h) => ({ ...h, count: -1 })],
    ['a count that is not an integer', (h) => ({ ...h, count: 1.5 })],
    ['a count as text', (h) => ({ ...h, count: '1' })],
    ['no count', (h) => ({ ...h, count: undefined })],
    ['a fifth section of no bytes', (h) => ({ ...h, sections: [...sectionsOf(h), 0] })],
    ['three sections', (h) => ({ ...h, sections: sectionsOf(h).slice(0, 3) })],
    ['sections that are not a list', (h) => ({ ...h, sections: { ...sectionsOf(h), length: 4 } })],
    ['sections as text', (h) => ({ ...h, sections: 'abcd' })],
    // The bytes still add up in each of these: only the header's own check refuses them.
    [
      'stamps 8 bytes short, the paths 8 longer',
      (h) => {
        const [stamps, paths, tags, rows] = sectionsOf(h);
        return { ...h, sections: [stamps - 8, paths + 8, tags, rows] };
      },
    ],
    [
      'section lengths that are not integers',
      (h) => {
        const [stamps, paths, tags, rows] = sectionsOf(h);
        return { ...h, sections: [stamps, paths + 0.5, tags, rows - 0.5] };
      },
    ],
    [
      'a negative section length',
      (h) => {
        const [stamps, paths, tags, rows] = sectionsOf(h);
        return { ...h, sections: [stamps, paths, tags + 1 + rows, -1] };
      },
    ],
  ])('is no cache with %s', (_, change) => {
    expect(decoded(withHeader(bytes, change))).toBeNull();
  });

  it('is no cache when empty with a negative section the others make up for', () => {
    // [0, 0, 3, -1]: the tags read as "[]" and the rows as nothing, were it not for the check.
    const negative = withHeader(empty, (h) => {
      const [stamps, paths, tags] = sectionsOf(h);
      return { ...h, sections: [stamps, paths, tags + 1, -1] };
    });
    expect(decoded(negative)).toBeNull();
    const inPaths = withHeader(empty, (h) => {
      const [stamps, , tags, rows] = sectionsOf(h);
      return { ...h, sections: [stamps, -1, tags + 1, rows] };
    });
    expect(decoded(inPaths)).toBeNull();
    expect(decoded(empty)).toEqual({ paths: [], stamps: new Float64Array(0), tags: [], rows: [] });
  });
});
