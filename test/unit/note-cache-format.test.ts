/** The cache's format and row checks, with real rows (a check that can be deleted unnoticed is no check). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_CACHE_FORMAT, NoteCache, statStamp } from '../../src/core/note/note-cache.js';
import { decodeCache, encodeCache } from '../../src/core/note/note-cache-file.js';
import { cacheFile, editRow, readCache, writeCache } from '../helpers/note-cache.js';
import { NOTE_FIELDS } from '../../src/core/note/schema.js';
import { scanNotes } from '../../src/core/note/store.js';
import type { Workspace } from '../../src/core/workspace/workspace.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

/** Files written by a test are seconds old at most; a scan "a minute later" may cache them. */
const later = () => ({ cache: { now: Date.now() + 60_000 } });

function setUp() {
  const { ws, confDir } = makeWorkspace();
  fs.writeFileSync(path.join(confDir, '2013-04-16-1000-a.md'), note({ title: 'Alpha', tags: '[storage]' }));
  fs.writeFileSync(path.join(confDir, '2013-04-16-1100-b.md'), note({ title: 'Bravo', rating: '4' }));
  return { ws };
}

function tamperTitle(ws: Workspace, rel: string, title: string): void {
  editRow(ws, rel, (fields) => {
    fields[0] = title;
  });
}

describe('the cache format and rows', () => {
  it('ignores a cache of another format even when its rows would match the files', () => {
    const { ws } = setUp();
    scanNotes(ws, undefined, later());
    tamperTitle(ws, 'conf/2013-04-16-1000-a.md', 'From an old cache');
    const data = readCache(ws);
    expect(data.rows).toHaveLength(2);
    // The same fields under another schema's hash, as an older or newer build would write.
    const other = NOTE_CACHE_FORMAT.replace(/cache [0-9a-f]+/, 'cache 0123456789abcdef');
    fs.writeFileSync(cacheFile(ws), encodeCache(other, data));
    expect(decodeCache(other, fs.readFileSync(cacheFile(ws)))?.rows).toHaveLength(2);
    expect(scanNotes(ws, undefined, later()).notes.map((n) => n.title)).toEqual(['Alpha', 'Bravo']);
    // Rebuilt in this build's format.
    expect(decodeCache(NOTE_CACHE_FORMAT, fs.readFileSync(cacheFile(ws)))?.rows).toHaveLength(2);
  });

  it('checks the type of every field of a row, and its length', () => {
    const { ws } = setUp();
    scanNotes(ws, undefined, later());
    const good = readCache(ws);
    const rel = 'conf/2013-04-16-1000-a.md';
    const stamp = statStamp(path.join(ws.root, rel))!;
    // One wrong value per field, in schema order (title first).
    const wrong: unknown[] = [
      7,
      'party',
      1,
      null,
      900,
      false,
      'Ann',
      ['B'],
      {},
      [1],
      2.5,
      'yes',
      1,
      ['https://example.org'],
      [],
      0,
      'room',
    ];
    expect(wrong).toHaveLength(NOTE_FIELDS.length);
    const at = good.paths.indexOf(rel);
    const load = (row: (fields: unknown[]) => void) => {
      const fields = JSON.parse(good.rows[at]!) as unknown[];
      row(fields);
      writeCache(ws, {
        ...good,
        rows: good.rows.map((text, i) => (i === at ? JSON.stringify(fields) : text)),
      });
      return NoteCache.load(ws).lookup(rel, stamp);
    };
    expect(load(() => {})?.title).toBe('Alpha');
    wrong.forEach((value, index) => {
      expect(load((fields) => (fields[index] = value))).toBeNull();
    });
    expect(load((fields) => fields.push(null))).toBeNull();
    expect(load((fields) => fields.pop())).toBeNull();
    expect(load((fields) => (fields[13] = { slides: 3 }))).toBeNull();
    expect(load((fields) => (fields[10] = 6))).toBeNull();
  });
});
