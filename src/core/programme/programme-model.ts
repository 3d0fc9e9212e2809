/**
 * The programme model: a talk as a parser produces it and as programme.yml
 * stores it, the zone its times are shown in, and the order entries are kept
 * in. Pure; every other programme module builds on it.
 */
import { instantInZone, wallTime, type WallFields, zoneParts } from '../clock.js';
import type { Conference } from '../workspace/conference.js';

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
  /** The short reference (`k7m`, programme-ref.ts): unique in the conference, kept across re-imports. */
  ref: string;
  /** ISO 8601 with the offset of the display zone; a bare YYYY-MM-DD for all-day entries. */
  start: string;
  /** Exclusive end instant; for all-day entries the last day, inclusive. */
  end: string;
  all_day: boolean;
  status: EntryStatus;
  starred: boolean;
}

/** An entry fresh from an export: stored but for its ref, which the merge gives it. */
export type FreshEntry = Omit<ProgrammeEntry, 'ref'>;

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
export function instantOfWallTime(fields: WallFields, zone: string): Date {
  return instantInZone(fields, zone);
}

/** Stores an imported entry with its times in `zone`. */
export function toStored(entry: ImportedEntry, zone: string | null, starred = false): FreshEntry {
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
export function compareEntries(a: FreshEntry, b: FreshEntry): number {
  return (
    startKey(a) - startKey(b) ||
    (a.all_day === b.all_day ? 0 : a.all_day ? -1 : 1) ||
    (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)
  );
}

function startKey(entry: FreshEntry): number {
  return entry.all_day ? Date.parse(`${entry.start}T00:00:00Z`) : Date.parse(entry.start);
}

/** The day (YYYY-MM-DD) an entry is on, in the display zone. */
export function entryDay(entry: ProgrammeEntry, zone: string | null): string {
  return entry.all_day ? entry.start : wallTime(new Date(entry.start), zone).date;
}

/**
 * The years a programme's times may fall in. Outside them a date is a typo or
 * an attack (year 0, 9999, a duration of millions of hours), and JavaScript
 * dates stop writing the four-digit years programme.yml is read back with.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
/** The longest entry kept: a festival's all-day entry may span weeks, a talk never a year. */
export const MAX_ENTRY_DAYS = 366;

/** Whether year-month-day is a day of the calendar (no 30 February) within the programme years. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || year < FIRST_YEAR || year > LAST_YEAR) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether an instant lies within the programme years. */
export function isProgrammeInstant(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  return Number.isFinite(instant.getTime()) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** Why an imported entry's times cannot be stored, or null when they can. */
export function timesProblem(entry: ImportedEntry): string | null {
  const days = (ms: number) => ms / 86_400_000;
  if (entry.startAt === null) {
    const [first, last] = [entry.firstDay, entry.lastDay ?? entry.firstDay].map((day) =>
      day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null,
    );
    if (!first || !isCalendarDay(Number(first[1]), Number(first[2]), Number(first[3])))
      return `the day "${entry.firstDay ?? ''}" is not a date between ${FIRST_YEAR} and ${LAST_YEAR}`;
    if (!last || !isCalendarDay(Number(last[1]), Number(last[2]), Number(last[3])))
      return `the last day "${entry.lastDay ?? ''}" is not a date between ${FIRST_YEAR} and ${LAST_YEAR}`;
    const span = days(Date.parse(last[0]) - Date.parse(first[0]));
    if (span < 0) return 'it ends before it starts';
    return span >= MAX_ENTRY_DAYS ? `it lasts more than ${MAX_ENTRY_DAYS} days` : null;
  }
  const end = entry.endAt ?? entry.startAt;
  if (!isProgrammeInstant(entry.startAt)) return `it starts outside the years ${FIRST_YEAR}–${LAST_YEAR}`;
  if (!Number.isFinite(end.getTime()) || days(end.getTime() - entry.startAt.getTime()) > MAX_ENTRY_DAYS)
    return `it lasts more than ${MAX_ENTRY_DAYS} days`;
  if (end.getTime() < entry.startAt.getTime()) return 'it ends before it starts';
  return isProgrammeInstant(end) ? null : `it ends outside the years ${FIRST_YEAR}–${LAST_YEAR}`;
}
