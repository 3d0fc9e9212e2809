/** The programme model (programme-model.ts): zones and offsets, storing an imported entry, order, and the time checks. */
import { describe, expect, it } from 'vitest';
import {
  compareEntries,
  displayZone,
  entryDay,
  isCalendarDay,
  isoInZone,
  isProgrammeInstant,
  timesProblem,
  toStored,
  type FreshEntry,
  type ImportedEntry,
  type ProgrammeEntry,
} from '../../src/core/programme/programme-model.js';
import { parseProgrammeText, programmeText } from '../../src/core/programme/programme-store.js';
import type { Conference } from '../../src/core/workspace/conference.js';

const imported = (fields: Partial<ImportedEntry> = {}): ImportedEntry => ({
  uid: 'u1',
  title: 'A talk',
  room: 'Hall A',
  track: 'Storage',
  tags: ['zfs'],
  speakers: ['Ann'],
  url: 'https://example.org/t',
  abstract: 'About it',
  startAt: new Date('2026-06-16T08:00:00Z'),
  endAt: new Date('2026-06-16T08:40:00Z'),
  cancelled: false,
  ...fields,
});

const fresh = (uid: string, start: string, allDay = false): FreshEntry => ({
  uid,
  title: uid,
  start,
  end: start,
  all_day: allDay,
  room: null,
  track: null,
  tags: [],
  speakers: [],
  url: null,
  abstract: null,
  status: 'confirmed',
  starred: false,
});

describe('displayZone', () => {
  const conf = (timezone: string | null) => ({ timezone }) as Conference;
  it.each<[string | null, string | null | undefined, string | null]>([
    ['Europe/Berlin', 'America/New_York', 'Europe/Berlin'],
    [null, 'America/New_York', 'America/New_York'],
    [null, null, null],
    [null, undefined, null],
  ])('conference %s, programme %s: %s', (conference, programme, zone) => {
    const shown = displayZone(
      conf(conference),
      programme === undefined ? undefined : { timezone: programme },
    );
    expect(shown).toBe(zone);
  });
});

describe('isoInZone', () => {
  it.each<[string, string, string]>([
    ['2026-06-10T07:30:00Z', 'Europe/London', '2026-06-10T08:30:00+01:00'],
    ['2026-01-10T07:30:00Z', 'Europe/London', '2026-01-10T07:30:00+00:00'],
    ['2026-06-10T07:30:05Z', 'UTC', '2026-06-10T07:30:05+00:00'],
    ['2026-06-10T07:30:00Z', 'America/New_York', '2026-06-10T03:30:00-04:00'],
    ['2026-06-10T07:30:00Z', 'Asia/Kolkata', '2026-06-10T13:00:00+05:30'],
    ['2026-06-10T07:30:00Z', 'Asia/Kathmandu', '2026-06-10T13:15:00+05:45'],
    ['2026-01-10T12:00:00Z', 'America/St_Johns', '2026-01-10T08:30:00-03:30'],
    ['2026-06-10T02:00:00Z', 'Pacific/Kiritimati', '2026-06-10T16:00:00+14:00'],
    ['2026-06-10T23:59:59.900Z', 'Pacific/Pago_Pago', '2026-06-10T12:59:59-11:00'],
    // Milliseconds are dropped from the wall time, so they never change the offset.
    ['2026-06-10T07:30:00.999Z', 'Asia/Kolkata', '2026-06-10T13:00:00+05:30'],
  ])('%s in %s is %s', (instant, zone, iso) => {
    expect(isoInZone(new Date(instant), zone)).toBe(iso);
  });
});

