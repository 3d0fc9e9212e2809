/** Choosing entries: the agenda's filters, what is on now and next, an entry by (a prefix of) its uid. */
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
  const room = filter.room?.trim().toLocaleLowerCase();
  const search = filter.search?.trim().toLocaleLowerCase();
  return entries.filter(
    (entry) =>
      (!filter.day || entryOnDay(entry, filter.day, zone)) &&
      (!tag ||
        [...entry.tags, ...(entry.track ? [normaliseTag(entry.track)] : [])].some(
          (own) => own && tagMatches(own, tag),
        )) &&
      (!room || (entry.room ?? '').toLocaleLowerCase() === room) &&
      (!search || searchText(entry).includes(search)) &&
      (!filter.starred || entry.starred),
  );
}

function entryOnDay(entry: ProgrammeEntry, day: string, zone: string | null): boolean {
  if (entry.all_day) return entry.start <= day && day <= entry.end;
  return entryDay(entry, zone) === day;
}

function searchText(entry: ProgrammeEntry): string {
  return [
    entry.uid,
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

/** An entry by exact uid, else by a unique prefix of one; null when none; AmbiguousEntryError when several. */
export function findEntry(entries: ProgrammeEntry[], ref: string): ProgrammeEntry | null {
  const exact = entries.find((entry) => entry.uid === ref);
  if (exact) return exact;
  const prefixed = entries.filter((entry) => entry.uid.startsWith(ref));
  if (prefixed.length > 1) throw new AmbiguousEntryError(ref, prefixed);
  return prefixed[0] ?? null;
}
