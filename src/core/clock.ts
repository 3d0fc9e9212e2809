/** Wall-clock date and time as a person in a room reads them. */
export interface WallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

/** A faster first reading of a zone, installed by the entry point (see useFirstReading). */
/** Returns undefined for a zone it does not take, which then goes through Intl. */
type WallTimeReader = (instant: Date, timeZone: string) => WallTime | undefined;
let firstReading: WallTimeReader | undefined;
/** Zones already read once in this process. */
const readOnce = new Set<string>();

/**
 * Lets the entry point give the first reading of each zone a cheaper path:
 * building the first Intl.DateTimeFormat costs ~12-25 ms (ICU's zone data),
 * a third of a quick command's budget, while `jot` and `new` need one
 * reading. The core itself never touches the process (src/process-clock.ts).
 */
export function useFirstReading(reader: WallTimeReader | undefined): void {
  firstReading = reader;
  readOnce.clear();
}

/**
 * The wall time of an instant in a time zone (an IANA name), or in the
 * machine's own zone when none is given. Later readings (an agenda, an
 * import) use a DateTimeFormat kept per zone. Zones reach here from
 * conference.md files checked with isValidTimeZone.
 */
export function wallTime(instant: Date, timeZone?: string | null): WallTime {
  if (!timeZone) return localWallTime(instant);
  if (firstReading && !readOnce.has(timeZone)) {
    readOnce.add(timeZone);
    const read = firstReading(instant, timeZone);
    if (read) return read;
  }
  const parts = zoneParts(instant, timeZone);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The wall time of an instant as the machine's own zone reads it. */
export function localWallTime(instant: Date): WallTime {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
    time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
  };
}

export interface ZoneParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The one en-CA, 24-hour, zero-padded DateTimeFormat of a zone (the machine's when null), made once. */
export function zoneFormat(zone: string | null): Intl.DateTimeFormat {
  const key = zone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone ?? undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(key, format);
  }
  return format;
}

/** Calendar fields of an instant in a zone (the machine's when null), zero-padded. */
export function zoneParts(instant: Date, zone: string | null): ZoneParts {
  const parts: Record<string, string> = {};
  for (const part of zoneFormat(zone).formatToParts(instant)) parts[part.type] = part.value;
  return parts as unknown as ZoneParts;
}

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The instant a wall time names in an IANA zone (the later one in a DST
 * overlap, the shifted one in a gap), or in the machine's zone when null.
 */
export function instantInZone(fields: WallFields, zone: string | null): Date {
  const { year, month, day, hour, minute, second } = fields;
  if (!zone) return new Date(year, month - 1, day, hour, minute, second);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const p = zoneParts(new Date(guess), zone);
    const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/**
 * True for a time zone ICU knows. The list of canonical names is cheap to
 * get; only other spellings (aliases such as "US/Pacific") pay for building
 * a DateTimeFormat.
 */
export function isValidTimeZone(zone: string): boolean {
  canonicalZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (canonicalZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
let canonicalZones: Set<string> | undefined;

/** `HH:MM` plus minutes, capped at 23:59 so a late talk does not wrap to the next day. */
export function addMinutes(time: string, minutes: number): string {
  const [hours, mins] = time.split(':').map(Number);
  const total = Math.min(hours! * 60 + mins! + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Parses `YYYY-MM-DD HH:MM` (or with a `T`), or a bare `HH:MM` on `today`; null when it is not a real date and time. */
export function parseWhen(value: string, today: string): WallTime | null {
  const full = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(value.trim());
  const timeOnly = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  const [date, hours, minutes] = full
    ? [full[1]!, full[2]!, full[3]!]
    : timeOnly
      ? [today, timeOnly[1]!, timeOnly[2]!]
      : [];
  if (!date || Number(hours) > 23 || Number(minutes) > 59 || !isRealDate(date)) return null;
  return { date, time: `${hours!.padStart(2, '0')}:${minutes}` };
}

function isRealDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(year!, month! - 1, day!));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month! - 1 && probe.getUTCDate() === day;
}

/**
 * The slot a talk most likely started in, for a note begun at `time`: the
 * quarter hour before, unless the next one is at most five minutes away
 * (11:07 → 11:00, 11:11 → 11:15).
 */
export function roundToSlot(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const total = hours! * 60 + minutes!;
  const into = total % 15;
  const rounded = Math.min(into >= 10 ? total + 15 - into : total - into, 23 * 60 + 45);
  return `${String(Math.floor(rounded / 60)).padStart(2, '0')}:${String(rounded % 60).padStart(2, '0')}`;
}
