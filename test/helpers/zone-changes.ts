/** Where time zones change their offset, found through Intl: the days the zone tests look at. */
import { zoneFormat } from '../../src/core/clock.js';

export const DAY = 86_400_000;

/** Intl's own fields of an instant in a zone (its DateTimeFormat, never the TZ reader). */
export function intlParts(instant: Date, zone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of zoneFormat(zone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = part.value;
  return parts;
}

/** The zone's offset (wall time minus UTC, in ms) at an instant on a whole second, by Intl. */
export function intlOffset(ms: number, zone: string): number {
  const p = intlParts(new Date(ms), zone);
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - ms;
}

/** The UTC days of a year on which the zone's offset changes (midnight to midnight), by a daily walk. */
export function changeDays(zone: string, year: number): number[] {
  const days: number[] = [];
  const first = Date.UTC(year, 0, 1) / DAY;
  let before = intlOffset(first * DAY, zone);
  for (let k = first; k < first + 366; k++) {
    const after = intlOffset((k + 1) * DAY, zone);
    if (after !== before) days.push(k);
    before = after;
  }
  return days;
}
