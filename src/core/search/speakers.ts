/** `confnotes speakers`: who gave the talks seen, with names matched across accents, case and spacing. */
import type { Note } from '../note/note.js';
import { byTime } from '../note/store.js';
import { fold } from './fold.js';

export interface SpeakerCount {
  /** The spelling used most often (ties: the one with accents, then with capitals, then alphabetical). */
  speaker: string;
  /** Notes naming the speaker. */
  count: number;
  /** Their workspace-relative paths, in the order of the week. */
  notes: string[];
}

/** The key two spellings of one name share: `José  García` and `jose garcia`. */
export function speakerKey(name: string): string {
  return fold(name).replace(/\s+/g, ' ').trim();
}

/** Every speaker with the notes of their talks, most talks first, then by name. */
export function countSpeakers(notes: Note[]): SpeakerCount[] {
  const groups = new Map<string, { spellings: Map<string, number>; notes: Note[] }>();
  for (const note of [...notes].sort(byTime)) {
    const seen = new Set<string>();
    for (const raw of note.speakers) {
      const name = raw.replace(/\s+/g, ' ').trim();
      const key = speakerKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key) ?? { spellings: new Map<string, number>(), notes: [] as Note[] };
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
      group.notes.push(note);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((group) => ({
      speaker: displayName(group.spellings),
      count: group.notes.length,
      notes: group.notes.map((note) => note.path),
    }))
    .sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker));
}

/** How much a spelling tells: accents kept, then capitals where a name has them (not all lower, not all upper). */
function richness(name: string): number {
  const accents = fold(name) !== name.toLowerCase() ? 2 : 0;
  const mixedCase = name !== name.toLowerCase() && name !== name.toUpperCase() ? 1 : 0;
  return accents + mixedCase;
}

function displayName(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort(
    ([a, countA], [b, countB]) => countB - countA || richness(b) - richness(a) || a.localeCompare(b),
  )[0]![0];
}
