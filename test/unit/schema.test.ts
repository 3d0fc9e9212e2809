import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../../src/core/check/rule.js';
import { RULES } from '../../src/core/check/rules/index.js';
import { cacheFormatOf, NOTE_CACHE_FORMAT } from '../../src/core/note/note-cache.js';
import { compareNotes } from '../../src/core/note/note-order.js';
import { noteSummaryJson } from '../../src/core/note/note-query.js';
import { parseNote, type Note } from '../../src/core/note/note.js';
import { fieldIssues, KNOWN_FIELDS, NOTE_FIELDS, NOTE_SCHEMA } from '../../src/core/note/schema.js';
import { note } from '../helpers/workspace.js';

/** A note with these fields changed (`undefined` leaves a field out). */
const parse = (fields: Record<string, string | undefined>) =>
  parseNote(note(fields as Record<string, string>)).meta;

function refusal(fields: Record<string, string | undefined>): { message: string; line?: number } {
  try {
    parse(fields);
  } catch (error) {
    return { message: (error as Error).message, line: (error as { line?: number }).line };
  }
  throw new Error('the note was accepted');
}

describe('parseNote: every rule of the schema', () => {
  // [fields, what is read] for notes that are accepted.
  it.each<[Record<string, string | undefined>, Record<string, unknown>]>([
    [{ title: '42' }, { title: '42' }],
    [{ title: '"  Padded  "' }, { title: 'Padded' }],
    [{ type: undefined }, { type: 'session' }],
    [{ type: '101' }, { type: '101' }],
    [
      { start: undefined, end: undefined },
      { start: null, end: null },
    ],
    [{ end: '"23:59"' }, { end: '23:59' }],
    [{ rating: '1' }, { rating: 1 }],
    [{ rating: '5' }, { rating: 5 }],
    [{ rating: '""' }, { rating: null }],
    [{ rating: '~' }, { rating: null }],
    [{ favorite: 'true' }, { favourite: true }],
    [{ favourite: 'false', favorite: 'true' }, { favourite: true }],
    [{ favorite: 'yes' }, { favourite: false }],
    [{ favourite: '"true"' }, { favourite: false }],
    [{ private: 'true' }, { private: true }],
    [{ private: '1' }, { private: true }],
    [{ private: 'no' }, { private: true }],
    [{ private: 'false' }, { private: false }],
    [
      { links: '[https://a.example/1, https://a.example/2]' },
      { links: { link: 'https://a.example/1', link2: 'https://a.example/2' } },
    ],
    [{ links: 'https://a.example/s' }, { links: { link: 'https://a.example/s' } }],
    [{ links: '{slides: https://a.example/s, empty: ""}' }, { links: { slides: 'https://a.example/s' } }],
    [{ speakers: 'Ann' }, { speakers: ['Ann'] }],
    [{ speakers: '[Ann, {x: 1}, 7]' }, { speakers: ['Ann', '7'] }],
    [{ tags: '[Storage, "#storage", "", HA]' }, { tags: ['storage', 'ha'] }],
    [{ programme: 'talk-1' }, { programme: 'talk-1' }],
    [{ summary: '"   "' }, { summary: null }],
  ])('accepts %j as %j', (fields, expected) => {
    expect(parse(fields)).toMatchObject(expected);
  });

  // [fields, message, line] for notes that are refused.
  it.each<[Record<string, string | undefined>, RegExp, number]>([
    [{ title: undefined }, /^no title: add a line "title: \.\.\."$/, 2],
    [{ title: '[a, b]' }, /^no title/, 2],
    [{ type: 'talk' }, /^unknown type "talk" \(one of keynote, session/, 3],
    [{ date: undefined }, /^no date: add a line "date: YYYY-MM-DD"$/, 2],
    [{ date: '2013-13-01' }, /^"2013-13-01" is not a date \(YYYY-MM-DD\)$/, 5],
    [{ date: '20130416' }, /is not a date/, 5],
    [{ start: '"9:00"' }, /^start "9:00" is not a time \(HH:MM, 24-hour\)$/, 6],
    [{ end: '"24:00"' }, /^end "24:00" is not a time/, 7],
    [{ end: 'soon' }, /^end "soon" is not a time/, 7],
    [{ rating: '0' }, /^rating "0" is not a whole number from 1 to 5$/, 8],
    [{ rating: '-2' }, /^rating "-2" is not/, 8],
    [{ rating: '6' }, /^rating "6" is not/, 8],
    [{ rating: '2.5' }, /^rating "2.5" is not/, 8],
    [{ rating: 'great' }, /^rating "great" is not/, 8],
  ])('refuses %j: %s on line %i', (fields, message, line) => {
    const { message: got, line: at } = refusal(fields);
    expect(got).toMatch(message);
    expect(at).toBe(line);
  });

  it('refuses on the first fatal field in schema order', () => {
    expect(refusal({ title: undefined, date: 'x', rating: '9' }).message).toMatch(/^no title/);
    expect(refusal({ date: 'x', rating: '9' }).message).toMatch(/not a date/);
  });
});

describe('the schema', () => {
  it('declares each field once, and derives the known keys, the cache format and the JSON shape', () => {
    expect(NOTE_FIELDS).toEqual([
      'title',
      'type',
      'conference',
      'date',
      'start',
      'end',
      'speakers',
      'track',
      'room',
      'tags',
      'rating',
      'favourite',
      'private',
      'links',
      'summary',
      'programme',
      'keep',
    ]);
    expect(new Set(NOTE_FIELDS).size).toBe(NOTE_FIELDS.length);
    expect(KNOWN_FIELDS).toEqual([...NOTE_FIELDS.slice(0, 12), 'favorite', ...NOTE_FIELDS.slice(12)]);
    expect(NOTE_CACHE_FORMAT).toBe(cacheFormatOf(NOTE_SCHEMA));
    expect(NOTE_CACHE_FORMAT).toMatch(/^confnotes note cache 3 [0-9a-f]{16}: title,type,conference,/);
    const meta = parse({ conference: undefined });
    const listed = noteSummaryJson({
      ...meta,
      id: 'x',
      path: 'conf/x.md',
      file: '/x',
      folder: 'conf',
      body: '',
    });
    expect(Object.keys(listed)).toEqual([
      'id',
      'path',
      'conference',
      'title',
      'type',
      'date',
      'start',
      'end',
      'speakers',
      'tags',
      'rating',
      'favourite',
      'private',
      // Added for scripts by issue 19: the absolute path, and instants with the conference's offset.
      'abs_path',
      'start_at',
      'end_at',
    ]);
    expect(listed.conference).toBe('conf');
  });

  it('changes the cache format when a field is added, renamed or read differently', () => {
    const schema = [...NOTE_SCHEMA];
    const formats = new Set([
      cacheFormatOf(schema),
      cacheFormatOf([...schema, { ...schema[7]!, key: 'hall' }]),
      cacheFormatOf(schema.map((spec) => (spec.key === 'room' ? { ...spec, key: 'location' } : spec))),
      cacheFormatOf(
        schema.map((spec) => (spec.key === 'room' ? { ...spec, read: (raws) => String(raws[0]) } : spec)),
      ),
    ]);
    expect(formats.size).toBe(4);
  });

  it('gives check the lenient problems that parseNote lets through, at their own keys', () => {
    const data = { title: 't', date: '2013-04-16', favorite: 'yes', tags: [{ a: 1 }], links: ['x'] };
    expect(fieldIssues(data).map(({ key, rule, fatal }) => `${key}:${rule}:${fatal}`)).toEqual([
      'tags:invalid-value:false',
      'favorite:invalid-value:false',
      'links:link-not-url:false',
    ]);
  });
});

describe('the note order', () => {
  const at = (date: string, start: string | null, title: string, path = `${title}.md`) =>
    ({ date, start, title, path }) as Note;

  it('is date, start, title (numbers by value), then path, whatever the machine locale', () => {
    const notes = [
      at('2013-04-17', '09:00', 'a'),
      at('2013-04-16', '10:00', 'Talk 10'),
      at('2013-04-16', '10:00', 'Talk 9'),
      at('2013-04-16', null, 'z'),
      at('2013-04-16', '10:00', 'Talk 9', 'b/Talk 9.md'),
    ];
    expect(notes.sort(compareNotes).map((n) => `${n.date} ${n.start} ${n.title} ${n.path}`)).toEqual([
      '2013-04-16 null z z.md',
      '2013-04-16 10:00 Talk 9 Talk 9.md',
      '2013-04-16 10:00 Talk 9 b/Talk 9.md',
      '2013-04-16 10:00 Talk 10 Talk 10.md',
      '2013-04-17 09:00 a a.md',
    ]);
  });
});

describe('the check rules', () => {
  it('are each registered, and every rule id has a rule', () => {
    expect(new Set(RULES.map((rule) => rule.id))).toEqual(new Set(CHECK_RULES));
    for (const rule of RULES)
      expect(rule.fixable).toBe(typeof (rule as { fix?: unknown }).fix === 'function');
    // A rule id on two rules only where one idea applies to two kinds of file.
    const twice = RULES.map((rule) => rule.id).filter((id, index, ids) => ids.indexOf(id) !== index);
    expect(twice.sort()).toEqual(['end-before-start', 'private-marker']);
  });
});
