/**
 * The note's fields, declared once. Each entry says how the field is read
 * from front matter, what `check` reports about it (and whether parseNote
 * refuses the note for it), how a cached value is recognised, and whether
 * `list --json` shows it. The parser (note.ts), the field rules of `check`,
 * the cache row and its format (note-cache.ts) and the JSON shapes are all
 * derived from this table: adding a field means adding one entry here.
 *
 * Light on purpose (no YAML parser): it works on the already parsed data.
 */
import { normaliseTag } from '../slug.js';
import { flag, issue, names, oneText, required, time } from './field-checks.js';
import {
  isBoolean,
  isNoteType,
  isRating,
  isText,
  isTextList,
  isTextOrNull,
  isUrl,
  isValidDate,
  linkEntries,
  flatLinks,
  linkMap,
  optionalText,
  present,
  ratingOf,
  text,
  privateInData,
  textList,
} from './field-values.js';
import { NOTE_TYPES, type NoteType } from './note-types.js';
import { UNPUBLISHED_KEYS } from './publish-flags.js';

export { isNoteType, isUrl, isValidDate, isValidTime, optionalText, privateInData } from './field-values.js';

/** The `check` rules a field's value can break. */
export type FieldRule = 'missing-field' | 'invalid-value' | 'invalid-date' | 'invalid-time' | 'link-not-url';

/** Something wrong with one field's value. */
export interface FieldIssue {
  rule: FieldRule;
  message: string;
  /** parseNote refuses the note; otherwise it reads the value leniently and only `check` says so. */
  fatal: boolean;
}

export interface FieldSpec<K extends string = string, T = unknown> {
  key: K;
  /** Other keys read as this field (`favorite` for `favourite`). */
  aliases?: readonly string[];
  /** The value, from the raw values of the key and then of each alias (and the whole data); never throws. */
  read(raws: readonly unknown[], data: Record<string, unknown>): T;
  /** What is wrong with the raw value of `name` (the key or an alias); `raw` is undefined when absent. */
  check?(raw: unknown, name: string): FieldIssue[];
  /** Whether a value from the cache has this field's type. */
  cached(value: unknown): value is T;
  /** Shown by `list --json` (after id, path and conference). */
  listed?: boolean;
}

/** Declares a field, keeping its key and value type for NoteMeta. */
function field<const K extends string, T>(spec: FieldSpec<K, T>): FieldSpec<K, T> {
  return spec;
}

/** The note fields that follow its programme entry, in the order they are reported and set (programme/note-drift.ts). */
export const FOLLOWED_FIELDS = ['title', 'date', 'start', 'end', 'room'] as const;

/** normaliseTag once per spelling: a workspace repeats a few hundred tags over thousands of notes. */
const normalTags = new Map<string, string>();
function normalTag(tag: string): string {
  let normal = normalTags.get(tag);
  if (normal === undefined) {
    normal = normaliseTag(tag);
    if (normalTags.size < 100_000) normalTags.set(tag, normal);
  }
  return normal;
}

/** Every field, in the order the note cache stores them (row[5] is the title). */
export const NOTE_SCHEMA = [
  field({
    key: 'title',
    read: (raws) => text(raws) ?? '',
    check: required('...'),
    cached: isText,
    listed: true,
  }),
  field({
    key: 'type',
    read: (raws): NoteType => (present(raws[0]) ? (String(raws[0]) as NoteType) : 'session'),
    check: (raw) =>
      present(raw) && (typeof raw === 'object' || !isNoteType(String(raw)))
        ? issue(
            'invalid-value',
            typeof raw === 'object'
              ? `type is a ${Array.isArray(raw) ? 'list' : 'map'}: write one of ${NOTE_TYPES.join(', ')}`
              : `unknown type "${String(raw)}" (one of ${NOTE_TYPES.join(', ')})`,
            true,
          )
        : [],
    cached: (value): value is NoteType => typeof value === 'string' && isNoteType(value),
    listed: true,
  }),
  field({ key: 'conference', read: text, cached: isTextOrNull }),
  field({
    key: 'date',
    read: (raws) => text(raws) ?? '',
    check: (raw, name) => {
      const value = optionalText(raw);
      if (value === null) return required('YYYY-MM-DD')(raw, name);
      return isValidDate(value) ? [] : issue('invalid-date', `"${value}" is not a date (YYYY-MM-DD)`, true);
    },
    cached: isText,
    listed: true,
  }),
  field({ key: 'start', read: text, check: time, cached: isTextOrNull, listed: true }),
  field({ key: 'end', read: text, check: time, cached: isTextOrNull, listed: true }),
  field({
    key: 'speakers',
    read: (raws) => textList(raws[0]),
    check: names,
    cached: isTextList,
    listed: true,
  }),
  field({ key: 'track', read: text, check: oneText, cached: isTextOrNull }),
  field({ key: 'room', read: text, check: oneText, cached: isTextOrNull }),
  field({
    key: 'tags',
    read: (raws) => [...new Set(textList(raws[0]).map(normalTag).filter(Boolean))],
    check: names,
    cached: isTextList,
    listed: true,
  }),
  field({
    key: 'rating',
    read: (raws) => ratingOf(raws[0]),
    check: (raw) =>
      isRating(ratingOf(raw))
        ? []
        : issue('invalid-value', `rating "${String(raw)}" is not a whole number from 1 to 5`, true),
    cached: isRating,
    listed: true,
  }),
  field({
    key: 'favourite',
    aliases: ['favorite'],
    read: (raws) => raws.some((raw) => raw === true),
    check: flag,
    cached: isBoolean,
    listed: true,
  }),
  field({
    key: 'private',
    read: (_raws, data) => privateInData(data),
    check: flag,
    cached: isBoolean,
    listed: true,
  }),
  // Flat (`video: https://…`, written since 0.2) and the old nested `links:` map; a flat kind wins.
  field({
    key: 'links',
    read: (raws, data) => ({ ...linkMap(raws[0]), ...flatLinks(data, RESERVED) }),
    check: (raw) =>
      linkEntries(raw)
        .filter(([, url]) => !isUrl(url))
        .flatMap(([kind, url, named]) =>
          issue(
            'link-not-url',
            `link${named ? ` "${kind}"` : ''} "${url}" is not a URL (e.g. https://example.org/slides)`,
            false,
          ),
        ),
    cached: (value): value is Record<string, string> =>
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).every(isText),
  }),
  field({ key: 'summary', read: text, check: oneText, cached: isTextOrNull }),
  /** The uid of the programme entry the note was started from (`new --from`), if any. */
  field({ key: 'programme', read: text, cached: isTextOrNull }),
  /** Fields the programme no longer sets (`import --update-notes`, `check --fix`): the writer corrected them. */
  field({
    key: 'keep',
    read: (raws) => textList(raws[0]).filter((name) => (FOLLOWED_FIELDS as readonly string[]).includes(name)),
    check: (raw, name) => {
      const odd = textList(raw).filter((item) => !(FOLLOWED_FIELDS as readonly string[]).includes(item));
      return present(raw) && (names(raw, name).length > 0 || odd.length > 0)
        ? issue(
            'invalid-value',
            `keep "${odd.join(', ') || String(raw)}" is not a list of fields the programme sets (${FOLLOWED_FIELDS.join(', ')})`,
            false,
          )
        : [];
    },
    cached: isTextList,
  }),
] as const;

