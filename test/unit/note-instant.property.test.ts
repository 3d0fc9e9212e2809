/** noteInstant's two-reading path gives exactly what instantOfWallTime then isoInZone give (DST changes included). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteInstant } from '../../src/core/note/note-json.js';
import { instantOfWallTime, isoInZone } from '../../src/core/programme/programme-model.js';

const ZONES = [
  'Europe/Berlin',
  'America/Los_Angeles',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
  'America/St_Johns',
  'Pacific/Chatham',
];

function slow(date: string, time: string, zone: string, nextDay: boolean): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const fields = { year, month, day: day + (nextDay ? 1 : 0), hour, minute, second: 0 };
  return isoInZone(instantOfWallTime(fields, zone), zone);
}

const pad = (n: number) => String(n).padStart(2, '0');

describe('noteInstant', () => {
  it('agrees with instantOfWallTime and isoInZone, around DST changes too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1990, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
        (zone, year, month, day, hour, minute, nextDay) => {
          const date = `${year}-${pad(month)}-${pad(day)}`;
          const time = `${pad(hour)}:${pad(minute)}`;
          expect(noteInstant(date, time, zone, nextDay)).toBe(slow(date, time, zone, nextDay));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2026-03-29', '02:30', 'Europe/Berlin'],
    ['2026-10-25', '02:30', 'Europe/Berlin'],
    ['2026-03-08', '02:15', 'America/Los_Angeles'],
    ['2026-11-01', '01:30', 'America/Los_Angeles'],
    ['2026-04-05', '01:45', 'Australia/Lord_Howe'],
  ])('agrees in a gap or an overlap: %s %s %s', (date, time, zone) => {
    expect(noteInstant(date, time, zone)).toBe(slow(date, time, zone, false));
  });
});
