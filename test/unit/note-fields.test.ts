/**
 * The note's field values and their rules, one table per kind (field-values.ts,
 * schema.ts, the parse in note.ts): what is read, what check reports, what the
 * cache accepts. schema.test.ts covers parseNote's accepted and refused notes.
 */
import { describe, expect, it } from 'vitest';
import { FrontMatterError } from '../../src/core/front-matter/front-matter.js';
import {
  flatLinks,
  isLinkKind,
  isRating,
  isTextList,
  isTextOrNull,
  isUrl,
  isValidDate,
  isValidTime,
  linkEntries,
  linkMap,
  optionalText,
  isPrivateKey,
  privateInData,
  privateKey,
  ratingOf,
  READ_HELPERS,
  textList,
} from '../../src/core/note/field-values.js';
import { minutesOf, parseNote } from '../../src/core/note/note.js';
import {
  fieldIssues,
  flatLinksOf,
  isReservedKey,
  listedFields,
  NOTE_SCHEMA,
  readFields,
  type FieldSpec,
  type NoteMeta,
} from '../../src/core/note/schema.js';
import { note } from '../helpers/workspace.js';

const spec = (key: string) => NOTE_SCHEMA.find((one) => one.key === key) as FieldSpec;
const valid = { title: 't', date: '2013-04-16' };
/** `key:rule:fatal: message` of every issue of a note's data. */
const issues = (data: Record<string, unknown>) =>
  fieldIssues({ ...valid, ...data }).map(
    ({ key, rule, fatal, message }) => `${key}:${rule}:${fatal}: ${message}`,
  );

describe('optionalText and textList', () => {
  it.each<[unknown, string | null]>([
    [undefined, null],
    [null, null],
    ['', null],
    ['  ', null],
    ['  a b  ', 'a b'],
    [42, '42'],
    [0, '0'],
    [true, 'true'],
    [false, 'false'],
    [['a'], null],
    [{ a: 1 }, null],
  ])('optionalText(%j) is %j', (value, expected) => {
    expect(optionalText(value)).toBe(expected);
  });

  it.each<[unknown, string[]]>([
    [undefined, []],
    [null, []],
    ['Ann', ['Ann']],
    [7, ['7']],
    ['', []],
    [
      ['Ann', null, '', ' Bob ', 3, ['x'], { y: 1 }],
      ['Ann', 'Bob', '3'],
    ],
  ])('textList(%j) is %j', (value, expected) => {
    expect(textList(value)).toEqual(expected);
  });
});