type Schema = typeof NOTE_SCHEMA;

/** Keys that never name a flat link: the fields, their aliases and the publishing flags. */
const RESERVED: ReadonlySet<string> = new Set([
  ...NOTE_SCHEMA.flatMap((spec) => [spec.key, ...((spec as FieldSpec).aliases ?? [])]),
  ...UNPUBLISHED_KEYS,
]);

/** Whether a top-level key is the note's own (a field or a flag), so never a flat link. */
export const isReservedKey = (key: string): boolean => RESERVED.has(key);

/** The note's flat links (`video: https://…`), by kind. */
export const flatLinksOf = (data: Record<string, unknown>): Record<string, string> =>
  flatLinks(data, RESERVED);

/** What a note says about itself, read from its front matter. */
export type NoteMeta = {
  -readonly [F in Schema[number] as F['key']]: F extends FieldSpec<string, infer T> ? T : never;
};

/** Every field's key, in schema order. */
export const NOTE_FIELDS = NOTE_SCHEMA.map((spec) => spec.key) as readonly (keyof NoteMeta)[];

/** Every key a note's front matter may use for a field: the keys and their aliases. */
export const KNOWN_FIELDS: readonly string[] = NOTE_SCHEMA.flatMap((spec) => [
  spec.key,
  ...((spec as FieldSpec).aliases ?? []),
]);

/** What is wrong with a field, and the key (or alias) whose line shows it. */
export interface FoundIssue extends FieldIssue {
  key: string;
}

/** Every issue of every field of a front matter's data, in schema order. */
export function fieldIssues(data: Record<string, unknown>): FoundIssue[] {
  const found: FoundIssue[] = [];
  for (const spec of NOTE_SCHEMA as readonly FieldSpec[]) {
    if (!spec.check) continue;
    for (const name of [spec.key, ...(spec.aliases ?? [])]) {
      // An alias is only looked at when it is there; the key itself may be required.
      if (name !== spec.key && data[name] === undefined) continue;
      for (const one of spec.check(data[name], name)) found.push({ ...one, key: name });
    }
  }
  return found;
}

/** The fields of a front matter's data; the first fatal issue is thrown by `fail`. */
export function readFields(data: Record<string, unknown>, fail: (issue: FoundIssue) => never): NoteMeta {
  const fatal = fieldIssues(data).find((one) => one.fatal);
  if (fatal) fail(fatal);
  const meta: Record<string, unknown> = {};
  for (const spec of NOTE_SCHEMA as readonly FieldSpec[])
    meta[spec.key] = spec.read([data[spec.key], ...(spec.aliases ?? []).map((alias) => data[alias])], data);
  return meta as NoteMeta;
}

/** The fields `list --json` shows, in schema order. */
export function listedFields(meta: NoteMeta): Partial<NoteMeta> {
  const shown: Record<string, unknown> = {};
  for (const spec of NOTE_SCHEMA as readonly FieldSpec[])
    if (spec.listed) shown[spec.key] = meta[spec.key as keyof NoteMeta];
  return shown as Partial<NoteMeta>;
}
