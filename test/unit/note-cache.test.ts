import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_CACHE_FORMAT, NoteCache, RECENT_MS, statStamp } from '../../src/core/note/note-cache.js';
import { filterNotes } from '../../src/core/note/note-query.js';
import { scanNotes, type ScanResult } from '../../src/core/note/store.js';
import type { Workspace } from '../../src/core/workspace/workspace.js';
import { defaultConference, makeWorkspace, note } from '../helpers/workspace.js';
import { cacheFile, cachedPaths, editRow } from '../helpers/note-cache.js';

/** Files written by a test are seconds old at most; a scan "a minute later" may cache them. */
const later = () => ({ cache: { now: Date.now() + 60_000 } });

/** Everything a command could see: every field of every note (bodies included) and every problem. */
function comparable(result: ScanResult) {
  return {
    notes: result.notes.map((n) => ({ ...n })),
    problems: result.problems.map((p) => p.message).sort(),
  };
}

function setUp() {
  const { ws, confDir } = makeWorkspace();
  const files = {
    a: path.join(confDir, '2013-04-16-1000-a.md'),
    b: path.join(confDir, '2013-04-16-1100-b.md'),
  };
  fs.writeFileSync(
    files.a,
    note({ title: 'Alpha', tags: '[storage, cinder]' }, '## Notes\n\n- about fibre channel\n'),
  );
  fs.writeFileSync(
    files.b,
    note({ title: 'Bravo', tags: '[networking]', rating: '4' }, '## Notes\n\n- about neutron\n'),
  );
  return { ws, confDir, files };
}

/** Changes a cached row's title in place (its stamp untouched), to tell a cache hit from a read. */
function tamperTitle(ws: Workspace, rel: string, title: string): void {
  editRow(ws, rel, (fields) => {
    fields[0] = title;
  });
}

