/**
 * editTags on the shapes a `tags` entry takes besides a tidy list: a single
 * tag, an empty or null value, duplicates, tags that normalise to nothing,
 * and a value that is no list at all; byte for byte, with what it reports.
 */
import { describe, expect, it } from 'vitest';
import { editTags, flowList } from '../../src/core/front-matter/tag-edit.js';

const note = (frontMatter: string, body = '## Notes\n- 10:01 hi\n') => `---\n${frontMatter}---\n${body}`;

describe('editTags on other shapes of "tags"', () => {
  it('a single tag becomes a flow list in place, also when it is removed', () => {
    expect(editTags(note('tags: solo # one\nx: 1\n'), { remove: ['solo'] })).toEqual({
      text: note('tags: [] # one\nx: 1\n'),
      tags: [],
      added: [],
      removed: ['solo'],
    });
    expect(editTags(note('tags: Solo\n'), { add: ['b'], remove: ['solo'] }).text).toBe(note('tags: [b]\n'));
  });

  it('an empty, null or blank value is no tags: filled in place after the colon', () => {
    expect(editTags(note('tags: ""\nx: 1\n'), { add: ['a'] }).text).toBe(note('tags: [a]\nx: 1\n'));
    expect(editTags(note('tags: ~\n'), { add: ['a'] }).text).toBe(note('tags: [a]\n'));
    expect(editTags(note('tags:   # none yet\n'), { add: ['a'] }).text).toBe(
      note('tags: [a]   # none yet\n'),
    );
    for (const empty of ['tags: ""\n', 'tags: ~\n', 'tags:\n']) {
      expect(editTags(note(empty), { remove: ['a'] })).toEqual({
        text: note(empty),
        tags: [],
        added: [],
        removed: [],
      });
    }
  });

  it('a map is neither a list nor a tag: refused with the first line of the front matter', () => {
    expect(() => editTags(note('title: t\ntags: {a: 1}\n'), { add: ['b'] })).toThrow(
      /"tags" is neither a list nor a single tag/,
    );
    expect(() => editTags(note('tags:\n  a: 1\n'), { remove: ['a'] })).toThrow(
      /neither a list nor a single tag/,
    );
  });

  it('tags in the file are compared normalised, and a duplicate is removed with its twin, reported once', () => {
    const before = note('tags:\n  - Storage\n  - "#storage"\n  - b\n');
    expect(editTags(before, { remove: ['STORAGE'] })).toEqual({
      text: note('tags:\n  - b\n'),
      tags: ['b'],
      added: [],
      removed: ['storage'],
    });
  });

  it('added tags are normalised, de-duplicated and never already kept; the result lists each tag once', () => {
    const before = note('tags: [a, a, b]\n');
    expect(editTags(before, { add: ['C', 'c', '#c', 'a', 'B'] })).toEqual({
      text: note('tags: [a, a, b, c]\n'),
      tags: ['a', 'b', 'c'],
      added: ['c'],
      removed: [],
    });
  });

  it('a tag given as nothing (empty, or only "#") is neither added nor removed', () => {
    const before = note('tags: [a, "#"]\n');
    expect(editTags(before, { add: ['', '#'], remove: ['', '#'] })).toEqual({
      text: before,
      tags: ['a', ''],
      added: [],
      removed: [],
    });
    expect(editTags(note('title: t\n'), { add: ['#'] }).text).toBe(note('title: t\n'));
  });

  it('a tag removed and added in one edit stays, and the note is unchanged', () => {
    const before = note('tags: [a, b]\n');
    expect(editTags(before, { add: ['a'], remove: ['a'] })).toEqual({
      text: note('tags: [b, a]\n'),
      tags: ['b', 'a'],
      added: ['a'],
      removed: ['a'],
    });
  });

  it('an item that is not a single tag (a nested list) is kept, and does not shift which item is removed', () => {
    expect(editTags(note('tags:\n  - [x]\n  - a\n  - b\n'), { remove: ['a'] })).toEqual({
      text: note('tags:\n  - [x]\n  - b\n'),
      tags: ['b'],
      added: [],
      removed: ['a'],
    });
  });

  it('an empty value with white space before its colon is filled after the colon', () => {
    expect(editTags(note('tags :\nx: 1\n'), { add: ['a'] }).text).toBe(note('tags : [a]\nx: 1\n'));
    expect(editTags(note('tags   :   # later\n'), { add: ['a'] }).text).toBe(
      note('tags   : [a]   # later\n'),
    );
  });

  it('an explicit key with no value ("? tags") is refused, and the next field left alone', () => {
    expect(() => editTags('---\ntitle: t\n? tags\nroom: B1\n---\n', { add: ['a'] })).toThrow(
      /"tags" has no "tags:" line to write to/,
    );
  });

  it('with no edit given, nothing changes', () => {
    const before = note('tags: [a]\n');
    expect(editTags(before, {})).toEqual({ text: before, tags: ['a'], added: [], removed: [] });
  });

  it('a missing tags entry goes last, with every tag of the edit', () => {
    expect(editTags(note('title: t\n'), { add: ['b', 'a', 'yes'] }).text).toBe(
      note('title: t\ntags: [b, a, "yes"]\n'),
    );
  });

  it('flowList writes a YAML flow list, quoting what needs it', () => {
    expect(flowList([])).toBe('[]');
    expect(flowList(['a', 'b-c', 'no', 'x,y'])).toBe('[a, b-c, "no", "x,y"]');
  });
});
