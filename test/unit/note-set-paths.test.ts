// The edges of `confnotes set` each rule of note-set.ts decides (issue 20, mutation testing).
import { describe, expect, it } from 'vitest';
import { parseAssignments, setNoteFields } from '../../src/core/note/note-set.js';

const note = (...front: string[]) =>
  `---\ntitle: Fibre\ntype: session\ndate: 2013-04-16\n${front.join('\n')}${front.length ? '\n' : ''}---\nbody\n`;
const set = (text: string, ...words: string[]) => setNoteFields(text, parseAssignments(words));
const BASE = note();
const FLAGS = ['draft: true', 'eleventyExcludeFromCollections: true', 'permalink: false', 'publish: false'];

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('parseAssignments', () => {
  it('trims the blanks around the name and the value', () => {
    expect(parseAssignments([' room =  B1 '])).toEqual([{ name: 'room', value: 'B1' }]);
  });
});

describe('setNoteFields values', () => {
  it.each([
    ['rating=4', 'rating: 4'],
    ['rating=04', 'rating: 4'],
    ['rating=4.00', 'rating: 4'],
    ['rating=4.0', 'rating: 4'],
  ])('reads %s as a number', (word, line) => {
    expect(set(BASE, word).text).toBe(note(line));
  });

  it.each([
    ['rating=x4', 'rating "x4"'],
    ['rating=4x', 'rating "4x"'],
    ['rating=4.x', 'rating "4.x"'],
    ['rating=-2', 'rating "-2"'],
    ['rating=10', 'rating "10"'],
  ])('refuses %s showing the value as given', (word, shown) => {
    expect(refusal(() => set(BASE, word))).toBe(
      `cannot set rating: ${shown} is not a whole number from 1 to 5`,
    );
  });

  it('drops the empty items of a list', () => {
    expect(set(BASE, 'speakers=Ada,, Alan ,').text).toBe(note('speakers: [Ada, Alan]'));
  });

  it('knows no field by a name with a space in it', () => {
    expect(refusal(() => set(BASE, 'Stryker was here=x'))).toMatch(
      /^cannot set Stryker was here: unknown field/,
    );
  });

  it('writes only the field and its aliases, not another key the note has', () => {
    const text = note('Stryker was here: 1');
    expect(set(text, 'title=Glass').text).toBe(text.replace('title: Fibre', 'title: Glass'));
  });

  it.each([
    [
      'conference=x',
      'cannot set conference: not set here; the folder says which conference a note belongs to',
    ],
    ['programme=x', 'cannot set programme: not set here; it is written by confnotes new --from'],
  ])('refuses %s, saying where to go instead', (word, message) => {
    expect(refusal(() => set(BASE, word))).toBe(message);
  });
});

describe('setNoteFields links', () => {
  it('sets a kind the note has only in its nested map, or only flat', () => {
    const nested = note('links: {paper: https://example.org/p}');
    expect(set(nested, 'paper=https://example.org/q').text).toBe(note('paper: https://example.org/q'));
    const flat = note('paper: https://example.org/p');
    expect(set(flat, 'paper=https://example.org/q').text).toBe(note('paper: https://example.org/q'));
  });

  it('takes http as well as https, and refuses what only looks like one', () => {
    expect(set(BASE, 'video=http://example.org/v').text).toBe(note('video: http://example.org/v'));
    expect(set(BASE, 'video=HTTPS://example.org/v').text).toBe(note('video: HTTPS://example.org/v'));
    for (const url of ['https://', 'xhttps://example.org/v', 'ftp://example.org/v'])
      expect(refusal(() => set(BASE, `video=${url}`))).toMatch(
        /^cannot set video: link "video" .* is not a URL/,
      );
  });

  it('leaves an empty nested map alone when the kind is not in it', () => {
    const text = note('links: {}');
    expect(set(text, 'slides=https://example.org/s').text).toBe(
      note('links: {}', 'slides: https://example.org/s'),
    );
  });

  it('keeps the flat links when another field is set', () => {
    const text = note('slides: https://example.org/s');
    expect(set(text, 'rating=4').text).toBe(note('slides: https://example.org/s', 'rating: 4'));
  });
});

describe('setNoteFields private flags', () => {
  it('private=false on a note without flags adds only that line', () => {
    expect(set(BASE, 'private=false').text).toBe(note('private: false'));
  });

  it('private=true on a note already private changes nothing, comments kept', () => {
    const text = note('private: true', ...FLAGS.map((line) => `${line}  # kept`));
    expect(set(text, 'private=true')).toEqual({ text, changed: [] });
  });

  it('private=true keeps a flag spelled another way that reads the same (True)', () => {
    const text = note('private: true', 'draft: True', ...FLAGS.slice(1));
    expect(set(text, 'private=true')).toEqual({ text, changed: [] });
  });

  it('private=false keeps a flag whose value is not the private one', () => {
    const text = note('draft: false');
    expect(set(text, 'private=false').text).toBe(note('draft: false', 'private: false'));
  });

  it('another field leaves the flags of a public note alone', () => {
    const text = note(...FLAGS);
    expect(set(text, 'rating=4').text).toBe(note(...FLAGS, 'rating: 4'));
  });
});
