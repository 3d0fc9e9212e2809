import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { filterNotes } from '../../src/core/note/note-query.js';
import { scanNotes } from '../../src/core/note/store.js';
import { fold, foldedIncludes, foldedWords } from '../../src/core/search/fold.js';
import { holdsPhrase, parseQuery } from '../../src/core/search/query.js';
import { type SearchHit, searchNotes, sortHits } from '../../src/core/search/search.js';
import { indexFileOf } from '../../src/core/search/search-index.js';
import { flatten, snippetOf, snippetText } from '../../src/core/search/snippet.js';
import { countSpeakers } from '../../src/core/search/speakers.js';
import type { Workspace } from '../../src/core/workspace/workspace.js';
import { makeWorkspace, note } from '../helpers/workspace.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A workspace with these notes in conference `conf`; `name → [front-matter fields, body]`. */
function workspaceWith(notes: Record<string, [Record<string, string>, string]>) {
  const { ws, confDir, root } = makeWorkspace();
  made.push(path.dirname(root));
  for (const [name, [fields, body]] of Object.entries(notes))
    fs.writeFileSync(path.join(confDir, `${name}.md`), note(fields, body));
  return { ws, confDir };
}

/** Searches a minute "later", so that the notes just written count as settled and their stamps are stored. */
async function search(ws: Workspace, words: string[], filter = {}) {
  const { notes } = scanNotes(ws, undefined, { cache: false });
  const { hits, stats } = await searchNotes(ws, notes, filterNotes(notes, filter), words, {
    now: Date.now() + 60_000,
  });
  return { ids: hits.map((hit) => hit.note.id), hits, stats };
}

describe('folding', () => {
  it('ignores case and accents, letters without marks included', () => {
    expect(fold('Müller')).toBe('muller');
    expect(fold('MÜLLER')).toBe('muller');
    expect(fold('Søren Łukasz Straße')).toBe('soren lukasz strasse');
    expect(fold('Mu\u0308ller')).toBe('muller');
    expect(foldedWords('Fibre-Channel, zoning!')).toEqual(['fibre', 'channel', 'zoning']);
    // Markdown's marks part words; symbols of a word (c++, $5, an emoji) stay in it.
    expect(foldedWords('see `kubectl-rollout` ~~old~~ |a|b| <x> a=b 2^8')).toEqual([
      'see',
      'kubectl',
      'rollout',
      'old',
      'a',
      'b',
      'x',
      'a',
      'b',
      '2',
      '8',
    ]);
    expect(foldedWords('C++ costs $5 🎉')).toEqual(['c++', 'costs', '$5', '🎉']);
    expect(foldedIncludes('José  García', 'jose gar')).toBe(true);
    expect(foldedIncludes('José García', 'maria')).toBe(false);
  });

  it('is idempotent and never longer in words than the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(fold(fold(text))).toBe(fold(text));
        expect(foldedWords(fold(text))).toEqual(foldedWords(text));
      }),
    );
  });
});

describe('queries', () => {
  it('takes quoted phrases, and a shell-quoted argument holding spaces as a phrase', () => {
    expect(parseQuery(['zoning'])).toEqual({ terms: ['zoning'], prefixLast: true, phrases: [] });
    expect(parseQuery(['"Fibre Channel"', 'zon'])).toEqual({
      terms: ['fibre', 'channel', 'zon'],
      prefixLast: true,
      phrases: [['fibre', 'channel']],
    });
    expect(parseQuery(['zoning "fibre channel"'])).toEqual({
      terms: ['zoning', 'fibre', 'channel'],
      prefixLast: false,
      phrases: [['fibre', 'channel']],
    });
    expect(parseQuery(['fibre channel'])).toMatchObject({
      phrases: [['fibre', 'channel']],
      prefixLast: false,
    });
    expect(parseQuery(['--', '!!']).terms).toEqual([]);
    expect(holdsPhrase(['a', 'fibre', 'channel'], ['fibre', 'channel'])).toBe(true);
    expect(holdsPhrase(['channel', 'fibre'], ['fibre', 'channel'])).toBe(false);
  });
});

