/**
 * The splicer's helpers and setField's paths, byte for byte: list edits in
 * both styles (replace, drop, append, at the very end of the text), line
 * bounds, which keys count, and the values setField writes where.
 */
import { isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  applySplices,
  findPair,
  lineEnd,
  lineStart,
  listSplices,
  nodeLine,
  pairsOf,
  readFrontMatter,
  setField,
} from '../../src/core/front-matter/splice.js';

const note = (frontMatter: string, body = '## Notes\n- 10:01 hi\n') => `---\n${frontMatter}---\n${body}`;

/** `source` with `listSplices` applied to its first entry's list. */
function editList(
  source: string,
  replace: (string | null | undefined)[],
  append: string[],
  eol = '\n',
): string {
  const doc = parseDocument(source);
  const seq = (doc.contents as { items: { value: unknown }[] }).items[0]!.value;
  if (!isSeq(seq)) throw new Error('no list');
  return applySplices(source, listSplices(source, seq as YAMLSeq, replace, append, eol));
}

describe('applySplices bounds', () => {
  it('takes splices that touch, and refuses one that ends before it starts or past the text', () => {
    expect(
      applySplices('abcdef', [
        { from: 2, to: 4, insert: 'Y' },
        { from: 0, to: 2, insert: 'X' },
      ]),
    ).toBe('XYef');
    expect(applySplices('abcdef', [{ from: 6, to: 6, insert: '!' }])).toBe('abcdef!');
    expect(applySplices('abcdef', [])).toBe('abcdef');
    expect(() => applySplices('abcdef', [{ from: 3, to: 2, insert: '' }])).toThrow(/overlapping/);
    expect(() => applySplices('abcdef', [{ from: 5, to: 7, insert: '' }])).toThrow(/overlapping/);
  });
});

describe('lineStart and lineEnd', () => {
  const text = 'ab\ncd\nef';
  it('lineStart is the offset just after the previous line break', () => {
    expect(lineStart(text, 0)).toBe(0);
    expect(lineStart(text, 2)).toBe(0);
    expect(lineStart(text, 3)).toBe(3);
    expect(lineStart(text, 5)).toBe(3);
    expect(lineStart(text, 8)).toBe(6);
  });

  it('lineEnd is just past the line break, or the offset itself when a break is just before it', () => {
    expect(lineEnd(text, 0)).toBe(3);
    expect(lineEnd(text, 1)).toBe(3);
    expect(lineEnd(text, 2)).toBe(3);
    expect(lineEnd(text, 3)).toBe(3);
    expect(lineEnd(text, 4)).toBe(6);
    expect(lineEnd(text, 7)).toBe(8);
    expect(lineEnd('\nab', 0)).toBe(1);
  });
});

describe('listSplices', () => {
  it('flow list: replaces, drops and appends, keeping each kept item’s own separator', () => {
    expect(editList('tags: [a,b ,  c]\n', [undefined, 'B', undefined], [])).toBe('tags: [a,B ,  c]\n');
    expect(editList('tags: [a,b ,  c]\n', [null, undefined, undefined], ['d'])).toBe('tags: [b ,  c, d]\n');
    // c keeps the separator that stood before it (after b).
    expect(editList('tags: [a,b ,  c]\n', [undefined, null, undefined], [])).toBe('tags: [a ,  c]\n');
    expect(editList('tags: [a]\n', [null], ['b', 'c'])).toBe('tags: [b, c]\n');
    expect(editList('tags: [a]\n', [null], [])).toBe('tags: []\n');
  });

  it('empty flow list: appends inside the brackets, or changes nothing', () => {
    expect(editList('tags: [ ]  # none\n', [], ['x', 'y'])).toBe('tags: [x, y ]  # none\n');
    expect(editList('tags: []\n', [], [])).toBe('tags: []\n');
    const doc = parseDocument('tags: []\n');
    const seq = (doc.contents as { items: { value: YAMLSeq }[] }).items[0]!.value;
    expect(listSplices('tags: []\n', seq, [], [], '\n')).toEqual([]);
  });

  it('block list: replaces an item in place, drops its whole line with its comment, appends in its style', () => {
    const source = 'tags:\n    - a   # one\n    - b # two\nnext: 1\n';
    expect(editList(source, ['A', undefined], [])).toBe('tags:\n    - A   # one\n    - b # two\nnext: 1\n');
    expect(editList(source, [undefined, null], [])).toBe('tags:\n    - a   # one\nnext: 1\n');
    expect(editList(source, [null, undefined], ['c'])).toBe('tags:\n    - b # two\n    - c\nnext: 1\n');
    expect(editList(source, [null, null], [])).toBe('tags:\nnext: 1\n');
  });

  it('block list at the very end of the text, without a last line break: the new item goes on a new line', () => {
    expect(editList('tags:\n  - a', [], ['b', 'c'])).toBe('tags:\n  - a\n  - b\n  - c');
    expect(editList('tags:\r\n  - a', [], ['b'], '\r\n')).toBe('tags:\r\n  - a\r\n  - b');
    expect(editList('tags:\r\n  - a\r\n', [], ['b'], '\r\n')).toBe('tags:\r\n  - a\r\n  - b\r\n');
  });

  it('block list: items that are not single values are left alone', () => {
    expect(editList('tags:\n  - [x]\n  - a\n', [null], ['b'])).toBe('tags:\n  - [x]\n  - b\n');
  });
});

