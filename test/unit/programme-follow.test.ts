/** The fallback that matches entries of a newer export whose UIDs changed (import runs it before matching by uid). */
import { describe, expect, it } from 'vitest';
import type { FreshEntry } from '../../src/core/programme/programme.js';
import { followPrevious } from '../../src/core/programme/programme-follow.js';

const entry = (uid: string, title: string, start: string, room = 'A'): FreshEntry => ({
  uid,
  title,
  start,
  end: start,
  all_day: false,
  room,
  track: null,
  tags: [],
  speakers: [],
  url: null,
  abstract: null,
  status: 'confirmed',
  starred: false,
});

describe('followPrevious', () => {
  const before = [
    entry('old-1', 'Opening', '2026-06-16T09:00:00+02:00'),
    entry('old-2', 'Backups', '2026-06-16T10:00:00+02:00'),
    entry('old-3', 'Lunch', '2026-06-16T12:00:00+02:00', 'Hall'),
    entry('old-4', 'Lunch', '2026-06-17T12:00:00+02:00', 'Hall'),
  ];

  it('keeps the stored UIDs of talks an exporter renamed: by title, start and room, then title alone', () => {
    const after = [
      entry('new-1', 'Opening', '2026-06-16T07:00:00Z'), // the same instant, written in UTC
      entry('new-2', 'Backups', '2026-06-16T11:00:00+02:00'), // moved: matched by its title alone
      entry('new-3', 'Lunch', '2026-06-16T12:00:00+02:00', 'Hall'),
      entry('new-4', 'Lunch', '2026-06-18T12:00:00+02:00', 'Hall'), // the one lunch left: title alone
    ];
    const { entries, matched } = followPrevious(before, after);
    expect(entries.map((one) => one.uid)).toEqual(['old-1', 'old-2', 'old-3', 'old-4']);
    expect(matched).toBe(4);
  });

  it('matches talks told apart by start (uid#start) to the one stored under the bare UID', () => {
    const stored = [entry('46939', 'Closing', '2024-09-15T15:00:00+02:00')];
    const { entries } = followPrevious(stored, [
      entry('46939#20240915T130000Z', 'Closing ceremony', '2024-09-15T13:00:00Z'),
      entry('46939#20240915T110000Z', 'Forensics', '2024-09-15T11:00:00Z'),
    ]);
    expect(entries.map((one) => one.uid)).toEqual(['46939', '46939#20240915T110000Z']);
  });

  it('guesses nothing by title when two stored talks have it', () => {
    const { entries } = followPrevious(before, [entry('z', 'Lunch', '2026-06-19T12:00:00+02:00', 'Hall')]);
    expect(entries.map((one) => one.uid)).toEqual(['z']);
  });

  it('leaves known UIDs alone and never gives one stored UID to two entries', () => {
    const { entries, matched } = followPrevious(before, [
      entry('old-1', 'Opening', '2026-06-16T09:00:00+02:00'),
      entry('x', 'Backups', '2026-06-16T10:00:00+02:00'),
      entry('y', 'Backups', '2026-06-16T10:00:00+02:00'),
    ]);
    expect(entries.map((one) => one.uid)).toEqual(['old-1', 'x', 'y']);
    expect(matched).toBe(0);
  });
});
