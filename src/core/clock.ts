/** Wall-clock date and time as a person in a room reads them. */
export interface WallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

/**
 * Reads a zone's offsets (wall time minus UTC, in ms) at instants on whole
 * seconds, all in one go, or gives undefined for a zone it does not take.
 * Installed by the entry point (src/process-clock.ts, useOffsetReader).
 */
export type OffsetReader = (zone: string, instants: readonly number[]) => number[] | undefined;
let offsetReader: OffsetReader | undefined;

const DAY = 86_400_000;
/** Days either side of a reading whose midnights are read with it: a conference's week in one call. */
const SPAN_DAYS = 45;
/** Where the reader is asked (1900-2200, as note-instant.ts's offsets); Intl outside. */
const READ_FROM = Date.UTC(1900, 0, 1);
const READ_UNTIL = Date.UTC(2200, 0, 1);
/** Per zone: its offset at each UTC midnight read so far (by day number), or null once the reader refused it. */
const midnights = new Map<string, Map<number, number> | null>();
/** Offsets at single instants, on days when a zone's offset changes (`zone instant`). */
const changeDays = new Map<string, number>();

/**
 * Lets the entry point read zones without Intl: building the first
 * Intl.DateTimeFormat costs ~15-25 ms (ICU's zone data), half of Node's own
 * start-up, while a room command needs a handful of readings of one zone.
 * The core itself never touches the process (src/process-clock.ts).
 */
export function useOffsetReader(reader: OffsetReader | undefined): void {
  offsetReader = reader;
  midnights.clear();
  changeDays.clear();
}

/**
 * The zone's offset at `second` (ms, a whole second) through the reader, or
 * undefined. When the offset is the same at the UTC midnights either side,
 * it is that all day: no zone has changed its offset and changed it back
 * within a day (the same rule as note-instant.ts's offsetAt; test/unit/clock*
 * holds it to Intl over every zone's changes); else the instant itself is read.
 */
function readerOffset(second: number, zone: string): number | undefined {
  if (!offsetReader || second < READ_FROM || second >= READ_UNTIL) return undefined;
  let days = midnights.get(zone);
  if (days === null) return undefined;
  if (!days) {
    days = new Map();
    midnights.set(zone, days);
  }
  const k = Math.floor(second / DAY);
  if (!days.has(k) || !days.has(k + 1)) {
    const wanted: number[] = [];
    for (let d = k - SPAN_DAYS; d <= k + 1 + SPAN_DAYS; d++) if (!days.has(d)) wanted.push(d * DAY);
    const read = offsetReader(zone, wanted);
    if (!read || read.length !== wanted.length) {
      midnights.set(zone, null);
      return undefined;
    }
    for (let i = 0; i < wanted.length; i++) days.set(wanted[i]! / DAY, read[i]!);
  }
  const before = days.get(k)!;
  if (before === days.get(k + 1)) return before;
  const key = `${zone} ${second}`;
  let exact = changeDays.get(key);
  if (exact === undefined) {
    exact = offsetReader(zone, [second])?.[0];
    if (exact === undefined) return undefined;
    changeDays.set(key, exact);
  }
  return exact;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The wall time of an instant in a time zone (an IANA name), or in the
 * machine's own zone when none is given, through the entry point's offset
 * reader where one is installed, else a DateTimeFormat kept per zone. Zones reach here from
 * conference.md files checked with isValidTimeZone.
 */
export function wallTime(instant: Date, timeZone?: string | null): WallTime {
  if (!timeZone) return localWallTime(instant);
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
  const ms = instant.getTime();
  const second = Math.floor(ms / 1000) * 1000;
  const offset = zone ? readerOffset(second, zone) : undefined;
  if (offset !== undefined) {
    const wall = new Date(second + offset);
    return {
      year: String(wall.getUTCFullYear()),
      month: pad2(wall.getUTCMonth() + 1),
      day: pad2(wall.getUTCDate()),
      hour: pad2(wall.getUTCHours()),
      minute: pad2(wall.getUTCMinutes()),
      second: pad2(wall.getUTCSeconds()),
    };
  }
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
  // The offsets a day either side: the wall time is read with one of them (two only near a change).
  const before = offsetIn(asUtc - DAY, zone);
  const after = offsetIn(asUtc + DAY, zone);
  const fits = (instant: number) => offsetIn(instant, zone) === asUtc - instant;
  const early = asUtc - before;
  const late = asUtc - after;
  // As Temporal's "compatible" reading: a time the clocks went back over is its first
  // occurrence, and one they skipped (02:30 when 02:00 became 03:00) is read with the
  // offset before the change, so it lands as far after the change as it was after 02:00.
  if (fits(early) && fits(late)) return new Date(Math.min(early, late));
  if (fits(late)) return new Date(late);
  return new Date(early);
}

/** The zone's offset (wall time minus UTC, in ms) at an instant. */
function offsetIn(ms: number, zone: string): number {
  const p = zoneParts(new Date(ms), zone);
  return (
    Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000
  );
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

/**
 * The hours and minutes of an `HH:MM` time: the first two of its `:`-separated
 * parts as numbers (NaN for a missing one), as `split(':').map(Number)` gives
 * them, without the two arrays a listing of thousands of notes would make.
 */
export function timeParts(time: string): [hours: number, minutes: number] {
  const colon = time.indexOf(':');
  if (colon === -1) return [Number(time), Number.NaN];
  const next = time.indexOf(':', colon + 1);
  return [Number(time.slice(0, colon)), Number(time.slice(colon + 1, next === -1 ? undefined : next))];
}

/** An end's time as a timetable shows it beside its start: `00:30+1` when it falls on a later day. */
export function endTimeText(start: WallTime, end: WallTime): string {
  const days = Math.round((Date.parse(end.date) - Date.parse(start.date)) / DAY);
  return days > 0 ? `${end.time}+${days}` : end.time;
}
