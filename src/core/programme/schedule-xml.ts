/**
 * Pentabarf / frab `schedule.xml` (FOSDEM, the CCC events, pretalx; what
 * Giggity, EventFahrplan and ConfClerk read), parsed with fast-xml-parser:
 * schedule > day[date] > room[name] > event[guid|id] (Pentabarf's oldest
 * exports put events directly in the day). An event's instant is its `<date>`
 * when it has one, else the day's date and `<start>` in the conference's zone
 * (the next date when the time is before the day's own start, as at night).
 */
import { decodeXML } from 'entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isValidTimeZone } from '../clock.js';
import { cleanTitle } from '../note/note-new.js';
import { timesProblem, type ImportedEntry, type ParsedSchedule } from './programme-model.js';
import { cleanText, cleanUid, httpUrl, ScheduleError } from './schedule-common.js';
import {
  distinctUids,
  durationMinutes,
  isoInstant,
  linkList,
  nameList,
  nextDay,
  eventTexts,
  trackFields,
  wallInstant,
} from './schedule-fields.js';

type Node = Record<string, unknown>;
/** Elements that may repeat, by path (an event's own <room> and <track> are single values). */
const LISTS = [
  'schedule.day',
  'day.room',
  '.event',
  'persons.person',
  'links.link',
  'attachments.attachment',
];
const isNode = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** An element's or attribute's text, entities decoded once (the parser leaves them alone). */
function textOf(value: unknown): string | null {
  const raw = isNode(value) ? value['#text'] : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = decodeXML(String(raw));
  return text.trim() ? text : null;
}
const attr = (node: unknown, name: string) => (isNode(node) ? textOf(node[`@_${name}`]) : null);

export function parseScheduleXml(input: string, options: { zone: string | null }): ParsedSchedule {
  const source = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(source);
  } catch (error) {
    throw new ScheduleError(1, `not readable as XML: ${(error as Error).message}`);
  }
  if (valid !== true) {
    // The validator reports a file that ends with elements still open as a list of them, at line 1.
    const open =
      valid.err.code === 'InvalidXml' && /^Invalid '\[/.test(valid.err.msg)
        ? [...valid.err.msg.matchAll(/"([^"]+)"/g)].map((match) => match[1]!)
        : [];
    if (open.length > 0)
      throw new ScheduleError(
        source.replace(/\s+$/, '').split('\n').length,
        `the file ends inside <${open.at(-1)}>${open.length > 1 ? ` (of <${open.slice(0, -1).reverse().join('> of <')}>)` : ''}: cut short? export it again`,
      );
    throw new ScheduleError(valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    trimValues: false,
    isArray: (_name, path) => LISTS.some((suffix) => String(path).endsWith(suffix)),
  });
  // The DOCTYPE is never expanded: entities are decoded by `entities`, which knows only the standard ones.
  let root: Node;
  try {
    root = parser.parse(source) as Node;
  } catch (error) {
    // fast-xml-parser refuses what it cannot hold (tags nested too deep): say so, without a stack.
    throw new ScheduleError(1, `not readable as schedule.xml: ${(error as Error).message}`);
  }
  const schedule = isNode(root.schedule) ? root.schedule : null;
  if (!schedule) throw new ScheduleError(1, 'not a schedule.xml (no <schedule> element)');
  const conference = isNode(schedule.conference) ? schedule.conference : {};
  const declared = textOf(conference.time_zone_name);
  const known = declared && isValidTimeZone(declared) ? declared : null;
  const zone = options.zone ?? known;
  const lineOf = lineFinder(source);
  const warnings: string[] = [];
  const entries: ImportedEntry[] = [];
  const days = list(schedule.day);
  if (days.length === 0) throw new ScheduleError(1, 'schedule.xml has no <day>');
  for (const day of days) {
    const date = attr(day, 'date');
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date.trim()))
      throw new ScheduleError(
        lineOf('<day', date),
        `a <day> has no date="YYYY-MM-DD" (it has "${date ?? ''}")`,
      );
    const dayStart = /T(\d{2}:\d{2})/.exec(attr(day, 'start') ?? '')?.[1] ?? null;
    const rooms = isNode(day) ? list(day.room) : [];
    const groups = [
      ...rooms.map((room) => ({ room: attr(room, 'name'), events: isNode(room) ? list(room.event) : [] })),
      { room: null, events: isNode(day) ? list(day.event) : [] },
    ];
    for (const group of groups)
      for (const event of group.events) {
        if (!isNode(event)) continue;
        entries.push(eventEntry(event, { date: date.trim(), dayStart, room: group.room, zone, lineOf }));
      }
  }
  if (!zone && entries.length > 0)
    warnings.push('no time zone in the file or the conference: times without an offset read as UTC');
  return { format: 'pentabarf', entries: distinctUids(entries, warnings), timezone: known, warnings };
}

