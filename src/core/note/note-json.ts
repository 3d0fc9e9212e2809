/**
 * The `--json` shape of a note (`list --json`, `show --json`): `path`
 * relative to the workspace, `abs_path` for scripts that open the file, and
 * `start_at`/`end_at` as ISO instants with the conference's offset next to
 * the wall-clock `date`/`start`/`end` the note holds.
 */
import { instantOfWallTime, isoInZone } from '../programme/programme-model.js';
import { readConference } from '../workspace/conference.js';
import type { Workspace } from '../workspace/workspace.js';
import { minutesOf, type Note } from './note.js';

/** `2013-04-16T10:00:00-07:00`: a note's wall time in `zone` (the machine's when null). */
export function noteInstant(
  date: string,
  time: string | null,
  zone: string | null,
  nextDay = false,
): string | null {
  if (!time || !/^\d{4}-\d\d-\d\d$/.test(date)) return null;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const fields = { year, month, day: day + (nextDay ? 1 : 0), hour, minute, second: 0 };
  const instant = zone
    ? instantOfWallTime(fields, zone)
    : new Date(fields.year, fields.month - 1, fields.day, hour, minute);
  return isoInZone(instant, zone);
}

/** The instants of a note; an end before its start is on the next day. */
export function noteInstants(note: Pick<Note, 'date' | 'start' | 'end'>, zone: string | null) {
  const overnight = note.start !== null && note.end !== null && minutesOf(note.end) < minutesOf(note.start);
  return {
    start_at: noteInstant(note.date, note.start, zone),
    end_at: noteInstant(note.date, note.end, zone, overnight),
  };
}

/** The time zone of each note's conference, each conference.md read once (null when unreadable or absent). */
export function conferenceZones(ws: Workspace): (note: Pick<Note, 'folder'>) => string | null {
  const zones = new Map<string, string | null>();
  return (note) => {
    if (!note.folder) return null;
    if (!zones.has(note.folder)) {
      let zone: string | null = null;
      try {
        zone = readConference(ws, note.folder).timezone;
      } catch {
        // An unreadable conference.md is reported by the command that reads it; no offset here.
      }
      zones.set(note.folder, zone);
    }
    return zones.get(note.folder) ?? null;
  };
}
