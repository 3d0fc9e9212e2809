/**
 * Notes follow the programme: how a note started from a programme entry
 * (`programme: <uid>`) differs from that entry now (the talk moved, was
 * renamed, cancelled or removed), and the note's text with those fields set
 * to the programme's values. Pure; shared by `check` (its programme-changed
 * and programme-cancelled rules, `check --fix`) and `import --update-notes`.
 * The values are those `new --from` would write today (programme-notes.ts).
 */
import { addMinutes } from '../clock.js';
import { readFrontMatter, setField } from '../front-matter/splice.js';
import { cleanTitle } from '../note/note-new.js';
import { textList } from '../note/field-values.js';
import { FOLLOWED_FIELDS, optionalText } from '../note/schema.js';
import { noteInputOf } from './programme-notes.js';
import type { EntryStatus, ProgrammeEntry } from './programme-model.js';

export { FOLLOWED_FIELDS };
export type FollowedField = (typeof FOLLOWED_FIELDS)[number];

/** One field of a note that is not what the programme says. */
export interface FieldDrift {
  field: FollowedField;
  /** The note's value as written (null when it has none). */
  from: string | null;
  /** The programme's value, as `new --from` would write it. */
  to: string;
}

export interface NoteDrift {
  /** Fields to set, for a confirmed entry (none for a cancelled or removed one). */
  fields: FieldDrift[];
  /** The entry's status when it is no longer confirmed: reported, never "fixed". */
  status: Exclude<EntryStatus, 'confirmed'> | null;
}

/** What the programme says a note about `entry` holds, in the conference's zone. */
export function expectedFields(
  entry: ProgrammeEntry,
  zone: string | null,
): Partial<Record<FollowedField, string>> {
  const expected: Partial<Record<FollowedField, string>> = {};
  const title = cleanTitle(entry.title);
  if (title) expected.title = title;
  const room = entry.room ? cleanTitle(entry.room) : '';
  // A programme without a room says nothing about the note's.
  if (room) expected.room = room;
  if (entry.all_day) return expected;
  const input = noteInputOf(entry, zone);
  const at = input.at!;
  expected.date = at.date;
  expected.start = at.time;
  expected.end = addMinutes(at.time, input.duration!);
  return expected;
}

/** `9:05` and `09:05` are the same time; anything else is compared as written. */
function sameValue(field: FollowedField, note: string, programme: string): boolean {
  if (field === 'start' || field === 'end') {
    const minutes = (value: string) => {
      const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
      return match ? Number(match[1]) * 60 + Number(match[2]) : value.trim();
    };
    return minutes(note) === minutes(programme);
  }
  return note.trim() === programme;
}

/**
 * How a note's front matter (`data`) differs from its entry. An all-day entry
 * has no times: only its title, room and a date outside its days count (the
 * fix moves the note to its first day). A cancelled or removed entry gives
 * only its status: the note stays as it was taken.
 */
export function noteDrift(
  data: Record<string, unknown>,
  entry: ProgrammeEntry,
  zone: string | null,
): NoteDrift {
  if (entry.status !== 'confirmed') return { fields: [], status: entry.status };
  const expected = expectedFields(entry, zone);
  const fields: FieldDrift[] = [];
  // What the writer corrected (`keep: [room]`, which `set` writes) stays theirs.
  const kept = new Set(textList(data.keep));
  for (const field of FOLLOWED_FIELDS) {
    if (kept.has(field)) continue;
    const from = optionalText(data[field]);
    if (field === 'date' && entry.all_day) {
      const inside = from !== null && from >= entry.start && from <= entry.end;
      if (!inside) fields.push({ field, from, to: entry.start });
      continue;
    }
    const to = expected[field];
    if (to === undefined) continue;
    if (from === null || !sameValue(field, from, to)) fields.push({ field, from, to });
  }
  return { fields, status: null };
}

export interface FollowedText {
  text: string;
  /** What was set, in FOLLOWED_FIELDS order; empty when the text is unchanged. */
  fields: FieldDrift[];
  status: NoteDrift['status'];
}

/**
 * The note's text with every drifted field set to the programme's value by
 * the byte-preserving splicer (setField checks that nothing else changed).
 * A note without a `programme:` link to `entry` is returned as it is.
 */
export function followEntry(text: string, entry: ProgrammeEntry, zone: string | null): FollowedText {
  const data = (readFrontMatter(text).yaml.data ?? {}) as Record<string, unknown>;
  if (optionalText(data.programme) !== entry.uid) return { text, fields: [], status: null };
  const drift = noteDrift(data, entry, zone);
  let next = text;
  for (const { field, to } of drift.fields) next = setField(next, field, to);
  return { text: next, fields: drift.fields, status: drift.status };
}

/** `start 10:00 → 11:30`, as `import` and `check --fix` list a change. */
export function describeDrift({ field, from, to }: FieldDrift): string {
  return `${field} ${from ?? '(none)'} → ${to}`;
}
