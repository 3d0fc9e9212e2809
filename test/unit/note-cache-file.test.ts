/** The packed note cache: a round trip of any content, and damaged bytes are "no cache", never a crash. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOTE_CACHE_FORMAT } from '../../src/core/note/note-cache.js';
import { decodeCache, encodeCache, type PackedCache } from '../../src/core/note/note-cache-file.js';
import { scanNotes } from '../../src/core/note/store.js';
import { cacheFile, readCache } from '../helpers/note-cache.js';
import { defaultConference, makeWorkspace, note } from '../helpers/workspace.js';

const later = () => ({ cache: { now: Date.now() + 60_000 } });

const packedCache: fc.Arbitrary<PackedCache> = fc
  .array(
    fc.record({
      // Any text but NUL (no file name holds one), sub-folders and non-ASCII included.
      path: fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((p) => !p.includes('\0')),
      stamp: fc.array(fc.double({ noNaN: true }), { minLength: 4, maxLength: 4 }),
      tags: fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }),
      fields: fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), {
        maxLength: 16,
      }),
    }),
    { maxLength: 20 },
  )
  .map((rows) => ({
    paths: rows.map((row) => row.path),
    stamps: Float64Array.from(rows.flatMap((row) => row.stamp)),
    tags: rows.map((row) => row.tags),
    rows: rows.map((row) => JSON.stringify(row.fields)),
  }));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the packed note cache', () => {
  it('reads back exactly what was written', () => {
    fc.assert(
      fc.property(packedCache, (cache) => {
        const back = decodeCache(NOTE_CACHE_FORMAT, encodeCache(NOTE_CACHE_FORMAT, cache));
        expect(back).not.toBeNull();
        expect(back!.paths).toEqual(cache.paths);
        expect([...back!.stamps]).toEqual([...cache.stamps]);
        expect(back!.tags).toEqual(cache.tags);
        expect(back!.rows).toEqual(cache.rows);
      }),
    );
  });

  it('is no cache when truncated anywhere, extended, flipped or of another format, and never throws', () => {
    fc.assert(
      fc.property(packedCache, fc.nat(), fc.integer({ min: 0, max: 255 }), (cache, at, byte) => {
        const bytes = encodeCache(NOTE_CACHE_FORMAT, cache);
        const cut = at % bytes.length;
        expect(decodeCache(NOTE_CACHE_FORMAT, bytes.subarray(0, cut))).toBeNull();
        expect(decodeCache(NOTE_CACHE_FORMAT, Buffer.concat([bytes, Buffer.from([byte])]))).toBeNull();
        expect(decodeCache(`${NOTE_CACHE_FORMAT}x`, bytes)).toBeNull();
        const flipped = Buffer.from(bytes);
        flipped[cut] = byte;
        expect(() => decodeCache(NOTE_CACHE_FORMAT, flipped)).not.toThrow();
      }),
    );
  });

  it('holds real rows in this build format, and a scan of a truncated cache rebuilds it', () => {
    const { ws, confDir } = makeWorkspace();
    fs.writeFileSync(path.join(confDir, '2013-04-16-1000-a.md'), note({ title: 'Alpha', tags: '[storage]' }));
    fs.writeFileSync(path.join(confDir, '2013-04-16-1100-b.md'), note({ title: 'Bravo', rating: '4' }));
    const expected = scanNotes(ws, undefined, { cache: false }).notes.map((n) => ({ ...n }));
    scanNotes(ws, undefined, later());
    const packed = readCache(ws);
    expect(packed.paths).toEqual(['conf/2013-04-16-1000-a.md', 'conf/2013-04-16-1100-b.md']);
    expect(packed.tags).toEqual([['storage'], []]);
    expect(JSON.parse(packed.rows[1]!).slice(0, 2)).toEqual(['Bravo', 'session']);
    const bytes = fs.readFileSync(cacheFile(ws));
    expect(bytes.toString('utf8', 0, bytes.indexOf(10))).toContain(NOTE_CACHE_FORMAT);
    fs.writeFileSync(cacheFile(ws), bytes.subarray(0, bytes.length - 7));
    expect(scanNotes(ws, undefined, later()).notes.map((n) => ({ ...n }))).toEqual(expected);
    expect(readCache(ws).paths).toHaveLength(2);
  });

  it('reads only the caches of the conferences scanned', () => {
    const { ws, root } = makeWorkspace();
    for (const slug of ['one', 'two']) {
      fs.mkdirSync(path.join(root, slug));
      fs.writeFileSync(path.join(root, slug, 'conference.md'), defaultConference);
      fs.writeFileSync(
        path.join(root, slug, '2013-04-16-1000-x.md'),
        note({ title: `In ${slug}`, conference: slug }),
      );
    }
    scanNotes(ws, undefined, later());
    expect(fs.existsSync(cacheFile(ws, 'two'))).toBe(true);
    const opened: string[] = [];
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
      opened.push(String(args[0]));
      return open(...args);
    });
    expect(scanNotes(ws, ['one'], later()).notes.map((n) => n.title)).toEqual(['In one']);
    expect(opened).toContain(cacheFile(ws, 'one'));
    expect(opened.filter((file) => file.includes('notes-cache') && file !== cacheFile(ws, 'one'))).toEqual(
      [],
    );
  });
});
