/**
 * RDATE and EXDATE values, checked as written: ical.js turns a malformed one
 * into another date without a word (`2026-13-45` becomes a day in 2025) or
 * fails later without a line.
 */
import { ScheduleError } from './schedule-common.js';

interface TimeLike {
  compare(other: TimeLike): number;
}
interface PropertyLike {
  toJSON(): unknown;
  getValues(): unknown[];
}
interface ComponentLike {
  getAllProperties(name: string): PropertyLike[];
  hasProperty(name: string): boolean;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:Z|[+-]\d{2}:\d{2})?)?$/;

function isRealStamp(value: unknown): boolean {
  const match = typeof value === 'string' ? STAMP.exec(value) : null;
  if (!match) return false;
  const [, , month, day, hour, minute, second] = match.map(Number);
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= 31 &&
    (match[4] === undefined || (hour! < 24 && minute! < 60 && second! <= 60))
  );
}

/** Throws a ScheduleError at `line` for an RDATE or EXDATE that is not a date, date-time or period. */
export function checkRecurrenceDates(
  component: ComponentLike,
  uid: string,
  line: (name: string) => number,
): void {
  for (const name of ['rdate', 'exdate']) {
    for (const prop of component.getAllProperties(name)) {
      let json: unknown[];
      try {
        json = prop.toJSON() as unknown[];
      } catch {
        json = [null, null, null, null];
      }
      for (const value of json.slice(3)) {
        // A PERIOD is [start, end or duration]: its start must be real.
        const start = Array.isArray(value) ? value[0] : value;
        if (!isRealStamp(start))
          throw new ScheduleError(
            line(name),
            `${name.toUpperCase()} of event ${uid} is not a date or date-time (e.g. 20260616T100000Z)`,
          );
      }
    }
  }
}

/**
 * Whether ical.js's iterator leaves out DTSTART: it does for an event with
 * RDATEs and no RRULE, though DTSTART is its first occurrence (RFC 5545
 * §3.8.5.2), unless an EXDATE removes it.
 */
export function iteratorMissesStart(component: ComponentLike, start: TimeLike): boolean {
  if (component.hasProperty('rrule') || !component.hasProperty('rdate')) return false;
  return !component
    .getAllProperties('exdate')
    .flatMap((prop) => prop.getValues() as TimeLike[])
    .some((time) => time.compare(start) === 0);
}
