import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NOTE_CACHE_DIR,
  NOTE_CACHE_FORMAT,
  NoteCache,
  RECENT_MS,
  noteCacheFileOf,
  statStamp,
  type FileStamp,
} from '../../src/core/note/note-cache.js';
import { encodeCache } from '../../src/core/note/note-cache-file.js';
import type { NoteMeta } from '../../src/core/note/schema.js';
import { scanNotes } from '../../src/core/note/store.js';
import { makeWorkspace, note } from '../helpers/workspace.js';
import { cacheFile, editRow, readCache, writeCache } from '../helpers/note-cache.js';

const NOW = Date.now() + 60_000;
const later = () => ({ cache: { now: NOW } });
const NAMES = ['a', 'b', 'c', 'd'];
const relOf = (name: string) => `conf/2013-04-16-1000-${name}.md`;

/** A workspace with four cached notes, and the meta and stamp of each. */
function setUp() {
  const { ws, root, confDir } = makeWorkspace();
  for (const name of NAMES) {
    fs.writeFileSync(
      path.join(confDir, `2013-04-16-1000-${name}.md`),
      note({ title: `Title ${name}`, tags: `[t${name}]` }),
    );
  }
  scanNotes(ws, undefined, later());
  const stamps = new Map<string, FileStamp>();
  const metas = new Map<string, NoteMeta>();
  const cache = NoteCache.load(ws, { now: NOW });
  for (const name of NAMES) {
    const stamp = statStamp(path.join(confDir, `2013-04-16-1000-${name}.md`))!;
    stamps.set(name, stamp);
    metas.set(name, cache.lookup(relOf(name), stamp)!);
  }
  return { ws, root, confDir, stamps, metas };
}

const titles = (cache: NoteCache, order: string[], stamps: Map<string, FileStamp>) =>
  order.map((name) => cache.lookup(relOf(name), stamps.get(name)!)?.title ?? null);

const old = (stamp: FileStamp, mtimeMs: number, ctimeMs = mtimeMs): FileStamp => ({
  ...stamp,
  mtimeMs,
  ctimeMs,
});

