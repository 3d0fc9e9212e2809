/** Choosing entries: the agenda's filters, what is on now and next, an entry by its ref or (a prefix of) its uid. */
import { UsageError } from '../../errors.js';
import { normaliseTag, tagMatches } from '../slug.js';
import { entryDay, type ProgrammeEntry } from './programme-model.js';

export interface AgendaFilter {
  day?: string;
  tag?: string;
  room?: string;
  search?: string;
  starred?: boolean;
}

export function filterEntries(
  entries: ProgrammeEntry[],
  filter: AgendaFilter,
  zone: string | null,
): ProgrammeEntry[] {
  const tag = filter.tag ? normaliseTag(filter.tag) : '';
  const room = filter.room?.trim();
  const search = filter.search?.trim().toLocaleLowerCase();
  return entries.filter(
    (entry) =>
      (!filter.day || entryOnDay(entry, filter.day, zone)) &&
      (!tag ||
        [...entry.tags, ...(entry.track ? [normaliseTag(entry.track)] : [])].some(
          (own) => own && tagMatches(own, tag),
        )) &&
      (!room || roomMatches(entry.room ?? '', room)) &&
      (!search || searchText(entry).includes(search)) &&
      (!filter.starred || entry.starred),
  );
}

/** Lower case, accents folded (`Salle Épée` → `salle epee`), so `--room epee` needs no accent. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a text, folded; `K.1.105 (La Fontaine)` → k, 1, 105, la, fontaine. */
const words = (text: string) =>
  folded(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * `--room`: the name itself, a prefix of it (`osper` for `Osper Hall`), or
 * whole words of it in order (`hall`, `la fontaine`); case and accents aside.
 */
function roomMatches(room: string, text: string): boolean {
  if (folded(room).trim() === folded(text)) return true;
  const name = words(room);
  const wanted = words(text);
  if (wanted.length === 0) return false;
  if (name.join(' ').startsWith(wanted.join(' '))) return true;
  for (let at = 0; at + wanted.length <= name.length; at++)
    if (wanted.every((word, i) => name[at + i] === word)) return true;
  return false;
}

function entryOnDay(entry: ProgrammeEntry, day: string, zone: string | null): boolean {
  if (entry.all_day) return entry.start <= day && day <= entry.end;
  return entryDay(entry, zone) === day;
}

function searchText(entry: ProgrammeEntry): string {
  return [
    entry.uid,
    entry.ref,
    entry.title,
    entry.speakers.join(' '),
    entry.room ?? '',
    entry.track ?? '',
    entry.tags.join(' '),
    entry.abstract ?? '',
    entry.subtitle ?? '',
    entry.description ?? '',
  ]
    .join('\n')
    .toLocaleLowerCase();
}

/** Timed, not cancelled or removed: what `now` and `next` choose from. */
function isLiveTalk(entry: ProgrammeEntry): boolean {
  return !entry.all_day && entry.status === 'confirmed';
}

export function isRunning(entry: ProgrammeEntry, now: Date): boolean {
  return !entry.all_day && Date.parse(entry.start) <= now.getTime() && now.getTime() < Date.parse(entry.end);
}

/** The talks on at `now` (several when rooms run in parallel). */
export function runningAt(entries: ProgrammeEntry[], now: Date): ProgrammeEntry[] {
  return entries.filter((entry) => isLiveTalk(entry) && isRunning(entry, now));
}

/** The talks starting soonest after `now` (several when they start together in parallel rooms). */
export function nextAfter(entries: ProgrammeEntry[], now: Date): ProgrammeEntry[] {
  const later = entries.filter((entry) => isLiveTalk(entry) && Date.parse(entry.start) > now.getTime());
  if (later.length === 0) return [];
  const first = Math.min(...later.map((entry) => Date.parse(entry.start)));
  return later.filter((entry) => Date.parse(entry.start) === first);
}

/** The order a "which talk are you in?" picker lists entries in: starred ones first, each group as given. */
export function starredFirst(entries: ProgrammeEntry[]): ProgrammeEntry[] {
  return [...entries.filter((entry) => entry.starred), ...entries.filter((entry) => !entry.starred)];
}

/** A uid prefix that several entries share (a usage error: the user gives more of it). */
export class AmbiguousEntryError extends UsageError {
  constructor(
    readonly ref: string,
    readonly matches: ProgrammeEntry[],
  ) {
    const listed = matches
      .slice(0, 10)
      .map((entry) => entry.uid)
      .join(', ');
    super(
      `"${ref}" matches ${matches.length} entries: ${listed}${matches.length > 10 ? ', …' : ''}; give more of the uid`,
    );
    this.name = 'AmbiguousEntryError';
  }
}

/**
 * An entry by exact uid, else by its ref (`k7m`), else by a unique prefix of a
 * uid; null when none; AmbiguousEntryError when several share the prefix.
 */
export function findEntry(entries: ProgrammeEntry[], ref: string): ProgrammeEntry | null {
  const exact = entries.find((entry) => entry.uid === ref) ?? entries.find((entry) => entry.ref === ref);
  if (exact) return exact;
  const prefixed = entries.filter((entry) => entry.uid.startsWith(ref));
  if (prefixed.length > 1) throw new AmbiguousEntryError(ref, prefixed);
  return prefixed[0] ?? null;
}