describe('links', () => {
  it.each<[unknown, Record<string, string>]>([
    [undefined, {}],
    [null, {}],
    ['', {}],
    [' https://a.example/s ', { link: 'https://a.example/s' }],
    [
      ['https://a.example/1', '', 'https://a.example/3'],
      { link: 'https://a.example/1', link3: 'https://a.example/3' },
    ],
    [['', 'https://a.example/2'], { link2: 'https://a.example/2' }],
    [{ slides: 'https://a.example/s', video: null, paper: '  ' }, { slides: 'https://a.example/s' }],
  ])('linkMap(%j) is %j', (value, expected) => {
    expect(linkMap(value)).toEqual(expected);
  });

  it.each<[unknown, [string, string, boolean][]]>([
    [undefined, []],
    [null, []],
    ['see slides', [['link', 'see slides', false]]],
    [42, [['link', '42', false]]],
    [
      ['a', null, ' ', 'b'],
      [
        ['link1', 'a', false],
        ['link4', 'b', false],
      ],
    ],
    [
      { slides: 'x', none: null, blank: ' ', deep: { a: 1 }, n: 3 },
      [
        ['slides', 'x', true],
        ['deep', '{"a":1}', true],
        ['n', '3', true],
      ],
    ],
  ])('linkEntries(%j) is %j', (value, expected) => {
    expect(linkEntries(value)).toEqual(expected);
  });

  it('reads flat links: only http(s) URLs under a link word that is not reserved', () => {
    const data = {
      title: 'https://a.example/title',
      video: ' https://a.example/v ',
      'video-2': 'https://a.example/v2',
      recording: 'http://a.example/r',
      mirror: 'xhttps://a.example/m',
      slides_v1: 'HTTPS://A.EXAMPLE/S',
      '2video': 'https://a.example/x',
      'my video': 'https://a.example/x',
      paper: 'ftp://a.example/p',
      blog: 'https://a.example/a b',
      count: 3,
      list: ['https://a.example/l'],
      spaced: 'see https://a.example/x',
      bare: 'https://',
    };
    expect(flatLinks(data, new Set(['title']))).toEqual({
      video: 'https://a.example/v',
      'video-2': 'https://a.example/v2',
      recording: 'http://a.example/r',
      slides_v1: 'HTTPS://A.EXAMPLE/S',
    });
    expect(flatLinksOf({ ...data, private: 'https://a.example/p', draft: 'https://a.example/d' })).toEqual({
      video: 'https://a.example/v',
      'video-2': 'https://a.example/v2',
      recording: 'http://a.example/r',
      slides_v1: 'HTTPS://A.EXAMPLE/S',
    });
  });

  it('hashes every reader helper into the cache format', () => {
    expect(READ_HELPERS).toEqual([
      optionalText,
      textList,
      linkMap,
      flatLinks,
      isLinkKind,
      privateInData,
      privateKey,
      isPrivateKey,
    ]);
  });

  it.each<[string, boolean]>([
    ['slides', true],
    ['Video-2', true],
    ['a_b', true],
    ['x', true],
    ['2video', false],
    ['-x', false],
    ['my video', false],
    ['video!', false],
    ['', false],
  ])('isLinkKind(%j) is %s', (key, expected) => {
    expect(isLinkKind(key)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['https://example.org/a', true],
    ['  https://example.org/a  ', true],
    ['HTTP://EXAMPLE.ORG', true],
    ['mailto:a@example.org', true],
    ['ftp://example.org/f', true],
    ['doi+x.y-z:10.1/2', true],
    ['https://', false],
    ['http:/path', true],
    ['https://exa mple.org', false],
    ['https://example.org/\tx', false],
    ['see slides', false],
    ['1http://example.org', false],
    ['://example.org', false],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['vbscript:msgbox', false],
    ['data:text/html,<b>x</b>', false],
    ['https://[::1', false],
    ['', false],
  ])('isUrl(%j) is %s', (value, expected) => {
    expect(isUrl(value)).toBe(expected);
  });
});

describe('dates, times and ratings', () => {
  it.each<[string, boolean]>([
    ['2013-04-16', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-01-01', true],
    // Date.UTC reads years 0–99 as 1900–1999: the year check refuses them.
    ['0099-01-01', false],
    ['0000-01-01', false],
    ['0100-01-01', true],
    ['2023-00-10', false],
    ['2023-13-10', false],
    ['2023-01-00', false],
    ['2023-1-01', false],
    ['2023-01-1', false],
    ['123-01-01', false],
    [' 2023-01-01', false],
    ['2023-01-01 ', false],
    ['x2023-01-01', false],
    ['2023-01-01x', false],
    ['2023/01/01', false],
  ])('isValidDate(%j) is %s', (value, expected) => {
    expect(isValidDate(value)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['00:00', true],
    ['09:05', true],
    ['19:59', true],
    ['23:59', true],
    ['24:00', false],
    ['20:60', false],
    ['9:00', false],
    ['09:5', false],
    ['009:00', false],
    ['09:000', false],
    ['x09:00', false],
    ['09:00x', false],
    ['0900', false],
  ])('isValidTime(%j) is %s', (value, expected) => {
    expect(isValidTime(value)).toBe(expected);
  });

  it.each<[unknown, number | null]>([
    [undefined, null],
    [null, null],
    ['', null],
    [3, 3],
    ['4', 4],
    [0, 0],
  ])('ratingOf(%j) is %j', (raw, expected) => {
    expect(ratingOf(raw)).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    [null, true],
    [1, true],
    [5, true],
    [0, false],
    [6, false],
    [-1, false],
    [2.5, false],
    [Number.NaN, false],
    ['3', false],
    [undefined, false],
  ])('isRating(%j) is %s', (value, expected) => {
    expect(isRating(value)).toBe(expected);
  });
});

describe('the rules check reports for each field', () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ title: undefined }, ['title:missing-field:true: no title: add a line "title: ..."']],
    [{ title: '  ' }, ['title:missing-field:true: no title: add a line "title: ..."']],
    [{ title: 42 }, []],
    [{ date: undefined }, ['date:missing-field:true: no date: add a line "date: YYYY-MM-DD"']],
    [{ date: '16 April' }, ['date:invalid-date:true: "16 April" is not a date (YYYY-MM-DD)']],
    [
      { type: ['keynote'] },
      [
        'type:invalid-value:true: type is a list: write one of keynote, session, design-summit, workshop, 101, expo, hallway, meetup',
      ],
    ],
    [{ room: [1, 2] }, ['room:invalid-value:false: room is a list, not text, so it is read as empty']],
    [
      { summary: { a: 1 } },
      ['summary:invalid-value:false: summary is a map, not text, so it is read as empty'],
    ],
    [{ track: 'Storage', room: 101 }, []],
    [
      { type: 'talk' },
      [
        `type:invalid-value:true: unknown type "talk" (one of keynote, session, design-summit, workshop, 101, expo, hallway, meetup)`,
      ],
    ],
    [{ type: 101 }, []],
    [{ type: null }, []],
    [{ start: '9:00' }, ['start:invalid-time:true: start "9:00" is not a time (HH:MM, 24-hour)']],
    [{ end: '25:00' }, ['end:invalid-time:true: end "25:00" is not a time (HH:MM, 24-hour)']],
    [{ end: '' }, []],
    [{ end: null }, []],
    [{ rating: 0 }, ['rating:invalid-value:true: rating "0" is not a whole number from 1 to 5']],
    [{ rating: -1 }, ['rating:invalid-value:true: rating "-1" is not a whole number from 1 to 5']],
    [{ rating: 6 }, ['rating:invalid-value:true: rating "6" is not a whole number from 1 to 5']],
    [{ rating: 'five' }, ['rating:invalid-value:true: rating "five" is not a whole number from 1 to 5']],
    [{ rating: 5 }, []],
    [{ rating: '' }, []],
    [
      { favourite: 'yes' },
      ['favourite:invalid-value:false: favourite "yes" is not true or false, so it is read as false'],
    ],
    [
      { favorite: 1 },
      ['favorite:invalid-value:false: favorite "1" is not true or false, so it is read as false'],
    ],
    [{ favorite: false, favourite: true }, []],
    [{ favourite: null }, []],
    [
      { private: 'yes' },
      [
        'private:invalid-value:false: private "yes" is not true or false; it is read as private (write true or false)',
      ],
    ],
    [{ private: false }, []],
    [
      { speakers: { name: 'Ann' } },
      ['speakers:invalid-value:false: "speakers" is neither a list of names nor a single one'],
    ],
    [
      { speakers: ['Ann', ['Bob']] },
      ['speakers:invalid-value:false: "speakers" is neither a list of names nor a single one'],
    ],
    [{ speakers: ['Ann', null, 3] }, []],
    [{ speakers: 'Ann' }, []],
    [{ tags: [{ a: 1 }] }, ['tags:invalid-value:false: "tags" is neither a list of names nor a single one']],
    [{ tags: null }, []],
    [
      { links: 'slides' },
      ['links:link-not-url:false: link "slides" is not a URL (e.g. https://example.org/slides)'],
    ],
    [
      { links: { slides: 'x', video: 'https://a.example/v' } },
      ['links:link-not-url:false: link "slides" "x" is not a URL (e.g. https://example.org/slides)'],
    ],
    [
      { links: ['https://a.example/1', 'y'] },
      ['links:link-not-url:false: link "y" is not a URL (e.g. https://example.org/slides)'],
    ],
    [{ links: ['https://a.example/1'] }, []],
  ])('%j: %j', (data, expected) => {
    expect(issues(data)).toEqual(expected);
  });

  it('reports the issues in schema order, the key before its alias', () => {
    expect(
      fieldIssues({ title: '', date: 'x', favourite: 'no', favorite: 'no', rating: 9 }).map((one) => one.key),
    ).toEqual(['title', 'date', 'rating', 'favourite', 'favorite']);
  });
});

