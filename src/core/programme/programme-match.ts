/**
 * Matching a newer export against the stored programme: by uid, changes
 * reported field by field, missing entries kept as `removed`, stars and refs kept.
 */
import { compareEntries, type FreshEntry, type ProgrammeEntry } from './programme-model.js';
import { assignRefs } from './programme-ref.js';

/** Fields whose change a re-import reports (starred is the user's and ref the programme's, never imported). */
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
 * marked removed, so a note started from them still finds its entry. A known
 * uid keeps its ref; a new one gets a ref no stored entry has, removed ones
 * included, so a ref once shown never comes to name another talk.
 */
export function mergeProgramme(previous: ProgrammeEntry[], incoming: FreshEntry[]): MergeResult {
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
  const unseen = new Set<string>();
  const newcomers = incoming.filter(
    (fresh) => !before.has(fresh.uid) && !unseen.has(fresh.uid) && Boolean(unseen.add(fresh.uid)),
  );
  // Refs are given in the export's order, clear of every stored entry's ref and uid.
  const reffed = assignRefs([...previous, ...newcomers.map((fresh) => ({ ...fresh, ref: undefined }))]);
  const refOfNew = new Map(reffed.slice(previous.length).map((entry) => [entry.uid, entry.ref]));
  for (const fresh of incoming) {
    if (seen.has(fresh.uid)) continue;
    seen.add(fresh.uid);
    const old = before.get(fresh.uid);
    if (!old) {
      const entry: ProgrammeEntry = { ...fresh, ref: refOfNew.get(fresh.uid)! };
      result.entries.push(entry);
      result.added.push({ entry });
      if (entry.status === 'cancelled') result.cancelled.push({ entry });
      continue;
    }
    const entry: ProgrammeEntry = { ...fresh, ref: old.ref, starred: old.starred };
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
