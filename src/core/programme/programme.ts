/**
 * The conference programme, imported from the organisers' schedule: its model,
 * the plain `programme.yml` it is kept in (in the conference folder, beside
 * the notes, never read as a note), and the rules that match a new export
 * against the previous one. Pure functions, apart from reading and writing the
 * file through safe-write. Only the programme commands load it (it loads yaml).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import { NoteFileError } from '../../errors.js';
import { wallTime, zoneParts } from '../clock.js';
import type { Conference } from '../workspace/conference.js';
import { createExclusive, FileExistsError, rewrite } from '../safe-write.js';
import { normaliseTag, tagMatches } from '../slug.js';
import { relativeToWorkspace, type Workspace } from '../workspace/workspace.js';

export const PROGRAMME_FILE = 'programme.yml';

export type EntryStatus = 'confirmed' | 'cancelled' | 'removed';
export const ENTRY_STATUSES: readonly EntryStatus[] = ['confirmed', 'cancelled', 'removed'];

/** What a talk is, whether just parsed or stored. */
interface EntryDetails {
  uid: string;
  title: string;
  room: string | null;
  track: string | null;
  tags: string[];
  speakers: string[];
  url: string | null;
  abstract: string | null;
  /** Published by schedule.xml, frab/pretalx and schedule v2 exports; absent when the export has none. */
  subtitle?: string | null;
  /** The programme's own session type (`Workshop`, `lightning talk`), as published. */
  type?: string | null;
  language?: string | null;
  /** The long description, kept beside the abstract. */
  description?: string | null;
  /** Slides, video, recordings, feedback: other pages about the talk. */
  links?: EntryLink[];
}

export interface EntryLink {
  title: string;
  url: string;
}

/** One talk (or one day entry) of the programme, as stored. */
export interface ProgrammeEntry extends EntryDetails {
  /** ISO 8601 with the offset of the display zone; a bare YYYY-MM-DD for all-day entries. */
  start: string;
  /** Exclusive end instant; for all-day entries the last day, inclusive. */
  end: string;
  all_day: boolean;
  status: EntryStatus;
  starred: boolean;
}

/** What a parser produces: times as instants, not yet tied to a display zone. */
export interface ImportedEntry extends EntryDetails {
  /** Timed entries: the instants. All-day entries: null. */
  startAt: Date | null;
  endAt: Date | null;
  /** All-day entries: first and last day (inclusive), YYYY-MM-DD. */
  firstDay?: string;
  lastDay?: string;
  cancelled: boolean;
}

export interface ParsedSchedule {
  format: 'ics' | 'pretalx' | 'pentabarf' | 'c3voc';
  entries: ImportedEntry[];
  /** The zone the source declares (VTIMEZONE, X-WR-TIMEZONE, pretalx time_zone_name), if any. */
  timezone: string | null;
  warnings: string[];
}

export interface Programme {
  /** The zone the stored offsets are in and times are shown in. */
  timezone: string | null;
  source: string | null;
  entries: ProgrammeEntry[];
}

/** The zone a conference's programme is shown in: the conference's, else the programme's own. */
export function displayZone(
  conference: Conference,
  programme?: Pick<Programme, 'timezone'> | null,
): string | null {
  return conference.timezone ?? programme?.timezone ?? null;
}