describe('readFields', () => {
  const never = (found: { message: string }): never => {
    throw new Error(found.message);
  };
  it('throws the first fatal issue through fail, and never for a lenient one', () => {
    expect(() => readFields({ ...valid, rating: 0, favourite: 'x' }, never)).toThrow(/^rating "0"/);
    expect(() => readFields({ ...valid, favourite: 'x', links: 'y', tags: [{}] }, never)).not.toThrow();
  });

  it('reads every field, aliases and flat links included', () => {
    const meta = readFields(
      {
        ...valid,
        favorite: true,
        private: 'true',
        rating: '3',
        tags: ['Storage', 'storage', '#', 'HA'],
        links: { slides: 'https://a.example/old', paper: 'https://a.example/p' },
        slides: 'https://a.example/new',
        track: 'Ops',
        room: 7,
      },
      never,
    );
    expect(meta).toEqual({
      title: 't',
      type: 'session',
      conference: null,
      date: '2013-04-16',
      start: null,
      end: null,
      speakers: [],
      track: 'Ops',
      room: '7',
      tags: ['storage', 'ha'],
      rating: 3,
      favourite: true,
      private: true, // the string "true" too: anything but false (privateInData)
      links: { slides: 'https://a.example/new', paper: 'https://a.example/p' },
      summary: null,
      programme: null,
      keep: [],
    });
  });

  it('reads favourite as true when either spelling is true', () => {
    const read = (data: Record<string, unknown>) => readFields({ ...valid, ...data }, never).favourite;
    expect([
      read({}),
      read({ favourite: true }),
      read({ favorite: true }),
      read({ favourite: false, favorite: true }),
      read({ favourite: true, favorite: false }),
      read({ favourite: 'true' }),
    ]).toEqual([false, true, true, true, true, false]);
  });
});