describe('toStored', () => {
  it('stores a timed entry with its instants in the zone, and only the optional fields it has', () => {
    const stored = toStored(
      imported({ subtitle: 'Sub', type: '', language: null, description: 'Long', links: [] }),
      'Europe/Berlin',
    );
    expect(stored).toEqual({
      uid: 'u1',
      title: 'A talk',
      start: '2026-06-16T10:00:00+02:00',
      end: '2026-06-16T10:40:00+02:00',
      all_day: false,
      room: 'Hall A',
      track: 'Storage',
      tags: ['zfs'],
      speakers: ['Ann'],
      url: 'https://example.org/t',
      abstract: 'About it',
      subtitle: 'Sub',
      description: 'Long',
      status: 'confirmed',
      starred: false,
    });
    expect(Object.keys(stored)).not.toContain('links');
    expect(Object.keys(stored)).not.toContain('type');
    expect(Object.keys(stored)).not.toContain('language');
  });

  it('keeps every optional field an export has, links included', () => {
    const links = [{ title: 'Slides', url: 'https://example.org/s' }];
    const stored = toStored(
      imported({ subtitle: 'S', type: 'Workshop', language: 'en', description: 'D', links }),
      'UTC',
      true,
    );
    expect(stored).toMatchObject({
      subtitle: 'S',
      type: 'Workshop',
      language: 'en',
      description: 'D',
      links,
    });
    expect(stored.starred).toBe(true);
  });

  it('ends a timed entry without an end at its start, and marks a cancelled one', () => {
    const stored = toStored(imported({ endAt: null, cancelled: true }), 'UTC');
    expect([stored.start, stored.end, stored.status]).toEqual([
      '2026-06-16T08:00:00+00:00',
      '2026-06-16T08:00:00+00:00',
      'cancelled',
    ]);
  });

  it('stores an all-day entry by its days; one without a last day ends on its first', () => {
    const days = { startAt: null, endAt: null };
    const span = toStored(imported({ ...days, firstDay: '2026-06-15', lastDay: '2026-06-17' }), 'UTC');
    expect([span.start, span.end, span.all_day]).toEqual(['2026-06-15', '2026-06-17', true]);
    const one = toStored(imported({ ...days, firstDay: '2026-06-15' }), 'UTC');
    expect([one.start, one.end, one.all_day]).toEqual(['2026-06-15', '2026-06-15', true]);
  });
});

describe('compareEntries', () => {
  const sign = (a: FreshEntry, b: FreshEntry) => Math.sign(compareEntries(a, b));
  const at9 = '2026-06-16T09:00:00+02:00';
  it.each<[FreshEntry, FreshEntry, number]>([
    [fresh('b', at9), fresh('a', '2026-06-16T10:00:00+02:00'), -1],
    [fresh('a', '2026-06-16T10:00:00+02:00'), fresh('b', at9), 1],
    // Same instant written with two offsets.
    [fresh('a', '2026-06-16T09:00:00+02:00'), fresh('b', '2026-06-16T08:00:00+01:00'), -1],
    [fresh('b', '2026-06-16T09:00:00+02:00'), fresh('a', '2026-06-16T08:00:00+01:00'), 1],
    [fresh('a', at9), fresh('a', at9), 0],
    [fresh('z', '2026-06-16', true), fresh('a', '2026-06-16T00:00:00Z'), -1],
    [fresh('a', '2026-06-16T00:00:00Z'), fresh('z', '2026-06-16', true), 1],
    [fresh('a', '2026-06-16', true), fresh('b', '2026-06-16', true), -1],
    [fresh('b', '2026-06-16', true), fresh('a', '2026-06-16', true), 1],
    [fresh('x', '2026-06-15', true), fresh('a', '2026-06-16', true), -1],
  ])('%o against %o: %i', (a, b, expected) => {
    expect(sign(a, b)).toBe(expected);
  });
});

describe('entryDay', () => {
  it('is the stored day of an all-day entry, and the wall day in the zone of a timed one', () => {
    const late = { ...fresh('a', '2026-06-16T23:30:00+00:00'), ref: 'a' } as ProgrammeEntry;
    expect(entryDay(late, 'Europe/Berlin')).toBe('2026-06-17');
    expect(entryDay(late, 'America/New_York')).toBe('2026-06-16');
    const day = { ...fresh('d', '2026-06-16', true), ref: 'd' } as ProgrammeEntry;
    expect(entryDay(day, 'Pacific/Kiritimati')).toBe('2026-06-16');
  });
});

describe('isCalendarDay', () => {
  it.each<[number, number, number, boolean]>([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2023, 2, 28, true],
    [2026, 4, 30, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 1, 31, true],
    [2026, 1, 1, true],
    [2026, 0, 10, false],
    [2026, 13, 1, false],
    [2026, 6, 0, false],
    [2026, 6, -1, false],
    [1900, 1, 1, true],
    [1899, 12, 31, false],
    [2199, 12, 31, true],
    [2200, 1, 1, false],
    [2024.5, 1, 1, false],
    [2024, 1.5, 1, false],
    [2024, 1, 1.5, false],
    [Number.NaN, 1, 1, false],
  ])('%i-%i-%i: %s', (year, month, day, expected) => {
    expect(isCalendarDay(year, month, day)).toBe(expected);
  });
});

