/**
 * What the schedule.xml and schedule v2 parsers share: times as the exports
 * write them, track tags by their words, the programme's own session type,
 * links, and UIDs that an export reuses for different talks.
 */
import { cleanTitle } from '../note/note-new.js';
import { type EntryLink, type ImportedEntry, instantOfWallTime } from './programme-model.js';
import { cleanText, httpUrl } from './schedule-common.js';

/** A track's tag by its words: `Hardware & Making` → `hardware-making`, `/dev/random` → `dev-random`. */
export function trackTag(track: string): string {
  return track
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A type as people write it: `LIGHTNING_TALK` → `lightning talk`; anything else as given. */
export function humanType(type: string | null): string | null {
  const clean = type ? cleanTitle(type) : '';
  if (!clean) return null;
  return /^[A-Z0-9_ -]+$/.test(clean) && /[A-Z]/.test(clean)
    ? clean.toLowerCase().replace(/_+/g, ' ')
    : clean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 date-time; one without an offset is wall time in `zone` (UTC when none). Null when not one. */
export function isoInstant(value: string, zone: string | null): Date | null {
  const match = ISO.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, offset] = match;
  const fields = wallFields(`${y}-${mo}-${d}`, `${h}:${mi}:${s ?? '00'}`);
  if (!fields) return null;
  if (!offset) return instantOfWallTime(fields, zone ?? 'UTC');
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset === 'Z' ? 'Z' : offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** Wall time `HH:MM[:SS]` on a day `YYYY-MM-DD` in `zone`; null when either is not real. */
export function wallInstant(day: string, time: string, zone: string | null): Date | null {
  const fields = wallFields(day, time);
  return fields ? instantOfWallTime(fields, zone ?? 'UTC') : null;
}

function wallFields(day: string, time: string) {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (!date || !clock) return null;
  const fields = {
    year: Number(date[1]),
    month: Number(date[2]),
    day: Number(date[3]),
    hour: Number(clock[1]),
    minute: Number(clock[2]),
    second: Number(clock[3] ?? 0),
  };
  const valid =
    fields.month >= 1 &&
    fields.month <= 12 &&
    fields.day >= 1 &&
    fields.day <= new Date(Date.UTC(fields.year, fields.month, 0)).getUTCDate() &&
    fields.hour < 24 &&
    fields.minute < 60 &&
    fields.second < 60;
  return valid ? fields : null;
}

/** The day after `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** Minutes of a duration `[D:]HH:MM[:SS]` (frab, Pentabarf); null when it is not one. */
export function durationMinutes(value: string | null): number | null {
  const match = value ? /^(?:(\d+):)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim()) : null;
  if (!match) return null;
  // Three parts are HH:MM:SS (Pentabarf writes `00:05:00`), never D:HH:MM.
  if (match[1] !== undefined && match[4] === undefined)
    return Number(match[1]) * 60 + Number(match[2]) + Number(match[3]) / 60;
  return Number(match[1] ?? 0) * 24 * 60 + Number(match[2]) * 60 + Number(match[3]);
}

/** http(s) links with a title, each URL once, the talk's own page left out. */
export function linkList(
  links: { title: string | null; url: string | null }[],
  own: string | null,
): EntryLink[] {
  const seen = new Set(own ? [own] : []);
  const out: EntryLink[] = [];
  for (const link of links) {
    const url = httpUrl(link.url);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ title: cleanTitle(link.title ?? '') || 'link', url });
  }
  return out;
}

/** Each name once, cleaned, empty ones dropped. */
export function nameList(names: (string | null)[]): string[] {
  return [...new Set(names.map((name) => cleanTitle(name ?? '')).filter(Boolean))];
}

/**
 * Some exporters give many talks one UID. Talks that share a UID but differ in
 * start, title or room are kept, each told apart by its start
 * (`UID#20240915T110000Z`, then `-2`, `-3` for talks starting together);
 * exact repeats are dropped. One warning says how many.
 */
