/**
 * `confnotes conf set`: `field=value` edits of a conference's `conference.md`
 * through the byte-preserving `setField`, each value checked the way the
 * conference is read (dates, IANA zone, a URL) before anything is written.
 */
import { UsageError } from '../../errors.js';
import { isValidTimeZone } from '../clock.js';
import { readFrontMatter, setField } from '../front-matter/splice.js';
import type { Assignment } from '../note/note-set.js';
import { isUrl, isValidDate } from '../note/schema.js';

type Check = (value: string) => string | null;

const date: Check = (value) => (isValidDate(value) ? null : `"${value}" is not a date (YYYY-MM-DD)`);
const url: Check = (value) => (isUrl(value) ? null : `"${value}" is not a URL (https://…)`);
const anyText: Check = () => null;

/** The fields of conference.md `conf set` knows, with what a value must be. */
const CONFERENCE_FIELDS: Record<string, Check> = {
  name: anyText,
  location: anyText,
  start: date,
  end: date,
  timezone: (value) =>
    isValidTimeZone(value) ? null : `"${value}" is not an IANA time zone (e.g. Europe/Berlin)`,
  url,
  website: url,
  author: anyText,
  disclaimer: anyText,
};

export const CONFERENCE_SETTABLE = Object.keys(CONFERENCE_FIELDS);

/** `url` and `website` name one field: the key the file already uses is the one written. */
const SAME_FIELD: Record<string, readonly string[]> = {
  url: ['url', 'website'],
  website: ['url', 'website'],
};

export interface ConferenceSetResult {
  text: string;
  changed: string[];
}

/**
 * Applies the assignments to conference.md's text. Throws UsageError naming
 * the field for an unknown field or a bad value; nothing is applied then.
 */
export function setConferenceFields(text: string, assignments: readonly Assignment[]): ConferenceSetResult {
  const data = { ...((readFrontMatter(text).yaml.data ?? {}) as Record<string, unknown>) };
  const writes = new Map<string, string | undefined>();
  for (const { name, value } of assignments) {
    const check = CONFERENCE_FIELDS[name];
    if (!check)
      throw new UsageError(`cannot set ${name}: unknown field; known: ${CONFERENCE_SETTABLE.join(', ')}`);
    const problem = value ? check(value) : null;
    if (problem) throw new UsageError(`cannot set ${name}: ${problem}`);
    const names = SAME_FIELD[name] ?? [name];
    const present = names.filter((key) => data[key] !== undefined && data[key] !== null);
    for (const key of present.length ? present : [name === 'url' ? 'website' : name]) {
      writes.set(key, value || undefined);
      if (value) data[key] = value;
      else delete data[key];
    }
  }
  const [start, end] = [data.start, data.end].map((value) => (value == null ? null : String(value)));
  if (start && end && isValidDate(start) && isValidDate(end) && end < start)
    throw new UsageError(
      `cannot set ${writes.has('end') ? 'end' : 'start'}: end ${end} is before start ${start}`,
    );
  let next = text;
  for (const [key, value] of writes) next = setField(next, key, value);
  return {
    text: next,
    changed: next === text ? [] : assignments.map(({ name, value }) => `${name}=${value}`),
  };
}