describe('isProgrammeInstant', () => {
  it.each<[string, boolean]>([
    ['1900-01-01T00:00:00Z', true],
    ['1899-12-31T23:59:59Z', false],
    ['2199-12-31T23:59:59Z', true],
    ['2200-01-01T00:00:00Z', false],
    ['2026-06-16T10:00:00Z', true],
    ['not a date', false],
  ])('%s: %s', (instant, expected) => {
    expect(isProgrammeInstant(new Date(instant))).toBe(expected);
  });
});

describe('timesProblem', () => {
  const allDay = (firstDay: string | undefined, lastDay?: string) =>
    timesProblem(imported({ startAt: null, endAt: null, firstDay, lastDay }));
  const timed = (start: string, end: string | null) =>
    timesProblem(imported({ startAt: new Date(start), endAt: end === null ? null : new Date(end) }));

  it.each<[string | undefined, string | undefined, string | null]>([
    ['2026-06-16', undefined, null],
    ['2026-06-16', '2026-06-16', null],
    ['2026-06-16', '2026-06-18', null],
    ['2026-01-01', '2027-01-01', null],
    ['2026-01-01', '2027-01-02', 'it lasts more than 366 days'],
    ['2026-06-16', '2026-06-15', 'it ends before it starts'],
    [undefined, undefined, 'the day "" is not a date between 1900 and 2199'],
    ['', '2026-06-16', 'the day "" is not a date between 1900 and 2199'],
    ['June 16', undefined, 'the day "June 16" is not a date between 1900 and 2199'],
    ['2026-06-16x', undefined, 'the day "2026-06-16x" is not a date between 1900 and 2199'],
    ['x2026-06-16', undefined, 'the day "x2026-06-16" is not a date between 1900 and 2199'],
    ['2026-02-30', undefined, 'the day "2026-02-30" is not a date between 1900 and 2199'],
    ['1899-12-31', undefined, 'the day "1899-12-31" is not a date between 1900 and 2199'],
    ['2026-06-16', '2026-06-31', 'the last day "2026-06-31" is not a date between 1900 and 2199'],
    ['2026-06-16', 'soon', 'the last day "soon" is not a date between 1900 and 2199'],
    ['2026-06-16', '2200-01-01', 'the last day "2200-01-01" is not a date between 1900 and 2199'],
  ])('all day from %s to %s: %s', (first, last, problem) => {
    expect(allDay(first, last)).toBe(problem);
  });

  it.each<[string, string | null, string | null]>([
    ['2026-06-16T10:00:00Z', '2026-06-16T10:40:00Z', null],
    ['2026-06-16T10:00:00Z', null, null],
    ['2026-06-16T10:00:00Z', '2026-06-16T10:00:00Z', null],
    ['2026-06-16T10:00:00Z', '2026-06-16T09:59:59Z', 'it ends before it starts'],
    ['2026-01-01T00:00:00Z', '2027-01-02T00:00:00Z', null],
    ['2026-01-01T00:00:00Z', '2027-01-02T00:00:00.001Z', 'it lasts more than 366 days'],
    ['2026-06-16T10:00:00Z', 'never', 'it lasts more than 366 days'],
    ['1899-12-31T23:00:00Z', '1900-01-01T01:00:00Z', 'it starts outside the years 1900–2199'],
    ['2200-01-01T00:00:00Z', '2200-01-01T01:00:00Z', 'it starts outside the years 1900–2199'],
    ['soon', '2026-06-16T10:00:00Z', 'it starts outside the years 1900–2199'],
    ['2199-12-31T23:00:00Z', '2200-01-01T01:00:00Z', 'it ends outside the years 1900–2199'],
  ])('from %s to %s: %s', (start, end, problem) => {
    expect(timed(start, end)).toBe(problem);
  });
});

describe('the entry statuses', () => {
  it('are the three programme.yml reads back, and no other', () => {
    const entries = (['confirmed', 'cancelled', 'removed'] as const).map((status, i) => ({
      ...fresh(`u${i}`, `2026-06-16T1${i}:00:00+02:00`),
      ref: `r${i}x`,
      status,
    }));
    const text = programmeText({ timezone: 'Europe/Berlin', source: null, entries });
    expect(parseProgrammeText(text, 'programme.yml').entries.map((one) => one.status)).toEqual([
      'confirmed',
      'cancelled',
      'removed',
    ]);
    expect(() =>
      parseProgrammeText(text.replace('status: removed', 'status: gone'), 'programme.yml'),
    ).toThrow(/status "gone" is not one of confirmed, cancelled, removed/);
  });
});
