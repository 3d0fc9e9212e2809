/**
 * `agenda --star-from faved.ics`: stars the talks of a favourites export
 * (pretalx's "faved" calendar). Each talk is found by its UID, else by its
 * page (the same URL, when one talk has it), else by the fallback a re-import
 * uses (programme-follow.ts: UID and start, title, start and room, title).
 */
import { ConfnotesError, NoteFileError } from '../../errors.js';
import type { Conference } from '../workspace/conference.js';
import type { Workspace } from '../workspace/workspace.js';
import { followPrevious } from './programme-follow.js';
import { toStored, type FreshEntry, type ProgrammeEntry } from './programme-model.js';
import { updateProgramme } from './programme-store.js';
import { ScheduleError } from './schedule-common.js';
import { detectFormat, parseSchedule } from './schedule.js';

export interface StarFromResult {
  /** The programme's talks the file names, in programme order (starred before or now). */
  matched: ProgrammeEntry[];
  /** How many of them were starred already. */
  already: number;
  /** The file's talks the programme does not have. */
  missing: FreshEntry[];
  written: boolean;
}

/** Stars every talk of `text` (an iCalendar file shown as `shown`) the programme has; writes nothing when none is new. */
export async function starFrom(
  ws: Workspace,
  conference: Conference,
  text: string,
  shown: string,
): Promise<StarFromResult> {
  if (detectFormat(text) !== 'ics')
    throw new ConfnotesError(`${shown}: not an iCalendar file (no BEGIN:VCALENDAR); nothing was starred`);
  let result: StarFromResult = { matched: [], already: 0, missing: [], written: false };
  const parse = async (zone: string | null) => {
    try {
      const parsed = await parseSchedule(text, {
        format: 'ics',
        zone,
        firstDay: conference.start,
        lastDay: conference.end,
      });
      return parsed.entries.map((entry) => toStored(entry, zone));
    } catch (error) {
      if (error instanceof ScheduleError) throw new NoteFileError(shown, error.line, error.reason);
      throw error;
    }
  };
  // Parsed before the lock is taken. Matching compares instants, so the zone only places floating times.
  const faved = await parse(conference.timezone);
  if (faved.length === 0) throw new NoteFileError(shown, undefined, 'holds no talks; nothing was starred');
  const written = updateProgramme(ws, conference, (current) => {
    if (!current)
      throw new ConfnotesError(
        `${conference.name} has no programme yet; import one before starring from ${shown}`,
      );
    const { found, missing } = matchFaved(current.entries, faved);
    const matched = current.entries.filter((entry) => found.has(entry.uid));
    result = {
      matched,
      already: matched.filter((entry) => entry.starred).length,
      missing,
      written: false,
    };
    if (result.already === matched.length) return null;
    return {
      ...current,
      entries: current.entries.map((entry) => (found.has(entry.uid) ? { ...entry, starred: true } : entry)),
    };
  });
  return { ...result, written };
}

/** The stored uids the favourites name, and the favourites found nowhere. */
export function matchFaved(
  stored: readonly ProgrammeEntry[],
  faved: readonly FreshEntry[],
): { found: Set<string>; missing: FreshEntry[] } {
  const known = new Set(stored.map((entry) => entry.uid));
  const found = new Set<string>();
  let rest: FreshEntry[] = [];
  for (const entry of faved) {
    if (known.has(entry.uid)) found.add(entry.uid);
    else rest.push(entry);
  }
  // The same talk page, when exactly one stored talk and one favourite have it.
  const byUrl = uniqueBy(stored, (entry) => entry.url);
  const favedUrls = uniqueBy(rest, (entry) => entry.url);
  rest = rest.filter((entry) => {
    const hit = entry.url && favedUrls.get(entry.url) === entry ? byUrl.get(entry.url) : undefined;
    if (hit) found.add(hit.uid);
    return !hit;
  });
  // The re-import fallback, each favourite against the whole programme: a favourites file is a
  // part of it, so a title is taken alone only when one talk of the whole programme has it.
  const missing: FreshEntry[] = [];
  for (const entry of rest) {
    const [followed] = followPrevious([...stored], [entry]).entries;
    if (followed && known.has(followed.uid)) found.add(followed.uid);
    else missing.push(entry);
  }
  return { found, missing };
}

function uniqueBy<T extends FreshEntry>(
  entries: readonly T[],
  key: (entry: T) => string | null,
): Map<string, T> {
  const seen = new Map<string, T | null>();
  for (const entry of entries) {
    const value = key(entry);
    if (value) seen.set(value, seen.has(value) ? null : entry);
  }
  return new Map([...seen].filter((pair): pair is [string, T] => pair[1] !== null));
}