describe('the front-matter cache', () => {
  it('stores every note it parsed and answers the next scan from the cache', () => {
    const { ws } = setUp();
    const first = scanNotes(ws, undefined, later());
    expect(cachedPaths(ws)).toEqual(['conf/2013-04-16-1000-a.md', 'conf/2013-04-16-1100-b.md']);
    tamperTitle(ws, 'conf/2013-04-16-1000-a.md', 'From the cache');
    const second = scanNotes(ws, undefined, later());
    expect(second.notes.map((n) => n.title)).toEqual(['From the cache', 'Bravo']);
    expect(second.notes[1]).toEqual(first.notes[1]);
  });

  it('is not written again when nothing changed', () => {
    const { ws } = setUp();
    scanNotes(ws, undefined, later());
    const before = fs.statSync(cacheFile(ws));
    scanNotes(ws, undefined, later());
    const after = fs.statSync(cacheFile(ws));
    // An atomic rewrite would give the file a new inode and a new mtime.
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('reads a note again when its size changed', () => {
    const { ws, files } = setUp();
    scanNotes(ws, undefined, later());
    fs.writeFileSync(files.a, note({ title: 'Alpha, longer title', tags: '[storage]' }));
    expect(scanNotes(ws, undefined, later()).notes.map((n) => n.title)).toEqual([
      'Alpha, longer title',
      'Bravo',
    ]);
  });

  it('reads a note again when only its mtime changed (same size)', () => {
    const { ws, files } = setUp();
    scanNotes(ws, undefined, later());
    const { size, mtime } = fs.statSync(files.a);
    fs.writeFileSync(
      files.a,
      note({ title: 'Alphx', tags: '[storage, cinder]' }, '## Notes\n\n- about fibre channel\n'),
    );
    fs.utimesSync(files.a, mtime, new Date(mtime.getTime() + 5000));
    expect(fs.statSync(files.a).size).toBe(size);
    expect(scanNotes(ws, undefined, later()).notes[0]!.title).toBe('Alphx');
  });

  it('reads a note again when it was replaced by another file with the same size and mtime', () => {
    const { ws, files } = setUp();
    // The same whole-millisecond time on both files, as `cp -p` or `rsync -t` would leave them.
    const when = new Date('2013-04-16T18:00:00Z');
    fs.utimesSync(files.a, when, when);
    scanNotes(ws, undefined, later());
    const replacement = `${files.a}.new`;
    fs.writeFileSync(
      replacement,
      note({ title: 'Alphx', tags: '[storage, cinder]' }, '## Notes\n\n- about fibre channel\n'),
    );
    fs.utimesSync(replacement, when, when);
    fs.renameSync(replacement, files.a);
    expect(fs.statSync(files.a).mtimeMs).toBe(when.getTime());
    expect(scanNotes(ws, undefined, later()).notes[0]!.title).toBe('Alphx');
  });

  it('forgets a deleted note and picks up a new one', () => {
    const { ws, confDir, files } = setUp();
    scanNotes(ws, undefined, later());
    fs.rmSync(files.a);
    fs.writeFileSync(
      path.join(confDir, '2013-04-17-0900-c.md'),
      note({ title: 'Charlie', date: '2013-04-17' }),
    );
    const { notes } = scanNotes(ws, undefined, later());
    expect(notes.map((n) => n.title)).toEqual(['Bravo', 'Charlie']);
    expect(cachedPaths(ws)).toEqual(['conf/2013-04-16-1100-b.md', 'conf/2013-04-17-0900-c.md']);
  });

  it('forgets a note that became unreadable, and reports it as a problem', () => {
    const { ws, files } = setUp();
    scanNotes(ws, undefined, later());
    fs.writeFileSync(files.a, '---\ntitle: [broken\n---\n');
    const { notes, problems } = scanNotes(ws, undefined, later());
    expect(notes.map((n) => n.title)).toEqual(['Bravo']);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^conf\/2013-04-16-1000-a\.md:\d+: broken YAML/),
    ]);
    expect(cachedPaths(ws)).toEqual(['conf/2013-04-16-1100-b.md']);
  });

  it.each([
    ['not JSON', 'garbage{'],
    ['empty', ''],
    ['another format', JSON.stringify({ format: 'confnotes note cache 0', rows: [] })],
    ['rows that are not a list', JSON.stringify({ format: NOTE_CACHE_FORMAT, rows: 'no' })],
    [
      'rows that are not rows',
      JSON.stringify({ format: NOTE_CACHE_FORMAT, rows: [1, 'conf/2013-04-16-1000-a.md', null, [], [7]] }),
    ],
  ])('ignores a damaged cache (%s) and rebuilds it', (_, text) => {
    const { ws } = setUp();
    const expected = comparable(scanNotes(ws, undefined, { cache: false }));
    fs.mkdirSync(path.dirname(cacheFile(ws)), { recursive: true });
    fs.writeFileSync(cacheFile(ws), text);
    expect(comparable(scanNotes(ws, undefined, later()))).toEqual(expected);
    expect(cachedPaths(ws)).toHaveLength(2);
  });

  it('ignores a row whose fields have the wrong shape, and reads that note', () => {
    const { ws } = setUp();
    const expected = comparable(scanNotes(ws, undefined, { cache: false }));
    scanNotes(ws, undefined, later());
    editRow(ws, 'conf/2013-04-16-1000-a.md', (fields) => {
      fields[9] = 'storage'; // tags must be a list
    });
    editRow(ws, 'conf/2013-04-16-1100-b.md', (fields) => {
      fields[1] = 'party'; // not a note type
    });
    expect(comparable(scanNotes(ws, undefined, later()))).toEqual(expected);
  });

  it('does not store a note changed in the last two seconds (its stamp could repeat)', () => {
    const { ws, files } = setUp();
    const newest = Math.max(
      ...[files.a, files.b].flatMap((file) => [fs.statSync(file).mtimeMs, fs.statSync(file).ctimeMs]),
    );
    scanNotes(ws, undefined, { cache: { now: newest + RECENT_MS - 100 } });
    expect(fs.existsSync(cacheFile(ws))).toBe(false);
    scanNotes(ws, undefined, { cache: { now: newest + RECENT_MS + 100 } });
    expect(cachedPaths(ws)).toHaveLength(2);
  });

  it('keeps the entries of conferences a scan did not cover, until their folder is gone', () => {
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
    expect(cachedPaths(ws)).toEqual(['one/2013-04-16-1000-x.md', 'two/2013-04-16-1000-x.md']);
    scanNotes(ws, ['one'], later());
    expect(cachedPaths(ws)).toEqual(['one/2013-04-16-1000-x.md', 'two/2013-04-16-1000-x.md']);
    fs.rmSync(path.join(root, 'two'), { recursive: true });
    scanNotes(ws, ['one'], later());
    expect(cachedPaths(ws)).toEqual(['one/2013-04-16-1000-x.md']);
  });

  it('reads the body of a cached note from its file when asked, so searches still work', () => {
    const { ws, files } = setUp();
    scanNotes(ws, undefined, later());
    const { notes } = scanNotes(ws, undefined, later());
    expect(notes[0]!.body).toBe('## Notes\n\n- about fibre channel\n');
    expect(filterNotes(notes, { search: 'neutron' }).map((n) => n.title)).toEqual(['Bravo']);
    // A body set by a caller wins, as it would on a plain note.
    notes[1]!.body = 'replaced';
    expect(notes[1]!.body).toBe('replaced');
    expect({ ...notes[0]! }.body).toBe(fs.readFileSync(files.a, 'utf8').split('---\n')[2]);
  });

  it('fails no scan when the cache cannot be written', () => {
    const { ws } = setUp();
    // A folder where the file should be: neither readable as a cache nor replaceable.
    fs.mkdirSync(cacheFile(ws), { recursive: true });
    const expected = comparable(scanNotes(ws, undefined, { cache: false }));
    expect(comparable(scanNotes(ws, undefined, later()))).toEqual(expected);
    expect(fs.statSync(cacheFile(ws)).isDirectory()).toBe(true);
  });

  it('is not used at all with cache: false', () => {
    const { ws } = setUp();
    scanNotes(ws, undefined, { cache: false });
    expect(fs.existsSync(cacheFile(ws))).toBe(false);
  });

  it('looks up an entry only with the exact stamp it was stored with', () => {
    const { ws, files } = setUp();
    scanNotes(ws, undefined, later());
    const cache = NoteCache.load(ws);
    const stamp = statStamp(files.a)!;
    const rel = 'conf/2013-04-16-1000-a.md';
    expect(cache.lookup(rel, stamp)?.title).toBe('Alpha');
    for (const key of ['size', 'mtimeMs', 'ctimeMs', 'ino'] as const) {
      expect(cache.lookup(rel, { ...stamp, [key]: stamp[key] + 1 })).toBeNull();
    }
    expect(cache.lookup('conf/other.md', stamp)).toBeNull();
  });
});
