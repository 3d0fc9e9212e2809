/**
 * The `--json` shape of a note (`list --json`, `show --json`): `path`
 * relative to the workspace, `abs_path` for scripts that open the file, and
 * `start_at`/`end_at` as ISO instants with the conference's offset next to
 * the wall-clock `date`/`start`/`end` the note holds.
 */
import { noteInstant } from './note-instant.js';
import type { Workspace } from '../workspace/workspace.js';
export { noteInstant } from './note-instant.js';
import { ZoneCache, type ZoneCacheOptions } from './conference-zones.js';
import { minutesOf, type Note } from './note.js';

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
