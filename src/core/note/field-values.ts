/**
 * The kinds of value a note's fields hold: how each is read from YAML data
 * (leniently), recognised in the cache, and validated. Used by schema.ts.
 */
import { NOTE_TYPES, type NoteType } from './note-types.js';

// Readers: lenient where a reader would be (a single speaker or tag as a plain string).

/** Trimmed text; numbers and booleans as written; anything else (lists, maps, empty) is null. */
export function optionalText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function textList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map(optionalText).filter((item): item is string => item !== null);
}

/** A map of links by kind; a list or a single URL is numbered `link`, `link2`, ... */
export function linkMap(value: unknown): Record<string, string> {
  const links: Record<string, string> = {};
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const url = optionalText(item);
      if (url) links[index === 0 ? 'link' : `link${index + 1}`] = url;
    });
  } else if (value && typeof value === 'object') {
    for (const [kind, raw] of Object.entries(value)) {
      const url = optionalText(raw);
      if (url) links[kind] = url;
    }
  } else {
    const url = optionalText(value);
    if (url) links.link = url;
  }
  return links;
}

export const present = (value: unknown) => value !== undefined && value !== null;
export const text = (raws: readonly unknown[]) => optionalText(raws[0]);

// Cached value types.
export const isText = (value: unknown): value is string => typeof value === 'string';
export const isTextOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';
export const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

// Checks.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isNoteType(value: string): value is NoteType {
  return (NOTE_TYPES as readonly string[]).includes(value);
}

export function isValidDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isValidTime(value: string): boolean {
  return TIME.test(value);
}

/** Schemes that are never accepted as a note's link: they run code or hide content. */
const UNSAFE_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);

export function isUrl(value: string): boolean {
  const trimmed = value.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || /\s/.test(trimmed)) return false;
  try {
    const url = new URL(trimmed);
    if (UNSAFE_SCHEMES.has(url.protocol)) return false;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return false;
    return true;
  } catch {
    return false;
  }
}

/** A rating as written, or null when absent ('' counts as absent). */
export const ratingOf = (raw: unknown): number | null =>
  raw === undefined || raw === null || raw === '' ? null : Number(raw);
export const isRating = (value: unknown): value is number | null =>
  value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5);

/** [kind, url, named] for every link, whichever shape `links` has. */
export function linkEntries(value: unknown): [string, string, boolean][] {
  if (!present(value)) return [];
  if (Array.isArray(value))
    return value
      .map((item, index): [string, string, boolean] => [`link${index + 1}`, String(item ?? ''), false])
      .filter(([, url]) => url.trim());
  if (typeof value === 'object')
    return Object.entries(value as object)
      .map(([kind, url]): [string, string, boolean] => [
        kind,
        typeof url === 'object' && url !== null ? JSON.stringify(url) : String(url ?? ''),
        true,
      ])
      .filter(([, url]) => url.trim());
  return [['link', String(value), false]];
}

/**
 * Links written as flat properties (`video: https://…`, as Obsidian and
 * static site generators want them): every top-level http(s) URL whose key
 * is not one of `reserved` (the schema's own fields).
 */
export function flatLinks(
  data: Record<string, unknown>,
  reserved: ReadonlySet<string>,
): Record<string, string> {
  const links: Record<string, string> = {};
  for (const [key, raw] of Object.entries(data)) {
    if (reserved.has(key) || !isLinkKind(key) || typeof raw !== 'string') continue;
    const url = raw.trim();
    if (/^https?:\/\/\S+$/i.test(url) && isUrl(url)) links[key] = url;
  }
  return links;
}

/** A word that can name a link (`slides`, `video-2`). */
export const isLinkKind = (key: string): boolean => /^[a-z][\w-]*$/i.test(key);

/**
 * Whether front matter marks its note private: any key spelled `private` in
 * any case (`Private`, `PRIVATE`) whose value is not the plain boolean false
 * (`yes`, `"true"`, `1`, an empty `private:` all count), since a writer who
 * typed it meant it. The one judgement of the note model, `list`, `check`
 * and the reports (report-privacy.ts reads the same rule off the lines).
 */
export function privateInData(data: Record<string, unknown>): boolean {
  return privateKey(data) !== undefined;
}

/** A key that is `private` in some spelling (`Private`, ` PRIVATE`). */
export const isPrivateKey = (key: string): boolean => key.trim().toLowerCase() === 'private';

/** The key that makes the note private (see privateInData), or undefined. */
export function privateKey(data: Record<string, unknown>): string | undefined {
  return Object.keys(data).find((key) => isPrivateKey(key) && data[key] !== false);
}

/** The helpers the readers call: hashed, with the readers, into the cache's format. */
export const READ_HELPERS = [
  optionalText,
  textList,
  linkMap,
  flatLinks,
  isLinkKind,
  privateInData,
  privateKey,
  isPrivateKey,
];
