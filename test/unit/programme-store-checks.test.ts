/**
 * Every check programme.yml reading makes of an entry, one row each: the
 * exact one-line error (file, line of the entry, reason), exit code 1, and
 * that the same entry with the field right reads back.
 */
import { describe, expect, it } from 'vitest';
import { NoteFileError } from '../../src/errors.js';
import { parseProgrammeText } from '../../src/core/programme/programme-store.js';

const good = {
  uid: 'b',
  ref: 'bb',
  title: 'Talk',
  all_day: false,
  start: '2026-06-16T10:00:00+02:00',
  end: '2026-06-16T11:00:00+02:00',
  room: 'R1',
  track: null,
  url: null,
  abstract: null,
  tags: ['t'],
  speakers: ['Ann'],
  status: 'confirmed',
  starred: false,
};
const first = { ...good, uid: 'a', ref: 'aa', title: 'First' };
const allDay = { all_day: true, start: '2026-06-16', end: '2026-06-17' };

/** An entry as YAML lines: each field in JSON (YAML's flow style), a field set to undefined left out. */
const entryLines = (entry: Record<string, unknown>) =>
  Object.entries(entry)
    .filter(([, value]) => value !== undefined)
    .map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${JSON.stringify(value)}`);

/** programme.yml with the good first entry then `second`; the line `second` starts on. */
function programme(second: string[]): { text: string; line: number } {
  const head = [
    '# a header comment',
    'timezone: "Europe/Berlin"',
    'source: "x.ics"',
    'entries:',
    ...entryLines(first),
  ];
  return { text: [...head, ...second, ''].join('\n'), line: head.length + 1 };
}

function failure(text: string): NoteFileError {
  try {
    parseProgrammeText(text, 'conf/programme.yml');
  } catch (error) {
    if (error instanceof NoteFileError) return error;
    throw error;
  }
  throw new Error('read without an error');
}

const TIME = 'an ISO 8601 time with its offset';
const DATE = 'a date (YYYY-MM-DD)';
const REF = 'is not 1 to 6 lower-case letters and digits, starting with a letter';

// [what, the fields changed, the reason (after "entry b: ", unless it names no uid)]
const bad: [string, Record<string, unknown>, string][] = [
  ['no uid', { uid: undefined }, 'an entry has no uid'],
  ['an empty uid', { uid: '' }, 'an entry has no uid'],
  ['a numeric uid', { uid: 42 }, 'an entry has no uid'],
  ['a ref in capitals', { ref: 'K7' }, `entry b: ref "K7" ${REF}`],
  ['a ref starting with a digit', { ref: '1ab' }, `entry b: ref "1ab" ${REF}`],
  ['a ref of 7 characters', { ref: 'abcdefg' }, `entry b: ref "abcdefg" ${REF}`],
  ['a ref as a list', { ref: ['abc'] }, `entry b: ref "abc" ${REF}`],
  ['an empty ref', { ref: '' }, `entry b: ref "" ${REF}`],
  ['a numeric ref', { ref: 7 }, `entry b: ref "7" ${REF}`],
  ['no title', { title: undefined }, 'entry b: no title'],
  ['an empty title', { title: '' }, 'entry b: no title'],
  ['a numeric title', { title: 3 }, 'entry b: no title'],
  ['no all_day', { all_day: undefined }, 'entry b: all_day is not true or false'],
  ['all_day as text', { all_day: 'yes' }, 'entry b: all_day is not true or false'],
  ['all_day null', { all_day: null }, 'entry b: all_day is not true or false'],
  ['no start', { start: undefined }, `entry b: start "undefined" is not ${TIME}`],
  ['a numeric start', { start: 42 }, `entry b: start "42" is not ${TIME}`],
  ['a timed start that is a date', { start: '2026-06-16' }, `entry b: start "2026-06-16" is not ${TIME}`],
  [
    'a start without offset',
    { start: '2026-06-16T10:00:00' },
    `entry b: start "2026-06-16T10:00:00" is not ${TIME}`,
  ],
  [
    'a start on 30 February',
    { start: '2026-02-30T10:00:00+01:00' },
    `entry b: start "2026-02-30T10:00:00+01:00" is not ${TIME}`,
  ],
  [
    'a start at hour 25',
    { start: '2026-06-16T25:00:00+02:00' },
    `entry b: start "2026-06-16T25:00:00+02:00" is not ${TIME}`,
  ],
  [
    'a start with text before',
    { start: 'x2026-06-16T10:00:00+02:00' },
    `entry b: start "x2026-06-16T10:00:00+02:00" is not ${TIME}`,
  ],
  [
    'a start with text after',
    { start: '2026-06-16T10:00:00+02:00x' },
    `entry b: start "2026-06-16T10:00:00+02:00x" is not ${TIME}`,
  ],
  [
    'a start with a one-digit hour',
    { start: '2026-06-16T1:00:00+02:00' },
    `entry b: start "2026-06-16T1:00:00+02:00" is not ${TIME}`,
  ],
  [
    'a start with a space for T',
    { start: '2026-06-16 10:00:00+02:00' },
    `entry b: start "2026-06-16 10:00:00+02:00" is not ${TIME}`,
  ],
  [
    'a start with a bare offset',
    { start: '2026-06-16T10:00:00+0200' },
    `entry b: start "2026-06-16T10:00:00+0200" is not ${TIME}`,
  ],
  [
    'a start with a one-digit second',
    { start: '2026-06-16T10:00:0+02:00' },
    `entry b: start "2026-06-16T10:00:0+02:00" is not ${TIME}`,
  ],
  [
    'a start with a short month',
    { start: '2026-6-16T10:00:00+02:00' },
    `entry b: start "2026-6-16T10:00:00+02:00" is not ${TIME}`,
  ],
  ['a bad end', { end: '2026-06-16T11:00' }, `entry b: end "2026-06-16T11:00" is not ${TIME}`],
  [
    'an end on day 32',
    { end: '2026-06-32T11:00:00+02:00' },
    `entry b: end "2026-06-32T11:00:00+02:00" is not ${TIME}`,
  ],
  [
    'an all-day start with a time',
    { ...allDay, start: '2026-06-16T10:00:00+02:00' },
    `entry b: start "2026-06-16T10:00:00+02:00" is not ${DATE}`,
  ],
  [
    'an all-day start with a short month',
    { ...allDay, start: '2026-6-16' },
    `entry b: start "2026-6-16" is not ${DATE}`,
  ],
  [
    'an all-day start with a space after',
    { ...allDay, start: '2026-06-16 ' },
    `entry b: start "2026-06-16 " is not ${DATE}`,
  ],
  [
    'an all-day start on 29 February 2026',
    { ...allDay, start: '2026-02-29' },
    `entry b: start "2026-02-29" is not ${DATE}`,
  ],
  [
    'an all-day start in month 13',
    { ...allDay, start: '2026-13-01' },
    `entry b: start "2026-13-01" is not ${DATE}`,
  ],
  [
    'an all-day end with a time',
    { ...allDay, end: '2026-06-17T00:00:00Z' },
    `entry b: end "2026-06-17T00:00:00Z" is not ${DATE}`,
  ],
  ...(['room', 'track', 'url', 'abstract', 'subtitle', 'type', 'language', 'description'] as const).flatMap(
    (key): [string, Record<string, unknown>, string][] => [
      [`a numeric ${key}`, { [key]: 42 }, `entry b: ${key} is not text`],
      [`${key} as a list`, { [key]: ['x'] }, `entry b: ${key} is not text`],
    ],
  ),
  ...(['tags', 'speakers'] as const).flatMap((key): [string, Record<string, unknown>, string][] => [
    [`no ${key}`, { [key]: undefined }, `entry b: ${key} is not a list of text`],
    [`${key} as text`, { [key]: 'x' }, `entry b: ${key} is not a list of text`],
    [`${key} holding a number`, { [key]: ['x', 1] }, `entry b: ${key} is not a list of text`],
    [`${key} null`, { [key]: null }, `entry b: ${key} is not a list of text`],
  ]),
  ['links as text', { links: 'x' }, 'entry b: links is not a list of title and url'],
  ['links null', { links: null }, 'entry b: links is not a list of title and url'],
  ['a link that is null', { links: [null] }, 'entry b: links is not a list of title and url'],
  ['a link that is text', { links: ['https://e.org'] }, 'entry b: links is not a list of title and url'],
  ['a link without url', { links: [{ title: 'Slides' }] }, 'entry b: links is not a list of title and url'],
  [
    'a link without title',
    { links: [{ url: 'https://e.org' }] },
    'entry b: links is not a list of title and url',
  ],
  [
    'a link with an empty title',
    { links: [{ title: '', url: 'https://e.org' }] },
    'entry b: links is not a list of title and url',
  ],
  [
    'a link with a numeric url',
    { links: [{ title: 'Slides', url: 3 }] },
    'entry b: links is not a list of title and url',
  ],
  [
    'a bad link after a good one',
    { links: [{ title: 'A', url: 'https://e.org' }, { title: 'B' }] },
    'entry b: links is not a list of title and url',
  ],
  [
    'no status',
    { status: undefined },
    'entry b: status "undefined" is not one of confirmed, cancelled, removed',
  ],
  [
    'an unknown status',
    { status: 'maybe' },
    'entry b: status "maybe" is not one of confirmed, cancelled, removed',
  ],
  ['no starred', { starred: undefined }, 'entry b: starred is not true or false'],
  ['starred as text', { starred: 'no' }, 'entry b: starred is not true or false'],
  ["the first entry's ref", { ref: 'aa' }, 'entry b: ref "aa" is also entry a\'s'],
];

describe('programme.yml entry checks', () => {
  it.each(bad)('%s: a one-line error naming the file and the entry line, exit 1', (_, change, reason) => {
    const { text, line } = programme(entryLines({ ...good, ...change }));
    const error = failure(text);
    expect(error.message).toBe(`conf/programme.yml:${line}: ${reason}`);
    expect(error.line).toBe(line);
    expect(error.exitCode).toBe(1);
  });

  it('reads the good entry back as written (the checks above change only their field)', () => {
    const { text } = programme(entryLines(good));
    const read = parseProgrammeText(text, 'conf/programme.yml');
    expect(read).toEqual({ timezone: 'Europe/Berlin', source: 'x.ics', entries: [first, good] });
  });

  const fine: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['a start in UTC', { start: '2026-06-16T08:00:00Z' }, {}],
    ['times without seconds', { start: '2026-06-16T10:00+02:00', end: '2026-06-16T11:00-05:30' }, {}],
    ['an all-day entry', allDay, {}],
    ['an all-day entry on 29 February 2028', { ...allDay, start: '2028-02-29', end: '2028-02-29' }, {}],
    ['a ref of 1 and of 6 characters', { ref: 'z' }, {}],
    ['a ref of 6 characters', { ref: 'k7m2x9' }, {}],
    ['no ref (one is given)', { ref: undefined }, { ref: expect.stringMatching(/^[a-z][a-z0-9]{0,5}$/) }],
    [
      'room, track, url and abstract left out (read as null)',
      { room: undefined, track: undefined, url: undefined, abstract: undefined },
      { room: null, track: null, url: null, abstract: null },
    ],
    [
      'every text field as text',
      {
        room: 'R',
        track: 'T',
        url: 'https://e.org',
        abstract: 'A',
        subtitle: 'S',
        type: 'talk',
        language: 'en',
        description: 'D',
      },
      {},
    ],
    [
      'subtitle, type, language and description null',
      { subtitle: null, type: null, language: null, description: null },
      {},
    ],
    ['empty tags and speakers', { tags: [], speakers: [] }, {}],
    ['no links', { links: [] }, {}],
    [
      'two links',
      {
        links: [
          { title: 'A', url: 'https://e.org/a' },
          { title: 'B', url: 'x' },
        ],
      },
      {},
    ],
    ['cancelled, starred', { status: 'cancelled', starred: true }, {}],
    ['removed', { status: 'removed' }, {}],
  ];

  it.each(fine)('reads %s', (_, change, read) => {
    const { text } = programme(entryLines({ ...good, ...change }));
    const entry = Object.fromEntries(
      Object.entries({ ...good, ...change }).filter(([, v]) => v !== undefined),
    );
    expect(parseProgrammeText(text, 'conf/programme.yml').entries[1]).toEqual({ ...entry, ...read });
  });

  it.each<[string, string]>([
    ['a number', '42'],
    ['a list', '[1]'],
    ['null', '~'],
    ['text', '"talk"'],
  ])('refuses an entry that is %s', (_, value) => {
    const { text, line } = programme([`  - ${value}`]);
    expect(failure(text).message).toBe(`conf/programme.yml:${line}: an entry is not a map`);
  });
});

describe('programme.yml as a whole', () => {
  it('gives refs to entries that have none, each its own', () => {
    const { text } = programme(entryLines({ ...good, ref: undefined }));
    const noRefs = text.replace('    ref: "aa"\n', '');
    expect(noRefs).not.toContain('ref:');
    const [a, b] = parseProgrammeText(noRefs, 'p.yml').entries;
    expect(a!.ref).toMatch(/^[a-z][a-z0-9]{0,5}$/);
    expect(b!.ref).toMatch(/^[a-z][a-z0-9]{0,5}$/);
    expect(a!.ref).not.toBe(b!.ref);
  });

  it('reads plain scalars as YAML 1.2 core text (yes, on, bare dates)', () => {
    const lines = [
      'entries:',
      '  - uid: d',
      '    title: yes',
      '    all_day: true',
      '    start: 2026-06-16',
      '    end: 2026-06-17',
      '    tags: [on, no]',
      '    speakers: []',
      '    status: confirmed',
      '    starred: false',
      '',
    ];
    const [entry] = parseProgrammeText(lines.join('\n'), 'p.yml').entries;
    expect(entry).toMatchObject({
      title: 'yes',
      start: '2026-06-16',
      end: '2026-06-17',
      tags: ['on', 'no'],
    });
  });

  it.each<[string, string, string]>([
    ['a list', '- entries: []\n', 'conf/programme.yml:1: not a programme (a map with "entries")'],
    ['text', 'programme\n', 'conf/programme.yml:1: not a programme (a map with "entries")'],
    ['empty', '', 'conf/programme.yml:1: not a programme (a map with "entries")'],
    [
      'entries as a map',
      '# c\ntimezone: "UTC"\nentries:\n  a: 1\n',
      'conf/programme.yml:2: "entries" is not a list',
    ],
    ['entries as text', 'entries: "none"\n', 'conf/programme.yml:1: "entries" is not a list'],
    [
      'a key twice',
      'entries: []\nentries: []\n',
      'conf/programme.yml:2: broken YAML: Map keys must be unique',
    ],
  ])('refuses %s with its line', (_, text, message) => {
    const error = failure(text);
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(1);
    expect(error.message).not.toContain('\n');
  });

  it.each<[string, string, unknown]>([
    ['no entries', 'timezone: "UTC"\n', []],
    ['null entries', 'entries: ~\n', []],
    ['an empty list', 'entries: []\n', []],
  ])('reads %s as no entries', (_, text, entries) => {
    expect(parseProgrammeText(text, 'p.yml').entries).toEqual(entries);
  });

  it.each<[string, unknown]>([
    ['"Europe/Berlin"', 'Europe/Berlin'],
    ['"  "', null],
    ['""', null],
    ['42', null],
    ['~', null],
  ])('reads a timezone of %s as %s (a source the same)', (value, read) => {
    const back = parseProgrammeText(`timezone: ${value}\nsource: ${value}\nentries: []\n`, 'p.yml');
    expect(back.timezone).toEqual(read);
    expect(back.source).toEqual(read);
  });
});
