/**
 * zoneParts and wallTime read zones through the entry point's TZ reader (on
 * the main thread), an offset per UTC midnight: they must always give what
 * Intl gives, in every zone ICU knows, on the days its offset changes too.
 */
import { isMainThread } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  instantInZone,
  isValidTimeZone,
  timeParts,
  useOffsetReader,
  wallTime,
  zoneParts,
} from '../../src/core/clock.js';
import { installProcessClock, offsetsThroughTz, tzTakesEffect } from '../../src/process-clock.js';
import { changeDays, DAY, intlParts } from '../helpers/zone-changes.js';

// TZ has no effect in a worker thread (vitest --pool=threads): there the TZ reader must stay out.
installProcessClock();
afterAll(() => useOffsetReader(undefined));

const ZONES = Intl.supportedValuesOf('timeZone');
/** The six fields of zoneParts (Intl's own reading also carries its literals). */
const fieldsOf = (p: Record<string, string> | object) => {
  const { year, month, day, hour, minute, second } = p as Record<string, string>;
  return { year, month, day, hour, minute, second };
};

describe('zoneParts through the TZ reader', () => {
  it('equals Intl every 10 minutes of the days around each change of a year, in every zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 1900, max: 2199 }), (zone, year) => {
        for (const k of changeDays(zone, year)) {
          for (let ms = (k - 1) * DAY; ms < (k + 2) * DAY; ms += 600_000) {
            const at = new Date(ms + 1234);
            expect(fieldsOf(zoneParts(at, zone)), `${zone} ${at.toISOString()}`).toEqual(intlParts(at, zone));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('equals Intl at any instant of 1900-2200 and beyond it, in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({
          min: new Date('1850-01-01T00:00:00Z'),
          max: new Date('2250-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (zone, at) => {
          expect(fieldsOf(zoneParts(at, zone))).toEqual(intlParts(at, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the offsets Intl gives, through TZ, on the main thread', () => {
    if (!isMainThread) return;
    const at = [
      Date.UTC(2026, 2, 29, 0, 59, 59),
      Date.UTC(2026, 2, 29, 1, 0, 0),
      Date.UTC(2026, 9, 25, 1, 0, 0),
    ];
    expect(offsetsThroughTz('Europe/Berlin', at)).toEqual([3_600_000, 7_200_000, 3_600_000]);
    expect(offsetsThroughTz('Asia/Kolkata', at)).toEqual(at.map(() => 19_800_000));
  });

  it('leaves a name TZ does not know to Intl, which refuses it', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => zoneParts(new Date('2026-04-14T09:30:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => wallTime(new Date('2026-04-14T09:30:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('reads an alias as its zone', () => {
    const at = new Date('2026-07-01T12:00:00Z');
    expect(wallTime(at, 'US/Pacific')).toEqual({ date: '2026-07-01', time: '05:00' });
  });
});

describe('wallTime', () => {
  it('gives the same wall time on the first and on later readings of a zone, DST changes included', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2040-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(
          'America/Los_Angeles',
          'Europe/Berlin',
          'Asia/Kolkata',
          'Pacific/Chatham',
          'Australia/Lord_Howe',
          'UTC',
        ),
        (instant, zone) => {
          const parts = intlParts(instant, zone);
          const expected = {
            date: `${parts.year}-${parts.month}-${parts.day}`,
            time: `${parts.hour}:${parts.minute}`,
          };
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

describe('instantInZone', () => {
  const at = (text: string, zone: string) => {
    const [date, time] = text.split(' ') as [string, string];
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    return instantInZone({ year, month, day, hour, minute, second: 0 }, zone).toISOString();
  };

  it('reads a wall time the clocks skipped as Temporal does: with the offset before the change', () => {
    // 02:00 became 03:00 in Brussels on 2026-03-29: 02:30 is 03:30 summer time, 01:30 UTC.
    expect(at('2026-03-29 02:30', 'Europe/Brussels')).toBe('2026-03-29T01:30:00.000Z');
    expect(at('2026-03-08 02:15', 'America/Los_Angeles')).toBe('2026-03-08T10:15:00.000Z');
  });

  it('reads a wall time the clocks went back over as its first occurrence', () => {
    // 03:00 became 02:00 on 2026-10-25: 02:30 came twice, first at 00:30 UTC.
    expect(at('2026-10-25 02:30', 'Europe/Brussels')).toBe('2026-10-25T00:30:00.000Z');
    // Lord Howe moves by half an hour: 01:45 came twice, first at +11:00.
    expect(at('2026-04-05 01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  it('gives every wall time that exists once the instant it names', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom('Europe/Brussels', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Lord_Howe'),
        (ms, zone) => {
          const instant = Math.floor(ms / 60_000) * 60_000;
          const p = intlParts(new Date(instant), zone);
          const back = instantInZone(
            { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: 0 },
            zone,
          ).getTime();
          // The same wall time: the instant itself, or (in an overlap) the first of the two.
          expect(back <= instant && instant - back <= 3_600_000).toBe(true);
          const q = intlParts(new Date(back), zone);
          expect([q.year, q.month, q.day, q.hour, q.minute]).toEqual([
            p.year,
            p.month,
            p.day,
            p.hour,
            p.minute,
          ]);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('timeParts', () => {
  it("reads any text's hours and minutes as split(':').map(Number) does", () => {
    const split = (text: string) => {
      const [hours, minutes] = text.split(':').map(Number);
      return [hours, minutes ?? Number.NaN];
    };
    for (const text of [
      '10:30',
      '9:05',
      '',
      ':',
      ':30',
      '10',
      '10:',
      '10:30:15',
      ' 1 : 2 ',
      'a:b',
      '1e1:0x10',
    ])
      expect(timeParts(text), text).toEqual(split(text));
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9: a-]{0,8}$/), (text) => {
        expect(timeParts(text)).toEqual(split(text));
      }),
    );
  });
});