describe('search', () => {
  const corpus = (): Record<string, [Record<string, string>, string]> => ({
    many: [{ title: 'Fabric talk' }, '## Notes\n\nZoning, zoning and more zoning.\n'],
    once: [
      { title: 'Long talk' },
      `## Notes\n\n${'Other words about storage arrays. '.repeat(20)}Zoning came up once.\n`,
    ],
    none: [{ title: 'Unrelated' }, '## Notes\n\nNothing here about fabrics.\n'],
    speaker: [{ title: 'Keynote', speakers: '["Jürgen Müller"]', tags: '[keynote]' }, '## Notes\n\nHello.\n'],
  });

  it('ranks by BM25: more occurrences in a shorter note first; notes without the word left out', async () => {
    const { ws } = workspaceWith(corpus());
    const { ids, hits } = await search(ws, ['zoning']);
    expect(ids).toEqual(['many', 'once']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('needs every word, matches the last one as a prefix, and ignores case and accents', async () => {
    const { ws } = workspaceWith(corpus());
    expect((await search(ws, ['zon'])).ids).toEqual(['many', 'once']);
    expect((await search(ws, ['zon', 'storage'])).ids).toEqual([]);
    expect((await search(ws, ['storage', 'zon'])).ids).toEqual(['once']);
    expect((await search(ws, ['muller'])).ids).toEqual(['speaker']);
    expect((await search(ws, ['MÜLLER', 'jurg'])).ids).toEqual(['speaker']);
    expect((await search(ws, ['keynote'])).ids).toEqual(['speaker']);
  });

  it('keeps phrases in order, within one field', async () => {
    const { ws } = workspaceWith({
      yes: [{ title: 'A' }, '## Notes\n\nWe need **Fibre  Channel** zoning.\n'],
      no: [{ title: 'B' }, '## Notes\n\nThe channel of fibre.\n'],
    });
    expect((await search(ws, ['"fibre channel"'])).ids).toEqual(['yes']);
    expect((await search(ws, ['fibre channel'])).ids).toEqual(['yes']);
    expect((await search(ws, ['fibre', 'channel'])).ids.sort()).toEqual(['no', 'yes']);
  });

  it('shows only the notes that pass the filters', async () => {
    const { ws } = workspaceWith({
      ...corpus(),
      rated: [{ title: 'Rated', rating: '5' }, '## Notes\n\nzoning\n'],
    });
    expect((await search(ws, ['zoning'], { minRating: 4 })).ids).toEqual(['rated']);
  });

  it('gives the same scores from the saved index as when it was built, and does not rewrite it', async () => {
    const { ws } = workspaceWith(corpus());
    const first = await search(ws, ['zoning']);
    expect(first.stats).toEqual({ indexed: 4, saved: 1 });
    const file = indexFileOf(ws, 'conf');
    const before = fs.statSync(file);
    const second = await search(ws, ['zoning']);
    expect(second.stats).toEqual({ indexed: 0, saved: 0 });
    expect(second.hits.map((h) => [h.note.id, h.score])).toEqual(first.hits.map((h) => [h.note.id, h.score]));
    const after = fs.statSync(file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('is never stale: an edit keeping size and mtime, a new note and a deleted one', async () => {
    const { ws, confDir } = workspaceWith(corpus());
    const file = path.join(confDir, 'none.md');
    // A whole-millisecond time, so that it can be put back exactly.
    const when = new Date('2013-04-16T18:00:00Z');
    fs.utimesSync(file, when, when);
    await search(ws, ['zoning']);
    const { size } = fs.statSync(file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('fabrics.', 'zoning!!'));
    fs.utimesSync(file, when, when);
    expect([fs.statSync(file).size, fs.statSync(file).mtimeMs]).toEqual([size, when.getTime()]);
    fs.rmSync(path.join(confDir, 'once.md'));
    fs.writeFileSync(path.join(confDir, 'new.md'), note({ title: 'New' }, 'zoning again\n'));
    const { ids, stats } = await search(ws, ['zoning']);
    expect(ids.sort()).toEqual(['many', 'new', 'none']);
    expect(stats.indexed).toBe(2);
    // Settled again: the next search answers from the saved index, with the edit in it.
    expect((await search(ws, ['zoning'])).stats.indexed).toBe(0);
    expect((await search(ws, ['fabrics'])).ids).toEqual([]);
  });

  it('rebuilds a damaged or truncated index file, and answers the same', async () => {
    const { ws } = workspaceWith(corpus());
    const first = await search(ws, ['zoning']);
    const file = indexFileOf(ws, 'conf');
    const text = fs.readFileSync(file, 'utf8');
    const damages = [
      '',
      'not json\n',
      text.slice(0, text.indexOf('\n')),
      `{"format":"other"}\n`,
      text.slice(0, text.indexOf('\n') + 5),
    ];
    for (const damaged of damages) {
      fs.writeFileSync(file, damaged);
      const again = await search(ws, ['zoning']);
      expect(again.stats).toEqual({ indexed: 4, saved: 1 });
      expect(again.hits.map((h) => [h.note.id, h.score])).toEqual(
        first.hits.map((h) => [h.note.id, h.score]),
      );
    }
  });

  it('indexes a note changed in the last two seconds again next time', async () => {
    const { ws } = workspaceWith(corpus());
    const { notes } = scanNotes(ws, undefined, { cache: false });
    await searchNotes(ws, notes, notes, ['zoning']);
    expect((await searchNotes(ws, notes, notes, ['zoning'])).stats.indexed).toBe(4);
  });
});

describe('snippets', () => {
  it('marks every matching word around the first match, on one line', () => {
    const body = flatten(`## Notes\n\n- ${'filler '.repeat(20)}about Zoning\n- more zoning, and Zonings\n`);
    const segments = snippetOf([body], new Set(['zoning']), { before: 10, length: 60 });
    expect(snippetText(segments, '«', '»')).toBe('…filler about «Zoning» more «zoning», and Zonings');
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Zoning', 'zoning']);
  });

  it('marks accented words matched through their folded form, and falls back to the start', () => {
    const segments = snippetOf(['Talk by Jürgen Müller.'], new Set(['muller']));
    expect(snippetText(segments, '[', ']')).toBe('Talk by Jürgen [Müller].');
    expect(snippetText(snippetOf(['', 'Just a title'], new Set(['x'])))).toBe('Just a title');
  });
});

describe('speakers', () => {
  it('counts talks per speaker across accents, case and spacing, most first, in the commonest spelling', () => {
    const { ws } = workspaceWith({
      a: [{ title: 'A', date: '2013-04-15', speakers: '["José García", "Ada Lovelace"]' }, ''],
      b: [{ title: 'B', date: '2013-04-16', speakers: '["Jose  Garcia"]' }, ''],
      c: [{ title: 'C', date: '2013-04-17', speakers: '["José García"]' }, ''],
      d: [{ title: 'D', date: '2013-04-17', speakers: '["grace hopper", "GRACE  HOPPER"]' }, ''],
      e: [{ title: 'E', date: '2013-04-18', speakers: '["Grace Hopper"]' }, ''],
    });
    const { notes } = scanNotes(ws, undefined, { cache: false });
    expect(countSpeakers(notes)).toEqual([
      { speaker: 'José García', count: 3, notes: ['conf/a.md', 'conf/b.md', 'conf/c.md'] },
      // A tie between spellings goes to the one with capitals or accents; one note counts once.
      { speaker: 'Grace Hopper', count: 2, notes: ['conf/d.md', 'conf/e.md'] },
      { speaker: 'Ada Lovelace', count: 1, notes: ['conf/a.md'] },
    ]);
    const by = (...speakers: string[]) => filterNotes(notes, { speakers }).map((n) => n.id);
    expect(by('garcia')).toEqual(['a', 'b', 'c']);
    expect(by('GARCÍA', 'lovelace')).toEqual(['a']);
    expect(by('hopper grace')).toEqual([]);
  });
});

describe('sortHits', () => {
  it('puts the most relevant first, and equal scores in the code-unit order of their paths, whatever the locale', () => {
    const hit = (path: string, score: number) => ({ score, note: { path } }) as unknown as SearchHit;
    const hits = [hit('b/a.md', 1), hit('a/a.md', 1), hit('a/B.md', 1), hit('a/_x.md', 1), hit('z/z.md', 2)];
    // localeCompare would put a/a.md before a/B.md, and a/_x.md first.
    expect(sortHits(hits).map((one) => one.note.path)).toEqual([
      'z/z.md',
      'a/B.md',
      'a/_x.md',
      'a/a.md',
      'b/a.md',
    ]);
  });
});
