import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNote } from '../../src/core/note/note.js';
import { cleanText } from '../../src/core/note/note-new.js';
import { parseAssignments, setNoteFields } from '../../src/core/note/note-set.js';

const FRONT = [
  'title: "Fibre"   # keep this comment',
  'type:   session',
  'date: 2013-04-16',
  'start: "10:00"',
  'end: "10:40"',
  'speakers: [Jane Roe]',
  'room:',
  "track: 'Storage'",
  'rating: 3  # first guess',
  'links: {video: https://example.org/v}',
  'mine: {a: 1}',
].join('\n');
const NOTE = `---\n${FRONT}\n---\n## Notes\n- 10:01 rating: 5 in the body stays\n`;

const set = (text: string, ...words: string[]) => setNoteFields(text, parseAssignments(words));

/** The lines of `after` that differ from `before`'s, as [before, after]. */
function changedLines(before: string, after: string): [string | undefined, string | undefined][] {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: [string | undefined, string | undefined][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push([a[i], b[i]]);
  return out;
}

describe('parseAssignments', () => {
  it('splits at the first "=" and refuses a word without one', () => {
    expect(parseAssignments(['summary=a = b', 'room='])).toEqual([
      { name: 'summary', value: 'a = b' },
      { name: 'room', value: '' },
    ]);
    expect(() => parseAssignments(['rating'])).toThrow(/"rating" is not field=value/);
    expect(() => parseAssignments(['=4'])).toThrow(/not field=value/);
    expect(() => parseAssignments([])).toThrow(/nothing to set/);
  });
});

describe('setNoteFields', () => {
  it('sets private in every spelling the note uses, and its publishing flags with it', () => {
    const text =
      '---\ntitle: T\ndate: 2013-04-16\nPrivate: true\ndraft: true\neleventyExcludeFromCollections: true\npermalink: false\npublish: false\n---\n';
    const { text: after } = set(text, 'private=false');
    const meta = parseNote(after).meta;
    expect(meta.private).toBe(false);
    expect(after).toContain('Private: false');
    expect(after).not.toContain('draft');
  });

  it('refuses a link holding a control or direction character', () => {
    expect(() => set(NOTE, 'slides=https://a.example/\u202egnp')).toThrow(/control or direction character/);
  });

  it('keeps the slot together: a start set on the note of a talk keeps its date and end too', () => {
    const linked = NOTE.replace('---\n## Notes', 'programme: talk-1\n---\n## Notes');
    expect(linked).toContain('programme: talk-1');
    const { text, changed } = set(linked, 'start=14:00');
    expect(parseNote(text).meta.keep).toEqual(['start', 'date', 'end']);
    expect(changed).toEqual(['start=14:00', 'keep=start,date,end']);
    expect(parseNote(set(linked, 'room=B2').text).meta.keep).toEqual(['room']);
  });

  it('writes one clean line, as new does: no control character, no line break', () => {
    const { text, changed } = set(
      NOTE,
      'title=Evil\u001b[31mRed\u0007',
      'summary=first\nsecond',
      'room=A\u202eB',
    );
    const meta = parseNote(text).meta;
    expect(meta.title).toBe('Evil [31mRed');
    expect(meta.summary).toBe('first second');
    expect(meta.room).toBe('A B');
    expect(text).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
    expect(changed).toEqual(['title=Evil [31mRed', 'summary=first second', 'room=A B']);
  });

  it('changes only the value of the edited line, keeping its comment', () => {
    const { text, changed } = set(NOTE, 'rating=4');
    expect(changed).toEqual(['rating=4']);
    expect(text).toBe(NOTE.replace('rating: 3  # first guess', 'rating: 4  # first guess'));
  });

  it('reads each value as its field holds it, quoting what would change type', () => {
    const { text } = set(
      NOTE,
      'room=101',
      'favourite=true',
      'speakers=Ada Lovelace, Alan Turing',
      'start=09:05',
    );
    expect(changedLines(NOTE, text)).toEqual([
      ['start: "10:00"', 'start: "09:05"'],
      ['speakers: [Jane Roe]', 'speakers: [Ada Lovelace, Alan Turing]'],
      ['room:', 'room: "101"'],
      ['---', 'favourite: true'],
      ['## Notes', '---'],
      ['- 10:01 rating: 5 in the body stays', '## Notes'],
      ['', '- 10:01 rating: 5 in the body stays'],
      [undefined, ''],
    ]);
    const { meta } = parseNote(text);
    expect(meta).toMatchObject({ room: '101', favourite: true, speakers: ['Ada Lovelace', 'Alan Turing'] });
  });

  it('removes a field with an empty value, and leaves an absent one alone', () => {
    expect(set(NOTE, 'track=').text).toBe(NOTE.replace("track: 'Storage'\n", ''));
    expect(set(NOTE, 'summary=')).toEqual({ text: NOTE, changed: [] });
  });

  // Issue 19 changed this: links are written as flat properties, and an old nested entry moves out.
  it('sets and removes one link kind as a flat property; the old nested map goes when empty', () => {
    const withSlides = set(NOTE, 'slides=https://example.org/s.pdf').text;
    expect(withSlides).toBe(
      NOTE.replace('mine: {a: 1}\n', 'mine: {a: 1}\nslides: https://example.org/s.pdf\n'),
    );
    expect(parseNote(withSlides).meta.links).toEqual({
      video: 'https://example.org/v',
      slides: 'https://example.org/s.pdf',
    });
    const moved = set(withSlides, 'video=https://example.org/v2').text;
    expect(moved).not.toContain('links:');
    expect(moved).toContain('\nvideo: https://example.org/v2\n');
    expect(parseNote(moved).meta.links).toEqual({
      video: 'https://example.org/v2',
      slides: 'https://example.org/s.pdf',
    });
    expect(set(withSlides, 'video=', 'slides=').text).toBe(
      NOTE.replace('links: {video: https://example.org/v}\n', ''),
    );
    expect(set(NOTE, 'links.paper=https://example.org/p').text).toContain('\npaper: https://example.org/p\n');
    expect(set(withSlides, 'links=').text).not.toMatch(/links:|slides:/);
    expect(() => set(NOTE, 'links.title=https://example.org/p')).toThrow(/not a note field/);
  });

  it('private=true adds the flags site generators honour; private=false removes them', () => {
    const hidden = set(NOTE, 'private=true').text;
    for (const line of [
      'private: true',
      'draft: true',
      'eleventyExcludeFromCollections: true',
      'permalink: false',
      'publish: false',
    ])
      expect(hidden).toContain(`\n${line}\n`);
    expect(parseNote(hidden).meta.links).toEqual({ video: 'https://example.org/v' });
    const shown = set(hidden, 'private=false').text;
    expect(shown).toBe(NOTE.replace('mine: {a: 1}\n', 'mine: {a: 1}\nprivate: false\n'));
  });

  it('writes to the alias a note already uses, so the two cannot disagree', () => {
    const aliased = NOTE.replace('mine: {a: 1}', 'favorite: true');
    const { text } = set(aliased, 'favourite=false');
    expect(text).toBe(aliased.replace('favorite: true', 'favorite: false'));
    expect(parseNote(text).meta.favourite).toBe(false);
  });

  it.each([
    [['rating=7'], /^cannot set rating: rating "7" is not a whole number from 1 to 5$/],
    [['rating=four'], /^cannot set rating: rating "four"/],
    [['type=talk'], /^cannot set type: unknown type "talk"/],
    [['date=2013-02-30'], /^cannot set date: "2013-02-30" is not a date/],
    [['date='], /^cannot set date: no date/],
    [['title='], /^cannot set title: no title/],
    [['start=25:00'], /^cannot set start: start "25:00" is not a time/],
    [['favourite=yes'], /^cannot set favourite: favourite "yes" is not true or false/],
    [['video=not a url'], /^cannot set video: link "video" "not a url" is not a URL/],
    [['slides=javascript:alert(1)'], /^cannot set slides: .* is not a URL/],
    [['colour=red'], /^cannot set colour: unknown field; known: title, type, date/],
    [['tags=a'], /^cannot set tags: not set here; use confnotes tag \/ untag/],
    [['links=https://x.org'], /^cannot set links: give each as kind=URL/],
    [['rating=4', 'room=B1', 'end=99'], /^cannot set end: /],
  ])('refuses %j with a line naming the field, and exit code 2', (words, message) => {
    let error: unknown;
    try {
      set(NOTE, ...words);
    } catch (caught) {
      error = caught;
    }
    expect(String((error as Error).message)).toMatch(message);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
  });

  it('can mend a field the note cannot be read with', () => {
    const broken = NOTE.replace('date: 2013-04-16', 'date: 16/04/2013');
    expect(() => parseNote(broken)).toThrow();
    expect(parseNote(set(broken, 'date=2013-04-16').text).meta.date).toBe('2013-04-16');
  });

  it('keeps every other byte for any text value (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => cleanText(s) !== ''),
        fc.constantFrom('summary', 'room', 'track', 'title'),
        (value, field) => {
          const { text } = set(NOTE, `${field}=${value}`);
          // The value as new would write it: one line, no control character.
          expect(String(parseNote(text).meta[field])).toBe(cleanText(value));
          // Only the field's own line changed or was added just before the closing ---.
          const kept = text.split('\n').filter((line) => !line.startsWith(`${field}:`));
          const was = NOTE.split('\n').filter((line) => !line.startsWith(`${field}:`));
          expect(kept).toEqual(was);
        },
      ),
      { numRuns: 100 },
    );
  });
});
