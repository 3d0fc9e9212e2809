/**
 * Matching a newer export to the stored programme when its UIDs changed:
 * some exporters make new UIDs on every build, others reuse one. An incoming
 * entry whose UID the programme does not know takes the UID of the stored
 * entry it matches by a stable fallback, so a re-import shows no talk twice and
 * keeps stars and the links from notes. In order, each only when it picks one
 * entry on both sides: the same UID before `#` (distinctUids' suffix) and the
 * same start; the same title, start and room; the same title alone.
 */
import type { FreshEntry } from './programme-model.js';

type Key = (entry: FreshEntry) => string | null;

const baseUid = (uid: string) => uid.split('#')[0]!;
const instant = (entry: FreshEntry) => (entry.all_day ? entry.start : String(Date.parse(entry.start)));
const title = (entry: FreshEntry) => entry.title.toLocaleLowerCase().replace(/\s+/g, ' ').trim();

const FALLBACKS: Key[] = [
  (entry) => JSON.stringify([baseUid(entry.uid), instant(entry)]),
  (entry) => JSON.stringify([title(entry), instant(entry), (entry.room ?? '').toLocaleLowerCase()]),
  (entry) => (title(entry) && title(entry) !== '(untitled)' ? title(entry) : null),
];

/** The incoming entries, those matched by a fallback renamed to the stored UID; and how many were. */
export function followPrevious<T extends FreshEntry>(
  previous: FreshEntry[],
  incoming: T[],
): { entries: T[]; matched: number } {
  const incomingUids = new Set(incoming.map((entry) => entry.uid));
  const known = new Set(previous.map((entry) => entry.uid));
  // Stored entries the new export no longer names, and new entries the programme does not know.
  let orphans = previous.filter((entry) => !incomingUids.has(entry.uid));
  let strangers = incoming.filter((entry) => !known.has(entry.uid));
  const renamed = new Map<T, string>();
  for (const key of FALLBACKS) {
    if (orphans.length === 0 || strangers.length === 0) break;
    const olds = unique(orphans, key);
    const news = unique(strangers, key);
    for (const [value, fresh] of news) {
      const old = olds.get(value);
      if (old) renamed.set(fresh, old.uid);
    }
    const taken = new Set(renamed.values());
    orphans = orphans.filter((entry) => !taken.has(entry.uid));
    strangers = strangers.filter((entry) => !renamed.has(entry));
  }
  return {
    entries: incoming.map((entry) => (renamed.has(entry) ? { ...entry, uid: renamed.get(entry)! } : entry)),
    matched: renamed.size,
  };
}

/** Entries by key, keeping only keys that exactly one entry has. */
function unique<T extends FreshEntry>(entries: T[], key: Key): Map<string, T> {
  const found = new Map<string, T | null>();
  for (const entry of entries) {
    const value = key(entry);
    if (value === null) continue;
    found.set(value, found.has(value) ? null : entry);
  }
  return new Map([...found].filter((pair): pair is [string, T] => pair[1] !== null));
}
