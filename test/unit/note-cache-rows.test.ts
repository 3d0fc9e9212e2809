/**
 * A conference's cache rows are read only when a scan keeps one of its notes
 * (`tags` keeps none), through the descriptor the rest was read from; rows
 * that cannot be read back are no rows: those notes are read from their
 * files and the cache is mended.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeCache, decodeSections, encodeCache } from '../../src/core/note/note-cache-file.js';
import { NOTE_CACHE_FORMAT, rowOf } from '../../src/core/note/note-cache-format.js';
import { parseNote } from '../../src/core/note/note.js';
import { scanEntries, scanNotes, type ScanResult } from '../../src/core/note/store.js';
import { cacheFile, readCache } from '../helpers/note-cache.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const later = () => ({ now: Date.now() + 60_000 });

const comparable = (result: ScanResult) => result.notes.map((n) => ({ ...n }));

function setUp() {
  const { ws, confDir } = makeWorkspace();
  for (const [name, title, tags] of [
    ['2013-04-16-1000-a.md', 'Alpha', '[storage, cinder]'],
    ['2013-04-16-1100-b.md', 'Bravo', '[networking]'],
  ] as const)
    fs.writeFileSync(path.join(confDir, name), note({ title, tags }, '## Notes\n\n- a line\n'));
  return ws;
}

/** How many reads go to the conference's cache file during `run`. */
function readsOfCache(file: string, run: () => void): number {
  const fds = new Set<number>();
  const open = fs.openSync;
  let reads = 0;
  const opening = vi.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
    const fd = open(...args);
    if (args[0] === file) fds.add(fd);
    return fd;
  });
  const read = fs.readSync;
  const reading = vi.spyOn(fs, 'readSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
    if (fds.has(fd)) reads++;
    return (read as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.readSync);
  try {
    run();
  } finally {
    opening.mockRestore();
    reading.mockRestore();
  }
  return reads;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the rows of a conference cache', () => {
  const meta = parseNote(note({ title: 'Alpha', tags: '[x]' })).meta;
  const bytes = encodeCache(NOTE_CACHE_FORMAT, {
    paths: ['conf/a.md'],
    stamps: Float64Array.from([1, 2, 3, 4]),
    tags: [['x']],
    rows: [rowOf(meta)],
  });
  const layout = () => {
    const header = JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(10))) as { sections: number[] };
    const rowsStart = bytes.length - header.sections[3]!;
    const stampsStart = rowsStart - header.sections.slice(0, 3).reduce((a, b) => a + b, 0);
    return {
      count: 1,
      sections: header.sections as [number, number, number, number],
      stampsStart,
      rowsStart,
    };
  };

  it('are read when a row is first asked for, and once', () => {
    const l = layout();
    const readRows = vi.fn(() => bytes.subarray(l.rowsStart));
    const packed = decodeSections(bytes.subarray(0, l.rowsStart), l, readRows)!;
    expect(packed.paths).toEqual(['conf/a.md']);
    expect(packed.tags).toEqual([['x']]);
    expect(readRows).not.toHaveBeenCalled();
    expect(packed.rowAt!(0)).toBe(rowOf(meta));
    expect(packed.rows).toEqual([rowOf(meta)]);
    expect(readRows).toHaveBeenCalledTimes(1);
  });

  it.each<[string, () => Buffer | null]>([
    ['cannot be read', () => null],
    ['are one byte short', () => bytes.subarray(layout().rowsStart + 1)],
    ['hold one row too many', () => Buffer.from(`${rowOf(meta).slice(1)}\n`)],
  ])('read as no row ("") when they %s', (_, readRows) => {
    const l = layout();
    const packed = decodeSections(bytes.subarray(0, l.rowsStart), l, readRows)!;
    expect(packed.rowAt!(0)).toBe('');
    // Read whole, the same damage is no cache at all.
    const whole = readRows();
    if (whole)
      expect(
        decodeCache(NOTE_CACHE_FORMAT, Buffer.concat([bytes.subarray(0, l.rowsStart), whole])),
      ).toBeNull();
  });
});

describe('a scan', () => {
  it('that keeps no note reads no row of the cache; one that keeps a note reads them once', () => {
    const ws = setUp();
    scanNotes(ws, undefined, { cache: later() });
    const file = cacheFile(ws);
    const counted: string[][] = [];
    const none = readsOfCache(file, () =>
      scanEntries(ws, undefined, {
        cache: later(),
        keep: (tags) => {
          counted.push(tags);
          return false;
        },
      }),
    );
    expect(counted).toEqual([['storage', 'cinder'], ['networking']]);
    expect(none).toBe(1);
    let listed: string[] = [];
    const all = readsOfCache(file, () => {
      listed = scanNotes(ws, undefined, { cache: later() }).notes.map((n) => n.title);
    });
    expect(listed).toEqual(['Alpha', 'Bravo']);
    expect(all).toBe(2);
  });

  it('reads the notes whose rows do not read back from their files, and mends the cache', () => {
    const ws = setUp();
    const expected = comparable(scanNotes(ws, undefined, { cache: false }));
    scanNotes(ws, undefined, { cache: later() });
    const file = cacheFile(ws);
    // The rows joined into one (a newline made a space): the header still adds up, the rows do not.
    const damaged = fs.readFileSync(file);
    damaged[damaged.lastIndexOf(10)] = 0x20;
    fs.writeFileSync(file, damaged);
    expect(decodeCache(NOTE_CACHE_FORMAT, damaged)).toBeNull();
    // A scan that keeps nothing needs no row, and writes nothing.
    scanEntries(ws, undefined, { cache: later(), keep: () => false });
    expect(fs.readFileSync(file)).toEqual(damaged);
    expect(comparable(scanNotes(ws, undefined, { cache: later() }))).toEqual(expected);
    expect(readCache(ws).rows).toHaveLength(2);
    expect(comparable(scanNotes(ws, undefined, { cache: later() }))).toEqual(expected);
  });
});
