/**
 * noteInstant's arithmetic (an offset read once per UTC day) against Intl in
 * every zone ICU knows, on the days each zone changes its offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteInstant, offsetAt } from '../../src/core/note/note-instant.js';
import { instantOfWallTime, isoInZone } from '../../src/core/programme/programme-model.js';
import { changeDays, DAY, intlOffset } from '../helpers/zone-changes.js';

const ZONES = Intl.supportedValuesOf('timeZone');
const pad = (n: number) => String(n).padStart(2, '0');

function slow(date: string, time: string, zone: string, nextDay: boolean): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const fields = { year, month, day: day + (nextDay ? 1 : 0), hour, minute, second: 0 };
  return isoInZone(instantOfWallTime(fields, zone), zone);
}

describe('noteInstant in every zone', () => {
  it('offsetAt equals Intl every 10 minutes of the days around each change of a year', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 1900, max: 2100 }), (zone, year) => {
        for (const k of changeDays(zone, year)) {
          for (let ms = (k - 1) * DAY; ms < (k + 2) * DAY; ms += 600_000)
            expect(offsetAt(ms, zone)).toBe(intlOffset(ms, zone));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives what instantOfWallTime then isoInZone give, on and next to the days of a change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1950, max: 2040 }),
        fc.integer({ min: -1, max: 1 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 1, 15, 30, 45, 59),
        fc.boolean(),
        (zone, year, shift, hour, minute, nextDay) => {
          const days = changeDays(zone, year);
          const k = days.length > 0 ? days[0]! + shift : Date.UTC(year, 5, 15) / DAY;
          const d = new Date(k * DAY);
          const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
          const time = `${pad(hour)}:${pad(minute)}`;
          expect(noteInstant(date, time, zone, nextDay)).toBe(slow(date, time, zone, nextDay));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees at every quarter hour of the changes of 2026 in a few zones', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Australia/Lord_Howe', 'America/Santiago']) {
      for (const k of changeDays(zone, 2026)) {
        for (let q = -96; q < 192; q++) {
          const at = new Date(k * DAY + q * 900_000);
          const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
          const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
          expect(noteInstant(date, time, zone)).toBe(slow(date, time, zone, false));
        }
      }
    }
  });
});
