/** The stored programme: matching re-imports, programme.yml, choosing talks, and what reaches a note. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConference } from '../../src/core/workspace/conference.js';
import { parseNote } from '../../src/core/note/note.js';
import {
  AmbiguousEntryError,
  filterEntries,
  findEntry,
  isoInZone,
  mergeProgramme,
  nextAfter,
  parseProgrammeText,
  programmeText,
  readProgramme,
  runningAt,
  updateProgramme,
  type ProgrammeEntry,
} from '../../src/core/programme/programme.js';
import { importProgramme } from '../../src/core/programme/programme-import.js';
import {
  abstractText,
  addProgrammeFields,
  entityDecoderFor,
  noteInputOf,
  typeOfEntry,
} from '../../src/core/programme/programme-notes.js';
import { noteFiles } from '../../src/core/note/store.js';
import { storedEntry } from '../helpers/conference.js';
import { makeWorkspace } from '../helpers/workspace.js';

const entry = (uid: string, fields: Partial<ProgrammeEntry> = {}): ProgrammeEntry =>
  storedEntry(
    uid,
    uid
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 6),
    fields,
  );

describe('matching a new export against the previous programme', () => {
  it('adds new uids, updates changed ones, keeps the star, and marks missing ones removed', () => {
    const before = [
      entry('a', { starred: true }),
      entry('b'),
      entry('c'),
      entry('gone', { status: 'removed' }),
    ];
    const after = [
      entry('a', { room: 'Hall B', start: '2026-06-16T11:00:00+02:00', end: '2026-06-16T11:40:00+02:00' }),
      entry('b', { status: 'cancelled' }),
      entry('d'),
    ];
    const result = mergeProgramme(before, after);
    expect(result.added.map((change) => change.entry.uid)).toEqual(['d']);
    expect(
      result.changed.map((change) => [change.entry.uid, change.fields!.map((field) => field.field)]),
    ).toEqual([
      ['a', ['start', 'end', 'room']],
      ['b', ['status']],
    ]);
    expect(result.cancelled.map((change) => change.entry.uid)).toEqual(['b']);
    expect(result.removed.map((change) => change.entry.uid)).toEqual(['c']);
    const byUid = new Map(result.entries.map((one) => [one.uid, one]));
    expect(byUid.get('a')!.starred).toBe(true);
    expect(byUid.get('c')!.status).toBe('removed');
    expect(byUid.get('gone')!.status).toBe('removed');
    expect(result.unchanged).toBe(1); // "gone" was already removed
  });

  it('is idempotent: the same export twice changes nothing', () => {
    const incoming = [entry('a'), entry('b', { start: '2026-06-16T09:00:00+02:00' })];
    const first = mergeProgramme([], incoming);
    const second = mergeProgramme(first.entries, incoming);
    expect(second.added.length + second.changed.length + second.removed.length).toBe(0);
    expect(second.entries).toEqual(first.entries);
  });

  it('brings back an entry that reappears', () => {
    const result = mergeProgramme([entry('a', { status: 'removed' })], [entry('a')]);
    expect(result.changed[0]!.fields).toEqual([{ field: 'status', from: 'removed', to: 'confirmed' }]);
  });

  it('sorts by start, all-day entries first on their day, then uid', () => {
    const result = mergeProgramme(
      [],
      [
        entry('z'),
        entry('b'),
        entry('day', { all_day: true, start: '2026-06-16', end: '2026-06-16' }),
        entry('early', { start: '2026-06-16T09:00:00+02:00' }),
      ],
    );
    expect(result.entries.map((one) => one.uid)).toEqual(['day', 'early', 'b', 'z']);
  });
});

describe('programme.yml', () => {
  it('reads back exactly what it wrote, awkward values included', async () => {
    const entries = [
      entry('x@y', {
        title: 'yes: no # not a comment',
        speakers: ['Null', 'true'],
        abstract: 'Line one\n\n  - line: two\n---\n',
        url: 'https://e.org/?a=1&b=2',
        tags: ['on'],
      }),
      entry('day', { all_day: true, start: '2026-06-16', end: '2026-06-17', room: null }),
    ];
    const text = await programmeText({ timezone: 'Europe/Berlin', source: 'x.ics', entries });
    const back = await parseProgrammeText(text, 'programme.yml');
    expect(back.entries).toEqual(
      [...entries].sort((a, b) => (a.uid === 'day' ? -1 : b.uid === 'day' ? 1 : 0)),
    );
    expect(back.timezone).toBe('Europe/Berlin');
    // Quoted so YAML 1.1 readers keep times and dates as text.
    expect(text).toContain('start: "2026-06-16T10:00:00+02:00"');
  });

  it('names the line of a damaged entry', async () => {
    const text = await programmeText({ timezone: null, source: null, entries: [entry('a'), entry('b')] });
    const lines = text.split('\n');
    const line = lines.indexOf('  - uid: b') + 1;
    const allDay = lines.indexOf('    all_day: false', line);
    lines[allDay] = '    all_day: maybe';
    expect(() => parseProgrammeText(lines.join('\n'), 'p.yml')).toThrow(
      new RegExp(`^p\\.yml:${line}: entry b: all_day is not true or false$`),
    );
    expect(() => parseProgrammeText('entries: [\n', 'p.yml')).toThrow(/^p\.yml:\d+: /);
  });

  it('is written only when it changes, and an import leaves notes alone', async () => {
    const { ws, confDir } = makeWorkspace();
    const conference = readConference(ws, 'conf');
    fs.writeFileSync(
      path.join(confDir, '2013-04-16-1000-a.md'),
      '---\ntitle: A\ndate: 2013-04-16\nprogramme: e1\n---\n',
    );
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:x',
      'BEGIN:VEVENT',
      'UID:e1',
      'DTSTAMP:20130401T000000Z',
      'DTSTART:20130416T170000Z',
      'DURATION:PT40M',
      'SUMMARY:A',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const first = await importProgramme(ws, conference, ics, { shown: 'a.ics', source: 'a.ics' });
    expect(first.written).toBe(true);
    const file = path.join(confDir, 'programme.yml');
    const stat = fs.statSync(file);
    const second = await importProgramme(ws, conference, ics, { shown: 'a.ics', source: 'a.ics' });
    expect(second.written).toBe(false);
    expect(fs.statSync(file).mtimeMs).toBe(stat.mtimeMs);
    // programme.yml is not a note; the note is untouched.
    expect(noteFiles(ws).files.map((one) => path.basename(one))).toEqual(['2013-04-16-1000-a.md']);
    expect((await readProgramme(ws, conference))!.entries[0]!.start).toBe('2013-04-16T10:00:00-07:00');
  });

  it('a malformed export leaves the previous programme byte for byte', async () => {
    const { ws, confDir } = makeWorkspace();
    const conference = readConference(ws, 'conf');
    await updateProgramme(ws, conference, () => ({ timezone: null, source: null, entries: [entry('a')] }));
    const before = fs.readFileSync(path.join(confDir, 'programme.yml'));
    await expect(
      importProgramme(ws, conference, 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\n', {
        shown: 'bad.ics',
        source: 'bad.ics',
      }),
    ).rejects.toThrow(/^bad\.ics:3: /);
    expect(fs.readFileSync(path.join(confDir, 'programme.yml'))).toEqual(before);
    expect(fs.readdirSync(confDir).sort()).toEqual(['conference.md', 'programme.yml']);
  });
});

describe('choosing talks', () => {
  const entries = [
    entry('day', { all_day: true, start: '2026-06-16', end: '2026-06-16' }),
    entry('a', { room: 'Hall A', tags: ['storage'], track: 'Storage' }),
    entry('b', { room: 'Hall B', speakers: ['Ada Lovelace'] }),
    entry('x', { room: 'Hall C', status: 'cancelled' }),
    entry('c', { start: '2026-06-16T11:00:00+02:00', end: '2026-06-16T11:40:00+02:00', starred: true }),
    entry('d', { start: '2026-06-16T11:00:00+02:00', end: '2026-06-16T11:40:00+02:00', room: 'Hall B' }),
    entry('e', { start: '2026-06-17T00:30:00+02:00', end: '2026-06-17T01:00:00+02:00' }),
  ];
  it('finds the talks on now: parallel rooms, never cancelled or all-day entries; end is exclusive', () => {
    expect(runningAt(entries, new Date('2026-06-16T08:15:00Z')).map((one) => one.uid)).toEqual(['a', 'b']);
    expect(runningAt(entries, new Date('2026-06-16T08:40:00Z')).map((one) => one.uid)).toEqual([]);
  });
  it('finds the next talks: all that start first', () => {
    expect(nextAfter(entries, new Date('2026-06-16T08:15:00Z')).map((one) => one.uid)).toEqual(['c', 'd']);
    expect(nextAfter(entries, new Date('2026-06-16T09:00:00Z')).map((one) => one.uid)).toEqual(['e']);
    expect(nextAfter(entries, new Date('2026-06-17T00:00:00Z'))).toEqual([]);
  });
  it('filters by day in the display zone, tag or track, room, search and star', () => {
    expect(filterEntries(entries, { day: '2026-06-17' }, 'Europe/Berlin').map((one) => one.uid)).toEqual([
      'e',
    ]);
    expect(filterEntries(entries, { day: '2026-06-16' }, 'UTC').map((one) => one.uid)).toEqual([
      'day',
      'a',
      'b',
      'x',
      'c',
      'd',
      'e',
    ]);
    expect(filterEntries(entries, { tag: '#Storage' }, null).map((one) => one.uid)).toEqual(['a']);
    expect(filterEntries(entries, { room: 'hall b' }, null).map((one) => one.uid)).toEqual(['b', 'd']);
    expect(filterEntries(entries, { search: 'LOVELACE' }, null).map((one) => one.uid)).toEqual(['b']);
    expect(filterEntries(entries, { starred: true }, null).map((one) => one.uid)).toEqual(['c']);
  });
  it('finds an entry by uid or a unique prefix', () => {
    expect((findEntry(entries, 'day') as ProgrammeEntry).uid).toBe('day');
    expect(findEntry(entries, 'nope')).toBeNull();
    // Ambiguous: one typed error, worded once for every command.
    const ambiguous = (() => {
      try {
        findEntry([entry('ab1'), entry('ab2')], 'ab');
      } catch (error) {
        return error as AmbiguousEntryError;
      }
    })();
    expect(ambiguous).toBeInstanceOf(AmbiguousEntryError);
    expect(ambiguous!.matches).toHaveLength(2);
    expect(ambiguous!.message).toBe('"ab" matches 2 entries: ab1, ab2; give more of the uid');
    expect(ambiguous!.exitCode).toBe(2);
  });
});

describe('from an entry to a note', () => {
  it('writes times with the offset of the zone, whatever the machine zone', () => {
    expect(isoInZone(new Date('2026-06-16T08:00:00Z'), 'Europe/Berlin')).toBe('2026-06-16T10:00:00+02:00');
    expect(isoInZone(new Date('2026-01-16T08:00:00Z'), 'America/St_Johns')).toBe('2026-01-16T04:30:00-03:30');
  });

  it('gives new the wall times in the conference zone, and a type from the track', () => {
    const keynote = entry('k', {
      track: 'Keynote',
      start: '2026-06-16T07:00:00Z',
      end: '2026-06-16T07:45:00Z',
    });
    expect(typeOfEntry(keynote)).toBe('keynote');
    expect(typeOfEntry(entry('w', { tags: ['observability', 'workshop'] }))).toBe('workshop');
    expect(noteInputOf(keynote, 'Europe/Berlin')).toMatchObject({
      type: 'keynote',
      at: { date: '2026-06-16', time: '09:00' },
      duration: 45,
    });
  });

  it('turns an HTML abstract into inert text', async () => {
    const source =
      '<p>We <b>really</b> mean it &amp; more.</p><script>alert("x")</script><img src=x onerror=alert(1)>&lt;iframe src=evil&gt;';
    const text = abstractText(source, await entityDecoderFor({ abstract: source }));
    expect(text).toBe('We really mean it & more.\n\\<iframe src=evil>');
    expect(abstractText('a < b and **bold**', await entityDecoderFor({}))).toBe('a \\< b and **bold**');
  });

  it('adds the programme uid to the front matter and the abstract as a quote', async () => {
    const note = '---\ntitle: T\ndate: 2026-06-16\n---\n## Notes\n';
    const talk = entry('a: b#c', { abstract: 'One\n\n---\n## Notes' });
    const text = addProgrammeFields(note, talk, await entityDecoderFor(talk));
    expect(parseNote(text).meta.programme).toBe('a: b#c');
    expect(text).toContain('## Abstract\n\n> One\n>\n> ---\n> ## Notes\n\n## Notes\n');
    expect(text.match(/^## Notes$/gm)).toHaveLength(1);
  });
});
