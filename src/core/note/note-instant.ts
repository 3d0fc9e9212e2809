/**
 * A note's wall time as an ISO instant with its zone's offset
 * (`2013-04-16T10:00:00-07:00`), for thousands of notes at a time: exactly
 * what instantOfWallTime then isoInZone give, with a zone read through Intl
 * about once per day of notes instead of four times per note.
 */
import { timeParts, type ZoneParts, zoneFormat, zoneParts } from '../clock.js';
import { instantOfWallTime, isoInZone } from '../programme/programme-model.js';

const DAY = 86_400_000;

/** Instants already worked out: notes of a conference share days and slots. */
const instants = new Map<string, string | null>();

/** `2013-04-16T10:00:00-07:00`: a note's wall time in `zone` (the machine's when null). */
export function noteInstant(
  date: string,
  time: string | null,
  zone: string | null,
  nextDay = false,
): string | null {
  if (!time || !/^\d{4}-\d\d-\d\d$/.test(date)) return null;
  const key = `${date} ${time} ${zone ?? ''} ${nextDay}`;
  let found = instants.get(key);
  if (found === undefined) {
    found = instantOf(date, time, zone, nextDay);
    instants.set(key, found);
  }
  return found;
}

function instantOf(date: string, time: string, zone: string | null, nextDay: boolean): string | null {
  // noteInstant checked the date is YYYY-MM-DD.
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const [hour, minute] = timeParts(time);
  const fields = { year, month, day: day + (nextDay ? 1 : 0), hour, minute, second: 0 };
  if (zone && year >= 1900 && year <= 2200) {
    const quick = steadyInstant(fields, zone);
    if (quick) return quick;
  }
  if (!zone) return isoInZone(new Date(fields.year, fields.month - 1, fields.day, hour, minute), null);
  // Near a change of offset: Intl's answer, kept between runs like the offsets.
  const key = `${date} ${time} ${zone} ${nextDay}`;
  let iso = near.get(key);
  if (iso === undefined) {
    iso = isoInZone(instantOfWallTime(fields, zone), zone);
    near.set(key, iso);
    learnt++;
  }
  return iso;
}

/** Instants worked out through Intl near a change of offset, by `date time zone nextDay`. */
const near = new Map<string, string>();

/**
 * Per zone: each offset read through Intl so far, by instant (ms). Kept between
 * runs by conference-zones.ts (keyed by the ICU and tz data versions): making a
 * zone's DateTimeFormat costs ~1 ms, so a warm listing asks Intl nothing.
 */
const read = new Map<string, Map<number, number>>();
let learnt = 0;

/** The map `table` keeps for `zone`, made on first use. */
function ofZone<T>(table: Map<string, Map<number, T>>, zone: string): Map<number, T> {
  let kept = table.get(zone);
  if (!kept) {
    kept = new Map();
    table.set(zone, kept);
  }
  return kept;
}

/** The zone's offset (wall time minus UTC, in ms) at an instant on a whole second. */
function readOffset(ms: number, zone: string): number {
  const known = ofZone(read, zone);
  let offset = known.get(ms);
  if (offset === undefined) {
    offset = intlOffset(ms, zone);
    known.set(ms, offset);
    learnt++;
  }
  return offset;
}

