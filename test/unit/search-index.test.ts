/**
 * The search index file (index-file.ts, format 6) in process: what is read
 * back lazily answers exactly as the index built in memory did, a
 * conference lacking a word is skipped, and no change is ever missed.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { statStamp } from '../../src/core/note/note-cache.js';
import { scanNotes } from '../../src/core/note/store.js';
import { IndexFile } from '../../src/core/search/index-file.js';
import { searchNotes } from '../../src/core/search/search.js';
import { INDEX_OPTIONS, indexFileOf } from '../../src/core/search/search-index.js';
import { snippetText } from '../../src/core/search/snippet.js';
import type { Workspace } from '../../src/core/workspace/workspace.js';
import { defaultConference, makeWorkspace, note } from '../helpers/workspace.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const WORDS = [
  'zoning',
  'fabric',
  'ceph',
  'cinder',
  'Müller',
  'søren',
  'placement',
  'zone',
  'fibre',
  'channel',
];

/** Three conferences; some words are in one of them only. */
function setUp() {
  const { ws, root } = makeWorkspace();
  made.push(path.dirname(root));
  const write = (slug: string, name: string, title: string, body: string) => {
    fs.mkdirSync(path.join(root, slug), { recursive: true });
    if (!fs.existsSync(path.join(root, slug, 'conference.md')))
      fs.writeFileSync(path.join(root, slug, 'conference.md'), defaultConference);
    const file = path.join(root, slug, `${name}.md`);
    fs.writeFileSync(file, note({ title }, body));
    return file;
  };
  write('conf', 'a', 'Fabric zoning', '## Notes\n\nZoning, zoning and fibre channel.\n');
  write('conf', 'b', 'Cinder', `## Notes\n\n${'Storage arrays and zones. '.repeat(10)}Zoning once.\n`);
  write('conf', 'c', 'Private chat', '## Notes\n\nSøren on placement.\n');
  write('fosdem', 'd', 'Ceph at scale', '## Notes\n\nPlacement groups, ceph and Müller.\n');
  write('fosdem', 'e', 'Channel fibre', '## Notes\n\nThe channel of fibre.\n');
  write('kubecon', 'f', 'Operators', '## Notes\n\nReconcile loops with zone awareness.\n');
  return { ws, root, write };
}

/** Searches a minute "later", so that the notes just written count as settled. */
async function search(ws: Workspace, words: string[]) {
  const { notes } = scanNotes(ws, undefined, { cache: false });
  const { hits, stats } = await searchNotes(ws, notes, notes, words, { now: Date.now() + 60_000 });
  return { answer: hits.map((hit) => [hit.note.path, hit.score, snippetText(hit.snippet, '«', '»')]), stats };
}

const statOf = (file: string) => {
  const stat = fs.statSync(file);
  return [stat.ino, stat.mtimeMs];
};