interface EventContext {
  date: string;
  dayStart: string | null;
  room: string | null;
  zone: string | null;
  lineOf: (tag: string, id: string | null) => number;
}

function eventEntry(event: Node, context: EventContext): ImportedEntry {
  const guid = attr(event, 'guid');
  const id = attr(event, 'id');
  const line = () => context.lineOf('<event', guid ?? id);
  const uid = cleanUid(guid ?? id ?? textOf(event.slug));
  if (!uid) throw new ScheduleError(line(), 'an <event> has no guid, id or slug');
  const startAt = startOf(event, context, line, uid);
  const rawDuration = textOf(event.duration);
  const minutes = rawDuration === null ? 0 : durationMinutes(rawDuration);
  if (minutes === null)
    throw new ScheduleError(line(), `event ${uid}: duration "${rawDuration}" is not HH:MM`);
  const title = cleanTitle(textOf(event.title) ?? '') || '(untitled)';
  const track = firstText(event.track);
  const abstract = cleanText(textOf(event.abstract));
  const description = cleanText(textOf(event.description));
  const url = httpUrl(textOf(event.url));
  const links = linkList(
    [
      ...list(isNode(event.attachments) ? event.attachments.attachment : undefined).map((node) => ({
        title: textOf(node) ?? attr(node, 'type'),
        url: attr(node, 'href'),
      })),
      ...list(isNode(event.links) ? event.links.link : undefined).map((node) => ({
        title: textOf(node),
        url: attr(node, 'href'),
      })),
      { title: 'Feedback', url: textOf(event.feedback_url) },
      { title: 'Video', url: textOf(event.video_url) },
      { title: 'Recording', url: isNode(event.recording) ? textOf(event.recording.url) : null },
    ],
    url,
  );
  const entry: ImportedEntry = {
    uid,
    title,
    startAt,
    endAt: new Date(startAt.getTime() + minutes * 60_000),
    room: cleanTitle(textOf(event.room) ?? context.room ?? '') || null,
    ...trackFields(track),
    speakers: nameList(
      list(isNode(event.persons) ? event.persons.person : undefined).map((person) => textOf(person)),
    ),
    url,
    abstract,
    ...eventTexts((key) => textOf(event[key]), abstract, description),
    links,
    cancelled: false,
  };
  const problem = timesProblem(entry);
  if (problem) throw new ScheduleError(line(), `event ${uid}: ${problem}`);
  return entry;
}

function firstText(value: unknown): string | null {
  for (const one of list(value)) {
    const text = textOf(one);
    if (text) return text;
  }
  return null;
}

function startOf(event: Node, context: EventContext, line: () => number, uid: string): Date {
  const date = textOf(event.date);
  if (date) {
    const instant = isoInstant(date, context.zone);
    if (!instant)
      throw new ScheduleError(line(), `event ${uid}: <date> "${date}" is not an ISO 8601 date-time`);
    return instant;
  }
  const start = textOf(event.start);
  if (!start) throw new ScheduleError(line(), `event ${uid} has neither <date> nor <start>`);
  // Without <date>, a time before the day's start (a night session) is on the next calendar date.
  const day =
    context.dayStart &&
    /^\d{1,2}:\d{2}/.test(start.trim()) &&
    start.trim().padStart(5, '0') < context.dayStart
      ? nextDay(context.date)
      : context.date;
  const instant = wallInstant(day, start, context.zone);
  if (!instant) throw new ScheduleError(line(), `event ${uid}: <start> "${start}" is not HH:MM`);
  return instant;
}

/** The line of an element with this guid or id (the first such tag when none), for messages. */
function lineFinder(source: string) {
  const starts: number[] = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  return (tag: string, id: string | null): number => {
    const escaped = (id ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = id ? new RegExp(`${tag}\\b[^>]*\\b(?:guid|id|date)=["']${escaped}["']`) : null;
    const found = pattern?.exec(source);
    const at = found ? found.index : source.indexOf(tag);
    return at === -1 ? 1 : lineAt(at);
  };
}