describe('the note cache, path by path', () => {
  it('answers every row asked for in any order, twice over', () => {
    const { ws, stamps } = setUp();
    for (const order of [
      ['a', 'b', 'c', 'd'],
      ['d', 'c', 'b', 'a'],
      ['b', 'a', 'd', 'c'],
      ['c', 'c', 'a', 'a', 'd', 'b', 'b'],
      ['a', 'c', 'b', 'd'],
    ]) {
      const cache = NoteCache.load(ws, { now: NOW });
      expect(titles(cache, order, stamps)).toEqual(order.map((name) => `Title ${name}`));
      expect(cache.entry(relOf('x'), stamps.get('a')!)).toBeNull();
      expect(titles(cache, order, stamps)).toEqual(order.map((name) => `Title ${name}`));
      expect(cache.entry(relOf(order[0]!), stamps.get(order[0]!)!)?.tags).toEqual([`t${order[0]}`]);
    }
  });

  it('never serves a row under the stamp of another row', () => {
    const { ws, stamps } = setUp();
    const cache = NoteCache.load(ws, { now: NOW });
    expect(cache.lookup(relOf('b'), stamps.get('a')!)).toBeNull();
    expect(cache.lookup(relOf('a'), stamps.get('b')!)).toBeNull();
    expect(cache.lookup(relOf('a'), stamps.get('a')!)?.title).toBe('Title a');
  });

  it('has no row, stores nothing and writes nothing for a path outside a conference folder', () => {
    const { ws, stamps, metas } = setUp();
    const stamp = old(stamps.get('a')!, NOW - 10 * RECENT_MS);
    for (const rel of ['top.md', '/conf/x.md', '../conf/x.md', '../x.md']) {
      const cache = NoteCache.load(ws, { now: NOW });
      expect(cache.lookup(rel, stamp)).toBeNull();
      cache.remember(rel, stamp, metas.get('a')!);
      cache.forget(rel);
      expect(cache.lookup(rel, stamp)).toBeNull();
      expect(cache.save()).toBe(0);
    }
    const dir = path.join(ws.root, '.confnotes', NOTE_CACHE_DIR);
    expect(fs.readdirSync(dir).sort()).toEqual(['.gitignore', 'conf.bin']);
  });

  it('serves no row once it was forgotten or remembered anew in this scan', () => {
    const { ws, stamps, metas } = setUp();
    const cache = NoteCache.load(ws, { now: NOW });
    cache.forget(relOf('b'));
    const stampC = old(stamps.get('c')!, NOW - 10 * RECENT_MS);
    cache.remember(relOf('c'), stampC, metas.get('c')!);
    expect(titles(cache, NAMES, stamps)).toEqual(['Title a', null, null, 'Title d']);
    expect(cache.lookup(relOf('c'), stampC)).toBeNull();
    expect(cache.save()).toBe(1);
    const packed = readCache(ws);
    expect(packed.paths).toEqual([relOf('a'), relOf('c'), relOf('d')]);
    expect(Array.from(packed.stamps.subarray(4, 8))).toEqual([
      stampC.size,
      stampC.mtimeMs,
      stampC.ctimeMs,
      stampC.ino,
    ]);
    for (const [i, name] of ['a', 'd'].entries()) {
      const s = stamps.get(name)!;
      expect(Array.from(packed.stamps.subarray(i * 8, i * 8 + 4))).toEqual([
        s.size,
        s.mtimeMs,
        s.ctimeMs,
        s.ino,
      ]);
    }
    expect(packed.tags).toEqual([['ta'], ['tc'], ['td']]);
    const again = NoteCache.load(ws, { now: NOW });
    expect(again.lookup(relOf('c'), stampC)?.title).toBe('Title c');
    expect(titles(again, ['a', 'b', 'd'], stamps)).toEqual(['Title a', null, 'Title d']);
  });

  it('stores a note changed exactly RECENT_MS ago, and none changed later, by its mtime or its ctime', () => {
    const { ws, stamps, metas } = setUp();
    const stamp = stamps.get('a')!;
    const cases: [FileStamp, boolean][] = [
      [old(stamp, NOW - RECENT_MS), true],
      [old(stamp, NOW - RECENT_MS + 1), false],
      [old(stamp, NOW - 10 * RECENT_MS, NOW - RECENT_MS + 1), false],
      [old(stamp, NOW - RECENT_MS + 1, NOW - 10 * RECENT_MS), false],
    ];
    for (const [s, stored] of cases) {
      const cache = NoteCache.load(ws, { now: NOW });
      cache.remember(relOf('a'), s, metas.get('a')!);
      expect(cache.save()).toBe(1);
      // Not stored: the old row is dropped as well, so it is read again.
      expect(readCache(ws).paths.includes(relOf('a'))).toBe(stored);
      expect(NoteCache.load(ws, { now: NOW }).lookup(relOf('a'), s)?.title ?? null).toBe(
        stored ? 'Title a' : null,
      );
      scanNotes(ws, undefined, later());
    }
  });

  it('writes nothing when a forgotten path had no row, and writes once for one it had', () => {
    const { ws, stamps, metas } = setUp();
    const cache = NoteCache.load(ws, { now: NOW });
    cache.forget(relOf('x'));
    cache.forget(relOf('x'));
    expect(cache.save()).toBe(0);
    cache.forget(relOf('a'));
    cache.forget(relOf('a'));
    expect(cache.save()).toBe(1);
    expect(cache.save()).toBe(0);
    const fresh = old(stamps.get('a')!, NOW - 10 * RECENT_MS);
    const next = NoteCache.load(ws, { now: NOW });
    next.remember(relOf('x'), fresh, metas.get('a')!);
    next.forget(relOf('x'));
    expect(next.save()).toBe(1);
    expect(readCache(ws).paths).toEqual([relOf('b'), relOf('c'), relOf('d')]);
  });

  it('prunes the rows not in seen, or without it the rows never asked for', () => {
    const { ws, stamps } = setUp();
    const withSeen = NoteCache.load(ws, { now: NOW });
    withSeen.prune(['conf'], new Set([relOf('b'), relOf('d')]));
    expect(withSeen.save()).toBe(1);
    expect(readCache(ws).paths).toEqual([relOf('b'), relOf('d')]);

    scanNotes(ws, undefined, later());
    const asked = NoteCache.load(ws, { now: NOW });
    expect(titles(asked, ['c', 'a'], stamps)).toEqual(['Title c', 'Title a']);
    asked.prune(['conf', 'nothing-here']);
    expect(asked.save()).toBe(1);
    expect(readCache(ws).paths).toEqual([relOf('a'), relOf('c')]);
    expect(titles(NoteCache.load(ws, { now: NOW }), ['a', 'c'], stamps)).toEqual(['Title a', 'Title c']);

    const none = NoteCache.load(ws, { now: NOW });
    none.prune(['', '..']);
    expect(none.save()).toBe(0);

    const all = NoteCache.load(ws, { now: NOW });
    titles(all, ['c', 'a'], stamps);
    all.prune(['conf']);
    expect(all.save()).toBe(0);
  });

  it('prunes a note deleted between two scans with a keep filter that keeps none', () => {
    const { ws, confDir } = setUp();
    fs.rmSync(path.join(confDir, '2013-04-16-1000-b.md'));
    const result = scanNotes(ws, undefined, { ...later(), keep: () => false });
    expect(result.notes).toEqual([]);
    expect(readCache(ws).paths).toEqual([relOf('a'), relOf('c'), relOf('d')]);
  });

  it('ignores and rewrites a damaged or other-format cache', () => {
    const { ws, stamps } = setUp();
    const good = fs.readFileSync(cacheFile(ws));
    const other = encodeCache(`${NOTE_CACHE_FORMAT}x`, readCache(ws));
    for (const bad of [good.subarray(0, good.length - 3), other, Buffer.from('not a cache')]) {
      fs.writeFileSync(cacheFile(ws), bad);
      const cache = NoteCache.load(ws, { now: NOW });
      expect(titles(cache, NAMES, stamps)).toEqual([null, null, null, null]);
      scanNotes(ws, undefined, later());
      expect(readCache(ws).paths).toEqual(NAMES.map(relOf));
    }
  });

  it('checks the tags of a row against the tags stored beside it', () => {
    const { ws, stamps } = setUp();
    const fieldsOf = readCache(ws).rows.map((row) => JSON.parse(row) as unknown[]);
    const at = fieldsOf[0]!.findIndex((field) => JSON.stringify(field) === '["ta"]');
    expect(at).toBeGreaterThan(-1);
    editRow(ws, relOf('a'), (fields) => {
      fields[at] = ['tb'];
    });
    editRow(ws, relOf('b'), (fields) => {
      fields[at] = ['tb', 'tx'];
    });
    editRow(ws, relOf('c'), (fields) => {
      fields[at] = [];
    });
    const cache = NoteCache.load(ws, { now: NOW });
    expect(titles(cache, NAMES, stamps)).toEqual([null, null, null, 'Title d']);
    // A tag list that is not a list of strings beside the row is no hit either.
    const packed = readCache(ws);
    packed.tags[3] = [1];
    writeCache(ws, packed);
    expect(NoteCache.load(ws, { now: NOW }).entry(relOf('d'), stamps.get('d')!)).toBeNull();
  });

  it('writes the .gitignore once, only with something to write', () => {
    const { ws, stamps } = setUp();
    const ignore = path.join(ws.root, '.confnotes', NOTE_CACHE_DIR, '.gitignore');
    expect(fs.readFileSync(ignore, 'utf8')).toBe('*\n');
    fs.rmSync(ignore);
    scanNotes(ws, undefined, later());
    expect(fs.existsSync(ignore)).toBe(false);
    fs.writeFileSync(ignore, 'mine\n');
    const cache = NoteCache.load(ws, { now: NOW });
    cache.forget(relOf('a'));
    expect(cache.save()).toBe(1);
    expect(fs.readFileSync(ignore, 'utf8')).toBe('mine\n');
    fs.rmSync(ignore);
    const next = NoteCache.load(ws, { now: NOW });
    expect(next.lookup('other/x.md', stamps.get('a')!)).toBeNull();
    next.forget(relOf('b'));
    expect(next.save()).toBe(1);
    expect(fs.readFileSync(ignore, 'utf8')).toBe('*\n');
  });

  it('empties the cache of a conference folder gone, once, and leaves other files alone', () => {
    const { ws, root } = setUp();
    const dir = path.join(root, '.confnotes', NOTE_CACHE_DIR);
    const full = fs.readFileSync(cacheFile(ws));
    fs.writeFileSync(cacheFile(ws, 'gone'), full);
    fs.writeFileSync(cacheFile(ws, 'gone two'), full);
    fs.writeFileSync(path.join(dir, '%zz.bin'), full);
    fs.writeFileSync(path.join(dir, 'gone.txt'), full);
    // A link to nothing, named like a cache: not a reason to fail the save.
    fs.symlinkSync(path.join(root, 'nowhere.bin'), path.join(dir, 'dangling.bin'));
    fs.mkdirSync(path.join(root, 'kept'));
    fs.writeFileSync(cacheFile(ws, 'kept'), full);
    const cache = NoteCache.load(ws, { now: NOW });
    cache.forget(relOf('a'));
    expect(() => cache.save()).not.toThrow();
    expect(fs.existsSync(path.join(root, 'nowhere.bin'))).toBe(false);
    expect(readCache(ws, 'gone').paths).toEqual([]);
    expect(readCache(ws, 'gone two').paths).toEqual([]);
    expect(readCache(ws, 'kept').paths).toEqual(NAMES.map(relOf));
    expect(fs.readFileSync(path.join(dir, '%zz.bin'))).toEqual(full);
    expect(fs.readFileSync(path.join(dir, 'gone.txt'))).toEqual(full);
    const emptied = fs.statSync(cacheFile(ws, 'gone')).ino;
    const next = NoteCache.load(ws, { now: NOW });
    next.forget(relOf('b'));
    expect(next.save()).toBe(1);
    expect(fs.statSync(cacheFile(ws, 'gone')).ino).toBe(emptied);
  });

  it.each([
    ['out of the workspace', '../elsewhere'],
    ['to a folder inside it', 'elsewhere'],
  ])('neither reads nor writes a cache folder that is a link %s', (_, where) => {
    const { ws, root, stamps } = setUp();
    const dir = path.join(root, '.confnotes', NOTE_CACHE_DIR);
    const elsewhere = path.join(root, where);
    fs.renameSync(dir, elsewhere);
    fs.symlinkSync(elsewhere, dir);
    const before = fs.readFileSync(path.join(elsewhere, 'conf.bin'));
    const cache = NoteCache.load(ws, { now: NOW });
    expect(titles(cache, NAMES, stamps)).toEqual([null, null, null, null]);
    cache.forget(relOf('a'));
    cache.remember(relOf('a'), old(stamps.get('a')!, NOW - 10 * RECENT_MS), {
      ...NoteCache.load(ws, { now: NOW }).lookup(relOf('a'), stamps.get('a')!),
      title: 'x',
      tags: [],
    } as NoteMeta);
    expect(cache.save()).toBe(0);
    scanNotes(ws, undefined, later());
    expect(fs.readFileSync(path.join(elsewhere, 'conf.bin'))).toEqual(before);
    expect(fs.readdirSync(elsewhere).sort()).toEqual(['.gitignore', 'conf.bin']);
  });

  it('serves a row only when every one of its tags matches', () => {
    const { ws, confDir } = makeWorkspace();
    const file = path.join(confDir, '2013-04-16-1000-t.md');
    fs.writeFileSync(file, note({ title: 'Two tags', tags: '[one, two]' }));
    scanNotes(ws, undefined, later());
    const rel = 'conf/2013-04-16-1000-t.md';
    const stamp = statStamp(file)!;
    expect(NoteCache.load(ws, { now: NOW }).lookup(rel, stamp)?.tags).toEqual(['one', 'two']);
    const packed = readCache(ws);
    packed.tags[0] = ['one', 'three'];
    writeCache(ws, packed);
    expect(NoteCache.load(ws, { now: NOW }).lookup(rel, stamp)).toBeNull();
  });

  it('names each conference cache file by its encoded slug', () => {
    const { ws, root } = makeWorkspace();
    const dir = path.join(root, '.confnotes', NOTE_CACHE_DIR);
    expect(noteCacheFileOf(ws, 'conf')).toBe(path.join(dir, 'conf.bin'));
    expect(noteCacheFileOf(ws, 'a b/c')).toBe(path.join(dir, 'a%20b%2Fc.bin'));
    expect(noteCacheFileOf(ws, '')).toBe(path.join(dir, '_.bin'));
  });
});
