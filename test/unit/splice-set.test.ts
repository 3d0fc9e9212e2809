/**
 * setField's choices of where a value goes and how a new key is spelled,
 * byte for byte (issue 20, aimed at what a mutation run left untested).
 */
import { describe, expect, it } from 'vitest';
import { setField } from '../../src/core/front-matter/splice.js';

const note = (frontMatter: string) => `---\n${frontMatter}---\nbody\n`;

describe('setField', () => {
  it.each([
    ['ab1', 'ab1: 1\n'],
    ['a-b_c', 'a-b_c: 1\n'],
    ['_x', '_x: 1\n'],
    ['a b', 'a b: 1\n'],
    ['yes', 'yes: 1\n'],
    ['no_', 'no_: 1\n'],
  ])('writes the new key %j as it reads back', (key, line) => {
    expect(setField(note('title: T\n'), key, 1)).toBe(note(`title: T\n${line}`));
  });

  it('writes after the colon of a key spaced from it', () => {
    expect(setField(note('room  :\ntitle: T\n'), 'room', 'B1')).toBe(note('room  : B1\ntitle: T\n'));
  });

  it.each([
    ['type:   session\n', 'type', 'keynote', 'type:   keynote\n'],
    ['title:   a > b\n', 'title', 'c', 'title:   c\n'],
    ['title:   a | b\n', 'title', 'c', 'title:   c\n'],
    ['speakers:  [a]\n', 'speakers', ['b'], 'speakers:  [b]\n'],
    ['links:  {a: b}\n', 'links', { c: 'd' }, 'links:  {c: d}\n'],
  ])('replaces a scalar or flow value where it stands: %j', (before, key, value, after) => {
    expect(setField(note(before), key, value)).toBe(note(after));
  });

  it('replaces a block value from the colon', () => {
    expect(setField(note('speakers:\n  - a\ntitle: T\n'), 'speakers', ['b'])).toBe(
      note('speakers: [b]\ntitle: T\n'),
    );
    expect(setField(note('summary: |\n  long\ntitle: T\n'), 'summary', 'x')).toBe(
      note('summary: x\ntitle: T\n'),
    );
  });
});
