/**
 * Clashes in a plan: starred talks whose times overlap. Only timed talks that
 * still take place clash; a talk ending when the next begins does not, and a
 * day entry ("Day 1", "Expo open") never does.
 */
import type { ProgrammeEntry } from './programme-model.js';

/** The uids each entry clashes with (programme order), for every entry given; none for those that cannot clash. */
export function findClashes(entries: readonly ProgrammeEntry[]): Map<string, string[]> {
  const clashes = new Map<string, string[]>(entries.map((entry) => [entry.uid, []]));
  const timed = entries
    .filter((entry) => !entry.all_day && entry.status === 'confirmed')
    // Half-open [start, end): touching is not overlapping; a talk without length lasts a moment.
    .map((entry) => {
      const start = Date.parse(entry.start);
      return { entry, start, end: Math.max(Date.parse(entry.end), start + 1) };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // A sweep by start: the talks still running when one starts are the ones it overlaps.
  let running: typeof timed = [];
  for (const talk of timed) {
    running = running.filter((other) => other.end > talk.start);
    for (const other of running) {
      if (other.entry.uid === talk.entry.uid) continue;
      clashes.get(other.entry.uid)!.push(talk.entry.uid);
      clashes.get(talk.entry.uid)!.push(other.entry.uid);
    }
    running.push(talk);
  }
  return clashes;
}
