/**
 * pretalx / frab schedule JSON: schedule.conference.days[].rooms{room: [talk]},
 * each talk with guid, date (ISO 8601 with offset), start, duration "HH:MM",
 * room, title, track, persons, abstract, url.
 */
import { isValidTimeZone } from '../clock.js';
import { cleanTitle } from '../note/note-new.js';
import { instantOfWallTime, type ImportedEntry, type ParsedSchedule } from './programme.js';
import { cleanText, cleanUid, httpUrl, ScheduleError } from './schedule-common.js';
import { normaliseTag } from '../slug.js';
import { frabExtras, trackTag } from './schedule-fields.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : null;

/** The 1-based line of a character offset. */
function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** The offset of the first JSON syntax error (the text's length when it ends too early). */
export function jsonErrorOffset(source: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < source.length && ' \t\r\n'.includes(source[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (source[i] !== char) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < source.length && source[i] !== '"') {
      const code = source.charCodeAt(i);
      if (code < 0x20) fail();
      if (source[i] === '\\') {
        i++;
        if (source[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(source[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= source.length) fail();
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') fail();
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const char = source[i];
    if (char === '{') {
      i++;
      space();
      if (source[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (source[i] !== '"') fail();
        string();
        space();
        if (source[i] !== ':') fail();
        i++;
        value();
        space();
        if (source[i] === ',') i++;
        else if (source[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (char === '[') {
      i++;
      space();
      if (source[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (source[i] === ',') i++;
        else if (source[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
    else fail();
  };
  try {
    value();
    space();
    if (i < source.length) fail();
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    if (offset instanceof RangeError) return i; // nested too deep to follow: report where we got to
    throw offset;
  }
  return source.length;
}

export function parsePretalx(input: string, options: { zone: string | null }): ParsedSchedule {
  const source = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    // JSON.parse's messages differ between Node versions and may quote several lines: find the spot ourselves.
    const at = jsonErrorOffset(source);
    const what =
      at >= source.length
        ? 'the file ends too early (truncated?)'
        : `unexpected ${JSON.stringify(source[at])}`;
    throw new ScheduleError(lineAt(source, at), `not valid JSON: ${what}`);
  }
  // A talk's line: where its guid (or else its title) first appears in the text.
  const lineOf = (talk: Json) => {
    const needle = text(talk.guid) ?? text(talk.title);
    const at = needle ? source.indexOf(JSON.stringify(needle)) : -1;
    return at === -1 ? 1 : lineAt(source, at);
  };
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
        throw new ScheduleError(
          lineAt(source, Math.max(0, source.indexOf(JSON.stringify(roomName)))),
          `room "${roomName}" is not a list of talks`,
        );
      for (const talk of talks) {
        if (!isObject(talk))
          throw new ScheduleError(1, `room "${roomName}" holds something that is not a talk`);
        const line = lineOf(talk);
        const uid = cleanUid(text(talk.guid) ?? text(talk.code) ?? text(talk.id));
        if (!uid) throw new ScheduleError(line, `a talk in room "${roomName}" has no guid, code or id`);
        if (seen.has(uid)) {
          warnings.push(`line ${line}: guid ${uid} again; kept the first`);
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
        entries.push({
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
        });
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

function startOf(talk: Json, zone: string | null, line: number, uid: string): Date {
  const date = text(talk.date);
  if (!date) throw new ScheduleError(line, `talk ${uid} has no date`);
  const full = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    date.trim(),
  );
  if (!full) throw new ScheduleError(line, `talk ${uid}: date "${date}" is not an ISO 8601 date-time`);
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
    fields.month > 12 ||
    fields.day > 31 ||
    fields.hour > 23 ||
    fields.minute > 59
  ) {
    throw new ScheduleError(line, `talk ${uid}: date "${date}" is not a real date-time`);
  }
  return instant;
}

function durationMinutes(value: unknown, line: number, uid: string): number {
  const raw = text(value);
  const match = raw ? /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(raw.trim()) : null;
  if (!match) throw new ScheduleError(line, `talk ${uid}: duration "${raw ?? ''}" is not HH:MM`);
  return Number(match[1] ?? 0) * 24 * 60 + Number(match[2]) * 60 + Number(match[3]);
}
