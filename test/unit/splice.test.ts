import { describe, expect, it } from 'vitest';
import { splitNote } from '../../src/core/front-matter/front-matter.js';
import {
  applySplices,
  findPair,
  keyLine,
  readFrontMatter,
  setField,
} from '../../src/core/front-matter/splice.js';

const note = (frontMatter: string, body = '## Notes\n- 10:01 hi\n') => `---\n${frontMatter}---\n${body}`;

describe('applySplices', () => {
  it('applies splices given in any order against the original offsets', () => {
    const text = 'abcdef';
    const splices = [
      { from: 0, to: 1, insert: 'A' },
      { from: 4, to: 6, insert: '' },
      { from: 2, to: 2, insert: '+' },
    ];
    expect(applySplices(text, splices)).toBe('Ab+cd');
    expect(applySplices(text, [...splices].reverse())).toBe('Ab+cd');
  });

  it('puts an insertion at the start of a removed span after the removal', () => {
    const splices = [
      { from: 2, to: 2, insert: 'X' },
      { from: 2, to: 4, insert: '' },
    ];
    expect(applySplices('abcdef', splices)).toBe('abXef');
    expect(applySplices('abcdef', [...splices].reverse())).toBe('abXef');
  });

  it('refuses overlapping splices', () => {
    expect(() =>
      applySplices('abcdef', [
        { from: 0, to: 3, insert: '' },
        { from: 2, to: 4, insert: '' },
      ]),
    ).toThrow(/overlapping/);
  });
});

describe('findPair and keyLine', () => {
  it('find a key by its trimmed text, and give its file line', () => {
    const fm = readFrontMatter(note('title: t\n"room ": B1\n'));
    expect(findPair(fm.yaml, 'room')?.key.value).toBe('room ');
    expect(keyLine(fm.yaml, 'room')).toBe(3);
    expect(keyLine(fm.yaml, 'absent')).toBe(2);
  });
});

describe('setField', () => {
  it('replaces a scalar in place, keeping its comment and every other byte', () => {
    const before = note('title: "Old"   # mine\nrating: 3 # so-so\nmood: {a: 1}\n');
    expect(setField(before, 'rating', 5)).toBe(before.replace('rating: 3', 'rating: 5'));
    expect(setField(before, 'title', 'New: part 2')).toBe(before.replace('"Old"', '"New: part 2"'));
  });

  it('writes values a YAML 1.1 reader would misread as quoted text, and lists in flow style', () => {
    const before = note('title: t\n');
    const text = setField(setField(before, 'start', '09:00'), 'speakers', ['Ann', 'Bob']);
    expect(text).toBe(note('title: t\nstart: "09:00"\nspeakers: [Ann, Bob]\n'));
    expect(splitNote(text).data).toEqual({ title: 't', start: '09:00', speakers: ['Ann', 'Bob'] });
  });

  it('replaces a block value, an empty one and a block scalar, and keeps the next key', () => {
    expect(setField(note('tags:\n  - a\n  - b\nroom: B1\n'), 'tags', ['c'])).toBe(
      note('tags: [c]\nroom: B1\n'),
    );
    expect(setField(note('room:\ntitle: t\n'), 'room', 'B2')).toBe(note('room: B2\ntitle: t\n'));
    expect(setField(note('summary: |\n  long\n  text\nroom: B1\n'), 'summary', 'short')).toBe(
      note('summary: short\nroom: B1\n'),
    );
  });

  it('adds a missing key last, with the file’s line ends', () => {
    expect(setField('---\r\ntitle: t\r\n---\r\nbody\r\n', 'rating', 4)).toBe(
      '---\r\ntitle: t\r\nrating: 4\r\n---\r\nbody\r\n',
    );
    expect(setField('---\n---\n', 'title', 'x')).toBe('---\ntitle: x\n---\n');
  });

  it('removes a key with its value and nothing else', () => {
    const before = note('title: t\ntags:\n  - a # why\n  - b\nroom: B1 # here\n');
    expect(setField(before, 'tags', undefined)).toBe(note('title: t\nroom: B1 # here\n'));
    expect(setField(before, 'room', undefined)).toBe(note('title: t\ntags:\n  - a # why\n  - b\n'));
    expect(setField(before, 'absent', undefined)).toBe(before);
  });

  it('refuses front matter written as one flow map, and a note it cannot read', () => {
    expect(() => setField(note('{title: t}\n'), 'title', 'u')).toThrow(/edit it by hand/);
    expect(() => setField(note('title: [t\n'), 'title', 'u')).toThrow(/broken YAML/);
    expect(() => setField('no front matter', 'title', 'u')).toThrow(/no front matter/);
  });
});
