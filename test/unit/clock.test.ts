/**
 * wallTime reads a zone's first time through the entry point's TZ reader (on
 * the main thread) and later ones through Intl: the two must always agree.
 */
import { isMainThread } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { useFirstReading, wallTime, zoneParts } from '../../src/core/clock.js';
import { installProcessClock, tzTakesEffect, wallTimeThroughTz } from '../../src/process-clock.js';

// TZ has no effect in a worker thread (vitest --pool=threads): there the TZ reader must stay out.
installProcessClock();
afterAll(() => useFirstReading(undefined));

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
          if (isMainThread) expect(wallTimeThroughTz(instant, zone)).toEqual(expected);
          expect(wallTime(instant, zone)).toEqual(expected);
          expect(wallTime(instant, zone)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the TZ path on the main thread only, where assigning TZ takes effect', () => {
    expect(tzTakesEffect()).toBe(isMainThread);
  });

  it('leaves TZ as it found it', () => {
    const before = process.env.TZ;
    wallTime(new Date('2013-04-16T18:02:00Z'), 'Asia/Tokyo');
    expect(process.env.TZ).toBe(before);
  });
});
