/**
 * Matching a newer export against the stored programme: by uid, changes
 * reported field by field, missing entries kept as `removed`, stars kept.
 */
import { compareEntries, type ProgrammeEntry } from './programme-model.js';

/** Fields whose change a re-import reports (starred is the user's, never imported). */
const COMPARED: (keyof ProgrammeEntry)[] = [
  'title',
  'start',
  'end',
  'all_day',
  'room',
  'track',
  'tags',
  'speakers',
  'url',
  'abstract',
  'subtitle',
  'type',
  'language',
  'description',
  'links',
  'status',
];

export interface EntryChange {
  entry: ProgrammeEntry;
  /** For changed entries: each field that changed, with its old and new value. */
  fields?: { field: keyof ProgrammeEntry; from: unknown; to: unknown }[];
}

export interface MergeResult {
  entries: ProgrammeEntry[];
  added: EntryChange[];
  changed: EntryChange[];
  /** Entries the new export no longer has: kept, marked `removed`. */
  removed: EntryChange[];
  /** Entries newly marked cancelled (also listed in `changed` when they were there before). */
  cancelled: EntryChange[];
  unchanged: number;
}

/**
 * Matches entries by uid. New uids are added; known ones take the new values
 * (the user's star stays); uids missing from the new export are kept and
 * marked removed, so a note started from them still finds its entry.
 */
export function mergeProgramme(previous: ProgrammeEntry[], incoming: ProgrammeEntry[]): MergeResult {
  const before = new Map(previous.map((entry) => [entry.uid, entry]));
  const seen = new Set<string>();
  const result: MergeResult = {
    entries: [],
    added: [],
    changed: [],
    removed: [],
    cancelled: [],
    unchanged: 0,
  };
  for (const fresh of incoming) {
    if (seen.has(fresh.uid)) continue;
    seen.add(fresh.uid);
    const old = before.get(fresh.uid);
    if (!old) {
      result.entries.push(fresh);
      result.added.push({ entry: fresh });
      if (fresh.status === 'cancelled') result.cancelled.push({ entry: fresh });
      continue;
    }
    const entry = { ...fresh, starred: old.starred };
    const fields = COMPARED.filter((field) => !sameValue(old[field], entry[field])).map((field) => ({
      field,
      from: old[field],
      to: entry[field],
    }));
    result.entries.push(entry);
    if (fields.length === 0) result.unchanged++;
    else result.changed.push({ entry, fields });
    if (entry.status === 'cancelled' && old.status !== 'cancelled') result.cancelled.push({ entry });
  }
  for (const old of previous) {
    if (seen.has(old.uid)) continue;
    if (old.status === 'removed') {
      result.entries.push(old);
      result.unchanged++;
    } else {
      const entry: ProgrammeEntry = { ...old, status: 'removed' };
      result.entries.push(entry);
      result.removed.push({ entry });
    }
  }
  result.entries.sort(compareEntries);
  return result;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
