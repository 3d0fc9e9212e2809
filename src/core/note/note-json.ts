/**
 * The `--json` shape of a note (`list --json`, `show --json`): `path`
 * relative to the workspace, `abs_path` for scripts that open the file, and
 * `start_at`/`end_at` as ISO instants with the conference's offset next to
 * the wall-clock `date`/`start`/`end` the note holds.
 */
import { type ZoneParts, zoneParts } from '../clock.js';
import { instantOfWallTime, isoInZone } from '../programme/programme-model.js';
import type { Workspace } from '../workspace/workspace.js';
import { ZoneCache, type ZoneCacheOptions } from './conference-zones.js';
import { minutesOf, type Note } from './note.js';

/** Instants already worked out: notes of a conference share days and slots, and each costs several Intl calls. */
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
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const fields = { year, month, day: day + (nextDay ? 1 : 0), hour, minute, second: 0 };
  if (zone) {
    const quick = steadyInstant(fields, zone);
    if (quick) return quick;
  }
  const instant = zone
    ? instantOfWallTime(fields, zone)
    : new Date(fields.year, fields.month - 1, fields.day, hour, minute);
  return isoInZone(instant, zone);
}

const LAYOUT = /^(\d{4})-(\d{2})-(\d{2}), (\d{2}):(\d{2}):(\d{2})$/;
/** Per zone: a DateTimeFormat whose format() proved to lay out zoneParts' fields as LAYOUT reads them, or null. */
const quickFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * zoneParts through format() and a pattern, ~2.5× cheaper than formatToParts;
 * used only once a probe showed both agree for the zone (a day past 12 tells
 * the day from the month), else null (zoneParts then).
 */
function quickParts(instant: Date, zone: string): ZoneParts | null {
  let format = quickFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const probe = new Date(Date.UTC(2013, 3, 27, 13, 14, 15));
    const quick = partsOf(format.format(probe));
    const parts = zoneParts(probe, zone);
    const agree =
      quick !== null && (Object.keys(parts) as (keyof ZoneParts)[]).every((k) => quick[k] === parts[k]);
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
 * What instantOfWallTime then isoInZone give, in two readings of the zone
 * instead of four, when the zone's offset is the same at the wall time read
 * as UTC and at the instant found (no change of offset in between: their
 * fixed point is then that instant). Null otherwise (near a DST change).
 */
function steadyInstant(fields: Parameters<typeof instantOfWallTime>[0], zone: string): string | null {
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, 0);
  const offsetAt = (ms: number) => {
    const parts = quickParts(new Date(ms), zone) ?? zoneParts(new Date(ms), zone);
    const wall = Date.UTC(
      +parts.year,
      +parts.month - 1,
      +parts.day,
      +parts.hour,
      +parts.minute,
      +parts.second,
    );
    return { parts, offset: wall - ms };
  };
  const first = offsetAt(asUtc);
  const guess = asUtc - first.offset;
  const { parts, offset } = offsetAt(guess);
  if (offset !== first.offset || guess % 1000 !== 0) return null;
  const minutes = Math.round(offset / 60000);
  const abs = Math.abs(minutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${minutes < 0 ? '-' : '+'}${hhmm}`;
}

/** The instants of a note; an end before its start is on the next day. */
export function noteInstants(note: Pick<Note, 'date' | 'start' | 'end'>, zone: string | null) {
  const overnight = note.start !== null && note.end !== null && minutesOf(note.end) < minutesOf(note.start);
  return {
    start_at: noteInstant(note.date, note.start, zone),
    end_at: noteInstant(note.date, note.end, zone, overnight),
  };
}

/**
 * The time zone of each note's conference, each conference.md read once and
 * only when it changed (null when unreadable or absent; see conference-zones.ts).
 * The zones learnt are saved once the caller's synchronous work is done.
 */
export function conferenceZones(
  ws: Workspace,
  options: ZoneCacheOptions = {},
): (note: Pick<Note, 'folder'>) => string | null {
  const cache = new ZoneCache(ws, options);
  let saving = false;
  return (note) => {
    if (!note.folder) return null;
    if (!saving) {
      saving = true;
      queueMicrotask(() => {
        saving = false;
        cache.save();
      });
    }
    return cache.zoneOf(note.folder);
  };
}
