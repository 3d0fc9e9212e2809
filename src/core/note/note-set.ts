/**
 * `confnotes set`: `field=value` words turned into front-matter edits of one
 * note. Each value is read into the type its schema field holds (derived from
 * the field's `cached` test, so a new field needs nothing here), checked by
 * that field's own `check`, and written through `setField`, which keeps every
 * other byte. Links are the note's `links` map today: `video=URL` sets one kind.
 */
import { UsageError } from '../../errors.js';
import { readFrontMatter, setField } from '../front-matter/splice.js';
import {
  isLinkKind,
  isPrivateKey,
  isUrl,
  linkMap,
  optionalText,
  privateInData,
  textList,
} from './field-values.js';
import { cleanText, cleanTitle } from './note-new.js';
import { UNPUBLISHED_FLAGS, UNPUBLISHED_KEYS } from './publish-flags.js';
import {
  FOLLOWED_FIELDS,
  type FieldSpec,
  fieldIssues,
  flatLinksOf,
  isReservedKey,
  NOTE_SCHEMA,
} from './schema.js';

/** One `field=value` word; an empty value removes the field. */
export interface Assignment {
  name: string;
  value: string;
}

/** Fields `set` leaves to other commands, with where to go instead. */
const NOT_SET: Record<string, string> = {
  tags: 'use confnotes tag / untag',
  conference: 'the folder says which conference a note belongs to',
  programme: 'it is written by confnotes new --from',
};

/** Link kinds `set` knows without `links.<kind>=`; any kind the note already has works too. */
export const LINK_KINDS = ['video', 'slides', 'link'] as const;

/** `field=value` words, in order; a word without `=` is a usage error. */
export function parseAssignments(words: readonly string[]): Assignment[] {
  if (words.length === 0) throw new UsageError('nothing to set: give field=value (e.g. rating=4)');
  return words.map((word) => {
    const at = word.indexOf('=');
    if (at <= 0) throw new UsageError(`"${word}" is not field=value (e.g. rating=4, room=B110, summary=)`);
    return { name: word.slice(0, at).trim(), value: word.slice(at + 1).trim() };
  });
}

/** The names `set` accepts, for messages and help. */
export function settableFields(): string[] {
  const fields = (NOTE_SCHEMA as readonly FieldSpec[]).map((spec) => spec.key).filter((key) => !NOT_SET[key]);
  return [...fields, ...LINK_KINDS];
}

/** A text from the command line as the kind of value the field holds (the schema's cached type). */
function typedValue(spec: FieldSpec, value: string): unknown {
  if (spec.cached(true)) return value === 'true' ? true : value === 'false' ? false : value;
  if (spec.cached(1) && !spec.cached('1')) return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (spec.cached(['a']))
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  return value;
}

function specOf(name: string): FieldSpec | undefined {
  return (NOTE_SCHEMA as readonly FieldSpec[]).find(
    (spec) => spec.key === name || (spec.aliases ?? []).includes(name),
  );
}

/** The schema's complaints about `spec`'s value in `data`, as one line naming the field. */
function refuse(spec: FieldSpec, data: Record<string, unknown>, shown: string): void {
  const names = [spec.key, ...(spec.aliases ?? [])];
  const found = fieldIssues(data).find((issue) => names.includes(issue.key));
  if (found) throw new UsageError(`cannot set ${shown}: ${found.message}`);
}

/** A private note carries the flags generators honour; a public one loses those it has (publish-flags.ts). */
function keepFlagsInStep(data: Record<string, unknown>, put: (key: string, value: unknown) => void): void {
  const hidden = privateInData(data);
  for (const key of UNPUBLISHED_KEYS) {
    if (hidden && data[key] !== UNPUBLISHED_FLAGS[key]) put(key, UNPUBLISHED_FLAGS[key]);
    else if (!hidden && data[key] === UNPUBLISHED_FLAGS[key]) put(key, undefined);
  }
}

export interface SetResult {
  text: string;
  /** `field=value` for each change, as given. */
  changed: string[];
}

/**
 * Applies the assignments to a note's text. Throws UsageError naming the field
 * for an unknown field or a value its schema field refuses; nothing is applied then.
 */