describe('which keys count', () => {
  it('only top-level keys that are text; none for a note with no fields', () => {
    const fm = readFrontMatter(note('title: t\n1: one\n[a]: b\n"x ": y\n'));
    expect(pairsOf(fm.yaml).map((pair) => pair.key.value)).toEqual(['title', 'x ']);
    expect(findPair(fm.yaml, '1')).toBeUndefined();
    expect(findPair(fm.yaml, 'x')?.key.value).toBe('x ');
    expect(pairsOf(readFrontMatter(note('')).yaml)).toEqual([]);
  });

  it('nodeLine is the file line of a node', () => {
    const fm = readFrontMatter(note('title: t\n\n\nroom: B1\n'));
    expect(nodeLine(fm.yaml, findPair(fm.yaml, 'title')!.key)).toBe(2);
    expect(nodeLine(fm.yaml, findPair(fm.yaml, 'room')!.value!)).toBe(5);
  });

  it('front matter that is a list or a single value is refused, with its first line', () => {
    expect(() => readFrontMatter(note('- a\n- b\n'))).toThrow(/not a set of "key: value" fields/);
    expect(() => readFrontMatter(note('just text\n'))).toThrow(/not a set of "key: value" fields/);
    expect(readFrontMatter(note('')).yaml.doc.contents).toBeNull();
  });
});

describe('setField paths', () => {
  it('a new key is written plain when it is a plain word, quoted when YAML would misread it', () => {
    const before = note('title: t\n');
    for (const key of ['rating', 'my_key', '_x', 'x-y', 'a1', 'B', '1a', 'a b']) {
      expect(setField(before, key, 1)).toBe(note(`title: t\n${key}: 1\n`));
    }
    for (const key of ['1e3', '1', 'a: b', 'a #b']) {
      expect(setField(before, key, 1)).toBe(note(`title: t\n${JSON.stringify(key)}: 1\n`));
    }
  });

  it('removes a key with no value, and one whose value is a block map', () => {
    expect(setField(note('room:\ntitle: t\n'), 'room', undefined)).toBe(note('title: t\n'));
    expect(setField(note('links:\n  video: u\n  slides: s\ntitle: t\n'), 'links', undefined)).toBe(
      note('title: t\n'),
    );
  });

  it('replaces a flow map in place, and a block map or folded scalar from the colon', () => {
    expect(setField(note('mood: {a: 1}   # kept\nx: 1\n'), 'mood', 'calm')).toBe(
      note('mood: calm   # kept\nx: 1\n'),
    );
    expect(setField(note('mood: [a, b] # kept\n'), 'mood', ['c'])).toBe(note('mood: [c] # kept\n'));
    expect(setField(note('links:\n  video: u\nx: 1\n'), 'links', { video: 'v' })).toBe(
      note('links: {video: v}\nx: 1\n'),
    );
    expect(setField(note('summary: >\n  folded\n  text\nx: 1\n'), 'summary', 'short')).toBe(
      note('summary: short\nx: 1\n'),
    );
    expect(setField(note('summary: "a |"\n'), 'summary', 'b')).toBe(note('summary: b\n'));
  });

  it('keeps the line ends of a CRLF note when a block value is replaced', () => {
    expect(setField('---\r\ntags:\r\n  - a\r\nroom: B\r\n---\r\n', 'tags', ['c'])).toBe(
      '---\r\ntags: [c]\r\nroom: B\r\n---\r\n',
    );
  });

  it('an empty value is written after the colon, with one space', () => {
    expect(setField(note('room:   \ntitle: t\n'), 'room', 'B2')).toBe(note('room: B2   \ntitle: t\n'));
    expect(setField(note('room: \t# none\ntitle: t\n'), 'room', 'B2')).toBe(
      note('room: B2 \t# none\ntitle: t\n'),
    );
  });

  it('refuses a set that would not read back as just that field changed', () => {
    // The key is written with a space inside its quotes: setting "room" would leave the field named "room ".
    expect(() => setField(note('"room ": B1\ntitle: t\n'), 'room', 'B2')).toThrow(
      'cannot set "room" without changing other fields',
    );
  });
});