describe('the search index file', () => {
  it('answers from the saved files exactly as from the index built in memory', async () => {
    const { ws } = setUp();
    const query = fc.array(fc.constantFrom(...WORDS, 'zon', 'fib', 'c', '"fibre channel"', 'absent'), {
      minLength: 1,
      maxLength: 3,
    });
    await fc.assert(
      fc.asyncProperty(query, async (words) => {
        for (const slug of ['conf', 'fosdem', 'kubecon']) fs.rmSync(indexFileOf(ws, slug), { force: true });
        const built = await search(ws, words);
        expect(built.stats.saved).toBe(3);
        const read = await search(ws, words);
        expect(read.stats).toEqual({ indexed: 0, saved: 0 });
        expect(read.answer).toEqual(built.answer);
      }),
      { numRuns: 40 },
    );
  });

  it('skips a conference that lacks a word of the query, without loading its index', async () => {
    const { ws } = setUp();
    await search(ws, ['ceph']);
    const file = IndexFile.open(indexFileOf(ws, 'conf'))!;
    try {
      expect(file.loadFor(INDEX_OPTIONS, ['ceph'], null)).toBeNull();
      expect(file.loadFor(INDEX_OPTIONS, ['zoning', 'ceph'], null)).toBeNull();
      expect(file.loadFor(INDEX_OPTIONS, ['zoning', 'qq'], 'qq')).toBeNull();
      expect(file.loadFor(INDEX_OPTIONS, ['zoning'], null)?.search('zoning')).toHaveLength(2);
      expect(
        file.loadFor(INDEX_OPTIONS, ['fibre', 'zon'], 'zon')?.search('fibre zon', { prefix: true }),
      ).toHaveLength(2);
    } finally {
      file.close();
    }
  });

  it('loads, for a search, only the notes its words name, and scores them as the whole index does', async () => {
    const { ws } = setUp();
    await search(ws, ['zoning']);
    const file = IndexFile.open(indexFileOf(ws, 'conf'))!;
    try {
      const whole = file.loadAll(INDEX_OPTIONS);
      for (const [terms, last] of [
        [['zoning'], null],
        [['placement'], null],
        [['fibre', 'zon'], 'zon'],
        [['z'], 'z'],
      ] as [string[], string | null][]) {
        const query = terms.join(' ');
        const options = {
          prefix: (_: string, i: number, all: string[]) => last !== null && i === all.length - 1,
        };
        const part = file.loadFor(INDEX_OPTIONS, terms, last)!;
        const expected = whole.search(query, options);
        expect(expected.length, query).toBeGreaterThan(0);
        expect(part.search(query, options), query).toEqual(expected);
        // Only the notes the postings name are known (fewer than the conference's three, for one word).
        expect(part.documentCount).toBe(whole.documentCount);
        if (last === null && terms.length === 1)
          expect(expected.length, query).toBeLessThan(whole.documentCount);
      }
      // The notes a search of "placement" knows: the one holding it.
      const placement = file.loadFor(INDEX_OPTIONS, ['placement'], null)!;
      expect(placement.has('conf/c.md')).toBe(true);
      expect(placement.has('conf/a.md')).toBe(false);
      expect(whole.has('conf/a.md')).toBe(true);
    } finally {
      file.close();
    }
  });

  it('sees a conference added, and rewrites only the index of what changed', async () => {
    const { ws, write } = setUp();
    await search(ws, ['placement']);
    const before = ['conf', 'fosdem', 'kubecon'].map((slug) => statOf(indexFileOf(ws, slug)));
    write('devconf', 'g', 'New one', '## Notes\n\nPlacement again.\n');
    const { answer, stats } = await search(ws, ['placement']);
    expect(answer.map(([rel]) => rel)).toEqual(
      expect.arrayContaining(['devconf/g.md', 'fosdem/d.md', 'conf/c.md']),
    );
    expect(answer).toHaveLength(3);
    expect(stats).toEqual({ indexed: 1, saved: 1 });
    expect(['conf', 'fosdem', 'kubecon'].map((slug) => statOf(indexFileOf(ws, slug)))).toEqual(before);
    expect((await search(ws, ['placement'])).stats).toEqual({ indexed: 0, saved: 0 });
  });

  it('keeps the notes in the scan order after an edit, so the next search checks them without a map', async () => {
    const { ws, root } = setUp();
    await search(ws, ['zoning']);
    const first = path.join(root, 'conf', 'a.md');
    fs.writeFileSync(first, fs.readFileSync(first, 'utf8').replace('fibre', 'fiber'));
    expect((await search(ws, ['fiber'])).stats).toEqual({ indexed: 1, saved: 1 });
    const notes = scanNotes(ws, ['conf'], { cache: false }).notes;
    const stampOf = (n: { file: string }) => statStamp(n.file);
    expect(notes.map((n) => n.path)).toEqual(['conf/a.md', 'conf/b.md', 'conf/c.md']);
    const file = IndexFile.open(indexFileOf(ws, 'conf'))!;
    const holds = (list: typeof notes, stamp: typeof stampOf) =>
      file.holdsExactly(
        list.map((n) => n.path),
        (i) => stamp(list[i]!),
      );
    try {
      expect(holds(notes, stampOf)).toBe(true);
      expect(holds([...notes].reverse(), stampOf)).toBe(false);
      expect(holds(notes.slice(1), stampOf)).toBe(false);
      expect(holds(notes, (n) => (n === notes[2] ? null : stampOf(n)))).toBe(false);
      fs.appendFileSync(notes[1]!.file, 'More.\n');
      expect(holds(notes, stampOf)).toBe(false);
    } finally {
      file.close();
    }
  });

  it('sees a note deleted, and one edited in place with the same size and mtime', async () => {
    const { ws, root } = setUp();
    const edited = path.join(root, 'kubecon', 'f.md');
    const when = new Date('2013-04-16T18:00:00Z');
    fs.utimesSync(edited, when, when);
    expect((await search(ws, ['ceph'])).answer).toHaveLength(1);
    fs.rmSync(path.join(root, 'fosdem', 'd.md'));
    const text = fs.readFileSync(edited, 'utf8');
    fs.writeFileSync(edited, text.replace('Reconcile', 'Cephfs4ev'));
    fs.utimesSync(edited, when, when);
    expect(fs.statSync(edited).size).toBe(Buffer.byteLength(text));
    // `ceph` is also a prefix (the last word): the deleted note is gone, the edited one found.
    expect((await search(ws, ['ceph'])).answer.map(([rel]) => rel)).toEqual(['kubecon/f.md']);
    expect((await search(ws, ['"ceph"'])).answer).toEqual([]);
    expect((await search(ws, ['reconcile'])).answer).toEqual([]);
  });

  it('rebuilds a file cut short anywhere, or with a byte changed in its head, and answers the same', async () => {
    const { ws } = setUp();
    const first = await search(ws, ['zoning']);
    const file = indexFileOf(ws, 'conf');
    const bytes = fs.readFileSync(file);
    const headLength = bytes.indexOf(10) + 1;
    const cuts = [
      0,
      1,
      headLength - 1,
      headLength,
      headLength + 10,
      Math.floor(bytes.length / 2),
      bytes.length - 1,
    ];
    const damaged = cuts.map((at) => bytes.subarray(0, at));
    for (const at of [headLength + 1, headLength + 2]) {
      // A path's bytes changed to NUL: the head no longer holds as many paths as it says.
      const copy = Buffer.from(bytes);
      copy[at] = 0;
      damaged.push(copy);
    }
    for (const bad of damaged) {
      fs.writeFileSync(file, bad);
      const again = await search(ws, ['zoning']);
      expect(again.answer).toEqual(first.answer);
      expect(again.stats.saved).toBe(1);
    }
  });
});
