/** wallTime reads a zone's first time through TZ and later ones through Intl: the two must always agree. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallTime, wallTimeThroughTz, zoneParts } from '../../src/core/clock.js';

const ZONES = [
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Australia/Lord_Howe',
  'UTC',
];

describe('wallTime', () => {
  it('gives the same wall time on the first and on later readings of a zone, DST changes included', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2040-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (instant, zone) => {
          const parts = zoneParts(instant, zone);
          const expected = {
            date: `${parts.year}-${parts.month}-${parts.day}`,
            time: `${parts.hour}:${parts.minute}`,
          };
          expect(wallTimeThroughTz(instant, zone)).toEqual(expected);
          expect(wallTime(instant, zone)).toEqual(expected);
          expect(wallTime(instant, zone)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves TZ as it found it', () => {
    const before = process.env.TZ;
    wallTime(new Date('2013-04-16T18:02:00Z'), 'Asia/Tokyo');
    expect(process.env.TZ).toBe(before);
  });
});
