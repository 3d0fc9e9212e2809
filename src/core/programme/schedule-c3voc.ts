/**
 * The c3voc schedule v2 JSON (`schema2.json`, what the Chaos Communication
 * Congress hub exports): a flat list of `events` (under `schedule`, or at the
 * top), each with `start`/`end` date-times, a `room` and `track` (objects or
 * names; a track may be only a slug of `conference.tracks`), `participants`
 * with a `role`, an upper-case `type`, a `state`, `links` and `attachments`.
 */
import { isValidTimeZone } from '../clock.js';
import { timesProblem, type ImportedEntry, type ParsedSchedule } from './programme-model.js';
import { cleanText, cleanUid, httpUrl, ScheduleError } from './schedule-common.js';
import { cleanTitle } from '../note/note-new.js';
import {
  distinctUids,
  durationMinutes,
  humanType,
  isoInstant,
  linkList,
  nameList,
  eventTexts,
  trackFields,
} from './schedule-fields.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** States that mean the talk will not take place. */
const GONE = new Set(['CANCELED', 'CANCELLED', 'WITHDRAWN', 'REJECTED']);

export function parseC3voc(input: string, options: { zone: string | null }): ParsedSchedule {
  const source = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    // V8 names the spot as "position N" or "line L column C", depending on its version.
    const message = (error as Error).message;
    const line = /line (\d+) column/.exec(message)?.[1];
    const position = /position (\d+)/.exec(message)?.[1];
    throw new ScheduleError(
      line ? Number(line) : position ? lineAt(source, Number(position)) : 1,
      'not valid JSON',
    );
  }
  const schedule = isObject(data) && isObject(data.schedule) ? data.schedule : isObject(data) ? data : {};
  const events = Array.isArray(schedule.events) ? schedule.events : null;
  if (!events) throw new ScheduleError(1, 'not a schedule v2 file (no "events" list)');
  const conference = isObject(schedule.conference) ? schedule.conference : {};
  const declared = text(conference.time_zone_name);
  const known = declared && isValidTimeZone(declared) ? declared : null;
  const zone = options.zone ?? known;
  // Tracks may be given by slug only: their names are in conference.tracks.
  const trackNames = new Map<string, string>();
  for (const track of list(conference.tracks))
    if (isObject(track) && text(track.slug) && text(track.name))
      trackNames.set(text(track.slug)!, text(track.name)!);
  const entries: ImportedEntry[] = [];
  const warnings: string[] = [];
  for (const event of events) {
    if (!isObject(event)) throw new ScheduleError(1, '"events" holds something that is not an event');
    const line = () => {
      const needle = text(event.guid) ?? text(event.code) ?? text(event.title);
      const at = needle ? source.indexOf(JSON.stringify(needle)) : -1;
      return at === -1 ? 1 : lineAt(source, at);
    };
    entries.push(eventEntry(event, { zone, trackNames, line }));
  }
  return { format: 'c3voc', entries: distinctUids(entries, warnings), timezone: known, warnings };
}

interface Context {
  zone: string | null;
  trackNames: Map<string, string>;
  line: () => number;
}

function eventEntry(event: Json, { zone, trackNames, line }: Context): ImportedEntry {
  const uid = cleanUid(text(event.guid) ?? text(event.code) ?? text(event.id) ?? text(event.slug));
  if (!uid) throw new ScheduleError(line(), 'an event has no guid, code or id');
  const rawStart = text(event.start) ?? text(event.date);
  const startAt = rawStart ? isoInstant(rawStart, zone) : null;
  if (!startAt)
    throw new ScheduleError(line(), `event ${uid}: start "${rawStart ?? ''}" is not an ISO 8601 date-time`);
  const endAt = endOf(event, startAt, zone);
  if (!endAt) throw new ScheduleError(line(), `event ${uid}: no readable end or duration`);
  if (endAt.getTime() < startAt.getTime())
    throw new ScheduleError(line(), `event ${uid} ends before it starts`);
  const track = nameOf(event.track, trackNames);
  const abstract = cleanText(text(event.abstract));
  const description = cleanText(text(event.description));
  const url = httpUrl(text(event.url));
  const links = linkList(
    [...list(event.attachments), ...list(event.links), ...list(event.recordings)].map((link) =>
      isObject(link)
        ? { title: text(link.title) ?? text(link.name) ?? humanType(text(link.type)), url: text(link.url) }
        : { title: null, url: text(link) },
    ),
    url,
  );
  const state = (text(event.state) ?? text(event.status) ?? '').trim().toUpperCase();
  const entry: ImportedEntry = {
    uid,
    title: cleanTitle(text(event.title) ?? text(event.name) ?? '') || '(untitled)',
    startAt,
    endAt,
    room: cleanTitle(nameOf(event.room) ?? '') || null,
    ...trackFields(track),
    speakers: nameList(speakersOf(event)),
    url,
    abstract,
    ...eventTexts((key) => text(event[key]), abstract, description),
    links,
    cancelled: GONE.has(state),
  };
  const problem = timesProblem(entry);
  if (problem) throw new ScheduleError(line(), `event ${uid}: ${problem}`);
  return entry;
}

function endOf(event: Json, start: Date, zone: string | null): Date | null {
  const end = text(event.end);
  if (end) return isoInstant(end, zone);
  const duration = event.duration;
  // A number is seconds (schema2 allows it); a string is HH:MM.
  const minutes = typeof duration === 'number' ? duration / 60 : durationMinutes(text(duration));
  return minutes === null || !Number.isFinite(minutes) ? null : new Date(start.getTime() + minutes * 60_000);
}

/** A room or track given as a name, or as an object with a name (or a slug of a known track). */
function nameOf(value: unknown, bySlug?: Map<string, string>): string | null {
  if (!isObject(value)) return text(value);
  const slug = text(value.slug);
  return text(value.name) ?? (slug ? (bySlug?.get(slug) ?? slug) : null);
}

/** Participants whose role is SPEAKER (or who have no role); frab-style persons when there are none. */
function speakersOf(event: Json): (string | null)[] {
  const participants = list(event.participants).filter(
    (person) => !isObject(person) || !text(person.role) || text(person.role)!.toUpperCase() === 'SPEAKER',
  );
  const people = participants.length > 0 ? participants : list(event.persons);
  return people.map((person) =>
    isObject(person) ? (text(person.public_name) ?? text(person.name)) : text(person),
  );
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}
