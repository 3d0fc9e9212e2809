/** The cache's format and row checks, with real rows (a check that can be deleted unnoticed is no check). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_CACHE_FILE, NOTE_CACHE_FORMAT, NoteCache, statStamp } from '../../src/core/note/note-cache.js';
import { NOTE_FIELDS } from '../../src/core/note/schema.js';
import { scanNotes } from '../../src/core/note/store.js';
import type { Workspace } from '../../src/core/workspace/workspace.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

/** Files written by a test are seconds old at most; a scan "a minute later" may cache them. */
const later = () => ({ cache: { now: Date.now() + 60_000 } });
const cacheFile = (ws: Workspace) => path.join(ws.root, '.confnotes', NOTE_CACHE_FILE);

function setUp() {
  const { ws, confDir } = makeWorkspace();
  fs.writeFileSync(path.join(confDir, '2013-04-16-1000-a.md'), note({ title: 'Alpha', tags: '[storage]' }));
  fs.writeFileSync(path.join(confDir, '2013-04-16-1100-b.md'), note({ title: 'Bravo', rating: '4' }));
  return { ws };
}

function tamperTitle(ws: Workspace, rel: string, title: string): void {
  const data = JSON.parse(fs.readFileSync(cacheFile(ws), 'utf8')) as { rows: unknown[][] };
  data.rows.find((r) => r[0] === rel)![5] = title;
  fs.writeFileSync(cacheFile(ws), JSON.stringify(data));
}

describe('the cache format and rows', () => {
  it('ignores a cache of another format even when its rows would match the files', () => {
    const { ws } = setUp();
    scanNotes(ws, undefined, later());
    tamperTitle(ws, 'conf/2013-04-16-1000-a.md', 'From an old cache');
    const data = JSON.parse(fs.readFileSync(cacheFile(ws), 'utf8')) as { format: string; rows: unknown[][] };
    expect(data.rows).toHaveLength(2);
    // The same fields under another schema's hash, as an older or newer build would write.
    fs.writeFileSync(
      cacheFile(ws),
      JSON.stringify({ ...data, format: data.format.replace(/cache [0-9a-f]+/, 'cache 0123456789abcdef') }),
    );
    expect(scanNotes(ws, undefined, later()).notes.map((n) => n.title)).toEqual(['Alpha', 'Bravo']);
    // Rebuilt in this build's format.
    expect(JSON.parse(fs.readFileSync(cacheFile(ws), 'utf8')).format).toBe(NOTE_CACHE_FORMAT);
  });

  it('checks the type of every field of a row, and its length', () => {
    const { ws } = setUp();
    scanNotes(ws, undefined, later());
    const good = fs.readFileSync(cacheFile(ws), 'utf8');
    const rel = 'conf/2013-04-16-1000-a.md';
    const stamp = statStamp(path.join(ws.root, rel))!;
    // One wrong value per field, in schema order from row[5] (title) on.
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
    ];
    expect(wrong).toHaveLength(NOTE_FIELDS.length);
    const load = (row: (rows: unknown[][]) => void) => {
      const data = JSON.parse(good) as { rows: unknown[][] };
      row(data.rows);
      fs.writeFileSync(cacheFile(ws), JSON.stringify(data));
      return NoteCache.load(ws).lookup(rel, stamp);
    };
    expect(load(() => {})?.title).toBe('Alpha');
    wrong.forEach((value, index) => {
      expect(load((rows) => (rows[0]![5 + index] = value))).toBeNull();
    });
    expect(load((rows) => rows[0]!.push(null))).toBeNull();
    expect(load((rows) => rows[0]!.pop())).toBeNull();
    expect(load((rows) => (rows[0]![18] = { slides: 3 }))).toBeNull();
    expect(load((rows) => (rows[0]![15] = 6))).toBeNull();
  });
});
