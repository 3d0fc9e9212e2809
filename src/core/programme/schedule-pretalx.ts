/**
 * pretalx / frab schedule JSON: schedule.conference.days[].rooms{room: [talk]},
 * each talk with guid, date (ISO 8601 with offset), start, duration "HH:MM",
 * room, title, track, persons, abstract, url.
 */
import { isValidTimeZone } from '../clock.js';
import { cleanTitle } from '../note/note-new.js';
import {
  instantOfWallTime,
  isCalendarDay,
  timesProblem,
  type ImportedEntry,
  type ParsedSchedule,
} from './programme-model.js';
import { cleanText, cleanUid, httpUrl, ScheduleError } from './schedule-common.js';
import { normaliseTag } from '../slug.js';
import { frabExtras, trackTag } from './schedule-fields.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : null;

/**
 * Line numbers, computed only for the talks a message names: a talk is found
 * from where the previous one was (talks come in file order), so naming every
 * talk costs one pass over the text, never one per talk.
 */
class TalkLines {
  private newlines: number[] | null = null;
  private cursor = 0;
  constructor(private readonly source: string) {}

  /** The 1-based line of a character offset. */
  lineAt(offset: number): number {
    this.newlines ??= [...this.source.matchAll(/\n/g)].map((match) => match.index);
    let [low, high] = [0, this.newlines.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.newlines[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }

  /** The line where `needle` (a JSON string's text) next appears, else anywhere, else 1. */
  lineOf(needle: string | null): number {
    if (!needle) return 1;
    const quoted = JSON.stringify(needle);
    let at = this.source.indexOf(quoted, this.cursor);
    if (at === -1) at = this.source.indexOf(quoted);
    if (at === -1) return 1;
    this.cursor = at + quoted.length;
    return this.lineAt(at);
  }
}

/**
 * Where JSON.parse stopped. Node 20 states the position in most messages; for
 * "Unexpected token" it does not, so the shortest prefix that already fails
 * that way is searched for (on the error path only: log n parses).
 */
function jsonErrorOffset(source: string, error: Error): number {
  const stated = /at position (\d+)/.exec(error.message);
  if (stated) return Number(stated[1]);
  if (!error.message.startsWith('Unexpected token')) return source.length;
  const failsAt = (length: number) => {
    try {
      JSON.parse(source.slice(0, length));
      return false;
    } catch (prefixError) {
      return (prefixError as Error).message.startsWith('Unexpected token');
    }
  };
  let [low, high] = [1, source.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsAt(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

export function parsePretalx(input: string, options: { zone: string | null }): ParsedSchedule {
  const source = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    // JSON.parse's messages may quote several lines of the file: name the line and the character instead.
    const at = jsonErrorOffset(source, error as Error);
    const what =
      at >= source.length
        ? 'the file ends too early (truncated?)'
        : `unexpected ${JSON.stringify(source[at])}`;
    throw new ScheduleError(new TalkLines(source).lineAt(at), `not valid JSON: ${what}`);
  }
  const lines = new TalkLines(source);
  // A talk's line: where its guid (or else its title) appears in the text.
  const lineOf = (talk: Json) => lines.lineOf(text(talk.guid) ?? text(talk.title));
  const schedule = isObject(data) && isObject(data.schedule) ? data.schedule : null;
  const conference = schedule && isObject(schedule.conference) ? schedule.conference : null;
  if (!conference || !Array.isArray(conference.days)) {
    throw new ScheduleError(1, 'not a pretalx/frab schedule (no schedule.conference.days)');
  }
  const declared = text(conference.time_zone_name);
  const zone = options.zone ?? (declared && isValidTimeZone(declared) ? declared : null);
  const entries: ImportedEntry[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const day of conference.days) {
    if (!isObject(day) || !isObject(day.rooms))
      throw new ScheduleError(1, 'a day of schedule.conference.days has no "rooms" map');
    for (const [roomName, talks] of Object.entries(day.rooms)) {
      if (!Array.isArray(talks))
        throw new ScheduleError(lines.lineOf(roomName), `room "${roomName}" is not a list of talks`);
      for (const talk of talks) {
        if (!isObject(talk))
          throw new ScheduleError(1, `room "${roomName}" holds something that is not a talk`);
        const line = () => lineOf(talk);
        const uid = cleanUid(text(talk.guid) ?? text(talk.code) ?? text(talk.id));
        if (!uid) throw new ScheduleError(line(), `a talk in room "${roomName}" has no guid, code or id`);
        if (seen.has(uid)) {
          warnings.push(`line ${line()}: guid ${uid} again; kept the first`);
          continue;
        }
        seen.add(uid);
        const startAt = startOf(talk, zone, line, uid);
        const minutes = durationMinutes(talk.duration, line, uid);
        const persons = Array.isArray(talk.persons) ? talk.persons : [];
        const speakers = persons
          .map((person) =>
            isObject(person) ? (text(person.public_name) ?? text(person.name)) : text(person),
          )
          .filter((name): name is string => name !== null)
          .map(cleanTitle)
          .filter(Boolean);
        const track = text(talk.track) ? cleanTitle(text(talk.track)!) : null;
        const tags = [
          ...(track ? [trackTag(track)] : []),
          ...(Array.isArray(talk.tags) ? talk.tags.map(text) : [])
            .filter((tag): tag is string => tag !== null)
            .map(normaliseTag),
        ].filter(Boolean);
        const url = httpUrl(text(talk.url));
        const abstract = cleanText(text(talk.abstract) ?? text(talk.description));
        const entry: ImportedEntry = {
          uid,
          title: cleanTitle(text(talk.title) ?? '') || '(untitled)',
          startAt,
          endAt: new Date(startAt.getTime() + minutes * 60_000),
          room: cleanTitle(text(talk.room) ?? roomName) || null,
          track,
          tags: [...new Set(tags)],
          speakers: [...new Set(speakers)],
          url,
          abstract,
          ...frabExtras(talk, abstract, url),
          cancelled: false,
        };
        const problem = timesProblem(entry);
        if (problem) throw new ScheduleError(line(), `talk ${uid}: ${problem}`);
        entries.push(entry);
      }
    }
  }
  return {
    format: 'pretalx',
    entries,
    timezone: declared && isValidTimeZone(declared) ? declared : null,
    warnings,
  };
}

function startOf(talk: Json, zone: string | null, line: () => number, uid: string): Date {
  const date = text(talk.date);
  if (!date) throw new ScheduleError(line(), `talk ${uid} has no date`);
  const full = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    date.trim(),
  );
  if (!full) throw new ScheduleError(line(), `talk ${uid}: date "${date}" is not an ISO 8601 date-time`);
  const [, y, mo, d, h, mi, s, offset] = full;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
  };
  const instant = offset ? new Date(date.trim()) : instantOfWallTime(fields, zone ?? 'UTC');
  if (
    Number.isNaN(instant.getTime()) ||
    !isCalendarDay(fields.year, fields.month, fields.day) ||
    fields.hour > 23 ||
    fields.minute > 59
  ) {
    throw new ScheduleError(line(), `talk ${uid}: date "${date}" is not a real date-time`);
  }
  return instant;
}

function durationMinutes(value: unknown, line: () => number, uid: string): number {
  const raw = text(value);
  const match = raw ? /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(raw.trim()) : null;
  if (!match) throw new ScheduleError(line(), `talk ${uid}: duration "${raw ?? ''}" is not HH:MM`);
  return Number(match[1] ?? 0) * 24 * 60 + Number(match[2]) * 60 + Number(match[3]);
}