/** `2026-06-10T09:30:00+01:00`: the instant as wall time in `zone` (the machine's when null), with its offset. */
export function isoInZone(instant: Date, zone: string | null): string {
  const parts = zoneParts(instant, zone);
  const wallMs = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offset = Math.round((wallMs - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${hhmm}`;
}

/** The instant of a wall time in an IANA zone (the later one in a DST overlap, the shifted one in a gap). */
export function instantOfWallTime(
  fields: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  zone: string,
): Date {
  const asUtc = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
  );
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const shown = new Date(`${isoInZone(new Date(guess), zone).slice(0, 19)}Z`).getTime();
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/** Stores an imported entry with its times in `zone`. */
export function toStored(entry: ImportedEntry, zone: string | null, starred = false): ProgrammeEntry {
  const allDay = entry.startAt === null;
  return {
    uid: entry.uid,
    title: entry.title,
    start: allDay ? entry.firstDay! : isoInZone(entry.startAt!, zone),
    end: allDay ? (entry.lastDay ?? entry.firstDay!) : isoInZone(entry.endAt ?? entry.startAt!, zone),
    all_day: allDay,
    room: entry.room,
    track: entry.track,
    tags: entry.tags,
    speakers: entry.speakers,
    url: entry.url,
    abstract: entry.abstract,
    ...extraFields(entry),
    status: entry.cancelled ? 'cancelled' : 'confirmed',
    starred,
  };
}

/** The optional fields an export has, and only those (programme.yml of other exports stays as it was). */
function extraFields(entry: EntryDetails): Partial<EntryDetails> {
  const out: Partial<EntryDetails> = {};
  for (const key of ['subtitle', 'type', 'language', 'description'] as const)
    if (entry[key]) out[key] = entry[key];
  if (entry.links?.length) out.links = entry.links;
  return out;
}

/** Programme order: by start instant (all-day entries first on their day), then uid. */
export function compareEntries(a: ProgrammeEntry, b: ProgrammeEntry): number {
  return (
    startKey(a) - startKey(b) ||
    (a.all_day === b.all_day ? 0 : a.all_day ? -1 : 1) ||
    (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)
  );
}

function startKey(entry: ProgrammeEntry): number {
  return entry.all_day ? Date.parse(`${entry.start}T00:00:00Z`) : Date.parse(entry.start);
}

/** The day (YYYY-MM-DD) an entry is on, in the display zone. */
export function entryDay(entry: ProgrammeEntry, zone: string | null): string {
  return entry.all_day ? entry.start : wallTime(new Date(entry.start), zone).date;
}

// ---------------------------------------------------------------------------
// Matching a new export against the previous programme

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

// ---------------------------------------------------------------------------
// Choosing entries

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

/** An entry by exact uid, else by a unique prefix of one; null when none; throws listing them when ambiguous. */
export function findEntry(entries: ProgrammeEntry[], ref: string): ProgrammeEntry | null | ProgrammeEntry[] {
  const exact = entries.find((entry) => entry.uid === ref);
  if (exact) return exact;
  const prefixed = entries.filter((entry) => entry.uid.startsWith(ref));
  if (prefixed.length === 1) return prefixed[0]!;
  return prefixed.length === 0 ? null : prefixed;
}

// ---------------------------------------------------------------------------
// programme.yml

export function programmeFile(conference: Conference): string {
  return path.join(conference.dir, PROGRAMME_FILE);
}

const HEADER = [
  '# The conference programme, written by `confnotes import` (and `agenda --star`).',
  '# Re-import a newer export to update it; notes are never changed by an import.',
];

/** The text of programme.yml: a YAML 1.1/1.2-safe document, one block per entry, sorted. */
export async function programmeText(programme: Programme): Promise<string> {
  const body = stringify(
    {
      timezone: programme.timezone,
      source: programme.source,
      entries: [...programme.entries].sort(compareEntries),
    },
    { version: '1.1', lineWidth: 0, blockQuote: 'literal', nullStr: '~' },
  );
  return `${HEADER.join('\n')}\n${body}`;
}

/** Reads the stored programme; null when the conference has none yet. */
export async function readProgramme(ws: Workspace, conference: Conference): Promise<Programme | null> {
  const file = programmeFile(conference);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseProgrammeText(text, relativeToWorkspace(ws, file));
}

/** Parses programme.yml, checking every entry; throws NoteFileError with the line of the bad entry. */
export async function parseProgrammeText(text: string, shown: string): Promise<Programme> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new NoteFileError(shown, error.linePos?.[0]?.line, error.message.split('\n')[0]!);
  }
  const fail = (
    node: { range?: [number, number, number] | null } | null | undefined,
    reason: string,
  ): never => {
    throw new NoteFileError(shown, node?.range ? lineCounter.linePos(node.range[0]).line : 1, reason);
  };
  if (!isMap(doc.contents)) fail(null, 'not a programme (a map with "entries")');
  const data = doc.toJS() as Record<string, unknown>;
  const entriesNode = doc.get('entries', true);
  if (data.entries !== null && data.entries !== undefined && !isSeq(entriesNode))
    fail(doc.contents as never, '"entries" is not a list');
  const nodes = isSeq(entriesNode) ? entriesNode.items : [];
  const raw = Array.isArray(data.entries) ? (data.entries as unknown[]) : [];
  const entries = raw.map((item, index) => {
    const node = nodes[index] as never;
    const problem = entryProblem(item);
    if (problem) fail(node, problem);
    return item as ProgrammeEntry;
  });
  const text_ = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  return { timezone: text_(data.timezone), source: text_(data.source), entries };
}

function entryProblem(item: unknown): string | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return 'an entry is not a map';
  const entry = item as Record<string, unknown>;
  const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
  const textOrNull = (value: unknown) => value === null || value === undefined || typeof value === 'string';
  const textList = (value: unknown) => Array.isArray(value) && value.every((one) => typeof one === 'string');
  if (!isText(entry.uid)) return 'an entry has no uid';
  const what = `entry ${String(entry.uid)}`;
  if (!isText(entry.title)) return `${what}: no title`;
  if (typeof entry.all_day !== 'boolean') return `${what}: all_day is not true or false`;
  for (const key of ['start', 'end'] as const) {
    const value = entry[key];
    const ok =
      typeof value === 'string' &&
      (entry.all_day
        ? /^\d{4}-\d{2}-\d{2}$/.test(value)
        : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(value) &&
          !Number.isNaN(Date.parse(value)));
    if (!ok)
      return `${what}: ${key} "${String(value)}" is not ${entry.all_day ? 'a date (YYYY-MM-DD)' : 'an ISO 8601 time with its offset'}`;
  }
  for (const key of ['room', 'track', 'url', 'abstract'] as const)
    if (!textOrNull(entry[key])) return `${what}: ${key} is not text`;
  for (const key of ['tags', 'speakers'] as const)
    if (!textList(entry[key])) return `${what}: ${key} is not a list of text`;
  for (const key of ['subtitle', 'type', 'language', 'description'] as const)
    if (!textOrNull(entry[key])) return `${what}: ${key} is not text`;
  const links = entry.links;
  const isLink = (link: unknown) =>
    !!link &&
    typeof link === 'object' &&
    isText((link as EntryLink).title) &&
    isText((link as EntryLink).url);
  if (links !== undefined && !(Array.isArray(links) && links.every(isLink)))
    return `${what}: links is not a list of title and url`;
  if (!ENTRY_STATUSES.includes(entry.status as EntryStatus))
    return `${what}: status "${String(entry.status)}" is not one of ${ENTRY_STATUSES.join(', ')}`;
  if (typeof entry.starred !== 'boolean') return `${what}: starred is not true or false`;
  for (const key of ['room', 'track', 'url', 'abstract'] as const) entry[key] ??= null;
  return null;
}

/**
 * Changes the stored programme under its lock and writes it atomically (a new
 * file is created exclusively). `change` gets the current programme (null when
 * none) and returns the new one, or null to leave the file alone.
 * Returns whether the file was written.
 */
export async function updateProgramme(
  ws: Workspace,
  conference: Conference,
  change: (current: Programme | null) => Programme | null,
): Promise<boolean> {
  const file = programmeFile(conference);
  const shown = relativeToWorkspace(ws, file);
  if (!fs.existsSync(file)) {
    const next = change(null);
    if (!next) return false;
    try {
      createExclusive(file, await programmeText(next));
      return true;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      // Someone imported meanwhile: fall through to a locked rewrite of theirs.
    }
  }
  // rewrite's callback is synchronous and YAML is loaded lazily: compute outside the lock, then
  // write only if the file is still the one the change was computed from (else compute again).
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = fs.readFileSync(file, 'utf8');
    const pending = change(await parseProgrammeText(before, shown));
    if (!pending) return false;
    const text = await programmeText(pending);
    let raced = false;
    const written = rewrite(file, (old) => {
      if (old !== before) {
        raced = true;
        return null;
      }
      return text;
    });
    if (!raced) return written !== null;
  }
  throw new NoteFileError(shown, undefined, 'kept changing while confnotes tried to update it; try again');
}