export function distinctUids(entries: ImportedEntry[], warnings: string[]): ImportedEntry[] {
  const groups = new Map<string, ImportedEntry[]>();
  for (const entry of entries) groups.set(entry.uid, [...(groups.get(entry.uid) ?? []), entry]);
  const keep = new Set<ImportedEntry>();
  const renamed = new Map<ImportedEntry, string>();
  let shared = 0;
  let repeats = 0;
  const taken = new Set(entries.map((entry) => entry.uid));
  for (const [uid, group] of groups) {
    const seen = new Map<string, ImportedEntry>();
    for (const entry of group) {
      const key = JSON.stringify([startStamp(entry), entry.title, entry.room]);
      if (seen.has(key)) repeats++;
      else seen.set(key, entry);
    }
    const distinct = [...seen.values()];
    for (const entry of distinct) keep.add(entry);
    if (distinct.length < 2) continue;
    shared++;
    for (const entry of distinct) {
      const base = `${uid}#${startStamp(entry)}`;
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
      taken.add(name);
      renamed.set(entry, name);
    }
  }
  if (shared > 0)
    warnings.push(
      `${renamed.size} talks share ${shared === 1 ? 'a UID' : `${shared} UIDs`} with others; kept each, told apart by its start (uid#start)`,
    );
  if (repeats > 0)
    warnings.push(`${repeats} exact repeats of a talk (same UID, start, title and room) left out`);
  return entries
    .filter((entry) => keep.has(entry))
    .map((entry) => (renamed.has(entry) ? { ...entry, uid: renamed.get(entry)! } : entry));
}

function startStamp(entry: ImportedEntry): string {
  if (!entry.startAt) return (entry.firstDay ?? '').replace(/-/g, '');
  return entry.startAt.toISOString().replace(/[-:]|\.\d+/g, '');
}

type Json = Record<string, unknown>;
const jsonText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : null;

/** What a pretalx/frab JSON talk has beyond the basics: subtitle, type, language, description, links. */
export function frabExtras(
  talk: Json,
  abstract: string | null,
  url: string | null,
): Pick<ImportedEntry, 'subtitle' | 'type' | 'language' | 'description' | 'links'> {
  const description = cleanText(jsonText(talk.description));
  const links = [talk.attachments, talk.links, talk.resources]
    .flatMap((value) => (Array.isArray(value) ? value : []))
    .map((link) =>
      link !== null && typeof link === 'object'
        ? {
            title: jsonText((link as Json).title) ?? jsonText((link as Json).description),
            url: jsonText((link as Json).url) ?? jsonText((link as Json).resource),
          }
        : { title: null, url: jsonText(link) },
    );
  links.push({ title: 'Feedback', url: jsonText(talk.feedback_url) });
  return {
    ...eventTexts((key) => jsonText(talk[key]), abstract, description),
    links: linkList(links, url),
  };
}

/** The short texts of a frab-like event (JSON or XML), read by key; the description only when it is not the abstract again. */
export function eventTexts(
  read: (key: 'subtitle' | 'type' | 'language') => string | null,
  abstract: string | null,
  description: string | null,
): Pick<ImportedEntry, 'subtitle' | 'type' | 'language' | 'description'> {
  return {
    subtitle: cleanTitle(read('subtitle') ?? '') || null,
    type: humanType(read('type')),
    language: cleanTitle(read('language') ?? '') || null,
    description: description === abstract ? null : description,
  };
}

/** A track as stored, and the tag it gives. */
export function trackFields(track: string | null): Pick<ImportedEntry, 'track' | 'tags'> {
  const tag = track ? trackTag(track) : '';
  return { track: track ? cleanTitle(track) || null : null, tags: tag ? [tag] : [] };
}

/**
 * iCalendar revisions: events sharing a UID with different SEQUENCE numbers are
 * versions of one event, and only the highest is kept. Events sharing a UID and
 * a SEQUENCE are left for distinctUids to tell apart.
 */
export function latestRevisions<T>(
  items: T[],
  uidOf: (item: T) => string,
  sequenceOf: (item: T) => number,
): { kept: T[]; superseded: number } {
  const highest = new Map<string, number>();
  for (const item of items)
    highest.set(uidOf(item), Math.max(highest.get(uidOf(item)) ?? -Infinity, sequenceOf(item)));
  const kept = items.filter((item) => sequenceOf(item) === highest.get(uidOf(item)));
  return { kept, superseded: items.length - kept.length };
}
