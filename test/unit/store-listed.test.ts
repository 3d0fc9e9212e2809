/** ScannedNote.listed(): a listing's notes from the cache rows, the file's own fields when a row does not read back. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanEntries } from '../../src/core/note/store.js';
import { editRow } from '../helpers/note-cache.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

const later = { cache: { now: Date.now() + 60_000 } };
const rel = 'conf/2013-04-16-1000-a.md';

function setUp() {
  const made = makeWorkspace();
  roots.push(made.root);
  fs.writeFileSync(
    path.join(made.confDir, '2013-04-16-1000-a.md'),
    note({ title: 'Alpha', tags: '[storage]' }),
  );
  return made;
}

describe('listed notes', () => {
  it('are the Note without its body, from the file and then from the cache alike', () => {
    const { ws } = setUp();
    const fresh = scanEntries(ws, undefined, later).entries[0]!;
    const { body: _body, ...expected } = fresh.note();
    const cached = scanEntries(ws, undefined, later).entries[0]!;
    const listed = cached.listed();
    expect('body' in listed).toBe(false);
    expect(listed).toEqual(expected);
  });

  it('come from the cache row while the stamp holds', () => {
    const { ws } = setUp();
    scanEntries(ws, undefined, later);
    editRow(ws, rel, (fields) => {
      fields[0] = 'From the cache';
    });
    expect(scanEntries(ws, undefined, later).entries[0]!.listed().title).toBe('From the cache');
  });

  it('are read from the file when a row is damaged or its tags disagree, with no field of the bad row', () => {
    const { ws } = setUp();
    scanEntries(ws, undefined, later);
    editRow(ws, rel, (fields) => {
      fields[0] = 'Bad row';
      fields[1] = 'not-a-type';
    });
    const damaged = scanEntries(ws, undefined, later).entries[0]!.listed();
    expect([damaged.title, damaged.type]).toEqual(['Alpha', 'session']);
    scanEntries(ws, undefined, { cache: false });
    editRow(ws, rel, (fields) => {
      fields[0] = 'Other tags';
      fields[9] = ['networking'];
    });
    const other = scanEntries(ws, undefined, later).entries[0]!.listed();
    expect([other.title, other.tags]).toEqual(['Alpha', ['storage']]);
  });
});

describe('a scan keeping notes by their tags', () => {
  it('keeps only the notes `keep` accepts, counts every note, and still sees a change behind the cache', () => {
    const { ws, confDir } = setUp();
    const other = path.join(confDir, '2013-04-16-1100-b.md');
    fs.writeFileSync(other, note({ title: 'Beta', tags: '[networking]' }));
    const seen: string[][] = [];
    const keep = (tags: string[]) => {
      seen.push(tags);
      return tags.includes('storage');
    };
    const fresh = scanEntries(ws, undefined, { ...later, keep });
    expect(fresh.found).toBe(2);
    expect(fresh.entries.map((entry) => entry.listed().title)).toEqual(['Alpha']);
    // From the cache now; then Beta is retagged behind its back and is kept.
    expect(scanEntries(ws, undefined, { ...later, keep }).entries.map((e) => e.path)).toEqual([rel]);
    fs.writeFileSync(other, note({ title: 'Beta', tags: '[storage]' }));
    const after = scanEntries(ws, undefined, { ...later, keep });
    expect(after.entries.map((entry) => entry.listed().title)).toEqual(['Alpha', 'Beta']);
    expect(seen).toHaveLength(6);
    const none = scanEntries(ws, undefined, { ...later, keep: () => false });
    expect([none.entries.length, none.found]).toEqual([0, 2]);
  });
});