describe('the cache checks of each field', () => {
  it.each<[string, unknown[], unknown[]]>([
    ['title', ['', 'x'], [null, 1, undefined]],
    ['type', ['session', '101'], ['talk', null, 101]],
    ['conference', [null, 'c'], [undefined, 1]],
    ['date', ['2013-04-16'], [null]],
    ['start', [null, '10:00'], [0]],
    ['speakers', [[], ['a']], [[1], 'a', null]],
    ['tags', [['a', 'b']], [[null], {}]],
    ['rating', [null, 1, 5], [0, 6, '3', 1.5]],
    ['favourite', [true, false], ['true', null, 0]],
    ['private', [false], [null]],
    ['links', [{}, { slides: 'x' }], [null, [], ['x'], { slides: 1 }, 'x']],
    ['summary', [null, 's'], [[]]],
    ['programme', [null, 'p'], [false]],
  ])('%s accepts %j and refuses %j', (key, good, bad) => {
    const { cached } = spec(key);
    expect(good.map((value) => cached(value))).toEqual(good.map(() => true));
    expect(bad.map((value) => cached(value))).toEqual(bad.map(() => false));
  });

  it('share the value checks: a text or null, a list of texts', () => {
    expect([isTextOrNull(null), isTextOrNull(''), isTextOrNull(undefined)]).toEqual([true, true, false]);
    expect([isTextList([]), isTextList(['a']), isTextList(['a', 1]), isTextList('a')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('the keys of a note', () => {
  it.each<[string, boolean]>([
    ['title', true],
    ['favorite', true],
    ['programme', true],
    ['draft', true],
    ['permalink', true],
    ['slides', false],
    ['video', false],
  ])('%s is reserved: %s', (key, expected) => {
    expect(isReservedKey(key)).toBe(expected);
  });

  it('lists the fields list --json shows, with their values', () => {
    const meta = parseNote(note({ rating: '4', summary: 'S', track: 'T' })).meta;
    const listed = listedFields(meta);
    expect(Object.keys(listed)).toEqual([
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
    ]);
    expect(listed).toMatchObject({ title: 'A talk', rating: 4, start: '10:00' });
    expect((listed as Record<string, unknown>).summary).toBeUndefined();
  });
});

describe('parseNote', () => {
  const refusal = (text: string) => {
    try {
      parseNote(text);
    } catch (error) {
      expect(error).toBeInstanceOf(FrontMatterError);
      return [(error as Error).message, (error as FrontMatterError).line];
    }
    throw new Error('accepted');
  };

  it.each<[string, string, number]>([
    ['---\ntitle: a\0b\n---\n', 'binary file (it holds NUL bytes), not a Markdown note', 1],
    ['\0', 'binary file (it holds NUL bytes), not a Markdown note', 1],
    ['', 'empty file', 1],
    [' \n\t\n', 'empty file', 1],
    [note({ favorite: 'true', rating: '0' }), 'rating "0" is not a whole number from 1 to 5', 9],
    [
      note({ title: 'x', date: undefined } as unknown as Record<string, string>),
      'no date: add a line "date: YYYY-MM-DD"',
      2,
    ],
  ])('refuses %j: %s (line %i)', (text, message, line) => {
    expect(refusal(text)).toEqual([message, line]);
  });

  it('keeps the split note beside the fields', () => {
    const { meta, split } = parseNote(note({ title: '2013' }, 'Body\n'));
    expect(meta.title).toBe('2013');
    expect(split.data.title).toBe(2013);
    expect(split.body).toBe('Body\n');
  });

  it('reads minutes since midnight', () => {
    expect([minutesOf('00:00'), minutesOf('09:30'), minutesOf('23:59')]).toEqual([0, 570, 1439]);
  });
});

describe('the meta type', () => {
  it('has every field of the schema', () => {
    const keys: (keyof NoteMeta)[] = NOTE_SCHEMA.map((one) => one.key);
    expect(keys).toHaveLength(17);
  });
});

describe('merge keys', () => {
  it('are read as YAML 1.1 readers read them: a private: true merged in makes the note private', () => {
    const text = `---\ntitle: Merged\ntype: session\ndate: 2026-01-01\nd: &d\n  private: true\n  room: B1\n<<: *d\n---\nbody\n`;
    const { meta } = parseNote(text);
    expect(meta.private).toBe(true);
    expect(meta.room).toBe('B1');
    // A key of the note's own wins over a merged one, as YAML 1.1 says.
    expect(parseNote(text.replace('<<: *d', '<<: *d\nroom: A1')).meta.room).toBe('A1');
  });
});