function intlOffset(ms: number, zone: string): number {
  const date = new Date(ms);
  const p = quickParts(date, zone) ?? zoneParts(date, zone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - ms;
}

/** Offsets kept from an earlier run, as [instant, offset, instant, offset, ...] per zone, and instants near changes. */
export function seedOffsets(
  stored: Record<string, number[]>,
  nearChanges: Record<string, string> = {},
): void {
  for (const [key, iso] of Object.entries(nearChanges)) if (!near.has(key)) near.set(key, iso);
  for (const [zone, flat] of Object.entries(stored)) {
    const known = ofZone(read, zone);
    for (let i = 0; i + 1 < flat.length; i += 2) if (!known.has(flat[i]!)) known.set(flat[i]!, flat[i + 1]!);
  }
}

/** How many offsets were read through Intl in this process (a cache to save when above 0). */
export function offsetsLearnt(): number {
  return learnt;
}

/** Every instant near a change of offset known, in seedOffsets' shape. */
export function knownNearChanges(): Record<string, string> {
  return Object.fromEntries(near);
}

/** Every offset known, in seedOffsets' shape. */
export function knownOffsets(): Record<string, number[]> {
  const out: Record<string, number[]> = Object.create(null);
  for (const [zone, known] of read) {
    const flat: number[] = [];
    for (const [ms, offset] of known) flat.push(ms, offset);
    out[zone] = flat;
  }
  return out;
}

const LAYOUT = /^(\d{4})-(\d{2})-(\d{2}), (\d{2}):(\d{2}):(\d{2})$/;
/** Per zone: a DateTimeFormat whose format() proved to lay out zoneParts' fields as LAYOUT reads them, or null. */
const quickFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * zoneParts through format() and a pattern, ~3× cheaper than formatToParts;
 * used only once a probe showed both agree for the zone (a day past 12 tells
 * the day from the month), else null (zoneParts then).
 */
function quickParts(instant: Date, zone: string): ZoneParts | null {
  let format = quickFormats.get(zone);
  if (format === undefined) {
    format = zoneFormat(zone);
    const probe = new Date(Date.UTC(2013, 3, 27, 13, 14, 15));
    const quick = partsOf(format.format(probe));
    const parts = zoneParts(probe, zone);
    const agree =
      quick !== null &&
      (['year', 'month', 'day', 'hour', 'minute', 'second'] as const).every((k) => quick[k] === parts[k]);
    if (!agree) format = null;
    quickFormats.set(zone, format);
  }
  return format ? partsOf(format.format(instant)) : null;
}

function partsOf(text: string): ZoneParts | null {
  const m = LAYOUT.exec(text);
  return m ? { year: m[1]!, month: m[2]!, day: m[3]!, hour: m[4]!, minute: m[5]!, second: m[6]! } : null;
}

/**
 * The zone's offset at `ms` (a whole second, 1900-2200). When the offset is the
 * same at the UTC midnights either side, it is that all day: no zone has
 * changed its offset and changed it back within a day (test/unit/note-instant*
 * checks this against Intl over every zone's changes); else Intl is asked.
 */
export function offsetAt(ms: number, zone: string): number {
  const k = Math.floor(ms / DAY);
  const before = readOffset(k * DAY, zone);
  const after = readOffset((k + 1) * DAY, zone);
  return before === after ? before : readOffset(ms, zone);
}

/** Whether the zone's offset differs at the UTC midnights either side of `ms`, or of the days next to it. */
function changesOn(ms: number, zone: string): boolean {
  const k = Math.floor(ms / DAY);
  const midnight = (i: number) => readOffset((k + i) * DAY, zone);
  return midnight(-1) !== midnight(0) || midnight(0) !== midnight(1) || midnight(1) !== midnight(2);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * What instantOfWallTime then isoInZone give, when the zone's offset is the
 * same at the wall time read as UTC and at the instant found (no change of
 * offset in between: their fixed point is then that instant, and the wall
 * time is the instant plus the offset). Null otherwise (near a DST change).
 */
function steadyInstant(
  fields: { year: number; month: number; day: number; hour: number; minute: number },
  zone: string,
): string | null {
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, 0);
  // On a day the offset changes, the time may be skipped or repeated: instantInZone decides (and is kept in `near`).
  // Otherwise the offset is the same from the day before to the day after, so at the wall time read as UTC
  // and at the instant found alike: the instant is the wall time less that offset.
  const offset = steadyOffset(Math.floor(asUtc / DAY), zone);
  if (offset === null) return null;
  const guess = asUtc - offset;
  if (guess % 1000 !== 0) return null;
  const wall = new Date(asUtc);
  const minutes = Math.round(offset / 60000);
  const abs = Math.abs(minutes);
  return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Per zone, by UTC day number: the offset that holds from the day before to the day after, or null (see changesOn). */
const steadyDays = new Map<string, Map<number, number | null>>();

/** The offset of UTC day `k` in `zone` when it holds on days k-1 to k+2 (no change near), else null. */
function steadyOffset(k: number, zone: string): number | null {
  const days = ofZone(steadyDays, zone);
  let offset = days.get(k);
  if (offset === undefined) {
    offset = changesOn(k * DAY, zone) ? null : readOffset(k * DAY, zone);
    days.set(k, offset);
  }
  return offset;
}
