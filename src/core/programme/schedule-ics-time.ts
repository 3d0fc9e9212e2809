/** iCalendar times as ical.js gives them: checked against the calendar, turned into days and instants. */
import type ICALModule from 'ical.js';
import { isValidTimeZone } from '../clock.js';
import { instantOfWallTime, isCalendarDay } from './programme-model.js';

export type ICAL = typeof ICALModule;
export type Component = InstanceType<ICAL['Component']>;
export type Property = InstanceType<ICAL['Property']>;
export type Time = InstanceType<ICAL['Time']>;
export type Event = InstanceType<ICAL['Event']>;

/** Where a component's property is in the file (its BEGIN line without one). */
export type LineOf = (component: Component, prop?: string) => number;

export const ISO_DURATION = /^\+?P(\d+W|(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?)$/i;

/** A date or date-time of the calendar (no 30 February, no year 0 or 9999), as ical.js read it. */
export function isRealTime(time: unknown): time is Time {
  if (!time || typeof time !== 'object') return false;
  const { year, month, day, isDate, hour, minute, second } = time as Time;
  if (!isCalendarDay(year, month, day)) return false;
  if (isDate) return true;
  return [hour, minute, second].every(Number.isInteger) && hour < 24 && minute < 60 && second <= 60;
}

export function dayOf(time: Time): string {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

/** The instant of a date-time: UTC and VTIMEZONE zones by ical.js, named IANA zones and floating times by Intl. */
export function instantOf(time: Time, owner: Component, fallbackZone: string | null): Date {
  const zone = time.zone as { tzid?: string; component?: unknown } | undefined;
  if (zone?.tzid === 'UTC' || zone?.component) return new Date(time.toUnixTime() * 1000);
  const tzid = (owner.getFirstProperty('dtstart') as Property | null)?.getParameter('tzid');
  const name = typeof tzid === 'string' && isValidTimeZone(tzid) ? tzid : (fallbackZone ?? 'UTC');
  return instantOfWallTime(
    {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    },
    name,
  );
}

/**
 * Whether every date in a property's values, as written in the file, is a day
 * of the calendar: ical.js quietly moves 30 February to 2 March.
 */
export function writtenDaysReal(prop: Property): boolean {
  const written = (prop.toJSON() as unknown[])
    .slice(3)
    .flatMap((value) =>
      Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [value],
    );
  return written.every((value) => {
    const day = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
    return !day || isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]));
  });
}