export function setNoteFields(text: string, assignments: readonly Assignment[]): SetResult {
  const data = { ...((readFrontMatter(text).yaml.data ?? {}) as Record<string, unknown>) };
  const writes = new Map<string, unknown>();
  const put = (key: string, value: unknown) => {
    writes.set(key, value);
    if (value === undefined) delete data[key];
    else data[key] = value;
  };
  for (const { name, value } of assignments) {
    const kind = name.startsWith('links.') ? name.slice('links.'.length) : name;
    const nested = linkMap(data.links);
    if (
      name.startsWith('links.') ||
      (LINK_KINDS as readonly string[]).includes(name) ||
      (!specOf(name) && (kind in nested || kind in flatLinksOf(data)))
    ) {
      // Written flat (`slides: https://…`), as Obsidian and site generators read it; the old nested entry goes.
      if (!isLinkKind(kind) || isReservedKey(kind))
        throw new UsageError(`"${name}": a link kind is a word that is not a note field, e.g. slides`);
      if (/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(value))
        throw new UsageError(`cannot set ${name}: the link holds a control or direction character`);
      if (value && !(/^https?:\/\//i.test(value) && isUrl(value)))
        throw new UsageError(
          `cannot set ${name}: link "${kind}" "${value}" is not a URL (http or https, e.g. https://example.org/slides)`,
        );
      if (kind in nested) {
        delete nested[kind];
        put('links', Object.keys(nested).length ? nested : undefined);
      }
      put(kind, value || undefined);
      continue;
    }
    const spec = specOf(name);
    if (!spec || NOT_SET[spec.key]) {
      const hint = spec ? NOT_SET[spec.key] : `known: ${settableFields().join(', ')}`;
      throw new UsageError(`cannot set ${name}: ${spec ? 'not set here' : 'unknown field'}; ${hint}`);
    }
    if (spec.key === 'links' && value)
      throw new UsageError(
        'cannot set links: give each as kind=URL (video=…, slides=…, link=…), or links= to remove all',
      );
    if (spec.key === 'links') for (const flat of Object.keys(flatLinksOf(data))) put(flat, undefined);
    // Every name of the field the note uses is set, so an alias (`favorite`) cannot contradict the key.
    // Private in any spelling (`Private:`) is the same field: every spelling is set, so none contradicts it.
    const names = new Set([spec.key, ...(spec.aliases ?? [])]);
    const present = Object.keys(data).filter(
      (key) => names.has(key) || (spec.key === 'private' && isPrivateKey(key)),
    );
    // One line, as `new` writes it: control characters and line breaks never reach a field (nor a terminal).
    const clean = cleanValue(name, value);
    for (const key of present.length ? present : [spec.key])
      put(key, clean ? typedValue(spec, clean) : undefined);
    refuse(spec, data, name);
    if (spec.key === 'private') keepFlagsInStep(data, put);
  }
  const kept = keepCorrections(data, assignments);
  if (kept) put('keep', kept);
  let next = text;
  for (const [key, value] of writes) next = setField(next, key, value);
  return {
    text: next,
    changed:
      next === text
        ? []
        : [
            ...assignments.map(({ name, value }) => `${name}=${cleanValue(name, value)}`),
            ...(kept ? [`keep=${kept.join(',')}`] : []),
          ],
  };
}

/** A value as `set` writes it: one clean line, a title at most its length. */
const cleanValue = (name: string, value: string) => (name === 'title' ? cleanTitle(value) : cleanText(value));

/**
 * A note started from a programme entry whose title, date, time or room the
 * writer sets: the field joins `keep` (a date, start or end brings the other two), so that `import --update-notes` and
 * `check --fix` no longer set it back. Null when nothing joins (no programme,
 * no such field, all kept already, or `keep=` given by hand).
 */
function keepCorrections(data: Record<string, unknown>, assignments: readonly Assignment[]): string[] | null {
  if (!optionalText(data.programme) || assignments.some(({ name }) => name === 'keep')) return null;
  const kept = textList(data.keep);
  const set = assignments
    .filter(({ name, value }) => value && (FOLLOWED_FIELDS as readonly string[]).includes(name))
    .map(({ name }) => name);
  // The slot is one thing: a corrected start keeps its date and end too (else a move would set the end alone).
  const slot = ['date', 'start', 'end'];
  const named = set.some((name) => slot.includes(name)) ? [...set, ...slot] : set;
  const joining = named.filter((name, i, all) => !kept.includes(name) && all.indexOf(name) === i);
  return joining.length ? [...kept, ...joining] : null;
}
